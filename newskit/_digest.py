"""Parse, classify and summarize: one call for one source, a stream for many."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, TypeAlias

from newskit._article import Article
from newskit._articletext import ArticleText, article_text
from newskit._defaults import BATCH_SIZE, METHOD
from newskit._errors import InputTypeError, NewskitError
from newskit._input import refuse_table
from newskit._public import publish
from newskit._reading import articles_of
from newskit._serial import checked
from newskit._stream import stream_batches
from newskit._types import NewsInput, Record

if TYPE_CHECKING:
    from newskit.summarizers import Summary
    from newskit.summarizers._document import Document
    from newskit.topics import TopicClassifier, TopicResult

__all__ = [
    "ArticleDigest",
    "DigestRecord",
    "RecordId",
    "Unreadable",
    "digest",
    "digest_articles",
    "digest_many",
    "id_text",
]


#: What a record's id may be: a JSON scalar, kept as given (``123``, ``"123"``, ``1.0`` and
#: ``True`` are four different ids). ``None`` when the input had none.
RecordId: TypeAlias = str | int | float | bool | None


class Unreadable:
    """An input that could not even be read (e.g. a JSONL line that is not JSON).

    :func:`digest_many` turns it into a failed record with this id and reason.
    """

    def __init__(self, record_id: RecordId, reason: str) -> None:
        self.id = record_id
        self.reason = reason


def id_text(record_id: RecordId) -> str | None:
    """An id as the ``str`` an :class:`~newskit.Article` holds: strings as they are,
    numbers and booleans as JSON writes them (``123``, ``1.0``, ``true``).

    >>> [id_text(x) for x in ("a", 123, 1.0, True, None)]
    ['a', '123', '1.0', 'true', None]
    """
    if record_id is None or isinstance(record_id, str):
        return record_id
    return json.dumps(record_id)


def _valid_id(value: object) -> bool:
    return value is None or isinstance(value, str | int | float)


@dataclass
class ArticleDigest:
    """An article with its topics and its summary.

    Attributes
    ----------
    article : Article
        The parsed article.
    topics : TopicResult
        Its topics and their probabilities.
    summary : Summary
        Its extractive summary.
    """

    article: Article
    topics: TopicResult
    summary: Summary

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        return {
            "article": self.article.to_dict(),
            "topics": self.topics.to_dict(),
            "summary": self.summary.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleDigest:
        """Build an ArticleDigest from :meth:`to_dict` output (or its JSON)."""
        from newskit.summarizers import Summary
        from newskit.topics import TopicResult

        d = checked(data, "ArticleDigest", ["article", "topics", "summary"])
        return cls(
            Article.from_dict(d["article"]),
            TopicResult.from_dict(d["topics"]),
            Summary.from_dict(d["summary"]),
        )


@dataclass
class DigestRecord:
    """The outcome of one input of :func:`digest_many`.

    Attributes
    ----------
    id : str, int, float, bool or None
        The input's id, of the type it was given: the ``"id"`` of a record (a
        string, number or boolean; ``123`` and ``"123"`` are different ids) or
        ``Article.id``. ``None`` for a record with no id (or ``"id": None``),
        and for one whose id could not be used (an object or a list: that
        record fails, naming it). An input that is not a record (text, bytes,
        a path, an Article without id) gets its position in the input as a
        string (``"7"``).
    ok : bool
        ``False`` when the input could not be processed; see ``error``.
    articles : list of ArticleDigest
        The digests of the articles found in the input (a page dump may hold several).
    error : str or None
        ``"ErrorType: message"`` when ``ok`` is ``False``.
    """

    id: RecordId
    ok: bool
    articles: list[ArticleDigest] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        out: dict[str, Any] = {"id": self.id, "ok": self.ok}
        if self.ok:
            out["articles"] = [d.to_dict() for d in self.articles]
        else:
            out["error"] = self.error
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DigestRecord:
        """Build a DigestRecord from :meth:`to_dict` output, or from a line that
        ``newskit digest --jsonl`` wrote (its ``line`` and ``occurrence`` are not kept).
        """
        d = checked(data, "DigestRecord", ["id", "ok"], ["articles", "error", *_CLI_KEYS])
        if not isinstance(d["ok"], bool):
            raise InputTypeError(f"DigestRecord 'ok' must be true or false, not {d['ok']!r}")
        return cls(
            d["id"],
            d["ok"],
            [ArticleDigest.from_dict(a) for a in d.get("articles", [])],
            d.get("error"),
        )


#: Keys ``newskit digest --jsonl`` adds to a record's line (see ``docs/batch.rst``).
_CLI_KEYS = ("line", "occurrence")


@dataclass(frozen=True)
class _Options:
    """What every article of one digest call is asked for."""

    now: datetime | None = None
    method: str = METHOD
    length: dict[str, Any] = field(default_factory=dict)
    summary_options: dict[str, Any] = field(default_factory=dict)
    model: TopicClassifier | None = None


_RECORD_ERRORS = (NewskitError, TypeError, ValueError, RecursionError, MemoryError)


@dataclass
class _Work:
    """One input on its way through a batch: its articles, then their results, or its error."""

    id: RecordId
    articles: list[Article] = field(default_factory=list)
    texts: list[ArticleText] = field(default_factory=list)
    topics: list[TopicResult] = field(default_factory=list)
    docs: list[Document] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    error: str | None = None

    def fail(self, exc: BaseException) -> None:
        self.error = f"{type(exc).__name__}: {exc}"

    def record(self) -> DigestRecord:
        if self.error is not None:
            return DigestRecord(self.id, False, error=self.error)
        digests = [
            ArticleDigest(*x) for x in zip(self.articles, self.topics, self.summaries, strict=True)
        ]
        return DigestRecord(self.id, True, digests)


def _prepare(work: _Work, item: object, options: _Options) -> None:
    """Parse ``item``, make each article's text once and check it is English."""
    if isinstance(item, Unreadable):
        work.error = f"InputValueError: {item.reason}"
        return
    if isinstance(item, Mapping) and not _valid_id(item.get("id")):
        work.error = (
            "InputTypeError: record 'id' must be a string, a number, a boolean or null, "
            f"not {type(item['id']).__name__}"
        )
        return
    try:
        ident = id_text(work.id)
        work.articles = [
            replace(a, id=a.id or ident)
            for a in articles_of(item, now=options.now)  # type: ignore[arg-type]
        ]
        work.texts = [article_text(a) for a in work.articles]
        for t in work.texts:
            t.ensure_english(what="the article")
    except _RECORD_ERRORS as exc:
        work.fail(exc)


