"""Does the trained ``default`` beat the lead? ROUGE on CNN/DM validation, FRANK CNN/DM,
BBC and XSum, with paired bootstrap intervals.

For each data set it prints Lead-k, the greedy extractive oracle, the new
``default`` (the trained model, with the lead blend above its sentence limit),
the previous ``default`` (the lead blend alone, ``summarizer_default.json``),
and sumy's best method on that data set (every sumy method is run; the one
with the highest mean ROUGE-1 is shown), each with the difference to Lead-k
and its 95% paired bootstrap interval (articles resampled, 2,000 draws, seed 0).
``--sumy-methods`` restricts the sumy methods tried (the command line used for a
saved result is printed at its top). ``--also-model FILE`` adds a row for another
trained model file (e.g. an earlier ``summarizer_trained.joblib``), scored as the
``default`` is.

ROUGE is ``newskit.evaluate.rouge``: rouge-score's ROUGE-1/2 with the Porter
stemmer (ROUGE-L = ROUGE-Lsum, as in the published CNN/DM tables).

Lengths: CNN/DM 3 sentences (Lead-3), XSum 1 sentence (Lead-1), BBC the
reference's sentence count. Subsets: CNN/DM validation splits into the
articles that tuned the selection constants (every fourth) and the rest;
BBC into the even half (which trained the lead blend and chose the switch)
and the held-out odd half.

Usage: ``nice python benchmarks/bench_summarize_rouge.py [--datasets val,frank,bbc,xsum]
[--limit N] [--bbc-sample N] [--no-sumy] [--all-methods] [--also-model FILE]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newskit import UnsupportedLanguageError
from newskit.evaluate import load_bbc, load_frank_cnndm, load_frank_xsum, oracle, rouge
from newskit.summarizers import METHODS, SUMY_METHODS, build_document, summarize_documents
from newskit.summarizers._default import DefaultSummarizer
from newskit.summarizers._document import Document
from newskit.training._paths import default_data_dir
from newskit.training._summarizer import BLEND_ONLY, TUNE_EVERY, is_bbc_train
from newskit.training._summarizer_cnndm import read_cnndm

TYPES = ("rouge1", "rouge2", "rougeLsum")
DRAWS = 2000


class Item:
    """One article to summarize: its document, reference, length and subset flags."""

    def __init__(self, doc: Document, reference: str, k: int, flags: dict[str, bool]):
        self.doc, self.reference, self.k, self.flags = doc, reference, k, flags


def _items(data_dir: Path, name: str, limit: int | None, bbc_sample: int | None) -> list[Item]:
    out: list[Item] = []
    if name == "val":
        for i, ex in enumerate(read_cnndm(data_dir, "val", limit)):
            flags = {
                "tuning (every 4th)": i % TUNE_EVERY == 0,
                "never used for a choice": i % TUNE_EVERY != 0,
            }
            out.append(Item(build_document(ex.article), "\n".join(ex.highlights), 3, flags))
        return out
    if name == "bbc":
        data = load_bbc(data_dir, limit=limit)
        if bbc_sample and bbc_sample < len(data):
            # evenly spaced, so every category and both halves are represented
            data = [data[round(i * len(data) / bbc_sample)] for i in range(bbc_sample)]
        for ex in data:
            flags = {"held-out odd half": not is_bbc_train(ex.id)}
            k = max(1, len(ex.reference_sentences))
            out.append(Item(build_document(ex.article), ex.reference, k, flags))
        return out
    loader = load_frank_cnndm if name == "frank" else load_frank_xsum
    for ex in loader(data_dir, limit=limit):
        try:
            doc = build_document(ex.article)
        except UnsupportedLanguageError:
            print(f"{name}: {ex.id} refused as not English, left out", file=sys.stderr)
            continue
        out.append(Item(doc, ex.reference, 3 if name == "frank" else 1, {}))
    return out


def _score(items: list[Item], pick: Callable[[list[Item]], list[Sequence[int]]]) -> dict[str, Any]:
    t0 = time.process_time()
    chosen = pick(items)
    ms = 1000 * (time.process_time() - t0) / max(len(items), 1)
    rows = np.zeros((len(items), len(TYPES)))
    for j, (item, idx) in enumerate(zip(items, chosen, strict=True)):
        score = rouge([item.doc.sentences[i] for i in sorted(idx)], item.reference)
        rows[j] = [100 * score[t].fmeasure for t in TYPES]
    return {"rows": rows, "ms": ms}


def _by_method(method: str, backend: str = "newskit", **options: Any) -> Callable[..., Any]:
    def pick(items: list[Item]) -> list[Sequence[int]]:
        out: list[Sequence[int]] = []
        for k in sorted({it.k for it in items}):
            group = [j for j, it in enumerate(items) if it.k == k]
            docs = [items[j].doc for j in group]
            sums = summarize_documents(docs, method, n_sentences=k, backend=backend, **options)
            out.extend(zip(group, [s.indices for s in sums], strict=True))  # type: ignore[arg-type]
        return [idx for _, idx in sorted(out, key=lambda p: p[0])]  # type: ignore[misc]

    return pick


def _by_summarizer(summarizer: DefaultSummarizer) -> Callable[..., Any]:
    def pick(items: list[Item]) -> list[Sequence[int]]:
        ranked = summarizer.rank_many(
            [it.doc for it in items],
            [min(it.k, len(it.doc)) for it in items],
            [None] * len(items),
        )
        return [order.tolist() for order, _ in ranked]

    return pick


def _oracle(items: list[Item]) -> list[Sequence[int]]:
    return [oracle(it.doc.sentences, it.reference, k=it.k) for it in items]


def _bootstrap(diff: np.ndarray, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    n = diff.size
    means = np.array([diff[rng.integers(0, n, n)].mean() for _ in range(DRAWS)])
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def _table(title: str, results: dict[str, dict[str, Any]], keep: np.ndarray, lead: str) -> None:
    print(f"\n## {title} ({int(keep.sum())} articles)")
    print(
        f"{'method':28s} | {'R-1':>6s} {'R-2':>6s} {'R-Lsum':>6s} | "
        f"{'ΔR-1 vs lead [95% CI]':>24s} | {'ΔR-2 vs lead [95% CI]':>24s} | {'ms':>5s}"
    )
    print("-" * 110)
    base = results[lead]["rows"][keep]
    for name, res in results.items():
        rows = res["rows"][keep]
        mean = rows.mean(axis=0)
        cells = []
        for t in (0, 1):
            if name == lead:
                cells.append(f"{'':>24s}")
                continue
            d = rows[:, t] - base[:, t]
            lo, hi = _bootstrap(d)
            cells.append(f"{d.mean():+6.2f} [{lo:+6.2f}, {hi:+6.2f}]".rjust(24))
        print(
            f"{name:28s} | {mean[0]:6.2f} {mean[1]:6.2f} {mean[2]:6.2f} | "
            f"{cells[0]} | {cells[1]} | {res['ms']:5.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--datasets", default="val,frank,bbc,xsum")
    parser.add_argument("--limit", type=int, default=None, help="first N articles per data set")
    parser.add_argument(
        "--bbc-sample", type=int, default=None, help="evenly spaced BBC articles (default: all)"
    )
    parser.add_argument("--no-sumy", action="store_true", help="skip sumy")
    parser.add_argument(
        "--sumy-methods",
        default=",".join(SUMY_METHODS),
        help="the sumy methods to run for 'sumy best' (default: all)",
    )
    parser.add_argument(
        "--also-model",
        type=Path,
        default=None,
        metavar="FILE",
        help="also score this trained model file (joblib, as summarizer_trained.joblib)",
    )
    parser.add_argument(
        "--all-methods",
        action="store_true",
        help="also print every newskit method (not only the ones above)",
    )
    args = parser.parse_args(argv)
    also = None
    if args.also_model is not None:
        import joblib

        from newskit.summarizers._trained import check_payload

        also = DefaultSummarizer(model=check_payload(joblib.load(args.also_model)))
    print("command: python benchmarks/bench_summarize_rouge.py " + " ".join(argv or sys.argv[1:]))
    titles = {
        "val": "CNN/DM validation sample",
        "frank": "FRANK CNN/DM, raw text",
        "bbc": "BBC News Summary",
        "xsum": "FRANK XSum",
    }
    for name in args.datasets.split(","):
        items = _items(args.data_dir, name, args.limit, args.bbc_sample)
        lead = "lead-1" if name == "xsum" else ("lead-3" if name in ("val", "frank") else "lead-k")
        results: dict[str, dict[str, Any]] = {lead: _score(items, _by_method("lead"))}
        results["oracle"] = _score(items, _oracle)
        results["default (trained, new)"] = _score(items, _by_method("default"))
        results["previous default (blend)"] = _score(
            items, _by_summarizer(DefaultSummarizer(model=BLEND_ONLY))
        )
        if also is not None:
            results["--also-model"] = _score(items, _by_summarizer(also))
        if not args.no_sumy:
            sumy = {}
            for method in args.sumy_methods.split(","):
                sumy[method] = _score(
                    items, _by_method(method, "sumy", **({"seed": 0} if method == "random" else {}))
                )
                print(f"  {name}: sumy {method} done", file=sys.stderr, flush=True)
            best = max(sumy, key=lambda m: float(sumy[m]["rows"][:, 0].mean()))
            results[f"sumy best ({best})"] = sumy[best]
        if args.all_methods:
            for method in METHODS:
                if method not in ("default", "lead"):
                    results[f"newskit {method}"] = _score(items, _by_method(method))
        everything = np.ones(len(items), dtype=bool)
        _table(
            f"{titles[name]}, {items[0].k if name != 'bbc' else 'k = reference'} sentences",
            results,
            everything,
            lead,
        )
        for flag in items[0].flags if items else ():
            keep = np.array([it.flags[flag] for it in items])
            _table(f"{titles[name]} — {flag}", results, keep, lead)
        sys.stdout.flush()
    print(
        "\nROUGE: newskit.evaluate.rouge (rouge-score 0.1.2 scorer, Porter stemming); "
        f"Δ = mean per-article difference to the lead, 95% paired bootstrap ({DRAWS} draws)."
        "\noracle = greedy ROUGE-1+2 oracle on newskit's own sentences (newskit.evaluate.oracle)."
        "\nms = CPU ms per article for the whole data set's selection (documents already built)."
    )
    if args.also_model is not None:
        import hashlib

        digest = hashlib.sha256(args.also_model.read_bytes()).hexdigest()
        print(f"--also-model = {args.also_model} (sha256 {digest})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
