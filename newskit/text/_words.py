"""Stop words and stemming.

The English stop-word list ships in the package (``newskit/models/
stopwords_en.txt``, built by ``newskit train stopwords`` from sumy's English
list, Apache-2.0) and is verified against the artifact manifest before it is
read. Stemming is NLTK's Snowball English stemmer ("Porter2"), which needs no
downloaded data; results are cached because news vocabularies repeat.
"""

from __future__ import annotations

from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

from newskit._artifacts import verified_path
from newskit._input import ensure_text

__all__ = ["STOPWORDS_ARTIFACT", "parse_stop_words", "stem", "stem_token", "stop_words"]

STOPWORDS_ARTIFACT = "stopwords_en.txt"
_STEMMER = SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem_token(word: str) -> str:
    """Stem an already-clean lowercase token (no input checks; used in hot loops)."""
    out: str = _STEMMER.stem(word)
    return out


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
