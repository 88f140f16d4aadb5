"""Parsers that turn raw news (page dumps) into :class:`~newskit.Article` objects."""

from newskit.parsing._text import parse_text

__all__ = ["parse_text"]
