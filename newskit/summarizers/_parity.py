"""Comparing newskit's implementation of a method with sumy's on the same document."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from newskit.summarizers._api import select
from newskit.summarizers._document import Document
from newskit.summarizers._registry import SUMMARIZERS
from newskit.summarizers._sumy import SumySummarizer

__all__ = ["GREEDY", "ParityResult", "compare_with_sumy"]

#: Methods whose scores are pick ranks, so "tied" has no meaning for them.
GREEDY = frozenset({"sumbasic", "kl"})


class ParityResult(NamedTuple):
    """Outcome of one comparison."""

    ours: list[int]
    sumy: list[int]
    strict: bool
    """Both chose exactly the same sentences."""
    up_to_ties: bool
    """Same sentences, or the differing ones have exactly equal newskit scores."""


def compare_with_sumy(doc: Document, method: str, k: int = 3) -> ParityResult:
    """Run both implementations of ``method`` on ``doc`` and compare their ``k`` picks."""
    ours, _ = select(SUMMARIZERS[method](), doc, "n_sentences", k)
    theirs, _ = select(SumySummarizer(method), doc, "n_sentences", k)
    a, b = sorted(ours.tolist()), sorted(theirs.tolist())
    strict = a == b
    tied = strict
    if not strict and method not in GREEDY and len(a) == len(b):
        scores = np.asarray(SUMMARIZERS[method]().score(doc), dtype=np.float64)
        tied = bool(np.allclose(np.sort(scores[a]), np.sort(scores[b]), rtol=1e-9, atol=1e-12))
    return ParityResult(a, b, strict, tied)
