"""Random: a seeded random baseline."""

from __future__ import annotations

import numpy as np

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document

__all__ = ["RandomSummarizer"]


class RandomSummarizer(Summarizer):
    """Pick sentences at random: the floor any method must clear.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed and text give the same summary.
    """

    name = "random"

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed

    def score(self, doc: Document) -> np.ndarray:
        """A random permutation of ``0 .. n-1`` drawn from ``seed``."""
        rng = np.random.default_rng(self.seed)
        return rng.permutation(len(doc)).astype(np.float64)
