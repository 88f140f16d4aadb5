"""Model selection for the topic classifier: outlet-grouped cross-validation on the labelled corpus.

Every candidate configuration (C, weight of the mapped publisher-section data,
words read, an extra title + lead block, guideline keyword features) is fitted
on four folds of the guideline-labelled corpus and scores the fifth; no outlet
is in two folds and mapped data of the test fold's outlets is left out. For each
candidate the script prints its macro-F1 on short items and full articles with
calibration and thresholds cross-fitted (fitted on the other folds' out-of-fold
predictions, never on the fold scored). Then:

* the **choice**: the candidate with the best mean of short and full macro-F1;
  the shipped model (``newskit.training.topics._train.SHIPPED``) must be it;
* the **nested figure**: per fold, the candidate chosen on the other folds only
  predicts that fold; pooled, this is an estimate that no choice flattered.

Wikinews-dev and the seed articles take no part here.

    python benchmarks/topics_cv.py [--data-dir ../shared/data] [--grid small|full|wide]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"


def grid(kind: str) -> list[object]:
    from newskit.training.topics._select import Config

    if kind == "small":
        return [Config(C=c, mapped=m) for c, m in itertools.product((2.0, 8.0), (0.0, 0.5))]
    if kind == "wide":
        # The grid of the first selection (labels-v2 round 2): the title + lead block
        # and the keyword features against plain configurations.
        configs = [
            Config(C=c, mapped=m) for c, m in itertools.product((8.0, 16.0, 32.0), (0.5, 1.0, 2.0))
        ]
        configs += [
            Config(C=16.0, mapped=1.0, lead_words=60),
            Config(C=16.0, mapped=1.0, lexicon=True),
        ]
        return list(configs)
    # Round 3 ("full", the default): the title + lead block won every fold of the wide
    # grid, so C and the mapped weight are searched around it (one vectorizer per fold).
    lead = 60
    configs = [Config(C=c, mapped=1.0, lead_words=lead) for c in (8.0, 16.0, 32.0)]
    configs += [Config(C=16.0, mapped=m, lead_words=lead) for m in (0.0, 0.25, 0.5, 2.0)]
    configs += [Config(C=32.0, mapped=0.5, lead_words=lead)]
    return list(configs)


def main(argv: list[str] | None = None) -> int:
    from newskit.training._paths import default_data_dir
    from newskit.training.topics._labels import load_corpus
    from newskit.training.topics._select import (
        cross_fit,
        macro_f1,
        make_corpus_data,
        nested_selection,
        oof_scores,
        score_of,
    )
    from newskit.training.topics._train import SHIPPED, mapped_training_set

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--grid", choices=("small", "full", "wide"), default="full")
    ap.add_argument("--jobs", type=int, default=1, help="folds fitted at once")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    items = load_corpus(args.data_dir)
    data = make_corpus_data(items, mapped_training_set(args.data_dir))
    print(
        f"labelled items {len(items)} (short {int(data.length_short.sum())}, full "
        f"{int((~data.length_short).sum())}); mapped examples {len(data.mapped.texts)}; "
        f"{int(data.folds.max()) + 1} outlet-grouped folds of sizes "
        f"{np.bincount(data.folds).tolist()} ({time.perf_counter() - t0:.0f} s)",
        flush=True,
    )
    configs = grid(args.grid)
    if SHIPPED not in configs:
        configs.append(SHIPPED)
    with threadpool_limits(1):
        scores = oof_scores(
            data,
            configs,
            n_jobs=args.jobs,
            log=lambda m: print(
                f"  [{time.perf_counter() - t0:5.0f} s] {m}", file=sys.stderr, flush=True
            ),
        )
    np.savez_compressed(
        OUT / "topics_cv_scores.npz",
        folds=data.folds,
        Y=data.Y,
        short=data.length_short,
        **{c.name: scores[c] for c in configs},
    )
    every = np.ones(len(items), dtype=np.bool_)
    rows = []
    for c in configs:
        cf = cross_fit(data, scores[c])
        s = macro_f1(data.Y[data.length_short], cf.pred[data.length_short])
        f = macro_f1(data.Y[~data.length_short], cf.pred[~data.length_short])
        rows.append((score_of(data, cf.pred, every), s, f, c))
    rows.sort(key=lambda r: -r[0])
    print("\n== candidates, cross-fitted thresholds (macro-F1: mean | short | full) ==")
    for mean, s, f, c in rows:
        mark = "  <- shipped" if c == SHIPPED else ""
        print(f"{mean:.4f} | {s:.4f} | {f:.4f}   {c.name}{mark}")
    best = rows[0][3]
    nested, chosen = nested_selection(data, scores)
    ns = macro_f1(data.Y[data.length_short], nested.pred[data.length_short])
    nf = macro_f1(data.Y[~data.length_short], nested.pred[~data.length_short])
    print(
        f"\nchoice (best mean): {best.name}; shipped: {SHIPPED.name}; "
        f"{'the same' if best == SHIPPED else 'DIFFERENT: update SHIPPED'}"
    )
    print(
        "nested (choice per fold made on the other folds): "
        + "; ".join(f"fold {k}: {c.name}" for k, c in enumerate(chosen))
    )
    print(f"nested macro-F1: short {ns:.4f}, full {nf:.4f}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "topics_cv.json").write_text(
        json.dumps(
            {
                "candidates": [
                    {"config": c.name, "mean": m, "short": s, "full": f} for m, s, f, c in rows
                ],
                "choice": best.name,
                "nested": {"short": ns, "full": nf, "per_fold": [c.name for c in chosen]},
            },
            indent=2,
        )
    )
    print(f"wrote {(OUT / 'topics_cv.json').relative_to(REPO)}; ({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
