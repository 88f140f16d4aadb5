"""Stage "blocks": re-join the lines of a text that a renderer hard-wrapped at a fixed width.

Text browsers print a page at a fixed width: ``w3m -dump -cols 100`` breaks every
paragraph into lines of at most 100 columns, ``lynx -dump`` into lines of at most
80, indented by three spaces (list items by their marker, their following lines
by the marker's width more). Read line by line, such a dump gives paragraphs that
start mid-sentence. This stage puts the lines of each paragraph back together,
from the shape of the render alone:

1. **The wrap width.** A text is hard-wrapped when its longer lines pile up just
   under one width: at least :data:`MIN_WRAPPED` lines, and a
   :data:`MIN_SHARE` share of the lines of :data:`LONG` characters or more, end
   within :data:`BAND` columns below the longest of them, and few lines
   (:data:`MAX_OVER`) run past it (lines holding a word of :data:`LONG`
   characters or more, a URL, are not counted: they cannot be broken); and
   most of the lines in that band (:data:`MIN_OPEN`) end mid-sentence, as
   lines broken at a width do. A text
   pasted from a browser or an unwrapped dump has no such pile: its lines are as
   long as its paragraphs, and it is left as it is.
2. **The joins.** A line continues the one before when the first word of it
   would not have fitted at the end of the line before, give or take
   :data:`SLACK` columns (the renderer broke the line there), it is not
   blank, not a list item of its own, and it is indented as a continuation
   is: like the line before, or, after the first line of a list item, by the
   width of the item's marker more.

Joined lines are separated by one space; no character other than the line
breaks and the continuation's indentation is removed. One pass, linear time.

>>> text = "   The council met on Monday to vote\\n   on the plan.\\n\\n   It passed."
>>> unwrap(text.split("\\n"), width=36)
['   The council met on Monday to vote on the plan.', '', '   It passed.']
"""

from __future__ import annotations

import re

__all__ = ["strip_link_numbers", "unwrap", "wrap_width"]

#: Lines shorter than this are not looked at to find the wrap width (menus, labels).
LONG = 30
#: How far below the wrap width the end of a wrapped line may fall (one long word).
BAND = 12
#: Wrapped lines a text needs before it is taken for hard-wrapped.
MIN_WRAPPED = 6
#: Share of the long lines that must end in the band under the width.
MIN_SHARE = 0.15
#: Share of the long lines that may run past the width (unbreakable words, URLs).
MAX_OVER = 0.05
#: Share of the lines in the band that must end mid-sentence (a renderer breaks
#: lines anywhere; a text with one paragraph per line ends its lines with a full stop).
MIN_OPEN = 0.5
#: Columns a renderer may leave unused at the end of a line it broke (lynx breaks
#: a little before its width at times).
SLACK = 4
#: Widest wrap looked for; wider renders are read as unwrapped.
MAX_WIDTH = 240

_MARKER = re.compile(r"(?:[*+o•◦▪‣·-]|\d{1,3}[.)])\s+")
_LINK_NUMBER = re.compile(r"\[\d{1,5}\]")
_REFERENCE = re.compile(r"\s*\d{1,5}\. (?:https?|file|ftp|mailto):")
_CLOSED = frozenset(".!?:\"'”’)»")
_UNBREAKABLE = re.compile(rf"\S{{{LONG},}}")  # a URL: its line is as long as it must be
_ITEM = re.compile(r"(?:[*+o•◦▪‣·-]|\d{1,3}[.)])\s+\S")


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were hard-wrapped at, or ``None`` when they are not wrapped.

    >>> wrap_width(["   " + "word " * 14 + "and"] * 8 + ["short"])
    76
    >>> wrap_width([("word " * n).strip() for n in range(10, 80, 3)]) is None
    True
    """
    counts = [0] * (MAX_WIDTH + 1)
    opens = [0] * (MAX_WIDTH + 1)  # of those, lines that end mid-sentence
    long = over = 0
    for raw in lines:
        text = raw.rstrip()
        size = len(text)
        if size >= LONG and _UNBREAKABLE.search(raw) is None:
            long += 1
            if size > MAX_WIDTH:
                over += 1
            else:
                counts[size] += 1
                opens[size] += text[-1] not in _CLOSED
    if long < MIN_WRAPPED:
        return None
    need = max(MIN_WRAPPED, MIN_SHARE * long)
    band = sum(counts[MAX_WIDTH - BAND + 1 :])
    band_open = sum(opens[MAX_WIDTH - BAND + 1 :])
    # from the widest down: the first width that ends a pile of lines just under it
    for width in range(MAX_WIDTH, LONG - 1, -1):
        if over > MAX_OVER * long:
            return None
        if counts[width] and band >= need and band_open >= max(MIN_WRAPPED, MIN_OPEN * band):
            return width
        over += counts[width]
        band -= counts[width]
        band_open -= opens[width]
        if width - BAND >= 0:
            band += counts[width - BAND]
            band_open += opens[width - BAND]
    return None


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


def unwrap(lines: list[str], width: int | None = None) -> list[str]:
    """Re-join the hard-wrapped lines of a render (see the module docstring).

    ``width`` is the wrap width; by default it is found with :func:`wrap_width`,
    and ``lines`` come back unchanged when they are not wrapped.
    """
    if width is None:
        width = wrap_width(lines)
        if width is None:
            return lines
    out: list[str] = []
    parts: list[str] = []  # the physical lines of the paragraph being joined
    size = 0  # length of the last physical line
    cont: int | None = None  # the indentation a continuation must have
    for raw in lines:
        text = raw.strip()
        if not text:
            if parts:
                out.append(" ".join(parts))
                parts = []
            out.append(raw)
            cont = None
            continue
        indent = _indent(raw)
        first = text.split(None, 1)[0] if len(text) <= width else ""
        if (
            cont is not None
            and indent == cont
            and size + 1 + len(first) > width - SLACK
            and _ITEM.match(text) is None
        ):
            parts.append(text)  # joined once, at the end: linear time
            size = len(raw.rstrip())
            continue
        if parts:
            out.append(" ".join(parts))
        parts = [raw.rstrip()]
        size = len(parts[0])
        marker = _MARKER.match(text)
        # a list item's text runs on under the item's text, not under its marker
        cont = indent if marker is None else indent + marker.end()
    if parts:
        out.append(" ".join(parts))
    return out


def strip_link_numbers(lines: list[str]) -> list[str]:
    """Remove the ``[12]`` link numbers ``lynx -dump`` prints, when its link list ends the text.

    ``lynx -dump`` (without ``-nolist``) puts a number in brackets before every
    link and lists the addresses under a ``References`` line at the end. When
    that list is there (``References`` on a line of its own, then a numbered
    address), the numbers are artefacts of the render, not text, and are
    removed; the list itself stays (it is page chrome). Without the list, a
    bracketed number may be a footnote and is kept.

    >>> strip_link_numbers(["   Read the [3]full report here.", "References", "", "   3. https://x"])
    ['   Read the full report here.', 'References', '', '   3. https://x']
    """
    at = None
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() == "References":
            at = i
            break
    if at is None:
        return lines
    follows = next((raw for raw in lines[at + 1 : at + 4] if raw.strip()), "")
    if _REFERENCE.match(follows) is None:
        return lines
    return [_LINK_NUMBER.sub("", raw) if "[" in raw else raw for raw in lines[:at]] + lines[at:]
