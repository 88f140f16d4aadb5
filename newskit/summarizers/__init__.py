"""Extractive summarizers: every classic algorithm, vectorized, plus a news-tuned default.

Use :func:`newskit.summarize`; the classes here are the algorithms behind its
``method=`` names, for callers who want to reuse one on many documents.
"""

from newskit._public import publish
from newskit.summarizers._api import summarize, summarize_documents, summarize_many
from newskit.summarizers._base import Summarizer, Summary, SummarySentence
from newskit.summarizers._default import DefaultSummarizer
from newskit.summarizers._document import Document, build_document
from newskit.summarizers._edmundson import (
    NEWS_BONUS_WORDS,
    NEWS_STIGMA_WORDS,
    EdmundsonSummarizer,
)
from newskit.summarizers._kl import KLSummarizer
from newskit.summarizers._lead import LeadSummarizer
from newskit.summarizers._lexrank import LexRankSummarizer
from newskit.summarizers._lsa import LsaSummarizer
from newskit.summarizers._luhn import LuhnSummarizer
from newskit.summarizers._random import RandomSummarizer
from newskit.summarizers._reduction import ReductionSummarizer
from newskit.summarizers._registry import METHODS, SUMMARIZERS
from newskit.summarizers._sentence_features import FEATURES
from newskit.summarizers._sumbasic import SumBasicSummarizer
from newskit.summarizers._sumy import SUMY_METHODS, SumySummarizer
from newskit.summarizers._textrank import TextRankSummarizer

__all__ = [
    "FEATURES",
    "METHODS",
    "NEWS_BONUS_WORDS",
    "NEWS_STIGMA_WORDS",
    "SUMMARIZERS",
    "SUMY_METHODS",
    "DefaultSummarizer",
    "Document",
    "EdmundsonSummarizer",
    "KLSummarizer",
    "LeadSummarizer",
    "LexRankSummarizer",
    "LsaSummarizer",
    "LuhnSummarizer",
    "RandomSummarizer",
    "ReductionSummarizer",
    "SumBasicSummarizer",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "SumySummarizer",
    "TextRankSummarizer",
    "build_document",
    "summarize",
    "summarize_documents",
    "summarize_many",
]

publish(__name__, globals(), __all__)
