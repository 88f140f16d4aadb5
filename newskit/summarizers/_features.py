"""Sentence features for the news-tuned ``default`` method."""

from __future__ import annotations

import math
import re

import numpy as np

from newskit.summarizers._document import Document
from newskit.summarizers._graph import overlap_degree

__all__ = ["FEATURES", "MAX_DEGREE_SENTENCES", "sentence_features", "standardised"]

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


def _centrality(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each sentence's TF-IDF vector with the document's, and the
    share of the document's content mass the sentence covers."""
    counts = doc.content_stem_counts
    n = counts.shape[0]
    rows, cols, values = doc.content_entries
    if values.size == 0:
        return np.zeros(n), np.zeros(n)
    # per-term statistics from the cells: document frequency and mass
    df = np.bincount(cols, minlength=counts.shape[1])
    mass = np.bincount(cols, weights=values, minlength=counts.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    weights = values * idf[cols]
    centroid = np.bincount(cols, weights=weights, minlength=counts.shape[1])
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n))
    dots = np.bincount(rows, weights=weights * centroid[cols], minlength=n)
    cos = np.divide(dots, norms, out=np.zeros(n), where=norms > 0)
    cos /= np.sqrt(centroid @ centroid)
    coverage = np.bincount(rows, weights=mass[cols], minlength=n) / mass.sum()
    return cos, coverage


def _overlap_degree(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """Reduction's score (summed word-overlap edge weights), as a share of the
    document's best and standardised within the document.

    Long, on-topic sentences score high: they are what extractive references of
    about 40 % of an article keep. The graph is a dense n x n product, so above
    :data:`MAX_DEGREE_SENTENCES` sentences it is not built and both columns are 0
    (no information): the method stays linear, and light, on very long texts.
    """
    n = len(doc)
    if n > MAX_DEGREE_SENTENCES:
        return np.zeros(n), np.zeros(n)
    degree = overlap_degree(doc)
    top = degree.max()
    share = degree / top if top > 0 else np.zeros(n)
    return share, standardised(degree)


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


def sentence_features(doc: Document) -> np.ndarray:
    """Return the ``(n_sentences, len(FEATURES))`` feature matrix of ``doc``."""
    n = len(doc)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    x[:3, :3] = np.eye(3)[:n]  # first, second, third
    pos = np.arange(n, dtype=np.float64)
    np.divide(1.0, 1.0 + pos, out=x[:, 3])
    np.divide(pos, max(n - 1, 1), out=x[:, 4])
    pid = doc.paragraph_ids
    x[0, 5] = 1.0
    np.not_equal(pid[1:], pid[:-1], out=x[1:, 5], casting="unsafe")
    length = doc.sentence_lengths
    np.log1p(length, out=x[:, 6])
    np.less(length, 8, out=x[:, 7], casting="unsafe")
    np.greater(length, 45, out=x[:, 8], casting="unsafe")
    title, n_title = doc.title_stems()
    if n_title:
        rows, cols, _ = doc.content_entries
        hit = np.zeros(doc.n_stems, dtype=np.float64)
        hit[title] = 1.0
        np.divide(np.bincount(rows, weights=hit[cols], minlength=n), n_title, out=x[:, 9])
    x[:, 10], x[:, 11] = _centrality(doc)
    text = doc.sentences
    x[:, 12] = _matches(_QUOTE, text)
    x[:, 13] = _matches(_QUESTION, text)
    x[:, 14] = _matches(_DIGIT, text)
    x[:, 15], x[:, 16] = _overlap_degree(doc)
    return x
