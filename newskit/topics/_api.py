"""``newskit.classify``, ``classify_many`` and ``explain`` with the shipped model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import compress, islice, repeat

from newskit._article import Article
from newskit._errors import InputTypeError, InputValueError
from newskit._language import ensure_english
from newskit.topics._classifier import TopicClassifier
from newskit.topics._explain import explain_with
from newskit.topics._model import default_model
from newskit.topics._results import TopicExplanation, TopicResult
from newskit.topics._text import document_text

__all__ = ["classify", "classify_many", "explain"]

#: Characters of title + body the English check reads (about 150 words).
_LANGUAGE_SAMPLE = 1000


def _model(model: TopicClassifier | None) -> TopicClassifier:
    if model is None:
        return default_model()
    if not isinstance(model, TopicClassifier):
        raise InputTypeError(f"model must be a TopicClassifier, not {type(model).__name__}")
    return model


def _results(model: TopicClassifier, batch: list[object], start: int = 0) -> list[TopicResult]:
    # The model is English-only: refuse clearly non-English text rather than
    # return confident nonsense. The language shows in the title and lead, and
    # checking only those keeps the check from doubling the cost per article.
    docs = [document_text(x, model.max_words) for x in batch]
    for i, doc in enumerate(docs):
        what = "the article" if len(batch) == 1 and not start else f"article {start + i}"
        ensure_english(doc[:_LANGUAGE_SAMPLE], what=what)
    # The texts are prepared once, here: predict_proba would prepare them again.
    proba = model._proba(model._features(docs))
    names = [str(t) for t in model.classes_]
    thresholds = {n: float(t) for n, t in zip(names, model.thresholds_, strict=True)}
    selected = (proba >= model.thresholds_).tolist()
    out = []
    for x, row, chosen in zip(batch, proba.tolist(), selected, strict=True):
        probs = dict(zip(names, map(round, row, repeat(4)), strict=True))
        ident = x.id if isinstance(x, Article) else None
        out.append(TopicResult(tuple(compress(names, chosen)), probs, thresholds, ident))
    return out


def classify(x: object, *, model: TopicClassifier | None = None) -> TopicResult:
    """Return the topics of one article.

    Parameters
    ----------
    x : Article, str or bytes
        The article. For an :class:`~newskit.Article` only title and body are
        read; a string is read as title + body text.
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

    Examples
    --------
    >>> r = classify("Air strikes hit rebel positions as the army advanced on the city.")
    >>> r.topics
    ('security',)
    >>> classify("").topics
    ()
    """
    return _results(_model(model), [x])[0]


def classify_many(
    xs: Iterable[object], *, batch_size: int = 512, model: TopicClassifier | None = None
) -> Iterator[TopicResult]:
    """Classify many articles lazily, ``batch_size`` at a time.

    Parameters
    ----------
    xs : iterable of Article, str or bytes
        The articles (a generator is fine: it is consumed batch by batch).
    batch_size : int
        Articles vectorised together; larger is faster up to a point.
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
    if isinstance(xs, str | bytes | Article) or not isinstance(xs, Iterable):
        raise InputTypeError(
            f"xs must be an iterable of articles, not {type(xs).__name__} "
            "(use classify() for one article)"
        )
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InputValueError(f"batch_size must be a positive int, not {batch_size!r}")
    fitted = _model(model)

    def generate() -> Iterator[TopicResult]:
        it = iter(xs)
        done = 0
        while batch := list(islice(it, batch_size)):
            yield from _results(fitted, batch, done)
            done += len(batch)

    return generate()


def explain(
    x: object, *, top: int = 10, model: TopicClassifier | None = None
) -> list[TopicExplanation]:
    """Explain, per topic, which terms of an article pushed its score up or down.

    Parameters
    ----------
    x : Article, str or bytes
        The article.
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
    ensure_english(document_text(x, fitted.max_words)[:_LANGUAGE_SAMPLE], what="the article")
    return explain_with(fitted, x, top)
