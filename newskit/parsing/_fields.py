"""Stage "fields": the lines of one article to the fields of an :class:`~newskit.Article`.

Given classified lines (:mod:`~newskit.parsing._lines`) and where an article
starts, :func:`read_article` reads its header (title, captions, date lines,
bylines, a repeated title, highlight bullets; :func:`read_header`) and its body
(paragraphs, the dateline, subheads; :func:`subhead_at`) into a :class:`Draft`,
and stops where the next article starts (:mod:`~newskit.parsing._split`).
:func:`find_header_date` reads a date written inside a header line of a page
copy. The rules are those of ``docs/parsing.rst``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from newskit._article import Article, Section
from newskit.parsing._dates import DateStamp, find_date
from newskit.parsing._lines import Kind, Line
from newskit.parsing._pagecopy import is_heading_shape
from newskit.parsing._shapes import is_caption, split_dateline, subhead
from newskit.parsing._split import is_start, is_strong_start

__all__ = ["Draft", "find_header_date", "read_article", "read_header", "subhead_at"]

_MAX_PENDING = 2


@dataclass
class Draft:
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


def read_header(
    lines: list[Line], start: int, title: int | None, draft: Draft, *, split: bool
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


def subhead_at(lines: list[Line], k: int, limit: int, *, flush_heads: bool) -> str | None:
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


def read_article(
    lines: list[Line],
    start: int,
    title: int | None,
    *,
    split: bool = True,
    flush_heads: bool = False,
) -> tuple[Draft, int]:
    """Read one article starting at ``start``; return it and where the next one starts.

    With ``split=False`` the article runs to the end of ``lines``; with
    ``flush_heads`` a short flush-left line is a subhead (indented page copies).
    """
    draft = Draft(title=lines[title].text if title is not None else "")
    header = read_header(lines, start, title, draft, split=split)
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
            heading = subhead_at(lines, k, limit, flush_heads=flush_heads)
            if heading is not None:
                draft.sections.append(Section(heading))
            else:
                draft.add_paragraph(line.text, may_have_dateline=True)
        k += 1
    return draft, limit


_DATE_ABOVE = 8  # lines above a page copy's title searched for its date
_DATE_BELOW = 12  # content lines from the title down searched for it


def find_header_date(lines: list[Line], floor: int, top: int, end: int, draft: Draft) -> None:
    """Take the first date written inside a line near the top of a page copy's article.

    The lines looked at run from :data:`_DATE_ABOVE` lines above ``top`` (the
    article's first line; not above ``floor``, the end of the article before)
    to :data:`_DATE_BELOW` content lines below it, and never past ``end``.

    Page headers print the date beside a byline, a reading time or a
    category ("By Ana Ribeiro | March 14, 2025 | 4 min read"), which is no
    date line. The line itself stays where it was read (body or chrome).
    """
    seen = 0
    for line in lines[max(floor, top - _DATE_ABOVE, 0) : end]:
        if line.kind is Kind.BLANK:
            continue
        stamp = find_date(line.text)
        if stamp is not None:
            draft.take_dates((stamp,))
            return
        seen += 1
        if seen >= _DATE_ABOVE + _DATE_BELOW:
            return
