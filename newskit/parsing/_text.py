"""``parse_text``: page dumps (text copied from news pages) to :class:`~newskit.Article` objects.

The heuristics are described in ``docs/parsing.rst``. In short, one pass
classifies every line (:mod:`~newskit.parsing._lines`), then articles are read
one after the other: a header (title, captions, date lines, bylines, a
repeated title, highlight bullets) and a body (paragraphs and subheads) that
runs until the next article start (:mod:`~newskit.parsing._split`).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import datetime

from newskit._article import Article, Section
from newskit._errors import InputTypeError, InputValueError, ParseWarning
from newskit._input import ensure_text, refuse_locator
from newskit.parsing._dates import DateStamp, find_date
from newskit.parsing._lines import Kind, Line, classify, link
from newskit.parsing._pagecopy import is_heading_shape, is_page_copy, select
from newskit.parsing._shapes import is_caption, is_title_like, split_dateline, subhead
from newskit.parsing._sniff import starts_like_html
from newskit.parsing._split import is_start, is_strong_start

__all__ = ["parse_text"]

_MAX_PENDING = 2


@dataclass
class _Draft:
    """The fields of one article while it is being read."""

    title: str = ""
    captions: list[str] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    stamps: dict[str, DateStamp] = field(default_factory=dict)
    dateline: str | None = None
    body: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def take_dates(self, dates: tuple[DateStamp, ...]) -> bool:
        if any(s.kind in self.stamps for s in dates):
            return False
        for stamp in dates:
            self.stamps[stamp.kind] = stamp
        return True

    def take_authors(self, authors: tuple[str, ...]) -> bool:
        if self.authors:
            return False
        self.authors.extend(authors)
        return True

    def add_paragraph(self, text: str, *, may_have_dateline: bool) -> None:
        if may_have_dateline and not self.body and self.dateline is None:
            split = split_dateline(text)
            if split is not None:
                self.dateline, text = split
        self.body.append(text)
        if self.sections:
            self.sections[-1].paragraphs.append(text)

    def is_empty(self) -> bool:
        return not (
            self.title
            or self.body
            or self.captions
            or self.highlights
            or self.authors
            or self.stamps
            or self.sections
        )

    def build(self, now: datetime | None) -> Article:
        published = self.stamps.get("published")
        updated = self.stamps.get("updated")
        return Article(
            title=self.title,
            body=self.body,
            sections=self.sections,
            highlights=self.highlights,
            captions=self.captions,
            dateline=self.dateline,
            authors=self.authors,
            published=published.resolve(now) if published else None,
            updated=updated.resolve(now) if updated else None,
            published_text=published.text if published else None,
            updated_text=updated.text if updated else None,
        )


@dataclass
class _Header:
    body_start: int
    scan_end: int
    next_article: int | None
    consumed: set[int]


def _read_header(
    lines: list[Line], start: int, title: int | None, draft: _Draft, *, split: bool
) -> _Header:
    """Read the header after the title; stop at the first line that must be body."""
    n = len(lines)
    title_key = lines[title].key if title is not None else None
    pending: list[int] = []  # text lines that are captions only if chrome or the title follows
    consumed: set[int] = set()
    seen_repeat = seen_bullets = False
    next_article: int | None = None
    k = start
    while k < n:
        line = lines[k]
        kind = line.kind
        if k == title or kind is Kind.BLANK:
            pass
        elif kind is Kind.CHROME:
            draft.captions.extend(lines[p].text for p in pending)
            consumed.update(pending)
            pending.clear()
        elif kind is Kind.DATE:
            if not draft.take_dates(line.dates):
                break
            consumed.add(k)
        elif kind is Kind.BYLINE:
            if not draft.take_authors(line.authors):
                break
            consumed.add(k)
        elif kind is Kind.BULLET:
            if pending:
                break
            draft.highlights.append(line.item)
            seen_bullets = True
            consumed.add(k)
        elif title_key is not None and not seen_repeat and line.key == title_key:
            seen_repeat = True
            draft.captions.extend(lines[p].text for p in pending)
            consumed.update(pending)
            pending.clear()
            consumed.add(k)
        elif seen_repeat or seen_bullets:
            break
        elif not pending and is_caption(line.text):
            draft.captions.append(line.text)
            consumed.add(k)
        elif split and line.blanks_before >= 2 and is_strong_start(lines, k):
            next_article = k
            break
        elif (
            len(pending) >= _MAX_PENDING
            or (pending and line.blanks_before >= 2)
            or split_dateline(line.text) is not None
        ):
            break
        else:
            pending.append(k)
        k += 1
    body_start = pending[0] if pending else k
    return _Header(body_start, k, next_article, consumed)


def _subhead_at(lines: list[Line], k: int, limit: int, *, flush_heads: bool) -> str | None:
    line = lines[k]
    n = len(lines)
    isolated = line.blanks_before >= 1 and (k + 1 >= n or lines[k + 1].kind is Kind.BLANK)
    heading = subhead(line.text, isolated=isolated)
    if heading is None and flush_heads and line.flush and is_heading_shape(line.text):
        heading = line.text  # a text browser prints headings flush left, text indented
    if heading is None:
        return None
    nxt = line.next_content
    if nxt >= limit or lines[nxt].kind not in (Kind.TEXT, Kind.BULLET):
        return None
    if lines[nxt].kind is Kind.TEXT:
        after = lines[nxt]
        after_isolated = after.blanks_before >= 1 and (
            nxt + 1 >= n or lines[nxt + 1].kind is Kind.BLANK
        )
        if subhead(after.text, isolated=after_isolated) is not None:
            return None
    return heading


def _read_article(
    lines: list[Line],
    start: int,
    title: int | None,
    *,
    split: bool = True,
    flush_heads: bool = False,
) -> tuple[_Draft, int]:
    """Read one article starting at ``start``; return it and where the next one starts.

    With ``split=False`` the article runs to the end of ``lines``; with
    ``flush_heads`` a short flush-left line is a subhead (indented page copies).
    """
    draft = _Draft(title=lines[title].text if title is not None else "")
    header = _read_header(lines, start, title, draft, split=split)
    limit = header.next_article if header.next_article is not None else len(lines)
    k = header.body_start
    while k < limit:
        line = lines[k]
        kind = line.kind
        if k == title or k in header.consumed or kind in (Kind.BLANK, Kind.CHROME):
            pass
        elif kind is Kind.DATE or kind is Kind.BYLINE:
            # a second date or byline (its field already set) is kept as body text
            taken = (
                draft.take_dates(line.dates)
                if kind is Kind.DATE
                else draft.take_authors(line.authors)
            )
            if not taken:
                draft.add_paragraph(line.text, may_have_dateline=False)
        elif kind is Kind.BULLET:
            draft.add_paragraph(line.text, may_have_dateline=False)
        elif split and k >= header.scan_end and is_start(lines, k, has_body=bool(draft.body)):
            return draft, k
        else:
            heading = _subhead_at(lines, k, limit, flush_heads=flush_heads)
            if heading is not None:
                draft.sections.append(Section(heading))
            else:
                draft.add_paragraph(line.text, may_have_dateline=True)
        k += 1
    return draft, limit


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
    if parsed.uncertain:
        warnings.warn(
            ParseWarning(
                f"page copy: read {len(parsed.articles)} article(s), but prose that may be "
                "another article was left out as page chrome (several page copies in one "
                "file whose boundaries could not be told?)"
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
    """

    articles: list[Article]
    chrome: list[str]
    page_copy: bool
    uncertain: bool = False


