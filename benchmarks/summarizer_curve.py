"""Validation curve of the trained ``default`` model: ROUGE against training-set size.

Fits the model of ``newskit train summarizer`` (same features, same stacked
logistic regression + gradient boosting) on the first N articles of the CNN/DM
training sample for several N, keeps the selection constants (length penalty,
overlap threshold) of the shipped artifact, and scores 3-sentence summaries on
the CNN/DM validation sample beside Lead-3: on the tuning quarter (every fourth
article, which chose the selection constants) and on the other three quarters
(never used for a choice). The featurized training sample is read from the
trainer's cache (``--cache``, the folder given to ``newskit train summarizer
--cache``), so the subsets cost only their fits.

ROUGE: :func:`newskit.evaluate.rouge` (rouge-score, Porter stemming), mean F1.
``--chart`` also draws ``docs/_static/charts/summarizer-curve.png``; ``--replot FILE``
draws it from a saved run's output without fitting.

Usage: ``nice python benchmarks/summarizer_curve.py --cache DIR
[--sizes 1000,2500,5000,10000,20000,all] [--chart]``
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _common import command, pyplot, save_chart, table_header, table_row

from newskit._artifacts import load_manifest
from newskit.summarizers import build_document
from newskit.summarizers._default import DefaultSummarizer
from newskit.summarizers._registry import SUMMARIZERS
from newskit.summarizers._sentence_features import HASH_BUCKETS, TRAINED_FEATURES
from newskit.summarizers._trained import FORMAT, TRAINED_ARTIFACT
from newskit.training._paths import default_data_dir
from newskit.training._summarizer import ORACLE_K, TUNE_EVERY, _cached_features
from newskit.training._summarizer_cnndm import (
    first_articles,
    fit_model,
    mean_rouge,
    read_cnndm,
)

SUBSETS = ("tuning quarter", "never used for a choice")


def chart(rows: list[tuple[int, dict[str, tuple[float, float]]]]) -> None:
    """ΔR-1 and ΔR-2 over Lead-3 against training articles, one line per subset."""
    plt = pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharex=True)
    sizes = [n for n, _ in rows]
    for ax, t, label in zip(axes, (0, 1), ("ROUGE-1", "ROUGE-2"), strict=True):
        for subset, style in zip(SUBSETS, ("o--", "o-"), strict=True):
            ax.plot(sizes, [d[subset][t] for _, d in rows], style, label=subset)
        ax.axhline(0.0, color="grey", linewidth=0.8)
        ax.set_xscale("log")
        ax.set_xticks(sizes, [f"{n:,d}" for n in sizes], rotation=30)
        ax.minorticks_off()
        ax.set_xlabel("training articles (CNN/DM sample)")
        ax.set_ylabel(f"{label} F1 minus Lead-3")
    axes[0].legend(loc="lower right", fontsize=8)
    fig.suptitle("Trained default, 3-sentence summaries, CNN/DM validation sample", fontsize=10)
    save_chart(fig, "summarizer-curve")


def read_rows(path: Path) -> list[tuple[int, dict[str, tuple[float, float]]]]:
    """The (training articles, Δ per subset) rows of a saved run's table."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 11 and cells[0].replace(",", "").isdigit():
            n = int(cells[0].replace(",", ""))
            rows.append(
                (
                    n,
                    {
                        SUBSETS[0]: (float(cells[4]), float(cells[5])),
                        SUBSETS[1]: (float(cells[8]), float(cells[9])),
                    },
                )
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--sizes", default="1000,2500,5000,10000,20000,all")
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="the trainer's feature cache (newskit train --cache)",
    )
    parser.add_argument("--chart", action="store_true", help="draw the curve into docs")
    parser.add_argument(
        "--replot",
        type=Path,
        default=None,
        metavar="FILE",
        help="only draw the chart from the table of a saved run (no fitting)",
    )
    args = parser.parse_args(argv)
    if args.replot is not None:
        chart(read_rows(args.replot))
        return 0
    print(f"command: {command()}")

    train = list(read_cnndm(args.data_dir, "train"))
    data = _cached_features(train, args.cache, f"train-all-k{ORACLE_K}.pkl")
    val = list(read_cnndm(args.data_dir, "val"))
    subsets = {
        SUBSETS[0]: [i for i in range(len(val)) if i % TUNE_EVERY == 0],
        SUBSETS[1]: [i for i in range(len(val)) if i % TUNE_EVERY != 0],
    }
    docs = [build_document(ex.article) for ex in val]
    refs = ["\n".join(ex.highlights) for ex in val]
    selection = dict(
        load_manifest()["artifacts"][TRAINED_ARTIFACT]["selection"], max_sentences=1000.0
    )
    print(
        f"CNN/DM validation sample, 3-sentence summaries, mean ROUGE F1 (rouge-score, "
        f"stemming); selection constants of the shipped model: "
        f"length_penalty={selection['length_penalty']}, max_overlap={selection['max_overlap']}"
    )

    def scores(summarizer: object) -> dict[str, tuple[float, float]]:
        return {
            name: mean_rouge(summarizer, [docs[i] for i in idx], [refs[i] for i in idx], 3)
            for name, idx in subsets.items()
        }

    lead = scores(SUMMARIZERS["lead"]())
    print(
        "\nΔ = difference to Lead-3 on the same articles; fit s = CPU seconds of the fit "
        f"(one thread). Tuning quarter: {len(subsets[SUBSETS[0]])} articles; never used "
        f"for a choice: {len(subsets[SUBSETS[1]])}.\n"
    )
    print(
        table_header(
            ["training articles", "sentences"]
            + [f"{s} {m}" for s in ("tuning", "untouched") for m in ("R-1", "R-2", "ΔR-1", "ΔR-2")]
            + ["fit s"],
            "r" * 11,
        )
    )
    lead_cells = [f"{lead[s][t]:.2f}" for s in SUBSETS for t in (0, 1)]
    print(table_row(["Lead-3", "", *lead_cells[:2], "", "", *lead_cells[2:], "", "", ""]))
    rows: list[tuple[int, dict[str, tuple[float, float]]]] = []
    for size in args.sizes.split(","):
        n = len(train) if size == "all" else min(int(size), len(train))
        part = first_articles(data, n)
        t0 = time.process_time()
        fitted = fit_model(part)
        seconds = time.process_time() - t0
        model = {
            "format": FORMAT,
            "features": list(TRAINED_FEATURES),
            "hash_buckets": HASH_BUCKETS,
            **fitted,
            "selection": selection,
        }
        got = scores(DefaultSummarizer(model=model))
        delta = {s: (got[s][0] - lead[s][0], got[s][1] - lead[s][1]) for s in SUBSETS}
        cells = [f"{n:,d}", f"{part.y.size:,d}"]
        for s in SUBSETS:
            cells += [f"{got[s][0]:.2f}", f"{got[s][1]:.2f}"]
            cells += [f"{delta[s][0]:+.2f}", f"{delta[s][1]:+.2f}"]
        print(table_row([*cells, f"{seconds:.0f}"]), flush=True)
        rows.append((n, delta))
    if args.chart:
        chart(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
