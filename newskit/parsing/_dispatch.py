"""One entry point for every kind of input: :func:`parse` sniffs HTML or a text dump.

The rule (documented in ``docs/html.rst``):

* A :class:`pathlib.Path` (any :class:`os.PathLike`) is read as a file, as bytes.
  A ``str`` is always content, never a file name: a one-line text that happens
  to name a file must not be read from disk behind the caller's back.
* The content is HTML when, after a byte-order mark and leading whitespace or
  HTML comments, it starts with ``<!doctype html``, ``<html``, ``<head``,
  ``<body`` or an XML declaration followed by ``<html``; or when its first
  4 KiB hold an ``<html``, ``<head>`` or ``<body`` tag; or when it holds at
  least three block-level HTML tags (``<p>``, ``<div``, ``<article``, ...)
  per kilobyte of text in its first 4 KiB. Anything else is a text dump.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from newskit._article import Article
from newskit._errors import InputTypeError, InputValueError
from newskit._input import refuse_locator
from newskit.parsing._html import parse_html
from newskit.parsing._sniff import HTML_START
from newskit.parsing._text import parse_text

__all__ = ["looks_like_html", "parse"]

_HEAD = 4096
_DOC_TAG = re.compile(rb"<(?:html|body)[\s>]|<head>", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    rb"<(?:p|div|article|section|br|h[1-6]|ul|li|table|span|a)[\s>/]", re.IGNORECASE
)


def looks_like_html(data: str | bytes) -> bool:
    """Return ``True`` when ``data`` is HTML by the rule in the module docstring.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("<p>One.</p><p>Two.</p><p>Three.</p>")
    True
    >>> looks_like_html("Rain at last\\n\\nIt rained. People cheered <3.")
    False
    """
    head = data[:_HEAD]
    # Every pattern below needs a "<" (one C scan, not three regexes). UTF-8 writes
    # "<" as that byte and no other character with it: a str is scanned unencoded.
    if isinstance(head, str) and "<" not in head:
        return False
    raw = head.encode("utf-8", "replace") if isinstance(head, str) else bytes(head)
    if b"<" not in raw:
        return False
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: sniff the decoded text
        raw = raw.decode("utf-16", "replace").encode("utf-8", "replace")
    if HTML_START.match(raw) or _DOC_TAG.search(raw):
        return True
    tags = len(_BLOCK_TAG.findall(raw))
    return tags >= 3 and tags * 1024 >= 3 * len(raw)


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    url: str | None = None,
    now: datetime | None = None,
) -> list[Article]:
    """Parse an HTML page or a text dump, whichever ``source`` holds.

    Parameters
    ----------
    source : str, bytes or path-like
        Content (``str`` / ``bytes``), or a :class:`pathlib.Path` to read.
        A ``str`` is never taken for a file name; wrap it in ``Path`` to read
        a file (a one-line ``str`` that is a URL or looks like a file path is
        refused, see :doc:`/input`). HTML is told from text by content (see
        :doc:`/html`).
    url : str, optional
        The page's address, passed to :func:`~newskit.parse_html`; for a text
        dump it becomes :attr:`Article.url` of articles that have none.
    now : datetime, optional
        Reference time for relative dates in text dumps
        (see :func:`~newskit.parse_text`).

    Returns
    -------
    list of Article
        For HTML, the page's article, or ``[]`` when the page is not an
        article (use :func:`~newskit.parse_html` to get its metadata anyway);
        for a text dump, every article :func:`~newskit.parse_text` finds.

    Raises
    ------
    InputTypeError
        If ``source`` is not ``str``, ``bytes`` or path-like, or ``url`` is
        not a ``str``.
    InputValueError
        If a path cannot be read (missing, a directory, no permission), or a
        ``str`` is a URL or a file path rather than content.

    Examples
    --------
    >>> html = ("<html><body><article><h1>Quiet night</h1><p>Nothing at all happened in "
    ...         "the town last night, the police said on a bright and cold morning.</p><p>"
    ...         "Residents were relieved, and the mayor thanked the volunteers.</p></article>"
    ...         "</body></html>")
    >>> [a.title for a in parse(html)]
    ['Quiet night']
    >>> parse("")
    []
    """
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be str or None, not {type(url).__name__}")
    data: str | bytes
    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputValueError(f"cannot read {path}: {exc.strerror or exc}") from exc
    elif isinstance(source, str | bytes):
        if isinstance(source, str):
            refuse_locator(source, name="source")  # a URL or file name, not content
        data = source
    elif isinstance(source, bytearray | memoryview):
        data = bytes(source)
    else:
        raise InputTypeError(f"source must be str, bytes or a path, not {type(source).__name__}")
    if looks_like_html(data):
        article = parse_html(data, url=url)
        return [article] if article.is_article else []
    articles = parse_text(data, now=now)
    if url is not None:
        for article in articles:
            article.url = article.url or url
    return articles
