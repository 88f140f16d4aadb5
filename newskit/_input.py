"""Turning what users pass in into clean text.

Decisions (documented in ``docs/input.rst``):

* ``str`` is used as is (line endings normalised to ``\\n``).
* ``bytes``, ``bytearray`` and ``memoryview`` are decoded: a byte-order mark
  wins (UTF-8, UTF-16 and UTF-32); otherwise strict UTF-8; if that fails,
  Windows-1252; if that fails too (five byte values are undefined in it),
  Latin-1, which never fails.
* Anything else raises :class:`~newskit.InputTypeError` (a ``TypeError``)
  naming what was expected and what was given.
* NUL bytes and other C0/C1 control characters except tab and newline are
  replaced by a space, so they can never glue two words together nor reach
  a downstream consumer that chokes on them.
"""

from __future__ import annotations

import codecs
import re

from newskit._errors import InputTypeError

__all__ = ["decode_bytes", "ensure_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` using the documented fallback chain.

    >>> decode_bytes("café".encode("utf-8"))
    'café'
    >>> decode_bytes("café".encode("latin-1"))
    'café'
    >>> decode_bytes("\\ufeffhi".encode("utf-16"))
    'hi'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def ensure_text(value: object, *, name: str = "text") -> str:
    """Return ``value`` as clean ``str`` or raise :class:`~newskit.InputTypeError`.

    >>> ensure_text(b"a\\r\\nb")
    'a\\nb'
    >>> ensure_text(None)
    Traceback (most recent call last):
    ...
    newskit._errors.InputTypeError: text must be str or bytes, not NoneType
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, bytes | bytearray | memoryview):
        text = decode_bytes(bytes(value))
    else:
        raise InputTypeError(f"{name} must be str or bytes, not {type(value).__name__}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)
