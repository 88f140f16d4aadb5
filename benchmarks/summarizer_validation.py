"""Validation curve of the trained ``default`` model: ROUGE vs training-set size.

Fits the model of ``newskit train summarizer`` (same features, same stacked
logistic regression + gradient boosting, selection constants of the shipped
artifact) on the first N articles of the CNN/DM training sample for several N,
and scores 3-sentence summaries on the validation articles that were never
used for a choice (every validation article but every fourth), beside Lead-3.
The selection grid itself (length penalty x overlap threshold on the tuning
quarter) is printed by ``newskit train summarizer``
(``benchmarks/results/train_summarizer.txt``).

Usage: ``nice python benchmarks/summarizer_validation.py [--sizes 2500,5000,10000,20000,all]
[--cache DIR] [--val N]``
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newskit.summarizers._default import DefaultSummarizer
from newskit.summarizers._registry import SUMMARIZERS
from newskit.summarizers._sentence_features import HASH_BUCKETS, TRAINED_FEATURES
from newskit.summarizers._trained import FORMAT, load_trained
from newskit.training._paths import default_data_dir
from newskit.training._summarizer import ORACLE_K, TUNE_EVERY, _cached_features
from newskit.training._summarizer_cnndm import (
    Featurized,
    fit_model,
    mean_rouge,
    read_cnndm,
)


def _first(data: Featurized, n_docs: int) -> Featurized:
    rows = int(data.sizes[:n_docs].sum())
    keep = data.hash_rows < rows
    return Featurized(
        data.x[:rows],
        data.hash_rows[keep],
        data.hash_cols[keep],
        data.hash_values[keep],
        data.y[:rows],
        data.sizes[:n_docs],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--sizes", default="2500,5000,10000,20000,all")
    parser.add_argument("--cache", type=Path, default=None, help="as for newskit train summarizer")
    parser.add_argument("--val", type=int, default=None, help="at most N untouched val articles")
    args = parser.parse_args(argv)
    from newskit.summarizers import build_document

    train = list(read_cnndm(args.data_dir, "train"))
    data = _cached_features(train, args.cache, f"train-all-k{ORACLE_K}.pkl")
    val = [ex for i, ex in enumerate(read_cnndm(args.data_dir, "val")) if i % TUNE_EVERY][
        : args.val
    ]
    docs = [build_document(ex.article) for ex in val]
    refs = ["\n".join(ex.highlights) for ex in val]
    selection = dict(load_trained()["selection"], max_sentences=1000.0)
    r1, r2 = mean_rouge(SUMMARIZERS["lead"](), docs, refs, 3)
    print(
        f"{len(docs)} validation articles never used for a choice; 3 sentences; "
        "rouge-score with stemming\n"
    )
    print(
        f"{'training articles':>18s} | {'R-1':>6s} {'R-2':>6s} | {'ΔR-1':>6s} {'ΔR-2':>6s} | fit s"
    )
    print(f"{'Lead-3':>18s} | {r1:6.2f} {r2:6.2f} | {'':6s} {'':6s} |")
    for size in args.sizes.split(","):
        n = len(train) if size == "all" else min(int(size), len(train))
        t0 = time.process_time()
        fitted = fit_model(_first(data, n))
        seconds = time.process_time() - t0
        model = {
            "format": FORMAT,
            "features": list(TRAINED_FEATURES),
            "hash_buckets": HASH_BUCKETS,
            **fitted,
            "selection": selection,
        }
        m1, m2 = mean_rouge(DefaultSummarizer(model=model), docs, refs, 3)
        print(
            f"{n:18,d} | {m1:6.2f} {m2:6.2f} | {m1 - r1:+6.2f} {m2 - r2:+6.2f} | {seconds:5.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
