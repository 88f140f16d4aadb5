"""Helpers shared by the graph-based methods (LexRank, TextRank, Reduction)."""

from __future__ import annotations

import math

import numpy as np

from newskit._errors import InputValueError
from newskit.summarizers._document import Document
from newskit.summarizers._linalg import Matrix, gram, row_sums, single_thread

__all__ = [
    "MAX_GRAPH_SENTENCES",
    "check_graph_size",
    "log_lengths",
    "overlap_degree",
    "overlap_weights",
    "shared_overlap_degree",
]

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


def log_lengths(counts: Matrix) -> np.ndarray:
    """``log |s|`` of each sentence's content-word count (an empty sentence counts as 1)."""
    return np.asarray(np.log(np.maximum(row_sums(counts), 1.0)), dtype=np.float64)


def _pair_norms(logs: np.ndarray) -> np.ndarray:
    """``log |s_i| + log |s_j|`` for every sentence pair."""
    return np.asarray(logs[:, None] + logs[None, :], dtype=np.float64)


def overlap_weights(doc: Document) -> np.ndarray:
    """Word-overlap similarity of every sentence pair, as in sumy's TextRank.

    ``w_ij = (shared words, with multiplicity) / (log |s_i| + log |s_j|)`` over the
    stemmed non-stop words. A pair whose normaliser is zero (two one-word
    sentences) keeps the raw overlap, as sumy's TextRank does.
    """
    check_graph_size(doc, "this method")
    counts = doc.content_stem_counts
    overlap = gram(counts)
    norm = _pair_norms(log_lengths(counts))
    # Every log length is >= 0, so a normaliser is either 0 (two one-word sentences,
    # whose raw overlap stays) or at least log 2; an overlap of 0 divides to 0.
    np.divide(overlap, norm, out=overlap, where=norm > 1e-8)
    return overlap


def overlap_degree(doc: Document) -> np.ndarray:
    """Each sentence's summed word-overlap weight to the others, as in sumy's Reduction.

    ``sum over j != i of shared(i, j) / (log |s_i| + log |s_j|)``, a pair whose
    normaliser is zero scoring 0. Reduction's score, and a feature of
    ``default``. The caller checks the document's size.
    """
    counts = doc.content_stem_counts
    _, cols, _ = doc.content_entries
    shared = np.bincount(cols, minlength=counts.shape[1]) > 1
    return shared_overlap_degree(counts[:, shared], log_lengths(counts))


def shared_overlap_degree(shared_counts: Matrix, logs: np.ndarray) -> np.ndarray:
    """:func:`overlap_degree` from the sentence x stem counts of the stems found in
    more than one sentence, and :func:`log_lengths` of the full counts.

    A stem found in one sentence only adds to the diagonal, which is cleared:
    the product over the shared stems alone has the same off-diagonal cells
    (sums of integer products, so exactly) at a fraction of the cost.
    """
    overlap = gram(shared_counts)
    np.fill_diagonal(overlap, 0.0)
    norm = _pair_norms(logs)
    norm[norm == 0.0] = np.inf  # two one-word sentences: weight 0 (sumy's Reduction)
    return np.asarray((overlap / norm).sum(axis=1), dtype=np.float64)


def power_iteration(transposed: np.ndarray, epsilon: float, *, normalize: bool) -> np.ndarray:
    """Stationary vector of a transposed transition matrix, as sumy iterates it.

    LexRank rescales the vector to unit length at every step (``normalize``);
    TextRank does not. Stops when a step moves the vector by at most ``epsilon``.
    """
    n = transposed.shape[0]
    p = np.full(n, 1.0 / n)
    nxt = np.empty(n)
    diff = np.empty(n)
    with single_thread(n * n):
        for _ in range(10_000):
            np.dot(transposed, p, out=nxt)
            if normalize:
                norm = math.sqrt(nxt.dot(nxt))
                if norm == 0:
                    break
                nxt /= norm
            np.subtract(nxt, p, out=diff)
            delta = math.sqrt(diff.dot(diff))
            p, nxt = nxt, p
            if delta <= epsilon:
                break
    return p
