"""LexRank (Erkan & Radev 2004): eigenvector centrality on a thresholded cosine graph."""

from __future__ import annotations

import numpy as np

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.summarizers._graph import check_graph_size, power_iteration
from newskit.summarizers._linalg import doc_freq, gram, row_max, scale

__all__ = ["LexRankSummarizer"]


class LexRankSummarizer(Summarizer):
    """Rank sentences by centrality in the graph of similar sentence pairs.

    Sentences are TF-IDF vectors (max-normalised term frequency, ``idf =
    log(n / (1 + df))`` with sentences as documents); pairs with cosine above
    ``threshold`` are linked, rows normalised by degree, and the power method
    runs until the normalised score vector moves less than ``epsilon`` (sumy's
    rules, so selections match sumy's). Cost: one sparse Gram product,
    O(n^2) memory for n sentences.

    Parameters
    ----------
    threshold : float
        Minimum cosine similarity for an edge.
    epsilon : float
        Convergence threshold of the power method.
    """

    name = "lexrank"

    def __init__(self, threshold: float = 0.1, epsilon: float = 0.1) -> None:
        self.threshold = threshold
        self.epsilon = epsilon

    def similarity(self, doc: Document) -> np.ndarray:
        """Dense matrix of idf-modified cosine similarities."""
        check_graph_size(doc, self.name)
        counts = doc.content_stem_counts
        peak = row_max(counts)
        peak[peak == 0] = 1.0
        idf = np.log(len(doc) / (1.0 + doc_freq(counts)))
        dots = gram(scale(counts, 1.0 / peak, idf))
        norms = np.sqrt(np.diag(dots))
        denom = np.outer(norms, norms)
        sim = np.zeros_like(dots)
        np.divide(dots, denom, out=sim, where=denom > 0)
        return sim

    def score(self, doc: Document) -> np.ndarray:
        """Power-method centrality of each sentence."""
        n = len(doc)
        if n == 0:
            return np.zeros(0)
        adjacency = (self.similarity(doc) > self.threshold).astype(np.float64)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1.0
        transposed = np.ascontiguousarray((adjacency / degrees[:, None]).T)
        return power_iteration(transposed, self.epsilon, normalize=True)
