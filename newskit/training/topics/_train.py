"""Training the shipped topic model end to end.

``train_topics`` reads the public data sets, builds the weighted training set,
fits :class:`TopicClassifier`, picks per-topic thresholds on the Wikinews dev
set (the only thing the dev set decides), and writes the model, its manifest
entry and its model card. Everything is seeded, so two runs with the same data
and seed write the same model.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newskit._artifacts import record_artifact
from newskit._errors import InputValueError
from newskit.evaluate._classification import MultilabelReport, multilabel_report
from newskit.topics._classifier import TopicClassifier
from newskit.topics._model import ARTIFACT, save_model
from newskit.training._cli import data_dir_option, out_option
from newskit.training._paths import default_data_dir
from newskit.training.topics._card import render_card
from newskit.training.topics._keywords import LEXICON
from newskit.training.topics._mapping import MAPPING_VERSION, TOPICS
from newskit.training.topics._sampling import TrainingSet, build_training_set, target_counts
from newskit.training.topics._sources import LOADERS, Example, load_dev

__all__ = [
    "HELD_OUT",
    "HELP",
    "MODEL_PARAMS",
    "TrainResult",
    "add_arguments",
    "dev_matrix",
    "fit_tuned",
    "run",
    "train_topics",
    "tune_thresholds",
]

#: Hyper-parameters of the shipped model (chosen on the dev set).
MODEL_PARAMS: dict[str, Any] = {
    "max_words": 400,
    "ngram_range": (1, 2),
    "min_df": 3,
    "max_df": 0.5,
    "max_features": 60_000,
    "C": 3.0,
    "class_weight": "balanced",
    "calibration_cv": 3,
    "lexicon": LEXICON,
    "lexicon_scale": 0.5,
}
#: AllSides articles sampled per editor topic.
CAP_PER_LABEL = 400
#: Groups never trained on: they are the cross-source test sets of the benchmark.
HELD_OUT: dict[str, set[str]] = {"allsides": {"test"}, "bbc": {"test"}}

HELP = "train the topic classifier (security, climate, diplomacy, politics)"

_GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)


@dataclass
class TrainResult:
    """What one training run produced."""

    model: TopicClassifier
    dev: MultilabelReport
    meta: dict[str, Any] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)


def dev_matrix(
    dev: list[tuple[str, str, frozenset[str]]],
) -> tuple[list[str], npt.NDArray[np.int64]]:
    """Dev texts (title + text) and their 0/1 label matrix in :data:`TOPICS` order."""
    texts = [f"{title}\n\n{text}" for title, text, _ in dev]
    Y = np.array([[int(t in labels) for t in TOPICS] for _, _, labels in dev], dtype=np.int64)
    return texts, Y


def tune_thresholds(proba: npt.NDArray[np.float64], Y: npt.NDArray[np.int64]) -> list[float]:
    """Per topic, the grid threshold with the best F1 (ties: closest to 0.5).

    >>> tune_thresholds(np.array([[0.9], [0.4], [0.3]]), np.array([[1], [1], [0]]))
    [0.4]
    """
    out = []
    for j in range(Y.shape[1]):
        best = (-1.0, 0.0, 0.5)
        for g in _GRID:
            pred = proba[:, j] >= g
            tp = float((pred & (Y[:, j] == 1)).sum())
            denom = float(pred.sum() + Y[:, j].sum())
            f1 = 2 * tp / denom if denom else 1.0
            key = (round(f1, 9), -abs(float(g) - 0.5), float(g))
            if key[:2] > best[:2]:
                best = key
        out.append(best[2])
    return out


def fit_tuned(
    ts: TrainingSet,
    dev: list[tuple[str, str, frozenset[str]]],
    *,
    seed: int = 0,
    **overrides: Any,
) -> tuple[TopicClassifier, MultilabelReport]:
    """Fit a :class:`TopicClassifier` with :data:`MODEL_PARAMS` (``overrides``
    replace some) on ``ts``, pick its thresholds on ``dev``, and report its dev metrics."""
    model = TopicClassifier(random_state=seed, **{**MODEL_PARAMS, **overrides})
    model.fit(ts.texts, ts.Y, sample_weight=ts.w)
    dev_texts, dev_Y = dev_matrix(dev)
    proba = model.predict_proba(dev_texts)
    thresholds = tune_thresholds(proba, dev_Y)
    model.set_params(thresholds=tuple(thresholds))
    model.thresholds_ = np.array(thresholds)
    return model, multilabel_report(dev_Y, model.predict(dev_texts), TOPICS, proba=proba)


def _progress(total: int, quiet: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total, desc="train topics", unit="step", disable=quiet or not sys.stderr.isatty()
    )


def train_topics(
    data_dir: Path,
    out_dir: Path,
    *,
    seed: int = 0,
    quiet: bool = False,
    log: Callable[[str], None] | None = None,
) -> TrainResult:
    """Train the topic model from ``data_dir`` and write it into ``out_dir``.

    Writes ``topics.joblib``, its entry in ``manifest.json`` and
    ``topics-card.md``. The dev set is read from ``data_dir/../topics``.
    """
    say = log or (lambda _msg: None)
    shared = data_dir.parent
    if not data_dir.is_dir():
        raise InputValueError(f"data directory {data_dir} does not exist")
    out_dir.mkdir(parents=True, exist_ok=True)
    bar = _progress(len(LOADERS) + 4, quiet)
    data: dict[str, list[Example]] = {}
    for name, loader in LOADERS.items():
        bar.set_postfix_str(f"reading {name}")
        data[name] = list(loader(data_dir))
        bar.update()
    dev = load_dev(shared)

    bar.set_postfix_str("sampling")
    ts = build_training_set(data, cap_per_label=CAP_PER_LABEL, exclude_groups=HELD_OUT, seed=seed)
    say(f"training texts: {len(ts.texts)} ({ts.counts})")
    bar.update()

    bar.set_postfix_str("fitting, then tuning thresholds on dev")
    model, report = fit_tuned(ts, dev, seed=seed)
    thresholds = [float(t) for t in model.thresholds_]
    bar.update(2)

    bar.set_postfix_str("writing")
    path = out_dir / ARTIFACT
    versions = save_model(model, path)
    meta: dict[str, Any] = {
        "kind": "topic classifier (TF-IDF + calibrated logistic regression per topic)",
        "versions": versions,
        "seed": seed,
        "label_mapping_version": MAPPING_VERSION,
        "topics": list(TOPICS),
        "thresholds": dict(zip(TOPICS, thresholds, strict=True)),
        "params": {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in MODEL_PARAMS.items()
            if k != "lexicon"
        },
        "lexicon": "newskit.training.topics._keywords.LEXICON (guideline keyword lists)",
        "training_sources": ts.counts,
        "training_texts": len(ts.texts),
        "training_targets": target_counts(ts, TOPICS),
        "held_out": {k: sorted(v) for k, v in HELD_OUT.items()},
        "n_features": int(model.coef_.shape[1]),
        "dev_metrics": {"set": "wikinews-dev (148)", **report.to_dict()},
        "command": "newskit train topics --data-dir ../shared/data --out newskit/models",
    }
    record_artifact(ARTIFACT, meta, models_dir=out_dir)
    card = out_dir / "topics-card.md"
    card.write_text(render_card(meta), encoding="utf-8")
    bar.update()
    bar.close()
    return TrainResult(model, report, meta, {"model": path, "card": card})


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``newskit train topics``."""
    data_dir_option(p)
    out_option(p, "topics.joblib, topics-card.md")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same model)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or default_data_dir()
    result = train_topics(
        data_dir,
        args.out,
        seed=args.seed,
        quiet=args.quiet,
        log=lambda msg: print(msg, file=sys.stderr),
    )
    print(result.dev.format())
    print(f"wrote {result.paths['model']} and {result.paths['card']}")
    return 0
