"""Telling an HTML document from text by how it starts."""

from __future__ import annotations

import re

__all__ = ["HTML_START", "starts_like_html"]

# After an optional BOM, whitespace, comments and XML declaration: a doctype or
# a document-level tag. Text dumps never start like this.
HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
    rb"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HEAD = 4096


def starts_like_html(text: str) -> bool:
    """Return ``True`` when ``text`` starts like an HTML document.

    >>> starts_like_html("  <!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> starts_like_html("Rain at last\\n\\n<p> is a paragraph tag.")
    False
    """
    return HTML_START.match(text[:_HEAD].encode("utf-8", "replace")) is not None
