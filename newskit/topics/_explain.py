"""Per-term explanations of a linear topic model.

For a linear model the score of a topic is ``intercept + sum(x_t * w_t)`` over
the terms ``t`` of the article, so each term's contribution ``x_t * w_t`` is
exact, not an approximation: the terms listed are the ones that moved the
score most, up and down.

Only words of the article are listed (a term of the title + lead block of a
model fitted with ``lead_words`` as ``lead:TERM``). A model's keyword-lexicon
counts, if it has any (named ``<lexicon:security>`` and so on), and terms made
only of stop words (``for``, ``has``, ``in the``, ``lead:of the``) count in the
score like any feature but say nothing to a reader about *why*, so they are
left out of ``up`` and ``down``; ``score`` still includes them.
"""

from __future__ import annotations

import numpy as np

from newskit._article import Article
from newskit._errors import InputValueError
from newskit._types import Content
from newskit.text import stop_words
from newskit.topics._classifier import TopicClassifier
from newskit.topics._results import TermWeight, TopicExplanation

__all__ = ["explain_with"]


def _readable(term: str, stops: frozenset[str]) -> bool:
    """Whether ``term`` is worth listing: a word or phrase of the text, not only stop words.

    >>> stops = frozenset({"in", "the", "for"})
    >>> [_readable(t, stops) for t in ("talks", "in the", "<lexicon:security>", "for peace")]
    [True, False, False, True]
    >>> [_readable(t, stops) for t in ("lead:in the", "lead:talks")]
    [False, True]
    """
    if term.startswith("<") and term.endswith(">"):
        return False
    return not all(word in stops for word in term.removeprefix("lead:").split())


def explain_with(
    model: TopicClassifier, x: Article | Content, top: int = 10
) -> list[TopicExplanation]:
    """Explain ``model``'s scores for one article ``x``; see :func:`newskit.explain`."""
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise InputValueError(f"top must be a non-negative int, not {top!r}")
    docs = model.prepare([x])
    features = model._features(docs)
    short = model._short(docs)
    proba = model._proba(features, short)[0]
    thresholds = model._thresholds(short)[0]
    scores = model._scores(features)[0]
    row = features.getrow(0)
    terms = model.get_feature_names_out()
    stops = stop_words()
    shown = np.array([_readable(str(terms[i]), stops) for i in row.indices], dtype=bool)
    out = []
    for j, topic in enumerate(model.classes_):
        contrib = row.data.astype(np.float64) * model.coef_[j, row.indices]
        order = [i for i in np.argsort(-contrib, kind="stable") if shown[i]]
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
                selected=bool(proba[j] >= thresholds[j]),
                score=round(float(scores[j]), 4),
                up=tuple(up),
                down=tuple(down),
            )
        )
    return out
