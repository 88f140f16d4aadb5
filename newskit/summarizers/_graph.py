"""Helpers shared by the graph-based methods (LexRank, TextRank, Reduction)."""

from __future__ import annotations

import numpy as np

from newskit._errors import InputValueError
from newskit.summarizers._document import Document
from newskit.summarizers._linalg import gram, row_sums, single_thread

__all__ = ["MAX_GRAPH_SENTENCES", "check_graph_size", "overlap_weights"]

#: Most sentences the O(n^2) graph methods accept (a dense n x n matrix).
MAX_GRAPH_SENTENCES = 5_000


def check_graph_size(doc: Document, method: str) -> None:
    """Refuse documents whose sentence graph would not fit comfortably in memory."""
    if len(doc) > MAX_GRAPH_SENTENCES:
        raise InputValueError(
            f"{method} builds a sentences x sentences matrix; {len(doc):,} sentences is more "
            f"than its limit of {MAX_GRAPH_SENTENCES:,} (use 'default', 'luhn', 'lsa', 'kl' "
            "or 'sumbasic', which are linear)"
        )


def overlap_weights(doc: Document, *, isclose_zero: bool) -> np.ndarray:
    """Word-overlap similarity of every sentence pair, as in TextRank.

    ``w_ij = (shared words, with multiplicity) / (log |s_i| + log |s_j|)`` over the
    stemmed non-stop words. A pair whose normaliser is zero (two one-word
    sentences) keeps the raw overlap when ``isclose_zero`` (sumy's TextRank) and
    scores 0 otherwise (sumy's Reduction).
    """
    check_graph_size(doc, "this method")
    counts = doc.content_stem_counts
    overlap = gram(counts)
    lengths = row_sums(counts)
    logs = np.log(np.where(lengths > 0, lengths, 1.0))
    norm = logs[:, None] + logs[None, :]
    weights = np.zeros_like(overlap)
    pos = overlap != 0
    if isclose_zero:
        tiny = np.isclose(norm, 0.0)
        weights[pos & tiny] = overlap[pos & tiny]
        div = pos & ~tiny
    else:
        div = pos & (norm != 0.0)
    weights[div] = overlap[div] / norm[div]
    return weights


def power_iteration(transposed: np.ndarray, epsilon: float, *, normalize: bool) -> np.ndarray:
    """Stationary vector of a transposed transition matrix, as sumy iterates it.

    LexRank rescales the vector to unit length at every step (``normalize``);
    TextRank does not. Stops when a step moves the vector by at most ``epsilon``.
    """
    n = transposed.shape[0]
    with single_thread():
        p = np.full(n, 1.0 / n)
        for _ in range(10_000):
            nxt = transposed @ p
            if normalize:
                norm = float(np.sqrt(nxt @ nxt))
                if norm == 0:
                    break
                nxt /= norm
            diff = nxt - p
            delta = float(np.sqrt(diff @ diff))
            p = nxt
            if delta <= epsilon:
                break
    return p