def _classify(batch: list[_Work], options: _Options) -> None:
    """Topics of every live record: one vectorised call for the batch, record by record
    only when that call fails."""
    from newskit.topics._api import _model, topic_results

    model = _model(options.model)
    live = [w for w in batch if w.error is None]

    def one(w: _Work) -> list[TopicResult]:
        return topic_results(model, w.texts, [a.id for a in w.articles])

    try:
        everything = topic_results(
            model,
            [t for w in live for t in w.texts],
            [a.id for w in live for a in w.articles],
        )
    except _RECORD_ERRORS:
        for w in live:
            try:
                w.topics = one(w)
            except _RECORD_ERRORS as exc:
                w.fail(exc)
        return
    flat = iter(everything)
    for w in live:
        w.topics = [next(flat) for _ in w.articles]


def _summarize(batch: list[_Work], options: _Options) -> None:
    """Summaries of every live record: one call for the batch, record by record only when
    that call fails."""
    from newskit.summarizers import summarize_documents
    from newskit.summarizers._document import document_of

    live = []
    for w in batch:
        if w.error is None:
            try:
                w.docs = [document_of(t) for t in w.texts]
            except _RECORD_ERRORS as exc:
                w.fail(exc)
                continue
            live.append(w)

    def summaries(docs: list[Document]) -> list[Summary]:
        return summarize_documents(
            docs, options.method, **options.length, **options.summary_options
        )

    try:
        flat = iter(summaries([d for w in live for d in w.docs]))
    except _RECORD_ERRORS:
        for w in live:
            try:
                w.summaries = summaries(w.docs)
            except _RECORD_ERRORS as exc:
                w.fail(exc)
        return
    for w in live:
        w.summaries = [next(flat) for _ in w.docs]


def _digest_batch(options: _Options, batch: list[tuple[int, object]]) -> list[DigestRecord]:
    """Digest one batch: parse everything, then classify and summarize it in bulk."""
    work = []
    for position, item in batch:
        w = _Work(_record_id(item, position))
        _prepare(w, item, options)
        work.append(w)
    _classify(work, options)
    _summarize(work, options)
    return [w.record() for w in work]


def _record_id(item: object, position: int) -> RecordId:
    """The id of a record as given (``None`` when it has none); an input that is not a
    record (text, a path, an Article without id) gets its position, as ``str``."""
    if isinstance(item, Unreadable):
        return item.id
    if isinstance(item, Article) and item.id is not None:
        return item.id
    if isinstance(item, Mapping):
        value = item.get("id")
        return value if _valid_id(value) else None
    return str(position)


def _options(
    now: datetime | None,
    method: str,
    n_sentences: int | None,
    ratio: float | None,
    max_words: int | None,
    model: TopicClassifier | None,
    summary_options: dict[str, Any],
) -> _Options:
    from newskit.summarizers._api import _request

    length = {
        k: v
        for k, v in (("n_sentences", n_sentences), ("ratio", ratio), ("max_words", max_words))
        if v is not None
    }
    # Check the request now, so a bad one fails the call instead of every record.
    _request(method, "newskit", n_sentences, ratio, max_words, dict(summary_options))
    if model is not None:
        from newskit.topics._api import _model

        _model(model)
    return _Options(now, method, length, dict(summary_options), model)


