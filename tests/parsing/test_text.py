"""``parse_text`` on the seed dump: every field of the six articles, exactly.

Expected values are taken from the seed by hand-picked line numbers (1-based,
as ``grep -n`` prints them), so the test states *which* input line must land in
*which* field without restating the publisher's text.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from newskit import Article, InputTypeError, parse_text
from newskit._input import ensure_text
from newskit.parsing._lines import classify
from newskit.parsing._text import read_lines

NOW = datetime(2024, 11, 14, 12, 0, 0)

# (title line, caption lines, date line, highlight lines, dateline, body line ranges,
#  section headings with their line ranges)
SEED_LAYOUT = [
    (1, [3], 5, [10, 11], "ISLAMABAD", [(13, 25)], [("GRAVE SECURITY BREACH", (29, 34)),
                                                     ("CHINESE FRUSTRATIONS", (38, 43))]),
    (46, [], 48, [53, 54], "ISLAMABAD", [(56, 66)], []),
    (70, [], 72, [77, 78], "PESHAWAR", [(80, 87)], []),
    (91, [], 93, [98, 99], "ISLAMABAD", [(101, 110)], []),
    (114, [], 116, [121, 122], "ISLAMABAD", [(124, 133)], []),
    (137, [], 139, [144, 145], "ISLAMABAD", [(147, 157)], []),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed_lines(seed_text: str) -> list[str]:
    return seed_text.split("\n")


@pytest.fixture(scope="module")
def seed_articles(seed_text: str) -> list[Article]:
    return parse_text(seed_text)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1]


def _span(lines: list[str], first: int, last: int) -> list[str]:
    return lines[first - 1 : last]


def _expected_body(lines: list[str], spec: tuple[Any, ...]) -> list[str]:
    _, _, _, _, dateline, lead, sections = spec
    body: list[str] = []
    for first, last in [*lead, *(r for _, r in sections)]:
        body += _span(lines, first, last)
    prefix = f"{dateline}: "
    assert body[0].startswith(prefix)
    body[0] = body[0][len(prefix) :]
    return body


def test_seed_gives_six_articles(seed_articles: list[Article]) -> None:
    assert len(seed_articles) == 6


@pytest.mark.parametrize("number", range(6))
def test_seed_title_exact_and_once(
    seed_articles: list[Article], seed_lines: list[str], number: int
) -> None:
    article = seed_articles[number]
    title_line = SEED_LAYOUT[number][0]
    expected = _line(seed_lines, title_line)
    # the dump prints the title twice; the copy is dropped, not kept anywhere
    assert seed_lines.count(expected) == 2
    assert article.title == expected
    for values in (article.body, article.captions, article.highlights):
        assert expected not in values
    assert all(s.heading != expected for s in article.sections)


def test_seed_titles_literal(seed_articles: list[Article]) -> None:
    assert seed_articles[0].title.startswith("Beijing pushes for own security staff")
    assert seed_articles[2].title.startswith("Seven killed in Pakistan")
    assert seed_articles[1].title.endswith("during London subway ride")


@pytest.mark.parametrize("number", range(6))
def test_seed_captions(seed_articles: list[Article], seed_lines: list[str], number: int) -> None:
    expected = [_line(seed_lines, n) for n in SEED_LAYOUT[number][1]]
    assert seed_articles[number].captions == expected


def test_seed_caption_of_article_one(seed_articles: list[Article]) -> None:
    caption = seed_articles[0].caption
    assert caption is not None
    assert caption.startswith("Members of the bomb disposal squad")
    assert caption.endswith("(REUTERS/File)")
    assert caption not in seed_articles[0].body


@pytest.mark.parametrize("number", [0, 2, 3, 4, 5])
def test_seed_updated_date(seed_articles: list[Article], number: int) -> None:
    article = seed_articles[number]
    # date only: a naive midnight (documented in docs/parsing.rst)
    assert article.updated == datetime(2024, 11, 14)
    assert article.updated.tzinfo is None
    assert article.updated_text == "14 November 2024"
    assert article.published is None
    assert article.published_text is None


def test_seed_relative_date_kept_raw_without_now(seed_articles: list[Article]) -> None:
    article = seed_articles[1]
    assert article.updated_text == "12 sec ago"
    assert article.updated is None


def test_seed_relative_date_resolved_with_now(seed_text: str) -> None:
    articles = parse_text(seed_text, now=NOW)
    assert articles[1].updated == datetime(2024, 11, 14, 11, 59, 48)
    assert articles[1].updated_text == "12 sec ago"
    # absolute dates do not depend on now
    assert articles[0].updated == datetime(2024, 11, 14)
    # and nothing else changes
    for with_now, without in zip(articles, parse_text(seed_text), strict=True):
        with_now.updated = without.updated
        assert with_now == without


@pytest.mark.parametrize("number", range(6))
def test_seed_highlights(seed_articles: list[Article], seed_lines: list[str], number: int) -> None:
    lines = [_line(seed_lines, n) for n in SEED_LAYOUT[number][3]]
    assert all(line.startswith("  • ") for line in lines)
    expected = [line[4:].rstrip("\xa0") for line in lines]
    highlights = seed_articles[number].highlights
    assert highlights == expected
    assert len(highlights) == 2
    for item in highlights:
        assert "•" not in item
        assert item == item.strip()
        assert "\xa0" not in item


def test_seed_highlight_literals(seed_articles: list[Article]) -> None:
    assert seed_articles[0].highlights[0].startswith("String of recent attacks")
    assert seed_articles[0].highlights[1].endswith("security meetings and coordination")


@pytest.mark.parametrize("number", range(6))
def test_seed_dateline(seed_articles: list[Article], number: int) -> None:
    expected = SEED_LAYOUT[number][4]
    article = seed_articles[number]
    assert article.dateline == expected
    assert not article.body[0].startswith(expected)
    assert article.body[0][0].isupper()


def test_seed_datelines_literal(seed_articles: list[Article]) -> None:
    assert [a.dateline for a in seed_articles] == ["ISLAMABAD"] * 2 + ["PESHAWAR"] + [
        "ISLAMABAD"
    ] * 3
    assert seed_articles[0].body[0].startswith("Beijing is pushing Pakistan to allow")


@pytest.mark.parametrize("number", range(6))
def test_seed_body_every_paragraph_in_order(
    seed_articles: list[Article], seed_lines: list[str], number: int
) -> None:
    assert seed_articles[number].body == _expected_body(seed_lines, SEED_LAYOUT[number])


@pytest.mark.parametrize("number", range(6))
def test_seed_sections(seed_articles: list[Article], seed_lines: list[str], number: int) -> None:
    article = seed_articles[number]
    expected = [(h, _span(seed_lines, *r)) for h, r in SEED_LAYOUT[number][6]]
    assert [(s.heading, s.paragraphs) for s in article.sections] == expected
    # Section.paragraphs are the matching slice of body
    covered = sum(len(s.paragraphs) for s in article.sections)
    if covered:
        assert article.body[-covered:] == [p for s in article.sections for p in s.paragraphs]


def test_seed_quoted_subheads_are_headings_not_body(seed_articles: list[Article]) -> None:
    article = seed_articles[0]
    assert [s.heading for s in article.sections] == [
        "GRAVE SECURITY BREACH",
        "CHINESE FRUSTRATIONS",
    ]
    for paragraph in article.body:
        assert "GRAVE SECURITY BREACH" not in paragraph
        assert "CHINESE FRUSTRATIONS" not in paragraph
    # the first 13 paragraphs come before any heading
    assert len(article.body) == 13 + 6 + 6


def _all_strings(article: Article) -> list[str]:
    values = [article.title, *article.body, *article.highlights, *article.captions]
    values += [*article.authors, article.dateline or "", article.updated_text or ""]
    values += [article.published_text or ""]
    values += [s.heading for s in article.sections]
    values += [p for s in article.sections for p in s.paragraphs]
    return values


def test_seed_no_chrome_anywhere(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        for value in _all_strings(article):
            assert value == value.strip()
            assert value not in ("Short Url", "Follow")
            assert "Short Url" not in value
            assert "\xa0" not in value.strip()
        for value in [*article.body, *article.highlights, *article.captions, article.title]:
            assert value.strip(), "empty or whitespace-only field"
        assert article.authors == []
        assert article.published is None


def test_seed_every_content_line_lands_once(seed_articles: list[Article], seed_text: str) -> None:
    # Nothing lost on the seed: count the non-blank, non-chrome lines.
    lines = [ln.strip() for ln in seed_text.split("\n")]
    content = [ln for ln in lines if ln and ln not in ("Short Url", "Follow")]
    accounted = 0
    for a in seed_articles:
        accounted += 2  # the title and its repeat
        accounted += len(a.captions) + len(a.highlights) + len(a.body) + len(a.sections)
        accounted += (a.updated_text is not None) + (a.published_text is not None)
    assert accounted == len(content)


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 42, 1.5, ["a"], {"text": "a"}, object()])
def test_wrong_types_raise_input_type_error(value: object) -> None:
    with pytest.raises(InputTypeError, match="must be str or bytes"):
        parse_text(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_text(value)  # type: ignore[arg-type]


def test_now_must_be_a_datetime() -> None:
    with pytest.raises(InputTypeError, match="now must be a datetime"):
        parse_text("Title here\n\nBody.", now="2024-11-14")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["", " ", "\n\n", "\xa0\n \t\n\xa0", b"", b"  \n", "\u200b"])
def test_empty_or_whitespace_gives_no_articles(value: str | bytes) -> None:
    assert parse_text(value) == []


def test_chrome_only_gives_no_articles() -> None:
    assert parse_text("Short Url\nFollow\n\n•\n***\n") == []


def test_bytes_are_decoded(seed_text: str) -> None:
    assert parse_text(seed_text.encode("utf-8")) == parse_text(seed_text)
    [article] = parse_text("Caf\xe9 owners protest new rules\n\nThey marched.".encode("cp1252"))
    assert article.title == "Café owners protest new rules"


def test_control_characters_and_crlf(seed_text: str) -> None:
    assert parse_text(seed_text.replace("\n", "\r\n")) == parse_text(seed_text)
    [article] = parse_text("Title with a NUL\x00inside\n\nBody text.")
    assert article.title == "Title with a NUL inside"


# --- single articles without chrome -------------------------------------------------------


def test_title_and_paragraphs() -> None:
    [article] = parse_text("Ferry service resumes after storm\nBoats sailed at dawn.\nAll is well.")
    assert article.title == "Ferry service resumes after storm"
    assert article.body == ["Boats sailed at dawn.", "All is well."]


@pytest.mark.parametrize(
    "title",
    [
        "$1m payoff for former port boss",
        "iTunes sells a million songs",
        "'We will not back down...'",
        "Wales v France (Sat)",
        "Is the ferry safe?",
        "U.S. Senate passes ferry bill",
    ],
)
def test_headline_shapes(title: str) -> None:
    [article] = parse_text(f"{title}\n\nBoats sailed.\n")
    assert article.title == title
    assert article.body == ["Boats sailed."]


@pytest.mark.parametrize(
    "line",
    [
        "Why now? Nobody could say",  # two sentences
        "the ferry sailed at dawn",  # lower case
        "(and then it sailed)",
        "Boats sailed at dawn (two of them were late, the operator said)",
    ],
)
def test_not_headlines(line: str) -> None:
    [article] = parse_text(f"{line}\n\nBoats sailed.\n")
    assert article.title == ""
    assert article.body == [line, "Boats sailed."]


def test_only_paragraphs_has_no_title() -> None:
    [article] = parse_text("Boats sailed at dawn.\n\nAll is well.")
    assert article.title == ""
    assert article.body == ["Boats sailed at dawn.", "All is well."]


def test_single_line_is_body_not_title() -> None:
    [article] = parse_text("Ferry service resumes after storm")
    assert article.title == ""
    assert article.body == ["Ferry service resumes after storm"]


def test_byline_and_posted() -> None:
    text = (
        "Ferry service resumes after storm\n"
        "By Lena Novak, Ravi Sharma & Omar Haddad\n"
        "Posted on Nov. 14, 2024\n\n"
        "OSLO — Boats sailed at dawn.\n"
    )
    [article] = parse_text(text)
    assert article.authors == ["Lena Novak", "Ravi Sharma", "Omar Haddad"]
    assert article.published_text == "Nov. 14, 2024"
    assert article.published == datetime(2024, 11, 14)
    assert article.dateline == "OSLO"
    assert article.body == ["Boats sailed at dawn."]
    assert article.highlights == [] and article.captions == []


def test_by_sentence_is_not_a_byline() -> None:
    [article] = parse_text("Ferry service resumes\n\nBy the evening most boats had sailed.")
    assert article.authors == []
    assert article.body == ["By the evening most boats had sailed."]


def test_second_byline_and_date_stay_in_body() -> None:
    text = "Ferry service resumes\nBy Lena Novak\nUpdated 1 min ago\n\nIt sailed.\nBy Ravi Sharma\n"
    text += "Updated 2 min ago\n"
    [article] = parse_text(text)
    assert article.authors == ["Lena Novak"]
    assert article.updated_text == "1 min ago"
    assert article.body == ["It sailed.", "By Ravi Sharma", "Updated 2 min ago"]


def test_several_subheads_of_each_shape() -> None:
    text = (
        "Ferry service resumes after storm\n\n"
        "Boats sailed at dawn.\n\n"
        "'THE NIGHT OF THE STORM'\n\n"
        "Winds reached 120 km/h.\n\n"
        "DAMAGE IN THE HARBOUR\n\n"
        "Two piers were lost.\n\n"
        "What Happens Next\n\n"
        "Repairs start on Monday.\n"
        "More boats will follow.\n"
    )
    [article] = parse_text(text)
    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        ("THE NIGHT OF THE STORM", ["Winds reached 120 km/h."]),
        ("DAMAGE IN THE HARBOUR", ["Two piers were lost."]),
        ("What Happens Next", ["Repairs start on Monday.", "More boats will follow."]),
    ]
    assert article.body == [
        "Boats sailed at dawn.",
        "Winds reached 120 km/h.",
        "Two piers were lost.",
        "Repairs start on Monday.",
        "More boats will follow.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "It worked.",  # short, but a sentence
        "Not everyone agreed",  # sentence case
        "Then, Nothing Happened",  # comma
        "Thank You All Very Much For Coming To This Event Today",  # more than 8 words
        "Yes!",
    ],
)
def test_short_paragraphs_are_not_eaten_as_subheads(line: str) -> None:
    text = f"Ferry service resumes after storm\n\nBoats sailed.\n\n{line}\n\nAll is well.\n"
    [article] = parse_text(text)
    assert article.sections == []
    assert article.body == ["Boats sailed.", line, "All is well."]


def test_title_case_line_in_compact_text_is_body() -> None:
    # Title-Case subheads need blank lines around them
    [article] = parse_text("Ferry service resumes\nBoats sailed.\nWhat Happens Next\nAll is well.")
    assert article.sections == []
    assert article.body == ["Boats sailed.", "What Happens Next", "All is well."]


def test_subhead_needs_text_after_it() -> None:
    [article] = parse_text("Ferry service resumes\n\nBoats sailed.\n\nMORE TO COME\n")
    assert article.sections == []
    assert article.body == ["Boats sailed.", "MORE TO COME"]


def test_bullets_in_body_stay_body() -> None:
    text = "Ferry service resumes\n\nBoats sailed.\nThey carried:\n• cars\n• bikes\n"
    [article] = parse_text(text)
    assert article.highlights == []
    assert article.body == ["Boats sailed.", "They carried:", "• cars", "• bikes"]


# --- splitting ----------------------------------------------------------------------------


def test_articles_split_on_repeated_title_chrome() -> None:
    text = (
        "Ferry service resumes\n\nUpdated 1 min ago\nFollow\n\nFerry service resumes\n\n"
        "Boats sailed.\n\n\n"
        "Rail strike called off\n\nUpdated 2 min ago\nFollow\n\nRail strike called off\n\n"
        "Trains ran.\n"
    )
    articles = parse_text(text)
    assert [(a.title, a.body, a.updated_text) for a in articles] == [
        ("Ferry service resumes", ["Boats sailed."], "1 min ago"),
        ("Rail strike called off", ["Trains ran."], "2 min ago"),
    ]


def test_articles_split_on_wide_gap_before_headline() -> None:
    text = "Ferry service resumes\n\nBoats sailed.\n\n\nRail strike called off\n\nTrains ran.\n"
    articles = parse_text(text)
    assert [(a.title, a.body) for a in articles] == [
        ("Ferry service resumes", ["Boats sailed."]),
        ("Rail strike called off", ["Trains ran."]),
    ]


def test_single_gap_before_headline_does_not_split() -> None:
    text = "Ferry service resumes\n\nBoats sailed.\n\nRail strike called off\n\nTrains ran.\n"
    [article] = parse_text(text)
    assert article.body == ["Boats sailed.", "Rail strike called off", "Trains ran."]


def test_footer_date_does_not_start_an_article() -> None:
    text = "Ferry service resumes\n\nBoats sailed.\n\nAll is well for now\nUpdated 1 min ago\n"
    [article] = parse_text(text)
    assert article.body == ["Boats sailed.", "All is well for now"]
    assert article.updated_text == "1 min ago"


def test_adversarial_lines_do_not_crash() -> None:
    # long runs that would hurt a backtracking regex; timing is measured by the benchmark
    text = "A" * 5000 + ":" + "\n" + " " * 5000 + "x\n" + "ISLAMABAD" + " A" * 3000 + "\n"
    text += "By " + "Aa " * 3000 + "\n" + "Updated " + "1" * 3000 + "\n" + "'" + "A " * 3000
    articles = parse_text(text)
    assert sum(len(a.body) for a in articles) >= 4


# --- real single articles (shared data, bounded sample) ------------------------------------


@pytest.mark.shared_data
def test_bbc_articles_parse_to_one_article_each(data_dir: Path) -> None:
    # BBC News Summary articles are "title, blank line, paragraphs": every file
    # must give one article whose title is the first line, with nothing lost.
    files = sorted((data_dir / "bbc-news-summary" / "articles").glob("*/*.txt"))
    if not files:
        pytest.skip("bbc-news-summary articles are absent")
    sample = files[::8]  # about 280 files, every category
    with_sections = 0
    for path in sample:
        raw = path.read_bytes()
        lines = [ln.strip() for ln in ensure_text(raw).split("\n") if ln.strip()]
        articles = parse_text(raw)
        assert len(articles) == 1, path.name
        article = articles[0]
        assert article.title == lines[0], path.name
        rest = [*article.body, *(s.heading for s in article.sections)]
        assert sorted(rest) == sorted(lines[1:]), path.name
        with_sections += bool(article.sections)
    # subheads are rare in this set; a heuristic that eats short paragraphs would show here
    assert with_sections <= len(sample) // 50


# A small blog prints its name and a menu line above the headline and the date under it;
# too few page signals to tell a page copy, but the masthead does.
MASTHEAD = (
    "Ana's field notes\n\nHome Archive\n\nWhy the river floods in spring\n\nMarch 3, 2024\n\n"
    "The river floods every spring because the snow in the hills melts fast.\n\n"
    "The town built a new levee last year, and it held through two storms.\n"
)


def test_a_headline_under_a_masthead_is_the_title() -> None:
    [article] = parse_text(MASTHEAD)
    assert article.title == "Why the river floods in spring"
    assert article.published_text == "March 3, 2024"
    assert article.body[0].startswith("The river floods")
    # read as a page copy: the masthead is recorded as page chrome
    parsed = read_lines(classify(MASTHEAD))
    assert parsed.page_copy
    assert parsed.chrome == ["Ana's field notes", "Home Archive"]


def test_a_first_line_with_its_date_under_it_stays_the_title() -> None:
    # a news dump's headline has its date under it: no masthead, a dump
    text = (
        "Levee holds through storm\n\nMarch 3, 2024\n\nHome Archive\n\n"
        + MASTHEAD.split("\n\n", 4)[4]
    )
    parsed = read_lines(classify(text))
    assert not parsed.page_copy
    assert [a.title for a in parsed.articles] == ["Levee holds through storm"]
