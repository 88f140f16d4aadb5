"""The helpers of ``benchmarks/summarizer_variants.py``: graded targets, subsets of the
featurized sample, within-article columns and the candidate caption cues.

Every text here is written for these tests (no publisher text).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from newskit.summarizers import build_document
from newskit.summarizers._stack import Stack
from tests.conftest import REPO

HIGHLIGHTS = ["The council closed the coast road and rain is forecast on Tuesday."]
SENTENCES = [
    "The council closed the coast road on Sunday.",
    "Drivers waited for hours.",
    "Rain is forecast again on Tuesday.",
]


@pytest.fixture(scope="module")
def variants() -> Iterator[ModuleType]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import summarizer_variants

        yield summarizer_variants
    finally:
        sys.path.remove(str(REPO / "benchmarks"))


def test_individual_rouge_is_each_sentence_alone_against_the_highlights(
    variants: ModuleType,
) -> None:
    got = variants.individual_rouge(SENTENCES, HIGHLIGHTS)
    # the highlight: 11 distinct words, 11 bigrams; sentence 0: 7 distinct words, 6 of
    # them in the highlight; 7 bigrams, 5 in the highlight (F1 = 2 hits / (|a| + |b|))
    want0 = 2 * 6 / (7 + 11) + 2 * 5 / (7 + 11)
    assert got[0] == pytest.approx(want0)
    assert got[1] == 0.0
    assert got[2] > 0.0


def test_graded_parts_scale_by_the_best_sentence_and_mark_the_top_three(
    variants: ModuleType,
) -> None:
    gain = np.array([0.2, 0.4, 0.0, 0.1, 0.3, 0.0, 0.0, 0.0])
    share, top = variants.graded_parts(gain, np.array([5, 3]))
    assert share.tolist() == pytest.approx([0.5, 1.0, 0.0, 0.25, 0.75, 0.0, 0.0, 0.0])
    assert top.tolist() == [1, 1, 0, 0, 1, 0, 0, 0]


def test_a_graded_target_is_fitted_as_the_cross_entropy_with_soft_labels(
    variants: ModuleType,
) -> None:
    rng = np.random.default_rng(0)
    target = rng.uniform(0, 1, 200)
    x = np.zeros((200, 1))  # nothing to split on: the model is its baseline
    model = variants.fit_trees(x, target, {"max_iter": 1, "random_state": 0})
    want = np.log(target.sum() / (1 - target).sum())
    assert model.decision_function(x[:1])[0] == pytest.approx(want)
    hard = variants.fit_trees(x, (target > 0.5).astype(float), {"max_iter": 1})
    assert hard.decision_function(x[:1])[0] == pytest.approx(
        np.log((target > 0.5).sum() / (target <= 0.5).sum())
    )


def test_every_nth_keeps_whole_articles_and_their_words(variants: ModuleType) -> None:
    from newskit.training._summarizer_cnndm import Featurized

    sizes = np.array([2, 3, 1, 2])
    rows = np.arange(sizes.sum())
    data = Featurized(
        rows[:, None].astype(float),
        np.repeat(rows, 2),
        np.tile([5, 7], rows.size),
        np.ones(2 * rows.size, dtype=np.float32),
        (rows % 2).astype(np.int8),
        sizes,
    )
    part, gain = variants.every_nth(data, rows * 10.0, 2)
    kept = [0, 1, 5]  # the rows of articles 0 and 2
    assert part.x[:, 0].tolist() == kept and gain.tolist() == [10.0 * r for r in kept]
    assert part.sizes.tolist() == [2, 1]
    assert part.hash_rows.tolist() == [0, 0, 1, 1, 2, 2]
    assert part.y.tolist() == [0, 1, 1]
    # offset 1: articles 1 and 3, disjoint from the above
    part, gain = variants.every_nth(data, rows * 10.0, 2, offset=1)
    assert part.x[:, 0].tolist() == [2, 3, 4, 6, 7]
    assert part.sizes.tolist() == [3, 2]
    assert part.hash_rows.tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_article_weights_make_articles_weigh_alike(variants: ModuleType) -> None:
    sizes = np.array([1, 4])
    assert variants.article_weights(sizes, "none") is None
    w = variants.article_weights(sizes, "1/n per article")
    assert w.sum() == pytest.approx(5.0)  # the rows' total is kept
    assert w[0] == pytest.approx(w[1:].sum())  # each article weighs the same
    w = variants.article_weights(sizes, "1/sqrt(n) per article")
    assert w[0] == pytest.approx(2 * w[1])


def test_weights_reach_the_trees(variants: ModuleType) -> None:
    x = np.zeros((4, 1))
    target = np.array([1.0, 0.0, 0.0, 0.0])
    weights = np.array([3.0, 1.0, 1.0, 1.0])  # the one positive weighs as the negatives
    model = variants.fit_trees(x, target, {"max_iter": 1}, weights)
    assert model.decision_function(x[:1])[0] == pytest.approx(0.0)
    soft = variants.fit_trees(x, np.array([0.5, 0.0, 0.0, 0.0]), {"max_iter": 1}, weights)
    assert soft.decision_function(x[:1])[0] == pytest.approx(np.log(1.5 / 4.5))


def test_within_article_columns(variants: ModuleType) -> None:
    got = variants.within_article(np.array([1.0, 3.0, 2.0, 5.0, 5.0]), np.array([3, 2]))
    assert got[:3, 0] == pytest.approx([-1.2247449, 1.2247449, 0.0])
    assert got[:, 1].tolist() == pytest.approx([2 / 3, 0.0, 1 / 3, 0.0, 0.5])
    assert got[3:, 0].tolist() == [0.0, 0.0]  # a constant article has no spread


def test_caption_cues(variants: ModuleType) -> None:
    text = (
        "Flooded: the coast road under water on Sunday. The council closed the road at noon. "
        "The mayor (left) visited the town. Officials said the repairs would start at 10:30."
    )
    x = variants.candidate_features(Stack([build_document(text)]))
    caption, long_position, label = x[:, :3].T
    assert label.tolist() == [1, 0, 0, 0]
    assert caption.tolist() == [0, 0, 1, 0]
    # only sentence 0 has 8 words or more: it is the one long sentence before each other
    assert long_position.tolist() == [1.0, 0.5, 0.5, 0.5]


def test_novelty_earlier_overlap_and_numbers(variants: ModuleType) -> None:
    text = (
        "The council closed the coast road on Sunday. "
        "The council reopened the coast road. "
        "Ferries carried 1,200 drivers and 35 lorries across the bay."
    )
    stack = Stack([build_document(text), build_document(text)])
    x = variants.candidate_features(stack)
    novelty, earlier, numbers = x[:, 3:].T
    content = [set(stack.cells.cols[stack.cells.rows == r].tolist()) for r in range(3)]
    # sentence 1 repeats council, coast, road; only its "reopen" stem is fresh
    fresh = len(content[1] - content[0])
    assert novelty[:3] == pytest.approx([1.0, fresh / len(content[1]), 1.0])
    assert earlier[:3] == pytest.approx([0.0, 1 - fresh / len(content[1]), 0.0])
    assert numbers[:3] == pytest.approx([0.0, 0.0, np.log(3.0)])
    # the second article's first sentence is not compared with the first article
    assert x[3:].tolist() == x[:3].tolist()


def test_pairs_stay_within_an_article(variants: ModuleType) -> None:
    y = np.array([1, 0, 0, 0, 0, 1, 0, 1])
    got = variants.pairs(y, np.array([5, 3]), negatives=2)
    first, second = got[got[:, 0] < 5], got[got[:, 0] >= 5]
    assert first[:, 0].tolist() == [0, 0] and set(first[:, 1].tolist()) <= {1, 2, 3, 4}
    assert second.tolist() == [[5, 6], [7, 6]]


def test_a_pairwise_fit_orders_sentences_within_articles(variants: ModuleType) -> None:
    """Articles whose level differs: the positive is the article's best sentence by
    column 0, not a sentence above a fixed value of it; column 1, the same for every
    sentence of an article, cannot order them and gets no weight."""
    from scipy import sparse

    rng = np.random.default_rng(1)
    sizes = np.full(60, 5)
    level = np.repeat(rng.normal(0, 5, sizes.size), sizes)
    own = rng.normal(0, 1, sizes.sum())
    y = np.zeros(sizes.sum(), dtype=np.int8)
    for a in range(sizes.size):
        y[5 * a + int(np.argmax(own[5 * a : 5 * a + 5]))] = 1
    x = np.column_stack([level + own, level])
    hashed = sparse.csr_matrix((x.shape[0], 4))
    params = variants.fit_pairwise(x, hashed, y, sizes, 1.0)
    _, _, coef, words, intercept = params
    assert intercept == 0.0 and words.shape == (4,)
    assert coef[0] > 0 and coef[1] == 0.0
    scores = variants.linear_scores(x, hashed, params).reshape(-1, 5)
    assert (scores.argmax(axis=1) == y.reshape(-1, 5).argmax(axis=1)).all()


@pytest.mark.slow
def test_the_script_runs_on_a_tiny_sample(
    variants: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end on a made-up sample in the layout of ``cnndm-train-sample``, every kind
    of variant."""
    from tests.summarizers.test_trained import _write_corpus

    data = tmp_path / "data"
    _write_corpus(data, 40, 8)
    names = [
        "shipped features",
        "shipped features + MMR",
        "+ caption + long position + caption label",
        "+ score within article",
        "target: half oracle + half individual",
        "labels: oracle of 5",
        "weights: 1/n per article",
        "pairwise score",
        "pairwise linear alone",
        "mean of trees and linear",
        "+ novelty + earlier overlap + numbers",
    ]
    code = variants.main(
        ["--data-dir", str(data), "--cache", str(tmp_path / "cache"), "--variants", ",".join(names)]
    )
    assert code == 0
    printed = capsys.readouterr().out
    for name in names:
        assert f"{name} " in printed
    assert (tmp_path / "cache" / "extras.pkl").is_file()


