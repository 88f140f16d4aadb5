"""Per-term explanations of a linear topic model.

For a linear model the score of a topic is ``intercept + sum(x_t * w_t)`` over
the terms ``t`` of the article, so each term's contribution ``x_t * w_t`` is
exact, not an approximation: the terms listed are the ones that moved the
score most, up and down.
"""

from __future__ import annotations

import numpy as np

from newskit._article import Article
from newskit._errors import InputValueError
from newskit._types import Content
from newskit.topics._classifier import TopicClassifier
from newskit.topics._results import TermWeight, TopicExplanation

__all__ = ["explain_with"]


def explain_with(
    model: TopicClassifier, x: Article | Content, top: int = 10
) -> list[TopicExplanation]:
    """Explain ``model``'s scores for one article ``x``; see :func:`newskit.explain`."""
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise InputValueError(f"top must be a non-negative int, not {top!r}")
    features = model.transform([x])
    proba = model._proba(features)[0]
    scores = model._scores(features)[0]
    row = features.getrow(0)
    terms = model.get_feature_names_out()
    out = []
    for j, topic in enumerate(model.classes_):
        contrib = row.data.astype(np.float64) * model.coef_[j, row.indices]
        order = np.argsort(-contrib, kind="stable")
        up = [
            TermWeight(str(terms[row.indices[i]]), round(float(contrib[i]), 4))
            for i in order[:top]
            if contrib[i] > 0
        ]
        down = [
            TermWeight(str(terms[row.indices[i]]), round(float(contrib[i]), 4))
            for i in order[::-1][:top]
            if contrib[i] < 0
        ]
        out.append(
            TopicExplanation(
                topic=str(topic),
                probability=round(float(proba[j]), 4),
                selected=bool(proba[j] >= model.thresholds_[j]),
                score=round(float(scores[j]), 4),
                up=tuple(up),
                down=tuple(down),
            )
        )
    return out
