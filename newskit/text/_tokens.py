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
from newskit.text._lexicon import stem_cached, stop_words

__all__ = ["content_terms", "word_tokens"]

_TOKEN = re.compile(
    r"""
    (?P<acronym>(?:[^\W\d_]\.){2,})
    | (?P<number>\d+(?:[.,:]\d+)*[^\W_]*)
    | [^\W_]+(?:'[^\W_]+)*
    """,
    re.VERBOSE,
)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _tokens(text: str) -> list[str]:
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
    return [stem_cached(t) for t in _tokens(ensure_text(text)) if t not in stops]
