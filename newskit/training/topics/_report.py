"""Out-of-fold figures of a topic model on the labelled corpus, by length and by source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from newskit.training.topics._mapping import TOPICS

__all__ = ["format_table", "markdown_table", "oof_tables", "reliability", "scores"]


def scores(
    Y: npt.NDArray[np.int64],
    pred: npt.NDArray[np.int64],
    proba: npt.NDArray[np.float64] | None = None,
) -> dict[str, Any]:
    """Macro-F1, exact-match rate and per-topic F1, precision, recall, support, false positives.

    A topic's F1 is given only when the set holds a positive of it; the macro
    average runs over those topics (a source with no positive of a topic says
    nothing about its recall; its false positives are counted instead).

    >>> s = scores(np.array([[1, 0], [0, 0]]), np.array([[1, 1], [0, 0]]))
    >>> s["macro_f1"], s["exact"], s["per_topic"]["climate"]
    (1.0, 0.5, {'f1': None, 'precision': 0.0, 'recall': None, 'support': 0, 'false_pos': 1})
    """
    out: dict[str, Any] = {"n": len(Y), "per_topic": {}}
    f1s = []
    for j, topic in enumerate(TOPICS[: Y.shape[1]]):
        t, p = Y[:, j] == 1, pred[:, j] == 1
        tp, n_true, n_pred = int((t & p).sum()), int(t.sum()), int(p.sum())
        f1 = 2 * tp / (n_true + n_pred) if n_true else None
        out["per_topic"][topic] = {
            "f1": None if f1 is None else round(f1, 4),
            "precision": round(tp / n_pred, 4) if n_pred else None,
            "recall": round(tp / n_true, 4) if n_true else None,
            "support": n_true,
            "false_pos": n_pred - tp,
        }
        if f1 is not None:
            f1s.append(f1)
    out["macro_f1"] = round(float(np.mean(f1s)), 4) if f1s else None
    out["exact"] = round(float((pred == Y).all(axis=1).mean()), 4) if len(Y) else None
    if proba is not None and len(Y):
        out["brier"] = round(float(np.mean((proba - Y) ** 2)), 4)
    return out


def oof_tables(
    data: Any,
    pred: npt.NDArray[np.int64],
    proba: npt.NDArray[np.float64] | None = None,
) -> dict[str, Any]:
    """Figures of ``pred`` on ``data`` (a :class:`~._select.CorpusData`): by length, by source."""
    Y = data.Y
    by_length = {}
    for name, mask in (("short", data.length_short), ("full", ~data.length_short)):
        by_length[name] = scores(Y[mask], pred[mask], None if proba is None else proba[mask])
    sources = np.array([i.source for i in data.items])
    by_source = {}
    for src in sorted(set(sources.tolist())):
        mask = sources == src
        length = "short" if data.length_short[mask].all() else "full"
        by_source[src] = {"length": length, **scores(Y[mask], pred[mask])}
    return {"by_length": by_length, "by_source": by_source}


def reliability(data: Any, proba: npt.NDArray[np.float64]) -> dict[str, Any]:
    """Reliability bins of ``proba`` per length class: per topic (8 bins) and pooled (10)."""
    from newskit.evaluate import reliability_bins

    out: dict[str, Any] = {}
    for name, mask in (("short", data.length_short), ("full", ~data.length_short)):
        Y, P = data.Y[mask], proba[mask]
        out[name] = {
            **{t: reliability_bins(Y[:, j], P[:, j], n_bins=8) for j, t in enumerate(TOPICS)},
            "all": reliability_bins(Y, P, n_bins=10),
        }
    return out


def _cell(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def format_table(name: str, rows: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """Plain-text table: per row n, macro-F1, exact-match rate, per-topic F1/P/R (support).

    A topic without positives in the set shows its false positives (``fp N``).
    """
    head = f"{'':28s} {'n':>5s} {'macro':>6s} {'exact':>6s} " + " ".join(
        f"{t[:9] + ' F1/P/R':>22s}" for t in TOPICS
    )
    lines = [f"-- {name}", head]
    for label, s in rows:
        cells = []
        for t in TOPICS:
            v = s["per_topic"][t]
            prf = f"{_cell(v['f1'])}/{_cell(v['precision'])}/{_cell(v['recall'])}"
            cells.append(f"{prf} ({v['support']:>3d})" if v["support"] else f"fp {v['false_pos']}")
        lines.append(
            f"{label[:28]:28s} {s['n']:>5d} {_cell(s['macro_f1']):>6s} "
            f"{_cell(s.get('exact')):>6s} " + " ".join(f"{c:>22s}" for c in cells)
        )
    return "\n".join(lines)


def markdown_table(rows: Sequence[tuple[str, dict[str, Any]]]) -> list[str]:
    """Markdown rows: label, n, macro-F1, exact-match rate, then F1 (support) per topic.

    A topic without positives in the set shows its false positives instead (``fp N``).
    """
    out = [
        "| items | n | macro-F1 | exact | " + " | ".join(TOPICS) + " |",
        "|---|---:|---:|---:|" + "---:|" * len(TOPICS),
    ]
    for label, s in rows:
        cells = []
        for t in TOPICS:
            v = s["per_topic"][t]
            cells.append(
                f"{_cell(v['f1'])} ({v['support']})" if v["support"] else f"fp {v['false_pos']}"
            )
        out.append(
            f"| {label} | {s['n']} | {_cell(s['macro_f1'])} | {_cell(s.get('exact'))} | "
            + " | ".join(cells)
            + " |"
        )
    return out
