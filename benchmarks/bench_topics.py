"""Benchmark the topic classifier: out-of-fold on the labelled corpus, then checks never tuned on.

Prints, from one run:

1. **Out-of-fold (OOF) figures** on the guideline-labelled corpus, five
   outlet-grouped folds (no outlet in two folds; mapped data of a test fold's
   outlets left out of its training): the shipped configuration with
   calibration and thresholds cross-fitted (each fold judged with thresholds
   fitted on the other folds' OOF predictions), by length and by source, as
   ``newskit train topics`` computed them while building the shipped file
   (``--recompute`` refits them here),
   beside the **DIY baseline** (``TfidfVectorizer()`` + one-vs-rest
   ``LogisticRegression`` fitted on the same training folds of the labelled
   corpus, threshold 0.5) and the **previous model** (the model shipped before,
   trained on mapped data only, read from git, with its own thresholds: it
   was not fitted on any label of this corpus, but some of these texts were in
   its mapped training data). Writes the reliability plot of the OOF
   probabilities to ``docs/_static/charts/topics-reliability.png``.
2. **Checks used for no choice**: Wikinews-dev (148 articles), the six seed
   articles, and cross-source checks (AllSides outlet-disjoint test split, a
   fixed quarter of BBC, NYT headlines + coder summaries, BABE sentences),
   leaving out every item of the labelled corpus; the previous model's
   figures are printed beside the shipped one's, and so are those of the
   **round-3 model** (the file shipped at :data:`ROUND3_COMMIT`, trained on the
   6,420 labels before the A16-A26 round, same configuration), on the same
   items: the check sets shrink as the labelled corpus grows, so figures of
   earlier runs are not on the same items. (The round-3 model has no
   out-of-fold rows: it was trained on most of the labelled items.)
3. Throughput of ``classify_many`` in CPU-seconds on one thread, cold load,
   artifact size.

Usage::

    python benchmarks/bench_topics.py [--data-dir ../shared/data] [--skip-oof] [--recompute]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
PLOT = REPO / "docs" / "_static" / "charts" / "topics-reliability.png"
SEED_FILE = REPO / "seeds" / "000_af1872576b83b628.txt"
#: The commit whose shipped model was trained on mapped data only (before the labelled corpus).
PREVIOUS_COMMIT = "bbfd4ac"
#: The commit whose shipped model was trained on the 6,420 labels before the A16-A26 round.
ROUND3_COMMIT = "91a6a14"


def f1(t: np.ndarray, p: np.ndarray) -> float:
    denom = int(t.sum() + p.sum())
    return 2 * int((t & p).sum()) / denom if denom else 1.0


def previous_model(commit: str = PREVIOUS_COMMIT) -> Any:
    """The model shipped at ``commit``, read from git (``None`` if unavailable)."""
    from newskit.topics import load_model

    try:
        blob = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{commit}:newskit/models/topics.joblib"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "previous.joblib"
        path.write_bytes(blob)
        return load_model(path, trusted=True)


def reliability_png(bins: dict[str, Any], path: Path, topics: tuple[str, ...]) -> None:
    """Reliability diagrams (short items, full articles) from per-length bins."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(9, 4.5), sharey=True)
    for ax, name in zip(axes, ("short", "full"), strict=True):
        ax.plot([0, 1], [0, 1], ":", color="grey", label="perfect")
        for topic in topics:
            b = bins[name][topic]
            ax.plot([x[0] for x in b], [x[1] for x in b], "o-", ms=3, label=topic)
        b = bins[name]["all"]
        ax.plot([x[0] for x in b], [x[1] for x in b], "k-", lw=2, label="all topics")
        n = sum(x[2] for x in b) // len(topics)
        title = "short items" if name == "short" else "full articles"
        ax.set_title(f"{title} ({n}), out of fold")
        ax.set_xlabel("predicted probability")
    axes[0].set_ylabel("observed frequency")
    axes[0].legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90, metadata={"Software": None})
    plt.close(fig)


