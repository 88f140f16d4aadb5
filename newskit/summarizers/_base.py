"""The summary result types and the base class every algorithm derives from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from newskit._errors import InputValueError
from newskit._serial import checked
from newskit.summarizers._document import Document

__all__ = ["Summarizer", "Summary", "SummarySentence", "top_k"]


@dataclass(frozen=True)
class SummarySentence:
    """One sentence chosen for a summary.

    Parameters
    ----------
    index : int
        Position of the sentence in the document (0 = first sentence).
    text : str
        The sentence as it appears in the document.
    score : float
        The method's score for the sentence; higher is better. Only comparable
        between sentences of the same summary.
    """

    index: int
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        return {"index": self.index, "text": self.text, "score": self.score}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummarySentence:
        """Build a SummarySentence from :meth:`to_dict` output (or its JSON)."""
        d = checked(data, "SummarySentence", ["index", "text", "score"])
        return cls(int(d["index"]), str(d["text"]), float(d["score"]))


@dataclass(frozen=True)
class Summary:
    """An extractive summary: chosen sentences in document order.

    Parameters
    ----------
    sentences : tuple of SummarySentence
        The chosen sentences, in the order they appear in the document.
    method : str
        The method that chose them, e.g. ``'lexrank'``.
    backend : str
        ``'newskit'`` or ``'sumy'``.
    parameters : dict
        The length request and method options actually used.
    total_sentences : int
        Number of sentences in the whole document.

    Examples
    --------
    >>> s = Summary((SummarySentence(0, "Rain fell.", 1.0),), "lead", "newskit", {}, 4)
    >>> s.text, s.indices, len(s)
    ('Rain fell.', [0], 1)
    """

    sentences: tuple[SummarySentence, ...] = ()
    method: str = "default"
    backend: str = "newskit"
    parameters: dict[str, Any] = field(default_factory=dict)
    total_sentences: int = 0

    @property
    def text(self) -> str:
        """The chosen sentences joined by single spaces."""
        return " ".join(s.text for s in self.sentences)

    @property
    def indices(self) -> list[int]:
        """Document positions of the chosen sentences."""
        return [s.index for s in self.sentences]

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[SummarySentence]:
        return iter(self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        return {
            "method": self.method,
            "backend": self.backend,
            "parameters": dict(self.parameters),
            "total_sentences": self.total_sentences,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        """Build a Summary from :meth:`to_dict` output (or its JSON); ``text`` is derived
        from the sentences, so it is checked, not stored.

        >>> s = Summary((SummarySentence(0, "Rain fell.", 1.0),), "lead", "newskit", {}, 4)
        >>> Summary.from_dict(s.to_dict()) == s
        True
        """
        d = checked(
            data,
            "Summary",
            ["sentences"],
            ["method", "backend", "parameters", "total_sentences", "text"],
        )
        summary = cls(
            tuple(SummarySentence.from_dict(x) for x in d["sentences"]),
            str(d.get("method", "default")),
            str(d.get("backend", "newskit")),
            dict(d.get("parameters", {})),
            int(d.get("total_sentences", 0)),
        )
        if "text" in d and d["text"] != summary.text:
            raise InputValueError("Summary data: 'text' is not its sentences joined")
        return summary


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest scores, best first; ties go to the earlier sentence.

    >>> top_k(np.array([1.0, 3.0, 3.0, 2.0]), 2).tolist()
    [1, 2]
    """
    return np.argsort(-scores, kind="stable")[:k]


class Summarizer:
    """Base class: rank the sentences of a :class:`Document`.

    Subclasses set :attr:`name` and implement :meth:`score` (one number per
    sentence, higher is better) or, for greedy methods whose choice depends on
    what was already picked, override :meth:`rank`. Constructors only store
    their parameters (scikit-learn convention); all work happens in
    :meth:`rank`.
    """

    name: ClassVar[str] = ""

    def get_params(self) -> dict[str, Any]:
        """The constructor parameters and their values."""
        return {k: v for k, v in vars(self).items() if not k.endswith("_")}

    def score(self, doc: Document) -> np.ndarray:
        """Return one score per sentence of ``doc`` (higher is better)."""
        raise NotImplementedError

    def rank(
        self, doc: Document, k: int, *, expected: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return the indices of the best ``k`` sentences (best first) and their scores.

        ``expected`` is the summary length the caller has in mind when it asks
        for a full ranking (a word budget); most methods ignore it.
        """
        scores = np.asarray(self.score(doc), dtype=np.float64)
        order = top_k(scores, k)
        return order, scores[order]

    def rank_many(
        self,
        docs: Sequence[Document],
        ks: Sequence[int],
        expected: Sequence[float | None],
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """:meth:`rank` of each document (``ks`` and ``expected``: one per document).

        Methods that can score a batch faster together override this.
        """
        return [self.rank(d, k, expected=e) for d, k, e in zip(docs, ks, expected, strict=True)]
