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
        step = self._dense_step if isinstance(counts, np.ndarray) else self._sparse_step
        for _ in range(k):
            kl = step(counts, dist, summary, lengths + summary_len)
            kl[~available] = np.inf
            best = int(np.argmin(kl))
            picks.append(best)
            available[best] = False
            tokens = word_ids[doc.token_sentence == best]
            summary += np.bincount(tokens, minlength=summary.size)
            summary_len += float(tokens.size)
        return np.asarray(picks, dtype=np.int64), np.arange(k, 0, -1, dtype=np.float64)

    @staticmethod
    def _dense_step(
        counts: np.ndarray, dist: np.ndarray, summary: np.ndarray, size: np.ndarray
    ) -> np.ndarray:
        joint = counts + summary
        d = np.where(joint > 0, dist, 0.0)
        log_size = np.log(np.where(size > 0, size, 1.0))
        kl = (_xlogy(d, d) - _xlogy(d, joint)).sum(axis=1) + d.sum(axis=1) * log_size
        return np.asarray(kl, dtype=np.float64)

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
