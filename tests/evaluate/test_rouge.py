"""ROUGE wrapper and reference normalisation."""

from __future__ import annotations

import pytest

from newskit import InputTypeError, InputValueError, split_sentences
from newskit.evaluate import ROUGE_TYPES, RougeScore, normalize_reference, rouge, rouge_many


def test_identical_texts_score_one() -> None:
    text = "Flood waters rose overnight. Residents were moved to higher ground."
    scores = rouge(text, text)
    assert set(scores) == set(ROUGE_TYPES)
    for score in scores.values():
        assert isinstance(score, RougeScore)
        assert score == pytest.approx((1.0, 1.0, 1.0))


def test_matches_rouge_score_with_stemming() -> None:
    from rouge_score import rouge_scorer

    summ = "The ministers were meeting. Talks continued late.\nThe ministers talked; talks ended."
    ref = "Ministers met on Tuesday.\nThe talks continue.\nLate talks were the ministers' plan."
    ours = rouge(summ, ref)
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    theirs = scorer.score("\n".join(split_sentences(ref)), "\n".join(split_sentences(summ)))
    for t in ROUGE_TYPES:
        assert ours[t] == tuple(theirs[t])
    # stemming is on: "meeting"/"met" differ but "ministers"/"Ministers" and "talks" match
    assert ours["rouge1"].precision > 0


def test_lsum_uses_sentence_lines() -> None:
    summ = ["Rain fell in the north.", "Schools shut early."]
    ref = "Schools shut early. Rain fell in the north."
    scores = rouge(summ, ref)
    assert scores["rougeLsum"].fmeasure == pytest.approx(1.0)
    assert scores["rougeL"].fmeasure < 1.0  # order matters for plain ROUGE-L


def test_empty_sides_score_zero() -> None:
    assert rouge("", "Something happened.")["rouge1"] == (0.0, 0.0, 0.0)
    assert rouge("Something happened.", "  ")["rouge2"] == (0.0, 0.0, 0.0)


def test_rouge_many_is_the_mean() -> None:
    pairs = [("Rain fell.", "Rain fell today."), ("Sun shone.", "It was dark.")]
    mean = rouge_many([p[0] for p in pairs], [p[1] for p in pairs])
    singles = [rouge(s, r)["rouge1"].fmeasure for s, r in pairs]
    assert mean["rouge1"].fmeasure == pytest.approx(sum(singles) / 2)


def test_rouge_many_rejects_bad_input() -> None:
    with pytest.raises(InputValueError):
        rouge_many(["a"], ["a", "b"])
    with pytest.raises(InputValueError):
        rouge_many([], [])
    with pytest.raises(InputTypeError):
        rouge_many("a summary", "a reference")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        rouge(None, "x")  # type: ignore[arg-type]


def test_normalize_reference_detokenizes_ptb() -> None:
    raw = (
        "The council 's plan costs # 3m -LRB- $ 4m -RRB- . "
        "Residents do n't agree , critics say . It was `` a mistake '' ."
    )
    assert normalize_reference(raw).split("\n") == [
        "The council's plan costs # 3m ($4m).",
        "Residents don't agree, critics say.",
        'It was "a mistake".',
    ]


def test_normalize_reference_unescapes_xsum_quotes() -> None:
    raw = "the mayor said the plan was ``unworkable\\'\\'and the city\\'s budget suffered."
    assert normalize_reference(raw) == (
        'the mayor said the plan was "unworkable" and the city\'s budget suffered.'
    )


def test_normalize_reference_keeps_abbreviations_in_one_line() -> None:
    assert normalize_reference("The U.S. said no . Talks end .") == "The U.S. said no.\nTalks end."
    assert normalize_reference("   ") == ""


def test_list_items_and_lines_are_kept_as_sentences() -> None:
    from rouge_score import rouge_scorer

    summ = ["the first line has no full stop", "and the second starts in lower case."]
    ref = "The first line has a full stop.\nthe second line does not"
    plain = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=True)
    expected = plain.score(ref, "\n".join(summ))["rougeLsum"]
    assert rouge(summ, ref)["rougeLsum"] == tuple(expected)
    assert rouge("\n".join(summ), ref.split("\n"))["rougeLsum"] == tuple(expected)
