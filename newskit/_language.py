"""Is this text English? A cheap, conservative check.

newskit's models, stop words and sentence splitter are English-only. Rather
than return confident but meaningless topics or summaries for other
languages, :func:`ensure_english` raises
:class:`~newskit.UnsupportedLanguageError` when a text is *clearly* not
English:

* most of its letters (at least 20 of them) are not Latin script (Chinese,
  Arabic, Urdu, Russian, Hindi, ...); or
* it is written in Latin script, has at least 40 words, and under 12% of
  them are English function words (French, Spanish, German, ...; English
  news runs at 35-50%).

Short or mixed texts pass: when in doubt, newskit treats text as English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from newskit._errors import UnsupportedLanguageError

__all__ = ["ensure_english", "non_english_reason"]

_SAMPLE = 20_000
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_MIN_LETTERS = 20
_MIN_WORDS = 40
_MIN_FUNCTION_SHARE = 0.12
# Closed-class English words: frequent in any English text whatever its topic.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "more",
        "not",
        "of",
        "on",
        "or",
        "our",
        "said",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
    ]
)


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "UNKNOWN")
    return name.split()[0]


def non_english_reason(text: str) -> str | None:
    """Return why ``text`` is clearly not English, or ``None``.

    >>> non_english_reason("Floods hit the coast on Monday.") is None
    True
    >>> non_english_reason("Правительство объявило о новой политике в области энергетики.")
    'mostly CYRILLIC script'
    """
    sample = text[:_SAMPLE]
    # Latin letters can only be outnumbered if there is a non-Latin one: one
    # scan that finds none (the usual case) spares counting every letter, and
    # ASCII text (isascii is one C call) has none.
    if not sample.isascii() and _NON_LATIN_LETTER.search(sample):
        letters = _LETTER.findall(sample)
        if len(letters) >= _MIN_LETTERS:
            latin = len(_LATIN.findall(sample))
            if latin < 0.5 * len(letters):
                scripts = Counter(_script(c) for c in letters[:2000] if not _LATIN.match(c))
                return f"mostly {scripts.most_common(1)[0][0]} script"
    words = _WORD.findall(sample.lower())
    if len(words) >= _MIN_WORDS:
        # English passes on the function words of its first half alone: each
        # look-up hashes a new string, and the count can only grow
        half = len(words) // 2
        found = sum(map(_FUNCTION_WORDS.__contains__, words[:half]))
        if found >= _MIN_FUNCTION_SHARE * len(words):
            return None
        share = (found + sum(map(_FUNCTION_WORDS.__contains__, words[half:]))) / len(words)
        if share < _MIN_FUNCTION_SHARE:
            return f"only {share:.0%} English function words"
    return None


def ensure_english(text: str, *, what: str = "text") -> None:
    """Raise :class:`~newskit.UnsupportedLanguageError` if ``text`` is clearly not English."""
    reason = non_english_reason(text)
    if reason is not None:
        raise UnsupportedLanguageError(
            f"{what} does not look like English ({reason}); newskit's models are English-only"
        )
