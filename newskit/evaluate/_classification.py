"""Multi-label classification metrics: per-topic P/R/F1, macro-F1, Brier, reliability.

Plain numpy so that benchmarks and training report the same numbers without
extra dependencies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from newskit._errors import InputValueError

__all__ = ["MultilabelReport", "TopicScores", "multilabel_report", "reliability_bins"]


@dataclass(frozen=True)
class TopicScores:
    """Precision, recall, F1 and support of one label."""

    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(frozen=True)
class MultilabelReport:
    """Per-label scores plus macro averages and, with probabilities, the Brier score."""

    labels: tuple[str, ...]
    per_label: dict[str, TopicScores]
    macro_precision: float
    macro_recall: float
    macro_f1: float
    exact_match: float
    brier: float | None = None
    brier_per_label: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict (floats rounded to 4 places)."""
        return {
            "macro_f1": round(self.macro_f1, 4),
            "macro_precision": round(self.macro_precision, 4),
            "macro_recall": round(self.macro_recall, 4),
            "exact_match": round(self.exact_match, 4),
            "brier": None if self.brier is None else round(self.brier, 4),
            "per_topic": {
                k: {
                    "precision": round(v.precision, 4),
                    "recall": round(v.recall, 4),
                    "f1": round(v.f1, 4),
                    "support": v.support,
                    "brier": round(self.brier_per_label[k], 4) if self.brier_per_label else None,
                }
                for k, v in self.per_label.items()
            },
        }

    def format(self) -> str:
        """A small fixed-width table for terminals."""
        lines = [f"{'topic':<12}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}{'Brier':>8}"]
        for name in self.labels:
            s = self.per_label[name]
            b = self.brier_per_label.get(name)
            brier = f"{b:8.4f}" if b is not None else f"{'-':>8}"
            lines.append(
                f"{name:<12}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.support:9d}{brier}"
            )
        brier = f"{self.brier:8.4f}" if self.brier is not None else f"{'-':>8}"
        lines.append(
            f"{'macro':<12}{self.macro_precision:7.3f}{self.macro_recall:7.3f}"
            f"{self.macro_f1:7.3f}{'':>9}{brier}"
        )
        return "\n".join(lines)


def _matrix(name: str, value: npt.ArrayLike, shape: tuple[int, ...] | None) -> npt.NDArray[Any]:
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim != 2:
        raise InputValueError(f"{name} must be 2-D (n_samples, n_labels), got shape {arr.shape}")
    if shape is not None and arr.shape != shape:
        raise InputValueError(f"{name} has shape {arr.shape}, expected {shape}")
    return arr


def multilabel_report(
    y_true: npt.ArrayLike,
    y_pred: npt.ArrayLike,
    labels: Sequence[str],
    proba: npt.ArrayLike | None = None,
) -> MultilabelReport:
    """Score multi-label predictions.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples, n_labels)
        0/1 indicator matrices.
    labels : sequence of str
        Column names.
    proba : array-like of shape (n_samples, n_labels), optional
        Predicted probabilities, for the Brier score (mean squared error of the
        probabilities, per label and averaged).

    Returns
    -------
    MultilabelReport
        F1 of a label with no true and no predicted positive counts as 1.0
        (nothing to find, nothing wrongly found).

    Examples
    --------
    >>> r = multilabel_report([[1, 0], [0, 1], [1, 1]], [[1, 0], [0, 0], [1, 1]], ["a", "b"],
    ...                       proba=[[0.9, 0.1], [0.2, 0.4], [0.8, 0.7]])
    >>> round(r.per_label["b"].f1, 3), round(r.macro_f1, 3), round(r.brier, 3)
    (0.667, 0.833, 0.092)
    """
    t = _matrix("y_true", y_true, None)
    p = _matrix("y_pred", y_pred, t.shape)
    names = tuple(str(x) for x in labels)
    if len(names) != t.shape[1]:
        raise InputValueError(f"{len(names)} labels for {t.shape[1]} columns")
    tb, pb = t > 0.5, p > 0.5
    per: dict[str, TopicScores] = {}
    for j, name in enumerate(names):
        tp = int((tb[:, j] & pb[:, j]).sum())
        n_true, n_pred = int(tb[:, j].sum()), int(pb[:, j].sum())
        precision = tp / n_pred if n_pred else float(n_true == 0)
        recall = tp / n_true if n_true else float(n_pred == 0)
        f1 = 2 * tp / (n_true + n_pred) if n_true + n_pred else 1.0
        per[name] = TopicScores(precision, recall, f1, n_true, n_pred)
    brier: float | None = None
    brier_per: dict[str, float] = {}
    if proba is not None:
        q = _matrix("proba", proba, t.shape)
        sq = (q - tb) ** 2
        brier_per = {name: float(sq[:, j].mean()) for j, name in enumerate(names)}
        brier = float(sq.mean())
    scores = list(per.values())
    return MultilabelReport(
        labels=names,
        per_label=per,
        macro_precision=float(np.mean([s.precision for s in scores])),
        macro_recall=float(np.mean([s.recall for s in scores])),
        macro_f1=float(np.mean([s.f1 for s in scores])),
        exact_match=float((tb == pb).all(axis=1).mean()) if len(t) else 1.0,
        brier=brier,
        brier_per_label=brier_per,
    )


def reliability_bins(
    y_true: npt.ArrayLike, proba: npt.ArrayLike, n_bins: int = 10
) -> list[tuple[float, float, int]]:
    """Reliability-diagram data: per probability bin, mean predicted vs observed rate.

    All labels are pooled. Returns ``(mean_probability, observed_frequency,
    count)`` for every non-empty bin of equal width on [0, 1].

    Examples
    --------
    >>> reliability_bins([[1], [0], [1], [0]], [[0.9], [0.1], [0.8], [0.3]], n_bins=2)
    [(0.2, 0.0, 2), (0.85, 1.0, 2)]
    """
    if isinstance(n_bins, bool) or not isinstance(n_bins, int) or n_bins < 1:
        raise InputValueError(f"n_bins must be a positive int, not {n_bins!r}")
    t = np.asarray(y_true, dtype=np.float64).ravel()
    q = np.asarray(proba, dtype=np.float64).ravel()
    if t.shape != q.shape:
        raise InputValueError("y_true and proba must have the same shape")
    idx = np.minimum((q * n_bins).astype(int), n_bins - 1)
    out = []
    for b in range(n_bins):
        mask = idx == b
        if mask.any():
            out.append(
                (round(float(q[mask].mean()), 4), round(float(t[mask].mean()), 4), int(mask.sum()))
            )
    return out
