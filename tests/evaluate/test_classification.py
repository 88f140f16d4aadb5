from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import brier_score_loss, f1_score, precision_score, recall_score

from newskit import InputValueError
from newskit.evaluate._classification import multilabel_report, reliability_bins


def test_matches_scikit_learn() -> None:
    rng = np.random.default_rng(0)
    t = rng.integers(0, 2, size=(200, 3))
    q = np.clip(t * 0.6 + rng.random((200, 3)) * 0.5, 0, 1)
    p = (q >= 0.5).astype(int)
    rep = multilabel_report(t, p, ["a", "b", "c"], proba=q)
    for j, name in enumerate("abc"):
        s = rep.per_label[name]
        assert s.precision == pytest.approx(precision_score(t[:, j], p[:, j]))
        assert s.recall == pytest.approx(recall_score(t[:, j], p[:, j]))
        assert s.f1 == pytest.approx(f1_score(t[:, j], p[:, j]))
        assert rep.brier_per_label[name] == pytest.approx(brier_score_loss(t[:, j], q[:, j]))
    assert rep.macro_f1 == pytest.approx(f1_score(t, p, average="macro"))
    assert "macro" in rep.format() and rep.to_dict()["per_topic"]["a"]["support"] == t[:, 0].sum()


def test_no_positives_and_no_predictions_is_perfect() -> None:
    rep = multilabel_report([[0], [0]], [[0], [0]], ["x"])
    assert rep.per_label["x"].f1 == 1.0 and rep.brier is None


def test_bad_shapes() -> None:
    with pytest.raises(InputValueError):
        multilabel_report([1, 0], [1, 0], ["a"])
    with pytest.raises(InputValueError):
        multilabel_report([[1, 0]], [[1]], ["a", "b"])
    with pytest.raises(InputValueError):
        multilabel_report([[1]], [[1]], ["a", "b"])
    with pytest.raises(InputValueError):
        reliability_bins([[1]], [[0.5]], n_bins=0)


def test_reliability_bins_cover_all_samples() -> None:
    q = np.linspace(0, 1, 101).reshape(-1, 1)
    t = (q > 0.5).astype(int)
    bins = reliability_bins(t, q, n_bins=10)
    assert sum(b[2] for b in bins) == 101
    assert [b[1] for b in bins][:5] == [0.0] * 5
