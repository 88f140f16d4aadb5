"""ROUGE with Google's ``rouge-score`` package, and CNN/DM reference clean-up.

ROUGE-1/2 are computed by ``rouge_score.rouge_scorer.RougeScorer`` with
Porter stemming on, the settings behind the published CNN/DM figures.
ROUGE-L/Lsum use the same tokens and give the same numbers, but fill their
LCS tables with numpy (:mod:`newskit.evaluate._lcs`; ``rouge-score`` does it
cell by cell in Python, which made scoring a BBC-length summary take ~70 ms).
ROUGE-Lsum needs one sentence per line: both sides are split with
:func:`newskit.split_sentences` and joined with newlines first (this does not
change ROUGE-1/2/L, which ignore line breaks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from newskit._errors import InputTypeError, InputValueError
from newskit._input import ensure_text
from newskit.evaluate._lcs import score_lcs, summary_level_lcs
from newskit.text import split_sentences

__all__ = ["ROUGE_TYPES", "RougeScore", "normalize_reference", "rouge", "rouge_many"]

#: The ROUGE variants computed, in report order.
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


class RougeScore(NamedTuple):
    """Precision, recall and F1 (``fmeasure``) of one ROUGE variant, each in [0, 1]."""

    precision: float
    recall: float
    fmeasure: float


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VALID = re.compile(r"^[a-z0-9]+$")


class _CachedTokenizer:
    """``rouge_score``'s default tokenizer with a memoised Porter stemmer.

    Same steps as ``rouge_score.tokenize.tokenize`` (lowercase, non-alphanumerics
    to spaces, Porter-stem tokens longer than 3 characters); stemming each
    distinct word once makes scoring long texts several times faster.
    """

    def __init__(self) -> None:
        from nltk.stem import porter

        self._stem = lru_cache(maxsize=200_000)(porter.PorterStemmer().stem)

    def tokenize(self, text: str) -> list[str]:
        tokens = _NON_ALNUM.sub(" ", text.lower()).split()
        stemmed = [self._stem(t) if len(t) > 3 else t for t in tokens]
        return [t for t in stemmed if _VALID.match(t)]


@lru_cache(maxsize=1)
def _tokenizer() -> _CachedTokenizer:
    return _CachedTokenizer()


@lru_cache(maxsize=1)
def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True, tokenizer=_tokenizer())


def _score(target: str, prediction: str) -> dict[str, RougeScore]:
    """All four variants; ``target`` and ``prediction`` have one sentence per line."""
    raw = _scorer().score(target, prediction)
    tok = _tokenizer().tokenize
    out = {t: RougeScore(*(float(x) for x in raw[t])) for t in ("rouge1", "rouge2")}
    out["rougeL"] = RougeScore(*score_lcs(tok(target), tok(prediction)))
    # like rouge_score: sentences are the non-empty lines
    ref_lines = [tok(line) for line in target.split("\n") if line]
    can_lines = [tok(line) for line in prediction.split("\n") if line]
    out["rougeLsum"] = RougeScore(*summary_level_lcs(ref_lines, can_lines))
    return out


# Penn Treebank escapes and tokenization as found in the CNN/DM references.
_BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
_BRACKET_RE = re.compile("|".join(map(re.escape, _BRACKETS)), re.IGNORECASE)
_DETOK = (
    (re.compile(r"\\(['\"])"), r"\1"),  # XSum's escaped quotes: \' -> '
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''(?=\w)"), '" '),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m|’s)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$£€])\s+"), r"\1"),
    (re.compile(r"\s+"), " "),
)
# PTB tokenization detaches every sentence-final mark (abbreviations keep theirs)
_SENTENCE_SEP = re.compile(r"(?<=\s[.!?])\s+(?=\S)")


def normalize_reference(text: str) -> str:
    """Undo the Penn Treebank tokenization of CNN/DM and XSum reference summaries.

    FRANK's CNN/DM references are the original highlights, PTB-tokenized
    (``Kite 's``, ``-LRB- 3.7 miles -RRB-``, LaTeX-style quotes made of two
    backquotes and two apostrophes) and joined with ``" . "``; XSum references
    carry escaped quotes (``\\'``). Scoring raw system
    output against them unchanged counts ``lrb`` as a word and splits
    contractions differently, so references are detokenized first. The
    result has one sentence per line, ready for ROUGE-Lsum.

    Parameters
    ----------
    text : str
        A tokenized reference summary.

    Returns
    -------
    str
        The detokenized reference, sentences separated by ``"\\n"``.

    Examples
    --------
    >>> print(normalize_reference(
    ...     "The kite 's tail is 200 metres -LRB- 656ft -RRB- long . "
    ...     "It took `` three years '' to build ."))
    The kite's tail is 200 metres (656ft) long.
    It took "three years" to build.
    """
    text = _BRACKET_RE.sub(lambda m: _BRACKETS[m.group().upper()], ensure_text(text))
    lines = []
    for piece in _SENTENCE_SEP.split(text.strip()):
        for pattern, repl in _DETOK:
            piece = pattern.sub(repl, piece)
        if piece.strip():
            lines.append(piece.strip())
    return "\n".join(lines)


def _lines(value: object, name: str) -> str:
    """One sentence per line: a list's items as given; a text's lines, each split."""
    if isinstance(value, list | tuple):
        items = (" ".join(ensure_text(v, name=name).split()) for v in value)
    else:
        lines = ensure_text(value, name=name).split("\n")
        items = (s for line in lines for s in split_sentences(line))
    return "\n".join(item for item in items if item)


def rouge(summary: str | Sequence[str], reference: str | Sequence[str]) -> dict[str, RougeScore]:
    """ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of ``summary`` against ``reference``.

    Google's ``rouge-score`` implementation with Porter stemming, the
    standard setting for news summarization papers. Texts are lowercased and
    reduced to ASCII letters and digits by ``rouge-score`` itself.

    Parameters
    ----------
    summary : str or sequence of str
        The system summary. A list is taken as its sentences, as given; a
        text is split into sentences with :func:`newskit.split_sentences`,
        line by line (so a line break always ends a sentence).
    reference : str or sequence of str
        The reference summary, handled the same way. Clean CNN/DM or XSum
        references with :func:`normalize_reference` first.

    Returns
    -------
    dict of str to RougeScore
        Keys ``"rouge1"``, ``"rouge2"``, ``"rougeL"``, ``"rougeLsum"``;
        values are ``(precision, recall, fmeasure)`` tuples in [0, 1]. An empty
        summary or reference scores 0.

    Raises
    ------
    InputTypeError
        A text is neither ``str``, ``bytes`` nor a sequence of them.

    Examples
    --------
    >>> scores = rouge("The cat sat on the mat.", "A cat was sitting on the mat.")
    >>> round(scores["rouge1"].fmeasure, 3), round(scores["rouge2"].recall, 3)
    (0.615, 0.333)
    >>> rouge("", "Anything.")["rougeL"]
    RougeScore(precision=0.0, recall=0.0, fmeasure=0.0)
    """
    return _score(_lines(reference, "reference"), _lines(summary, "summary"))


def rouge_many(
    summaries: Sequence[str | Sequence[str]], references: Sequence[str | Sequence[str]]
) -> dict[str, RougeScore]:
    """Mean ROUGE (precision, recall and F1 averaged per variant) over summary/reference pairs.

    Parameters
    ----------
    summaries, references : sequence of str or sequence of list of str
        Pairs in the same order and of the same length; a list of sentences
        is taken as it is, as by :func:`rouge`.

    Returns
    -------
    dict of str to RougeScore
        The macro average over pairs, as in the ROUGE papers' tables.

    Raises
    ------
    InputValueError
        The two sequences differ in length or are empty.
    InputTypeError
        They are not sequences, or hold something other than text.

    Examples
    --------
    >>> mean = rouge_many(["Rain fell.", "Sun shone."], ["Rain fell today.", "It was dark."])
    >>> round(mean["rouge1"].fmeasure, 3)
    0.4
    """
    for name, seq in (("summaries", summaries), ("references", references)):
        if isinstance(seq, str | bytes) or not isinstance(seq, Sequence):
            raise InputTypeError(f"{name} must be a list of texts, not {type(seq).__name__}")
    if len(summaries) != len(references):
        raise InputValueError(
            f"got {len(summaries)} summaries but {len(references)} references; they must pair up"
        )
    if not summaries:
        raise InputValueError("rouge_many needs at least one summary/reference pair")
    return mean_scores([rouge(s, r) for s, r in zip(summaries, references, strict=True)])


def mean_scores(scores: Sequence[dict[str, RougeScore]]) -> dict[str, RougeScore]:
    """Average a list of :func:`rouge` results (no input checks)."""
    n = len(scores)
    return {
        t: RougeScore(*(sum(s[t][i] for s in scores) / n for i in range(3))) for t in ROUGE_TYPES
    }
