"""Splitting a dump into classified lines (one pass, linear time).

Each line gets one :class:`Kind`; later stages only look at kinds, stripped
text and the precomputed neighbour indexes, never re-scan the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from newskit.parsing._chrome import bullet_item, is_chrome
from newskit.parsing._dates import DateStamp, match_date_line
from newskit.parsing._shapes import byline_authors
from newskit.parsing._unwrap import strip_link_numbers, unwrap

__all__ = ["Kind", "Line", "classify", "link"]

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_MAX_KEYED = 300  # longest line is_title_like accepts


class Kind(Enum):
    """What a line is, judged on the line alone."""

    BLANK = "blank"
    CHROME = "chrome"
    DATE = "date"
    BYLINE = "byline"
    BULLET = "bullet"
    TEXT = "text"


@dataclass(slots=True)
class Line:
    """One input line.

    Attributes
    ----------
    text : str
        The line with surrounding whitespace (NBSP, zero-width spaces) removed.
    kind : Kind
    key : str
        ``text`` case-folded with whitespace runs collapsed, to spot a repeated
        title (empty for other kinds and for lines longer than any headline).
    blanks_before : int
        How many blank lines directly precede it (a large number at the start).
    next_content : int
        Index of the next line that is neither blank nor chrome (``len(lines)`` if none).
    dates, authors, item :
        What a DATE, BYLINE or BULLET line holds.
    flush : bool
        The raw line starts with its text (no indentation): in a text-browser
        dump, headings are flush left and paragraphs indented.
    indent : int
        How many blank characters precede the text in the raw line (lynx
        centres top headings).
    """

    text: str
    kind: Kind
    blanks_before: int = 0
    next_content: int = 0
    dates: tuple[DateStamp, ...] = ()
    authors: tuple[str, ...] = ()
    item: str = ""
    flush: bool = False
    indent: int = 0
    _key: str | None = None

    @property
    def key(self) -> str:
        """``text`` case-folded, whitespace collapsed; computed on first use."""
        if self._key is None:
            # only headline-sized text lines can repeat a title
            keyed = self.kind is Kind.TEXT and len(self.text) <= _MAX_KEYED
            self._key = " ".join(self.text.split()).casefold() if keyed else ""
        return self._key


def _strip(raw: str) -> str:
    text = raw.strip()
    if text and (text[0] in _ZERO_WIDTH or text[-1] in _ZERO_WIDTH):
        text = text.strip(_ZERO_WIDTH).strip()
    return text


def _classify_one(raw: str) -> Line:
    line = _kind_of(raw)
    line.flush = raw[:1].isalnum()
    line.indent = len(raw) - len(raw.lstrip()) if line.text else 0
    return line


def _kind_of(raw: str) -> Line:
    text = _strip(raw)
    if not text:
        return Line(text, Kind.BLANK)
    if is_chrome(text):
        return Line(text, Kind.CHROME)
    item = bullet_item(text)
    if item is not None:
        return Line(text, Kind.BULLET, item=item)
    dates = match_date_line(text)
    if dates is not None:
        return Line(text, Kind.DATE, dates=dates)
    authors = byline_authors(text)
    if authors is not None:
        return Line(text, Kind.BYLINE, authors=tuple(authors))
    return Line(text, Kind.TEXT)


def classify(text: str) -> list[Line]:
    """Split ``text`` (already cleaned by ``ensure_text``) into lines and classify every one.

    Lines a renderer hard-wrapped are joined first (:func:`~newskit.parsing._unwrap.unwrap`),
    and lynx link numbers dropped (:func:`~newskit.parsing._unwrap.strip_link_numbers`).

    >>> [line.kind.value for line in classify("Title here\\n\\nShort Url\\nUpdated 1 min ago")]
    ['text', 'blank', 'chrome', 'date']
    """
    raws = strip_link_numbers(unwrap(text.split("\n")))
    lines = [_classify_one(raw) for raw in raws]
    link(lines)
    return lines


def link(lines: list[Line]) -> None:
    """Set ``blanks_before`` and ``next_content`` of every line (after kinds change)."""
    blanks = 1_000_000  # the start of the input counts as a long gap
    for line in lines:
        line.blanks_before = blanks
        blanks = blanks + 1 if line.kind is Kind.BLANK else 0
    nxt = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        lines[i].next_content = nxt
        if lines[i].kind not in (Kind.BLANK, Kind.CHROME):
            nxt = i
