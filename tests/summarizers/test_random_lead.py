"""The random baseline's seeded permutations, and the lead's ranking."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from newskit.summarizers import SUMMARIZERS, Document
from newskit.summarizers._base import Summarizer
from newskit.summarizers._random import seeded_permutation


@pytest.mark.parametrize("seed", [0, 1, 7, 2**70])
def test_same_draws_as_a_fresh_generator(seed: int) -> None:
    # interleaved seeds and lengths: each call starts from the seed's own state
    for n in [0, 1, 2, 20, 3, 500, 20]:
        for other in (seed, seed + 1):
            expected = np.random.default_rng(other).permutation(n)
            got = seeded_permutation(other, n)
            assert got.dtype == expected.dtype
            assert got.tolist() == expected.tolist()


@pytest.mark.parametrize("seed", [np.int64(5), None, -1, 2.5])
def test_other_seeds_go_numpys_way(seed: object) -> None:
    try:
        expected = np.random.default_rng(seed).permutation(10)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        with pytest.raises(type(exc)):
            seeded_permutation(seed, 10)
        return
    got = seeded_permutation(seed, 10)
    if seed is not None:  # None draws fresh entropy
        assert got.tolist() == expected.tolist()
    assert sorted(got.tolist()) == list(range(10))


def test_threads_draw_their_own_permutations() -> None:
    expected = {s: np.random.default_rng(s).permutation(50).tolist() for s in range(4)}
    wrong: list[int] = []

    def draw(seed: int) -> None:
        for _ in range(300):
            if seeded_permutation(seed, 50).tolist() != expected[seed]:
                wrong.append(seed)

    threads = [threading.Thread(target=draw, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []


@pytest.mark.parametrize("n", [0, 1, 2, 7, 40])
def test_lead_rank_is_the_base_ranking_of_its_scores(n: int) -> None:
    summarizer = SUMMARIZERS["lead"]()
    doc = Document([f"Sentence {i}." for i in range(n)], [0] * n)
    for k in sorted({0, 1, 3, n - 1, n, n + 2} - {-1}):
        got = summarizer.rank(doc, k)
        want = Summarizer.rank(summarizer, doc, k)
        for a, b in zip(got, want, strict=True):
            assert a.dtype == b.dtype
            assert a.tolist() == b.tolist()
