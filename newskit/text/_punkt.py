"""Punkt parameters stored as plain JSON, and the tokenizer built from them.

NLTK ships its Punkt models as pickles (or ``punkt_tab`` data fetched with
``nltk.download``); newskit ships its own parameters as JSON inside the
package (``newskit/models/punkt_en.json``) so nothing is unpickled and nothing
is downloaded. The file is checked against the artifact manifest before it is
read, and loaded once, on first use.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from newskit._artifacts import verified_path
from newskit._errors import ModelError, ModelVersionError
from newskit.text._fastpunkt import FastPunkt

__all__ = [
    "ARTIFACT",
    "FORMAT",
    "NewsLanguageVars",
    "NewsToken",
    "ascii_quotes",
    "load_fast_tokenizer",
    "load_tokenizer",
    "params_from_json",
    "params_to_json",
]

ARTIFACT = "punkt_en.json"
FORMAT = "newskit-punkt/1"

# Curly quotes are mapped one-to-one onto ASCII ones before Punkt sees the
# text: older NLTK releases only realign ASCII quotes onto the sentence they
# close, and a length-preserving map keeps every offset valid.
_QUOTE_PAIRS = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))


def ascii_quotes(text: str) -> str:
    """Return ``text`` with curly quotes replaced by ASCII ones (same length).

    >>> ascii_quotes("\u201cYes,\u201d she said.")
    '"Yes," she said.'
    """
    if text.isascii():  # O(1) in CPython
        return text
    # four str.replace calls are ~20x faster than str.translate with a dict
    for curly, straight in _QUOTE_PAIRS:
        text = text.replace(curly, straight)
    return text


class NewsLanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English language variables, compiled with the standard ``re`` module.

    Recent NLTK releases run every Punkt regex through the third-party
    ``regex`` engine under a timeout (``nltk.redos``), which makes sentence
    splitting several times slower. The patterns here are NLTK's own (3.10),
    fixed so behaviour does not change with the installed NLTK version, and
    all are linear-time.
    """

    re_boundary_realignment = re.compile(
        r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', re.MULTILINE
    )
    _re_non_word_chars = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        try:
            return self._re_word_tokenizer_std
        except AttributeError:
            self._re_word_tokenizer_std: re.Pattern[str] = re.compile(
                self._word_tokenize_fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                },
                re.UNICODE | re.VERBOSE,
            )
            return self._re_word_tokenizer_std

    def period_context_re(self) -> re.Pattern[str]:
        try:
            return self._re_period_context_std
        except AttributeError:
            self._re_period_context_std: re.Pattern[str] = re.compile(
                self._period_context_fmt
                % {"NonWord": self._re_non_word_chars, "SentEndChars": r"[\.\?!]"},
                re.UNICODE | re.VERBOSE,
            )
            return self._re_period_context_std


_NON_PUNCT = re.compile(r"[^\W\d]")


class NewsToken(PunktToken):  # type: ignore[misc]
    """Punkt's token with its regexes compiled by the standard ``re`` module."""

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")

    @property
    def is_non_punct(self) -> re.Match[str] | None:
        return _NON_PUNCT.search(self.type)


def params_to_json(params: PunktParameters, meta: dict[str, Any] | None = None) -> str:
    """Serialise Punkt parameters as deterministic, sorted JSON."""
    data = {
        "format": FORMAT,
        "meta": meta or {},
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted((k, int(v)) for k, v in params.ortho_context.items() if v)),
    }
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def params_from_json(text: str) -> PunktParameters:
    """Rebuild :class:`~nltk.tokenize.punkt.PunktParameters` from :func:`params_to_json` output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelError(f"Punkt parameters are not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ModelVersionError(f"Punkt parameters have format {found!r}, expected {FORMAT!r}")
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {(a, b) for a, b in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for typ, flags in data["ortho_context"].items():
        params.ortho_context[typ] = int(flags)
    return params


def tokenizer_from_params(params: PunktParameters) -> PunktSentenceTokenizer:
    """Return a sentence tokenizer using ``params`` and newskit's language variables."""
    return PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars(), token_cls=NewsToken)


@lru_cache(maxsize=1)
def load_tokenizer(path: Path | None = None) -> PunktSentenceTokenizer:
    """Return the shipped tokenizer (verified and parsed once; ``path`` overrides, for tests)."""
    source = path if path is not None else verified_path(ARTIFACT)
    return tokenizer_from_params(params_from_json(source.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def load_fast_tokenizer() -> FastPunkt:
    """Return :class:`~newskit.text._fastpunkt.FastPunkt` on the shipped parameters.

    It gives the same spans as :func:`load_tokenizer`'s ``span_tokenize``, several
    times faster.
    """
    return FastPunkt(load_tokenizer()._params, NewsLanguageVars())
