"""Lead: the first sentences of the article."""

from __future__ import annotations

import numpy as np

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document

__all__ = ["LeadSummarizer"]


class LeadSummarizer(Summarizer):
    """Pick the first sentences: the classic news baseline (Lead-3).

    Newswire puts the most important facts first, so Lead-3 is hard to beat on
    news. Cost: O(1) after sentence splitting.
    """

    name = "lead"

    def score(self, doc: Document) -> np.ndarray:
        """Score ``1 / (1 + position)``: earlier sentences score higher."""
        return 1.0 / (1.0 + np.arange(len(doc), dtype=np.float64))

    def rank(
        self, doc: Document, k: int, *, expected: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The first ``k`` sentences and their scores: what ranking :meth:`score` gives
        (the scores fall with position), without scoring the rest."""
        order = np.arange(min(k, len(doc)))
        return order, 1.0 / (1.0 + order.astype(np.float64))
