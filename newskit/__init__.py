"""newskit: parse, classify and summarize English news, offline."""

from newskit._article import Article, Section
from newskit._digest import ArticleDigest, DigestRecord, digest, digest_many
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
