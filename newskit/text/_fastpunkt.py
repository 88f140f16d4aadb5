"""Punkt sentence boundaries, decided only where a boundary can be.

NLTK's :meth:`~nltk.tokenize.punkt.PunktSentenceTokenizer.span_tokenize`
already looks only at candidates (a ``.``, ``?`` or ``!`` followed by other
punctuation or by whitespace and a token), but for each one it rebuilds a
small context string, tokenizes it into :class:`~nltk.tokenize.punkt.PunktToken`
objects (regex substitution, five attributes, generators) and runs both
annotation passes over them. :class:`FastPunkt` keeps exactly that algorithm
and those contexts — so it gives the same spans for any text — but decides
each context with plain string operations and remembers the decision for
contexts it has seen ("said. The" recurs across articles).

The reproduced NLTK 3.10 steps, in order: ``_match_potential_end_contexts``
(the word before a candidate starts after the last ASCII whitespace, and
overlapping candidates such as ``!!!`` are merged), ``_slices_from_text``,
``text_contains_sentbreak`` (first pass: sentence-end tokens, ellipses and
abbreviations; second pass: collocations, the orthographic heuristic, frequent
sentence starters, initials and ordinals) and ``_realign_boundaries``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple, TypeVar

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters

__all__ = ["FastPunkt"]

# NLTK's orthographic-context flags (nltk.tokenize.punkt._ORTHO_*).
_BEG_UC, _MID_UC, _UNK_UC = 1 << 1, 1 << 2, 1 << 3
_BEG_LC, _MID_LC, _UNK_LC = 1 << 4, 1 << 5, 1 << 6
_UC = _BEG_UC | _MID_UC | _UNK_UC
_LC = _BEG_LC | _MID_LC | _UNK_LC

# First-pass annotations of a token.
_PLAIN, _BREAK, _ABBR, _ELLIPSIS = 0, 1, 2, 3

_SENT_END = frozenset(".?!")  # PunktLanguageVars.sent_end_chars
_PUNCTUATION = frozenset(";:,.!?")  # PunktSentenceTokenizer.PUNCTUATION
_RE_ELLIPSIS = re.compile(r"\.\.+$")
_RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_RE_INITIAL = re.compile(r"[^\W\d]\.$")
_CACHE_SIZE = 1 << 15  # entries per cache: memory stays bounded in long runs
# First characters of re_boundary_realignment matches.
_CLOSING = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
_T = TypeVar("_T")


def _start(match: re.Match[str]) -> int:
    return match.start()


def _no_period(typ: str) -> str:
    """``PunktToken.type_no_period``."""
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


class _Tok(NamedTuple):
    """What the second pass needs to know about one token (a ``PunktToken``)."""

    tok: str
    kind: int  # first-pass annotation: _PLAIN, _BREAK, _ABBR or _ELLIPSIS
    period_final: bool
    typ_no_period: str
    typ_no_sentperiod: str
    initial: bool
    upper: bool  # first character upper case
    lower: bool  # first character lower case
    punct: bool  # one of PunktSentenceTokenizer.PUNCTUATION
    plain: bool  # no abbreviation, ellipsis, initial or number rule applies to it


def _bounded_put(cache: dict[str, _T], key: str, value: _T) -> _T:
    """Remember ``value``; forget everything once the cache is full (memory stays bounded)."""
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = value
    return value


class FastPunkt:
    """NLTK Punkt's ``span_tokenize`` (with boundary realignment), decided quickly.

    Each candidate's NLTK context is the word before it (``W``), the
    candidate, and either one punctuation mark or whitespace and the next
    whitespace-free token (``N``). A ``?`` or ``!`` is always its own token
    with another token after it, so it always ends a sentence. For a ``.``,
    the tokens of the context are those of ``W.`` followed by those of ``N``
    (the word regex never joins across that whitespace unless ``N`` starts
    with a period, which goes the slow way), so the decision is: a break
    inside ``W.``, a break inside ``N``, or a break between the last token
    of ``W.`` and the first of ``N`` — each part remembered per string.

    Parameters
    ----------
    params : PunktParameters
        Trained Punkt parameters (copied; later changes are not seen).
    lang_vars : PunktLanguageVars
        Supplies the candidate, word and realignment regexes; its
        ``sent_end_chars`` must be NLTK's English ``.``, ``?``, ``!``.

    Examples
    --------
    >>> from newskit.text._punkt import NewsLanguageVars
    >>> from nltk.tokenize.punkt import PunktParameters
    >>> params = PunktParameters()
    >>> params.abbrev_types = {"dr"}
    >>> text = "Dr. Lee came. (She left.) Then?"
    >>> [text[s:e] for s, e in FastPunkt(params, NewsLanguageVars()).span_tokenize(text)]
    ['Dr. Lee came.', '(She left.)', 'Then?']
    """

    def __init__(self, params: PunktParameters, lang_vars: PunktLanguageVars) -> None:
        if tuple(lang_vars.sent_end_chars) != (".", "?", "!"):
            raise ValueError("FastPunkt supports the sentence-end characters . ? ! only")
        self._abbrev: frozenset[str] = frozenset(params.abbrev_types)
        self._collocations: frozenset[tuple[str, str]] = frozenset(params.collocations)
        # the first words of the collocations: the next token matters only after one
        self._collocation_starts = frozenset(first for first, _ in self._collocations)
        self._starters: frozenset[str] = frozenset(params.sent_starters)
        self._ortho: dict[str, int] = {k: int(v) for k, v in params.ortho_context.items() if v}
        # NLTK's candidate regex once per end character: a pattern that starts
        # with a literal is searched several times faster than one with a class.
        self._end_res: dict[str, re.Pattern[str]] = {
            char: re.compile(
                lang_vars._period_context_fmt
                % {"NonWord": lang_vars._re_non_word_chars, "SentEndChars": re.escape(char)},
                re.UNICODE | re.VERBOSE,
            )
            for char in ".?!"
        }
        self._word_re: re.Pattern[str] = lang_vars._word_tokenizer_re()
        self._realign_re: re.Pattern[str] = lang_vars.re_boundary_realignment
        self._toks: dict[str, _Tok] = {}
        # string -> (a break inside it, its last / first token)
        self._befores: dict[str, tuple[bool, _Tok | None]] = {}
        self._afters: dict[str, tuple[bool, _Tok]] = {}
        self._contexts: dict[str, bool] = {}

    def clear_caches(self) -> None:
        """Forget every remembered string (the splitter of a fresh process)."""
        for cache in (self._toks, self._befores, self._afters, self._contexts):
            cache.clear()

    def span_tokenize(self, text: str, marks: list[int] | None = None) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` of each sentence, as NLTK's ``span_tokenize`` does.

        If ``marks`` is a list, the position of every candidate followed directly
        by punctuation (``."``, ``?)``) is appended to it.
        """
        return self.split_ranges(text, [(0, len(text))], marks)[0]

    def split_ranges(
        self, text: str, ranges: list[tuple[int, int]], marks: list[int] | None = None
    ) -> list[list[tuple[int, int]]]:
        """``span_tokenize(text[s:e])``, offset by ``s``, for each ``(s, e)`` in ``ranges``.

        One scan of ``text`` serves every range. The ranges must be in order
        and must not overlap; a range is read as its own text, so what follows
        it does not count (a range not followed by whitespace or the end of
        ``text`` is split on its own, as a copy). ``marks`` as in
        :meth:`span_tokenize`, in ``text`` positions.
        """
        matches = self._matches(text)
        positions = [m.start() for m in matches]
        # NLTK's _get_last_whitespace_index looks for Python's string.whitespace only
        other_ws = [c for c in "\t\n\r\x0b\x0c" if c in text]
        out = []
        for start, end in ranges:
            if end < len(text) and not text[end].isspace():
                inner: list[int] | None = None if marks is None else []
                spans = self.split_ranges(text[start:end], [(0, end - start)], inner)[0]
                out.append([(start + s, start + e) for s, e in spans])
                if marks is not None and inner:
                    marks += [start + m for m in inner]
                continue
            # A candidate's lookahead ("." then punctuation, or whitespace and a
            # token) reads the same inside the range as in the whole text, except
            # for a full stop on the range's last character, which only the whole
            # text sees followed by whitespace and a token.
            first = bisect_left(positions, start)
            last = bisect_right(positions, end - 2)
            out.append(self._split(text, start, end, matches[first:last], other_ws, marks))
        return out

    def _split(
        self,
        text: str,
        start: int,
        end: int,
        matches: list[re.Match[str]],
        other_ws: list[str],
        marks: list[int] | None,
    ) -> list[tuple[int, int]]:
        """NLTK's ``_match_potential_end_contexts``, ``_slices_from_text`` and
        ``_realign_boundaries`` on ``text[start:end]``, in one pass over the candidates.

        ``_match_potential_end_contexts``: the word before a candidate starts after
        the last whitespace since the previous candidate; a candidate whose word
        would start before the previous candidate (``!!!``) replaces it, taking its
        word. Marks are appended for every match, as in :meth:`split_ranges`.
        """
        slices = []
        last_break = start
        closing = False  # a sentence after the first starts with a closing quote or bracket
        prev: re.Match[str] | None = None
        prev_start = prev_stop = start
        rfind = text.rfind
        ends_sentence = self._ends_sentence
        for match in matches:
            pos = match.start()
            if marks is not None and match.end(2) < 0:
                marks.append(pos)
            ws = rfind(" ", prev_stop, pos)
            for char in other_ws:
                ws = max(ws, rfind(char, prev_stop, pos))
            # whitespace at the very start of the gap counts as none, as in NLTK
            word_start = ws + 1 if ws > prev_stop else prev_start
            # prev is a candidate of its own (not merged into this one): decide it
            if (
                prev is not None
                and prev_stop <= word_start
                and ends_sentence(text, prev_start, prev)
            ):
                slices.append((last_break, prev.end()))
                next_start = prev.start(2)  # the next_tok group
                last_break = next_start if next_start >= 0 else prev.end()
                closing = closing or text[last_break] in _CLOSING
            prev, prev_start, prev_stop = match, word_start, pos
        if prev is not None and ends_sentence(text, prev_start, prev):
            slices.append((last_break, prev.end()))
            next_start = prev.start(2)
            last_break = next_start if next_start >= 0 else prev.end()
            closing = closing or text[last_break] in _CLOSING
        while end > start and text[end - 1].isspace():  # text.rstrip()
            end -= 1
        slices.append((last_break, end))
        if not closing:  # nothing to realign: the non-empty slices as they are
            return [(s, e) for s, e in slices if s < e]
        return self._realign(text, slices)

    def _matches(self, text: str) -> list[re.Match[str]]:
        """Every match of NLTK's candidate regex, in order."""
        found = list(self._end_res["."].finditer(text))
        others = [list(self._end_res[c].finditer(text)) for c in "?!" if c in text]
        if others:
            for more in others:
                found += more
            found.sort(key=_start)
        return found

    def _ends_sentence(self, text: str, word_start: int, match: re.Match[str]) -> bool:
        """Whether NLTK's ``text_contains_sentbreak`` holds for this candidate's context."""
        pos = match.start()
        if text[pos] != ".":
            return True
        after, following = match.group(1, 2)
        if following is not None and following[0] == ".":  # ". . ." may join across whitespace
            return self._contains_sentbreak(text[word_start : pos + 1] + after)
        word = text[word_start : pos + 1]
        if len(word) > 2 and word[:-1].isalpha():
            # "said." before "The", most candidates: the word is one token, not an
            # initial, and unless it is an abbreviation its second pass only checks
            # collocations (the rules _tok and _breaks apply), so a word met for the
            # first time costs no token records.
            typ = word.lower()[:-1]
            if typ not in self._abbrev:
                if typ not in self._collocation_starts:  # a break whatever token follows
                    return True
                if following is not None and following.isalpha():  # one plain token
                    next_typ = following.lower()
                else:
                    tail = self._after_tail(after if following is None else following)
                    if tail[0]:
                        return True
                    next_typ = tail[1].typ_no_sentperiod
                return (typ, next_typ) not in self._collocations
        tail = self._after_tail(after if following is None else following)
        inner, last = self._befores.get(word) or self._before(word)
        if last is None:
            return self._contains_sentbreak(word + after)
        return inner or tail[0] or self._breaks(last, tail[1])

    def _before(self, word: str) -> tuple[bool, _Tok | None]:
        """Breaks inside ``word`` (ending with the candidate) and its last token.

        The last token is ``None`` when ``word`` has a newline (NLTK tokenizes
        line by line; only the first candidate's word can start with one).
        """
        if "\n" in word:
            result: tuple[bool, _Tok | None] = (False, None)
        elif word[:-1].isalnum():  # "said.": the word regex gives one token
            result = (False, self._tok(word))
        else:
            toks = [self._tok(t) for t in self._word_re.findall(word)]
            result = (self._any_break(toks), toks[-1])
        return _bounded_put(self._befores, word, result)

    def _after_tail(self, following: str) -> tuple[bool, _Tok]:
        """:meth:`_after`, remembered."""
        return self._afters.get(following) or self._after(following)

    def _after(self, following: str) -> tuple[bool, _Tok]:
        """Breaks inside the token after the candidate and its first token."""
        if following.isalnum():  # "The": one token (no punctuation to split at)
            return _bounded_put(self._afters, following, (False, self._tok(following)))
        toks = [self._tok(t) for t in self._word_re.findall(following)]
        return _bounded_put(self._afters, following, (self._any_break(toks), toks[0]))

    def _realign(self, text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """NLTK's ``_realign_boundaries``: closing quotes/brackets join the sentence before."""
        out = []
        realign = 0
        last = len(slices) - 1
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k == last:
                if start < stop:
                    out.append((start, stop))
                break
            start2, stop2 = slices[k + 1]
            m = (
                self._realign_re.match(text, start2, stop2)
                if start2 < stop2 and text[start2] in _CLOSING
                else None
            )
            if m is not None:
                out.append((start, start2 + len(m.group().rstrip())))
                realign = m.end() - start2
            else:
                realign = 0
                if start < stop:
                    out.append((start, stop))
        return out

    def _contains_sentbreak(self, context: str) -> bool:
        """NLTK's ``text_contains_sentbreak`` on a whole context (the general, slower way)."""
        known = self._contexts.get(context)
        if known is not None:
            return known
        toks: list[_Tok] = []
        for line in context.split("\n"):
            if line.strip():
                toks += [self._tok(t) for t in self._word_re.findall(line)]
        return _bounded_put(self._contexts, context, self._any_break(toks))

    def _any_break(self, toks: list[_Tok]) -> bool:
        """Whether any token but the last ends a sentence after both passes."""
        return any(self._breaks(toks[i], toks[i + 1]) for i in range(len(toks) - 1))

    def _tok(self, tok: str) -> _Tok:
        """NLTK's ``PunktToken`` properties and ``_first_pass_annotation``, remembered."""
        known = self._toks.get(tok)
        if known is not None:
            return known
        if tok.isalpha():  # "The": no rule below applies to a word of letters only
            typ = tok.lower()
            info = _Tok(
                tok, _PLAIN, False, typ, typ, False, tok[0].isupper(), tok[0].islower(), False, True
            )
            return _bounded_put(self._toks, tok, info)
        if tok[-1] == "." and tok[:-1].isalpha():  # "said.", "Mr.": letters and a period
            typ = tok.lower()
            no_period = typ[:-1]
            kind = _ABBR if no_period in self._abbrev else _BREAK
            initial = len(tok) == 2
            info = _Tok(
                tok,
                kind,
                True,
                no_period,
                no_period if kind == _BREAK else typ,
                initial,
                tok[0].isupper(),
                tok[0].islower(),
                False,
                kind != _ABBR and not initial,
            )
            return _bounded_put(self._toks, tok, info)
        period_final = tok.endswith(".")
        if tok in _SENT_END:
            kind = _BREAK
        elif tok.startswith("..") and _RE_ELLIPSIS.match(tok):
            kind = _ELLIPSIS
        elif period_final and not tok.endswith(".."):
            stem = tok[:-1].lower()
            abbr = stem in self._abbrev or stem.split("-")[-1] in self._abbrev
            kind = _ABBR if abbr else _BREAK
        else:
            kind = _PLAIN
        typ = tok.lower()
        if not typ.isalpha():  # a letter is never a digit: no number to collapse
            typ = _RE_NUMERIC.sub("##number##", typ)
        no_period = _no_period(typ)
        # the pattern matches exactly two characters
        initial = len(tok) == 2 and _RE_INITIAL.match(tok) is not None
        info = _Tok(  # positional: much cheaper than keywords for a NamedTuple
            tok,
            kind,
            period_final,
            no_period,
            no_period if kind == _BREAK else typ,
            initial,
            tok[0].isupper(),
            tok[0].islower(),
            tok in _PUNCTUATION,
            kind not in (_ABBR, _ELLIPSIS) and not initial and no_period != "##number##",
        )
        return _bounded_put(self._toks, tok, info)

    def _breaks(self, tok: _Tok, nxt: _Tok) -> bool:
        """Whether ``tok`` ends a sentence after NLTK's ``_second_pass_annotation``."""
        if not tok.period_final:
            return tok.kind == _BREAK
        typ = tok.typ_no_period
        next_typ = nxt.typ_no_sentperiod
        if (typ, next_typ) in self._collocations:
            return False
        if tok.plain:  # the usual "said." before "The": nothing below applies
            return tok.kind == _BREAK
        if tok.kind in (_ABBR, _ELLIPSIS) and not tok.initial:
            if self._ortho_heuristic(nxt) is True:
                return True
            if nxt.upper and next_typ in self._starters:
                return True
        if tok.initial or typ == "##number##":
            starts = self._ortho_heuristic(nxt)
            if starts is False:
                return False
            if (
                starts is None
                and tok.initial
                and nxt.upper
                and not self._ortho.get(next_typ, 0) & _LC
            ):
                return False
        return tok.kind == _BREAK

    def _ortho_heuristic(self, tok: _Tok) -> bool | None:
        """NLTK's ``_ortho_heuristic``, with ``None`` for its ``"unknown"``."""
        if tok.punct:
            return False
        ortho = self._ortho.get(tok.typ_no_sentperiod, 0)
        if tok.upper and ortho & _LC and not ortho & _MID_UC:
            return True
        if tok.lower and (ortho & _UC or not ortho & _BEG_LC):
            return False
        return None