def digest_articles(
    articles: Iterable[Article],
    *,
    method: str = METHOD,
    n_sentences: int | None = None,
    ratio: float | None = None,
    max_words: int | None = None,
    model: TopicClassifier | None = None,
    **summary_options: Any,
) -> list[ArticleDigest]:
    """Classify and summarize already-parsed articles.

    Examples
    --------
    >>> from newskit import Article
    >>> art = Article(title="Parliament passes budget", body=[
    ...     "Parliament passed the budget on Tuesday after a long debate.",
    ...     "The opposition walked out before the vote."])
    >>> [d.summary.text for d in digest_articles([art], n_sentences=1)]
    ['Parliament passed the budget on Tuesday after a long debate.']
    """
    from newskit.summarizers import summarize_documents
    from newskit.summarizers._document import document_of
    from newskit.topics._api import _model, topic_results

    options = _options(None, method, n_sentences, ratio, max_words, model, summary_options)
    articles = list(articles)
    texts = [article_text(a) for a in articles]
    for t in texts:
        t.ensure_english(what="the article")
    topics = topic_results(_model(options.model), texts, [a.id for a in articles])
    summaries = summarize_documents(
        [document_of(t) for t in texts], method, **options.length, **options.summary_options
    )
    return [ArticleDigest(*x) for x in zip(articles, topics, summaries, strict=True)]


def digest(
    text: NewsInput,
    *,
    now: datetime | None = None,
    method: str = METHOD,
    n_sentences: int | None = None,
    ratio: float | None = None,
    max_words: int | None = None,
    model: TopicClassifier | None = None,
    **summary_options: Any,
) -> list[ArticleDigest]:
    """Parse ``text`` and classify and summarize every article in it.

    Parameters
    ----------
    text : str, bytes, pathlib.Path or Article
        A page copy or HTML page (as for :func:`newskit.parse`), a file
        holding one, or an Article.
    now : datetime, optional
        Reference time for relative dates such as "Updated 12 sec ago".
    method, n_sentences, ratio, max_words, **summary_options
        The summary request, as for :func:`newskit.summarize`.
    model : TopicClassifier, optional
        A topic model of your own (default: the shipped one).

    Returns
    -------
    list of ArticleDigest
        One per article found; ``[]`` for empty input.

    Examples
    --------
    >>> [d.article.title for d in digest("Rain ends drought\\n\\nRain fell at last.")]
    ['Rain ends drought']
    >>> digest("   ")
    []
    """
    articles = articles_of(text, now=now, name="text")
    return digest_articles(
        articles,
        method=method,
        n_sentences=n_sentences,
        ratio=ratio,
        max_words=max_words,
        model=model,
        **summary_options,
    )


def digest_many(
    texts: Iterable[NewsInput | Record],
    *,
    batch_size: int = BATCH_SIZE,
    n_jobs: int = 1,
    now: datetime | None = None,
    method: str = METHOD,
    n_sentences: int | None = None,
    ratio: float | None = None,
    max_words: int | None = None,
    model: TopicClassifier | None = None,
    **summary_options: Any,
) -> Iterator[DigestRecord]:
    """Digest a stream of inputs with bounded memory; one record per input, in input order.

    Parameters
    ----------
    texts : iterable
        Each item is an Article, str/bytes content or a pathlib.Path (as for
        :func:`newskit.parse`), or a mapping with an ``"id"`` and either
        ``"text"`` (optionally with ``"title"``) or ``"html"`` (optionally with
        ``"url"``). A generator is consumed lazily. A record's id is kept as
        given (a string, number or boolean); an object or list id fails that
        record, not the stream.
    batch_size : int
        Items handed to a worker at once; memory is bounded by
        ``batch_size`` times twice ``n_jobs``.
    n_jobs : int
        Worker processes (``-1``: all cores). Work goes through joblib, so
        ``joblib.parallel_config(backend=...)`` selects threads, loky, Dask or Ray.
    now, method, n_sentences, ratio, max_words, model, **summary_options
        As for :func:`digest`.

    Yields
    ------
    DigestRecord
        ``ok=False`` with the reason for an input that failed; the stream goes on.

    Examples
    --------
    >>> records = list(digest_many([{"id": "a", "text": "Floods hit the coast."}, None]))
    >>> [(r.id, r.ok) for r in records]
    [('a', True), ('1', False)]
    >>> records[1].error
    'InputTypeError: an input must be str, bytes, a path, an Article or a record dict, not NoneType'
    """
    refuse_table(texts)
    options = _options(now, method, n_sentences, ratio, max_words, model, summary_options)
    work = partial(_digest_batch, options)
    return stream_batches(work, enumerate(texts), n_jobs=n_jobs, batch_size=batch_size)


publish(__name__, globals(), ["ArticleDigest", "DigestRecord", "digest", "digest_many"])
