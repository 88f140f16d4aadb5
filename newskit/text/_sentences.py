"""Sentence splitting for news text.

The text is first cut into *units*: paragraphs (blank lines), single lines
that stand on their own (headings, bylines, datelines, list items: a line
that ends without a full stop is still its own sentence) and bullet items
(``•``, ``-``, ``*``, ``1.``; the marker is not part of the sentence).
Hard-wrapped paragraphs are rejoined. Each unit is then split by Punkt
with newskit's news-trained parameters (see :mod:`newskit.text._punkt`; the
decisions are NLTK's, computed by :mod:`newskit.text._fastpunkt`), and
news-specific repairs follow:

* a "sentence" that starts in lower case continues the previous one
  (``"Stop!" she shouted.``, or an abbreviation Punkt did not know);
* a fragment made only of punctuation (a stray closing quote) is glued to
  the sentence before it;
* a title (``Sen.``) never ends a sentence, and initials (``J.R.R.``) do not
  either before a capitalised word that is not a function word;
* an ellipsis ("…", which Punkt does not know, or "..") or a full stop
  closed by a quote after an abbreviation ("etc.'") ends a sentence when a
  capitalised function word ("Then", "He") follows.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator

from newskit._input import ensure_text
from newskit.text._abbreviations import TITLES
from newskit.text._punkt import ascii_quotes, load_fast_tokenizer
from newskit.text._words import stop_words

__all__ = [
    "clean_text_spans",
    "join_continuations",
    "sentence_spans",
    "split_sentences",
    "split_soft_breaks",
]

_TERMINAL = ".!?:;…\"')]”’"
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣●■□➢►*\-–—]|\(?\d{1,2}[.)])[ \t]+(?=\S)")
# A lowercase start continues the sentence, except brand-style words such as
# "iPhone" or "eBay" that open sentences in lower case.
_LOWER_START = re.compile(r"[\"'“‘(\[]*[a-z](?![a-z]*[A-Z])")
_ONLY_PUNCT = re.compile(r"[\W_]*")
# "Sen." or "then-Sen." at the end of a piece: a title is always followed by a name.
_ENDS_WITH_TITLE = re.compile(
    r"(?:^|[\s(\-–—])(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.$",
    re.IGNORECASE,
)
# _ends_with_title's shortcut holds for titles made of lowercase ASCII letters.
_FAST_TITLES = all(t.isascii() and t.isalpha() and t.islower() for t in TITLES)
_MAX_TITLE = max(map(len, TITLES))
_ASCII_LETTERS = string.ascii_letters
# "J.", "J.R.R." or "L.M." at the end of a piece, after a space or at its start.
_ENDS_WITH_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,4}$")
# Where Punkt kept going but a capitalised word follows: an ellipsis ("…",
# "..", "..."), or a full stop closed by a quote or bracket ("etc.'" - Punkt
# takes the abbreviation and never looks past the quote).
_SOFT_BREAK = re.compile(
    r"(?:…|\.{2,}|[.!?][\"'”’)\]])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*([A-Z][a-z']*)\b)"
)
_FIRST_WORD = re.compile(r"[\"'“‘(\[]*([A-Z][\w'’-]*)")


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every line, whitespace-trimmed; blank lines as (i, i)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped)))
        else:
            out.append((pos, pos))
        pos += len(line) + 1
    return out


def _is_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    """Guess whether a block of 3+ lines is one hard-wrapped paragraph."""
    if len(block) < 3:
        return False
    inner = [e - s for s, e in block[:-1]]
    longest = max(e - s for s, e in block)
    if longest > 120 or min(inner) < 40 or max(inner) - min(inner) > 30:
        return False
    return any(text[e - 1] not in _TERMINAL for s, e in block[:-1])


def _units(text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the pieces Punkt splits independently, from :func:`_lines`."""
    block: list[tuple[int, int]] = []
    for start, end in [*lines, (len(text), len(text))]:
        if start == end:
            yield from _block_units(text, block)
            block = []
        else:
            block.append((start, end))


