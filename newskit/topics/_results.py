"""Result types of topic classification and explanation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newskit._errors import InputValueError
from newskit._serial import checked

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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TopicResult:
        """Build a TopicResult from :meth:`to_dict` output (or its JSON).

        >>> r = TopicResult(("climate",), {"climate": 0.9}, {"climate": 0.5}, "a1")
        >>> TopicResult.from_dict(r.to_dict()) == r
        True
        """
        d = checked(data, "TopicResult", ["topics", "probabilities"], ["thresholds", "id"])
        return cls(
            tuple(str(t) for t in d["topics"]),
            {str(k): float(v) for k, v in d["probabilities"].items()},
            {str(k): float(v) for k, v in d.get("thresholds", {}).items()},
            d.get("id"),
        )


@dataclass(frozen=True)
class TermWeight:
    """A term of the article and how much it moved a topic's score.

    ``weight`` is the term's TF-IDF value times the model coefficient: its
    additive contribution to the topic's log-odds before calibration.
    """

    term: str
    weight: float

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        return {"term": self.term, "weight": self.weight}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | list[Any] | tuple[Any, ...]) -> TermWeight:
        """Build a TermWeight from :meth:`to_dict` output, or from the ``[term, weight]``
        pair :meth:`TopicExplanation.to_dict` writes.

        >>> TermWeight.from_dict(["rain", 0.5]) == TermWeight.from_dict(
        ...     TermWeight("rain", 0.5).to_dict())
        True
        """
        if isinstance(data, list | tuple):
            if len(data) != 2:
                raise InputValueError(f"a term pair is [term, weight], not {data!r}")
            return cls(str(data[0]), float(data[1]))
        d = checked(data, "TermWeight", ["term", "weight"])
        return cls(str(d["term"]), float(d["weight"]))


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TopicExplanation:
        """Build a TopicExplanation from :meth:`to_dict` output (or its JSON)."""
        d = checked(
            data, "TopicExplanation", ["topic", "probability", "selected", "score", "up", "down"]
        )
        return cls(
            str(d["topic"]),
            float(d["probability"]),
            bool(d["selected"]),
            float(d["score"]),
            tuple(TermWeight.from_dict(t) for t in d["up"]),
            tuple(TermWeight.from_dict(t) for t in d["down"]),
        )
