"""``parse_text``: page dumps (text copied from news pages) to :class:`~newskit.Article` objects.

The heuristics are described in ``docs/parsing.rst``. The text goes through a
chain of stages, each a module with one job, each testable alone:

1. **decode** (:func:`newskit._input.ensure_text`): bytes to text, line
   endings, control characters;
2. **lines** (:mod:`~newskit.parsing._unwrap`, :mod:`~newskit.parsing._lines`):
   lines a renderer hard-wrapped are joined back into paragraphs and lynx link
   numbers dropped, then every line gets one kind (blank, chrome, date,
   byline, bullet, text), judged on the line alone;
3. **article boundaries**: a page copy (:func:`~newskit.parsing._pagecopy.is_page_copy`)
   is cut into copied pages (:mod:`~newskit.parsing._pages`) and the article
   block of each chosen (:mod:`~newskit.parsing._pagecopy`); a dump of
   articles is split where a headline starts a new one
   (:mod:`~newskit.parsing._split`);
4. **fields** (:mod:`~newskit.parsing._fields`): each article's header and
   body are read into the fields of an :class:`~newskit.Article`.

Nothing is dropped without a trace: lines left out are page chrome (recorded
in :class:`Parsed`), and when prose that may be another article is among them,
or an article may hold more than one copied page, :func:`parse_text` warns
(:class:`~newskit.ParseWarning`).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import datetime

from newskit._article import Article
from newskit._errors import InputTypeError, InputValueError, ParseWarning
from newskit._input import ensure_text, refuse_locator
from newskit.parsing._fields import find_header_date, read_article
from newskit.parsing._lines import Kind, Line, classify, link
from newskit.parsing._pagecopy import is_page_copy, masthead_title, select
from newskit.parsing._shapes import is_caption, is_title_like
from newskit.parsing._sniff import starts_like_html

__all__ = ["parse_text"]


def _first_title(lines: list[Line]) -> int | None:
    for i, line in enumerate(lines):
        if line.kind is Kind.TEXT:
            ok = is_title_like(line.text) and not is_caption(line.text)
            return i if ok and line.next_content < len(lines) else None
    return None


def parse_text(text: str | bytes, *, now: datetime | None = None) -> list[Article]:
    """Parse a page dump (text copied from one or more news pages) into articles.

    Parameters
    ----------
    text : str or bytes
        The dump. ``bytes`` are decoded (UTF-8, then Windows-1252, then Latin-1).
    now : datetime, optional
        Reference time for relative dates such as ``Updated 12 sec ago``.
        Without it those dates stay unresolved: ``updated`` is ``None`` and
        ``updated_text`` keeps the raw text.

    Returns
    -------
    list of Article
        One per article found, in input order; ``[]`` for empty or
        whitespace-only text.

    Raises
    ------
    InputTypeError
        If ``text`` is not ``str`` or ``bytes``, or ``now`` is not a datetime.
    InputValueError
        If ``text`` is binary data, or an HTML document (it starts with a
        doctype or an ``<html>``, ``<head>`` or ``<body>`` tag): parsing
        markup as a text dump would give garbage articles; or if ``text`` is
        a one-line ``str`` that is a URL or looks like a file path (read the
        file with ``newskit.parse(pathlib.Path(...))``, see :doc:`/input`).

    Warns
    -----
    ParseWarning
        When a page copy holds prose that may be another article (several
        page copies whose boundaries could not be told) and it was left out
        as page chrome, or when an article may hold more than one copied page
        (a copyright line or "Skip to content" stands between two stretches
        of its prose); the articles found are returned.

    Notes
    -----
    The heuristics (article splitting, headers, chrome, subheads, dates) are
    described in the "Parsing page dumps" page of the documentation. Every
    non-blank line that is not page chrome ends up in exactly one field of one
    article. Runs in time linear in the input size.

    Examples
    --------
    >>> dump = '''Floods close schools in Lahore
    ...
    ... Updated 14 November 2024
    ... Follow
    ...
    ... LAHORE: Schools closed on Thursday after heavy rain.
    ... Officials said they would reopen next week.
    ... '''
    >>> [article] = parse_text(dump)
    >>> article.title, article.dateline, article.updated
    ('Floods close schools in Lahore', 'LAHORE', datetime.datetime(2024, 11, 14, 0, 0))
    >>> article.body
    ['Schools closed on Thursday after heavy rain.', 'Officials said they would reopen next week.']
    >>> parse_text("   ")
    []
    """
    if isinstance(text, str):
        refuse_locator(text)  # a URL or file name given as content
    text = ensure_text(text)
    if now is not None and not isinstance(now, datetime):
        raise InputTypeError(f"now must be a datetime or None, not {type(now).__name__}")
    if not text.strip():
        return []
    if starts_like_html(text):
        raise InputValueError(
            "text starts like an HTML document; use newskit.parse_html, "
            "or newskit.parse, which tells HTML from text"
        )
    parsed = read_lines(classify(text), now)
    doubts = []
    if parsed.uncertain:
        doubts.append("prose that may be another article was left out as page chrome")
    if parsed.mixed:
        doubts.append(
            "an article may hold more than one page (a copyright line or 'Skip to content' "
            "stands inside it)"
        )
    if doubts:
        warnings.warn(
            ParseWarning(
                f"page copy: read {len(parsed.articles)} article(s), but "
                + "; and ".join(doubts)
                + " (several page copies in one file whose boundaries could not be told?)"
            ),
            stacklevel=2,
        )
    return parsed.articles


@dataclass
class Parsed:
    """What :func:`read_lines` made of a text: the articles and the lines left out.

    Attributes
    ----------
    articles : list of Article
    chrome : list of str
        Every non-blank line that is in no field: page chrome.
    page_copy : bool
        Whether the text was read as a whole-page copy (one article per copied
        page kept, the rest of the page recorded as chrome).
    uncertain : bool
        Whether prose that may be another article was recorded as chrome
        (``parse_text`` then warns with :class:`~newskit.ParseWarning`).
    mixed : bool
        Whether an article may hold the text of more than one copied page
        (``parse_text`` then warns with :class:`~newskit.ParseWarning`).
    """

    articles: list[Article]
    chrome: list[str]
    page_copy: bool
    uncertain: bool = False
    mixed: bool = False


def _read_page_copy(lines: list[Line], now: datetime | None) -> Parsed | None:
    """Read the articles :func:`select` finds, with the lines left out as chrome."""
    picked = select(lines)
    if not picked.pages:
        return None
    articles: list[Article] = []
    dropped: list[str] = []
    at = 0
    for page in picked.pages:
        kept: list[Line] = []
        title: int | None = None
        for i in range(at, page.end):
            line = lines[i]
            if line.kind is Kind.BLANK:
                if page.start <= i:
                    kept.append(line)
            elif i < page.start or i in page.drop or line.kind is Kind.CHROME:
                # page chrome leaves no trace in the kept lines: beside the header
                # it would turn the first paragraphs into captions
                dropped.append(line.text)
            else:
                if i == page.title:
                    title = len(kept)
                kept.append(line)
        link(kept)
        draft, _ = read_article(kept, 0, title, split=False, flush_heads=page.indented)
        if not draft.stamps and not draft.is_empty():
            find_header_date(lines, at, page.start, page.end, draft)
        if not draft.is_empty():
            articles.append(draft.build(now))
        at = page.end
    dropped += [line.text for line in lines[at:] if line.kind is not Kind.BLANK]
    return Parsed(articles, dropped, True, uncertain=picked.uncertain, mixed=picked.mixed)


def read_lines(lines: list[Line], now: datetime | None = None) -> Parsed:
    """Read classified lines into articles: a page copy gives one, a dump one per article."""
    # A text that opens with a masthead (a small site's name and a menu line above
    # the headline, a date line or byline under it) is a page copy with too few
    # page signals to tell.
    if is_page_copy(lines) or masthead_title(lines) is not None:
        page = _read_page_copy(lines, now)
        if page is not None:
            return page
    articles = []
    start, title = 0, _first_title(lines)
    while start < len(lines):
        draft, nxt = read_article(lines, start, title)
        if not draft.is_empty():
            articles.append(draft.build(now))
        start, title = nxt, nxt
    chrome = [line.text for line in lines if line.kind is Kind.CHROME]
    return Parsed(articles, chrome, False)
