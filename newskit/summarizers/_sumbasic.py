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
        safe = np.where(lengths > 0, lengths, 1.0)
        available = np.ones(n, dtype=bool)
        picks: list[int] = []
        for _ in range(k):
            avg = np.where(lengths > 0, (counts @ prob) / safe, 0.0)
            avg[~available] = -np.inf
            best = int(np.argmax(avg))
            picks.append(best)
            available[best] = False
            cols, reps = row_entries(counts, best)
            # sumy squares once per occurrence: repeated squaring keeps identical rounding
            for r in range(int(reps.max()) if reps.size else 0):
                sel = cols[reps > r]
                prob[sel] = prob[sel] * prob[sel]
        return np.asarray(picks, dtype=np.int64), np.arange(k, 0, -1, dtype=np.float64)
