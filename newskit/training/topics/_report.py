"""Out-of-fold figures of a topic model on the labelled corpus, by length and by source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from newskit.training.topics._mapping import TOPICS

__all__ = ["format_table", "markdown_table", "oof_tables", "scores"]


def scores(
    Y: npt.NDArray[np.int64],
    pred: npt.NDArray[np.int64],
    proba: npt.NDArray[np.float64] | None = None,
) -> dict[str, Any]:
    """Macro-F1 and per-topic F1, precision, recall and support of one set of items.

    The macro average runs over the topics with a positive item or a
    prediction in the set (a topic absent from both says nothing).

    >>> s = scores(np.array([[1, 0], [0, 0]]), np.array([[1, 1], [0, 0]]))
    >>> s["macro_f1"], s["per_topic"]["security"]["f1"], s["per_topic"]["climate"]["f1"]
    (0.5, 1.0, 0.0)
    """
    out: dict[str, Any] = {"n": len(Y), "per_topic": {}}
    f1s = []
    for j, topic in enumerate(TOPICS[: Y.shape[1]]):
        t, p = Y[:, j] == 1, pred[:, j] == 1
        tp, n_true, n_pred = int((t & p).sum()), int(t.sum()), int(p.sum())
        f1 = 2 * tp / (n_true + n_pred) if n_true + n_pred else float("nan")
        out["per_topic"][topic] = {
            "f1": round(f1, 4) if n_true + n_pred else None,
            "precision": round(tp / n_pred, 4) if n_pred else None,
            "recall": round(tp / n_true, 4) if n_true else None,
            "support": n_true,
        }
        if n_true + n_pred:
            f1s.append(f1)
    out["macro_f1"] = round(float(np.mean(f1s)), 4) if f1s else None
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


def _cell(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def format_table(name: str, rows: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """Plain-text table: one row per ``(label, scores)``, macro-F1 and per-topic F1/P/R."""
    head = f"{'':28s} {'n':>5s} {'macro':>6s} " + " ".join(
        f"{t[:9] + ' F1/P/R':>22s}" for t in TOPICS
    )
    lines = [f"-- {name}", head]
    for label, s in rows:
        cells = []
        for t in TOPICS:
            v = s["per_topic"][t]
            prf = f"{_cell(v['f1'])}/{_cell(v['precision'])}/{_cell(v['recall'])}"
            cells.append(f"{prf} ({v['support']:>3d})")
        lines.append(
            f"{label[:28]:28s} {s['n']:>5d} {_cell(s['macro_f1']):>6s} "
            + " ".join(f"{c:>22s}" for c in cells)
        )
    return "\n".join(lines)


def markdown_table(rows: Sequence[tuple[str, dict[str, Any]]]) -> list[str]:
    """Markdown rows: label, n, macro-F1, then F1 (support) per topic."""
    out = [
        "| items | n | macro-F1 | " + " | ".join(TOPICS) + " |",
        "|---|---:|---:|" + "---:|" * len(TOPICS),
    ]
    for label, s in rows:
        cells = [
            f"{_cell(s['per_topic'][t]['f1'])} ({s['per_topic'][t]['support']})" for t in TOPICS
        ]
        out.append(f"| {label} | {s['n']} | {_cell(s['macro_f1'])} | " + " | ".join(cells) + " |")
    return out
