"""Turning whatever a user passes into articles, or refusing it with what to do instead.

* an :class:`~newskit.Article` is used as it is;
* a :class:`pathlib.Path` (any :class:`os.PathLike`) is read and parsed;
* ``str`` or ``bytes`` content is HTML or text, told apart by
  :func:`~newskit.parsing.looks_like_html`; a ``str`` that is a whole URL or
  looks like a file path is refused (:func:`newskit._input.refuse_locator`),
  and so is text that is HTML markup but not a page
  (:func:`newskit._input.refuse_markup`);
* a record dict (``digest_many``) holds ``text`` (and optionally ``title``) or
  ``html`` (and optionally ``url``);
* anything else is an :class:`~newskit.InputTypeError`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime

from newskit._article import Article
from newskit._errors import InputTypeError, InputValueError
from newskit._input import refuse_locator, refuse_markup
from newskit._types import Content, NewsInput, Record

__all__ = ["articles_of", "one_article"]


def one_article(text: NewsInput, *, name: str = "text") -> Article | Content:
    """The one article ``text`` holds, for functions that read a single article.

    Plain text content comes back as it is (its title, if any, is its first
    paragraph); HTML content and files are parsed. A file that holds several
    articles is refused: which one was meant cannot be guessed.
    """
    # from the modules, not the package: a from-import of a package runs
    # importlib's Python-level fromlist handling on every call
    from newskit.parsing._dispatch import looks_like_html, parse
    from newskit.parsing._html import parse_html

    if isinstance(text, Article):
        return text
    if isinstance(text, os.PathLike):
        found = parse(text)
        if len(found) > 1:
            raise InputValueError(
                f"{os.fspath(text)} holds {len(found)} articles; parse it with newskit.parse() "
                "and pass the articles one by one (or use a *_many function)"
            )
        return found[0] if found else Article()
    if isinstance(text, str):
        refuse_locator(text, name=name)
    elif not isinstance(text, bytes | bytearray | memoryview):
        raise InputTypeError(
            f"{name} must be str, bytes, a pathlib.Path or a newskit.Article, "
            f"not {type(text).__name__}"
        )
    content = bytes(text) if isinstance(text, bytearray | memoryview) else text
    if looks_like_html(content):
        return parse_html(content)
    refuse_markup(content, name=name)
    return content


def articles_of(
    item: NewsInput | Record, *, now: datetime | None = None, name: str = "an input"
) -> list[Article]:
    """Every article of one input of :func:`newskit.digest` or :func:`newskit.digest_many`."""
    from newskit.parsing import looks_like_html, parse, parse_html, parse_text

    if isinstance(item, Article):
        return [item]
    if isinstance(item, Mapping):
        if "html" in item:
            html = item["html"]
            if isinstance(html, str):
                refuse_locator(html, name="record 'html'")
            return [parse_html(html, url=item.get("url"))]
        if "text" not in item:
            raise InputValueError("a record needs a 'text' or an 'html' key")
        text = item["text"]
        if not isinstance(text, str):
            raise InputTypeError(f"record 'text' must be a string, not {type(text).__name__}")
        refuse_locator(text, name="record 'text'")  # also when a title is put before it
        refuse_markup(text, name="record 'text'")
        title = item.get("title")
        if title:
            # A title line then the text: the parser reads it as one titled article.
            text = f"{title}\n\n{text}"
        return parse_text(text, now=now)
    if not isinstance(item, str | bytes | bytearray | memoryview | os.PathLike):
        raise InputTypeError(
            f"{name} must be str, bytes, a path, an Article or a record dict, "
            f"not {type(item).__name__}"
        )
    if isinstance(item, os.PathLike):
        return parse(item, now=now)
    if isinstance(item, str):
        refuse_locator(item, name=name)
    content = bytes(item) if isinstance(item, bytearray | memoryview) else item
    if not looks_like_html(content):
        refuse_markup(content, name=name)
    return parse(content, now=now)
