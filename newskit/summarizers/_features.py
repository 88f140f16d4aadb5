"""Sentence features for the news-tuned ``default`` method."""

from __future__ import annotations

import re

import numpy as np

from newskit.summarizers._document import Document, cached_stem
from newskit.summarizers._linalg import col_sums, doc_freq, entries

__all__ = ["FEATURES", "sentence_features"]

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
)


def _centrality(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of each sentence's TF-IDF vector with the document's, and the
    share of the document's content mass the sentence covers."""
    counts = doc.content_stem_counts
    n = counts.shape[0]
    rows, cols, values = entries(counts)
    if values.size == 0:
        return np.zeros(n), np.zeros(n)
    idf = np.log((1.0 + n) / (1.0 + doc_freq(counts))) + 1.0
    weights = values * idf[cols]
    centroid = np.bincount(cols, weights=weights, minlength=counts.shape[1])
    norms = np.sqrt(np.bincount(rows, weights=weights**2, minlength=n))
    dots = np.bincount(rows, weights=weights * centroid[cols], minlength=n)
    cos = np.where(norms > 0, dots / np.where(norms > 0, norms, 1.0), 0.0)
    cos /= np.linalg.norm(centroid)
    mass = col_sums(counts)
    coverage = np.bincount(rows, weights=mass[cols], minlength=n) / mass.sum()
    return cos, coverage


def sentence_features(doc: Document) -> np.ndarray:
    """Return the ``(n_sentences, len(FEATURES))`` feature matrix of ``doc``."""
    from newskit.text import stop_words

    n = len(doc)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    pos = np.arange(n, dtype=np.float64)
    pid = doc.paragraph_ids
    paragraph_start = np.ones(n)
    paragraph_start[1:] = pid[1:] != pid[:-1]
    length = doc.sentence_lengths.astype(np.float64)
    stops = stop_words()
    title_stems = {cached_stem(w) for w in doc.title_tokens if w not in stops}
    if title_stems:
        rows, cols, _ = entries(doc.content_stem_counts)
        hit = doc.stem_mask(title_stems)[cols].astype(np.float64)
        title_overlap = np.bincount(rows, weights=hit, minlength=n) / len(title_stems)
    else:
        title_overlap = np.zeros(n)
    centrality, coverage = _centrality(doc)
    text = doc.sentences
    quote = np.fromiter((_QUOTE.search(s) is not None for s in text), np.float64, n)
    question = np.fromiter((_QUESTION.search(s) is not None for s in text), np.float64, n)
    digits = np.fromiter((_DIGIT.search(s) is not None for s in text), np.float64, n)
    return np.column_stack(
        [
            pos == 0,
            pos == 1,
            pos == 2,
            1.0 / (1.0 + pos),
            pos / max(n - 1, 1),
            paragraph_start,
            np.log1p(length),
            length < 8,
            length > 45,
            title_overlap,
            centrality,
            coverage,
            quote,
            question,
            digits,
        ]
    ).astype(np.float64)
