"""Turning an :class:`~newskit.Article` or a string into the text the model reads.

Only the title and the body are used. Page chrome, datelines, bylines,
captions and highlights are not: they name outlets and places, which would
teach the model *who* published a story rather than *what* it is about.

Plain strings are used as given, except that leading lines that are only a
date (``"Friday, January 4, 2019"``) or a dateline stamp are dropped. The text
is cut after ``max_words`` words: the guidelines call a topic central when it
is in the headline or lead, and a bounded length keeps classification fast and
makes long and short training texts look alike.
"""

from __future__ import annotations

import re

from newskit._article import Article
from newskit._errors import InputTypeError
from newskit._input import ensure_text

__all__ = ["document_text"]

_MONTHS = (
    "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    "sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?"
)
_DATE_LINE = re.compile(
    r"^\s*((mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    rf"(({_MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s*\d{{4}}|\d{{1,2}}\s+({_MONTHS})\.?,?\s*\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\s*$",
    re.IGNORECASE,
)


def _strip_leading_dates(text: str) -> str:
    # Line by line from the top: splitting the whole text would cost more
    # than everything else done to it.
    start = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip() and not _DATE_LINE.match(line):
            return text[start:]
        if end < 0:
            return ""
        start = end + 1


def _truncate(text: str, max_words: int | None) -> str:
    """Cut ``text`` just after its ``max_words``-th whitespace-separated word."""
    if max_words is None or max_words < 1:
        return text
    # str.split and str.rstrip treat exactly the characters regex \s matches as
    # whitespace, and split's remainder starts at word max_words + 1: cutting
    # before it is one C call instead of a Python loop over every word.
    words = text.split(None, max_words)
    if len(words) < max_words:
        return text
    if len(words) == max_words:
        return text.rstrip()
    return text[: len(text) - len(words[-1])].rstrip()


def document_text(x: object, max_words: int | None = None) -> str:
    """Return the text of ``x`` (an Article, ``str`` or ``bytes``) as the model reads it.

    Parameters
    ----------
    x : Article, str or bytes
        One article.
    max_words : int or None
        Keep at most this many whitespace-separated words; ``None`` keeps all.

    Returns
    -------
    str
        Title and body separated by blank lines (may be empty).

    Examples
    --------
    >>> document_text(Article(title="Talks resume", body=["Envoys met.", "More later."]))
    'Talks resume\\n\\nEnvoys met.\\n\\nMore later.'
    >>> document_text("Friday, January 4, 2019\\n\\nTroops withdrew on Monday.", max_words=2)
    'Troops withdrew'
    """
    if isinstance(x, Article):
        parts = [x.title.strip(), *(p.strip() for p in x.body)]
        text = "\n\n".join(p for p in parts if p)
    elif isinstance(x, str | bytes | bytearray | memoryview):
        text = ensure_text(x)
        if max_words is not None:
            # No word is 30 characters on average: cut early so long pages cost
            # no more than their lead.
            text = text[: max_words * 30 + 200]
        text = _strip_leading_dates(text).strip()
    else:
        raise InputTypeError(
            f"an article must be a newskit.Article, str or bytes, not {type(x).__name__}"
        )
    return _truncate(text, max_words)
