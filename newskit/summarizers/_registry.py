"""Method name -> summarizer class."""

from __future__ import annotations

from newskit._methods import METHODS
from newskit.summarizers._base import Summarizer
from newskit.summarizers._default import DefaultSummarizer
from newskit.summarizers._edmundson import EdmundsonSummarizer
from newskit.summarizers._kl import KLSummarizer
from newskit.summarizers._lead import LeadSummarizer
from newskit.summarizers._lexrank import LexRankSummarizer
from newskit.summarizers._lsa import LsaSummarizer
from newskit.summarizers._luhn import LuhnSummarizer
from newskit.summarizers._random import RandomSummarizer
from newskit.summarizers._reduction import ReductionSummarizer
from newskit.summarizers._sumbasic import SumBasicSummarizer
from newskit.summarizers._textrank import TextRankSummarizer

__all__ = ["METHODS", "SUMMARIZERS"]

SUMMARIZERS: dict[str, type[Summarizer]] = {
    cls.name: cls
    for cls in (
        DefaultSummarizer,
        LeadSummarizer,
        RandomSummarizer,
        LuhnSummarizer,
        EdmundsonSummarizer,
        LsaSummarizer,
        LexRankSummarizer,
        TextRankSummarizer,
        SumBasicSummarizer,
        KLSummarizer,
        ReductionSummarizer,
    )
}

if tuple(SUMMARIZERS) != METHODS:  # pragma: no cover - a new class without its name
    raise ImportError("newskit._methods.METHODS and the summarizer classes disagree")
