"""The news-tuned ``default`` method: a model trained on CNN/DailyMail for news-length
summaries, the lead blended with a learned content model for long ones."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from newskit._artifacts import verified_path
from newskit._errors import ModelError
from newskit.summarizers._base import Summarizer, top_k
from newskit.summarizers._document import Document
from newskit.summarizers._sentence_features import FEATURES, stacked_features
from newskit.summarizers._stack import Stack, segment_standardised

__all__ = ["ARTIFACT", "STACK_SENTENCES", "DefaultSummarizer", "load_weights"]

#: File name of the shipped weights in ``newskit/models/``.
ARTIFACT = "summarizer_default.json"
_JUNK_PENALTY = 100.0
#: Most sentences :meth:`DefaultSummarizer.rank_many` scores in one stack: memory
#: stays that of a few long articles, however many documents are passed.
STACK_SENTENCES = 4_096
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
    return stacked_content_scores(Stack([doc]), weights)


def stacked_content_scores(stack: Stack, weights: dict[str, Any]) -> np.ndarray:
    """:func:`content_scores` of every document of ``stack``, stacked."""
    x = stacked_features(stack)
    mean, scale, coef = _model_arrays(weights)
    z = (x - mean) / scale
    # a sum per row, not ``z @ coef``: BLAS may round a row differently with the
    # batch's shape, and a document's scores must not depend on its batch
    return segment_standardised(np.asarray((z * coef).sum(axis=1), dtype=np.float64), stack)


def is_junk(stack: Stack, min_tokens: int, skip_questions: bool) -> np.ndarray:
    """Teasers no summary wants: very short sentences and (optionally) questions."""
    short = stack.lengths < min_tokens
    if not skip_questions:
        return np.asarray(short, dtype=bool)
    text = stack.sentences
    question = np.fromiter(map(_ENDS_WITH_QUESTION.search, text), bool, len(text))
    return np.asarray(short | question, dtype=bool)


class DefaultSummarizer(Summarizer):
    """News-tuned: a model trained on CNN/DailyMail for news-length summaries, the
    lead blended with a content model for long ones.

    **Up to** ``max_sentences`` **sentences** (the artifact's constant, 3 or more):
    each sentence gets the log-odds of gradient-boosted trees over
    the 29 ``TRAINED_FEATURES`` of ``_sentence_features`` (position,
    length, headline and lead overlap, TF-IDF centrality, coverage, quotes,
    numbers, word statistics) plus a logistic regression on those features and
    the sentence's hashed words, minus ``length_penalty * log(1 + words)``;
    sentences are then taken best first, skipping one whose content-stem Jaccard
    similarity with a sentence already taken exceeds ``max_overlap`` (filled up
    from the skipped ones if the article runs out). Trained by ``newskit train
    summarizer`` on the CNN/DailyMail training sample (labels: the greedy ROUGE
    oracle of 3 sentences), ``summarizer_trained.joblib``.

    **Longer summaries** (more expected sentences than ``max_sentences``, e.g. a
    ratio of a long article): each sentence gets ``(-log(1 + position) + c *
    content) / (1 + c)``, minus a large penalty for teasers (fewer than
    ``min_tokens`` words, or questions). ``content`` is a logistic-regression
    score over :data:`newskit.summarizers.FEATURES`, trained on BBC News Summary's
    extractive labels; ``c = content_weight * (k / 3) ** budget_exponent``
    (``summarizer_default.json``). BBC's long extractive references are what this
    blend was fitted to, and it beats the trained model there.

    The expected length is the requested sentence count, the ratio's count, or
    for ``max_words`` the budget over the mean sentence length. Cost: one sparse
    TF-IDF pass, one sentence-overlap product (dense n x n, skipped above 2,000
    sentences) and one pass of the trees.

    Parameters
    ----------
    weights : dict or None
        The lead blend's weights like ``summarizer_default.json``; ``None`` loads the
        shipped ones.
    model : dict or None
        A trained model like ``summarizer_trained.joblib``'s payload; ``None`` loads
        the shipped one.
    """

    name = "default"

    def __init__(
        self, weights: dict[str, Any] | None = None, model: dict[str, Any] | None = None
    ) -> None:
        self.weights = weights
        self.model = model

    def trained(self) -> dict[str, Any]:
        """The trained model: the one given, else the shipped one."""
        from newskit.summarizers._trained import load_trained

        return load_trained() if self.model is None else self.model

    def get_params(self) -> dict[str, Any]:
        """Parameters, with the weights named rather than inlined."""
        return {"weights": "shipped" if self.weights is None else "custom"}

    def blend(self, doc: Document, expected: float) -> np.ndarray:
        """Scores for a summary of about ``expected`` sentences."""
        return self.stacked_blend(Stack([doc]), np.array([expected], dtype=np.float64))

    def stacked_blend(self, stack: Stack, expected: np.ndarray) -> np.ndarray:
        """:meth:`blend` of every document of ``stack`` (``expected``: one per document)."""
        w = load_weights() if self.weights is None else self.weights
        blend = w["blend"]
        c = float(blend["content_weight"]) * (np.maximum(expected, 1.0) / 3.0) ** float(
            blend["budget_exponent"]
        )
        c = stack.per_row(c)
        lead = -np.log1p(stack.position.astype(np.float64))
        score = (lead + c * stacked_content_scores(stack, w)) / (1.0 + c)
        junk = is_junk(stack, int(blend["min_tokens"]), bool(blend["skip_questions"]))
        return np.asarray(score - _JUNK_PENALTY * junk, dtype=np.float64)

    def score(self, doc: Document) -> np.ndarray:
        """Scores for the default summary length (3 sentences)."""
        if not len(doc):
            return np.zeros(0)
        model = self.trained()
        if float(model["selection"]["max_sentences"]) >= 3.0:
            from newskit.summarizers._trained import trained_scores

            return trained_scores(Stack([doc]), model)
        return self.blend(doc, 3.0)

    def rank(
        self, doc: Document, k: int, *, expected: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Best ``k`` sentences for a summary of ``expected`` (default ``k``) sentences."""
        return self.rank_many([doc], [k], [expected])[0]

    def rank_many(
        self,
        docs: Sequence[Document],
        ks: Sequence[int],
        expected: Sequence[float | None],
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """:meth:`rank` of each document, scored together (one set of array
        operations for up to :data:`STACK_SENTENCES` sentences instead of one
        per document)."""
        from newskit.summarizers._trained import pick, trained_scores

        docs, ks = list(docs), list(ks)
        wanted = [float(k if e is None else e) for k, e in zip(ks, expected, strict=True)]
        model = self.trained()
        selection = model["selection"]
        out: list[tuple[np.ndarray, np.ndarray]] = []
        for part in _chunks([len(d) for d in docs], STACK_SENTENCES):
            stack = Stack(docs[part])
            # the trained model for news-length summaries, the lead blend for long ones
            use = np.array(wanted[part]) <= float(selection["max_sentences"])
            trained = blended = np.zeros(0)
            if stack.n_rows and use.any():
                trained = trained_scores(stack, model)
                rows = stack.cells.rows
                bounds = np.searchsorted(rows, np.arange(stack.n_rows + 1)).tolist()
                cols = stack.cells.cols
            if stack.n_rows and not use.all():
                blended = self.stacked_blend(stack, np.array(wanted[part]))
            for i, k in enumerate(ks[part]):
                block = stack.rows(i)
                if use[i]:
                    mine = trained[block]
                    stems = [
                        cols[bounds[r] : bounds[r + 1]] for r in range(block.start, block.stop)
                    ]
                    order = pick(mine, stems, k, float(selection["max_overlap"]))
                else:
                    mine = blended[block]
                    order = top_k(mine, k)
                out.append((order, mine[order]))
        return out


def _chunks(sizes: list[int], budget: int) -> list[slice]:
    """Consecutive runs of items whose sizes add up to at most ``budget`` (an item
    larger than that is a run of its own)."""
    runs, start, total = [], 0, 0
    for i, size in enumerate(sizes):
        if total and total + size > budget:
            runs.append(slice(start, i))
            start, total = i, 0
        total += size
    if start < len(sizes):
        runs.append(slice(start, len(sizes)))
    return runs
