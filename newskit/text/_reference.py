"""Reference implementations of sentence splitting and word tokens (slow, kept for tests).

These are newskit's sentence splitter and word tokenizer as they were before
the fast paths: every unit goes through NLTK's own
:class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` (with the same shipped
parameters), and the helpers the fast path rewrote are kept here in their
original form. Tests and ``benchmarks/parity_sentences.py`` check that
:func:`newskit.text.sentence_spans` and :func:`newskit.text.word_tokens` give
exactly what these give.
"""

from __future__ import annotations

import re

from newskit._input import ensure_text
from newskit.text._punkt import load_tokenizer

# The regular expressions, the block helpers, the soft-break cut and the join of
# continuations are shared with the fast path, which only finds the soft breaks
# and decides continuations differently; what it rewrote is kept below in its
# original form.
from newskit.text._sentences import (
    _ENDS_WITH_INITIALS,
    _ENDS_WITH_TITLE,
    _FIRST_WORD,
    _LOWER_START,
    _ONLY_PUNCT,
    _SOFT_BREAK,
    _units,
    join_continuations,
    split_soft_breaks,
)
from newskit.text._words import stop_words

__all__ = ["reference_sentence_spans", "reference_tokens", "reference_word_tokens"]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_LINE = re.compile(r"[^\n]*")


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every line, whitespace-trimmed; blank lines as (i, i)."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() > 0 and m.start() == m.end() and text[m.start() - 1 : m.start()] != "\n":
            continue  # finditer's empty match right after a non-empty line
        line = m.group()
        stripped = line.strip()
        if not stripped:
            out.append((m.start(), m.start()))
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        out.append((start, start + len(stripped)))
    return out


def _continues(text: str, prev: tuple[int, int], s: int, e: int) -> bool:
    """Whether the piece ``text[s:e]`` that Punkt split off continues ``prev``."""
    if _LOWER_START.match(text, s, e) or _ONLY_PUNCT.fullmatch(text, s, e):
        return True
    # a window wider than any title, so "^" can only match at a real word start
    before = text[max(prev[0], prev[1] - 16) : prev[1]]
    first = _FIRST_WORD.match(text, s, e)
    if first is None:
        return False
    if _ENDS_WITH_TITLE.search(before):
        return True
    # After initials ("J.R.R. Tolkien", "John B. Alexander") a capitalised
    # word that is not a function word ("The", "But", "Since") is a name.
    return (
        _ENDS_WITH_INITIALS.search(before) is not None
        and first.group(1).lower() not in stop_words()
    )


def _split_unit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end].translate(_QUOTES)
    spans = [
        piece
        for s, e in load_tokenizer().span_tokenize(chunk)
        for piece in split_soft_breaks(
            text, start + s, start + e, _SOFT_BREAK.finditer(text, start + s, start + e)
        )
    ]
    return join_continuations(text, spans, _continues)


def reference_sentence_spans(text: str) -> list[tuple[int, int]]:
    """:func:`newskit.text.sentence_spans` computed the slow way, through NLTK's Punkt."""
    text = ensure_text(text)
    spans: list[tuple[int, int]] = []
    for start, end in _units(text, _lines(text)):
        if start < end:
            spans.extend(_split_unit(text, start, end))
    return spans


_TOKEN = re.compile(
    r"""
    (?P<acronym>(?:[^\W\d_]\.){2,})
    | (?P<number>\d+(?:[.,:]\d+)*[^\W_]*)
    | [^\W_]+(?:'[^\W_]+)*
    """,
    re.VERBOSE,
)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def reference_tokens(text: str) -> list[str]:
    """The word tokens of ``text`` as ``newskit.text._tokens`` computed them before."""
    out = []
    for m in _TOKEN.finditer(text.lower().replace("\u2019", "'")):
        tok = m.group()
        if m.lastgroup == "acronym":
            tok = tok.rstrip(".")
        elif m.lastgroup == "number" and "," in tok:
            head = _THOUSANDS.match(tok)
            if head:
                tok = head.group().replace(",", "") + tok[head.end() :]
        out.append(tok)
    return out


def reference_word_tokens(text: str) -> list[str]:
    """:func:`newskit.text.word_tokens` computed by the original tokenizer."""
    return reference_tokens(ensure_text(text))
