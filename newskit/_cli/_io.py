"""Reading inputs and writing outputs for CLI commands."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from newskit._article import Article
from newskit._cli._common import read_input
from newskit._errors import InputValueError
from newskit._input import ensure_text

__all__ = ["load_articles", "parse_now", "print_articles_text", "read_source", "write_json"]


def read_source(path: str) -> str:
    """Read ``path`` (or standard input for ``-``) as text, decoded like the API does."""
    return ensure_text(read_input(path), name="standard input" if path == "-" else path)


def parse_now(value: str | None) -> datetime | None:
    """Parse the ``--now`` option."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputValueError(f"--now must be an ISO 8601 datetime, not {value!r}") from exc


def load_articles(path: str, *, now: str | None = None) -> list[Article]:
    """Read ``path`` (``-``: standard input) and parse it: HTML or text dump, by content."""
    from newskit.parsing import parse

    when = parse_now(now)
    return parse(read_input(path), now=when)


def write_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to standard output."""
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def format_article(article: Article, number: int) -> str:
    """Render one article for people to read."""
    lines = [f"# {number}. {article.title or '(untitled)'}"]
    if article.updated_text or article.published_text:
        stamp = article.updated or article.published
        raw = article.updated_text or article.published_text
        lines.append(f"date: {stamp.isoformat() if stamp else '(unresolved)'}  [{raw}]")
    if article.dateline:
        lines.append(f"dateline: {article.dateline}")
    if article.authors:
        lines.append("by: " + ", ".join(article.authors))
    for caption in article.captions:
        lines.append(f"caption: {caption}")
    for item in article.highlights:
        lines.append(f"  * {item}")
    lines.append("")
    in_sections = sum(len(s.paragraphs) for s in article.sections)
    lead = article.body[: len(article.body) - in_sections]
    blocks = [(None, lead)] + [(s.heading, s.paragraphs) for s in article.sections]
    for heading, paragraphs in blocks:
        if heading:
            lines += [f"## {heading}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)


def print_articles_text(articles: list[Article]) -> None:
    """Print articles in the human-readable text format."""
    if not articles:
        print("(no articles found)")
    for i, article in enumerate(articles, 1):
        print(format_article(article, i))
