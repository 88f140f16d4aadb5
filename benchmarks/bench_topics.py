"""Benchmark the shipped topic classifier against a DIY and a keyword baseline.

Prints, from one run: Wikinews dev metrics (per-topic P/R/F1, macro-F1, Brier)
for the shipped model, the DIY baseline a user would write (default
``TfidfVectorizer`` + one-vs-rest ``LogisticRegression`` on the same mapped
data, threshold 0.5) and a keyword baseline; an honest dev estimate with
thresholds cross-fitted on the other half of the dev set; the six seed
articles; cross-source checks on data never trained on (AllSides outlet-
disjoint test split, BBC politics-vs-rest, NYT headlines, BABE environment
sentences); throughput of ``classify_many`` on one core; cold load time and
artifact size. Writes a reliability plot to ``benchmarks/out/``.

Usage::

    python benchmarks/bench_topics.py [--data-dir ../shared/data] [--skip-diy]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
SEED_FILE = REPO / "seeds" / "000_af1872576b83b628.txt"


def keyword_predict(texts: list[str], topics: tuple[str, ...]) -> np.ndarray:
    """A topic applies when its guideline keyword list matches twice in the first 400 words."""
    from newskit.training.topics._keywords import LEXICON

    pats = [re.compile(LEXICON[t], re.IGNORECASE) for t in topics]
    out = np.zeros((len(texts), len(topics)), dtype=int)
    for i, text in enumerate(texts):
        head = " ".join(text.split()[:400])
        for j, pat in enumerate(pats):
            out[i, j] = int(len(pat.findall(head)) >= 2)
    return out


def f1(t: np.ndarray, p: np.ndarray) -> float:
    denom = int(t.sum() + p.sum())
    return 2 * int((t & p).sum()) / denom if denom else 1.0


def half(key: str) -> int:
    return hashlib.sha256(key.encode()).digest()[0] & 1


def cross_fitted_thresholds(proba: np.ndarray, Y: np.ndarray, keys: list[str]) -> np.ndarray:
    """Predict each dev half with thresholds tuned on the other half."""
    from newskit.training.topics._train import tune_thresholds

    halves = np.array([half(k) for k in keys])
    pred = np.zeros_like(Y)
    for h in (0, 1):
        tune, apply = halves != h, halves == h
        th = np.array(tune_thresholds(proba[tune], Y[tune]))
        pred[apply] = (proba[apply] >= th).astype(int)
    return pred


def reliability_png(Y: np.ndarray, proba: np.ndarray, path: Path, topics: tuple[str, ...]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from newskit.evaluate import reliability_bins

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], ":", color="grey", label="perfect")
    for j, topic in enumerate(topics):
        bins = reliability_bins(Y[:, j : j + 1], proba[:, j : j + 1], n_bins=5)
        ax.plot([b[0] for b in bins], [b[1] for b in bins], "o-", label=topic)
    bins = reliability_bins(Y, proba, n_bins=10)
    ax.plot([b[0] for b in bins], [b[1] for b in bins], "k-", lw=2, label="all (10 bins)")
    ax.set_xlabel("predicted probability")
    ax.set_ylabel("observed frequency")
    ax.set_title("Topic model reliability, Wikinews dev")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
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


def main() -> int:
    from newskit.training._paths import default_data_dir

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--skip-diy", action="store_true", help="skip training the DIY baseline")
    ap.add_argument("--throughput-n", type=int, default=4000, help="articles for throughput")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    import newskit
    from newskit._artifacts import MODELS_DIR, load_manifest
    from newskit.evaluate import multilabel_report
    from newskit.topics import TOPICS, classify_many, load_model
    from newskit.training.topics._sources import (
        load_allsides,
        load_babe,
        load_bbc,
        load_dev,
        load_nyt,
    )
    from newskit.training.topics._train import dev_matrix

    summary: dict[str, object] = {}
    model = load_model()
    shared = args.data_dir.parent
    dev = load_dev(shared)
    dev_texts, dev_Y = dev_matrix(dev)
    keys = [title for title, _, _ in dev]

    # -- dev set ---------------------------------------------------------
    proba = model.predict_proba(dev_texts)
    ours = multilabel_report(dev_Y, model.predict(dev_texts), TOPICS, proba=proba)
    cross = multilabel_report(dev_Y, cross_fitted_thresholds(proba, dev_Y, keys), TOPICS)
    at_half = multilabel_report(dev_Y, (proba >= 0.5).astype(int), TOPICS)
    kw = multilabel_report(dev_Y, keyword_predict(dev_texts, TOPICS), TOPICS)
    print("== Wikinews dev (148 articles) ==")
    print("-- newskit (shipped model, thresholds tuned on this dev set: optimistic)")
    print(ours.format())
    print(
        f"-- newskit, thresholds cross-fitted on the other dev half: macro-F1 "
        f"{cross.macro_f1:.3f}  per topic "
        + " ".join(f"{t} {cross.per_label[t].f1:.3f}" for t in TOPICS)
    )
    print(f"-- newskit at threshold 0.5: macro-F1 {at_half.macro_f1:.3f}")
    print("-- keyword baseline")
    print(kw.format())
    reliability_png(dev_Y, proba, OUT / "topics-reliability.png", TOPICS)
    print(f"reliability plot: {OUT / 'topics-reliability.png'}")
    summary["dev"] = ours.to_dict()
    summary["dev_cross_fitted_macro_f1"] = round(cross.macro_f1, 4)
    summary["keyword_macro_f1"] = round(kw.macro_f1, 4)

    diy = None
    if not args.skip_diy:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.pipeline import make_pipeline

        from newskit.training.topics._sampling import build_training_set
        from newskit.training.topics._sources import load_sources
        from newskit.training.topics._train import CAP_PER_LABEL, HELD_OUT

        t0 = time.perf_counter()
        ts = build_training_set(
            load_sources(args.data_dir), cap_per_label=CAP_PER_LABEL, exclude_groups=HELD_OUT
        )
        Y = np.clip(ts.Y, 0, 1)  # what a user does with "unknown": call it negative
        diy = make_pipeline(
            TfidfVectorizer(), OneVsRestClassifier(LogisticRegression(max_iter=1000))
        )
        with threadpool_limits(1):
            diy.fit(ts.texts, Y)
        diy_rep = multilabel_report(
            dev_Y, diy.predict(dev_texts), TOPICS, proba=diy.predict_proba(dev_texts)
        )
        print(
            f"-- DIY baseline (TfidfVectorizer + OvR LogisticRegression, same "
            f"{len(ts.texts)} mapped texts, threshold 0.5; fitted in "
            f"{time.perf_counter() - t0:.0f} s)"
        )
        print(diy_rep.format())
        print(
            f"== macro-F1: newskit {ours.macro_f1:.3f} (cross-fitted {cross.macro_f1:.3f}) | "
            f"DIY {diy_rep.macro_f1:.3f} | keywords {kw.macro_f1:.3f}; margin over DIY "
            f"{ours.macro_f1 - diy_rep.macro_f1:+.3f} (target >= +0.05)"
        )
        summary["diy"] = diy_rep.to_dict()

    # -- seed articles -------------------------------------------------------
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

    # -- cross-source checks (never trained on) ---------------------------
    print("== cross-source checks (held out of training) ==")
    allsides = [e for e in load_allsides(args.data_dir) if e.group == "test"]
    a_proba = model.predict_proba([e.text for e in allsides])
    a_pred = (a_proba >= model.thresholds_).astype(int)
    a_T = np.array([e.target for e in allsides])
    parts = []
    for j, t in enumerate(TOPICS):
        known = a_T[:, j] >= 0
        parts.append(
            f"{t} {f1(a_T[known, j], a_pred[known, j]):.3f} "
            f"(n={int(known.sum())}, pos={int(a_T[known, j].sum())})"
        )
    print(
        f"AllSides outlet-disjoint test ({len(allsides)} articles, F1 on mapped cells): "
        + "; ".join(parts)
    )
    bbc = [e for e in load_bbc(args.data_dir) if e.group == "test"]
    b_pred = model.predict([e.text for e in bbc])[:, TOPICS.index("politics")]
    b_true = np.array([int(e.label == "politics") for e in bbc])
    print(
        f"BBC politics-vs-rest ({len(bbc)} held-out articles, {b_true.sum()} politics): "
        f"F1 {f1(b_true, b_pred):.3f}"
    )
    summary["bbc_politics_f1"] = round(f1(b_true, b_pred), 4)
    nyt = load_nyt(args.data_dir)
    n_pred = model.predict([text for text, _ in nyt])
    parts = []
    for j, t in enumerate(TOPICS):
        rows = [i for i, (_, code) in enumerate(nyt) if code in (t, None)]
        truth = np.array([int(nyt[i][1] == t) for i in rows])
        parts.append(f"{t} {f1(truth, n_pred[rows, j]):.3f} (pos={truth.sum()})")
    print(
        f"NYT headlines+summaries, topic code vs no-topic codes ({len(nyt)}): " + "; ".join(parts)
    )
    babe = load_babe(args.data_dir)
    c_pred = model.predict([text for text, _ in babe])[:, TOPICS.index("climate")]
    c_true = np.array([int(env) for _, env in babe])
    print(
        f"BABE environment-vs-rest sentences ({len(babe)}, {c_true.sum()} environment): "
        f"climate F1 {f1(c_true, c_pred):.3f}"
    )

    # -- speed and size ------------------------------------------------------
    pool = [e.text for e in allsides] + dev_texts
    articles = (pool * (args.throughput_n // len(pool) + 1))[: args.throughput_n]
    words = np.mean([len(a.split()) for a in articles])
    # CPU seconds of this process (one thread): other jobs on a shared machine
    # inflate wall time, not this.
    with threadpool_limits(1):
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for _ in classify_many(articles, batch_size=512))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        ours_rate = n / cpu
        line = (
            f"throughput (1 thread, full articles, mean {words:.0f} words): "
            f"newskit.classify_many {ours_rate:,.0f} articles per CPU-second "
            f"({n / wall:,.0f}/s wall) (target >= 2,000)"
        )
        if diy is not None:
            c0 = time.process_time()
            diy.predict_proba(articles)
            line += f" | DIY pipeline {len(articles) / (time.process_time() - c0):,.0f}/CPU-s"
    print(line)
    imp, load = cold_load_seconds()
    size = (MODELS_DIR / "topics.joblib").stat().st_size
    print(
        f"cold load: import {imp:.2f} s + load_model() {load:.2f} s (target <= 0.5 s); "
        f"artifact {size / 1e6:.2f} MB (target <= 10 MB)"
    )
    entry = load_manifest()["artifacts"]["topics.joblib"]
    print(
        f"model: sha256 {entry['sha256'][:12]}..., scikit-learn {entry['versions']['scikit-learn']}"
    )
    summary.update(throughput=round(ours_rate), cold_load_s=round(load, 3), bytes=size)
    (OUT / "topics.json").write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
