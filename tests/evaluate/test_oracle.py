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
