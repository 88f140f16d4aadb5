"""Result types of topic classification and explanation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["TermWeight", "TopicExplanation", "TopicResult"]


@dataclass(frozen=True)
class TopicResult:
    """The topics of one article.

    Attributes
    ----------
    topics : tuple of str
        Topics whose probability reached their threshold, in model order
        (possibly empty: most news is about none of the four).
    probabilities : dict of str to float
        Calibrated probability of every topic.
    thresholds : dict of str to float
        The decision threshold of every topic.
    id : str or None
        The ``Article.id`` of the input, when it had one.

    Examples
    --------
    >>> r = TopicResult(("climate",), {"climate": 0.9, "politics": 0.2},
    ...                 {"climate": 0.5, "politics": 0.5})
    >>> "climate" in r, bool(r)
    (True, True)
    >>> r.to_dict()["topics"]
    ['climate']
    """

    topics: tuple[str, ...]
    probabilities: dict[str, float]
    thresholds: dict[str, float] = field(default_factory=dict)
    id: str | None = None

    def __contains__(self, topic: object) -> bool:
        return topic in self.topics

    def __bool__(self) -> bool:
        return bool(self.topics)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        out: dict[str, Any] = {
            "topics": list(self.topics),
            "probabilities": dict(self.probabilities),
            "thresholds": dict(self.thresholds),
        }
        if self.id is not None:
            out["id"] = self.id
        return out


@dataclass(frozen=True)
class TermWeight:
    """A term of the article and how much it moved a topic's score.

    ``weight`` is the term's TF-IDF value times the model coefficient: its
    additive contribution to the topic's log-odds before calibration.
    """

    term: str
    weight: float


@dataclass(frozen=True)
class TopicExplanation:
    """Why the model scored one topic as it did for one article.

    Attributes
    ----------
    topic : str
        The topic.
    probability : float
        Calibrated probability.
    selected : bool
        Whether the probability reached the threshold.
    score : float
        Linear score (log-odds before calibration) = intercept + sum of all term weights.
    up, down : tuple of TermWeight
        The terms that pushed the score up (largest first) and down (most negative first).
    """

    topic: str
    probability: float
    selected: bool
    score: float
    up: tuple[TermWeight, ...]
    down: tuple[TermWeight, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        return {
            "topic": self.topic,
            "probability": self.probability,
            "selected": self.selected,
            "score": self.score,
            "up": [[t.term, t.weight] for t in self.up],
            "down": [[t.term, t.weight] for t in self.down],
        }
