"""The news-tuned ``default`` method: the lead, blended with a learned content model."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import numpy as np

from newskit._artifacts import verified_path
from newskit._errors import ModelError
from newskit.summarizers._base import Summarizer, top_k
from newskit.summarizers._document import Document
from newskit.summarizers._features import FEATURES, sentence_features, standardised

__all__ = ["ARTIFACT", "DefaultSummarizer", "load_weights"]

#: File name of the shipped weights in ``newskit/models/``.
ARTIFACT = "summarizer_default.json"
_JUNK_PENALTY = 100.0
#: A question mark followed only by closing quotes, brackets and spaces.
_ENDS_WITH_QUESTION = re.compile("\\?[\"'”’ )]*\\Z")


@lru_cache(maxsize=1)
def load_weights() -> dict[str, Any]:
    """Load and check the shipped weights (hash-verified before reading)."""
    path = verified_path(ARTIFACT)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if list(data.get("features", [])) != list(FEATURES):
        raise ModelError(
            f"{ARTIFACT} was trained on features {data.get('features')}, but this newskit "
            f"computes {list(FEATURES)}; retrain with `newskit train summarizer`"
        )
    return data


_ARRAYS: dict[int, tuple[Any, np.ndarray, np.ndarray, np.ndarray]] = {}


def _model_arrays(weights: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, scale and coefficients as arrays; converted once for the shipped weights."""
    cached = _ARRAYS.get(id(weights))
    if cached is not None and cached[0] is weights:
        return cached[1], cached[2], cached[3]
    mean, scale, coef = (np.asarray(weights[k]) for k in ("mean", "scale", "coef"))
    # only the shipped dict is cached (never mutated; a user's dict might be); it can
    # only be the shipped one if that is loaded, and loading it here could fail
    if load_weights.cache_info().currsize and weights is load_weights():
        _ARRAYS.clear()
        _ARRAYS[id(weights)] = (weights, mean, scale, coef)
    return mean, scale, coef


def content_scores(doc: Document, weights: dict[str, Any]) -> np.ndarray:
    """The learned model's score of each sentence, standardised within the document."""
    x = sentence_features(doc)
    mean, scale, coef = _model_arrays(weights)
    z = (x - mean) / scale
    return standardised(np.asarray(z @ coef, dtype=np.float64))


def is_junk(doc: Document, min_tokens: int, skip_questions: bool) -> np.ndarray:
    """Teasers no summary wants: very short sentences and (optionally) questions."""
    short = doc.sentence_lengths < min_tokens
    if not skip_questions:
        return np.asarray(short, dtype=bool)
    question = np.fromiter(map(_ENDS_WITH_QUESTION.search, doc.sentences), bool, len(doc))
    return np.asarray(short | question, dtype=bool)


class DefaultSummarizer(Summarizer):
    """News-tuned: the lead for short summaries, learned content selection for long ones.

    Each sentence gets ``(-log(1 + position) + c * content) / (1 + c)``, minus a
    large penalty for teasers (fewer than ``min_tokens`` words, or questions).
    ``content`` is a logistic-regression score over the features in
    :data:`newskit.summarizers.FEATURES` (position, paragraph start, length,
    headline overlap, TF-IDF centrality, coverage, quotes, numbers, word-overlap
    degree), trained on BBC News Summary's extractive labels. The blend weight
    grows with the requested length, ``c = content_weight * (k / 3) **
    budget_exponent``: news front-loads its key facts, so a 3-sentence summary
    stays close to the lead, while a summary of 40 % of the article is chosen
    mostly on content. All constants come from the shipped artifact (see
    ``newskit train summarizer``). Cost: one sparse TF-IDF pass and one
    sentence-overlap product (dense n x n, skipped above 2,000 sentences).

    Parameters
    ----------
    weights : dict or None
        A weights mapping like the shipped artifact's; ``None`` loads the shipped one.
    """

    name = "default"

    def __init__(self, weights: dict[str, Any] | None = None) -> None:
        self.weights = weights

    def get_params(self) -> dict[str, Any]:
        """Parameters, with the weights named rather than inlined."""
        return {"weights": "shipped" if self.weights is None else "custom"}

    def blend(self, doc: Document, expected: float) -> np.ndarray:
        """Scores for a summary of about ``expected`` sentences."""
        w = load_weights() if self.weights is None else self.weights
        blend = w["blend"]
        n = len(doc)
        c = float(blend["content_weight"]) * (max(expected, 1.0) / 3.0) ** float(
            blend["budget_exponent"]
        )
        lead = -np.log1p(np.arange(n, dtype=np.float64))
        score = (lead + c * content_scores(doc, w)) / (1.0 + c)
        junk = is_junk(doc, int(blend["min_tokens"]), bool(blend["skip_questions"]))
        return np.asarray(score - _JUNK_PENALTY * junk, dtype=np.float64)

    def score(self, doc: Document) -> np.ndarray:
        """Scores for the default summary length (3 sentences)."""
        return self.blend(doc, 3.0) if len(doc) else np.zeros(0)

    def rank(
        self, doc: Document, k: int, *, expected: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Best ``k`` sentences for a summary of ``expected`` (default ``k``) sentences."""
        if len(doc) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        scores = self.blend(doc, float(k if expected is None else expected))
        order = top_k(scores, k)
        return order, scores[order]
