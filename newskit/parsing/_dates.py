"""Date lines of page dumps: recognising them and reading the date.

A *date line* is a whole line that is either

* a keyword and a date: ``Updated 14 November 2024``, ``Published: Nov. 14, 2024``,
  ``Posted on 2024-11-14T10:00Z``, ``Last updated 3 hours ago``; several of
  them may share a line when separated by ``|``, ``·`` or ``;``; or
* a bare absolute date: ``Nov. 14, 2024``, ``Thursday, 14 November 2024``,
  ``2024-11-14T10:00Z``.

The text after the keyword is kept verbatim (``updated_text='12 sec ago'``).
Absolute dates are read with :func:`datetime.fromisoformat` (ISO 8601) or
python-dateutil, which knows far more spellings (``Nov. 14, 2024``,
``Thursday, November 14, 2024 10:15``) than a hand-written pattern could;
dateutil runs only on short candidates (at most 64 characters), so the cost
per line is bounded. Relative dates (``12 sec ago``, ``3 hours ago``,
``yesterday``) are resolved only against a caller-supplied ``now``.

Time zones: ``Z``, ``UTC`` and ``GMT`` and a few unambiguous abbreviations
(:data:`TIMEZONES`) give an aware datetime; any other zone name is ignored and
the datetime stays naive (clock time as printed). A date without a time is a
naive midnight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Literal

from dateutil import parser as _dateutil
from dateutil.relativedelta import relativedelta

__all__ = [
    "TIMEZONES",
    "DateStamp",
    "find_date",
    "match_date_line",
    "parse_date",
    "parse_relative",
]

Kind = Literal["published", "updated"]

#: Zone abbreviations read as fixed offsets (hours). Ambiguous ones (IST, CST, BST) are left out.
TIMEZONES: dict[str, float] = {
    "Z": 0,
    "UTC": 0,
    "UT": 0,
    "GMT": 0,
    "EST": -5,
    "EDT": -4,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "PKT": 5,
    "JST": 9,
}

_KEYWORDS: dict[str, Kind] = {
    "updated": "updated",
    "last updated": "updated",
    "modified": "updated",
    "last modified": "updated",
    "published": "published",
    "first published": "published",
    "posted": "published",
}
_KEYWORD_WORDS = (
    r"(last\s+updated|last\s+modified|first\s+published|updated|modified|published|posted)"
)
_KEYWORD = re.compile(_KEYWORD_WORDS + r"\b(?:\s+(?:on|at)\b)?\s*:?\s*", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s+[|·;]\s+|\s*\|\s*")
_RELATIVE = re.compile(
    r"(\d{1,4}|an?|one)\s*"
    r"(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?"
    r"|y|yrs?|years?)\.?\s+ago",
    re.IGNORECASE,
)
_RELATIVE_WORDS: dict[str, relativedelta] = {
    "just now": relativedelta(),
    "now": relativedelta(),
    "moments ago": relativedelta(),
    "today": relativedelta(),
    "yesterday": relativedelta(days=1),
}
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_YEAR = re.compile(r"\b(?:1[89]|2[0-9])\d{2}\b")
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH = re.compile(r"\b" + _MONTH_WORD + r"\b", re.IGNORECASE)
_MONTH_NAMES = (
    "jan january",
    "feb february",
    "mar march",
    "apr april",
    "may",
    "jun june",
    "jul july",
    "aug august",
    "sep sept september",
    "oct october",
    "nov november",
    "dec december",
)
_MONTH_NUMBER = {m: i for i, names in enumerate(_MONTH_NAMES, start=1) for m in names.split()}
# The two commonest spellings, read without dateutil (which costs ~0.1 ms a call).
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)
# a date inside a longer line: "By Ana Ribeiro | March 14, 2025 at 10:00 am"
_EMBEDDED = re.compile(
    r"(?:\b" + _KEYWORD_WORDS + r"(?:\s+(?:on|at))?\s*:?\s*)?"
    r"\b((?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_WORD + r"\.?,?\s+(?:19|20)\d{2}"
    r"|" + _MONTH_WORD + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2})\b)",
    re.IGNORECASE,
)
_MAX_DATE_CHARS = 64
_MAX_LINE_CHARS = 200
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


@dataclass(frozen=True)
class DateStamp:
    """One date read from a date line.

    Attributes
    ----------
    kind : {'published', 'updated'}
        Which :class:`~newskit.Article` field the date belongs to.
    text : str
        The date as written, without its keyword (``'12 sec ago'``).
    absolute : datetime or None
        The date when it is absolute.
    relative : relativedelta or None
        How long before ``now`` it is, when it is relative.
    """

    kind: Kind
    text: str
    absolute: datetime | None = None
    relative: relativedelta | None = None

    def resolve(self, now: datetime | None) -> datetime | None:
        """Return the datetime, resolving a relative date against ``now`` (``None`` if no now).

        >>> DateStamp("updated", "2 hours ago", relative=relativedelta(hours=2)).resolve(
        ...     datetime(2024, 11, 14, 12, 0))
        datetime.datetime(2024, 11, 14, 10, 0)
        """
        if self.absolute is not None:
            return self.absolute
        if self.relative is not None and now is not None:
            resolved: datetime = now - self.relative
            return resolved
        return None


def _tzinfo(name: str | None, offset: int | None) -> timezone | None:
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    hours = TIMEZONES.get((name or "").upper())
    return None if hours is None else timezone(timedelta(hours=hours))


def parse_relative(text: str) -> relativedelta | None:
    """Read ``'12 sec ago'``, ``'3 hours ago'``, ``'yesterday'``; ``None`` otherwise.

    >>> parse_relative("12 sec ago")
    relativedelta(seconds=+12)
    >>> parse_relative("an hour ago")
    relativedelta(hours=+1)
    >>> parse_relative("soon") is None
    True
    """
    word = _RELATIVE_WORDS.get(" ".join(text.split()).lower())
    if word is not None:
        return word
    m = _RELATIVE.fullmatch(text)
    if m is None:
        return None
    raw, unit = m.group(1).lower(), m.group(2).lower()
    n = 1 if raw in ("a", "an", "one") else int(raw)
    if unit.startswith("mo"):
        return relativedelta(months=n)
    if unit.startswith("y"):
        return relativedelta(years=n)
    seconds = n * _UNIT_SECONDS[unit[0]]
    return relativedelta(seconds=seconds).normalized()


def _fast_date(text: str) -> datetime | None:
    m = _DAY_MONTH_YEAR.fullmatch(text)
    if m is not None:
        day, month, year = m.group(1), m.group(2), m.group(3)
    else:
        m = _MONTH_DAY_YEAR.fullmatch(text)
        if m is None:
            return None
        month, day, year = m.group(1), m.group(2), m.group(3)
    number = _MONTH_NUMBER.get(month.lower())
    if number is None:
        return None
    try:
        return datetime(int(year), number, int(day))
    except ValueError:
        return None


def parse_date(text: str) -> datetime | None:
    """Read an absolute date written in full (with a year); ``None`` when it is not one.

    >>> parse_date("Nov. 14, 2024")
    datetime.datetime(2024, 11, 14, 0, 0)
    >>> parse_date("2024-11-14T10:00Z")
    datetime.datetime(2024, 11, 14, 10, 0, tzinfo=datetime.timezone.utc)
    >>> parse_date("14 November 2024 10:15 GMT")
    datetime.datetime(2024, 11, 14, 10, 15, tzinfo=datetime.timezone.utc)
    >>> parse_date("next Thursday") is None
    True
    """
    text = text.strip()
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    if _ISO.fullmatch(text):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return None
    fast = _fast_date(text)
    if fast is not None:
        return fast
    year = _YEAR.search(text)
    # A year is required: dateutil would otherwise fill it from today's date,
    # which makes the result depend on when the code runs.
    if year is None or not (_MONTH.search(text) or _NUMERIC_DATE.search(text)):
        return None
    if len(text.split()) > 8:
        return None
    try:
        value = _dateutil.parse(text, default=datetime(int(year.group()), 1, 1), tzinfos=_tzinfo)
    except (ValueError, OverflowError):
        return None
    if not isinstance(value, datetime):
        return None
    return value


def _one_stamp(part: str) -> DateStamp | None:
    m = _KEYWORD.match(part)
    if m is None:
        return None
    rest = part[m.end() :].strip()
    if not rest:
        return None
    kind = _KEYWORDS[" ".join(m.group(1).lower().split())]
    relative = parse_relative(rest)
    if relative is not None:
        return DateStamp(kind, rest, relative=relative)
    absolute = parse_date(_SEPARATOR.sub(" ", rest))
    if absolute is not None:
        return DateStamp(kind, rest, absolute=absolute)
    return None


@lru_cache(maxsize=4096)  # dumps repeat the same date lines; results are immutable
def match_date_line(text: str) -> tuple[DateStamp, ...] | None:
    """Return the dates of a date line, or ``None`` when ``text`` is not a date line.

    ``text`` is one stripped line.

    >>> [(s.kind, s.text) for s in match_date_line("Updated 12 sec ago")]
    [('updated', '12 sec ago')]
    >>> [(s.kind, s.text) for s in match_date_line("Published Nov. 14, 2024 | Updated 2 hours ago")]
    [('published', 'Nov. 14, 2024'), ('updated', '2 hours ago')]
    >>> match_date_line("Nov. 14, 2024")[0].absolute
    datetime.datetime(2024, 11, 14, 0, 0)
    >>> match_date_line("Updated 14 November 2024 | 10:15 GMT")[0].absolute
    datetime.datetime(2024, 11, 14, 10, 15, tzinfo=datetime.timezone.utc)
    >>> match_date_line("Updated guidance was issued in 2024.") is None
    True
    """
    if not text or len(text) > _MAX_LINE_CHARS:
        return None
    if _KEYWORD.match(text) is None:
        if len(text) > _MAX_DATE_CHARS:
            return None
        absolute = parse_date(text)
        return None if absolute is None else (DateStamp("published", text, absolute=absolute),)
    # split only where a keyword follows the separator: "14 Nov 2024 | 10:15 PKT"
    # is one date, "Published ... | Updated ..." two
    parts: list[str] = []
    start = 0
    for sep in _SEPARATOR.finditer(text):
        if _KEYWORD.match(text, sep.end()):
            parts.append(text[start : sep.start()])
            start = sep.end()
    parts.append(text[start:])
    stamps: list[DateStamp] = []
    for part in parts:
        stamp = _one_stamp(part.strip())
        if stamp is None or any(s.kind == stamp.kind for s in stamps):
            return None
        stamps.append(stamp)
    return tuple(stamps)


def find_date(text: str) -> DateStamp | None:
    """The first absolute date (with a year) written inside a line, or ``None``.

    For lines that are not date lines but hold a date, as page headers print
    them beside a byline or a reading time. A keyword just before the date
    (``Updated``) makes it the updated date; otherwise it is the published one.
    Only the date is read (its day); ``text`` is the date as written.

    >>> s = find_date("By Ana Ribeiro | March 14, 2025 at 10:00 am | 4 min read")
    >>> s.kind, s.text, s.absolute
    ('published', 'March 14, 2025', datetime.datetime(2025, 3, 14, 0, 0))
    >>> find_date("Last updated: 2 Nov 2025, 09:12").kind
    'updated'
    >>> find_date("The plan was agreed in May 2024.") is None
    True
    """
    if len(text) > _MAX_LINE_CHARS:
        return None
    m = _EMBEDDED.search(text)
    if m is None:
        return None
    absolute = parse_date(m.group(2))
    if absolute is None:
        return None
    keyword = m.group(1)
    kind = _KEYWORDS[" ".join(keyword.lower().split())] if keyword else "published"
    return DateStamp(kind, m.group(2), absolute=absolute)
