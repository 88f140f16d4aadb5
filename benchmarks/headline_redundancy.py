"""Would demoting sentences that restate the headline help short summaries?

The seed's bullet highlights complement their headline, and every seed
article's first sentence restates it, so ``default`` (which is the lead at two
sentences) ties Lead-2 there. This checks the obvious fix on public data before
anyone ships it: the FRANK CNN/DM articles, whose Daily Mail and CNN addresses
end in the headline's words (``.../Gary-Locke-set-confirmed-permanent-
Kilmarnock-manager.html``), get that slug as their title, and ``default``'s
scores are lowered by ``lam`` times each sentence's ``title_overlap`` feature
(the share of the headline's content stems it contains). Printed: ROUGE-1/2 F1
against the reference highlights on FRANK's validation and test splits at 2 and
3 sentences, and against the seed bullets at 2 sentences, for a grid of
``lam`` (0 is the shipped ``default``).

    python benchmarks/headline_redundancy.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from pathlib import Path

import numpy as np

from newskit import Article, parse_text
from newskit.evaluate import rouge
from newskit.summarizers import FEATURES, DefaultSummarizer, build_document
from newskit.summarizers._sentence_features import sentence_features
from newskit.training._paths import default_data_dir

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_af1872576b83b628.txt"
LAMS = (0.0, 0.2, 0.5, 0.8, 1.2, 2.0, 3.0, 5.0)


def slug_title(url: str) -> str:
    """The headline words at the end of a Daily Mail or CNN address, or ``""``."""
    parts = [p for p in url.split("://")[-1].split("/") if p]
    last = parts[-2] if parts[-1].startswith("index.htm") and len(parts) > 1 else parts[-1]
    last = re.sub(r"\.html?$", "", last)
    return last.replace("-", " ") if "-" in last and not last.isdigit() else ""


def frank(data_dir: Path) -> dict[str, list[tuple[Article, list[str]]]]:
    path = data_dir / "frank-cnndm-xsum" / "frank_cnndm_test.jsonl"
    out: dict[str, list[tuple[Article, list[str]]]] = {"validation": [], "test": []}
    with path.open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            article = Article(title=slug_title(row["url"]) or None, body=[row["article"]])
            out[row["frank_split"]].append((article, [row["reference"]]))
    return out


def pick(article: Article, k: int, lam: float) -> list[str]:
    doc = build_document(article)
    scores = DefaultSummarizer().blend(doc, float(k))
    if lam and doc.title:
        scores = scores - lam * sentence_features(doc)[:, FEATURES.index("title_overlap")]
    chosen = sorted(np.argsort(-scores, kind="stable")[: min(k, len(doc))].tolist())
    return [doc.sentences[i] for i in chosen]


def score(items: list[tuple[Article, list[str]]], k: int, lam: float) -> tuple[float, float]:
    results = [rouge(pick(a, k, lam), refs) for a, refs in items]
    return (
        100 * statistics.fmean(r["rouge1"].fmeasure for r in results),
        100 * statistics.fmean(r["rouge2"].fmeasure for r in results),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    args = parser.parse_args(argv)
    sets = frank(args.data_dir)
    titled = sum(a.title is not None for items in sets.values() for a, _ in items)
    print(f"FRANK CNN/DM: {titled} of {sum(map(len, sets.values()))} with a headline from the URL")
    seeds = [(a, list(a.highlights)) for a in parse_text(SEED.read_text("utf-8")) if a.highlights]
    print(
        f"{'lam':>5s} | {'k':>2s} | {'val R-1':>8s} {'R-2':>6s} | {'test R-1':>8s} {'R-2':>6s}"
        f" | {'seeds k=2 R-1':>13s} {'R-2':>6s}"
    )
    for k in (2, 3):
        for lam in LAMS:
            v1, v2 = score(sets["validation"], k, lam)
            t1, t2 = score(sets["test"], k, lam)
            seed = f"{'':13s} {'':6s}"
            if k == 2:
                s1, s2 = score(seeds, 2, lam)
                seed = f"{s1:13.2f} {s2:6.2f}"
            print(f"{lam:5.1f} | {k:2d} | {v1:8.2f} {v2:6.2f} | {t1:8.2f} {t2:6.2f} | {seed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
