"""Where a new article starts inside a multi-article dump.

A line starts a new article when it looks like a headline
(:func:`~newskit.parsing._shapes.is_title_like`, not a caption) and either

* **strong start**: it follows a blank line, and within the next 16 lines,
  with at most two other text lines in between (none after two blank lines),
  comes page chrome (``Short Url``, ``Follow``), a date line, a byline, or
  the same headline again with no text line in between; followed in turn by
  some text or bullet that is not itself a headline after two blank lines.
  Capitals subheads such as ``'WHAT IT COSTS'`` need chrome or their own
  repeat; or
* **weak start**: the current article already has body text, the line
  follows two or more blank lines, is not a capitals subhead, and is followed
  by more content.

Both checks look at a bounded window, so splitting stays linear.
"""

from __future__ import annotations

from newskit.parsing._lines import Kind, Line
from newskit.parsing._shapes import is_caption, is_title_like, subhead

__all__ = ["is_start", "is_strong_start"]

_WINDOW = 16
_MAX_TEXT_BETWEEN = 2
_HEADER_HOPS = 8  # date, byline, repeated title ... before the first text or bullet
_SIGNALS = (Kind.CHROME, Kind.DATE, Kind.BYLINE)


def _headline(line: Line) -> bool:
    return line.kind is Kind.TEXT and is_title_like(line.text) and not is_caption(line.text)


def _content_follows(lines: list[Line], k: int, key: str) -> bool:
    # After the header signals an article needs some text or bullets; a
    # headline after a wide gap does not count (it starts the article after:
    # the signal was a footer date of the current one).
    n = len(lines)
    repeats = 0
    for _ in range(_HEADER_HOPS):
        k = lines[k].next_content
        if k >= n:
            return False
        line = lines[k]
        if line.kind is Kind.BULLET:
            return True
        if line.kind is Kind.TEXT:
            if line.key != key:
                return line.blanks_before < 2 or not _headline(line)
            repeats += 1
            if repeats > 1:
                return False
    return False


def is_strong_start(lines: list[Line], j: int) -> bool:
    """Return ``True`` when line ``j`` is a headline followed by header signals."""
    line = lines[j]
    if line.blanks_before < 1 or not _headline(line):
        return False
    # a capitals subhead starts an article only before chrome or its own repeat
    signals = (Kind.CHROME,) if subhead(line.text, isolated=False) is not None else _SIGNALS
    texts = 0
    for k in range(j + 1, min(len(lines), j + 1 + _WINDOW)):
        other = lines[k]
        if other.kind is Kind.BLANK:
            continue
        # the headline again counts only right after it or after other signals
        repeat = other.kind is Kind.TEXT and other.key == line.key and texts == 0
        if other.kind in signals or repeat:
            return _content_follows(lines, k, line.key)
        if other.kind is Kind.BULLET or other.blanks_before >= 2:
            # bullets belong to a header already under way; a text after a wide
            # gap is the next candidate, not a caption of this one
            return False
        texts += 1
        if texts > _MAX_TEXT_BETWEEN:
            return False
    return False


def is_start(lines: list[Line], j: int, *, has_body: bool) -> bool:
    """Return ``True`` when a new article starts at line ``j`` (see the module docstring)."""
    if is_strong_start(lines, j):
        return True
    line = lines[j]
    if not has_body or line.blanks_before < 2 or not _headline(line):
        return False
    if subhead(line.text, isolated=False) is not None:
        return False
    return line.next_content < len(lines)
