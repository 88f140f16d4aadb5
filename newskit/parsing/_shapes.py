"""What single lines look like: headline, subhead, byline, dateline, caption.

Each test looks at one stripped line and at most its first few hundred
characters, so it costs O(1) per line whatever the input.
"""

from __future__ import annotations

import re

__all__ = [
    "byline_authors",
    "is_caption",
    "is_title_case",
    "is_title_like",
    "split_dateline",
    "subhead",
]

_OPEN_QUOTES = "'\"‘“«"
_CLOSE_QUOTES = "'\"’”»"
_NO_FINAL = ".,;:)"
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on"}
    | {"or", "over", "per", "the", "to", "up", "via", "vs", "with"}
)
_NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "la", "le", "van"}
    | {"von", "y"}
)
_BYLINE = re.compile(r"(?:By|BY)\s+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\||\band\b)\s*")
_DATELINE = re.compile(
    r"([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]*){0,3})"  # the place, in capitals
    r"(,[ A-Za-z0-9.]{1,24})?"  # ", Nov 14" or ", Calif."
    r"( \([A-Za-z.]{2,20}\))?"  # " (Reuters)"
    r"(?::\s*| ?[—–] ?| --? )(?=\S)"
)
_CREDIT = re.compile(
    r"\b(?:photo|photos|photograph|image|reuters|ap|afp|getty|file|epa|pool|handout|courtesy"
    r"|xinhua|anadolu|shutterstock|supplied|credit)\b",
    re.IGNORECASE,
)
_CAPTION_PREFIXES = ("photo:", "image:", "picture:", "caption:")
_BAD_START = ".,;:!?)]}-–—"
_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.?!] +[A-Z]|[?!] +[A-Z]")


def _final_char(text: str) -> str:
    stripped = text.rstrip(_CLOSE_QUOTES)
    return stripped[-1:] if stripped else ""


def is_title_like(text: str) -> bool:
    """Return ``True`` when a line could be a headline.

    A headline has 2 to 30 words and at most 300 characters. It does not
    start with a lower-case letter (unless its first word has a capital, as in
    ``iTunes``) nor with punctuation that closes or continues something
    (``. , ; : ! ? ) ] -``). It does not end in ``. , ; :`` (closing quotes
    ignored; an ellipsis ``...`` is fine) nor in ``)`` unless the brackets are
    short (``France v Wales (Sat)``), and it holds no sentence break
    (``word. Next``, ``? Next``, ``! Next``).

    >>> is_title_like("Beijing pushes for own security staff")
    True
    >>> is_title_like("$1m payoff for former boss"), is_title_like("iTunes sells more songs")
    (True, True)
    >>> is_title_like("He declined to comment."), is_title_like("Lahore")
    (False, False)
    >>> is_title_like("Why now? Nobody could say")
    False
    """
    if len(text) > 300:
        return False
    first = text[0]
    if first in _BAD_START:
        return False
    if first.islower():
        head = text.split(maxsplit=1)[0]
        if not any(ch.isupper() for ch in head):
            return False
    stripped = text.rstrip(_CLOSE_QUOTES)
    if not stripped:
        return False
    last = stripped[-1]
    if last in ".,;:" and not stripped.endswith(("...", "…")):
        return False
    if last == ")" and "(" not in stripped[-14:]:
        return False
    if not 2 <= len(text.split()) <= 30:
        return False
    return _SENTENCE_BREAK.search(text) is None


def _is_caps(text: str) -> bool:
    # str.isupper: every cased character is upper case and there is one at least;
    # letters must also be most of the line ("2000 GMT" is a time, not a subhead)
    if not text.isupper():
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 2 and 2 * letters >= len(text) - text.count(" ")


def is_title_case(words: list[str]) -> bool:
    """Return ``True`` when every word but short function words starts with a capital or digit.

    >>> is_title_case("Counting the Cost of Floods".split())
    True
    >>> is_title_case("Counting the cost of floods".split())
    False
    """
    for i, word in enumerate(words):
        core = word.strip(_OPEN_QUOTES + _CLOSE_QUOTES + "()-–—")
        if not core:
            continue
        if i > 0 and core.lower() in _SMALL_WORDS:
            continue
        if not (core[0].isupper() or core[0].isdigit()):
            return False
    return True


