"""The shipped stem table changes speed only: every stem is NLTK's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nltk.stem.snowball import SnowballStemmer

from newskit._artifacts import load_manifest
from newskit.text import _words
from newskit.text._words import STEMS_ARTIFACT, stem_table, stem_token, stem_tokens

NLTK = SnowballStemmer("english")


def test_the_table_is_shipped_listed_and_large() -> None:
    entry = load_manifest()["artifacts"][STEMS_ARTIFACT]
    assert entry["command"].startswith("newskit train stems")
    assert len(stem_table()) == entry["words"] >= 40_000


def test_every_table_stem_is_what_nltk_gives_now() -> None:
    table = stem_table()
    wrong = [w for w, s in table.items() if NLTK.stem(w) != s]
    assert not wrong, f"{len(wrong)} stale stems, e.g. {wrong[:5]}: run `newskit train stems`"


def test_the_possessive_rule_holds_for_every_table_word() -> None:
    """A possessive the table lacks takes its word's stem unless listed as an exception."""
    table, exceptions = _words._shipped_stems()
    _words._nltk_stem.cache_clear()
    wrong = [
        w
        for w in table
        if "'" not in w and w + "'s" not in table and stem_token(w + "'s") != NLTK.stem(w + "'s")
    ]
    assert not wrong, wrong[:5]
    assert "news" in exceptions  # NLTK: news -> news, but news's -> new


WORDS = [
    "elections", "running", "pakistan's", "news", "news's", "skies", "dying", "golfer's",
    "2019", "1.7", "10:30", "1000", "10.9bn", "2nd", "u.s", "don't", "o'brien",
    "zzyzzyx", "quixotically", "antidisestablishmentarianism's", "a", "is", "y", "ys",
    "yelling", "'tis", "caf\u00e9", "na\u00efve", "\u00fcber", "x's", "s's",
]  # fmt: skip


@pytest.mark.parametrize("use_table", [True, False])
def test_stems_with_and_without_the_table_are_nltks(
    monkeypatch: pytest.MonkeyPatch, use_table: bool
) -> None:
    monkeypatch.setattr(_words, "USE_STEM_TABLE", use_table)
    _words._nltk_stem.cache_clear()
    try:
        want = [NLTK.stem(w) for w in WORDS]
        assert [stem_token(w) for w in WORDS] == want
        assert stem_tokens(WORDS) == want
    finally:
        _words._nltk_stem.cache_clear()


@given(st.from_regex(r"[0-9][0-9.,:]{0,12}", fullmatch=True))
def test_a_token_without_a_letter_is_its_own_stem(word: str) -> None:
    assert _words._nltk_stem(word) == NLTK.stem(word) == word


@given(st.text(alphabet="abcdeilnorsty'", min_size=1, max_size=12))
def test_any_word_stems_as_nltk_stems_it(word: str) -> None:
    assert stem_tokens([word]) == [stem_token(word)] == [NLTK.stem(word)]


def test_the_trainer_writes_words_most_frequent_first_and_rebuilds_byte_for_byte(
    tmp_path: Path,
) -> None:
    import gzip
    import json
    import lzma

    from newskit.training._stems import build_stem_table

    data = tmp_path / "data"
    (data / "cnndm-train-sample").mkdir(parents=True)
    (data / "bbc-news-summary").mkdir()
    story = "zebras ran . zebras ran far . owls sang . zebras ran again ."
    with lzma.open(data / "cnndm-train-sample" / "train.jsonl.xz", "wt") as fh:
        fh.write(json.dumps({"article": story}) + "\n")
    with (data / "bbc-news-summary" / "bbc_news_summary.jsonl").open("w") as fh:
        fh.write(json.dumps({"title": "Owls", "text": "owls sang far"}) + "\n")
    files = []
    for out in (tmp_path / "a", tmp_path / "b"):
        path, n = build_stem_table(data, out, min_count=1, max_words=4)
        assert n == 4
        files.append(path.read_bytes())
    assert files[0] == files[1]
    pairs = json.loads(gzip.decompress(files[0]))["pairs"].split(" ")
    # owls, ran, zebras 3 times each (ties alphabetically), far and sang twice: sang is cut
    assert pairs[0::2] == ["owls", "ran", "zebras", "far"]
    assert pairs[1::2] == [NLTK.stem(w) for w in pairs[0::2]]
