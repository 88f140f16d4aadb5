"""The topic model's regularisation C, chosen on the Wikinews dev set: one line per value.

Each C is fitted exactly as ``newskit train topics`` fits the shipped model
(same data, mapping, keyword lists and seed; only C differs), its thresholds are
tuned on the dev set, and its dev macro-F1 and per-topic F1 are printed. The
shipped C is the one with the best dev macro-F1. The six seed articles are
printed beside each line only as a check: they took no part in the choice.

    python benchmarks/topics_c_sweep.py [--data-dir ../shared/data] [--c 2 2.5 3 4 6] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import joblib

from newskit import parse_text
from newskit.training._paths import default_data_dir
from newskit.training.topics._mapping import TOPICS
from newskit.training.topics._sampling import TrainingSet, build_training_set
from newskit.training.topics._sources import load_dev, load_sources
from newskit.training.topics._train import CAP_PER_LABEL, HELD_OUT, MODEL_PARAMS, fit_tuned

REPO = Path(__file__).resolve().parents[1]
SEED_FILE = REPO / "seeds" / "000_af1872576b83b628.txt"


def _line(
    c: float, ts: TrainingSet, dev: list[tuple[str, str, frozenset[str]]], shared: Path
) -> str:
    model, report = fit_tuned(ts, dev, C=c)
    seeds = parse_text(SEED_FILE.read_text(encoding="utf-8"))
    lines = (shared / "topics" / "seed-labels.jsonl").read_text().splitlines()
    want = [sorted(json.loads(line)["labels"]) for line in lines if line.strip()]
    got = [[t for t, y in zip(TOPICS, row, strict=True) if y] for row in model.predict(seeds)]
    exact = sum(sorted(g) == w for g, w in zip(got, want, strict=True))
    per_topic = " ".join(f"{t} {report.per_label[t].f1:.3f}" for t in TOPICS)
    return f"C {c:<5g} dev macro-F1 {report.macro_f1:.4f} | {per_topic} | seeds {exact}/{len(want)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--c", type=float, nargs="+", default=[2.0, 2.5, 3.0, 4.0, 6.0])
    parser.add_argument("--jobs", type=int, default=2, help="fits run at once")
    args = parser.parse_args(argv)
    ts = build_training_set(
        load_sources(args.data_dir), cap_per_label=CAP_PER_LABEL, exclude_groups=HELD_OUT
    )
    dev = load_dev(args.data_dir.parent)
    print(f"{len(ts.texts)} training texts; shipped C = {MODEL_PARAMS['C']:g}")
    lines = joblib.Parallel(n_jobs=args.jobs)(
        joblib.delayed(_line)(c, ts, dev, args.data_dir.parent) for c in args.c
    )
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
