"""Run any summarizer over a data set and report mean ROUGE and speed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from newskit._errors import InputTypeError, InputValueError
from newskit.evaluate._datasets import Example
from newskit.evaluate._rouge import ROUGE_TYPES, RougeScore, mean_scores, rouge

__all__ = ["SummaryEvaluation", "evaluate_summarizer", "summary_text"]


@dataclass(frozen=True)
class SummaryEvaluation:
    """What :func:`evaluate_summarizer` measured.

    Attributes
    ----------
    n : int
        Articles evaluated.
    rouge : dict of str to RougeScore
        Mean ROUGE-1/2/L/Lsum (precision, recall, F1) over the articles.
    ms_per_article : float
        Mean wall-clock milliseconds per call of the summarizer (ROUGE
        scoring is not timed).
    median_ms : float
        Median milliseconds per call.
    per_article : list of dict
        ``{"id", "summary", "rouge1", "rouge2", "rougeL", "rougeLsum", "ms"}``
        per article, ROUGE as F1.
    """

    n: int
    rouge: dict[str, RougeScore]
    ms_per_article: float
    median_ms: float
    per_article: list[dict[str, Any]] = field(repr=False)

    def f1(self) -> dict[str, float]:
        """Mean F1 per ROUGE variant, as percentages rounded to 2 decimals."""
        return {t: round(100 * s.fmeasure, 2) for t, s in self.rouge.items()}


def summary_text(result: object) -> str:
    """Turn a summarizer's return value into text, one sentence per line.

    Accepts a ``str``, a sequence of ``str`` (sentences), or an object with a
    ``sentences`` attribute whose items have ``.text`` (such as
    :class:`newskit.Summary`).
    """
    if isinstance(result, str):
        return result
    sentences = getattr(result, "sentences", None)
    if sentences is not None and all(isinstance(getattr(s, "text", None), str) for s in sentences):
        return "\n".join(s.text for s in sentences)
    if isinstance(result, Sequence) and all(isinstance(s, str) for s in result):
        return "\n".join(result)
    raise InputTypeError(
        f"a summarizer must return str, a list of str or a Summary, not {type(result).__name__}"
    )


def evaluate_summarizer(
    fn: Callable[[Any], object],
    dataset: Sequence[Example],
    *,
    given: Literal["text", "article", "example"] = "text",
) -> SummaryEvaluation:
    """Run ``fn`` on every article of ``dataset`` and score it with :func:`rouge`.

    Parameters
    ----------
    fn : callable
        The summarizer. By default it gets the article text (``str``) and
        returns the summary (``str``, list of sentences, or a
        :class:`newskit.Summary`).
    dataset : sequence of Example
        From :func:`load_bbc`, :func:`load_frank_cnndm`,
        :func:`load_frank_xsum`, or your own ``Example(id, article, reference)``.
    given : {"text", "article", "example"}, default "text"
        What ``fn`` receives: ``article.text`` (body paragraphs separated by
        blank lines), the :class:`~newskit.Article` (so it can use the title),
        or the whole :class:`Example` (e.g. to match the reference's length).

    Returns
    -------
    SummaryEvaluation

    Raises
    ------
    InputValueError
        ``dataset`` is empty or ``given`` is unknown.
    InputTypeError
        ``fn`` is not callable, or returns something that is not a summary.

    Examples
    --------
    >>> from newskit import Article
    >>> from newskit.evaluate import Example
    >>> data = [Example("a", Article(body=["Rain fell. Roads shut. Cats slept."]), "Rain fell.")]
    >>> result = evaluate_summarizer(lambda text: text.split(". ")[0] + ".", data)
    >>> result.n, round(result.rouge["rouge1"].fmeasure, 2)
    (1, 1.0)
    """
    if not callable(fn):
        raise InputTypeError(f"fn must be callable, not {type(fn).__name__}")
    if given not in ("text", "article", "example"):
        raise InputValueError(f"given must be 'text', 'article' or 'example', not {given!r}")
    if not dataset:
        raise InputValueError("dataset is empty")
    per_article: list[dict[str, Any]] = []
    scores: list[dict[str, RougeScore]] = []
    times: list[float] = []
    for example in dataset:
        if not isinstance(example, Example):
            raise InputTypeError(f"dataset items must be Example, not {type(example).__name__}")
        arg: object = {
            "text": example.article.text,
            "article": example.article,
            "example": example,
        }[given]
        t0 = time.perf_counter()
        result = fn(arg)
        ms = 1000 * (time.perf_counter() - t0)
        summary = summary_text(result)
        score = rouge(summary, example.reference)
        scores.append(score)
        times.append(ms)
        row: dict[str, Any] = {"id": example.id, "summary": summary, "ms": ms}
        row.update({t: score[t].fmeasure for t in ROUGE_TYPES})
        per_article.append(row)
    return SummaryEvaluation(
        n=len(scores),
        rouge=mean_scores(scores),
        ms_per_article=statistics.fmean(times),
        median_ms=statistics.median(times),
        per_article=per_article,
    )
