"""The one entry point: :func:`summarize`."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from newskit._errors import InputTypeError, InputValueError
from newskit.summarizers._base import Summarizer, Summary, SummarySentence
from newskit.summarizers._document import Document, build_document

__all__ = ["select", "select_many", "summarize", "summarize_documents"]

DEFAULT_SENTENCES = 3


def _length(sentences: object, ratio: object, words: object) -> tuple[str, int | float]:
    """Validate the length request; return ``(kind, value)``."""
    given = {k: v for k, v in (("sentences", sentences), ("ratio", ratio), ("words", words))}
    given = {k: v for k, v in given.items() if v is not None}
    if len(given) > 1:
        raise InputValueError(
            f"give at most one of sentences=, ratio=, words= (got {', '.join(sorted(given))})"
        )
    if not given:
        return "sentences", DEFAULT_SENTENCES
    kind, value = next(iter(given.items()))
    if kind == "ratio":
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InputValueError(f"ratio must be a number in (0, 1], not {value!r}")
        if not (0.0 < float(value) <= 1.0) or math.isnan(float(value)):
            raise InputValueError(f"ratio must be in (0, 1], not {value!r}")
        return kind, float(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InputValueError(f"{kind} must be a positive integer, not {value!r}")
    if int(value) <= 0:
        raise InputValueError(f"{kind} must be a positive integer, not {value!r}")
    return kind, int(value)


def select(
    summarizer: Summarizer, doc: Document, kind: str, value: int | float
) -> tuple[np.ndarray, np.ndarray]:
    """Chosen sentence indices (document order) and their scores for a length request."""
    return select_many(summarizer, [doc], kind, value)[0]


def select_many(
    summarizer: Summarizer, docs: Sequence[Document], kind: str, value: int | float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """:func:`select` for each document, ranked in one :meth:`Summarizer.rank_many` call."""
    ks: list[int] = []
    expected: list[float | None] = []
    for doc in docs:
        n = len(doc)
        if kind == "sentences":
            ks.append(min(int(value), n))
            expected.append(None)
        elif kind == "ratio":
            ks.append(max(1, round(float(value) * n)))
            expected.append(None)
        else:
            ks.append(n)
            mean_length = max(float(doc.sentence_lengths.mean()), 1.0)
            expected.append(max(1.0, float(value) / mean_length))
    out = []
    for doc, (order, scores) in zip(docs, summarizer.rank_many(docs, ks, expected), strict=True):
        if kind == "words":
            lengths = doc.sentence_lengths[order]
            # take ranked sentences while they fit; the best one always goes in
            fits = np.cumsum(lengths) <= int(value)
            keep = max(1, int(np.argmin(fits)) if not fits.all() else len(order))
            order, scores = order[:keep], scores[:keep]
        chosen = np.argsort(order, kind="stable")
        out.append((order[chosen], scores[chosen]))
    return out


def summarize(
    text_or_article: object,
    method: str = "default",
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    backend: str = "newskit",
    title: str | None = None,
    check_language: bool = True,
    **options: Any,
) -> Summary:
    """Summarize a text or an :class:`~newskit.Article` by extracting its best sentences.

    Parameters
    ----------
    text_or_article : str, bytes or Article
        The text to summarize. An article contributes its title and body only.
    method : str
        One of :data:`newskit.summarizers.METHODS`: ``'default'`` (news-tuned),
        ``'lead'``, ``'random'``, ``'luhn'``, ``'edmundson'``, ``'lsa'``,
        ``'lexrank'``, ``'textrank'``, ``'sumbasic'``, ``'kl'``, ``'reduction'``.
    sentences : int, optional
        Number of sentences (default 3 when no length is given).
    ratio : float, optional
        Fraction of the document's sentences, in ``(0, 1]`` (at least one).
    words : int, optional
        Word budget: best-ranked sentences are taken while the total number of
        word tokens stays within it (the best sentence is always taken).
    backend : {'newskit', 'sumy'}
        ``'sumy'`` runs sumy's own implementation of ``method`` on the same
        sentences, tokens and stems (not available for ``'default'`` and ``'lead'``).
    title : str, optional
        Headline for plain-text input (overrides an article's title).
    check_language : bool
        Refuse text that is clearly not English (the default). ``False`` skips
        the check, for text whose language the caller has already checked
        (:func:`newskit.digest_many` does, once per article, in the classifier).
    **options
        Method parameters, e.g. ``seed=1`` for ``'random'`` or
        ``bonus_words=[...]`` for ``'edmundson'``.

    Returns
    -------
    Summary
        The chosen sentences in document order, with their indices and scores.
        A text with fewer sentences than requested returns all of them; an empty
        text returns an empty summary.

    Raises
    ------
    InputTypeError
        ``text_or_article`` is not text or an Article.
    InputValueError
        Unknown method/backend/option, or an invalid length (zero, negative,
        not an integer, ratio outside ``(0, 1]``, several lengths at once).
    UnsupportedLanguageError
        The text is clearly not English (unless ``check_language=False``).

    Examples
    --------
    >>> from newskit import summarize
    >>> text = ("The council approved the new bridge on Monday. "
    ...         "Work starts in May. It will cost 40 million pounds. "
    ...         "Residents had asked for a bridge for years.")
    >>> s = summarize(text, "lead", sentences=2)
    >>> s.text
    'The council approved the new bridge on Monday. Work starts in May.'
    >>> [x.index for x in s.sentences]
    [0, 1]
    >>> summarize(text, sentences=0)
    Traceback (most recent call last):
    ...
    newskit.InputValueError: sentences must be a positive integer, not 0
    """
    if title is not None and not isinstance(title, str):
        raise InputTypeError(f"title must be str or None, not {type(title).__name__}")
    summarizer, kind, value, parameters = _request(
        method, backend, sentences, ratio, words, options
    )
    doc = build_document(text_or_article, title=title, check_language=check_language)
    return _summaries(summarizer, [doc], kind, value, (method, backend, parameters))[0]


def summarize_documents(
    docs: Sequence[Document],
    method: str = "default",
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    backend: str = "newskit",
    **options: Any,
) -> list[Summary]:
    """Summarize many documents at once: :func:`summarize`'s result for each.

    ``'default'`` scores the whole batch in one set of array operations, which
    for news articles is faster per document than one :func:`summarize` call
    each (``benchmarks/bench_summarizers.py`` prints both); other methods rank
    the documents one by one. A document's result does not depend on the
    others in the call. :func:`newskit.digest_many` uses this.

    Parameters
    ----------
    docs : sequence of Document
        Documents from :func:`build_document` (which does the input checks).
    method, sentences, ratio, words, backend, **options
        As for :func:`summarize`; one request for every document.

    Returns
    -------
    list of Summary
        One per document, in order; an empty document gets an empty summary.

    Raises
    ------
    InputTypeError
        ``docs`` holds something other than :class:`Document` objects.
    InputValueError
        As for :func:`summarize`.

    Examples
    --------
    >>> from newskit.summarizers import build_document, summarize_documents
    >>> docs = [build_document("Rain fell. Roads flooded. Schools shut."),
    ...         build_document("The vote passed. Turnout was low.")]
    >>> [s.text for s in summarize_documents(docs, "lead", sentences=1)]
    ['Rain fell.', 'The vote passed.']
    """
    bad: list[object] = [docs]
    if isinstance(docs, Iterable) and not isinstance(docs, str | bytes | Document):
        docs = list(docs)
        bad = [d for d in docs if not isinstance(d, Document)]
    if bad:
        raise InputTypeError(
            "summarize_documents takes a list of Document objects (see build_document), "
            f"not {type(bad[0]).__name__}"
        )
    summarizer, kind, value, parameters = _request(
        method, backend, sentences, ratio, words, options
    )
    return _summaries(summarizer, docs, kind, value, (method, backend, parameters))


def _request(
    method: object,
    backend: object,
    sentences: object,
    ratio: object,
    words: object,
    options: dict[str, Any],
) -> tuple[Summarizer, str, int | float, dict[str, Any]]:
    """Check a summary request; return the summarizer, the length and the parameters."""
    from newskit.summarizers._registry import SUMMARIZERS

    if not isinstance(method, str) or method not in SUMMARIZERS:
        raise InputValueError(f"unknown method {method!r}; choose one of {', '.join(SUMMARIZERS)}")
    if backend not in ("newskit", "sumy"):
        raise InputValueError(f"backend must be 'newskit' or 'sumy', not {backend!r}")
    kind, value = _length(sentences, ratio, words)
    try:
        if backend == "sumy":
            from newskit.summarizers._sumy import SumySummarizer

            summarizer: Summarizer = SumySummarizer(method, **options)
        else:
            summarizer = SUMMARIZERS[method](**options)
    except TypeError as exc:
        raise InputValueError(f"bad option for method {method!r}: {exc}") from exc
    parameters: dict[str, Any] = {kind: value, **summarizer.get_params()}
    parameters.pop("method", None)
    return summarizer, kind, value, parameters


def _summaries(
    summarizer: Summarizer,
    docs: Sequence[Document],
    kind: str,
    value: int | float,
    request: tuple[str, str, dict[str, Any]],
) -> list[Summary]:
    """The summaries of ``docs`` (``request``: method, backend, parameters)."""
    method, backend, parameters = request
    full = [doc for doc in docs if len(doc)]
    picks = iter(select_many(summarizer, full, kind, value))
    out = []
    for doc in docs:
        if not len(doc):
            out.append(Summary((), method, backend, dict(parameters), 0))
            continue
        idx, scores = next(picks)
        chosen = tuple(
            SummarySentence(int(i), doc.sentences[int(i)], float(s))
            for i, s in zip(idx.tolist(), scores.tolist(), strict=True)
        )
        out.append(Summary(chosen, method, backend, dict(parameters), len(doc)))
    return out
