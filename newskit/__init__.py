"""newskit: parse, classify and summarize English news, offline.

The functions and classes below are imported on first use (PEP 562), so
``import newskit`` stays cheap and a program that only parses never loads
scikit-learn, NLTK or sumy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newskit._article import Article, Section
from newskit._errors import (
    InputTypeError,
    InputValueError,
    ModelError,
    ModelIntegrityError,
    ModelVersionError,
    NewskitError,
    UnsupportedLanguageError,
    UntrustedModelError,
)
from newskit._version import __version__

if TYPE_CHECKING:
    from newskit._digest import ArticleDigest, DigestRecord, digest, digest_many
    from newskit.parsing import parse, parse_html, parse_text
    from newskit.summarizers import Summary, SummarySentence, summarize
    from newskit.text import split_sentences
    from newskit.topics import (
        TermWeight,
        TopicClassifier,
        TopicExplanation,
        TopicResult,
        classify,
        classify_many,
        explain,
    )

#: Public name -> the module that defines it, imported on first access.
_LAZY = {
    "ArticleDigest": "newskit._digest",
    "DigestRecord": "newskit._digest",
    "digest": "newskit._digest",
    "digest_many": "newskit._digest",
    "parse": "newskit.parsing",
    "parse_html": "newskit.parsing",
    "parse_text": "newskit.parsing",
    "Summary": "newskit.summarizers",
    "SummarySentence": "newskit.summarizers",
    "summarize": "newskit.summarizers",
    "split_sentences": "newskit.text",
    "TermWeight": "newskit.topics",
    "TopicClassifier": "newskit.topics",
    "TopicExplanation": "newskit.topics",
    "TopicResult": "newskit.topics",
    "classify": "newskit.topics",
    "classify_many": "newskit.topics",
    "explain": "newskit.topics",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "ArticleDigest",
    "DigestRecord",
    "InputTypeError",
    "InputValueError",
    "ModelError",
    "ModelIntegrityError",
    "ModelVersionError",
    "NewskitError",
    "Section",
    "Summary",
    "SummarySentence",
    "TermWeight",
    "TopicClassifier",
    "TopicExplanation",
    "TopicResult",
    "UnsupportedLanguageError",
    "UntrustedModelError",
    "__version__",
    "classify",
    "classify_many",
    "digest",
    "digest_many",
    "explain",
    "parse",
    "parse_html",
    "parse_text",
    "split_sentences",
    "summarize",
]
