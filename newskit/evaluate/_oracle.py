"""The greedy extractive oracle of Liu & Lapata (2019, "Text Summarization with
Pretrained Encoders"), as in their ``greedy_selection``: it adds, one at a
time, the sentence that most raises ROUGE-1 F1 + ROUGE-2 F1 of the selection
against the reference, and stops at ``k`` sentences or when nothing helps.
ROUGE is computed on sets of tokens, without stemming, as there: the text is
lowercased and split at whitespace (any whitespace, so the lines of a
multi-line reference stay apart), and every character but ``a-z`` and ``0-9``
is deleted from each token (``U.S.`` -> ``us``, ``don't`` -> ``dont``). Score
the result with :func:`rouge` as usual.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from newskit._errors import InputTypeError, InputValueError
from newskit._input import ensure_text

__all__ = ["oracle"]

# whitespace is kept for split(): Liu & Lapata clean one tokenized line at a time,
# here a reference may hold several lines, whose edge words must not merge
_NON_ALNUM = re.compile(r"[^a-z0-9\s]")


def _tokens(text: str) -> list[str]:
    return _NON_ALNUM.sub("", text.lower()).split()


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def _f1_union(
    selected: set[object], cand: set[object], cand_hit: set[object], reference: set[object]
) -> float:
    """F1 of ``selected | cand`` against ``reference``, without building the union."""
    overlap = len(selected & reference) + len(cand_hit - selected)
    if not overlap:
        return 0.0
    size = len(selected) + len(cand - selected)
    p, r = overlap / size, overlap / len(reference)
    return 2 * p * r / (p + r)


def oracle(sentences: Sequence[str], reference: str, k: int = 3) -> list[int]:
    """Indices of the greedy ROUGE-1 + ROUGE-2 oracle summary, in document order.

    Parameters
    ----------
    sentences : sequence of str
        The article's sentences (e.g. from :func:`newskit.split_sentences`).
    reference : str
        The reference summary.
    k : int, default 3
        At most this many sentences are selected.

    Returns
    -------
    list of int
        Sorted indices into ``sentences``; fewer than ``k`` when no further
        sentence raises the score, empty when nothing overlaps.

    Raises
    ------
    InputValueError
        ``k`` is not a positive integer.
    InputTypeError
        ``sentences`` is a plain string or holds non-text items.

    Examples
    --------
    >>> sents = ["Rain hit the city.", "The mayor closed schools on Monday.",
    ...          "Officials said roads flooded.", "A cat was rescued."]
    >>> oracle(sents, "Schools closed Monday as rain flooded roads.", k=2)
    [1, 2]
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise InputValueError(f"k must be a positive integer, not {k!r}")
    if isinstance(sentences, str | bytes) or not isinstance(sentences, Sequence):
        raise InputTypeError(f"sentences must be a list of str, not {type(sentences).__name__}")
    ref = _tokens(ensure_text(reference, name="reference"))
    ref1: set[object] = set(ref)
    ref2: set[object] = set(_bigrams(ref))
    toks = [_tokens(ensure_text(s, name="sentence")) for s in sentences]
    # n-gram sets per sentence, and the part of each inside the reference
    uni: list[set[object]] = [set(t) for t in toks]
    bi: list[set[object]] = [set(_bigrams(t)) for t in toks]
    uni_hit = [u & ref1 for u in uni]
    bi_hit = [b & ref2 for b in bi]
    selected: list[int] = []
    sel1: set[object] = set()
    sel2: set[object] = set()
    best = 0.0
    for _ in range(min(k, len(toks))):
        choice, choice_score = -1, best
        for i in range(len(toks)):
            if i in selected or not (uni_hit[i] or bi_hit[i]):
                continue  # a sentence with no overlap can never raise the score
            score = _f1_union(sel1, uni[i], uni_hit[i], ref1) + _f1_union(
                sel2, bi[i], bi_hit[i], ref2
            )
            if score > choice_score:
                choice, choice_score = i, score
        if choice < 0:
            break
        selected.append(choice)
        sel1 |= uni[choice]
        sel2 |= bi[choice]
        best = choice_score
    return sorted(selected)
