"""Which sentence features earn their place in the ``default`` summarizer's content model.

Only the BBC News Summary *training half* (even-numbered articles) is used, so the
held-out odd half that ``bench_summarize_rouge.py`` reports stays unseen: the content
model (logistic regression, as ``newskit train summarizer`` fits it) is fitted on
articles numbered 0 mod 4 and scored on the first ``--score`` articles numbered 2 mod 4,
picking as many sentences as the reference has by content score alone (no lead blend).
Printed: ROUGE-1 / ROUGE-2 F1 x100 for the shipped feature set, for it without the
two overlap-degree columns, and with two candidates that were left out (TextRank's
score, sentence length as a share of the longest).

Usage: ``python benchmarks/ablation_default_features.py [--data-dir DIR] [--score 300]``
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newskit.evaluate import load_bbc, rouge
from newskit.summarizers import FEATURES, Document, TextRankSummarizer, build_document
from newskit.summarizers._base import top_k
from newskit.summarizers._sentence_features import sentence_features, standardised
from newskit.training._paths import default_data_dir
from newskit.training._summarizer import _labels, fit_standardised, is_bbc_train

DEGREE = [FEATURES.index("overlap_degree"), FEATURES.index("overlap_degree_z")]


def _without_degree(doc: Document) -> np.ndarray:
    return np.delete(sentence_features(doc), DEGREE, axis=1)


def _with_textrank(doc: Document) -> np.ndarray:
    return np.column_stack([sentence_features(doc), standardised(TextRankSummarizer().score(doc))])


def _with_length(doc: Document) -> np.ndarray:
    length = doc.sentence_lengths.astype(np.float64)
    return np.column_stack([sentence_features(doc), length / max(length.max(), 1.0)])


VARIANTS: dict[str, Callable[[Document], np.ndarray]] = {
    "shipped features": sentence_features,
    "without overlap degree": _without_degree,
    "+ textrank z": _with_textrank,
    "+ length share": _with_length,
}


def _number(article_id: str) -> int:
    return int(article_id.rsplit("/", 1)[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--score", type=int, default=300, help="articles to score")
    args = parser.parse_args()
    data_dir = Path(args.data_dir or default_data_dir())

    rows: list[tuple[Any, Document, np.ndarray]] = []
    for ex in load_bbc(data_dir):
        if is_bbc_train(ex.id):
            doc = build_document(ex.article)
            if len(doc) >= 2:
                rows.append((ex, doc, _labels(doc, ex.reference_sentences)))
    fit = [r for r in rows if _number(r[0].id) % 4 == 0]
    score = [r for r in rows if _number(r[0].id) % 4 == 2][: args.score]
    print(f"BBC training half: fit on {len(fit)} articles, score {len(score)} (R-1 / R-2 F1)")
    for name, features in VARIANTS.items():
        x = np.vstack([features(doc) for _, doc, _ in fit])
        y = np.concatenate([labels for _, _, labels in fit])
        mean, scale, model = fit_standardised(x, y, 1.0, max_iter=3000)
        r1, r2 = [], []
        for ex, doc, _ in score:
            scores = ((features(doc) - mean) / scale) @ model.coef_[0]
            picked = sorted(top_k(scores, max(1, len(ex.reference_sentences))).tolist())
            result = rouge([doc.sentences[i] for i in picked], ex.reference)
            r1.append(result["rouge1"].fmeasure)
            r2.append(result["rouge2"].fmeasure)
        print(f"{name:24s} {100 * statistics.fmean(r1):6.2f} {100 * statistics.fmean(r2):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
