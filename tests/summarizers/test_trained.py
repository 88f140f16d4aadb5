"""The trained model behind ``default``: it loads offline, its trainer is
deterministic, and ``default`` keeps its output contract.

Every text here is written for these tests (no publisher text).
"""

from __future__ import annotations

import json
import lzma
import random
import socket
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newskit import summarize
from newskit.summarizers import build_document, summarize_documents
from newskit.summarizers._default import DefaultSummarizer
from newskit.summarizers._forest import tree_scores
from newskit.summarizers._sentence_features import (
    TRAINED_FEATURES,
    _within_rank,
    trained_features,
)
from newskit.summarizers._stack import Stack
from newskit.summarizers._trained import (
    check_payload,
    linear_part,
    load_trained,
    pick,
    trained_scores,
)
from tests.summarizers._texts import ARTICLE, ARTICLE_TITLE

OTHER = (
    "Heavy rain flooded the coast road on Sunday. Drivers waited for hours in long queues. "
    "The police closed the road until the water fell. Rain is forecast again on Tuesday. "
    "A spokesman said the council would repair the drains. Shops in the town stayed shut. "
    "Farmers said their fields were under water for the second time this year."
)


def test_the_shipped_model_loads_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoSocket(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise AssertionError("the trained model tried to open a socket")

    monkeypatch.setattr(socket, "socket", NoSocket)
    load_trained.cache_clear()
    model = load_trained()
    assert model["features"] == list(TRAINED_FEATURES)
    assert 0.0 <= model["selection"]["max_overlap"] <= 1.0
    assert model["selection"]["max_sentences"] >= 3
    assert summarize(OTHER, n_sentences=2).sentences


def test_a_payload_with_other_features_is_refused() -> None:
    from newskit import ModelError

    bad = {**load_trained(), "features": ["first"]}
    with pytest.raises(ModelError, match="retrain"):
        check_payload(bad)


@pytest.mark.parametrize("share", [-0.1, 1.5, "half"])
def test_a_linear_share_outside_0_to_1_is_refused(share: Any) -> None:
    from newskit import ModelError

    with pytest.raises(ModelError, match="linear_share"):
        check_payload({**load_trained(), "linear_share": share})


@pytest.mark.parametrize("share", [0.0, 0.5, 1.0])
def test_the_score_mixes_the_trees_and_the_linear_log_odds(share: float) -> None:
    stack = Stack([build_document(OTHER)])
    model = {**load_trained(), "linear_share": share}
    x = trained_features(stack)
    linear = linear_part(stack, x, model)
    trees = tree_scores(model["trees"], np.column_stack([x, linear]))
    penalty = float(model["selection"]["length_penalty"]) * np.log1p(stack.lengths)
    want = (1 - share) * trees + share * linear - penalty
    assert trained_scores(stack, model) == pytest.approx(want)
    # a model that does not name the share is scored by its trees alone
    old = {k: v for k, v in model.items() if k != "linear_share"}
    assert trained_scores(stack, old) == pytest.approx(trees - penalty)


@pytest.mark.parametrize(
    "request_", [{"n_sentences": 3}, {"n_sentences": 1}, {"ratio": 0.5}, {"max_words": 40}]
)
def test_default_output_contract(request_: dict[str, Any]) -> None:
    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    summary = summarize(ARTICLE, title=ARTICLE_TITLE, **request_)
    idx = summary.indices
    assert idx == sorted(idx) and len(set(idx)) == len(idx)
    assert [s.text for s in summary.sentences] == [doc.sentences[i] for i in idx]
    if "n_sentences" in request_:
        assert len(idx) == min(request_["n_sentences"], len(doc))
    if "ratio" in request_:
        assert len(idx) == max(1, round(request_["ratio"] * len(doc)))
    if "max_words" in request_:
        lengths = doc.sentence_lengths[idx]
        assert len(idx) == 1 or lengths.sum() <= request_["max_words"]
    # the scores are the trained model's, unchanged, for news-length requests
    limit = load_trained()["selection"]["max_sentences"]
    if "n_sentences" in request_ and request_["n_sentences"] <= limit:
        scores = trained_scores(Stack([doc]), load_trained())
        assert [s.score for s in summary.sentences] == pytest.approx(scores[idx].tolist())


def test_longer_requests_get_the_lead_blend_scores() -> None:
    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    k = int(load_trained()["selection"]["max_sentences"]) + 1
    summary = summarize(ARTICLE, title=ARTICLE_TITLE, n_sentences=k)
    blend = DefaultSummarizer().blend(doc, float(k))
    assert [s.score for s in summary.sentences] == pytest.approx(blend[summary.indices].tolist())


def test_a_short_text_returns_all_its_sentences() -> None:
    assert len(summarize("One line. Two lines.", n_sentences=5)) == 2


def test_batch_results_do_not_depend_on_the_batch() -> None:
    docs = [build_document(OTHER), build_document(ARTICLE, title=ARTICLE_TITLE)]
    together = summarize_documents(docs, n_sentences=2)
    alone = [summarize_documents([d], n_sentences=2)[0] for d in docs]
    assert [s.indices for s in together] == [s.indices for s in alone]
    assert [[x.score for x in s.sentences] for s in together] == [
        [x.score for x in s.sentences] for s in alone
    ]


def test_long_requests_go_to_the_lead_blend() -> None:
    doc = build_document(OTHER)
    model = {**load_trained(), "selection": {**load_trained()["selection"], "max_sentences": 0.0}}
    ranked = DefaultSummarizer(model=model).rank(doc, 3)
    blend = DefaultSummarizer().blend(doc, 3.0)
    assert ranked[1].tolist() == pytest.approx(np.sort(blend)[::-1][:3].tolist())


def test_overlap_blocking_skips_a_near_copy_then_fills_up() -> None:
    stems = [np.array([1, 2, 3]), np.array([1, 2, 3]), np.array([7, 8])]
    scores = np.array([3.0, 2.0, 1.0])
    assert pick(scores, stems, 2, 0.5).tolist() == [0, 2]
    assert pick(scores, stems, 3, 0.5).tolist() == [0, 2, 1]  # the skipped one fills the gap
    assert pick(scores, stems, 2, 1.0).tolist() == [0, 1]  # no blocking


def test_features_are_finite_and_shaped() -> None:
    stack = Stack([build_document(OTHER), build_document(""), build_document(ARTICLE)])
    x = trained_features(stack)
    assert x.shape == (stack.n_rows, len(TRAINED_FEATURES))
    assert np.isfinite(x).all()


def test_rank_ties_do_not_depend_on_summation_order() -> None:
    # 0.1 + 0.2 and 0.3 are the same centrality summed in another order (word ids differ
    # between processes); the earlier sentence must rank first either way
    stack = Stack([build_document("One two three. Four five six. Seven eight nine.")])
    assert stack.n_rows == 3
    for x in (np.array([0.3, 0.1 + 0.2, 0.0]), np.array([0.1 + 0.2, 0.3, 0.0])):
        assert _within_rank(x, stack).tolist() == [0.0, 1 / 3, 2 / 3]


# -- the trainer, on a tiny synthetic corpus ----------------------------------------

_WORDS = [
    "council",
    "bridge",
    "river",
    "mayor",
    "school",
    "road",
    "rain",
    "police",
    "court",
    "minister",
    "vote",
    "election",
    "budget",
    "hospital",
    "doctor",
    "storm",
    "flood",
    "farmer",
    "price",
    "market",
    "bank",
    "train",
    "airport",
    "strike",
    "union",
    "teacher",
    "museum",
    "festival",
    "team",
    "coach",
    "match",
    "player",
]


def _sentence(rng: random.Random, topic: list[str]) -> str:
    def word() -> str:
        return rng.choice(topic if rng.random() < 0.5 else _WORDS)

    parts = [f"the {word()} of the {word()}" for _ in range(rng.randint(2, 5))]
    return " and ".join(parts) + f" was in the {word()} , they said ."


def _write_corpus(root: Path, n_train: int, n_val: int) -> None:
    rng = random.Random(7)
    folder = root / "cnndm-train-sample"
    folder.mkdir(parents=True)
    for split, n in (("train", n_train), ("val", n_val)):
        rows = []
        for _ in range(n):
            topic = rng.sample(_WORDS, 4)
            sentences = [_sentence(rng, topic) for _ in range(rng.randint(6, 14))]
            picked = [sentences[0], sentences[rng.randint(1, len(sentences) - 1)]]
            abstract = " ".join(f"<s> {s} </s>" for s in picked)
            rows.append(
                {"chunk": "synthetic", "article": " ".join(sentences), "abstract": abstract}
            )
        with lzma.open(folder / f"{split}.jsonl.xz", "wt", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in rows)


@pytest.mark.slow
def test_the_trainer_is_deterministic(tmp_path: Path) -> None:
    from newskit.training._summarizer import train_trained
    from newskit.training._summarizer_cnndm import TREE_PARAMS

    _write_corpus(tmp_path / "data", 60, 12)
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        train_trained(
            tmp_path / "data",
            models_dir=out,
            tune=12,
            switch=0,
            trees={**TREE_PARAMS, "max_iter": 20},
            verbose=False,
        )
        outs.append(out)
    a, b = ((o / "summarizer_trained.joblib").read_bytes() for o in outs)
    assert a == b
    manifest = json.loads((outs[0] / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["artifacts"]["summarizer_trained.joblib"]
    assert entry["selection"]["max_sentences"] == 1000.0
    assert "60 articles" in entry["trained_on"]


def test_first_articles_are_those_articles_featurized_alone(tmp_path: Path) -> None:
    from newskit.training._summarizer_cnndm import featurize, first_articles, read_cnndm

    _write_corpus(tmp_path / "data", 12, 0)
    examples = list(read_cnndm(tmp_path / "data", "train"))
    whole, _ = featurize(examples, 3, batch=5)
    alone, _ = featurize(examples[:7], 3)
    part = first_articles(whole, 7)
    for a, b in zip(part, alone, strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_feature_cache_is_reused_only_for_the_same_columns_and_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newskit.summarizers._sentence_features as features
    from newskit.training import _summarizer_cnndm as cnndm
    from newskit.training._summarizer import _cached_features
    from newskit.training._summarizer_cnndm import read_cnndm

    _write_corpus(tmp_path / "data", 4, 0)
    examples = list(read_cnndm(tmp_path / "data", "train"))
    calls = []
    real = cnndm.featurize
    monkeypatch.setattr(cnndm, "featurize", lambda *a: calls.append(1) or real(*a))
    cache = tmp_path / "cache"
    _cached_features(examples, cache, "x.pkl")
    _cached_features(examples, cache, "x.pkl")
    assert len(calls) == 1
    monkeypatch.setattr(features, "TRAINED_FEATURES", (*features.TRAINED_FEATURES, "extra"))
    _cached_features(examples, cache, "x.pkl")
    assert len(calls) == 2
    # a change inside the feature code (same columns) recomputes too
    from newskit.training import _summarizer as trainer

    monkeypatch.setattr(trainer, "_code_fingerprint", lambda: "other code")
    _cached_features(examples, cache, "x.pkl")
    assert len(calls) == 3


def test_the_cache_key_covers_the_oracle_and_the_feature_code() -> None:
    import newskit
    from newskit.training._summarizer import _fingerprint_files

    root = Path(newskit.__file__).parent
    files = {p.relative_to(root).as_posix() for p in _fingerprint_files() if p.is_file()}
    # the labels come from the oracle: a change there must refeaturize like a feature change
    assert {
        "evaluate/_oracle.py",
        "training/_summarizer_cnndm.py",
        "summarizers/_sentence_features.py",
    } <= files
