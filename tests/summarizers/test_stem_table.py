"""Summaries are identical with and without the shipped stem table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newskit import summarize
from newskit.summarizers import METHODS, _document
from newskit.text import _words
from tests.conftest import REPO
from tests.summarizers._texts import ARTICLE, ARTICLE_TITLE

FIXTURES = [
    (ARTICLE, ARTICLE_TITLE),
    (ARTICLE.replace("bridge", "golfer's bridges").replace("council", "councils'"), ""),
    (
        "Skies cleared over the news desk on Monday. The news's editors were dying to go out. "
        "Officials said 1,000 visitors came, up 12.5% on 2019. Skiing resumed at 10:30.\n\n"
        "Zyqlops Vantheimer's team won the 2nd round. Vantheimer said the win was quixotic.",
        "Skies clear",
    ),
]


def _summaries(texts: list[tuple[str, str]], *, use_table: bool) -> list[list[int]]:
    saved = _words.USE_STEM_TABLE
    _words.USE_STEM_TABLE = use_table
    try:
        _document.forget_seen_words()
        return [
            summarize(text, m, n_sentences=2, title=title or None, backend=b).indices
            for text, title in texts
            for m in METHODS
            for b in (("newskit", "sumy") if m not in ("default", "lead") else ("newskit",))
        ]
    finally:
        _words.USE_STEM_TABLE = saved
        _document.forget_seen_words()


def test_fixtures_summarize_the_same_with_and_without_the_table() -> None:
    assert _summaries(FIXTURES, use_table=True) == _summaries(FIXTURES, use_table=False)


def test_forgetting_seen_words_changes_no_summary() -> None:
    want = [summarize(t, m, title=h or None).indices for t, h in FIXTURES for m in METHODS]
    _document.forget_seen_words()
    assert [summarize(t, m, title=h or None).indices for t, h in FIXTURES for m in METHODS] == want


@pytest.mark.shared_data
@pytest.mark.slow
def test_real_articles_summarize_the_same_with_and_without_the_table(data_dir: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from summary_fingerprint import fingerprints
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    with_table, without = fingerprints(data_dir, n=60)
    assert with_table == without


def test_forgetting_gives_a_seeded_vocabulary_and_spares_older_documents() -> None:
    fresh = _document._Vocabulary()
    older = _document.build_document(FIXTURES[2][0], title=FIXTURES[2][1])
    want = older.stem_vocab
    summarize(FIXTURES[1][0], "edmundson")
    _document.forget_seen_words()
    vocabulary = _document._vocabulary()
    assert vocabulary.seed.codes == fresh.seed.codes and vocabulary.seed.stems == fresh.seed.stems
    assert vocabulary.seed.names == fresh.seed.names
    assert not vocabulary.added and not vocabulary.added_stems
    seeded = set(_words.stem_table()) | set(_document.SEEDED_NUMBERS)
    assert len(vocabulary) == vocabulary.n_seeded == len(seeded)
    assert older.stem_vocab == want  # its vocabulary was not changed
    summarize(FIXTURES[2][0], "kl")  # the new vocabulary learns words of its own (made-up names)
    assert len(_document._vocabulary()) > vocabulary.n_seeded
    assert len(older._index.vocabulary) > len(fresh)
