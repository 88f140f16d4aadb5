"""KL-Sum (Haghighi & Vanderwende 2009): match the document's word distribution."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.summarizers._linalg import col_sums, row_sums

__all__ = ["KLSummarizer"]


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``x * log(y)``, 0 where ``x`` is 0."""
    return np.where(x > 0, x * np.log(np.where(y > 0, y, 1.0)), 0.0)


class _DenseSteps:
    """The greedy steps on a dense sentence x word matrix, sharing work between picks.

    Cell ``(i, w)`` of the KL matrix is ``P(w) log P(w) - P(w) log joint(i, w)`` where
    ``joint > 0``, else 0 (``joint`` = sentence count + summary count). Outside the
    summary's words ``joint`` is the sentence count, so those cells are computed once;
    each pick only rewrites the summary's columns, in place. The row sums then see
    exactly the values (and summation order) of the full recomputation.
    """

    def __init__(self, counts: np.ndarray, dist: np.ndarray) -> None:
        self.counts = counts
        self.dist = dist
        self.own = _xlogy(dist, dist)
        # only the non-zero cells need a logarithm; the rest stay 0
        rows, cols = np.nonzero(counts)
        self.weight = np.zeros_like(counts)  # P(w) where joint > 0
        self.weight[rows, cols] = dist[cols]
        self.terms = np.zeros_like(counts)
        self.terms[rows, cols] = self.own[cols] - _xlogy(dist[cols], counts[rows, cols])

    def __call__(self, summary: np.ndarray, size: np.ndarray) -> np.ndarray:
        j = np.flatnonzero(summary > 0)
        if j.size:
            dj = self.dist[j]
            self.weight[:, j] = dj
            self.terms[:, j] = self.own[j] - _xlogy(dj, self.counts[:, j] + summary[j])
        log_size = np.log(np.where(size > 0, size, 1.0))
        kl = self.terms.sum(axis=1) + self.weight.sum(axis=1) * log_size
        return np.asarray(kl, dtype=np.float64)


class KLSummarizer(Summarizer):
    """Greedily add the sentence that brings the summary closest to the document's words.

    Distributions are over unstemmed content words. Each step computes, for every
    remaining sentence at once, ``sum_w P_doc(w) log(P_doc(w) / P_summary+s(w))``
    over the words present in summary + sentence (sumy's definition; the
    summary's length counts all its tokens, stop words included). Cost per
    pick: a few vectorised passes over the sentence x word matrix.
    """

    name = "kl"

    def rank(
        self, doc: Document, k: int, *, expected: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Greedy picks, best first; scores count down from ``k`` to 1."""
        n = len(doc)
        k = min(k, n)
        counts = doc.content_word_counts
        lengths = row_sums(counts)
        total = lengths.sum()
        dist = col_sums(counts) / (total if total else 1.0)
        word_ids = doc.word_ids
        summary = np.zeros(counts.shape[1])
        summary_len = 0.0
        available = np.ones(n, dtype=bool)
        picks: list[int] = []
        step = _DenseSteps(counts, dist) if isinstance(counts, np.ndarray) else None
        for _ in range(k):
            if step is not None:
                kl = step(summary, lengths + summary_len)
            else:
                kl = self._sparse_step(counts, dist, summary, lengths + summary_len)
            kl[~available] = np.inf
            best = int(np.argmin(kl))
            picks.append(best)
            available[best] = False
            tokens = word_ids[doc.token_sentence == best]
            summary += np.bincount(tokens, minlength=summary.size)
            summary_len += float(tokens.size)
        return np.asarray(picks, dtype=np.int64), np.arange(k, 0, -1, dtype=np.float64)

    @staticmethod
    def _sparse_step(
        counts: sp.csr_matrix, dist: np.ndarray, summary: np.ndarray, size: np.ndarray
    ) -> np.ndarray:
        n = counts.shape[0]
        rows = np.repeat(np.arange(n), np.diff(counts.indptr))
        cols = counts.indices
        in_summary = summary > 0
        # words of the sentence not in the summary yet
        out = ~in_summary[cols]
        d = dist[cols[out]]
        part = _xlogy(d, d) - _xlogy(d, counts.data[out])
        s1 = np.bincount(rows[out], weights=part, minlength=n)
        w1 = np.bincount(rows[out], weights=d, minlength=n)
        # words already in the summary: joint count = sentence count + summary count
        j = np.flatnonzero(in_summary)
        joint = counts[:, j].toarray() + summary[j]
        dj = dist[j]
        s2 = (_xlogy(dj, dj) - _xlogy(dj, joint)).sum(axis=1)
        log_size = np.log(np.where(size > 0, size, 1.0))
        return np.asarray(s1 + s2 + (w1 + dj.sum()) * log_size, dtype=np.float64)
