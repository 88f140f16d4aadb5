"""The trained extractive model behind ``default`` for news-length summaries.

Trained by ``newskit train summarizer`` on the CNN/DailyMail training sample
(labels: the greedy ROUGE oracle of three sentences, on the sentences newskit
itself splits the detokenized articles into). Each sentence gets the log-odds
of a gradient-boosted tree model over :data:`TRAINED_FEATURES` plus the score
of a logistic regression on those features and the sentence's hashed words,
averaged with that logistic regression's own log-odds (the payload's
``linear_share``; 0, trees alone, in models that do not name it); a length
penalty and word-overlap blocking then pick the summary.
"""

from __future__ import annotations

import threading
import warnings
from functools import lru_cache
from typing import Any

import numpy as np

from newskit._artifacts import load_manifest, verified_path
from newskit._errors import ModelError, ModelVersionError
from newskit.summarizers._forest import tree_scores
from newskit.summarizers._sentence_features import (
    HASH_BUCKETS,
    TRAINED_FEATURES,
    hashed_words,
    trained_features,
)
from newskit.summarizers._stack import Stack

__all__ = ["FORMAT", "TRAINED_ARTIFACT", "load_trained", "pick", "trained_scores"]

#: File name of the trained model in ``newskit/models/``.
TRAINED_ARTIFACT = "summarizer_trained.joblib"
#: Layout version of the artifact's payload.
FORMAT = 1
_lock = threading.Lock()
#: Sentences picked with overlap blocking; any further ones follow in score order.
BLOCKED_PICKS = 64


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


@lru_cache(maxsize=1)
def load_trained() -> dict[str, Any]:
    """Load the shipped model (sha256 checked before anything is unpickled)."""
    import joblib
    import sklearn
    from sklearn.exceptions import InconsistentVersionWarning

    with _lock:
        path = verified_path(TRAINED_ARTIFACT)
        entry = load_manifest()["artifacts"].get(TRAINED_ARTIFACT, {})
        wanted = str(entry.get("versions", {}).get("scikit-learn", sklearn.__version__))
        if _minor(wanted) != _minor(sklearn.__version__):
            raise ModelVersionError(
                f"{TRAINED_ARTIFACT} was trained with scikit-learn {wanted}, but "
                f"{sklearn.__version__} is installed; install a matching scikit-learn or "
                "retrain: `newskit train summarizer --out newskit/models`"
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", InconsistentVersionWarning)
                payload: Any = joblib.load(path)
        except InconsistentVersionWarning as exc:
            raise ModelVersionError(f"{path}: pickled with another scikit-learn: {exc}") from exc
        except Exception as exc:  # a corrupt pickle can raise almost anything
            raise ModelError(f"cannot load {path}: {type(exc).__name__}: {exc}") from exc
    return check_payload(payload)


def check_payload(payload: Any) -> dict[str, Any]:
    """``payload`` if it is a trained model this newskit can use, else :class:`ModelError`."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelError(f"{TRAINED_ARTIFACT} is not a newskit summarizer (format {FORMAT})")
    if list(payload.get("features", ())) != list(TRAINED_FEATURES):
        raise ModelError(
            f"{TRAINED_ARTIFACT} was trained on features {payload.get('features')}, but this "
            f"newskit computes {list(TRAINED_FEATURES)}; retrain with `newskit train summarizer`"
        )
    if int(payload.get("hash_buckets", -1)) != HASH_BUCKETS:
        raise ModelError(f"{TRAINED_ARTIFACT} hashes words into other buckets; retrain")
    share = payload.get("linear_share", 0.0)
    if not isinstance(share, int | float) or not 0.0 <= float(share) <= 1.0:
        raise ModelError(f"{TRAINED_ARTIFACT}: linear_share {share!r} is not in [0, 1]")
    return payload


def linear_part(stack: Stack, x: np.ndarray, model: dict[str, Any]) -> np.ndarray:
    """The logistic regression's log-odds of every sentence of ``stack``."""
    z = (x - model["mean"]) / model["scale"]
    rows, cols, values = hashed_words(stack)
    words = np.bincount(
        rows, weights=values * model["word_coef"][cols].astype(np.float64), minlength=stack.n_rows
    )
    out: np.ndarray = (z * model["feature_coef"]).sum(axis=1) + words + float(model["intercept"])
    return out


def trained_scores(stack: Stack, model: dict[str, Any]) -> np.ndarray:
    """Every sentence's score: the trees' log-odds, averaged with the logistic regression's
    with weight ``linear_share`` (0 if the model does not name it), minus
    ``length_penalty * log(1 + words)``."""
    if stack.n_rows == 0:
        return np.zeros(0)
    x = trained_features(stack)
    linear = linear_part(stack, x, model)
    raw = tree_scores(model["trees"], np.column_stack([x, linear]))
    share = float(model.get("linear_share", 0.0))
    if share:
        # the mean ranked better than the trees alone on the tuning quarter, fitted on
        # the whole sample and on three disjoint fifths of it (summarizer_variants_round9)
        raw = (1.0 - share) * raw + share * linear
    penalty = float(model["selection"]["length_penalty"])
    return raw - penalty * np.log1p(stack.lengths.astype(np.float64))


def pick(scores: np.ndarray, stems: list[np.ndarray], k: int, max_overlap: float) -> np.ndarray:
    """The ``k`` sentences to take, best first: in score order, skipping a sentence whose
    content-stem Jaccard similarity with one already taken exceeds ``max_overlap``; if
    that leaves fewer than ``k``, the skipped ones follow in score order.

    >>> pick(np.array([3.0, 2.0, 1.0]), [np.array([1, 2]), np.array([1, 2]), np.array([3])],
    ...      2, 0.5).tolist()
    [0, 2]
    """
    order = np.argsort(-scores, kind="stable")
    if max_overlap >= 1.0:
        return order[:k]
    taken: list[int] = []
    sets: list[set[int]] = []
    # blocking compares each candidate with those taken: it stops after BLOCKED_PICKS
    # sentences, so a whole-article ranking (max_words) stays linear
    for i in order.tolist():
        if len(taken) == min(k, BLOCKED_PICKS):
            break
        words = set(stems[i].tolist())
        if any(len(words & s) > max_overlap * len(words | s) for s in sets):
            continue
        taken.append(i)
        sets.append(words)
    chosen = set(taken)
    rest = [i for i in order.tolist() if i not in chosen]
    return np.asarray(taken + rest[: k - len(taken)], dtype=np.int64)
