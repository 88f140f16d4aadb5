"""``newskit.classify``, ``classify_many`` and ``explain`` with the shipped model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from itertools import compress, repeat

from newskit._article import Article
from newskit._articletext import ArticleText, article_text
from newskit._defaults import BATCH_SIZE
from newskit._errors import InputTypeError
from newskit._input import refuse_table
from newskit._reading import one_article
from newskit._stream import stream_batches
from newskit._types import NewsInput
from newskit.topics._classifier import TopicClassifier
from newskit.topics._explain import explain_with
from newskit.topics._model import default_model
from newskit.topics._results import TopicExplanation, TopicResult

__all__ = ["classify", "classify_many", "explain", "topic_results"]


def _model(model: TopicClassifier | None) -> TopicClassifier:
    if model is None:
        return default_model()
    if not isinstance(model, TopicClassifier):
        raise InputTypeError(f"model must be a TopicClassifier, not {type(model).__name__}")
    return model


def topic_results(
    model: TopicClassifier, texts: list[ArticleText], ids: list[str | None]
) -> list[TopicResult]:
    """The results of articles whose text is prepared and checked to be English."""
    cut = model.max_words
    docs = [t.joined(cut) for t in texts]
    proba = model.predict_proba_prepared(docs)
    names = [str(t) for t in model.classes_]
    # Texts of one length class share their thresholds: one dict per class.
    limits = model.thresholds_prepared(docs)
    shared: dict[tuple[float, ...], dict[str, float]] = {}
    selected = (proba >= limits).tolist()
    out = []
    for ident, row, chosen, limit in zip(ids, proba.tolist(), selected, limits, strict=True):
        key = tuple(limit.tolist())
        thresholds = shared.setdefault(key, dict(zip(names, key, strict=True)))
        probs = dict(zip(names, map(round, row, repeat(4)), strict=True))
        out.append(TopicResult(tuple(compress(names, chosen)), probs, dict(thresholds), ident))
    return out


def _results(model: TopicClassifier, batch: list[NewsInput], start: int = 0) -> list[TopicResult]:
    # The model is English-only: refuse clearly non-English text rather than
    # return confident nonsense.
    texts, ids = [], []
    for i, item in enumerate(batch):
        what = "the article" if len(batch) == 1 and not start else f"article {start + i}"
        article = one_article(item, name=what)
        prepared = article_text(article, max_words=model.max_words)
        prepared.ensure_english(what=what)
        texts.append(prepared)
        ids.append(article.id if isinstance(article, Article) else None)
    return topic_results(model, texts, ids)


def classify(text: NewsInput, *, model: TopicClassifier | None = None) -> TopicResult:
    """Return the topics of one article.

    Parameters
    ----------
    text : str, bytes, pathlib.Path or Article
        The article: plain text (its title, if any, first), an HTML page, a
        file holding either, or an :class:`~newskit.Article` (only its title
        and body are read).
    model : TopicClassifier, optional
        A model of your own; default: the model shipped with newskit
        (loaded once, on first use).

    Returns
    -------
    TopicResult
        Chosen topics and every topic's probability. Empty text gives no topic.

    Raises
    ------
    UnsupportedLanguageError
        The text is clearly not English (the model is English-only).
    InputValueError
        ``text`` is a URL or a file name given as ``str``, or a file holding
        several articles.

    Examples
    --------
    >>> r = classify("Air strikes hit rebel positions as the army advanced on the city.")
    >>> r.topics
    ('security',)
    >>> classify("").topics
    ()
    """
    return _results(_model(model), [text])[0]


def classify_many(
    texts: Iterable[NewsInput],
    *,
    batch_size: int = BATCH_SIZE,
    n_jobs: int = 1,
    model: TopicClassifier | None = None,
) -> Iterator[TopicResult]:
    """Classify many articles lazily, ``batch_size`` at a time, in input order.

    Parameters
    ----------
    texts : iterable of str, bytes, pathlib.Path or Article
        The articles, as for :func:`classify` (a generator is consumed batch by batch).
    batch_size : int
        Articles vectorised together.
    n_jobs : int
        Worker processes (``-1``: all cores), through :mod:`joblib`.
    model : TopicClassifier, optional
        As in :func:`classify`.

    Returns
    -------
    iterator of TopicResult
        One result per input, in order. A clearly non-English article raises
        :class:`~newskit.UnsupportedLanguageError` (naming its position) when
        its batch is reached.

    Examples
    --------
    >>> [r.topics for r in classify_many(["The senate passed the budget.", ""])]
    [('politics',), ()]
    """
    refuse_table(texts)
    if isinstance(texts, str | bytes | Article) or not isinstance(texts, Iterable):
        raise InputTypeError(
            f"texts must be an iterable of articles, not {type(texts).__name__} "
            "(use classify() for one article)"
        )
    work = partial(_numbered_results, _model(model))
    return stream_batches(work, enumerate(texts), n_jobs=n_jobs, batch_size=batch_size)


def _numbered_results(
    model: TopicClassifier, batch: list[tuple[int, NewsInput]]
) -> list[TopicResult]:
    return _results(model, [item for _, item in batch], batch[0][0])


def explain(
    text: NewsInput, *, top: int = 10, model: TopicClassifier | None = None
) -> list[TopicExplanation]:
    """Explain, per topic, which terms of an article pushed its score up or down.

    Parameters
    ----------
    text : str, bytes, pathlib.Path or Article
        The article, as for :func:`classify`.
    top : int
        How many terms to list in each direction.
    model : TopicClassifier, optional
        As in :func:`classify`.

    Returns
    -------
    list of TopicExplanation
        One per topic, in model order.

    Examples
    --------
    >>> ex = explain("Troops and tanks massed at the border after the missile attack.", top=3)
    >>> [e.topic for e in ex]
    ['security', 'climate', 'diplomacy', 'politics']
    >>> ex[0].selected, len(ex[0].up) <= 3
    (True, True)
    """
    fitted = _model(model)
    article = one_article(text)
    article_text(article, max_words=fitted.max_words).ensure_english(what="the article")
    return explain_with(fitted, article, top)
