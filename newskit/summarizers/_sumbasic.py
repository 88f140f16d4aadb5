"""SumBasic (Nenkova & Vanderwende 2005): frequent words, with redundancy decay."""

from __future__ import annotations

import numpy as np

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.summarizers._linalg import col_sums, row_entries, row_sums

__all__ = ["SumBasicSummarizer"]


class SumBasicSummarizer(Summarizer):
    """Greedily pick the sentence whose words are most probable, then square their probabilities.

    Word probabilities are stemmed content-word frequencies over the document. After
    a sentence is picked, the probability of each of its words is squared once per
    occurrence, so later picks favour words not yet covered. Cost per pick: one
    matrix-vector product.
    """

    name = "sumbasic"

    def rank(
        self, doc: Document, k: int, *, expected: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Greedy picks, best first; scores count down from ``k`` to 1."""
        n = len(doc)
        k = min(k, n)
        counts = doc.content_stem_counts
        lengths = row_sums(counts)
        total = lengths.sum()
        prob = col_sums(counts) / (total if total else 1.0)
        empty = lengths == 0
        safe = np.where(empty, 1.0, lengths)
        taken = np.zeros(n, dtype=bool)
        picks: list[int] = []
        for _ in range(k):
            avg = counts @ prob
            avg /= safe
            avg[empty] = 0.0
            avg[taken] = -np.inf
            best = int(np.argmax(avg))
            picks.append(best)
            taken[best] = True
            cols, reps = row_entries(counts, best)
            if cols.size == 0:
                continue
            # sumy squares once per occurrence: repeated squaring keeps identical rounding
            prob[cols] *= prob[cols]
            for r in range(1, int(reps.max())):
                sel = cols[reps > r]
                prob[sel] *= prob[sel]
        return np.asarray(picks, dtype=np.int64), np.arange(k, 0, -1, dtype=np.float64)
