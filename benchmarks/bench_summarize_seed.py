"""The seed page dump's own bullet highlights as references: every method vs Lead-2.

``seeds/000_af1872576b83b628.txt`` holds six articles, each with two bullet
highlights. Each article (title + body, never the bullets) is summarized in 2
sentences and scored with ROUGE (F1, rouge-score with stemming) against its two
bullets; the table is the mean over the six articles.

Usage: ``python benchmarks/bench_summarize_seed.py``
"""

from __future__ import annotations

import statistics
from pathlib import Path

from newskit import parse_text, summarize
from newskit.evaluate import rouge
from newskit.summarizers import METHODS, SUMY_METHODS

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_af1872576b83b628.txt"


def main() -> int:
    articles = [a for a in parse_text(SEED.read_text(encoding="utf-8")) if a.highlights]
    print(f"{len(articles)} seed articles with bullets; 2-sentence summaries")
    print(f"{'method':10s} {'backend':8s} {'R-1':>6s} {'R-2':>6s} {'R-L':>6s}")
    for method in METHODS:
        for backend in ("newskit", "sumy") if method in SUMY_METHODS else ("newskit",):
            scores = [
                rouge(
                    [s.text for s in summarize(a, method, n_sentences=2, backend=backend)],
                    a.highlights,
                )
                for a in articles
            ]
            cells = [
                100 * statistics.fmean(s[t].fmeasure for s in scores)
                for t in ("rouge1", "rouge2", "rougeLsum")
            ]
            label = "lead (Lead-2)" if method == "lead" else method
            print(f"{label:10s} {backend:8s} {cells[0]:6.2f} {cells[1]:6.2f} {cells[2]:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
