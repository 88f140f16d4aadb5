"""Word tokens, content terms, stop words and stemming."""

from __future__ import annotations

import pytest

from newskit import InputTypeError
from newskit.text import content_terms, stem, stop_words, word_tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100 kg of rice", ["100", "kg", "of", "rice"]),
        ("1.7 million people", ["1.7", "million", "people"]),
        ("a 65-billion budget", ["a", "65", "billion", "budget"]),
        ("It cost $10.9bn, up 3.5%.", ["it", "cost", "10.9bn", "up", "3.5"]),
        ("1,250,000 votes and 2,5 apples", ["1250000", "votes", "and", "2,5", "apples"]),
        ("at 10:30 on the 2nd", ["at", "10:30", "on", "the", "2nd"]),
        ("The U.S. and U.K. agreed.", ["the", "u.s", "and", "u.k", "agreed"]),
        ("Don’t tell O'Brien", ["don't", "tell", "o'brien"]),
        ("Café owners’ union", ["café", "owners", "union"]),
        ("--- !!! ... “” •", []),
        ("COVID19 and G7 talks", ["covid19", "and", "g7", "talks"]),
    ],
)
def test_word_tokens(text: str, expected: list[str]) -> None:
    assert word_tokens(text) == expected


def test_content_terms_drop_stop_words_and_stem() -> None:
    terms = content_terms("The governors were meeting about 1.7 million displaced families.")
    assert terms == ["governor", "meet", "1.7", "million", "displac", "famili"]


def test_stop_words_are_shipped_and_lowercase() -> None:
    words = stop_words()
    assert isinstance(words, frozenset)
    assert len(words) > 500
    assert {"the", "and", "of", "don't"} <= words
    assert all(w == w.lower() and w.strip() == w and w for w in words)
    assert not words & {"election", "minister", "100"}


def test_stem_matches_snowball_and_normalises_case() -> None:
    from nltk.stem.snowball import SnowballStemmer

    snow = SnowballStemmer("english")
    for word in ["Elections", "generously", "running", "ministers", "flies"]:
        assert stem(word) == snow.stem(word.lower())
    assert stem("") == ""


@pytest.mark.parametrize("func", [word_tokens, content_terms, stem])
def test_blank_and_wrong_types(func: object) -> None:
    assert callable(func)
    assert func("  ") in ([], "")
    with pytest.raises(InputTypeError):
        func(None)
    with pytest.raises(InputTypeError):
        func(12)
