"""Sanity check of newskit.evaluate against published figures: Lead-k and the oracle.

Runs Lead-3 (first three sentences from newskit.split_sentences) and the
greedy Liu & Lapata oracle (k=3) over FRANK CNN/DM and XSum, and Lead-k /
oracle-k with k = the reference's sentence count over BBC News Summary, and
prints mean ROUGE F1 (rouge-score, stemming on) next to the published
Lead-3 / oracle figures where they exist. Then checks newskit.evaluate.rouge
against a plain rouge_score.RougeScorer on the same Lead summaries: how many
articles get identical scores (all four variants) and ms per scoring call.

    python benchmarks/bench_evaluate.py [--data-dir DIR] [--bbc-limit N]
"""

from __future__ import annotations

import argparse
import sys

from _common import Timer, add_data_dir, command, table_header, table_row
from rouge_score import rouge_scorer

from newskit import split_sentences
from newskit.evaluate import (
    ROUGE_TYPES,
    Example,
    evaluate_summarizer,
    load_bbc,
    load_frank_cnndm,
    load_frank_xsum,
    oracle,
    rouge,
)

#: Columns of the first table: the scores, then the published figures beside them.
HEADER = (
    "data",
    "n",
    "system",
    "R-1",
    "R-2",
    "R-L",
    "R-Lsum",
    "ms/article",
    "published R-1/2/Lsum",
)
PUBLISHED = {
    ("CNN/DM", "lead"): "40.42 / 17.62 / 36.67 (Liu & Lapata 2019, full test set); "
    "about 41.3 / 18.7 / 37.5 on these 250 (shared/data README)",
    ("CNN/DM", "oracle"): "52.59 / 31.24 / 48.87 (Liu & Lapata 2019, full test set)",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    add_data_dir(ap)
    ap.add_argument("--bbc-limit", type=int, default=None, help="first N BBC articles only")
    args = ap.parse_args(argv)

    sets: list[tuple[str, list[Example], bool]] = [
        ("CNN/DM", load_frank_cnndm(args.data_dir), False),
        ("XSum", load_frank_xsum(args.data_dir), False),
        ("BBC", load_bbc(args.data_dir, limit=args.bbc_limit), True),
    ]

    print(f"command: {command()}")
    print(table_header(HEADER, "lrlrrrrrl"))
    for name, data, match_length in sets:

        def k_of(ex: Example, match: bool = match_length) -> int:
            return len(ex.reference_sentences) if match else 3

        def lead(ex: Example) -> list[str]:
            return split_sentences(ex.article.text)[: k_of(ex)]

        def best(ex: Example) -> list[str]:
            sents = split_sentences(ex.article.text)
            return [sents[i] for i in oracle(sents, ex.reference, k_of(ex))]

        label = "k = reference sentences" if match_length else "k = 3"
        for system, fn in (("lead", lead), ("oracle", best)):
            res = evaluate_summarizer(fn, data, given="example")
            f = res.f1()
            scores = [f"{f[t]:.2f}" for t in ("rouge1", "rouge2", "rougeL", "rougeLsum")]
            ms, published = f"{res.ms_per_article:.2f}", PUBLISHED.get((name, system), "")
            print(table_row([name, res.n, f"{system} ({label})", *scores, ms, published]))
    print()
    print(
        table_header(
            [
                "data",
                "n",
                "identical to rouge-score",
                "ms newskit.evaluate.rouge",
                "ms rouge-score",
            ],
            "lrrrr",
        )
    )
    plain = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    for name, data, match_length in sets:
        k = [len(ex.reference_sentences) if match_length else 3 for ex in data]
        # the same sentence lists go to both: rouge() takes a list as given
        summaries = [split_sentences(ex.article.text)[:n] for ex, n in zip(data, k, strict=True)]
        refs = [ex.reference_sentences for ex in data]
        with Timer() as ours_time:
            ours = [rouge(s, r) for s, r in zip(summaries, refs, strict=True)]
        with Timer() as theirs_time:
            theirs = [
                plain.score("\n".join(r), "\n".join(s))
                for s, r in zip(summaries, refs, strict=True)
            ]
        same = sum(
            all(tuple(a[t]) == tuple(b[t]) for t in ROUGE_TYPES)
            for a, b in zip(ours, theirs, strict=True)
        )
        n = len(data)
        ms = [f"{1000 * t.wall / n:.2f}" for t in (ours_time, theirs_time)]
        print(table_row([name, n, same, *ms]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
