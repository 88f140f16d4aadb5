"""Luhn (1958): clusters of significant words."""

from __future__ import annotations

import numpy as np

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document

__all__ = ["LuhnSummarizer"]


class LuhnSummarizer(Summarizer):
    """Score sentences by their densest cluster of significant words.

    A word is significant when its stem occurs more than once in the document,
    headline included (stop words excluded). Significant words closer than ``max_gap`` insignificant
    words apart form a chunk rated ``significant**2 / chunk_length``; a sentence
    scores its best chunk. Same rules as ``sumy.summarizers.luhn``.

    Parameters
    ----------
    max_gap : int
        A run of this many insignificant words ends a chunk.
    """

    name = "luhn"

    def __init__(self, max_gap: int = 4) -> None:
        self.max_gap = max_gap

    def score(self, doc: Document) -> np.ndarray:
        """Best chunk rating of each sentence (0 without a chunk of 2+ significant words)."""
        scores = np.zeros(len(doc))
        if not doc.flat_tokens:
            return scores
        stems = doc.stem_ids
        # the headline's words count too (as in sumy, whose document words include headings)
        counts = np.bincount(
            np.concatenate([stems[~doc.is_stop], doc.title_stem_ids()]), minlength=doc.n_stems
        )
        pos = np.flatnonzero(counts[stems] > 1)
        if pos.size == 0:
            return scores
        sent = doc.token_sentence[pos]
        start = np.ones(pos.size, dtype=bool)
        start[1:] = (sent[1:] != sent[:-1]) | (np.diff(pos) > self.max_gap)
        chunk = np.cumsum(start) - 1
        n_sig = np.bincount(chunk).astype(np.float64)
        end = np.append(start[1:], True)
        length = (pos[end] - pos[start] + 1).astype(np.float64)
        rating = np.where(n_sig == 1, 0.0, n_sig**2 / length)
        np.maximum.at(scores, sent[start], rating)
        return scores
