"""Decoding HTML bytes to text.

The rule (documented in ``docs/html.rst``):

1. A byte-order mark wins (UTF-8, UTF-16, UTF-32).
2. Bytes that are valid UTF-8 are UTF-8, whatever the page declares: legacy
   declarations (``iso-8859-1``) on pages re-saved as UTF-8 are common, while
   non-ASCII text in a legacy encoding is almost never valid UTF-8 by chance.
3. Otherwise the charset declared in the first 4 KiB (``<meta charset>``,
   ``<meta http-equiv="Content-Type">`` or an XML declaration) is used, with
   ``iso-8859-1`` / ``ascii`` read as Windows-1252 as browsers do.
4. Otherwise Windows-1252, and Latin-1 for the five bytes Windows-1252 leaves
   undefined.
"""

from __future__ import annotations

import codecs
import re

from newskit._errors import InputTypeError
from newskit._input import decode_bytes, ensure_text

__all__ = ["decode_html"]

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.\-]+)""",
    re.IGNORECASE,
)
# Browsers read these labels as Windows-1252, a superset of them.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def declared_charset(data: bytes) -> str | None:
    """Return the Python codec name declared in the first 4 KiB of ``data``, if usable.

    >>> declared_charset(b'<meta charset="ISO-8859-1">')
    'cp1252'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    'koi8-r'
    >>> declared_charset(b"<p>none</p>") is None
    True
    """
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(html: object) -> str:
    """Return ``html`` as clean text, decoding bytes by the rule in the module docstring.

    >>> decode_html("caf\\xe9".encode("utf-8"))
    'café'
    >>> decode_html(b"<meta charset=windows-1252><p>\\x93hi\\x94</p>")
    '<meta charset=windows-1252><p>“hi”</p>'
    """
    if isinstance(html, str):
        return ensure_text(html, name="html")
    if not isinstance(html, bytes | bytearray | memoryview):
        raise InputTypeError(f"html must be str or bytes, not {type(html).__name__}")
    data = bytes(html)
    if data.startswith(_BOMS) or data[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        return ensure_text(decode_bytes(data), name="html")
    try:
        return ensure_text(data.decode("utf-8"), name="html")
    except UnicodeDecodeError:
        pass
    codec = declared_charset(data)
    if codec is not None and codec not in ("utf-8", "utf-16", "utf-32"):
        try:
            return ensure_text(data.decode(codec), name="html")
        except UnicodeDecodeError:
            pass
    # decode_bytes falls back to Windows-1252, then Latin-1.
    return ensure_text(decode_bytes(data), name="html")
