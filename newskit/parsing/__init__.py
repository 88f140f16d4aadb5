"""Parsers that turn raw news (page dumps) into :class:`~newskit.Article` objects."""

from newskit._public import publish
from newskit.parsing._dispatch import looks_like_html, parse
from newskit.parsing._html import parse_html
from newskit.parsing._text import parse_text

__all__ = ["looks_like_html", "parse", "parse_html", "parse_text"]

publish(__name__, globals(), __all__)
