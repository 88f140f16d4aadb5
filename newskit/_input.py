"""Turning what users pass in into clean text.

Decisions (documented in ``docs/input.rst``):

* ``str`` is used as is (line endings normalised to ``\\n``).
* ``bytes``, ``bytearray`` and ``memoryview`` are decoded: a byte-order mark
  wins (UTF-8, UTF-16 and UTF-32); otherwise strict UTF-8. Bytes that are not
  all valid UTF-8 are still UTF-8 *with a few bad bytes* when their valid
  multi-byte UTF-8 characters outnumber their invalid sequences: each bad
  sequence becomes U+FFFD (the replacement character) and the rest is kept.
  Otherwise (no UTF-8 at all, or more bad than good) Windows-1252; if that
  fails too (five byte values are undefined in it), Latin-1, which never
  fails. (A Windows-1252 text almost never holds valid UTF-8 sequences: an
  accented letter or curly quote is one byte followed by ASCII.)
* Anything else raises :class:`~newskit.InputTypeError` (a ``TypeError``)
  naming what was expected and what was given.
* NUL bytes and other C0/C1 control characters except tab and newline are
  replaced by a space, so they can never glue two words together nor reach
  a downstream consumer that chokes on them.
* Input in which control characters make up more than a tenth of the text
  (at least eight of them, in the first 64 KiB) is binary data, not text:
  :class:`~newskit.InputValueError`. Reading it as text would only produce
  garbage articles, topics and summaries. (UTF-16 without a byte-order mark
  falls under this rule too: add the BOM or decode it yourself.)
"""

from __future__ import annotations

import codecs
import os
import re

from newskit._errors import InputTypeError, InputValueError

