"""Tests for newskit.parse: content sniffing between HTML and text dumps."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskit import InputTypeError, InputValueError, parse, parse_text
from newskit.parsing._dispatch import looks_like_html
from tests.conftest import FIXTURES

NEWS = FIXTURES / "html" / "news_full.html"
DUMP = """Harbour town votes to rebuild its sea wall

PORTWENNA — Councillors in the small harbour town voted on Monday night to rebuild the
crumbling sea wall that has protected its fishing fleet for more than a century.

The plan, which will cost about twelve million pounds, was approved by nineteen votes to
four after a debate that lasted almost three hours in the packed town hall.
"""


@pytest.mark.parametrize(
    "head",
    [
        "<!DOCTYPE html><html>",
        "\ufeff  <!-- saved page --><html lang='en'>",
        '<?xml version="1.0" encoding="utf-8"?>\n<html>',
        "<HEAD><TITLE>x</TITLE></HEAD>",
        "Saved from somewhere\n<html><body>",
        "<div><p>One.</p><p>Two.</p></div>",
    ],
)
def test_html_is_sniffed(head: str) -> None:
    assert looks_like_html(head)
    assert looks_like_html(head.encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        DUMP,
        "I <3 news. a<b and b>c, x < y.",
        "Use the <p> tag for paragraphs, said the tutorial.",
        "",
    ],
)
def test_text_is_sniffed(text: str) -> None:
    assert not looks_like_html(text)


def test_utf16_html_is_sniffed() -> None:
    assert looks_like_html("<html><body><p>x</p></body></html>".encode("utf-16"))


def test_path_str_and_bytes_give_the_same_html_article() -> None:
    by_path = parse(NEWS)
    by_bytes = parse(NEWS.read_bytes())
    by_str = parse(NEWS.read_text(encoding="utf-8"))
    assert len(by_path) == 1
    assert by_path == by_bytes == by_str
    assert by_path[0].title == "Harbour town votes to rebuild its sea wall"
    assert by_path[0].sections


def test_text_dump_goes_to_parse_text() -> None:
    got = parse(DUMP)
    assert got == parse_text(DUMP)
    assert got and got[0].title == "Harbour town votes to rebuild its sea wall"


def test_url_is_carried_to_text_articles() -> None:
    got = parse(DUMP, url="https://courier.example.org/x")
    assert got and all(a.url == "https://courier.example.org/x" for a in got)


def test_text_dump_path(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="cp1252")
    assert parse(path) == parse_text(DUMP)


def test_a_str_is_content_not_a_file_name() -> None:
    # The name of an existing HTML file, passed as str, is never read from disk, nor
    # parsed as a one-line article (issue #16, item 11): it is refused, naming the fix.
    with pytest.raises(InputValueError, match=r"pass pathlib\.Path"):
        parse(str(NEWS))


def test_non_article_html_gives_no_articles() -> None:
    assert parse(FIXTURES / "html" / "index_page.html") == []
    assert parse("<html><body></body></html>") == []
    assert parse("") == [] and parse(b"") == []


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputValueError, match="cannot read"):
        parse(tmp_path / "nope.html")
    with pytest.raises(InputValueError, match="cannot read"):
        parse(tmp_path)


@pytest.mark.parametrize("bad", [None, 1, 2.0, ["<p>"], {"a": 1}])
def test_wrong_types(bad: object) -> None:
    with pytest.raises(InputTypeError, match="source must be"):
        parse(bad)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="url"):
        parse("x", url=5)  # type: ignore[arg-type]
