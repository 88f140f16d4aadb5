"""newskit's port of NLTK's Snowball English stemmer gives NLTK's stems, word for word."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.stem.snowball import EnglishStemmer, SnowballStemmer

from newskit.text import _snowball
from newskit.text._tokens import tokens_of_clean_text
from newskit.text._words import stem_table

NLTK = SnowballStemmer("english")

# Every suffix some step looks for, and beginnings that reach the special cases
# (the "gener"/"commun"/"arsen" regions, a leading or inner "y", short words,
# NLTK's list of special words).
SUFFIXES = list(
    dict.fromkeys(
        [
            suffix
            for step in ("2", "3", "4", "5", "1b", "1a", "0")
            # NLTK's own lists, so the words are built independently of the port's copy
            for suffix in getattr(EnglishStemmer, f"_EnglishStemmer__step{step}_suffixes")
        ]
        + ["y", "ly"]
    )
)
BEGINNINGS = [
    "gener",
    "commun",
    "arsen",
    "b",
    "bl",
    "at",
    "iz",
    "hop",
    "fil",
    "tr",
    "sky",
    "ye",
    "yay",
    "aby",
    "r",
    "kn",
    "cr",
    "proceed",
    "succeed",
    "ski",
    "dy",
    "ly",
    "ti",
    "ugl",
    "earl",
    "onl",
    "news",
    "howe",
    "bias",
    "innin",
    "’t",
    "‘o",
    "'y",
    "y",
]


def _differ(words: list[str]) -> list[str]:
    return [w for w in words if _snowball.stem(w) != NLTK.stem(w)]


def test_every_table_word_stems_as_in_nltk() -> None:
    assert not _differ(list(stem_table()))


def test_words_built_from_every_suffix_stem_as_in_nltk() -> None:
    words = [a + b for a, b in product(BEGINNINGS, SUFFIXES)]
    words += [a + b + c for a, b, c in product(BEGINNINGS, SUFFIXES, SUFFIXES[:30])]
    assert not _differ(words)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aeiouybcdlmnrstgkwxYI0'\u2019\u2018\u201b-.", max_size=14))
def test_made_up_words_stem_as_in_nltk(word: str) -> None:
    assert _snowball.stem(word) == NLTK.stem(word)


@pytest.mark.shared_data
@pytest.mark.slow
def test_every_word_of_real_articles_stems_as_in_nltk(data_dir: Path) -> None:
    words: set[str] = set()
    for name in ("frank_cnndm_test.jsonl", "frank_xsum_test.jsonl"):
        with (data_dir / "frank-cnndm-xsum" / name).open(encoding="utf-8") as fh:
            for line in fh:
                words.update(tokens_of_clean_text(str(json.loads(line)["article"])))
    assert len(words) > 10_000
    assert not _differ(sorted(words))
