"""``parse_text`` on hand-written dumps of other layouts, field by field.

The dumps in ``tests/fixtures/dumps`` are invented news text written for these
tests.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newskit import Article, Section, parse_text
from tests.conftest import FIXTURES

DUMPS = FIXTURES / "dumps"
NOW = datetime(2024, 11, 15, 12, 0)


def _parse(name: str, now: datetime | None = None) -> list[Article]:
    return parse_text((DUMPS / name).read_text(encoding="utf-8"), now=now)


@pytest.fixture(scope="module")
def byline_articles() -> list[Article]:
    return _parse("byline_published.txt")


@pytest.fixture(scope="module")
def iso_articles() -> list[Article]:
    return _parse("iso_dates_captions.txt")


@pytest.fixture(scope="module")
def plain_article() -> Article:
    articles = _parse("plain_single.txt")
    assert len(articles) == 1
    return articles[0]


class TestBylinePublished:
    """Byline with two authors, ``Published X | Updated Y``, ``—`` datelines, no highlights,
    capitals and Title-Case subheads, blank lines between paragraphs, ``Posted 3 hours ago``."""

    def test_two_articles(self, byline_articles: list[Article]) -> None:
        assert [a.title for a in byline_articles] == [
            "Glacier melt forces Alpine villages to rethink water supply",
            "Wind farm tender draws record bids off Portugal",
        ]

    def test_first_header(self, byline_articles: list[Article]) -> None:
        a = byline_articles[0]
        assert a.authors == ["Maria Lopez", "Tom Okafor"]
        assert a.published == datetime(2024, 11, 14)
        assert a.published_text == "Nov. 14, 2024"
        assert a.updated == datetime(2024, 11, 15, 8, 30, tzinfo=UTC)
        assert a.updated_text == "2024-11-15T08:30Z"
        assert a.highlights == []
        assert a.captions == []
        assert a.dateline == "GENEVA"

    def test_first_body_and_sections(self, byline_articles: list[Article]) -> None:
        a = byline_articles[0]
        why = [
            "Hydrologists say the springs depended on slow meltwater that seeped through the "
            "rock from late spring to autumn.",
            "As the glacier retreated uphill, that flow started earlier and stopped sooner.",
        ]
        who = [
            "The federal environment office has set aside funds for mountain communities whose "
            "water supply depends on ice.",
            "Critics say the fund is too small for the number of villages that will need help "
            "over the next decade.",
        ]
        lead = [
            "Three villages in the Swiss canton of Valais will pipe drinking water from a valley "
            "reservoir next summer after their glacier-fed springs ran dry for the second year "
            "running, local officials said on Thursday.",
            "The switch will cost about 12 million francs, to be shared between the canton and "
            "the federal government.",
            '"We used to joke that the glacier was our water tower," said the mayor of one '
            'village. "Now the tower is empty by August."',
        ]
        assert a.body == lead + why + who
        assert a.sections == [
            Section("WHY THE SPRINGS FAILED", why),
            Section("Who Pays for the Pipes", who),
        ]

    def test_second_article(self, byline_articles: list[Article]) -> None:
        a = byline_articles[1]
        assert a.authors == ["Ana Ribeiro"]
        assert a.published_text == "3 hours ago"
        assert a.published is None
        assert a.updated is None and a.updated_text is None
        assert a.dateline == "LISBON"
        assert a.body == [
            "Portugal's first floating offshore wind auction drew bids from eleven consortia, "
            "the energy ministry said, more than twice the number it had expected.",
            "The winners will build turbines on platforms anchored in deep water off the "
            "northern coast.",
            "Results are due in March.",
        ]
        assert a.sections == []

    def test_relative_resolved_with_now(self) -> None:
        a = _parse("byline_published.txt", now=NOW)[1]
        assert a.published == NOW - timedelta(hours=3)

    def test_no_chrome(self, byline_articles: list[Article]) -> None:
        for a in byline_articles:
            assert "Share" not in a.body


class TestIsoDatesCaptions:
    """Bare ISO date under the title, ``Photo:`` caption, ``*`` bullets, quoted subheads,
    a footer ``Last updated:`` line and ``Updated yesterday``."""

    def test_two_articles(self, iso_articles: list[Article]) -> None:
        assert [a.title for a in iso_articles] == [
            "City council approves night bus network after two-year trial",
            "Harbour bridge to close for weekend repairs",
        ]

    def test_first_header(self, iso_articles: list[Article]) -> None:
        a = iso_articles[0]
        assert a.published == datetime(2024, 11, 14, 10, 0, tzinfo=UTC)
        assert a.published_text == "2024-11-14T10:00Z"
        assert a.captions == [
            "Photo: A night bus waits at the central station in the early hours. "
            "(City Transport Authority)"
        ]
        assert a.highlights == [
            "Six routes will run every 20 minutes between midnight and 5 a.m.",
            "Fares stay the same as daytime tickets",
        ]
        assert a.dateline == "RIVERTON"
        assert a.authors == []

    def test_footer_date_is_updated(self, iso_articles: list[Article]) -> None:
        a = iso_articles[0]
        assert a.updated_text == "15 November 2024 09:30 GMT"
        assert a.updated == datetime(2024, 11, 15, 9, 30, tzinfo=UTC)

    def test_first_body_and_sections(self, iso_articles: list[Article]) -> None:
        a = iso_articles[0]
        riders = [
            "A survey by the transport authority found that most night passengers were "
            "travelling to or from work.",
            "Hospital staff, cleaners and hotel workers made up the largest groups.",
        ]
        costs = [
            "The network will cost about 4 million a year to run.",
            "The council expects fares and a small levy on late-night venues to cover a "
            "third of that.",
        ]
        lead = [
            "The city council voted 31 to 9 on Wednesday to make its night bus trial "
            "permanent, after ridership doubled in the second year.",
            "Supporters said the buses had cut drink-driving arrests and helped shift workers "
            "get home safely.",
            "Opponents argued the money would be better spent on daytime services, which carry "
            "far more passengers.",
        ]
        assert a.body == lead + riders + costs
        assert a.sections == [
            Section("WHO RIDES AT NIGHT", riders),
            Section("WHAT IT COSTS", costs),
        ]

    def test_second_article(self, iso_articles: list[Article]) -> None:
        a = iso_articles[1]
        assert a.updated_text == "yesterday"
        assert a.updated is None
        assert a.published is None
        assert a.captions == [] and a.highlights == []
        assert a.dateline == "RIVERTON"
        assert a.body == [
            "The harbour bridge will close to traffic from Friday night until Monday morning "
            "while crews replace worn expansion joints, the roads department said.",
            "Ferries will run extra services on both days.",
        ]

    def test_yesterday_resolved_with_now(self) -> None:
        assert _parse("iso_dates_captions.txt", now=NOW)[1].updated == NOW - timedelta(days=1)


class TestPlainSingle:
    """Title line and paragraphs, no chrome; short and unpunctuated paragraphs stay body."""

    def test_title(self, plain_article: Article) -> None:
        assert (
            plain_article.title
            == "Volunteers restore a century-old lighthouse on the northern cape"
        )

    def test_body(self, plain_article: Article) -> None:
        assert len(plain_article.body) == 8
        assert plain_article.body[0].startswith("For forty years the lighthouse at Kettle Point")
        assert plain_article.body[4] == "It worked."
        assert plain_article.body[6] == (
            "The lighthouse will not guide ships again, because satellite navigation has made "
            "it unnecessary"
        )
        assert plain_article.body[7] == (
            "but the volunteers plan to light it every year on the anniversary."
        )

    def test_nothing_else(self, plain_article: Article) -> None:
        assert plain_article.sections == []
        assert plain_article.dateline is None
        assert plain_article.authors == plain_article.captions == plain_article.highlights == []
        assert plain_article.published is plain_article.updated is None
        assert plain_article.published_text is plain_article.updated_text is None


class TestParagraphsOnly:
    """Only paragraphs (the first ends with a full stop): no title, one article."""

    def test_one_untitled_article(self) -> None:
        [article] = _parse("paragraphs_only.txt")
        assert article.title == ""
        assert len(article.body) == 4
        assert article.body[0].startswith("The regional statistics office said on Tuesday")
        assert article.body[3].startswith("Analysts expect the government")
        assert article.dateline is None
        assert article.sections == []
