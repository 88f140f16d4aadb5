"""Tests for newskit.parse_html on pages written for these tests (tests/fixtures/html)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newskit import InputTypeError, InputValueError, parse_html
from newskit.parsing._html_decode import declared_charset, decode_html
from tests.conftest import FIXTURES

HTML = FIXTURES / "html"


@pytest.fixture(scope="module")
def news() -> object:
    return parse_html((HTML / "news_full.html").read_bytes(), url="https://courier.example.org/")


def test_body_keeps_the_story_and_drops_the_chrome(news) -> None:
    text = news.text
    assert news.is_article
    assert "voted on Monday night to rebuild" in text
    assert "loan repaid over thirty years" in text
    for chrome in (
        "cookie",  # banner
        "Subscribe today",  # navigation
        "Ferry timetable",  # related stories
        "grandfather warned",  # comments
        "All rights reserved",  # footer
        "Share on social media",  # share buttons
    ):
        assert chrome not in text, chrome


def test_fields(news) -> None:
    assert news.title == "Harbour town votes to rebuild its sea wall"
    assert news.source == "The Coastline Courier"
    assert news.language == "en"
    assert news.url == "https://courier.example.org/news/2024/03/harbour-sea-wall-vote"
    assert news.authors == ["Morwenna Tregear", "Idris Pascoe"]
    assert news.published == datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    assert news.updated == datetime(2024, 3, 5, 14, 10, tzinfo=UTC)
    assert news.published_text == "2024-03-05T09:30:00+00:00"


def test_dateline_is_split_off_the_first_paragraph(news) -> None:
    assert news.dateline == "PORTWENNA"
    assert news.body[0].startswith("Councillors in the small harbour town")


def test_highlights_and_captions_leave_the_body(news) -> None:
    assert news.highlights == [
        "Councillors approve a twelve million pound plan for the harbour defences",
        "Work on the new wall will start after the summer season ends",
        "Fishermen say the old wall has failed in three winter storms",
    ]
    assert news.captions == ["Waves break over the old harbour wall during a storm in January."]
    assert not any("twelve million pound plan" in p for p in news.body)
    assert not any("Waves break over" in p for p in news.body)


def test_subheads_become_sections(news) -> None:
    assert [s.heading for s in news.sections] == ["Storm damage", "What happens next"]
    assert news.sections[0].paragraphs[0].startswith("Engineers told the council")
    assert news.sections[1].paragraphs[-1] == news.body[-1]
    # Sections hold the same strings as the tail of the body, in order.
    tail = [p for s in news.sections for p in s.paragraphs]
    assert news.body[-len(tail) :] == tail
    assert "Storm damage" not in news.body


def test_index_page_is_not_an_article() -> None:
    page = parse_html((HTML / "index_page.html").read_text(encoding="utf-8"))
    assert page.is_article is False
    assert page.body == [] and page.sections == []
    assert page.source == "The Coastline Courier"
    assert page.title == "Latest news"


PAGE = """<html><head>{meta}<title>Caf\u00e9 r\u00e9opens</title></head><body><article>
<h1>Caf\u00e9 r\u00e9opens on the quay</h1>
<p>The caf\u00e9 on the quay reopened on Saturday after a winter of repairs, and the owner
said the first customers queued \u201cfrom half past seven\u201d for coffee and cr\u00eapes.</p>
<p>She thanked the neighbours who had helped repaint the fa\u00e7ade and promised a na\u00efve
little fresco by the door, painted by pupils of the primary school across the road.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("codec", "meta"),
    [
        ("latin-1", ""),
        ("cp1252", ""),
        ("utf-8", ""),
        ("cp1252", '<meta charset="windows-1252">'),
        ("latin-1", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'),
        ("utf-8", '<meta charset="iso-8859-1">'),  # wrong declaration, valid UTF-8 wins
        ("utf-8-sig", ""),
    ],
)
def test_encodings(codec: str, meta: str) -> None:
    page = PAGE.format(meta=meta)
    if codec == "latin-1":
        # Latin-1 has no curly quotes; keep the page representable.
        page = page.replace("\u201c", '"').replace("\u201d", '"')
    article = parse_html(page.encode(codec))
    assert article.title == "Caf\u00e9 r\u00e9opens on the quay"
    assert "cr\u00eapes" in article.text and "fa\u00e7ade" in article.text
    assert "\u00c3" not in article.text  # no mojibake
    if codec == "cp1252":
        assert "\u201cfrom half past seven\u201d" in article.text


def test_declared_legacy_charset_other_than_latin() -> None:
    page = '<html><head><meta charset="koi8-r"></head><body><p>\u041c\u0438\u0440</p></body></html>'
    assert "\u041c\u0438\u0440" in decode_html(page.encode("koi8-r"))
    assert declared_charset(b"<meta charset='nonsense-42'>") is None


