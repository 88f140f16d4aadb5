"""TextRank (Mihalcea & Tarau 2004): PageRank over a word-overlap sentence graph."""

from __future__ import annotations

import numpy as np

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.summarizers._graph import check_graph_size, overlap_weights, power_iteration

__all__ = ["TextRankSummarizer"]


class TextRankSummarizer(Summarizer):
    """Rank sentences by PageRank on a graph weighted by shared words.

    Edge weight: shared stemmed content words over ``log |s_i| + log |s_j|``;
    rows are normalised, damped, and the power method runs until the score
    vector moves less than ``epsilon`` (sumy's stopping rule, so the result
    matches sumy's).

    Parameters
    ----------
    damping : float
        PageRank damping factor.
    epsilon : float
        Convergence threshold of the power method.
    """

    name = "textrank"

    def __init__(self, damping: float = 0.85, epsilon: float = 1e-4) -> None:
        self.damping = damping
        self.epsilon = epsilon

    def score(self, doc: Document) -> np.ndarray:
        """Stationary PageRank score of each sentence."""
        n = len(doc)
        if n == 0:
            return np.zeros(0)
        check_graph_size(doc, self.name)
        weights = overlap_weights(doc)
        weights /= weights.sum(axis=1)[:, None] + 1e-7
        # (1 - damping) / n + damping * weights, in place: the same products and sums
        weights *= self.damping
        weights += (1.0 - self.damping) / n
        return power_iteration(weights.T, self.epsilon, normalize=False)
