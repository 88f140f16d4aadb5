"""The one entry point: :func:`summarize`."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any, NamedTuple

import numpy as np

from newskit._article import Article
from newskit._defaults import BATCH_SIZE, METHOD, N_SENTENCES
from newskit._errors import InputTypeError, InputValueError
from newskit._input import refuse_table
from newskit._reading import one_article
from newskit._stream import stream_batches
from newskit._types import NewsInput
from newskit.summarizers._base import Summarizer, Summary, SummarySentence
from newskit.summarizers._document import Document, build_document

__all__ = ["select", "select_many", "summarize", "summarize_documents", "summarize_many"]


def _length(n_sentences: object, ratio: object, max_words: object) -> tuple[str, int | float]:
    """Validate the length request; return ``(kind, value)``."""
    named = (("n_sentences", n_sentences), ("ratio", ratio), ("max_words", max_words))
    given = [(k, v) for k, v in named if v is not None]
    if len(given) > 1:
        raise InputValueError(
            "give at most one of n_sentences=, ratio=, max_words= "
            f"(got {', '.join(sorted(k for k, _ in given))})"
        )
    if not given:
        return "n_sentences", N_SENTENCES
    kind, value = given[0]
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
    if kind not in ("n_sentences", "ratio", "max_words"):
        raise InputValueError(
            f"length kind must be 'n_sentences', 'ratio' or 'max_words', not {kind!r}"
        )
    ks: list[int] = []
    expected: list[float | None] = []
    for doc in docs:
        n = len(doc)
        if kind == "n_sentences":
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
        if kind == "max_words":
            lengths = doc.sentence_lengths[order]
            # take ranked sentences while they fit; the best one always goes in
            fits = np.cumsum(lengths) <= int(value)
            keep = max(1, int(np.argmin(fits)) if not fits.all() else len(order))
            order, scores = order[:keep], scores[:keep]
        chosen = np.argsort(order, kind="stable")
        out.append((order[chosen], scores[chosen]))
    return out


def summarize(
    text: NewsInput,
    method: str = METHOD,
    *,
    n_sentences: int | None = None,
    ratio: float | None = None,
    max_words: int | None = None,
    backend: str = "newskit",
    title: str | None = None,
    **options: Any,
) -> Summary:
    """Summarize an article by extracting its best sentences.

    Parameters
    ----------
    text : str, bytes, pathlib.Path or Article
        The article: plain text, an HTML page, a file holding either, or an
        :class:`~newskit.Article` (only its title and body are read).
    method : str
        One of :data:`newskit.summarizers.METHODS`: ``'default'`` (news-tuned),
        ``'lead'``, ``'random'``, ``'luhn'``, ``'edmundson'``, ``'lsa'``,
        ``'lexrank'``, ``'textrank'``, ``'sumbasic'``, ``'kl'``, ``'reduction'``.
    n_sentences : int, optional
        Number of sentences (default 3 when no length is given).
    ratio : float, optional
        Fraction of the document's sentences, in ``(0, 1]`` (at least one).
    max_words : int, optional
        Word budget: best-ranked sentences are taken while the total number of
        word tokens stays within it (the best sentence is always taken).
    backend : {'newskit', 'sumy'}
        ``'sumy'`` runs sumy's own implementation of ``method`` on the same
        sentences, tokens and stems (not available for ``'default'`` and ``'lead'``).
    title : str, optional
        Headline for plain-text input (overrides an article's title).
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
        ``text`` is not text, a path or an Article.
    InputValueError
        Unknown method/backend/option, or an invalid length (zero, negative,
        not an integer, ratio outside ``(0, 1]``, several lengths at once); a
        URL or a file name given as ``str``.
    UnsupportedLanguageError
        The text is clearly not English.

    Examples
    --------
    >>> from newskit import summarize
    >>> text = ("The council approved the new bridge on Monday. "
    ...         "Work starts in May. It will cost 40 million pounds. "
    ...         "Residents had asked for a bridge for years.")
    >>> s = summarize(text, "lead", n_sentences=2)
    >>> s.text
    'The council approved the new bridge on Monday. Work starts in May.'
    >>> [x.index for x in s.sentences]
    [0, 1]
    >>> summarize(text, n_sentences=0)
    Traceback (most recent call last):
    ...
    newskit.InputValueError: n_sentences must be a positive integer, not 0
    """
    if title is not None and not isinstance(title, str):
        raise InputTypeError(f"title must be str or None, not {type(title).__name__}")
    request = _request(method, backend, n_sentences, ratio, max_words, options)
    doc = build_document(one_article(text), title=title)
    return _summaries(request, [doc])[0]


def summarize_many(
    texts: Iterable[NewsInput],
    method: str = METHOD,
    *,
    n_sentences: int | None = None,
    ratio: float | None = None,
    max_words: int | None = None,
    backend: str = "newskit",
    batch_size: int = BATCH_SIZE,
    n_jobs: int = 1,
    **options: Any,
) -> Iterator[Summary]:
    """Summarize many articles lazily, ``batch_size`` at a time, in input order.

    Parameters
    ----------
    texts : iterable of str, bytes, pathlib.Path or Article
        The articles, as for :func:`summarize` (a generator is consumed batch by batch).
    method, n_sentences, ratio, max_words, backend, **options
        As for :func:`summarize`: one request for every article.
    batch_size : int
        Articles summarized together (``'default'`` scores a batch in one set
        of array operations).
    n_jobs : int
        Worker processes (``-1``: all cores), through :mod:`joblib`.

    Returns
    -------
    iterator of Summary
        One per input, in order. An input that cannot be summarized (not
        English, not text) raises when its batch is reached.

    Examples
    --------
    >>> [s.text for s in summarize_many(["Rain fell. Roads flooded.", "The vote passed."],
    ...                                 "lead", n_sentences=1)]
    ['Rain fell.', 'The vote passed.']
    """
    refuse_table(texts)
    if isinstance(texts, str | bytes | Article) or not isinstance(texts, Iterable):
        raise InputTypeError(
            f"texts must be an iterable of articles, not {type(texts).__name__} "
            "(use summarize() for one article)"
        )
    request = _request(method, backend, n_sentences, ratio, max_words, options)
    work = partial(_summarize_batch, request)
    return stream_batches(work, texts, n_jobs=n_jobs, batch_size=batch_size)


def _summarize_batch(request: _Request, batch: list[NewsInput]) -> list[Summary]:
    return _summaries(request, [build_document(one_article(x)) for x in batch])


def summarize_documents(
    docs: Iterable[Document],
    method: str = METHOD,
    *,
    n_sentences: int | None = None,
    ratio: float | None = None,
    max_words: int | None = None,
    backend: str = "newskit",
    **options: Any,
) -> list[Summary]:
    """Summarize documents already split into sentences: :func:`summarize`'s result for each.

    ``'default'`` scores the whole list in one set of array operations, which
    for news articles is faster per document than one :func:`summarize` call
    each (``benchmarks/bench_summarizers.py`` prints both); other methods rank
    the documents one by one. A document's result does not depend on the
    others in the call.

    Parameters
    ----------
    docs : iterable of Document
        Documents from :func:`build_document` (which does the input checks).
    method, n_sentences, ratio, max_words, backend, **options
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
    >>> [s.text for s in summarize_documents(docs, "lead", n_sentences=1)]
    ['Rain fell.', 'The vote passed.']
    """
    bad: list[object] = [docs]
    listed: list[Document] = []
    if isinstance(docs, Iterable) and not isinstance(docs, str | bytes | Document):
        listed = list(docs)
        bad = [d for d in listed if not isinstance(d, Document)]
    if bad:
        raise InputTypeError(
            "summarize_documents takes a list of Document objects (see build_document), "
            f"not {type(bad[0]).__name__}"
        )
    request = _request(method, backend, n_sentences, ratio, max_words, options)
    return _summaries(request, listed)


class _Request(NamedTuple):
    """A checked summary request."""

    summarizer: Summarizer
    method: str
    backend: str
    kind: str
    value: int | float
    parameters: dict[str, Any]


def _request(
    method: object,
    backend: object,
    n_sentences: object,
    ratio: object,
    max_words: object,
    options: dict[str, Any],
) -> _Request:
    """Check a summary request: the method, the backend, the length and the options."""
    from newskit.summarizers._registry import SUMMARIZERS

    if not isinstance(method, str) or method not in SUMMARIZERS:
        raise InputValueError(f"unknown method {method!r}; choose one of {', '.join(SUMMARIZERS)}")
    if backend not in ("newskit", "sumy"):
        raise InputValueError(f"backend must be 'newskit' or 'sumy', not {backend!r}")
    kind, value = _length(n_sentences, ratio, max_words)
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
    return _Request(summarizer, method, str(backend), kind, value, parameters)


def _summaries(request: _Request, docs: Sequence[Document]) -> list[Summary]:
    """The summaries of ``docs`` for one checked request."""
    method, backend, parameters = request.method, request.backend, request.parameters
    full = [doc for doc in docs if len(doc)]
    picks = iter(select_many(request.summarizer, full, request.kind, request.value))
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