def subhead(text: str, *, isolated: bool) -> str | None:
    """Return the heading of a subhead line (quotes removed), or ``None``.

    Three shapes are subheads (the caller also checks that body text follows):

    * quoted capitals: ``'GRAVE SECURITY BREACH'`` (up to 12 words);
    * capitals: ``WHAT COMES NEXT`` (up to 12 words, no final ``. , ; :``,
      letters at least half of the non-space characters);
    * Title Case, only when ``isolated`` (a blank line before and after):
      2 to 8 words, every word but short function words capitalised, no
      comma or semicolon, no final punctuation other than ``?``.

    >>> subhead("'GRAVE SECURITY BREACH'", isolated=False)
    'GRAVE SECURITY BREACH'
    >>> subhead("Counting the Cost", isolated=True)
    'Counting the Cost'
    >>> subhead("Counting the Cost", isolated=False) is None
    True
    >>> subhead("It rained all night", isolated=True) is None
    True
    """
    if len(text) > 120:
        return None
    words = text.split()
    if len(words) > 12:
        return None
    if len(text) >= 3 and text[0] in _OPEN_QUOTES and text[-1] in _CLOSE_QUOTES:
        inner = text[1:-1].strip()
        if inner and _is_caps(inner) and inner[-1] not in _NO_FINAL:
            return inner
        return None
    if _final_char(text) in _NO_FINAL:
        return None
    if _is_caps(text):
        return text
    if not isolated or not 2 <= len(words) <= 8 or "," in text or ";" in text:
        return None
    if text[-1] in "!.:" or not text[0].isupper():
        return None
    return text if is_title_case(words) else None


def byline_authors(text: str) -> list[str] | None:
    """Return the names of a ``By ...`` line, or ``None`` when it is not a byline.

    Every name must be 1 to 5 capitalised words (name particles such as
    ``van`` or ``al`` allowed); names are split on ``,``, ``&``, ``|`` and ``and``.

    >>> byline_authors("By Maria Lopez and Tom O'Neill")
    ['Maria Lopez', "Tom O'Neill"]
    >>> byline_authors("By the numbers") is None
    True
    """
    m = _BYLINE.match(text)
    if m is None or len(text) > 120:
        return None
    rest = text[m.end() :]
    if not rest or rest[-1] in ".!?:;,":
        return None
    names = [n for n in _AUTHOR_SPLIT.split(rest) if n]
    if not names:
        return None
    for name in names:
        parts = name.split()
        if not 1 <= len(parts) <= 5:
            return None
        for part in parts:
            if not (part[0].isupper() or part.lower() in _NAME_PARTICLES):
                return None
    return names


def split_dateline(text: str) -> tuple[str, str] | None:
    """Split ``'ISLAMABAD: Beijing is ...'`` into place and paragraph, or return ``None``.

    The dateline is the text before ``:``, ``—``, ``–`` or `` - `` when it
    starts with a place in capitals, optionally followed by ``, <date or
    state>`` and ``(Agency)``; it is kept whole.

    >>> split_dateline("ISLAMABAD: Beijing is pushing Pakistan.")
    ('ISLAMABAD', 'Beijing is pushing Pakistan.')
    >>> split_dateline("NEW YORK, Nov 14 (Reuters) - Stocks rose.")
    ('NEW YORK, Nov 14 (Reuters)', 'Stocks rose.')
    >>> split_dateline("The UN said so.") is None
    True
    """
    m = _DATELINE.match(text[:80])
    if m is None:
        return None
    place = "".join(g for g in m.groups() if g).strip()
    rest = text[m.end() :]
    if not rest.strip() or sum(ch.isalpha() for ch in m.group(1)) < 2:
        return None
    return place, rest.strip()


def is_caption(text: str) -> bool:
    """Return ``True`` for an image caption: a photo credit in final brackets or a ``Photo:`` label.

    >>> is_caption("Rescuers search the rubble in Karachi. (AP Photo/File)")
    True
    >>> is_caption("Police said five people died (two of them children).")
    False
    """
    if text.lower().startswith(_CAPTION_PREFIXES):
        return True
    if not text.endswith(")"):
        return False
    opening = text.rfind("(", max(0, len(text) - 80))
    if opening < 0:
        return False
    inner = text[opening + 1 : -1]
    return "/" in inner or _CREDIT.search(inner) is not None
