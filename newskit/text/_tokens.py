"""Word tokens and content terms.

Unlike sumy (which drops every token without a letter), numbers are kept:
"100 kg" and "1.7 million" carry the facts of a news story. Rules:

* text is lowercased and curly apostrophes become ASCII ones;
* numbers keep their decimal point, time colon and unit suffix (``1.7``,
  ``10:30``, ``10.9bn``, ``2nd``); thousands separators are dropped
  (``1,000`` -> ``1000``);
* dotted acronyms keep their inner dots (``u.s``, so it never collides
  with the pronoun "us");
* hyphens split compounds (``65-billion`` -> ``65``, ``billion``); inner
  apostrophes stay (``don't``, ``o'brien``, ``pakistan's``);
* punctuation and symbols are never tokens.
"""

from __future__ import annotations

import re

from newskit._input import ensure_text
from newskit.text._words import stem_token, stop_words

__all__ = ["content_terms", "word_tokens"]

_TOKEN = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}                 # a dotted acronym (the only token ending in ".")
    | \d+(?:[.,:]\d+)*[^\W_]*          # a number (the only token with a ",")
    | [^\W_]+(?:'[^\W_]+)*
    """,
    re.VERBOSE,
)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


# Punctuation that can neither start a token nor join one (nothing alphanumeric).
_EDGE = "\"'()[]{}<>,.;:!?-\u2013\u2014\u2026*/\\|\u201c\u201d\u2018\u00ab\u00bb`~@#$%^&+=_\u00a3"


#: Stands between sentences in :func:`tokens_of_clean_sentences`: a control
#: character, which text cleaned by :func:`~newskit._input.ensure_text` never holds.
_BREAK = "\x00"


def _tokens(text: str) -> list[str]:
    return _scan(text)[0]


def _scan(text: str) -> tuple[list[str], list[int]]:
    """The tokens of ``text``, and how many came before each chunk that is :data:`_BREAK`."""
    # Tokens never span whitespace, so each whitespace-separated chunk is tokenized
    # alone; an alphanumeric chunk (once stripped of punctuation) is one token, so are
    # most apostrophe compounds, hyphens split the others, and only the rest needs
    # the regex, which is slow per character.
    out: list[str] = []
    breaks: list[int] = []
    find = _TOKEN.findall
    for chunk in text.lower().replace("\u2019", "'").split():
        if chunk.isalnum():
            out.append(chunk)
            continue
        if chunk == _BREAK:  # (the regex would find no token in it either)
            breaks.append(len(out))
            continue
        core = chunk.strip(_EDGE)
        if core.isalnum():
            out.append(core)
        elif not core:
            continue
        elif "-" not in core and core.replace("'", "").isalnum() and "''" not in core:
            # "obama's", "o'brien": alphanumeric runs joined by single apostrophes are
            # one word token, unless a number starts it ("1990's" is "1990", "s")
            if core[0].isdecimal():
                out += find(chunk)
            else:
                out.append(core)
        elif "'" not in core and all(map(str.isalnum, parts := core.split("-"))):
            out += parts  # "65-billion", "well-known": each part is one token
        else:
            # only an acronym ends with "." and only a number has a ","
            out += [_fix(tok) if tok[-1] == "." or "," in tok else tok for tok in find(chunk)]
    return out, breaks


#: :func:`word_tokens` of text that :func:`~newskit._input.ensure_text` has
#: already cleaned: the same tokens, without checking the text again.
tokens_of_clean_text = _tokens


def tokens_of_clean_sentences(sentences: list[str]) -> tuple[list[str], list[int]]:
    """The tokens of every sentence (:func:`tokens_of_clean_text` of each), in one list,
    and where each sentence's tokens end in it.

    One pass over the sentences joined by :data:`_BREAK` (its own chunk, between
    spaces) spares the per-sentence calls. The join changes no sentence's tokens:
    they never span whitespace, and lower-casing treats a space like the end of
    the text (the one character it lower-cases by context, a final sigma, looks
    through case-ignorable characters only).
    """
    tokens, ends = _scan(f" {_BREAK} ".join(sentences))
    if sentences:
        ends.append(len(tokens))
    return tokens, ends


def _fix(tok: str) -> str:
    """Drop an acronym's final dot ("u.s."); drop thousands separators ("1,000")."""
    if tok[-1] == ".":
        return tok.rstrip(".")
    head = _THOUSANDS.match(tok)
    return head.group().replace(",", "") + tok[head.end() :] if head else tok


def word_tokens(text: str) -> list[str]:
    """Return the lowercase word tokens of ``text``, numbers included.

    Parameters
    ----------
    text : str or bytes

    Returns
    -------
    list of str
        Tokens in order; no punctuation tokens. Empty for blank text.

    Raises
    ------
    InputTypeError
        ``text`` is not ``str`` or ``bytes``.

    Examples
    --------
    >>> word_tokens("The U.S. pledged $1.7 million, or 1,000 tents, on Jan. 5.")
    ['the', 'u.s', 'pledged', '1.7', 'million', 'or', '1000', 'tents', 'on', 'jan', '5']
    >>> word_tokens("A 65-billion-dollar deal")
    ['a', '65', 'billion', 'dollar', 'deal']
    """
    return _tokens(ensure_text(text))


def content_terms(text: str) -> list[str]:
    """Return the stemmed tokens of ``text`` that are not stop words.

    This is what newskit's summarizers compare sentences with:
    :func:`word_tokens`, minus :func:`stop_words`, each passed through
    :func:`stem`.

    Parameters
    ----------
    text : str or bytes

    Returns
    -------
    list of str
        Terms in order (repeats kept). Empty for blank text.

    Raises
    ------
    InputTypeError
        ``text`` is not ``str`` or ``bytes``.

    Examples
    --------
    >>> content_terms("The elections were held in 2019 and 100 observers watched.")
    ['elect', 'held', '2019', '100', 'observ', 'watch']
    """
    stops = stop_words()
    return [stem_token(t) for t in _tokens(ensure_text(text)) if t not in stops]
