"""Date lines: recognition, absolute and relative dates, time zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from dateutil.relativedelta import relativedelta

from newskit.parsing._dates import match_date_line, parse_date, parse_relative

NOW = datetime(2024, 11, 14, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "kind", "text", "value"),
    [
        ("Updated 14 November 2024", "updated", "14 November 2024", datetime(2024, 11, 14)),
        ("Published Nov. 14, 2024", "published", "Nov. 14, 2024", datetime(2024, 11, 14)),
        ("Posted 2024-11-14T10:00Z", "published", "2024-11-14T10:00Z",
         datetime(2024, 11, 14, 10, tzinfo=UTC)),
        ("Last updated: 15 November 2024 09:30 GMT", "updated", "15 November 2024 09:30 GMT",
         datetime(2024, 11, 15, 9, 30, tzinfo=UTC)),
        ("Updated on Thursday, November 14, 2024 10:15 PKT", "updated",
         "Thursday, November 14, 2024 10:15 PKT",
         datetime(2024, 11, 14, 10, 15, tzinfo=timezone(timedelta(hours=5)))),
        ("First published 2024-11-14 08:00:00+01:00", "published", "2024-11-14 08:00:00+01:00",
         datetime(2024, 11, 14, 8, tzinfo=timezone(timedelta(hours=1)))),
        ("Nov. 14, 2024", "published", "Nov. 14, 2024", datetime(2024, 11, 14)),
        ("2024-11-14T10:00Z", "published", "2024-11-14T10:00Z",
         datetime(2024, 11, 14, 10, tzinfo=UTC)),
        ("Thursday 14 November 2024", "published", "Thursday 14 November 2024",
         datetime(2024, 11, 14)),
        ("UPDATED 14 NOV 2024", "updated", "14 NOV 2024", datetime(2024, 11, 14)),
        ("Updated: 14 November 2024 | 10:15 PKT", "updated", "14 November 2024 | 10:15 PKT",
         datetime(2024, 11, 14, 10, 15, tzinfo=timezone(timedelta(hours=5)))),
        ("Published 14 Nov 2024 · 8:05 am", "published", "14 Nov 2024 · 8:05 am",
         datetime(2024, 11, 14, 8, 5)),
    ],
)  # fmt: skip
def test_absolute_date_lines(line: str, kind: str, text: str, value: datetime) -> None:
    [stamp] = match_date_line(line) or ()
    assert (stamp.kind, stamp.text, stamp.absolute) == (kind, text, value)
    assert stamp.resolve(None) == value == stamp.resolve(NOW)


@pytest.mark.parametrize(
    ("line", "kind", "delta"),
    [
        ("Updated 12 sec ago", "updated", timedelta(seconds=12)),
        ("Updated 1 min ago", "updated", timedelta(minutes=1)),
        ("Published 3 hours ago", "published", timedelta(hours=3)),
        ("Posted an hour ago", "published", timedelta(hours=1)),
        ("Updated 2 days ago", "updated", timedelta(days=2)),
        ("Updated yesterday", "updated", timedelta(days=1)),
        ("Updated just now", "updated", timedelta(0)),
    ],
)
def test_relative_date_lines(line: str, kind: str, delta: timedelta) -> None:
    [stamp] = match_date_line(line) or ()
    assert stamp.kind == kind
    assert line.endswith(stamp.text)
    assert stamp.absolute is None
    assert stamp.resolve(None) is None
    assert stamp.resolve(NOW) == NOW - delta


def test_months_and_years_ago_use_calendar_arithmetic() -> None:
    assert parse_relative("2 months ago") == relativedelta(months=2)
    [stamp] = match_date_line("Updated 1 year ago") or ()
    assert stamp.resolve(datetime(2024, 2, 29)) == datetime(2023, 2, 28)


def test_published_and_updated_on_one_line() -> None:
    stamps = match_date_line("Published Nov. 14, 2024 | Updated 2024-11-15T08:30Z") or ()
    assert [(s.kind, s.text) for s in stamps] == [
        ("published", "Nov. 14, 2024"),
        ("updated", "2024-11-15T08:30Z"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Updated guidance was issued in November 2024.",
        "Updated 14 Nov",  # no year: refused rather than guessed from today
        "Posted 3 comments",
        "14",
        "2024",
        "May",
        "The meeting is on Nov. 14, 2024 in Geneva",
        "Updated",
        "Updated 14 November 2024 | Updated 15 November 2024",
        "Published " + "9" * 300,
        "In May 2024 things changed",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert match_date_line(line) is None


def test_parse_date_does_not_depend_on_today() -> None:
    assert parse_date("November 2024") == datetime(2024, 11, 1)
    assert parse_date("Nov 14") is None


def test_unknown_zone_stays_naive() -> None:
    value = parse_date("14 November 2024 10:15 XYZT")
    assert value is None or value.tzinfo is None
    assert parse_date("14 November 2024 10:15 IST") == datetime(2024, 11, 14, 10, 15)


def test_invalid_calendar_date_is_not_a_date() -> None:
    assert parse_date("31 February 2024") is None
    assert parse_date("2024-02-31") is None
