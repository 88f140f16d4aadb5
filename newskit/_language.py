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
# A share of at least 1/8 is surely above the threshold, whatever the float rounding.
_SURE_SHARE_DENOMINATOR = 8
assert 1 / _SURE_SHARE_DENOMINATOR > _MIN_FUNCTION_SHARE
# Byte maps for _surely_english: [a-z] and "'" kept, every other byte a space; [a-z] as "a".
_KEEP_WORD_BYTES = bytes(
    c if chr(c).isascii() and (chr(c).islower() or chr(c) == "'") else 32 for c in range(256)
)
_RUN_BYTES = bytes(97 if 97 <= c <= 122 else 32 for c in range(256))
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


# The most frequent function words in English news, most frequent first, as
# _surely_english counts them: between two bytes that are neither [a-z] nor "'".
_FREQUENT = tuple(
    f" {word} ".encode()
    for word in ("the", "to", "of", "a", "and", "in", "said", "that", "was", "for", "on", "he")
)
assert all(word.strip().decode() in _FUNCTION_WORDS for word in _FREQUENT)


def _surely_english(lowered: str) -> bool:
    """Whether the function-word rule passes ``lowered`` (the lower-cased sample), from
    bounds that C string scans give in a few microseconds.

    ``_WORD`` matches at most one word per run of ``[a-z]`` (a match starts at a run's
    first letter and takes the whole run), so the runs bound the number of words from
    above. An occurrence of " the " in the bytes below is the word "the" between two
    characters that are neither ``[a-z]`` nor an apostrophe, so ``_WORD`` matches it
    as it stands; distinct occurrences are distinct matches, which bounds the number
    of function words from below. When the lower bound is at least 1/8 of the upper
    one, the share is at least 1/8, above the threshold, and the exact count is spared;
    otherwise (short texts, other languages) the caller counts.
    """
    # utf-8: a non-ASCII character becomes bytes >= 0x80, which map to spaces as the
    # character is neither [a-z] nor an apostrophe; "surrogatepass": any str encodes
    data = lowered.encode("utf-8", "surrogatepass").translate(_KEEP_WORD_BYTES)
    runs = data.translate(_RUN_BYTES)
    limit = runs.count(b" a") + runs.startswith(b"a")
    found = 0
    for word in _FREQUENT:
        found += data.count(word)
        if _SURE_SHARE_DENOMINATOR * found >= limit:
            return True
    return False


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
    lowered = sample.lower()
    if _surely_english(lowered):
        return None
    words = _WORD.findall(lowered)
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
