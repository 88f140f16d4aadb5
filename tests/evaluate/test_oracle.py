"""The greedy ROUGE-1 + ROUGE-2 oracle."""

from __future__ import annotations

import pytest

from newskit import InputTypeError, InputValueError
from newskit.evaluate import oracle

SENTS = [
    "A storm reached the coast on Sunday.",
    "Power lines fell across three towns.",
    "The local football team won its match.",
    "Engineers restored power to most homes by Monday night.",
]


def test_picks_the_overlapping_sentences_in_document_order() -> None:
    ref = "Engineers restored power by Monday after power lines fell in three towns."
    assert oracle(SENTS, ref, k=2) == [1, 3]


def test_stops_when_no_sentence_helps() -> None:
    ref = "Engineers restored power to most homes by Monday night."
    assert oracle(SENTS, ref, k=3) == [3]
    assert oracle(SENTS, "Completely unrelated words here.", k=3) == []


def test_k_larger_than_document() -> None:
    ref = " ".join(SENTS)
    assert oracle(SENTS, ref, k=10) == [0, 1, 2, 3]
    assert oracle([], ref, k=2) == []


@pytest.mark.parametrize("k", [0, -1, 1.5, True])
def test_bad_k(k: object) -> None:
    with pytest.raises(InputValueError):
        oracle(SENTS, "x", k=k)  # type: ignore[arg-type]


def test_bad_sentences() -> None:
    with pytest.raises(InputTypeError):
        oracle("one string", "x")
    with pytest.raises(InputTypeError):
        oracle([1, 2], "x")  # type: ignore[list-item]


def test_the_lines_of_a_reference_stay_apart() -> None:
    # "flooded" ends one line and "schools" starts the next: only as two tokens
    # does the second sentence match (one unigram pair and the bigram across the break)
    sents = ["The rain stopped at noon.", "Flooded schools reopened."]
    assert oracle(sents, "Rain flooded\nschools", k=1) == [1]
    assert oracle(sents, "Rain flooded\r\nschools", k=1) == [1]
    assert oracle(sents, "Rain flooded schools", k=1) == [1]


@pytest.mark.parametrize("gap", ["\n", "\t", "\n\n", " \t "])
def test_any_whitespace_separates_words(gap: str) -> None:
    sents = ["Nothing here matches.", f"Roads{gap}flooded overnight."]
    assert oracle(sents, "roads flooded", k=2) == [1]


@pytest.mark.parametrize(
    ("sentence", "reference"),
    [
        ("The U.S. team won.", "us team"),  # dots inside a word are deleted
        ("Officials don't agree.", "officials dont"),  # so are apostrophes
        ("A well-known singer.", "wellknown singer"),  # and hyphens, as in Liu & Lapata
    ],
)
def test_non_alphanumerics_inside_words_are_deleted(sentence: str, reference: str) -> None:
    assert oracle(["Unrelated words only.", sentence], reference, k=2) == [1]
    # the punctuated form of the reference is cleaned the same way
    assert oracle(["Unrelated words only.", sentence], sentence, k=2) == [1]