__all__ = ["decode_bytes", "ensure_text", "refuse_locator", "refuse_markup", "refuse_table"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SNIFF = 1 << 16
_MIN_CONTROLS = 8
_MAX_CONTROL_SHARE = 0.1


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
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` decoded as UTF-8 with U+FFFD for its bad bytes, if it is mostly UTF-8.

    Mostly UTF-8: its valid multi-byte characters outnumber its invalid
    sequences (each maximal invalid sequence counts once).

    >>> _mostly_utf8("“Quoted” – café".encode() + b"\\x92")
    '“Quoted” – café\\ufffd'
    >>> _mostly_utf8("café".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return text if good > bad else None


def ensure_text(value: object, *, name: str = "text") -> str:
    """Return ``value`` as clean ``str`` or raise :class:`~newskit.InputTypeError`.

    >>> ensure_text(b"a\\r\\nb")
    'a\\nb'
    >>> ensure_text(None)
    Traceback (most recent call last):
    ...
    newskit.InputTypeError: text must be str or bytes, not NoneType
    >>> ensure_text(bytes(range(256)))
    Traceback (most recent call last):
    ...
    newskit.InputValueError: text looks like binary data, not text (24% control characters)
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, bytes | bytearray | memoryview):
        text = decode_bytes(bytes(value))
    else:
        raise InputTypeError(f"{name} must be str or bytes, not {type(value).__name__}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The usual case, no control character. Printable text (its newlines aside) has
    # none, and str.isprintable is a C scan several times faster than the regex,
    # which runs only when it says no (a tab, a no-break space, a control character).
    if text.replace("\n", " ").isprintable() or _CONTROL.search(text) is None:
        return text
    head = text[:_SNIFF]
    controls = len(_CONTROL.findall(head))
    if controls >= _MIN_CONTROLS and controls > _MAX_CONTROL_SHARE * len(head):
        raise InputValueError(
            f"{name} looks like binary data, not text "
            f"({controls / len(head):.0%} control characters)"
        )
    return _CONTROL.sub(" ", text)


_URL = re.compile(r"(?:https?|ftp)://\S+|www\.[^\s/]+\.\S+", re.IGNORECASE)
_FILE_SUFFIX = re.compile(
    r".*\.(?:txt|text|html?|xhtml|xml|json|jsonl|md|csv|tsv|gz|xz|bz2|zip|pdf|docx?)",
    re.IGNORECASE,
)
_PATH_START = re.compile(r"(?:~|\.{1,2})?[/\\]|[A-Za-z]:[/\\]")
#: Longest string checked for being a file name or URL (longer is content).
_LOCATOR_MAX = 4096


def refuse_locator(text: str, *, name: str = "text") -> None:
    """Raise :class:`~newskit.InputValueError` when ``text`` is a URL or a file path.

    newskit reads a file only when given a :class:`pathlib.Path` and never
    downloads a page, so a one-line string that is a whole URL or looks like
    a file path (a known file suffix, a path separator and no space, or the
    name of an existing file) is refused with what to do instead, rather than
    read as a one-line article.

    >>> refuse_locator("Rain ends drought in the north")
    >>> refuse_locator("https://example.com/news/1")
    Traceback (most recent call last):
    ...
    newskit.InputValueError: text is a URL ('https://example.com/news/1'), not a page: ...
    >>> refuse_locator("article.txt")
    Traceback (most recent call last):
    ...
    newskit.InputValueError: text looks like a file path ('article.txt'), not news text: ...
    """
    s = text.strip()
    if not s or len(s) > _LOCATOR_MAX or "\n" in s:
        return
    if _URL.fullmatch(s):
        raise InputValueError(
            f"{name} is a URL ({s[:100]!r}), not a page: newskit never downloads. Fetch the "
            "page yourself and pass its HTML: newskit.parse_html(html, url=...)"
        )
    spaced = " " in s
    # The suffix pattern backtracks over every "." of a one-line text: the start of
    # a spaced string is tested first (text with a space is a path only if it starts as one).
    looks_like_path = (not spaced or _PATH_START.match(s) is not None) and (
        _FILE_SUFFIX.fullmatch(s) is not None
    )
    if not looks_like_path and not spaced:
        looks_like_path = bool(_PATH_START.match(s)) or ("/" in s and "." in s.rsplit("/", 1)[-1])
        if not looks_like_path:
            try:
                looks_like_path = os.path.isfile(s)
            except (OSError, ValueError):
                looks_like_path = False
    if looks_like_path:
        raise InputValueError(
            f"{name} looks like a file path ({s[:100]!r}), not news text: a str is always "
            f"content. To read the file, pass pathlib.Path({s[:100]!r})"
        )


def refuse_table(items: object, *, name: str = "texts") -> None:
    """Raise :class:`~newskit.InputTypeError` for a data frame passed as a batch of texts.

    Iterating a pandas or polars ``DataFrame`` yields its column *names*, so
    a batch function would see one text per column, not per row.
    """
    kind = type(items)
    if kind.__name__ == "DataFrame" and hasattr(items, "columns"):
        raise InputTypeError(
            f"{name} is a {kind.__module__.split('.')[0]} DataFrame, which iterates over its "
            "column names: pass one column, e.g. df['text'] (or df['text'].tolist())"
        )


#: An HTML tag (opening, closing or self-closing), a comment opener or a doctype.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,300})?/?>|<!--|<!doctype", re.IGNORECASE)
#: Characters of content checked for markup.
_MARKUP_SNIFF = 4096
#: At least this many tags, covering at least this share of the characters, is markup.
_MIN_TAGS = 5
_MIN_TAG_SHARE = 0.2


def refuse_markup(content: str | bytes, *, name: str = "text") -> None:
    """Raise :class:`~newskit.InputValueError` when ``content`` is HTML markup, not text.

    Called on content that :func:`~newskit.parsing.looks_like_html` did *not*
    take for an HTML page (that is parsed with :func:`~newskit.parse_html`):
    a fragment in which tags (at least five) make up a fifth or more of the
    first 4 KiB would otherwise be read as words (``td``, ``class``, ``font``)
    and classified or summarized as if it were prose.

    >>> refuse_markup("Use the <b> tag for bold text, the manual says.")
    >>> refuse_markup('<td class="a"><font face="x">' * 5 + "Rain fell.")
    Traceback (most recent call last):
    ...
    newskit.InputValueError: text is HTML markup (10 tags in its first 155 characters), not ...
    """
    head = content[:_MARKUP_SNIFF]
    sample = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    if "<" not in sample:  # every tag starts with one (one C scan, not a regex)
        return
    tags = _TAG.findall(sample)
    if len(tags) < _MIN_TAGS:
        return
    if sum(map(len, tags)) >= _MIN_TAG_SHARE * len(sample.strip()):
        raise InputValueError(
            f"{name} is HTML markup ({len(tags)} tags in its first {len(sample):,} characters), "
            "not text: pass the whole page to newskit.parse_html(html, url=...) and use the "
            "Article it returns"
        )
