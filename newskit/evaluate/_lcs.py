"""ROUGE-L and ROUGE-Lsum, computed exactly as ``rouge-score`` does, with numpy.

``rouge-score`` fills its longest-common-subsequence tables cell by cell in
Python, which dominates the cost of scoring news-length summaries. Here each
table row is one vectorised step: with ``d`` the previous row,

    row[j] = max(d[j], d[j-1] + match[j], row[j-1])

is a running maximum of ``max(d[j], d[j-1] + match[j])`` (LCS lengths grow by at
most one per token, so this equals the textbook recurrence). For ROUGE-Lsum,
one reference sentence is compared with all summary sentences at once: their
columns are laid side by side, each behind a zero column, and a per-sentence
offset keeps the running maximum from leaking across sentences. The LCS paths
are then read back with ``rouge-score``'s own tie-breaking, so the union LCS,
and every score, are identical (``tests/evaluate/test_lcs.py`` checks this).
"""

from __future__ import annotations

import collections
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["score_lcs", "summary_level_lcs"]

Score = tuple[float, float, float]


def _fmeasure(precision: float, recall: float) -> float:
    # rouge_score.scoring.fmeasure
    if precision + recall > 0:
        return 2 * precision * recall / (precision + recall)
    return 0.0


def _tables(
    ref: Sequence[int], segments: Sequence[Sequence[int]]
) -> tuple[npt.NDArray[np.int64], list[int]]:
    """LCS tables of ``ref`` against each segment, side by side; and each segment's first column."""
    cols: list[int] = []
    seg_of: list[int] = []
    starts: list[int] = []
    for k, seg in enumerate(segments):
        starts.append(len(cols))
        cols.append(-1)  # the zero column; token ids are >= 0 so it never matches
        cols.extend(seg)
        seg_of.extend([k] * (len(seg) + 1))
    b = np.asarray(cols, dtype=np.int64)
    offset = np.asarray(seg_of, dtype=np.int64) * (len(ref) + 1)
    zero_col = b < 0
    table = np.zeros((len(ref) + 1, len(b)), dtype=np.int64)
    v = np.zeros(len(b), dtype=np.int64)
    for i, tok in enumerate(ref, 1):
        prev = table[i - 1]
        np.maximum(prev[1:], prev[:-1] + (b[1:] == tok), out=v[1:])
        v[zero_col] = 0
        table[i] = np.maximum.accumulate(v + offset) - offset
    return table, starts


def _backtrack(t: list[list[int]], ref: Sequence[int], can: Sequence[int]) -> list[int]:
    # rouge_score.rouge_scorer._backtrack_norec, same tie-breaking
    i, j = len(ref), len(can)
    lcs: list[int] = []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            lcs.append(i - 1)
            i -= 1
            j -= 1
        elif t[i][j - 1] > t[i - 1][j]:
            j -= 1
        else:
            i -= 1
    lcs.reverse()
    return lcs


def _ids(*token_lists: Sequence[str]) -> dict[str, int]:
    vocab: dict[str, int] = {}
    for tokens in token_lists:
        for tok in tokens:
            vocab.setdefault(tok, len(vocab))
    return vocab


def score_lcs(target: Sequence[str], prediction: Sequence[str]) -> Score:
    """ROUGE-L (precision, recall, F1) of token lists, as ``rouge_score`` computes it."""
    if not target or not prediction:
        return (0.0, 0.0, 0.0)
    vocab = _ids(target, prediction)
    table, _ = _tables([vocab[t] for t in target], [[vocab[t] for t in prediction]])
    length = int(table[-1, -1])
    precision = length / len(prediction)
    recall = length / len(target)
    return (precision, recall, _fmeasure(precision, recall))


def summary_level_lcs(
    ref_sents: Sequence[Sequence[str]], can_sents: Sequence[Sequence[str]]
) -> Score:
    """ROUGE-Lsum of tokenized sentences, as ``rouge_score._summary_level_lcs``."""
    if not ref_sents or not can_sents:
        return (0.0, 0.0, 0.0)
    m = sum(map(len, ref_sents))
    n = sum(map(len, can_sents))
    if not n or not m:
        return (0.0, 0.0, 0.0)
    token_cnts_r: collections.Counter[str] = collections.Counter()
    token_cnts_c: collections.Counter[str] = collections.Counter()
    for s in ref_sents:
        token_cnts_r.update(s)
    for s in can_sents:
        token_cnts_c.update(s)
    vocab = _ids(*ref_sents, *can_sents)
    cans = [[vocab[t] for t in c] for c in can_sents]
    hits = 0
    for r in ref_sents:
        ref_ids = [vocab[t] for t in r]
        table, starts = _tables(ref_ids, cans)
        union: set[int] = set()
        for start, can in zip(starts, cans, strict=True):
            sub = table[:, start : start + len(can) + 1].tolist()
            union.update(_backtrack(sub, ref_ids, can))
        for t in (r[i] for i in sorted(union)):
            # no double counting, as in ROUGE 1.5.5
            if token_cnts_c[t] > 0 and token_cnts_r[t] > 0:
                hits += 1
                token_cnts_c[t] -= 1
                token_cnts_r[t] -= 1
    recall = hits / m
    precision = hits / n
    return (precision, recall, _fmeasure(precision, recall))
