"""Word tokens, content terms, stop words and stemming."""

from __future__ import annotations

from itertools import chain, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit import InputTypeError
from newskit.text import content_terms, stem, stop_words, word_tokens
from newskit.text._tokens import tokens_of_clean_sentences, tokens_of_clean_text


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


_PIECES = st.sampled_from(
    [
        "The",
        "U.S.",
        "1,000",
        "1.7",
        "don't",
        "'quoted'",
        "well-known",
        "—",
        "...",
        "ΟΔΟΣ",  # a capital sigma lower-cases to a final one at a word's end only
        "Σ'",
        "'Σ",
        "ΣΑ",
        "é",
        "\u2019s",
        "x",
        "42nd",
    ]
)
_SENTENCE = st.lists(_PIECES, max_size=6).map(" ".join) | st.text(max_size=30).map(
    lambda t: " ".join(t.replace("\x00", "").split())
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCE, max_size=6))
def test_sentences_tokenized_in_one_pass_as_one_by_one(sentences: list[str]) -> None:
    tokens, ends = tokens_of_clean_sentences(sentences)
    per_sentence = [tokens_of_clean_text(s) for s in sentences]
    assert [tokens[a:b] for a, b in pairwise([0, *ends])] == per_sentence
    assert len(ends) == len(sentences) and tokens == list(chain.from_iterable(per_sentence))


def test_a_final_sigma_stays_inside_its_sentence() -> None:
    # "Σ" ends a word before the break but not before the next sentence's letters
    sentences = ["ΟΔΟΣ", "ΑΣ'", "ΣΑ"]
    tokens, ends = tokens_of_clean_sentences(sentences)
    assert tokens == ["οδος", "ας", "σα"] and ends == [1, 2, 3]
    assert tokens == [t for s in sentences for t in word_tokens(s)]