_DATE_ABOVE = 8  # lines above a page copy's title searched for its date
_DATE_BELOW = 12  # content lines from the title down searched for it


def _find_header_date(lines: list[Line], start: int, end: int, draft: _Draft) -> None:
    """Take the first date written inside a line near the top of a page copy's article.

    Page headers print the date beside a byline, a reading time or a
    category ("By Ana Ribeiro | March 14, 2025 | 4 min read"), which is no
    date line. The line itself stays where it was read (body or chrome).
    """
    seen = 0
    for line in lines[start:end]:
        if line.kind is Kind.BLANK:
            continue
        stamp = find_date(line.text)
        if stamp is not None:
            draft.take_dates((stamp,))
            return
        seen += 1
        if seen >= _DATE_ABOVE + _DATE_BELOW:
            return


def _read_page_copy(
    lines: list[Line], now: datetime | None
) -> tuple[list[Article], list[str], bool] | None:
    """Read the articles :func:`select` finds; return them, the lines left out and
    whether prose that may be another article was among them."""
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
        draft, _ = _read_article(kept, 0, title, split=False, flush_heads=page.indented)
        if not draft.stamps and not draft.is_empty():
            _find_header_date(lines, max(at - 1, page.start - _DATE_ABOVE, 0), page.end, draft)
        if not draft.is_empty():
            articles.append(draft.build(now))
        at = page.end
    dropped += [line.text for line in lines[at:] if line.kind is not Kind.BLANK]
    return articles, dropped, picked.uncertain


def read_lines(lines: list[Line], now: datetime | None = None) -> Parsed:
    """Read classified lines into articles: a page copy gives one, a dump one per article."""
    if is_page_copy(lines):
        page = _read_page_copy(lines, now)
        if page is not None:
            return Parsed(page[0], page[1], True, uncertain=page[2])
    articles = []
    start, title = 0, _first_title(lines)
    while start < len(lines):
        draft, nxt = _read_article(lines, start, title)
        if not draft.is_empty():
            articles.append(draft.build(now))
        start, title = nxt, nxt
    chrome = [line.text for line in lines if line.kind is Kind.CHROME]
    return Parsed(articles, chrome, False)
