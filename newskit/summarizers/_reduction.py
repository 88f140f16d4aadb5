"""Reduction: sum of a sentence's word-overlap edges."""

from __future__ import annotations

import numpy as np

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.summarizers._graph import check_graph_size, overlap_degree

__all__ = ["ReductionSummarizer"]


class ReductionSummarizer(Summarizer):
    """Score a sentence by the total weight of its edges to every other sentence.

    The edges are TextRank's word-overlap weights; there is no random walk, so it
    is a one-step (degree) centrality. Cost: one sparse product, O(n^2) memory.
    """

    name = "reduction"

    def score(self, doc: Document) -> np.ndarray:
        """Sum of the overlap weights to the other sentences."""
        if len(doc) == 0:
            return np.zeros(0)
        check_graph_size(doc, self.name)
        return overlap_degree(doc)
