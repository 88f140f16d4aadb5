"""Sentence features for the news-tuned ``default`` method."""

from __future__ import annotations

import math
import re
import zlib
from itertools import chain

import numpy as np

from newskit.summarizers._document import Document
from newskit.summarizers._graph import shared_overlap_degree
from newskit.summarizers._stack import Stack, segment_standardised

__all__ = [
    "EXTRA_FEATURES",
    "FEATURES",
    "HASH_BUCKETS",
    "MAX_DEGREE_SENTENCES",
    "TRAINED_FEATURES",
    "hashed_words",
    "sentence_features",
    "stacked_features",
    "standardised",
    "trained_features",
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


# -- the trained (CNN/DailyMail) model's features --------------------------------

_SAID = re.compile(r"\b(?:said|says|told|according)\b", re.IGNORECASE)
_STARTS_QUOTE = re.compile("^[\"'“‘]")
_ENDS_QUOTE = re.compile("[\"'”’][)]?$")
_COLON = re.compile(r"[:;]")

#: Columns :func:`trained_features` adds to :data:`FEATURES`.
EXTRA_FEATURES: tuple[str, ...] = (
    "log_sentences",
    "log_document_tokens",
    "length_z",
    "centrality_z",
    "centrality_rank",
    "first_overlap",
    "stop_share",
    "starts_quote",
    "ends_quote",
    "said",
    "colon",
    "length_share",
)
#: Every column of :func:`trained_features`.
TRAINED_FEATURES: tuple[str, ...] = FEATURES + EXTRA_FEATURES
#: Buckets of the hashed word features (:func:`hashed_words`).
HASH_BUCKETS = 1 << 16


def _within_rank(x: np.ndarray, stack: Stack) -> np.ndarray:
    """Rank of each row's ``x`` within its document, best (largest) = 0, as a share of
    the document's size (ties broken by position).

    Values equal to 9 decimals are ties: sums of the same terms in another order
    (the order of word ids, which depends on what the process read before) differ
    in the last bits, and the rank must not.
    """
    order = np.lexsort((stack.position, -np.round(x, 9), stack.doc_of_row))
    rank = np.empty(x.size, dtype=np.float64)
    rank[order] = np.arange(x.size) - stack.starts[stack.doc_of_row[order]]
    out: np.ndarray = rank / stack.per_row(np.maximum(stack.sizes, 1))
    return out


def trained_features(stack: Stack) -> np.ndarray:
    """Return the ``(stack.n_rows, len(TRAINED_FEATURES))`` matrix: :func:`stacked_features`
    plus :data:`EXTRA_FEATURES`, all from lower-cased words (they mean the same on the
    lower-cased, tokenized training text as on cased text at run time)."""
    n = stack.n_rows
    x = np.zeros((n, len(TRAINED_FEATURES)))
    if n == 0:
        return x
    base = len(FEATURES)
    x[:, :base] = stacked_features(stack)
    length = stack.lengths.astype(np.float64)
    doc_tokens = stack.doc_sums(length)
    x[:, base] = stack.per_row(np.log1p(stack.sizes))
    x[:, base + 1] = stack.per_row(np.log1p(doc_tokens))
    x[:, base + 2] = segment_standardised(length, stack)
    centrality = x[:, FEATURES.index("centrality")]
    x[:, base + 3] = segment_standardised(centrality, stack)
    x[:, base + 4] = _within_rank(centrality, stack)
    rows, cols, values, col_doc, *_ = stack.cells
    in_first = np.zeros(col_doc.size, dtype=np.float64)
    first_rows = stack.starts[stack.sizes > 0]
    in_first[cols[np.isin(rows, first_rows)]] = 1.0
    content = np.bincount(rows, minlength=n).astype(np.float64)
    hits = np.bincount(rows, weights=in_first[cols], minlength=n)
    np.divide(hits, content, out=x[:, base + 5], where=content > 0)
    words = np.bincount(rows, weights=values, minlength=n)
    np.divide(length - words, length, out=x[:, base + 6], where=length > 0)
    text = stack.sentences
    x[:, base + 7] = _matches(_STARTS_QUOTE, text)
    x[:, base + 8] = _matches(_ENDS_QUOTE, text)
    x[:, base + 9] = _matches(_SAID, text)
    x[:, base + 10] = _matches(_COLON, text)
    per_doc = stack.per_row(doc_tokens)
    np.divide(length, per_doc, out=x[:, base + 11], where=per_doc > 0)
    return x


class _Buckets(dict[str, int]):
    """Word -> hash bucket (crc32, the same in every process), computed once per word."""

    def __missing__(self, word: str) -> int:
        bucket = zlib.crc32(word.encode("utf-8")) % HASH_BUCKETS
        if len(self) < 1 << 20:
            self[word] = bucket
        return bucket


_BUCKETS = _Buckets()


def hashed_words(stack: Stack) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, buckets and values of each sentence's distinct lower-cased words, hashed
    into :data:`HASH_BUCKETS` columns, each row scaled to unit length (a row's
    duplicated buckets are summed by the consumer)."""
    tokens = stack._tokens
    lengths = stack.lengths
    flat = list(chain.from_iterable(tokens))
    buckets = np.fromiter(map(_BUCKETS.__getitem__, flat), np.int64, len(flat))
    rows = np.repeat(np.arange(stack.n_rows), lengths)
    # sorted distinct keys (what ``np.unique`` returns, several times faster here)
    keys = np.sort(rows * HASH_BUCKETS + buckets)
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if keys.size else keys
    rows, buckets = keys // HASH_BUCKETS, keys % HASH_BUCKETS
    counts = np.bincount(rows, minlength=stack.n_rows).astype(np.float64)
    values = 1.0 / np.sqrt(np.maximum(counts[rows], 1.0))
    return rows, buckets, values
