"""ROUGE of every summarization method, newskit vs sumy, on BBC, FRANK CNN/DM and XSum.

Prints, per data set, a table of every method plus the extractive Oracle with
ROUGE-1/2/L F1 (ROUGE-L = ROUGE-Lsum, rouge-score with stemming, as in the
published CNN/DM tables) and mean ms/article, newskit and sumy side by side,
and writes a bar chart to ``benchmarks/out/summarize_rouge.png``.

Lengths: FRANK CNN/DM 3 sentences (Lead-3), XSum 1 sentence, BBC the
reference's sentence count. Subsets that the ``default`` method never saw in
training or tuning are reported separately: the FRANK ``test`` split of CNN/DM
(its ``validation`` split tuned the lead blend) and the odd-numbered half of
BBC (the even half trained the content model). XSum was not used at all.

Usage: ``nice python benchmarks/bench_summarize_rouge.py [--limit N] [--bbc-sample N]
[--datasets bbc,cnndm,xsum] [--no-sumy]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newskit import UnsupportedLanguageError, summarize
from newskit.evaluate import Example, load_bbc, load_frank_cnndm, load_frank_xsum, oracle, rouge
from newskit.summarizers import METHODS, SUMY_METHODS, build_document
from newskit.training._paths import default_data_dir
from newskit.training._summarizer import is_bbc_train

OUT = Path(__file__).resolve().parent / "out"
TYPES = ("rouge1", "rouge2", "rougeLsum")


def _length(name: str, example: Example) -> int:
    if name == "cnndm":
        return 3
    if name == "xsum":
        return 1
    return max(1, len(example.reference_sentences))


def _run(
    fn: Callable[[Example, int], Sequence[str]], data: list[Example], name: str
) -> list[dict[str, float]]:
    rows = []
    for ex in data:
        k = _length(name, ex)
        t0 = time.perf_counter()
        sentences = fn(ex, k)
        ms = 1000 * (time.perf_counter() - t0)
        score = rouge(list(sentences), ex.reference)
        rows.append({"ms": ms, **{t: 100 * score[t].fmeasure for t in TYPES}})
    return rows


def _method(method: str, backend: str) -> Callable[[Example, int], Sequence[str]]:
    def fn(ex: Example, k: int) -> Sequence[str]:
        return [s.text for s in summarize(ex.article, method, n_sentences=k, backend=backend)]

    return fn


def _oracle(ex: Example, k: int) -> Sequence[str]:
    sentences = build_document(ex.article).sentences
    return [sentences[i] for i in oracle(sentences, ex.reference, k=k)]


def _mean(rows: list[dict[str, float]], keep: list[bool]) -> dict[str, float]:
    chosen = [r for r, k in zip(rows, keep, strict=True) if k]
    out = {t: statistics.fmean(r[t] for r in chosen) for t in TYPES}
    out["ms"] = statistics.fmean(r["ms"] for r in chosen)
    out["n"] = len(chosen)
    return out


def _datasets(
    data_dir: Path, names: list[str], limit: int | None, bbc_sample: int | None
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if "bbc" in names:
        data = load_bbc(data_dir, limit=limit)
        if bbc_sample and bbc_sample < len(data):
            # evenly spaced, so every category and both halves are represented
            data = [data[round(i * len(data) / bbc_sample)] for i in range(bbc_sample)]
        found["bbc"] = (data, {"held-out odd half": [not is_bbc_train(e.id) for e in data]})
    if "cnndm" in names:
        data = load_frank_cnndm(data_dir, limit=limit)
        path = data_dir / "frank-cnndm-xsum" / "frank_cnndm_test.jsonl"
        with path.open(encoding="utf-8") as fh:
            split = {r["id"]: r.get("frank_split") for r in map(json.loads, fh)}
        found["cnndm"] = (data, {"FRANK test split": [split.get(e.id) == "test" for e in data]})
    if "xsum" in names:
        found["xsum"] = (load_frank_xsum(data_dir, limit=limit), {})
    return found


def _print_table(name: str, subset: str, results: dict[str, Any], keep: list[bool]) -> None:
    print(f"\n## {name} — {subset} ({sum(keep)} articles)")
    print(
        f"{'method':10s} | {'R-1':>6s} {'R-2':>6s} {'R-L':>6s} {'ms':>7s} | "
        f"{'sumy R-1':>8s} {'R-2':>6s} {'R-L':>6s} {'ms':>7s}"
    )
    print("-" * 76)
    for method, sides in results.items():
        cells = []
        for side in ("newskit", "sumy"):
            if side in sides:
                m = _mean(sides[side], keep)
                w = 8 if side == "sumy" else 6
                cells.append(
                    f"{m['rouge1']:{w}.2f} {m['rouge2']:6.2f} {m['rougeLsum']:6.2f} {m['ms']:7.2f}"
                )
            else:
                cells.append(
                    f"{'-':>8s} {'-':>6s} {'-':>6s} {'-':>7s}"
                    if side == "sumy"
                    else f"{'-':>6s} {'-':>6s} {'-':>6s} {'-':>7s}"
                )
        print(f"{method:10s} | {cells[0]} | {cells[1]}")


def _chart(all_results: dict[str, dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(all_results), 1, figsize=(11, 3.6 * len(all_results)))
    axes = np.atleast_1d(axes)
    for ax, (name, results) in zip(axes, all_results.items(), strict=True):
        methods = list(results)
        x = np.arange(len(methods))
        for j, (side, colour) in enumerate((("newskit", "tab:blue"), ("sumy", "tab:orange"))):
            for t_i, (t, alpha) in enumerate((("rouge1", 1.0), ("rouge2", 0.55))):
                vals = [
                    _mean(results[m][side], [True] * len(results[m][side]))[t]
                    if side in results[m]
                    else 0.0
                    for m in methods
                ]
                ax.bar(
                    x + (j * 2 + t_i - 1.5) * 0.2,
                    vals,
                    0.2,
                    color=colour,
                    alpha=alpha,
                    label=f"{side} {'R-1' if t == 'rouge1' else 'R-2'}",
                )
        ax.set_xticks(x, methods, rotation=30)
        ax.set_ylabel("F1 (%)")
        ax.set_title(name)
        ax.legend(ncol=4, fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=None, help="first N articles per data set")
    parser.add_argument("--datasets", default="bbc,cnndm,xsum")
    parser.add_argument(
        "--bbc-sample", type=int, default=None, help="evenly spaced BBC articles (default: all)"
    )
    parser.add_argument("--no-sumy", action="store_true", help="skip the (slow) sumy side")
    args = parser.parse_args(argv)

    found = _datasets(args.data_dir, args.datasets.split(","), args.limit, args.bbc_sample)
    all_results: dict[str, dict[str, Any]] = {}
    for name, (data, subsets) in found.items():
        # warm the stem memo so that whichever method runs first is not charged for it;
        # drop articles newskit refuses as not English (XSum has two Welsh ones)
        keep = []
        for ex in data:
            try:
                _ = build_document(ex.article).stem_ids
                keep.append(True)
            except UnsupportedLanguageError:
                keep.append(False)
        if not all(keep):
            dropped = [ex.id for ex, k in zip(data, keep, strict=True) if not k]
            print(f"{name}: dropped {len(dropped)} articles refused as not English: {dropped}")
            data = [ex for ex, k in zip(data, keep, strict=True) if k]
            subsets = {
                n: [v for v, k in zip(vals, keep, strict=True) if k] for n, vals in subsets.items()
            }
        results: dict[str, Any] = {}
        for method in METHODS:
            results[method] = {"newskit": _run(_method(method, "newskit"), data, name)}
            if method in SUMY_METHODS and not args.no_sumy:
                results[method]["sumy"] = _run(_method(method, "sumy"), data, name)
            print(f"  {name}: {method} done", file=sys.stderr, flush=True)
        results["oracle"] = {"newskit": _run(_oracle, data, name)}
        all_results[name] = results
        _print_table(name, "all", results, [True] * len(data))
        for subset, keep in subsets.items():
            _print_table(name, subset, results, keep)
    png = OUT / "summarize_rouge.png"
    _chart(all_results, png)
    (OUT / "summarize_rouge.json").write_text(json.dumps(all_results), encoding="utf-8")
    print(
        f"\nlead = Lead-k; oracle = greedy extractive ROUGE-1+2 oracle (newskit.evaluate.oracle);"
        f" R-L = ROUGE-Lsum.\nchart: {png}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
