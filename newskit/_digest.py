"""Parse, classify and summarize: one call for one source, a stream for many."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from newskit._article import Article
from newskit._errors import InputTypeError, InputValueError, NewskitError
from newskit._stream import stream_batches

if TYPE_CHECKING:
    from newskit.summarizers import Summary
    from newskit.summarizers._document import Document
    from newskit.topics import TopicResult

__all__ = [
    "ArticleDigest",
    "DigestRecord",
    "Unreadable",
    "digest",
    "digest_articles",
    "digest_many",
]


class Unreadable:
    """An input that could not even be read (e.g. a JSONL line that is not JSON).

    :func:`digest_many` turns it into a failed record with this id and reason.
    """

    def __init__(self, record_id: str, reason: str) -> None:
        self.id = record_id
        self.reason = reason


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


@dataclass
class DigestRecord:
    """The outcome of one input of :func:`digest_many`.

    Attributes
    ----------
    id : str or None
        The input's id (the ``"id"`` key of a record, ``Article.id``), or its
        position in the input when it had none.
    ok : bool
        ``False`` when the input could not be processed; see ``error``.
    articles : list of ArticleDigest
        The digests of the articles found in the input (a page dump may hold several).
    error : str or None
        ``"ErrorType: message"`` when ``ok`` is ``False``.
    """

    id: str | None
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


def digest_articles(
    articles: Iterable[Article], *, sentences: int = 3, method: str = "default"
) -> list[ArticleDigest]:
    """Classify and summarize already-parsed articles.

    Examples
    --------
    >>> from newskit import Article
    >>> art = Article(title="Parliament passes budget", body=[
    ...     "Parliament passed the budget on Tuesday after a long debate.",
    ...     "The opposition walked out before the vote."])
    >>> [d.summary.text for d in digest_articles([art], sentences=1)]
    ['Parliament passed the budget on Tuesday after a long debate.']
    """
    articles = list(articles)
    from newskit.summarizers import summarize_documents
    from newskit.summarizers._document import build_document
    from newskit.topics import classify_many

    topics = list(classify_many(articles))
    docs = [build_document(a, check_language=False) for a in articles]
    summaries = summarize_documents(docs, method, sentences=sentences)
    return [ArticleDigest(*x) for x in zip(articles, topics, summaries, strict=True)]


def digest(
    source: object,
    *,
    now: datetime | None = None,
    sentences: int = 3,
    method: str = "default",
) -> list[ArticleDigest]:
    """Parse ``source`` and classify and summarize every article in it.

    Parameters
    ----------
    source : str, bytes, os.PathLike or Article
        A page dump or HTML page (as for :func:`newskit.parse`), or an Article.
    now : datetime, optional
        Reference time for relative dates such as "Updated 12 sec ago".
    sentences : int
        Summary length.
    method : str
        Summarization method (see :func:`newskit.summarize`).

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
    return digest_articles(_articles_of(source, now), sentences=sentences, method=method)


def _articles_of(item: object, now: datetime | None) -> list[Article]:
    from newskit.parsing import parse, parse_html, parse_text

    if isinstance(item, Article):
        return [item]
    if isinstance(item, Mapping):
        if "html" in item:
            article = parse_html(item["html"], url=item.get("url"))
            return [article]
        if "text" not in item:
            raise InputValueError("a record needs a 'text' or an 'html' key")
        text = item["text"]
        if not isinstance(text, str):
            raise InputTypeError(f"record 'text' must be a string, not {type(text).__name__}")
        title = item.get("title")
        if title:
            # A title line then the text: the parser reads it as one titled article.
            text = f"{title}\n\n{text}"
        return parse_text(text, now=now)
    if not isinstance(item, str | bytes | os.PathLike):
        raise InputTypeError(
            f"an input must be str, bytes, a path, an Article or a record dict, "
            f"not {type(item).__name__}"
        )
    return parse(item, now=now)


def _record_id(item: object, position: int) -> str:
    if isinstance(item, Article) and item.id is not None:
        return item.id
    if isinstance(item, Mapping) and item.get("id") is not None:
        return str(item["id"])
    return str(position)


_RECORD_ERRORS = (NewskitError, TypeError, ValueError, RecursionError, MemoryError)


def _failed(rid: str | None, exc: BaseException) -> DigestRecord:
    return DigestRecord(rid, False, error=f"{type(exc).__name__}: {exc}")


