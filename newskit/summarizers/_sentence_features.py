"""Sentence features for the news-tuned ``default`` method."""

from __future__ import annotations

import math
import re

import numpy as np

from newskit.summarizers._document import Document
from newskit.summarizers._graph import shared_overlap_degree
from newskit.summarizers._stack import Stack, segment_standardised

__all__ = [
    "FEATURES",
    "MAX_DEGREE_SENTENCES",
    "sentence_features",
    "stacked_features",
    "standardised",
]

#: Most sentences for which the word-overlap degree features are computed.
MAX_DEGREE_SENTENCES = 2_000

_QUOTE = re.compile('["“”]')
_QUESTION = re.compile("\\?[\"'”’ )]*$")
_DIGIT = re.compile(r"\d")

#: Feature names, in column order.
FEATURES: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "inverse_position",
    "relative_position",
    "paragraph_start",
    "log_length",
    "short",
    "long",
    "title_overlap",
    "centrality",
    "document_overlap",
    "quote",
    "question",
    "digits",
    "overlap_degree",
    "overlap_degree_z",
)


def _centrality(stack: Stack) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each sentence's TF-IDF vector with its document's, and the
    share of the document's content mass the sentence covers."""
    rows, cols, values, col_doc, *_ = stack.cells
    n, n_cols = stack.n_rows, col_doc.size
    # per-term statistics from the cells: document frequency and mass
    df = np.bincount(cols, minlength=n_cols)
    mass = np.bincount(cols, weights=values, minlength=n_cols)
    idf = np.log((1.0 + stack.sizes[col_doc]) / (1.0 + df)) + 1.0
    weights = values * idf[cols]
    centroid = np.bincount(cols, weights=weights, minlength=n_cols)
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n))
    dots = np.bincount(rows, weights=weights * centroid[cols], minlength=n)
    cos = np.divide(dots, norms, out=np.zeros(n), where=norms > 0)
    by_doc = np.bincount(col_doc, weights=centroid * centroid, minlength=len(stack))
    centroid_norms = stack.per_row(np.sqrt(by_doc))
    np.divide(cos, centroid_norms, out=cos, where=centroid_norms > 0)
    total = stack.per_row(np.bincount(col_doc, weights=mass, minlength=len(stack)))
    covered = np.bincount(rows, weights=mass[cols], minlength=n)
    return cos, np.divide(covered, total, out=np.zeros(n), where=total > 0)


def _overlap_degree(stack: Stack) -> tuple[np.ndarray, np.ndarray]:
    """Reduction's score (summed word-overlap edge weights), as a share of the
    document's best and standardised within the document.

    Long, on-topic sentences score high: they are what extractive references of
    about 40 % of an article keep. The graph is a dense n x n product per
    document, so a document of more than :data:`MAX_DEGREE_SENTENCES`
    sentences gets 0 in both columns (no information): the method stays
    linear, and light, on very long texts.
    """
    rows, cols, values, col_doc, *_ = stack.cells
    n = stack.n_rows
    degree = np.zeros(n)
    logs = np.log(np.maximum(np.bincount(rows, weights=values, minlength=n), 1.0))
    shared = np.bincount(cols, minlength=col_doc.size) > 1
    keep = shared[cols]
    rows, cols, values = rows[keep], (np.cumsum(shared) - 1)[cols[keep]], values[keep]
    # each document's cells and shared columns are contiguous: slice them out
    cell_bounds = [*np.searchsorted(rows, stack.starts).tolist(), rows.size]
    col_bounds = np.searchsorted(col_doc[shared], np.arange(len(stack))).tolist()
    col_bounds.append(int(shared.sum()))
    small = stack.sizes <= MAX_DEGREE_SENTENCES
    for i in np.flatnonzero(small & (stack.sizes > 1)).tolist():
        block = stack.rows(i)
        cells = slice(cell_bounds[i], cell_bounds[i + 1])
        first_col = col_bounds[i]
        counts = np.zeros((block.stop - block.start, col_bounds[i + 1] - first_col))
        counts[rows[cells] - block.start, cols[cells] - first_col] = values[cells]
        degree[block] = shared_overlap_degree(counts, logs[block])
    top = np.zeros(len(stack))
    np.maximum.at(top, stack.doc_of_row, degree)
    top = stack.per_row(top)
    share = np.divide(degree, top, out=np.zeros(n), where=top > 0)
    return share, segment_standardised(degree, stack) * stack.per_row(small)


def standardised(x: np.ndarray) -> np.ndarray:
    """``(x - x.mean()) / x.std()``, or zeros when ``x`` is constant.

    The same float operations as numpy's ``mean`` and ``std``, without their
    per-call overhead (a dozen microseconds, paid twice per document).
    """
    n = x.size
    if n == 0:
        return np.zeros(0)
    centred = x - np.add.reduce(x) / n
    spread = math.sqrt(np.add.reduce(centred * centred) / n)
    return centred / spread if spread > 0 else np.zeros(n)


def _matches(pattern: re.Pattern[str], sentences: list[str]) -> np.ndarray:
    """1.0 where ``pattern`` occurs in the sentence, else 0.0 (one C-level pass)."""
    return np.fromiter(map(pattern.search, sentences), bool, len(sentences))


def stacked_features(stack: Stack) -> np.ndarray:
    """Return the ``(stack.n_rows, len(FEATURES))`` feature matrix of every
    sentence of a :class:`~newskit.summarizers._stack.Stack`."""
    n = stack.n_rows
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    pos = stack.position
    for column in range(3):  # first, second, third
        np.equal(pos, column, out=x[:, column], casting="unsafe")
    fpos = pos.astype(np.float64)
    np.divide(1.0, 1.0 + fpos, out=x[:, 3])
    np.divide(fpos, stack.per_row(np.maximum(stack.sizes - 1, 1)), out=x[:, 4])
    pid = stack.paragraph_ids
    starts = x[:, 5]
    np.not_equal(pid[1:], pid[:-1], out=starts[1:], casting="unsafe")
    starts[stack.starts[stack.sizes > 0]] = 1.0
    length = stack.lengths
    np.log1p(length, out=x[:, 6])
    np.less(length, 8, out=x[:, 7], casting="unsafe")
    np.greater(length, 45, out=x[:, 8], casting="unsafe")
    cells = stack.cells
    n_title = stack.per_row(cells.n_title)
    hits = np.bincount(cells.rows, weights=cells.in_title[cells.cols], minlength=n)
    np.divide(hits, n_title, out=x[:, 9], where=n_title > 0)
    x[:, 10], x[:, 11] = _centrality(stack)
    text = stack.sentences
    x[:, 12] = _matches(_QUOTE, text)
    x[:, 13] = _matches(_QUESTION, text)
    x[:, 14] = _matches(_DIGIT, text)
    x[:, 15], x[:, 16] = _overlap_degree(stack)
    return x


def sentence_features(doc: Document) -> np.ndarray:
    """Return the ``(n_sentences, len(FEATURES))`` feature matrix of ``doc``."""
    return stacked_features(Stack([doc]))
