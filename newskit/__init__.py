"""newskit: parse, classify and summarize English news, offline.

The functions and classes below are imported on first use (PEP 562), so
``import newskit`` stays cheap and a program that only parses never loads
scikit-learn, NLTK or sumy. The subpackages (``newskit.parsing``,
``newskit.text``, ``newskit.topics``, ``newskit.summarizers``,
``newskit.evaluate``) are reachable the same way.
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
    ParseWarning,
    UnsupportedLanguageError,
    UntrustedModelError,
)
from newskit._public import EXPORTS, SUBPACKAGES, publish
from newskit._version import __version__

if TYPE_CHECKING:
    from newskit import evaluate as evaluate
    from newskit import parsing as parsing
    from newskit import summarizers as summarizers
    from newskit import text as text
    from newskit import topics as topics
    from newskit._digest import ArticleDigest, DigestRecord, digest, digest_many
    from newskit.parsing import parse, parse_html, parse_text
    from newskit.summarizers import Summary, SummarySentence, summarize, summarize_many
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


def __getattr__(name: str) -> Any:
    if name in SUBPACKAGES:
        value = importlib.import_module(f"newskit.{name}")
    elif name in EXPORTS:
        value = getattr(importlib.import_module(EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(EXPORTS) | SUBPACKAGES)


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
    "ParseWarning",
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
    "summarize_many",
]

publish(
    "newskit",
    globals(),
    [n for n in __all__ if n in globals() and n != "__version__"],
)
