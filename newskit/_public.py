"""Which module presents each public name, and the ``__module__`` it shows.

:data:`EXPORTS` lists the names of the top-level ``newskit`` namespace with the
subpackage that defines them; ``newskit/__init__.py`` imports them from there
on first use. Every subpackage calls :func:`publish` on its ``__all__``, so a
class or function shows where users import it from (``newskit.TopicClassifier``
in a repr, a traceback, the API reference, a pickle), never the private module
that implements it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["EXPORTS", "SUBPACKAGES", "publish"]

#: Top-level public name -> the module it is imported from on first use.
EXPORTS: dict[str, str] = {
    "Article": "newskit._article",
    "ArticleDigest": "newskit._digest",
    "DigestRecord": "newskit._digest",
    "InputTypeError": "newskit._errors",
    "InputValueError": "newskit._errors",
    "ModelError": "newskit._errors",
    "ModelIntegrityError": "newskit._errors",
    "ModelVersionError": "newskit._errors",
    "NewskitError": "newskit._errors",
    "Section": "newskit._article",
    "Summary": "newskit.summarizers",
    "SummarySentence": "newskit.summarizers",
    "TermWeight": "newskit.topics",
    "TopicClassifier": "newskit.topics",
    "TopicExplanation": "newskit.topics",
    "TopicResult": "newskit.topics",
    "UnsupportedLanguageError": "newskit._errors",
    "UntrustedModelError": "newskit._errors",
    "classify": "newskit.topics",
    "classify_many": "newskit.topics",
    "digest": "newskit._digest",
    "digest_many": "newskit._digest",
    "explain": "newskit.topics",
    "parse": "newskit.parsing",
    "parse_html": "newskit.parsing",
    "parse_text": "newskit.parsing",
    "split_sentences": "newskit.text",
    "summarize": "newskit.summarizers",
    "summarize_many": "newskit.summarizers",
}

#: Subpackages reachable as attributes of ``newskit`` (imported on first use).
SUBPACKAGES = frozenset({"evaluate", "parsing", "summarizers", "text", "topics"})


def publish(module: str, namespace: Mapping[str, Any], names: Iterable[str]) -> None:
    """Set ``__module__`` of the classes and functions ``names`` of ``namespace``.

    A name of :data:`EXPORTS` shows ``newskit``; any other shows ``module``
    (the subpackage whose ``__all__`` lists it). Constants are left alone.
    """
    for name in names:
        obj = namespace[name]
        if isinstance(obj, type) or callable(obj):
            obj.__module__ = "newskit" if name in EXPORTS else module
