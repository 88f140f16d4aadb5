"""Stop words and stemming.

The English stop-word list ships in the package (``newskit/models/
stopwords_en.txt``, built by ``newskit train stopwords`` from sumy's English
list, Apache-2.0) and is verified against the artifact manifest before it is
read. Stemming is NLTK's Snowball English stemmer ("Porter2"), which needs no
downloaded data. The stems of frequent news words ship precomputed
(``newskit/models/stems_en.json.gz``, built by ``newskit train stems`` with
the same NLTK stemmer and verified against the manifest before it is read), so
a word newskit has not met before costs one dictionary look-up instead of a
run of the stemmer; any other word is stemmed by :mod:`newskit.text._snowball`
(NLTK's stemmer as one faster function, with NLTK's results), and results are
cached because news vocabularies repeat. The table changes speed only, never a stem.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from functools import lru_cache

from newskit._artifacts import verified_path
from newskit._input import ensure_text
from newskit.text import _snowball

__all__ = [
    "STEMS_ARTIFACT",
    "STOPWORDS_ARTIFACT",
    "parse_stop_words",
    "stem",
    "stem_table",
    "stem_token",
    "stem_tokens",
    "stop_words",
]

STOPWORDS_ARTIFACT = "stopwords_en.txt"
STEMS_ARTIFACT = "stems_en.json.gz"
#: Version of the stem table's layout.
STEMS_FORMAT = 1
#: ``False`` turns the shipped stem table off (tests compare both ways).
USE_STEM_TABLE = True


@lru_cache(maxsize=1)
def _shipped_stems() -> tuple[dict[str, str], frozenset[str]]:
    path = verified_path(STEMS_ARTIFACT)
    data = json.loads(gzip.decompress(path.read_bytes()))
    if data.get("format") != STEMS_FORMAT:
        return {}, frozenset()
    pairs = data["pairs"].split(" ")
    table = dict(zip(pairs[0::2], pairs[1::2], strict=True))
    return table, frozenset(data["no_possessive"].split())


def stem_table() -> dict[str, str]:
    """The shipped word -> stem table (read once; empty when turned off).

    Every stem in it is what NLTK's ``SnowballStemmer("english")`` gives the
    word (``tests/text/test_stems.py`` checks each one against the installed NLTK).
    """
    return _shipped_stems()[0] if USE_STEM_TABLE else {}


#: A token without a letter (``2019``, ``1.7``, ``10:30``): no Snowball suffix rule
#: can apply to it, so it is its own stem.
_NO_LETTER = re.compile(r"[\d.,:]+")


@lru_cache(maxsize=200_000)
def _nltk_stem(word: str) -> str:
    """The stem of a word the table lacks."""
    if _NO_LETTER.fullmatch(word):
        return word
    if word.endswith("'s") and USE_STEM_TABLE:
        # "golfer's": the table word's stem, unless the table says the
        # possessive stems differently (checked for every table word when built)
        table, exceptions = _shipped_stems()
        base = word[:-2]
        found = table.get(base)
        if found is not None and "'" not in base and base not in exceptions:
            return found
    return _snowball.stem(word)


def stem_token(word: str) -> str:
    """Stem an already-clean lowercase token (no input checks; used in hot loops)."""
    found = stem_table().get(word)
    return _nltk_stem(word) if found is None else found


def stem_tokens(words: Sequence[str]) -> list[str]:
    """:func:`stem_token` of each word: one table look-up each, NLTK for the rest."""
    stems: list[str | None] = list(map(stem_table().get, words))
    if None in stems:
        return [_nltk_stem(w) if s is None else s for w, s in zip(words, stems, strict=True)]
    return stems  # type: ignore[return-value]


def stem(word: str) -> str:
    """Return the Snowball (Porter2) English stem of ``word``.

    Parameters
    ----------
    word : str
        One word; it is lowercased first.

    Returns
    -------
    str
        The stem; the empty string for an empty word.

    Raises
    ------
    InputTypeError
        ``word`` is not ``str`` or ``bytes``.

    Examples
    --------
    >>> stem("Elections"), stem("running"), stem("Pakistan's")
    ('elect', 'run', 'pakistan')
    """
    return stem_token(ensure_text(word, name="word").strip().lower())


def parse_stop_words(text: str) -> frozenset[str]:
    """Parse a stop-word file: one word a line, ``#`` comments and blank lines ignored."""
    words = (line.strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Return newskit's English stop words (sumy's list, lowercase, ASCII apostrophes).

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> words = stop_words()
    >>> "the" in words, "election" in words
    (True, False)
    """
    path = verified_path(STOPWORDS_ARTIFACT)
    return parse_stop_words(path.read_text(encoding="utf-8"))
