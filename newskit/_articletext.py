"""The text of an article as newskit's models read it: the title and the body paragraphs.

The topic classifier and the summarizers read the same thing, made here once
per article. Page chrome, datelines, bylines, captions and highlights are not
part of it: they name outlets and places, which would teach a model *who*
published a story rather than *what* it is about, and they are not sentences
a summary should quote.

A plain string is split into paragraphs on blank lines (on line breaks when it
has none), after its leading lines that are only a date
(``"Friday, January 4, 2019"``) are dropped. The English check reads the title
and the lead, where the language shows; checking more would only add cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newskit._article import Article
from newskit._errors import InputTypeError
from newskit._input import ensure_text
from newskit._language import ensure_english

__all__ = ["ArticleText", "article_text"]

#: Characters of title + body the English check reads (about 150 words).
LANGUAGE_SAMPLE = 1000

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
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


@dataclass(frozen=True)
class ArticleText:
    """An article's title and body paragraphs, stripped, none of them empty.

    Examples
    --------
    >>> t = article_text("Friday, January 4, 2019\\n\\nTroops withdrew.\\n\\nTalks resume.")
    >>> t.paragraphs
    ('Troops withdrew.', 'Talks resume.')
    >>> t.joined(max_words=1)
    'Troops'
    """

    title: str
    paragraphs: tuple[str, ...]

    def joined(self, max_words: int | None = None) -> str:
        """Title and paragraphs separated by blank lines, cut after ``max_words`` words."""
        parts = (self.title, *self.paragraphs) if self.title else self.paragraphs
        return _truncate("\n\n".join(parts), max_words)

    def ensure_english(self, what: str = "the text") -> None:
        """Raise :class:`~newskit.UnsupportedLanguageError` if it is clearly not English."""
        parts = (self.title, *self.paragraphs) if self.title else self.paragraphs
        # the sample is the start of joined(): only the parts it reaches are joined
        end = -2  # where the joined parts so far end
        for count, part in enumerate(parts, 1):
            end += 2 + len(part)
            if end >= LANGUAGE_SAMPLE:
                parts = parts[:count]
                break
        ensure_english("\n\n".join(parts)[:LANGUAGE_SAMPLE], what=what)


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


def _paragraphs(text: str) -> tuple[str, ...]:
    """Split on blank lines when the text has any, else on line breaks."""
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return tuple(p for p in (p.strip() for p in parts) if p)


def article_text(
    x: Article | str | bytes | bytearray | memoryview,
    *,
    title: str | None = None,
    max_words: int | None = None,
) -> ArticleText:
    """Return the title and body paragraphs of ``x`` (an Article, ``str`` or ``bytes``).

    Parameters
    ----------
    x : Article, str or bytes
        One article. Of an :class:`~newskit.Article` only the title and body are read.
    title : str, optional
        The headline of plain text (replaces an Article's own title).
    max_words : int, optional
        A reader that needs no more than this many words of a long string may
        say so; the paragraphs are then only guaranteed to hold that many.

    Raises
    ------
    InputTypeError
        ``x`` is not an Article, ``str`` or ``bytes``, or a paragraph is not text.

    Examples
    --------
    >>> article_text(Article(title=" Talks ", body=["Envoys met.", "  "]))
    ArticleText(title='Talks', paragraphs=('Envoys met.',))
    """
    if isinstance(x, Article):
        paragraphs = tuple(
            p for p in (ensure_text(p, name="a paragraph").strip() for p in x.body) if p
        )
        head = x.title if title is None else title
    elif isinstance(x, str | bytes | bytearray | memoryview):
        text = ensure_text(x)
        if max_words is not None:
            # No word is 30 characters on average: cut early so a long page
            # costs no more than its lead.
            text = text[: max_words * 30 + 200]
        paragraphs = _paragraphs(_strip_leading_dates(text))
        head = title or ""
    else:
        raise InputTypeError(
            f"an article must be a newskit.Article, str or bytes, not {type(x).__name__}"
        )
    head = ensure_text(head, name="title").strip() if head else ""
    return ArticleText(head, paragraphs)