def _block_units(text: str, block: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    if not block:
        return
    wrapped = _is_wrapped(text, block)
    cur_start, cur_end = block[0]
    for start, end in block[1:]:
        bullet = _BULLET.match(text, start, end) is not None
        joins = not bullet and (
            wrapped
            or (
                text[cur_end - 1] not in _TERMINAL
                and _LOWER_START.match(text, start, end) is not None
            )
        )
        if joins:
            cur_end = end
            continue
        yield _strip_bullet(text, cur_start, cur_end)
        cur_start, cur_end = start, end
    yield _strip_bullet(text, cur_start, cur_end)


def _strip_bullet(text: str, start: int, end: int) -> tuple[int, int]:
    m = _BULLET.match(text, start, end)
    return (m.end(), end) if m else (start, end)


def _continues(text: str, prev: tuple[int, int], s: int, e: int) -> bool:
    """Whether the piece ``text[s:e]`` that Punkt split off continues ``prev``."""
    first = None
    # An ASCII capital (the usual case) starts neither of the first two patterns
    # and always starts _FIRST_WORD, so those regexes wait until they are needed.
    if not "A" <= text[s] <= "Z":
        if _LOWER_START.match(text, s, e) or _ONLY_PUNCT.fullmatch(text, s, e):
            return True
        first = _FIRST_WORD.match(text, s, e)
        if first is None:
            return False
    # both patterns below end in r"\.$" ("$" also matches before a final newline)
    end = prev[1]
    last = text[end - 1]
    if last != ".":
        if last != "\n":
            return False
    elif "a" <= text[end - 2] <= "z" and end - prev[0] >= 16 and _FAST_TITLES:
        # "said.", most sentence ends: initials end in a capital, so only a title
        # can continue, and with the 16-character window full, what
        # _ends_with_title reads is the 7 characters before the full stop.
        tail = text[end - _MAX_TITLE - 2 : end - 1]
        if tail.isascii():
            run = len(tail) - len(tail.rstrip(_ASCII_LETTERS))
            return (
                run <= _MAX_TITLE
                and tail[-run:].lower() in TITLES
                and (tail[-run - 1].isspace() or tail[-run - 1] in "(-–—")
            )
    # a window wider than any title, so "^" can only match at a real word start
    before = text[max(prev[0], prev[1] - 16) : prev[1]]
    if _ends_with_title(before):
        return True
    # After initials ("J.R.R. Tolkien", "John B. Alexander") a capitalised
    # word that is not a function word ("The", "But", "Since") is a name.
    if not _ends_with_initials(before):
        return False
    first = first or _FIRST_WORD.match(text, s, e)
    return first is not None and first.group(1).lower() not in stop_words()


def _ends_with_title(before: str) -> bool:
    """``_ENDS_WITH_TITLE.search(before) is not None``, without the regex if it can.

    The case-insensitive alternation of titles costs microseconds per call; in
    ASCII text a title is the whole run of letters before the final full stop.
    """
    if before.endswith("."):
        body = before[:-1]
    elif before.endswith(".\n"):  # "$" also matches before a final newline
        body = before[:-2]
    else:
        return False
    tail = body[-_MAX_TITLE - 1 :]
    # non-ASCII letters may match ASCII ones case-insensitively ("ſ" is "s")
    if not _FAST_TITLES or not tail.isascii():
        return _ENDS_WITH_TITLE.search(before) is not None
    run = len(tail) - len(tail.rstrip(_ASCII_LETTERS))
    if not 0 < run <= _MAX_TITLE or tail[-run:].lower() not in TITLES:
        return False
    if run == len(tail):  # the whole window: "^" matches before it
        return True
    return tail[-run - 1].isspace() or tail[-run - 1] in "(-–—"


def _ends_with_initials(before: str) -> bool:
    """``_ENDS_WITH_INITIALS.search(before) is not None``, without the regex."""
    body = before[:-1] if before.endswith("\n") else before  # "$" before a final newline
    if len(body) < 2 or body[-1] != "." or not "A" <= body[-2] <= "Z":
        return False
    i = len(body)
    pairs = 0
    while pairs < 4 and i >= 2 and body[i - 1] == "." and "A" <= body[i - 2] <= "Z":
        i -= 2
        pairs += 1
    # only the longest run of (at most four) initials can follow a space or the start
    return i == 0 or body[i - 1].isspace()


def split_soft_breaks(
    text: str, start: int, end: int, breaks: Iterable[re.Match[str]]
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at each of its :data:`_SOFT_BREAK` matches ``breaks``
    that comes before a capitalised function word ("Then", "He")."""
    out = []
    for m in breaks:
        if m.group(1).lower() in stop_words():
            cut = m.start() + len(m.group().rstrip())
            out.append((start, cut))
            start = m.end()
    out.append((start, end))
    return out


def _at(text: str, starts: list[int], end: int) -> Iterator[re.Match[str]]:
    """The non-overlapping :data:`_SOFT_BREAK` matches that start at one of ``starts``.

    ``starts`` lists (in order) every position where a match may start; the
    pattern is tried there only, which finds what ``finditer`` would find.
    """
    free = 0
    for pos in starts:
        if pos >= free:
            m = _SOFT_BREAK.match(text, pos, end)
            if m is not None:
                yield m
                free = m.end()


def _find_all(text: str, sub: str) -> list[int]:
    """Every position where ``sub`` occurs in ``text``, overlapping ones included."""
    out = []
    pos = text.find(sub)
    while pos >= 0:
        out.append(pos)
        pos = text.find(sub, pos + 1)
    return out


def _split_units(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split each unit with Punkt, then apply the soft breaks and the repairs."""
    starts: list[int] = []
    # one pass of Punkt over the whole text serves every unit
    per_unit = load_fast_tokenizer().split_ranges(ascii_quotes(text), units, starts)
    # A soft break starts at ". ! ?" and a closing quote or bracket (a Punkt
    # candidate followed by punctuation: Punkt reported those in starts), at
    # "…", or at "..": its pattern is tried at those positions only.
    if "…" in text or ".." in text:
        starts = sorted(starts + _find_all(text, "…") + _find_all(text, ".."))
    out: list[tuple[int, int]] = []
    if not starts:  # no soft break anywhere (most texts)
        for spans in per_unit:
            out += join_continuations(text, spans, _continues)
        return out
    i = 0
    n = len(starts)
    for spans in per_unit:
        pieces = []
        for s, e in spans:
            while i < n and starts[i] < s:
                i += 1
            k = i
            while k < n and starts[k] < e:
                k += 1
            if k > i:
                pieces += split_soft_breaks(text, s, e, _at(text, starts[i:k], e))
            else:
                pieces.append((s, e))
            i = k
        out += join_continuations(text, pieces, _continues)
    return out


Continues = Callable[[str, tuple[int, int], int, int], bool]


def join_continuations(
    text: str, pieces: list[tuple[int, int]], continues: Continues
) -> list[tuple[int, int]]:
    """Join each piece to the sentence before it when ``continues`` says it goes on it."""
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and continues(text, merged[-1], s, e):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character offsets of each sentence in ``text``.

    Offsets index the text as newskit reads it (bytes decoded as described in
    :doc:`/input`, ``\\r\\n`` line endings made ``\\n``): for a ``str`` without
    ``\\r\\n`` that is the input itself, so ``text[start:end]`` is the exact
    sentence. Bullet markers and surrounding whitespace are outside every span.

    Parameters
    ----------
    text : str or bytes
        Any English text: one paragraph or a whole article.

    Returns
    -------
    list of tuple of (int, int)
        Offsets in document order; empty for empty or blank text.

    Raises
    ------
    InputTypeError
        ``text`` is not ``str`` or ``bytes``.

    Examples
    --------
    >>> text = "Dr. Lee arrived at 9 a.m. on Monday. She left."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Dr. Lee arrived at 9 a.m. on Monday.', 'She left.']
    """
    return clean_text_spans(ensure_text(text))


def clean_text_spans(text: str) -> list[tuple[int, int]]:
    """:func:`sentence_spans` of text that :func:`ensure_text` has already cleaned."""
    units = [(start, end) for start, end in _units(text, _lines(text)) if start < end]
    return _split_units(text, units) if units else []


def split_sentences(text: str) -> list[str]:
    """Split news text into sentences.

    Paragraphs (blank lines) and stand-alone lines (headings, bylines, list
    items, lines that end without a full stop) are split first; each is then
    split with Punkt parameters trained on news and extended with news
    abbreviations (``Sen.``, ``U.S.``, ``Jan.``, ``Inc.``, initials ...).
    Whitespace inside a sentence, including a wrapped line's newline, is
    collapsed to single spaces; use :func:`~newskit.text.sentence_spans` for exact offsets.

    Parameters
    ----------
    text : str or bytes
        Any English text.

    Returns
    -------
    list of str
        The sentences in document order; empty for empty or blank text.

    Raises
    ------
    InputTypeError
        ``text`` is not ``str`` or ``bytes``.

    Examples
    --------
    >>> split_sentences('"We will not back down," said Gov. Ann Reyes. Talks resume on Jan. 5.')
    ['"We will not back down," said Gov. Ann Reyes.', 'Talks resume on Jan. 5.']
    >>> split_sentences("Storm warning\\nThe U.S. agency said winds hit 120.5 km/h.")
    ['Storm warning', 'The U.S. agency said winds hit 120.5 km/h.']
    >>> split_sentences("   ")
    []
    """
    text = ensure_text(text)
    # spans never start or end with whitespace, so split/join is the regex's collapse, faster
    return [" ".join(text[s:e].split()) for s, e in clean_text_spans(text)]
