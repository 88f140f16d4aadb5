"""Our numpy ROUGE-L / ROUGE-Lsum give rouge-score's numbers exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score import rouge_scorer

from newskit.evaluate._lcs import score_lcs, summary_level_lcs

_WORDS = st.lists(st.sampled_from(list("abcdefg")), max_size=25)
_SENTS = st.lists(_WORDS, max_size=6)


@settings(max_examples=200, deadline=None)
@given(_WORDS, _WORDS)
def test_rouge_l_matches(target: list[str], prediction: list[str]) -> None:
    expected = rouge_scorer._score_lcs(target, prediction)
    assert score_lcs(target, prediction) == tuple(expected)


@settings(max_examples=200, deadline=None)
@given(_SENTS, _SENTS)
def test_rouge_lsum_matches(refs: list[list[str]], cans: list[list[str]]) -> None:
    expected = rouge_scorer._summary_level_lcs(refs, cans)
    assert summary_level_lcs(refs, cans) == tuple(expected)
