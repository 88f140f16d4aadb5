"""Training the shipped topic model end to end.

``train_topics`` reads the guideline-labelled corpus (labels from the repo,
texts rebuilt from the public data and hash-checked), the mapped
publisher-section data (extra, down-weighted supervision), fits the shipped
configuration :data:`SHIPPED` on the outlet-grouped folds to get out-of-fold
scores, fits Platt calibration and per-topic thresholds (separately for short
and long texts) on those scores, fits the final model on everything, and
writes the model, its manifest entry and its model card. :data:`SHIPPED` is
what ``benchmarks/topics_cv.py`` chose by cross-validation. Wikinews-dev and
the seed articles are not read. Everything is seeded: the same labels, data
and seed write the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newskit._artifacts import record_artifact
from newskit._errors import InputValueError
from newskit.topics._classifier import TopicClassifier
from newskit.topics._model import ARTIFACT, save_model
from newskit.training._cli import data_dir_option, out_option
from newskit.training._paths import default_data_dir
from newskit.training.topics._card import render_card
from newskit.training.topics._clusters import build_word_clusters, build_word_vectors
from newskit.training.topics._labels import LABELS_FILE, SHORT_WORDS, V1_FILE, load_corpus
from newskit.training.topics._mapping import MAPPING_VERSION, TOPICS
from newskit.training.topics._report import oof_tables, reliability
from newskit.training.topics._sampling import (
    SOURCE_WEIGHTS,
    TrainingSet,
    build_training_set,
    target_counts,
)
from newskit.training.topics._select import (
    BASE_PARAMS,
    N_FOLDS,
    Config,
    CorpusData,
    cross_fit,
    fit_model,
    fit_outputs,
    make_corpus_data,
    oof_scores,
)
from newskit.training.topics._sources import load_sources

__all__ = [
    "CAP_PER_LABEL",
    "HELD_OUT",
    "HELP",
    "MAX_PER_SOURCE",
    "SHIPPED",
    "SHORT_CHARS",
    "TrainResult",
    "add_arguments",
    "mapped_training_set",
    "run",
    "train_topics",
]

#: The model of texts shorter than ``SHORT_WORDS`` words in :data:`SHIPPED`: the
#: long model's settings (the mean word-vector block included) plus character
#: 3-5-grams of the title + lead and 256 word classes learned from unlabelled
#: news (``_clusters``), C = 4.
SHORT_CHARS = Config(
    C=4.0,
    mapped=0.25,
    max_words=400,
    lead_words=60,
    lexicon=False,
    ngram_max=1,
    lead_chars=(3, 5),
    clusters=256,
    vectors=1.0,
)
#: The configuration of the shipped model, chosen by ``benchmarks/topics_cv.py``
#: (round 9: both models with the dense block of mean word vectors, weight 1).
SHIPPED = Config(
    C=16.0,
    mapped=0.25,
    max_words=400,
    lead_words=60,
    lexicon=False,
    ngram_max=1,
    vectors=1.0,
    short_model=SHORT_CHARS,
)
#: AllSides articles sampled per editor topic for the mapped data.
CAP_PER_LABEL = 150
#: Examples sampled from each other mapped source.
MAX_PER_SOURCE = 4000
#: Groups never trained on: they are the cross-source test sets of the benchmark.
HELD_OUT: dict[str, set[str]] = {"allsides": {"test"}, "bbc": {"test"}}

HELP = "train the topic classifier (security, climate, diplomacy, politics)"


@dataclass
class TrainResult:
    """What one training run produced."""

    model: TopicClassifier
    meta: dict[str, Any] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    data: CorpusData | None = None


def mapped_training_set(data_dir: Path, seed: int = 0) -> TrainingSet:
    """The mapped publisher-section examples (held-out groups excluded), weighted per source."""
    return build_training_set(
        load_sources(data_dir),
        cap_per_label=CAP_PER_LABEL,
        max_per_source=MAX_PER_SOURCE,
        exclude_groups=HELD_OUT,
        seed=seed,
    )


def _params(config: Config) -> dict[str, Any]:
    """The manifest's record of one model's settings."""
    return {
        "ngram_range": [1, config.ngram_max],
        "min_df": config.min_df,
        **{k: list(v) if isinstance(v, tuple) else v for k, v in BASE_PARAMS.items()},
        "class_weight": config.class_weight,
        "positive_weight": config.positive_weight,
        "short_weight": config.short_weight,
        "C": config.C,
        "max_words": config.max_words,
        "lead_words": config.lead_words,
        "lexicon": config.lexicon,
        "lead_chars": None if config.lead_chars is None else list(config.lead_chars),
        "char_features": config.char_features,
        # Recorded only when set, so the manifest of a model without them is unchanged.
        **({"lead_weight": config.lead_weight} if config.lead_weight != 1.0 else {}),
        **({"train_words": config.train_words} if config.train_words is not None else {}),
        **({"title_block": True} if config.title_block else {}),
        **({"loss": config.loss} if config.loss != "log_loss" else {}),
        **({"word_classes": config.clusters} if config.clusters is not None else {}),
        **({"word_class_weight": config.cluster_weight} if config.clusters is not None else {}),
        **({"word_vector_weight": config.vectors} if config.vectors else {}),
    }


def _progress(total: int, quiet: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total, desc="train topics", unit="step", disable=quiet or not sys.stderr.isatty()
    )


def train_topics(
    data_dir: Path,
    out_dir: Path,
    *,
    labels_file: Path = LABELS_FILE,
    config: Config = SHIPPED,
    seed: int = 0,
    quiet: bool = False,
    log: Callable[[str], None] | None = None,
    n_jobs: int = 1,
) -> TrainResult:
    """Train the topic model from the labelled corpus and ``data_dir``; write it into ``out_dir``.

    Writes ``topics.joblib``, its entry in ``manifest.json`` and ``topics-card.md``.

    Parameters
    ----------
    data_dir : Path
        The public data sets (``../shared/data``); the first round of short
        labels is read from ``data_dir/../topics``.
    out_dir : Path
        Where the artifact, manifest entry and card go.
    labels_file : Path
        The label file (default: the repository's ``labels/topics/labels-v2.jsonl``).
    config : Config
        The model configuration (default: the shipped one).
    seed : int
        Seed of the sampling and the solvers.
    quiet : bool
        No progress bar.
    log : callable, optional
        Receives progress messages.
    n_jobs : int
        Folds fitted at once (processes); the model does not depend on it.
    """
    say = log or (lambda _msg: None)
    if not data_dir.is_dir():
        raise InputValueError(f"data directory {data_dir} does not exist")
    out_dir.mkdir(parents=True, exist_ok=True)
    bar = _progress(N_FOLDS + 4, quiet)

    bar.set_postfix_str("reading the labelled corpus and the mapped data")
    items = load_corpus(data_dir, labels_file)
    data = make_corpus_data(items, mapped_training_set(data_dir, seed))
    say(f"labelled items: {len(items)}; mapped examples: {len(data.mapped.texts)}")
    ks = {p.clusters for p in config.parts if p.clusters is not None}
    if ks or any(p.vectors for p in config.parts):
        # Learned from the CNN/DM articles that no label file names.
        files = [labels_file, data_dir.parent / V1_FILE]
        words, vecs = build_word_vectors(data_dir, files, seed=seed)
        if ks:
            data.clusters = build_word_clusters(
                data_dir, files, sorted(ks), seed=seed, word_vectors=(words, vecs)
            )
            say(f"word classes: {sorted(ks)}")
        if any(p.vectors for p in config.parts):
            data.vectors = dict(zip(words, vecs, strict=True))
            say(f"word vectors: {len(words)}")
    bar.update()

    bar.set_postfix_str("out-of-fold scores")
    scores = oof_scores(data, [config], seed=seed, n_jobs=n_jobs, log=lambda _m: bar.update())[
        config
    ]
    outputs = fit_outputs(scores, data.Y, data.short)
    honest = cross_fit(data, scores)
    tables = oof_tables(data, honest.pred, honest.proba)

    bar.set_postfix_str("fitting on everything")
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    with threadpool_limits(1):  # as the folds: the same bits on any machine
        model = fit_model(data, config, seed)
    model.set_calibration(
        outputs.calibration,
        outputs.thresholds,
        short_calibration=outputs.short_calibration,
        short_thresholds=outputs.short_thresholds,
    )
    bar.update(2)

    bar.set_postfix_str("writing")
    path = out_dir / ARTIFACT
    versions = save_model(model, path)
    mapped_sources = sorted(set(data.mapped.sources))
    meta: dict[str, Any] = {
        "kind": "topic classifier (TF-IDF + logistic regression per topic, Platt-calibrated "
        "out of fold, length-aware thresholds)",
        "versions": versions,
        "seed": seed,
        "label_mapping_version": MAPPING_VERSION,
        "topics": list(TOPICS),
        "config": config.name,
        "params": {
            **_params(config),
            "short_words": SHORT_WORDS,
            "short_model": None if config.short_model is None else _params(config.short_model),
        },
        "thresholds": dict(zip(TOPICS, outputs.thresholds.tolist(), strict=True)),
        "short_thresholds": dict(zip(TOPICS, outputs.short_thresholds.tolist(), strict=True)),
        "labelled": {
            "items": len(items),
            "short": int(data.length_short.sum()),
            "full": int((~data.length_short).sum()),
            "label_files": [labels_file.name, "short-labels-v1.jsonl"],
        },
        "mapped": {
            "weight": config.mapped,
            "examples": len(data.mapped.texts),
            "source_shares": {s: SOURCE_WEIGHTS[s] for s in mapped_sources},
            "targets": target_counts(data.mapped, TOPICS),
        },
        "held_out": {k: sorted(v) for k, v in HELD_OUT.items()},
        "n_features": int(model.coef_.shape[1]),
        "oof": tables,
        "oof_reliability": reliability(data, honest.proba),
        "command": "newskit train topics --data-dir ../shared/data --out newskit/models",
    }
    record_artifact(ARTIFACT, meta, models_dir=out_dir)
    card = out_dir / "topics-card.md"
    card.write_text(render_card(meta), encoding="utf-8")
    bar.update()
    bar.close()
    return TrainResult(model, meta, {"model": path, "card": card}, data)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``newskit train topics``."""
    data_dir_option(p)
    out_option(p, "topics.joblib, topics-card.md")
    p.add_argument(
        "--labels",
        type=Path,
        default=LABELS_FILE,
        metavar="FILE",
        help="the label file (default: labels/topics/labels-v2.jsonl of the checkout)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same model)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="folds fitted at once (each with one BLAS thread, so the model does not change)",
    )


def run(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or default_data_dir()
    result = train_topics(
        data_dir,
        args.out,
        labels_file=args.labels,
        seed=args.seed,
        quiet=args.quiet,
        log=lambda msg: print(msg, file=sys.stderr),
        n_jobs=args.jobs,
    )
    oof = result.meta["oof"]
    print(
        "out-of-fold macro-F1 (thresholds cross-fitted): "
        + ", ".join(f"{k} {v['macro_f1']:.3f}" for k, v in oof["by_length"].items())
    )
    print(f"wrote {result.paths['model']} and {result.paths['card']}")
    return 0