def test_binary_data_is_a_clear_error() -> None:
    with pytest.raises(InputValueError, match="binary data"):
        parse_html(bytes(range(256)) * 4)


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   \n\t ",
        b"",
        b"\x00\x01\x02\xff\xfe\x00garbage",
        "just some words, no markup",
        "<html></html>",
        "<<<>>>&&&;;;",
        "<p>",
        '<script type="application/ld+json">{not json</script>',
    ],
)
def test_empty_and_garbage_give_an_empty_non_article(junk: str | bytes) -> None:
    article = parse_html(junk)
    assert article.is_article is False
    assert article.body == []


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["<p>x</p>"], object()])
def test_wrong_types(bad: object) -> None:
    with pytest.raises(InputTypeError, match="html must be str or bytes"):
        parse_html(bad)  # type: ignore[arg-type]


def test_wrong_url_type() -> None:
    with pytest.raises(InputTypeError, match="url"):
        parse_html("<p>x</p>", url=42)  # type: ignore[arg-type]


def test_url_argument_resolves_relative_canonical_and_is_the_fallback() -> None:
    page = '<html><head><link rel="canonical" href="/a/b"></head><body><p>x</p></body></html>'
    assert parse_html(page, url="https://news.example.com/x?y=1").url == (
        "https://news.example.com/a/b"
    )
    assert parse_html("<html><body><p>x</p></body></html>", url="https://e.org/p").url == (
        "https://e.org/p"
    )


def test_dates_from_meta_tags_and_time_elements() -> None:
    body = "<p>" + "The committee met again on Tuesday and agreed on the budget. " * 6 + "</p>"
    meta = (
        '<meta property="article:published_time" content="2023-07-01T08:00:00-04:00">'
        '<meta property="article:modified_time" content="2023-07-02 10:15 EDT">'
    )
    a = parse_html(f"<html><head>{meta}</head><body><article>{body}</article></body></html>")
    assert a.published == datetime(2023, 7, 1, 8, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert a.updated is not None and a.updated.utcoffset() == timedelta(hours=-4)
    timed = f'<html><body><article><time datetime="2022-01-09">9 Jan</time>{body}</article>'
    assert parse_html(timed).published == datetime(2022, 1, 9)


def test_author_from_meta_and_byline_class() -> None:
    body = "<p>" + "The committee met again on Tuesday and agreed on the budget. " * 6 + "</p>"

    def page(head: str, byline: str = "") -> str:
        return f"<html><head>{head}</head><body><article>{byline}{body}</article></body></html>"

    assert parse_html(page('<meta name="author" content="Ada Byron">')).authors == ["Ada Byron"]
    byline = '<div class="byline">By Sam Lee &amp; Kim Ono</div>'
    assert parse_html(page("", byline)).authors == ["Sam Lee", "Kim Ono"]
    url_only = '<meta name="author" content="https://x.example/u/1">'
    assert parse_html(page(url_only)).authors == []


def test_nested_list_items_appear_once_and_guides_stay_articles() -> None:
    intro = "<p>" + "Filing early is the best way to get a refund quickly this year. " * 4 + "</p>"
    items = "".join(f"<li>Step {i}: gather form {i}</li>" for i in range(8))
    nested = f"<ul><li>Prepare the papers<ul>{items}</ul> then check them</li></ul>"
    a = parse_html(f"<html><body><article>{intro}{nested}</article></body></html>")
    assert a.is_article  # many short lines, but not an index of teasers
    assert sum(p.count("gather form 3") for p in a.body) == 1
    assert "Prepare the papers then check them" in a.body


def test_blocks_nested_in_list_items_do_not_glue_words() -> None:
    intro = "<p>" + "The city lists the events planned for next year on its website. " * 4 + "</p>"
    item = "<li>March 16<h2>Boat fair</h2><p>Quay, Portwenna</p><p>Boats and <b>gear</b>.</p></li>"
    a = parse_html(f"<html><body><article>{intro}<ul>{item * 3}</ul></article></body></html>")
    assert "March 16 Boat fair Quay, Portwenna Boats and gear." in a.body


def test_loose_text_between_quoted_paragraphs_is_kept() -> None:
    from lxml import etree

    from newskit.parsing._html import _blocks

    body = etree.fromstring(
        "<body><p>Set the file up as follows.</p>"
        "<quote><p>Finally, the config file:</p>port = 873 client = no"
        "<p>Restart the daemon.</p></quote>after the quote</body>"
    )
    assert [text for _, text in _blocks(body)] == [
        "Set the file up as follows.",
        "Finally, the config file:",
        "port = 873 client = no",
        "Restart the daemon.",
        "after the quote",
    ]