def test_extras_hold_the_larger_oracles(variants: ModuleType, tmp_path: Path) -> None:
    from newskit.evaluate import oracle
    from newskit.training._summarizer_cnndm import CnnDmExample

    article = " ".join(SENTENCES) + " Schools stayed open. The road reopened on Wednesday."
    ex = CnnDmExample("a", article, HIGHLIGHTS)
    x, per_row = variants.cached_extras([ex], tmp_path)
    sentences = build_document(article).sentences
    assert x.shape == (len(sentences), len(variants.CANDIDATES))
    assert per_row.shape == (len(sentences), 1 + len(variants.ORACLE_SIZES))
    for j, k in enumerate(variants.ORACLE_SIZES, start=1):
        want = oracle(sentences, "\n".join(HIGHLIGHTS), k=k)
        assert np.flatnonzero(per_row[:, j]).tolist() == want


def test_trigram_blocking_skips_a_shared_trigram_then_fills_up(variants: ModuleType) -> None:
    doc = build_document(
        "The mayor of the town said the bridge will close. "
        "The mayor of the town left early on Monday. "
        "A new budget was passed by the council."
    )
    stack = Stack([doc])
    grams = variants.trigrams(stack)
    assert ("the", "mayor", "of") in grams[0] & grams[1]
    stems = [np.array([i]) for i in range(3)]  # no stem overlap: trigrams alone decide
    scores = np.array([3.0, 2.0, 1.0])
    assert variants.trigram_pick(scores, stems, grams, 2, 1.0).tolist() == [0, 2]
    # asked for all three, the blocked sentence follows the others
    assert variants.trigram_pick(scores, stems, grams, 3, 1.0).tolist() == [0, 2, 1]
    # the overlap threshold still applies beside the trigrams: sentence 2 repeats
    # sentence 0's stems, so both others are blocked and the fill takes them in score order
    shared = [np.array([1, 2]), np.array([3]), np.array([1, 2])]
    assert variants.trigram_pick(scores, shared, grams, 2, 0.5).tolist() == [0, 1]


def test_word_pairs_are_distinct_adjacent_pairs_at_unit_length(variants: ModuleType) -> None:
    stack = Stack([build_document("Rain rain rain fell. Rain fell on the road today.")])
    rows, cols, values = variants.hashed_pairs(stack)
    # sentence 0: "rain rain", "rain fell"; sentence 1: "rain fell", "fell on", "on the",
    # "the road", "road today"
    assert np.bincount(rows).tolist() == [2, 5]
    for r in (0, 1):
        assert np.sum(values[rows == r] ** 2) == pytest.approx(1.0)
    assert set(cols[rows == 0]) & set(cols[rows == 1])  # "rain fell" in both
    assert cols.max() < variants.PAIR_BUCKETS