def cold_load_seconds() -> tuple[float, float]:
    code = (
        "import time; t0=time.perf_counter(); import newskit.topics._model as m; "
        "t1=time.perf_counter(); m.load_model(); t2=time.perf_counter(); print(t1-t0, t2-t1)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def diy_oof(data: Any) -> np.ndarray:
    """DIY baseline predictions, each fold by a pipeline fitted on the other folds."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    pred = np.zeros_like(data.Y)
    texts = np.array(data.texts, dtype=object)
    for fold in range(int(data.folds.max()) + 1):
        train, test = data.folds != fold, data.folds == fold
        diy = make_pipeline(
            TfidfVectorizer(), OneVsRestClassifier(LogisticRegression(max_iter=1000))
        )
        diy.fit(list(texts[train]), data.Y[train])
        pred[test] = diy.predict(list(texts[test]))
    return pred


def oof_section(
    args: argparse.Namespace, summary: dict[str, Any], old: Any
) -> set[tuple[str, str]]:
    """Print the OOF tables; return the (source, id) of every labelled item."""
    from newskit._artifacts import load_manifest
    from newskit.topics import TOPICS
    from newskit.training.topics._labels import load_corpus
    from newskit.training.topics._report import format_table, oof_tables, reliability
    from newskit.training.topics._sampling import TrainingSet
    from newskit.training.topics._select import cross_fit, make_corpus_data, oof_scores
    from newskit.training.topics._train import SHIPPED, mapped_training_set

    t0 = time.perf_counter()
    items = load_corpus(args.data_dir)
    labelled = {(i.source, i.source_id) for i in items}
    if args.skip_oof:
        return labelled
    entry = load_manifest()["artifacts"]["topics.joblib"]
    if args.recompute:
        data = make_corpus_data(items, mapped_training_set(args.data_dir))
        with threadpool_limits(1):
            scores = oof_scores(data, [SHIPPED])[SHIPPED]
        ours = cross_fit(data, scores)
        tables = oof_tables(data, ours.pred, ours.proba)
        bins = reliability(data, ours.proba)
        where = "recomputed in this run"
    else:
        # The same folds and fits as `newskit train topics` ran to build the shipped
        # file; its out-of-fold tables and reliability bins are in the manifest.
        data = make_corpus_data(items, TrainingSet())
        tables, bins = entry["oof"], entry["oof_reliability"]
        where = "as recorded by `newskit train topics` in the manifest (--recompute to refit)"
    with threadpool_limits(1):
        diy = oof_tables(data, diy_oof(data))
    print(
        f"== Out of fold on the labelled corpus ({len(items)} items: "
        f"{int(data.length_short.sum())} short, {int((~data.length_short).sum())} full; "
        f"{int(data.folds.max()) + 1} outlet-grouped folds; {time.perf_counter() - t0:.0f} s) =="
    )
    print(
        f"shipped configuration {entry['config']}; calibration and thresholds cross-fitted; "
        f"newskit figures {where}"
    )
    rows = [(f"newskit {k}", v) for k, v in tables["by_length"].items()]
    rows += [(f"DIY {k}", v) for k, v in diy["by_length"].items()]
    if old is not None:
        prev = oof_tables(data, old.predict(data.texts))
        rows += [(f"previous model {k}", v) for k, v in prev["by_length"].items()]
        summary["previous_by_length"] = prev["by_length"]
    print(format_table("by length (F1/P/R per topic, support in brackets)", rows))
    print(
        format_table(
            "newskit by source",
            [(f"{k} ({v['length']})", v) for k, v in tables["by_source"].items()],
        )
    )
    for length in ("short", "full"):
        t = tables["by_length"][length]
        worst = min(TOPICS, key=lambda x: t["per_topic"][x]["f1"])
        met = t["macro_f1"] >= 0.85 and all(t["per_topic"][x]["f1"] >= 0.78 for x in TOPICS)
        print(
            f"target ({length}): macro-F1 {t['macro_f1']:.3f} (>= 0.85), lowest topic {worst} "
            f"{t['per_topic'][worst]['f1']:.3f} (>= 0.78): {'met' if met else 'NOT met'}; "
            f"Brier {t['brier']:.4f}"
        )
    reliability_png(bins, PLOT, TOPICS)
    print(f"reliability plot: {PLOT.relative_to(REPO)}")
    summary["oof"] = tables
    summary["diy_by_length"] = diy["by_length"]
    return labelled


def checks_section(
    args: argparse.Namespace,
    summary: dict[str, Any],
    old: Any,
    labelled: set[tuple[str, str]],
    round3: Any = None,
) -> list[str]:
    """Wikinews-dev, seeds and the cross-source checks; returns full-article texts for speed."""
    import newskit
    from newskit.evaluate import multilabel_report
    from newskit.topics import TOPICS, classify_many, load_model
    from newskit.training.topics._sources import (
        load_allsides,
        load_babe,
        load_bbc,
        load_dev,
        load_nyt,
    )

    model = load_model()
    models = [("newskit", model)] + ([("previous", old)] if old is not None else [])
    models += [("round-3", round3)] if round3 is not None else []
    shared = args.data_dir.parent
    dev = load_dev(shared)
    dev_texts = [f"{title}\n\n{text}" for title, text, _ in dev]
    dev_Y = np.array([[int(t in labels) for t in TOPICS] for _, _, labels in dev])
    print("== Wikinews dev (148 articles; no threshold or choice was made on it) ==")
    for name, m in models:
        rep = multilabel_report(
            dev_Y, m.predict(dev_texts), TOPICS, proba=m.predict_proba(dev_texts)
        )
        note = " (its thresholds were tuned on this set)" if name == "previous" else ""
        print(f"-- {name}{note}")
        print(rep.format())
        summary[f"dev_{name}"] = rep.to_dict()

    seeds = newskit.parse_text(SEED_FILE.read_text(encoding="utf-8"))
    expected = [
        json.loads(line)
        for line in (shared / "topics" / "seed-labels.jsonl").read_text().splitlines()
        if line.strip()
    ]
    print(f"== seed articles ({len(seeds)} parsed) ==")
    exact = 0
    for article, result, want in zip(seeds, classify_many(seeds), expected, strict=False):
        ok = sorted(result.topics) == sorted(want["labels"])
        exact += ok
        probs = " ".join(f"{k[:3]} {v:.2f}" for k, v in result.probabilities.items())
        print(
            f"{'OK ' if ok else 'BAD'} {sorted(result.topics)} want {sorted(want['labels'])}"
            f"  [{probs}]  {article.title[:60]}"
        )
    print(f"seed articles exactly right: {exact}/{len(expected)}")
    summary["seeds_exact"] = f"{exact}/{len(expected)}"

    print("== cross-source checks (labelled-corpus items left out) ==")
    allsides = [
        e
        for e in load_allsides(args.data_dir)
        if e.group == "test"
        and ("allsides", e.ident) not in labelled
        and ("allsides-lead", e.ident) not in labelled
    ]
    a_T = np.array([e.target for e in allsides])
    bbc = [
        e for e in load_bbc(args.data_dir) if e.group == "test" and ("bbc", e.ident) not in labelled
    ]
    b_true = np.array([int(e.label == "politics") for e in bbc])
    nyt = [r for r in load_nyt(args.data_dir) if ("nyt-cap", r[0]) not in labelled]
    babe = [r for r in load_babe(args.data_dir) if ("babe", r[0]) not in labelled]
    c_true = np.array([int(env) for _, _, env in babe])
    for name, m in models:
        a_pred = m.predict([e.text for e in allsides])
        parts = []
        for j, t in enumerate(TOPICS):
            known = a_T[:, j] >= 0
            parts.append(
                f"{t} {f1(a_T[known, j], a_pred[known, j]):.3f} "
                f"(n={int(known.sum())}, pos={int(a_T[known, j].sum())})"
            )
        print(
            f"[{name}] AllSides outlet-disjoint test ({len(allsides)} articles, mapped cells): "
            + "; ".join(parts)
        )
        b_pred = m.predict([e.text for e in bbc])[:, TOPICS.index("politics")]
        print(
            f"[{name}] BBC politics-vs-rest ({len(bbc)} held-out articles, {b_true.sum()} "
            f"politics): F1 {f1(b_true, b_pred):.3f}"
        )
        n_pred = m.predict([text for _, text, _ in nyt])
        parts = []
        for j, t in enumerate(TOPICS):
            rows = [i for i, (_, _, code) in enumerate(nyt) if code in (t, None)]
            truth = np.array([int(nyt[i][2] == t) for i in rows])
            parts.append(f"{t} {f1(truth, n_pred[rows, j]):.3f} (pos={truth.sum()})")
        print(
            f"[{name}] NYT headlines+summaries, topic code vs no-topic codes ({len(nyt)}): "
            + "; ".join(parts)
        )
        c_pred = m.predict([text for _, text, _ in babe])[:, TOPICS.index("climate")]
        print(
            f"[{name}] BABE environment-vs-rest sentences ({len(babe)}, {c_true.sum()} "
            f"environment): climate F1 {f1(c_true, c_pred):.3f}"
        )
    return [e.text for e in allsides] + dev_texts


def main() -> int:
    from newskit.training._paths import default_data_dir

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--skip-oof", action="store_true", help="only the checks, speed and size")
    ap.add_argument("--recompute", action="store_true", help="refit the out-of-fold models (slow)")
    ap.add_argument("--throughput-n", type=int, default=4000, help="articles for throughput")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    from newskit._artifacts import MODELS_DIR, load_manifest
    from newskit.topics import classify_many

    summary: dict[str, Any] = {}
    old = previous_model()
    if old is None:
        print(f"(previous model: git show {PREVIOUS_COMMIT} failed; its figures are skipped)")
    round3 = previous_model(ROUND3_COMMIT)
    if round3 is None:
        print(f"(round-3 model: git show {ROUND3_COMMIT} failed; its figures are skipped)")
    labelled = oof_section(args, summary, old)
    pool = checks_section(args, summary, old, labelled, round3)

    articles = (pool * (args.throughput_n // len(pool) + 1))[: args.throughput_n]
    words = np.mean([len(a.split()) for a in articles])
    # CPU seconds of this process (one thread): other jobs on a shared machine
    # inflate wall time, not this.
    with threadpool_limits(1):
        list(classify_many(articles[:512], batch_size=512))  # warm: look-up tables built
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for _ in classify_many(articles, batch_size=512))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"throughput (1 thread, full articles, mean {words:.0f} words): "
        f"newskit.classify_many {n / cpu:,.0f} articles per CPU-second "
        f"({n / wall:,.0f}/s wall) (target >= 2,000)"
    )
    imp, load = cold_load_seconds()
    size = (MODELS_DIR / "topics.joblib").stat().st_size
    print(
        f"cold load: import {imp:.2f} s + load_model() {load:.2f} s; artifact {size / 1e6:.2f} MB"
    )
    entry = load_manifest()["artifacts"]["topics.joblib"]
    print(f"model: sha256 {entry['sha256'][:12]}..., {entry['config']}")
    summary.update(throughput=round(n / cpu), cold_load_s=round(load, 3), bytes=size)
    (OUT / "topics.json").write_text(json.dumps(summary, indent=2))
    print(f"summary: {(OUT / 'topics.json').relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
