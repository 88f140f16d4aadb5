"""What the models read of an article: ``article_text``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit import Article, InputTypeError
from newskit import _articletext as articletext
from newskit._articletext import (
    LANGUAGE_SAMPLE,
    _strip_leading_dates,
    _truncate,
    article_text,
)


def document_text(x: object, max_words: int | None = None) -> str:
    return article_text(x, max_words=max_words).joined(max_words)  # type: ignore[arg-type]


def reference_truncate(text: str, max_words: int | None) -> str:
    """The plain definition: cut just after the ``max_words``-th ``\\S+`` run."""
    if max_words is None:
        return text
    for count, match in enumerate(re.finditer(r"\S+", text), 1):
        if count == max_words:
            return text[: match.end()]
    return text


def reference_strip(text: str, date_line: re.Pattern[str]) -> str:
    lines = text.split("\n")
    start = 0
    while start < len(lines) and (not lines[start].strip() or date_line.match(lines[start])):
        start += 1
    return "\n".join(lines[start:])


spaces = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000", "\x1c", "\u2009"])
tokens = st.sampled_from(["a", "bb", "Troops", "é", "北京", ".", "—", "x\u200by"])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(spaces, tokens), max_size=30).map("".join),
    st.one_of(st.none(), st.integers(-1, 12)),
)
def test_truncate_equals_the_word_by_word_definition(text: str, max_words: int | None) -> None:
    assert _truncate(text, max_words) == reference_truncate(text, max_words)


lines = st.sampled_from(
    [
        *["", " ", "\t", "Friday, January 4, 2019", "2019-01-04", "Jan. 4, 2019 "],
        *["4 March 2020", "Troops withdrew", "May the talks go on", "2019 was hot"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, max_size=6).map("\n".join))
def test_leading_dates_stripped_line_by_line(text: str) -> None:
    from newskit._articletext import _DATE_LINE

    assert _strip_leading_dates(text) == reference_strip(text, _DATE_LINE)


@pytest.mark.parametrize(
    ("text", "max_words", "expected"),
    [
        ("Friday, January 4, 2019\n\nTroops withdrew on Monday.", 2, "Troops withdrew"),
        ("  one  two\tthree \n", 2, "one  two"),
        ("one two", 2, "one two"),
        ("one two  ", 2, "one two"),
        ("one", 5, "one"),
        ("2019-01-04\n\n", 3, ""),
        ("", 3, ""),
    ],
)
def test_document_text_of_strings(text: str, max_words: int, expected: str) -> None:
    assert document_text(text, max_words) == expected


def test_document_text_of_articles_and_bad_types() -> None:
    article = Article(title=" Talks ", body=["  ", "Envoys met.  ", "Later."], dateline="PARIS")
    assert document_text(article) == "Talks\n\nEnvoys met.\n\nLater."
    assert document_text(article, max_words=2) == "Talks\n\nEnvoys"
    assert document_text(b"Troops \xe2\x80\x94 withdrew", max_words=3) == "Troops \u2014 withdrew"
    with pytest.raises(InputTypeError):
        document_text(42)


def test_plain_text_paragraphs_split_on_blank_lines_else_on_line_breaks() -> None:
    assert article_text("a\n\nb\nc").paragraphs == ("a", "b\nc")
    assert article_text("a\nb\n \nc").paragraphs == ("a\nb", "c")
    assert article_text("a\nb\nc").paragraphs == ("a", "b", "c")


def test_a_title_replaces_the_article_title_and_heads_plain_text() -> None:
    article = Article(title="Old", body=["Body."])
    assert article_text(article, title="New").title == "New"
    assert article_text("Body.", title=" Head ").joined() == "Head\n\nBody."


def test_a_paragraph_that_is_not_text_is_refused() -> None:
    with pytest.raises(InputTypeError, match="a paragraph"):
        article_text(Article(body=["ok", 3]))  # type: ignore[list-item]


@pytest.mark.parametrize("title", ["", "Floods"])
@pytest.mark.parametrize("first", [LANGUAGE_SAMPLE - 3 + k for k in range(7)])
def test_the_english_check_reads_the_start_of_the_joined_text(
    monkeypatch: pytest.MonkeyPatch, title: str, first: int
) -> None:
    # paragraph lengths around the sample's end: it may stop inside a paragraph,
    # inside a blank line or just after one
    text = article_text(Article(title=title, body=["a" * first, "b" * 5, "c" * 3]))
    seen: list[str] = []
    monkeypatch.setattr(articletext, "ensure_english", lambda sample, what: seen.append(sample))
    text.ensure_english()
    assert seen == [text.joined()[:LANGUAGE_SAMPLE]]