def _classify_records(
    records: list[list[Article]],
) -> Iterator[list[TopicResult] | BaseException]:
    """Topics of every record's articles: one vectorised call for the batch, and
    record by record only if some record's text is refused (e.g. not English)."""
    from newskit.topics import classify_many

    everything = [a for articles in records for a in articles]
    try:
        flat = iter(list(classify_many(everything, batch_size=max(1, len(everything)))))
    except _RECORD_ERRORS:
        for articles in records:
            try:
                yield list(classify_many(articles)) if articles else []
            except _RECORD_ERRORS as exc:
                yield exc
        return
    for articles in records:
        yield [next(flat) for _ in articles]


def _digest_batch(
    batch: list[tuple[int, object]], *, now: datetime | None, sentences: int, method: str
) -> list[DigestRecord]:
    from newskit.summarizers._document import build_document

    # Parse every input first, so the whole batch is classified in one vectorised call.
    parsed: list[tuple[str, list[Article]] | DigestRecord] = []
    for position, item in batch:
        if isinstance(item, Unreadable):
            parsed.append(DigestRecord(item.id, False, error=f"InputValueError: {item.reason}"))
            continue
        rid = _record_id(item, position)
        try:
            articles = [replace(a, id=a.id or rid) for a in _articles_of(item, now)]
        except _RECORD_ERRORS as exc:
            parsed.append(_failed(rid, exc))
            continue
        parsed.append((rid, articles))
    topics = _classify_records([p[1] for p in parsed if not isinstance(p, DigestRecord)])
    # Then split every article into sentences (a bad one fails its record only),
    # and summarize the whole batch in one vectorised call too.
    staged: list[tuple[str, list[Article], list[TopicResult], list[Document]] | DigestRecord] = []
    for p in parsed:
        if isinstance(p, DigestRecord):
            staged.append(p)
            continue
        rid, articles = p
        their_topics = next(topics)
        try:
            if isinstance(their_topics, BaseException):
                raise their_topics
            docs = [build_document(a, check_language=False) for a in articles]
        except _RECORD_ERRORS as exc:
            staged.append(_failed(rid, exc))
            continue
        staged.append((rid, articles, their_topics, docs))
    summaries = _summarize_records(
        [s[3] for s in staged if not isinstance(s, DigestRecord)], method, sentences
    )
    out = []
    for s in staged:
        if isinstance(s, DigestRecord):
            out.append(s)
            continue
        rid, articles, their_topics, _ = s
        theirs = next(summaries)
        if isinstance(theirs, BaseException):
            out.append(_failed(rid, theirs))
            continue
        digests = [
            ArticleDigest(a, t, m) for a, t, m in zip(articles, their_topics, theirs, strict=True)
        ]
        out.append(DigestRecord(rid, True, digests))
    return out


def _summarize_records(
    records: list[list[Document]], method: str, sentences: int
) -> Iterator[list[Summary] | BaseException]:
    """Summaries of every record's documents: one call for the batch, and record by
    record only if some record fails."""
    from newskit.summarizers import summarize_documents

    everything = [d for docs in records for d in docs]
    try:
        flat = iter(summarize_documents(everything, method, sentences=sentences))
    except _RECORD_ERRORS:
        for docs in records:
            try:
                yield summarize_documents(docs, method, sentences=sentences)
            except _RECORD_ERRORS as exc:
                yield exc
        return
    for docs in records:
        yield [next(flat) for _ in docs]


def digest_many(
    items: Iterable[object],
    *,
    n_jobs: int = 1,
    batch_size: int = 64,
    now: datetime | None = None,
    sentences: int = 3,
    method: str = "default",
) -> Iterator[DigestRecord]:
    """Digest a stream of inputs with bounded memory; one record per input, in input order.

    Parameters
    ----------
    items : iterable
        Each item is an Article, a str/bytes/path source (as for
        :func:`newskit.parse`), or a mapping with an ``"id"`` and either
        ``"text"`` (optionally with ``"title"``) or ``"html"`` (optionally with
        ``"url"``). A generator is consumed lazily.
    n_jobs : int
        Worker processes (``-1``: all cores). Work goes through joblib, so
        ``joblib.parallel_config(backend=...)`` selects threads, loky, Dask or Ray.
    batch_size : int
        Items handed to a worker at once; memory is bounded by
        ``batch_size`` times twice ``n_jobs``.
    now, sentences, method
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
    work = partial(_digest_batch, now=now, sentences=sentences, method=method)
    return stream_batches(work, enumerate(items), n_jobs=n_jobs, batch_size=batch_size)
