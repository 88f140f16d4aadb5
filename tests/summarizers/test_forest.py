"""The trees of the trained ``default`` evaluated from arrays give scikit-learn's scores
and the same summaries.

Every text here is written for these tests (no publisher text); the small models
are fitted on random numbers.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from newskit.summarizers import _forest, _trained, build_document, summarize_documents
from newskit.summarizers._forest import FlatTrees, flat_trees, tree_scores
from newskit.summarizers._sentence_features import trained_features
from newskit.summarizers._stack import Stack
from newskit.summarizers._trained import linear_part, load_trained
from tests.summarizers._texts import ARTICLE, ARTICLE_TITLE

TEXTS = [
    (ARTICLE, ARTICLE_TITLE),
    (
        "The harbour froze for the first time in forty years on Friday. Fishing boats "
        'stayed tied up and the ferry to the island was cancelled. "We have never seen '
        'ice this thick," said the harbour master. Engineers said the cold would last '
        "until Wednesday. The council opened two halls for people without heating. "
        "Is the town ready for another week of this? Schools will stay closed on Monday.",
        "Harbour freezes as cold snap grips the coast",
    ),
    (
        "A local team won the county cup 3-1 on Saturday. The striker scored twice "
        "in the second half. Fans filled the square after the match. The coach said "
        'the squad had trained hard all winter: "They earned this." The team plays '
        "the regional final in May. Tickets go on sale next week at 12 pounds each.",
        "",
    ),
    ("Rain fell. Roads flooded. Schools shut.", ""),
]


def _fitted(seed: int, **params: Any) -> tuple[HistGradientBoostingClassifier, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(600, 5))
    x[:, 3] = rng.integers(0, 2, 600)  # a binary column, as several features are
    y = (x[:, 0] + x[:, 1] * x[:, 2] + rng.normal(scale=0.5, size=600) > 0).astype(int)
    x[rng.random(x.shape) < 0.05] = np.nan  # missing values go their learned way
    model = HistGradientBoostingClassifier(random_state=0, **params)
    with threadpool_limits(1):  # OpenMP threads crawl on a busy machine
        model.fit(x, y)
    test = rng.normal(size=(300, 5)) * 1.5
    test[:, 3] = rng.integers(0, 2, 300)
    test[rng.random(test.shape) < 0.1] = np.nan
    # values exactly on the thresholds (``x <= t`` goes left) and beyond every one
    nodes = np.concatenate([p.nodes for (p,) in model._predictors])
    splits = nodes[nodes["is_leaf"] == 0]
    on = np.zeros((len(splits), 5))
    on[np.arange(len(splits)), splits["feature_idx"]] = splits["num_threshold"]
    extremes = np.array([[np.inf] * 5, [-np.inf] * 5])
    return model, np.vstack([test, on, extremes])


@pytest.mark.parametrize(
    "params",
    [
        {"max_iter": 30},
        {"max_iter": 20, "max_leaf_nodes": 60, "min_samples_leaf": 2},  # 64-bit masks
        {"max_iter": 10, "max_depth": 1},
    ],
)
def test_flat_trees_give_scikit_learns_scores(params: dict[str, Any]) -> None:
    model, x = _fitted(0, **params)
    flat = FlatTrees(model)
    np.testing.assert_array_equal(flat.decision_function(x), model.decision_function(x))
    # one row at a time and in one batch: the same scores
    one = np.concatenate([flat.decision_function(row[None, :]) for row in x[:20]])
    np.testing.assert_array_equal(one, flat.decision_function(x[:20]))


def test_a_model_of_another_structure_falls_back_to_scikit_learn() -> None:
    rng = np.random.default_rng(1)
    x = np.column_stack([rng.normal(size=400), rng.integers(0, 4, 400)])
    y = (x[:, 0] + (x[:, 1] == 2) > 0.5).astype(int)
    model = HistGradientBoostingClassifier(max_iter=5, categorical_features=[1])
    with threadpool_limits(1):
        model.fit(x, y)
    assert flat_trees(model) is None
    np.testing.assert_array_equal(tree_scores(model, x), model.decision_function(x))
    with pytest.raises(ValueError, match="feature columns"):
        FlatTrees(_fitted(2, max_iter=3)[0]).decision_function(x)


def test_a_refitted_model_is_flattened_again() -> None:
    model, x = _fitted(3, max_iter=5, warm_start=True)
    first = flat_trees(model)
    assert flat_trees(model) is first
    with threadpool_limits(1):
        model.set_params(max_iter=8).fit(*_train(3))
    np.testing.assert_array_equal(tree_scores(model, x), model.decision_function(x))


def _train(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(600, 5))
    return x, (x[:, 0] > 0).astype(int)


def test_the_shipped_trees_give_scikit_learns_scores_on_articles() -> None:
    model = load_trained()
    stack = Stack([build_document(text, title=title) for text, title in TEXTS])
    x = trained_features(stack)
    both = np.column_stack([x, linear_part(stack, x, model)])
    trees = model["trees"]
    with threadpool_limits(1):
        np.testing.assert_array_equal(tree_scores(trees, both), trees.decision_function(both))
    # every feature moved across its thresholds, with some values missing
    rng = np.random.default_rng(0)
    shaken = both[rng.integers(0, len(both), 500)] * rng.normal(1.0, 0.5, (500, both.shape[1]))
    shaken[rng.random(shaken.shape) < 0.05] = np.nan
    with threadpool_limits(1):
        expected = trees.decision_function(shaken)
    np.testing.assert_array_equal(tree_scores(trees, shaken), expected)


def test_default_picks_the_same_sentences_as_with_scikit_learns_trees(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = [build_document(text, title=title) for text, title in TEXTS]
    requests: list[dict[str, Any]] = [{"n_sentences": 1}, {"n_sentences": 3}, {"max_words": 30}]
    fast = [summarize_documents(docs, **r) for r in requests]
    monkeypatch.setattr(_forest, "flat_trees", lambda model: None)
    assert _trained.tree_scores is _forest.tree_scores
    with threadpool_limits(1):
        slow = [summarize_documents(docs, **r) for r in requests]
    for a, b in zip(fast, slow, strict=True):
        assert [s.indices for s in a] == [s.indices for s in b]
        assert [[x.score for x in s.sentences] for s in a] == [
            [x.score for x in s.sentences] for s in b
        ]
