"""Variants of the trained ``default`` model, scored on the tuning quarter only.

Each variant changes one thing of what ``newskit train summarizer`` fits —
the feature set, the gradient-boosting capacity, the trees' training target, or
the redundancy control (overlap blocking, or maximal marginal relevance) — and
is fitted on the CNN/DM training sample (the trainer's feature cache,
``--cache``; ``--train N``: its first N articles). For every
variant the selection grid of the trainer (length penalty x overlap threshold,
or x the MMR weight) is searched on the tuning quarter of the validation sample
(every fourth article, the articles the shipped constants were chosen on), and
the best point is printed, beside Lead-3 and the variant at the shipped
constants. No other validation article is read: a variant is chosen here,
and checked afterwards by ``bench_summarize_rouge.py``.

Candidate features (not in the shipped model) are computed here,
:func:`candidate_features`: ``caption`` (a photo-caption cue: a bracketed pointer
such as "(left)" or "(pictured above)", or the word "pictured", which survive
lower-casing and raw Daily Mail text running a caption into the next sentence)
``inverse_long_position`` (1 / (1 + the number of earlier sentences of at
least 8 words): the position within the lead proper, after bylines and teasers)
and ``caption_label`` (the sentence opens with one to four words and a colon, as
Daily Mail captions do: "Victory: ...", which raw text keeps when the caption runs
into the next sentence), ``novelty`` (the share of the sentence's content stems that no
earlier sentence of the article has), ``earlier_overlap`` (the largest share of its content
stems that one earlier sentence shares with it) and ``numbers`` (log(1 + the number of
numbers in the sentence)); all three are computed from lower-cased stems and digits, so
they mean the same on the training text as on raw text.
The stacked score is the pointwise logistic regression of the trainer, or a pairwise
one (``linear="pairwise"``, :func:`fit_pairwise`): a logistic regression without
intercept on the difference of a positive and a negative sentence of one article,
which learns an order within the article, as selection uses it, rather than an absolute
probability; ``"linear only"`` ranks by the linear score alone, without trees, and
``"score, averaged with linear"`` by the mean of the trees' and the linear log-odds.
Graded targets (:data:`TARGETS`) give the trees, instead of the 0/1 oracle label,
a target in [0, 1] built from each sentence's own ROUGE with the highlights
(:func:`individual_rouge`: ROUGE-1 F1 + ROUGE-2 F1 of the sentence alone, on the
oracle's tokens), scaled by the article's best sentence; a target ``p`` is fitted
as two weighted rows (label 1 with weight ``p``, label 0 with weight ``1 - p``),
which is the cross-entropy with a soft label. The logistic regression whose
out-of-fold score the trees read keeps the oracle label.
Larger oracles (:data:`ORACLE_SIZES`: the greedy oracle of 4 or 5 sentences
instead of 3, so more positives per article) label both the logistic regression
and the trees. Article weights (:func:`article_weights`) make each article weigh
the same in the trees' loss (``1 / n`` per sentence of an ``n``-sentence
article) or ``1 / sqrt(n)``, so that long articles, with many negatives, do not
dominate; the logistic regression stays unweighted.
Trigram blocking (control ``"trigram"``, :func:`trigram_pick`, as in BertSumExt)
skips a sentence that shares a word trigram with one already taken, beside the overlap
blocking of the grid's thresholds (1.0: trigram blocking alone). Word pairs
(``words="words + pairs"``, :func:`hashed_pairs`) add each sentence's distinct pairs of
adjacent lower-cased words, hashed into buckets of their own, to the logistic
regression's hashed words.
Candidate columns, individual ROUGE and the larger oracles' labels are kept
beside the trainer's cache, in ``extras.pkl``, and the word pairs in ``pairs.pkl``;
each is computed (a pass over the training text) only when a variant reads it.
``--group NAME`` runs a group of variants declared, with the rule that adopts one
(:data:`GROUPS`), before it was run. ``--every N --offset J`` fits on
articles ``J, J + N, ...``: two offsets give two disjoint training subsets, whose
spread is the fit-to-fit noise a variant has to beat.

Usage: ``nice python benchmarks/summarizer_variants.py --cache DIR [--variants A,B | --group G]
[--train N] [--every N [--offset J]]``
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import pickle
import re
import time
import zlib
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from _common import command

from newskit._artifacts import load_manifest
from newskit.evaluate import oracle, rouge
from newskit.evaluate._oracle import _bigrams, _tokens
from newskit.summarizers import build_document
from newskit.summarizers._registry import SUMMARIZERS
from newskit.summarizers._sentence_features import (
    TRAINED_FEATURES,
    hashed_words,
    trained_features,
)
from newskit.summarizers._stack import Stack
from newskit.summarizers._trained import TRAINED_ARTIFACT, pick
from newskit.training._paths import default_data_dir
from newskit.training._summarizer import (
    LENGTH_PENALTIES,
    MAX_OVERLAPS,
    ORACLE_K,
    TUNE_ARTICLES,
    TUNE_EVERY,
    _cached_features,
    _code_fingerprint,
)
from newskit.training._summarizer_cnndm import (
    TREE_PARAMS,
    Featurized,
    first_articles,
    fit_linear,
    hashed_matrix,
    linear_scores,
    mean_rouge,
    read_cnndm,
)

#: The columns the shipped model uses.
SHIPPED_COLUMNS = len(TRAINED_FEATURES)
CANDIDATES = (
    "caption",
    "inverse_long_position",
    "caption_label",
    "novelty",
    "earlier_overlap",
    "numbers",
)
_CAPTION = re.compile(
    r"\((?:(?:far|second|third|top|bottom|centre|center|pictured|both|main|from)[ -])*"
    r"(?:left|right|centre|center|above|below|top|bottom|pictured|inset|main|middle)\b[^)]*\)"
    r"|\bpictured\b",
    re.IGNORECASE,
)
#: A caption's label: one to four words and a colon opening the sentence ("Victory: ...").
_LABEL = re.compile(r"^\W*(?:[^\W\d_][\w'’-]*\s+){0,3}[^\W\d_][\w'’-]*:\s")
#: A number: digits, with their separators ("1,200", "3.5").
_NUMBER = re.compile(r"\d[\d,.]*")
#: Sentences shorter than this do not count in ``inverse_long_position``.
_LONG = 8
MMR_WEIGHTS = (0.5, 1.0, 2.0, 4.0, 8.0)
#: Oracle sizes whose labels ``extras.pkl`` keeps beside the trainer's (``ORACLE_K``).
ORACLE_SIZES = (4, 5)

#: The trees' target: name -> function of (oracle label, individual ROUGE scaled by the
#: article's best, top-3 by individual ROUGE) giving a target in [0, 1] per sentence.
TARGETS: dict[str, Any] = {
    "oracle": lambda y, share, top: y,
    "oracle or top-3 individual": lambda y, share, top: np.maximum(y, top),
    "top-3 individual": lambda y, share, top: top,
    "half oracle + half individual": lambda y, share, top: 0.5 * y + 0.5 * share,
    "half oracle + half individual cubed": lambda y, share, top: 0.5 * y + 0.5 * share**3,
    "individual": lambda y, share, top: share,
}


class Variant(NamedTuple):
    """What a variant fits: feature columns, tree settings, redundancy control, the trees'
    target, the stacked columns ("score" = the logistic regression's log-odds, "score +
    within" = also their z-score and rank within the article), the oracle size that labels
    the sentences, the trees' sample weights (:func:`article_weights`), the linear
    model (pointwise or pairwise) and its sparse columns (``"words"``: the hashed
    words; ``"words + pairs"``: also the hashed word pairs, :func:`hashed_pairs`)."""

    columns: int | tuple[int, ...]
    trees: dict[str, Any]
    control: str
    target: str
    stacked: str
    oracle_k: int = ORACLE_K
    weighting: str = "none"
    linear: str = "pointwise"
    words: str = "words"


VARIANTS: dict[str, Variant] = {
    "shipped features": Variant(SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "score"),
    "shipped features + MMR": Variant(SHIPPED_COLUMNS, TREE_PARAMS, "mmr", "oracle", "score"),
    "+ score within article": Variant(
        SHIPPED_COLUMNS,
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score + within",
    ),
    "shipped features + 600 trees": Variant(
        SHIPPED_COLUMNS,
        {**TREE_PARAMS, "max_iter": 600},
        "blocking",
        "oracle",
        "score",
    ),
    "shipped features + 63 leaves": Variant(
        SHIPPED_COLUMNS,
        {**TREE_PARAMS, "max_leaf_nodes": 63, "min_samples_leaf": 100},
        "blocking",
        "oracle",
        "score",
    ),
    "+ caption + long position": Variant(
        SHIPPED_COLUMNS + 2,
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score",
    ),
    "+ caption + long position + caption label": Variant(
        SHIPPED_COLUMNS + 3,
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score",
    ),
    "mean of oracle and half/half trees": Variant(
        SHIPPED_COLUMNS,
        TREE_PARAMS,
        "blocking",
        "oracle & half oracle + half individual",
        "score",
    ),
    **{
        f"target: {t}": Variant(SHIPPED_COLUMNS, TREE_PARAMS, "blocking", t, "score")
        for t in TARGETS
        if t != "oracle"
    },
    **{
        f"labels: oracle of {k}": Variant(
            SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "score", oracle_k=k
        )
        for k in ORACLE_SIZES
    },
    **{
        f"weights: {w}": Variant(
            SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "score", weighting=w
        )
        for w in ("1/n per article", "1/sqrt(n) per article")
    },
    "pairwise score": Variant(
        SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "score", linear="pairwise"
    ),
    "pairwise score + 1/n": Variant(
        SHIPPED_COLUMNS,
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score",
        weighting="1/n per article",
        linear="pairwise",
    ),
    "pairwise linear alone": Variant(
        SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "linear only", linear="pairwise"
    ),
    "pointwise linear alone": Variant(
        SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "linear only"
    ),
    "mean of trees and linear": Variant(
        SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "score, averaged with linear"
    ),
    "mean of trees and linear + 1/n": Variant(
        SHIPPED_COLUMNS,
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score, averaged with linear",
        weighting="1/n per article",
    ),
    "+ novelty + earlier overlap + numbers": Variant(
        (*range(SHIPPED_COLUMNS), *range(SHIPPED_COLUMNS + 3, SHIPPED_COLUMNS + 6)),
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score",
    ),
    "+ novelty + earlier overlap + numbers + 1/n": Variant(
        (*range(SHIPPED_COLUMNS), *range(SHIPPED_COLUMNS + 3, SHIPPED_COLUMNS + 6)),
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score",
        weighting="1/n per article",
    ),
    "trigram blocking": Variant(SHIPPED_COLUMNS, TREE_PARAMS, "trigram", "oracle", "score"),
    "mean of trees and linear + trigram blocking": Variant(
        SHIPPED_COLUMNS, TREE_PARAMS, "trigram", "oracle", "score, averaged with linear"
    ),
    "+ word pairs": Variant(
        SHIPPED_COLUMNS, TREE_PARAMS, "blocking", "oracle", "score", words="words + pairs"
    ),
    "mean of trees and linear + word pairs": Variant(
        SHIPPED_COLUMNS,
        TREE_PARAMS,
        "blocking",
        "oracle",
        "score, averaged with linear",
        words="words + pairs",
    ),
}

#: Variant groups declared before they were run (``--group NAME``), each with the rule a
#: variant has to pass to be adopted (printed with the results).
GROUPS: dict[str, tuple[list[str], str]] = {
    "round9": (
        [
            "shipped features",
            "mean of trees and linear",
            "mean of trees and linear + 1/n",
            "trigram blocking",
            "mean of trees and linear + trigram blocking",
            "+ word pairs",
            "mean of trees and linear + word pairs",
        ],
        "a variant is adopted only if its best R-1 + R-2 on the tuning quarter (trainer's "
        "grid) beats 'shipped features' of the same run either by more than 0.3 when both "
        "are fitted on the whole training sample, or on the whole sample and on each of the "
        "three disjoint fifths (--every 5 --offset 0, 1, 2); of the variants that pass, the "
        "one with the best whole-sample R-1 + R-2 is adopted, at the grid point chosen there",
    ),
}
#: Buckets of the hashed word pairs (:func:`hashed_pairs`), beside the words' own.
PAIR_BUCKETS = 1 << 16


def hashed_pairs(stack: Stack) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, buckets and values of each sentence's distinct pairs of adjacent lower-cased
    words (crc32 of ``"w1 w2"`` into :data:`PAIR_BUCKETS` columns), each row scaled to
    unit length, as :func:`~newskit.summarizers._sentence_features.hashed_words` does
    for single words."""
    rows_list: list[int] = []
    buckets: list[int] = []
    for r, tokens in enumerate(stack._tokens):
        keys = {
            zlib.crc32(f"{a} {b}".encode()) % PAIR_BUCKETS for a, b in itertools.pairwise(tokens)
        }
        rows_list.extend([r] * len(keys))
        buckets.extend(sorted(keys))
    rows = np.asarray(rows_list, dtype=np.int64)
    cols = np.asarray(buckets, dtype=np.int64)
    counts = np.bincount(rows, minlength=stack.n_rows).astype(np.float64)
    values = 1.0 / np.sqrt(np.maximum(counts[rows], 1.0))
    return rows, cols, values


def trigrams(stack: Stack) -> list[set[tuple[str, str, str]]]:
    """Each sentence's word trigrams (lower-cased word tokens), for trigram blocking."""
    return [set(zip(t, t[1:], t[2:], strict=False)) for t in stack._tokens]


def trigram_pick(
    scores: np.ndarray,
    stems: list[np.ndarray],
    grams: list[set[Any]],
    k: int,
    max_overlap: float,
) -> np.ndarray:
    """:func:`~newskit.summarizers._trained.pick` with trigram blocking (as in
    BertSumExt): in score order, a sentence sharing a word trigram with one already taken
    is skipped, and so is one whose content-stem Jaccard similarity with one taken
    exceeds ``max_overlap`` (1.0: trigram blocking alone); if that leaves fewer than
    ``k``, the skipped ones follow in score order."""
    order = np.argsort(-scores, kind="stable")
    taken: list[int] = []
    sets: list[set[int]] = []
    seen: set[Any] = set()
    for i in order.tolist():
        if len(taken) == k:
            break
        if grams[i] & seen:
            continue
        words = set(stems[i].tolist())
        if max_overlap < 1.0 and any(len(words & s) > max_overlap * len(words | s) for s in sets):
            continue
        taken.append(i)
        sets.append(words)
        seen |= grams[i]
    chosen = set(taken)
    rest = [i for i in order.tolist() if i not in chosen]
    return np.asarray(taken + rest[: k - len(taken)], dtype=np.int64)


def cached_pairs(examples: list[Any], cache: Path) -> Any:
    """The hashed word pairs (:func:`hashed_pairs`) of every sentence of ``examples``,
    split as the trainer splits them, as a CSR matrix; or what a previous run left in
    ``cache/pairs.pkl`` (keyed by the articles, this function's code and the trainer's)."""
    import inspect

    from scipy import sparse

    from newskit import UnsupportedLanguageError
    from newskit.summarizers._document import Document

    code = inspect.getsource(hashed_pairs) + inspect.getsource(cached_pairs)
    lines = [str(PAIR_BUCKETS), code, _code_fingerprint(), *(ex.id for ex in examples)]
    key = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    path = cache / "pairs.pkl"
    if path.is_file():
        with path.open("rb") as fh:
            stored_key, matrix = pickle.load(fh)
        if stored_key == key:
            return matrix
    parts = []
    for start in range(0, len(examples), 256):
        docs = []
        for ex in examples[start : start + 256]:
            try:
                docs.append(build_document(ex.article))
            except UnsupportedLanguageError:
                docs.append(Document([], []))
        stack = Stack(docs)
        rows, cols, values = hashed_pairs(stack)
        parts.append(sparse.csr_matrix((values, (rows, cols)), shape=(stack.n_rows, PAIR_BUCKETS)))
    matrix = sparse.vstack(parts, format="csr")
    with path.open("wb") as fh:
        pickle.dump((key, matrix), fh, protocol=5)
    return matrix


def _needs_extras(variant: Variant) -> bool:
    """Whether ``variant`` reads :func:`cached_extras` (candidate columns, graded targets,
    larger oracles)."""
    wide = variant.columns if isinstance(variant.columns, int) else max(variant.columns) + 1
    return (
        wide > SHIPPED_COLUMNS
        or any(t != "oracle" for t in variant.target.split(" & "))
        or variant.oracle_k != ORACLE_K
    )


def candidate_features(stack: Stack) -> np.ndarray:
    """The :data:`CANDIDATES` columns of every sentence of ``stack``."""
    n = stack.n_rows
    x = np.zeros((n, len(CANDIDATES)))
    if n == 0:
        return x
    x[:, 0] = np.fromiter(map(_CAPTION.search, stack.sentences), bool, n)
    long = (stack.lengths >= _LONG).astype(np.int64)
    before = np.cumsum(long) - long
    before -= stack.per_row(before[np.minimum(stack.starts, n - 1)])
    x[:, 1] = 1.0 / (1.0 + before)
    x[:, 2] = np.fromiter(map(_LABEL.search, stack.sentences), bool, n)
    x[:, 3], x[:, 4] = _novelty(stack)
    digits = np.fromiter((len(_NUMBER.findall(s)) for s in stack.sentences), np.int64, n)
    x[:, 5] = np.log1p(digits)
    return x


def _novelty(stack: Stack) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence, the share of its content stems no earlier sentence of its article
    has (``novelty``), and the largest share of its content stems that one earlier
    sentence shares with it (``earlier_overlap``; 0 for the first sentence)."""
    n = stack.n_rows
    rows, cols = stack.cells.rows, stack.cells.cols
    first = np.full(int(cols.max()) + 1 if cols.size else 0, n, dtype=np.int64)
    np.minimum.at(first, cols, rows)
    content = np.bincount(rows, minlength=n).astype(np.float64)
    fresh = np.bincount(rows, weights=(first[cols] == rows).astype(np.float64), minlength=n)
    novelty = np.divide(fresh, content, out=np.ones(n), where=content > 0)
    overlap = np.zeros(n)
    bounds = np.searchsorted(rows, np.arange(n + 1))
    sets = [set(cols[bounds[r] : bounds[r + 1]].tolist()) for r in range(n)]
    for d in range(len(stack)):
        start, size = int(stack.starts[d]), int(stack.sizes[d])
        for r in range(start + 1, start + size):
            if sets[r]:
                best = max(len(sets[r] & sets[q]) for q in range(start, r))
                overlap[r] = best / len(sets[r])
    return novelty, overlap


def individual_rouge(sentences: list[str], highlights: list[str]) -> np.ndarray:
    """ROUGE-1 F1 + ROUGE-2 F1 of each sentence alone against the highlights, on the
    token sets of :func:`newskit.evaluate.oracle` (lower-cased alphanumerics, no
    stemming), so that the graded target and the oracle label measure alike."""
    ref = _tokens("\n".join(highlights))
    ref1, ref2 = set(ref), _bigrams(ref)

    def f1(cand: set[Any], reference: set[Any]) -> float:
        hit = len(cand & reference)
        return 2 * hit / (len(cand) + len(reference)) if hit else 0.0

    out = np.zeros(len(sentences))
    for i, sentence in enumerate(sentences):
        toks = _tokens(sentence)
        out[i] = f1(set(toks), ref1) + f1(_bigrams(toks), ref2)
    return out


def cached_extras(examples: list[Any], cache: Path) -> tuple[np.ndarray, np.ndarray]:
    """:func:`candidate_features` of every sentence of ``examples`` (split as the trainer
    splits them), and per sentence its :func:`individual_rouge` then its labels from the
    oracles of :data:`ORACLE_SIZES` sentences (one column each); or what a previous run
    left in ``cache/extras.pkl``."""
    from newskit import UnsupportedLanguageError
    from newskit.summarizers._document import Document

    names = ",".join([*CANDIDATES, "individual_rouge", *(f"oracle_{k}" for k in ORACLE_SIZES)])
    # keyed by the code too: this script's and the trainer's (splitter, oracle tokens)
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + _code_fingerprint()
    lines = [names, code, *(ex.id for ex in examples)]
    key = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    path = cache / "extras.pkl"
    if path.is_file():
        with path.open("rb") as fh:
            stored_key, x, per_row = pickle.load(fh)
        if stored_key == key:
            return np.asarray(x), np.asarray(per_row)
    parts, rows = [], []
    for start in range(0, len(examples), 256):
        docs = []
        part = examples[start : start + 256]
        for ex in part:
            try:
                docs.append(build_document(ex.article))
            except UnsupportedLanguageError:
                docs.append(Document([], []))
        parts.append(candidate_features(Stack(docs)).astype(np.float32))
        for doc, ex in zip(docs, part, strict=True):
            block = np.zeros((len(doc), 1 + len(ORACLE_SIZES)))
            block[:, 0] = individual_rouge(doc.sentences, ex.highlights)
            for j, k in enumerate(ORACLE_SIZES, start=1):
                if len(doc):
                    block[oracle(doc.sentences, "\n".join(ex.highlights), k=k), j] = 1.0
            rows.append(block)
    x = np.vstack(parts)
    per_row = np.vstack([np.zeros((0, 1 + len(ORACLE_SIZES))), *rows])
    with path.open("wb") as fh:
        pickle.dump((key, x, per_row), fh, protocol=5)
    return x, per_row


def graded_parts(gain: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's individual ROUGE as a share of its article's best, and 1 for the
    (at most) 3 sentences of its article with the best individual ROUGE (> 0)."""
    share = np.zeros(gain.size)
    top = np.zeros(gain.size)
    start = 0
    for size in sizes.tolist():
        block = gain[start : start + size]
        best = block.max() if size else 0.0
        if best > 0:
            share[start : start + size] = block / best
            order = np.argsort(-block, kind="stable")[:3]
            top[start + order[block[order] > 0]] = 1.0
        start += size
    return share, top


def article_weights(sizes: np.ndarray, weighting: str) -> np.ndarray | None:
    """A weight per sentence row: ``"1/n per article"`` gives each sentence of an
    ``n``-sentence article ``1 / n`` (every article weighs the same), ``"1/sqrt(n) per
    article"`` ``1 / sqrt(n)``; scaled to a mean of 1 (the rows' total is kept);
    ``"none"``: ``None``."""
    if weighting == "none":
        return None
    power = {"1/n per article": 1.0, "1/sqrt(n) per article": 0.5}[weighting]
    n = np.repeat(sizes, sizes).astype(np.float64)
    w = n**-power
    return w * (w.size / w.sum()) if w.size else w


def fit_trees(
    x: np.ndarray,
    target: np.ndarray,
    trees: dict[str, Any],
    sample_weight: np.ndarray | None = None,
) -> Any:
    """Gradient boosting on a target in [0, 1]: a 0/1 target as it is, a graded one as
    two weighted rows per sentence (label 1 weighing ``p``, label 0 weighing ``1 - p``;
    rows of weight 0 left out); each row's weight is also multiplied by
    ``sample_weight``, if given."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**trees)
    base = np.ones(target.size) if sample_weight is None else sample_weight
    if np.array_equal(target, target.round()):
        return model.fit(x, target.astype(np.int8), sample_weight=sample_weight)
    pos, neg = target > 0, target < 1
    rows = np.concatenate([np.flatnonzero(pos), np.flatnonzero(neg)])
    labels = np.concatenate([np.ones(pos.sum(), np.int8), np.zeros(neg.sum(), np.int8)])
    weights = np.concatenate([target[pos], 1.0 - target[neg]]) * base[rows]
    return model.fit(x[rows], labels, sample_weight=weights)


def every_nth(
    data: Featurized, gain: np.ndarray, n: int, offset: int = 0
) -> tuple[Featurized, np.ndarray]:
    """The rows of ``data`` and ``gain`` that belong to every ``n``-th article, from
    article ``offset`` on."""
    doc = np.repeat(np.arange(data.sizes.size), data.sizes)
    keep = doc % n == offset
    new_row = np.cumsum(keep) - 1
    cells = keep[data.hash_rows]
    subset = Featurized(
        data.x[keep],
        new_row[data.hash_rows[cells]],
        data.hash_cols[cells],
        data.hash_values[cells],
        data.y[keep],
        data.sizes[offset::n],
    )
    return subset, gain[keep]


def within_article(score: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Each row's ``score`` as a z-score within its article and as its rank there (best =
    0, as a share of the article's sentences): two columns."""
    out = np.zeros((score.size, 2))
    start = 0
    for size in sizes.tolist():
        block = score[start : start + size]
        if size:
            spread = block.std()
            out[start : start + size, 0] = (block - block.mean()) / spread if spread > 0 else 0.0
            rank = np.empty(size)
            rank[np.argsort(-np.round(block, 9), kind="stable")] = np.arange(size)
            out[start : start + size, 1] = rank / size
        start += size
    return out


def _columns(data: Featurized, m: int | tuple[int, ...]) -> Featurized:
    return data._replace(x=data.x[:, _index(m)])


def _index(m: int | tuple[int, ...]) -> Any:
    """A variant's feature columns: the first ``m``, or the columns listed."""
    return slice(0, m) if isinstance(m, int) else list(m)


def pairs(y: np.ndarray, sizes: np.ndarray, negatives: int, seed: int = 0) -> np.ndarray:
    """Row pairs (positive, negative) of one article each: every positive sentence with
    at most ``negatives`` of its article's negative ones (drawn with a fixed seed)."""
    rng = np.random.default_rng(seed)
    out = []
    start = 0
    for size in sizes.tolist():
        block = y[start : start + size]
        pos = np.flatnonzero(block == 1) + start
        neg = np.flatnonzero(block == 0) + start
        for p in pos.tolist():
            chosen = neg if neg.size <= negatives else rng.choice(neg, negatives, replace=False)
            out.extend((p, q) for q in chosen.tolist())
        start += size
    return np.asarray(out, dtype=np.int64).reshape(-1, 2)


def fit_pairwise(
    x: np.ndarray, hashed: Any, y: np.ndarray, sizes: np.ndarray, c: float, negatives: int = 8
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """A pairwise ranking logistic regression: on the difference of the standardised
    features and hashed words of a positive and a negative sentence of one article
    (:func:`pairs`; every other pair turned round, label 0), without intercept. Returns
    what :func:`fit_linear` returns (intercept 0), so the run time scores it alike."""
    import warnings

    from scipy import sparse
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0, dtype=np.float64)
    scale = x.std(axis=0, dtype=np.float64)
    scale[scale == 0] = 1.0
    z = sparse.hstack([sparse.csr_matrix((x - mean) / scale), hashed], format="csr")
    pr = pairs(y, sizes, negatives)
    sign = np.where(np.arange(len(pr)) % 2 == 0, 1.0, -1.0)
    diff = sparse.diags(sign) @ (z[pr[:, 0]] - z[pr[:, 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = LogisticRegression(C=c, max_iter=300, tol=1e-4, fit_intercept=False)
        model.fit(diff.tocsr(), (sign > 0).astype(np.int8))
    coef = model.coef_[0]
    n = x.shape[1]
    return mean, scale, coef[:n], coef[n:], 0.0


def mmr(scores: np.ndarray, stems: list[np.ndarray], k: int, weight: float) -> np.ndarray:
    """Greedy maximal marginal relevance: each step takes the sentence with the best
    ``score - weight * (largest Jaccard similarity with a sentence already taken)``."""
    sets = [set(s.tolist()) for s in stems]
    taken: list[int] = []
    penalty = np.zeros(scores.size)
    for _ in range(min(k, scores.size)):
        value = scores - weight * penalty
        value[taken] = -np.inf
        best = int(np.argmax(value))
        taken.append(best)
        chosen = sets[best]
        for i, s in enumerate(sets):
            union = len(s | chosen)
            if union:
                penalty[i] = max(penalty[i], len(s & chosen) / union)
    return np.asarray(taken, dtype=np.int64)


class Tuning:
    """The tuning quarter, featurized once: features, hashed words, sentence stems."""

    def __init__(self, data_dir: Path) -> None:
        val = list(read_cnndm(data_dir, "val"))[::TUNE_EVERY][:TUNE_ARTICLES]
        self.docs = [build_document(ex.article) for ex in val]
        self.refs = ["\n".join(ex.highlights) for ex in val]
        self.stems: list[list[np.ndarray]] = []
        self.trigrams: list[list[set[Any]]] = []
        xs, hashed, pair_parts = [], [], []
        for doc in self.docs:  # one stack per article: stems are the article's own columns
            stack = Stack([doc])
            xs.append(np.hstack([trained_features(stack), candidate_features(stack)]))
            rows, cols, values = hashed_words(stack)
            hashed.append((rows, cols, values, stack.n_rows))
            pair_parts.append(hashed_pairs(stack))
            self.trigrams.append(trigrams(stack))
            cells = stack.cells
            bounds = np.searchsorted(cells.rows, np.arange(stack.n_rows + 1))
            self.stems.append([cells.cols[bounds[r] : bounds[r + 1]] for r in range(stack.n_rows)])
        self.x = np.vstack(xs)
        offsets = np.cumsum([0] + [h[3] for h in hashed])
        self.hashed = Featurized(
            self.x,
            np.concatenate([h[0] + o for h, o in zip(hashed, offsets, strict=False)]),
            np.concatenate([h[1] for h in hashed]),
            np.concatenate([h[2] for h in hashed]),
            np.zeros(self.x.shape[0], dtype=np.int8),
            np.asarray([len(d) for d in self.docs]),
        )
        from scipy import sparse

        self.pairs = sparse.csr_matrix(
            (
                np.concatenate([p[2] for p in pair_parts]),
                (
                    np.concatenate([p[0] + o for p, o in zip(pair_parts, offsets, strict=False)]),
                    np.concatenate([p[1] for p in pair_parts]),
                ),
            ),
            shape=(self.x.shape[0], PAIR_BUCKETS),
        )
        self.lengths = np.concatenate([Stack([d]).lengths for d in self.docs]).astype(float)
        self.bounds = offsets
        self._cache: dict[tuple[int, tuple[int, ...]], tuple[float, float]] = {}

    def score(self, raw: np.ndarray, penalty: float, select: Any) -> tuple[float, float]:
        """Mean R-1, R-2 of 3-sentence summaries picked by ``select(scores, i, k)`` (``i``:
        the article's index, for its stems and trigrams)."""
        r1 = r2 = 0.0
        adjusted = raw - penalty * np.log1p(self.lengths)
        for i, doc in enumerate(self.docs):
            mine = adjusted[self.bounds[i] : self.bounds[i + 1]]
            key = (i, tuple(sorted(select(mine, i, min(3, len(doc))).tolist())))
            if key not in self._cache:
                got = rouge([doc.sentences[j] for j in key[1]], self.refs[i])
                self._cache[key] = (got["rouge1"].fmeasure, got["rouge2"].fmeasure)
            a, b = self._cache[key]
            r1, r2 = r1 + a, r2 + b
        n = len(self.docs)
        return 100 * r1 / n, 100 * r2 / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--cache", type=Path, required=True, help="the trainer's feature cache")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument(
        "--group",
        choices=sorted(GROUPS),
        default=None,
        help="the variants of a group declared in advance (overrides --variants); its "
        "adoption rule is printed",
    )
    parser.add_argument("--train", type=int, default=None, help="first N training articles")
    parser.add_argument(
        "--every",
        type=int,
        default=1,
        help="every N-th training article only (the sample runs CNN first, then Daily Mail: "
        "a stride keeps both)",
    )
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="with --every N: start at this article (0 <= J < N; offsets give disjoint subsets)",
    )
    parser.add_argument(
        "--penalties",
        default=",".join(map(str, LENGTH_PENALTIES)),
        help="length penalties searched (default: the trainer's grid)",
    )
    args = parser.parse_args(argv)
    penalties = [float(v) for v in args.penalties.split(",")]
    print(f"command: {command()}")
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    names = GROUPS[args.group][0] if args.group else args.variants.split(",")
    if args.group:
        print(f"group {args.group}: {', '.join(names)}\nrule: {GROUPS[args.group][1]}")
    chosen = [VARIANTS[name] for name in names]
    train = list(read_cnndm(args.data_dir, "train"))
    data = _cached_features(train, args.cache, f"train-all-k{ORACLE_K}.pkl")
    # the candidate columns, graded targets and larger oracles take a pass over the
    # training text of their own: only when a variant reads them
    if any(_needs_extras(v) for v in chosen):
        extra_x, per_row = cached_extras(train, args.cache)
    else:
        extra_x = np.zeros((data.x.shape[0], len(CANDIDATES)), dtype=np.float32)
        per_row = np.zeros((data.x.shape[0], 1 + len(ORACLE_SIZES)))
    data = data._replace(x=np.hstack([data.x, extra_x]))
    pair_matrix = (
        cached_pairs(train, args.cache) if any(v.words != "words" for v in chosen) else None
    )
    n_rows = data.y.size
    if args.train:
        data = first_articles(data, args.train)
        per_row = per_row[: data.y.size]
    if args.every > 1 or args.offset:
        kept = np.repeat(np.arange(data.sizes.size), data.sizes) % args.every == args.offset
        data, per_row = every_nth(data, per_row, args.every, args.offset)
    else:
        kept = np.ones(data.y.size, dtype=bool)
    if pair_matrix is not None:
        pair_matrix = pair_matrix[: kept.size][kept] if kept.size < n_rows else pair_matrix[kept]
    share, top = graded_parts(per_row[:, 0], data.sizes)
    labels = {ORACLE_K: data.y, **{k: per_row[:, j] for j, k in enumerate(ORACLE_SIZES, 1)}}
    tuning = Tuning(args.data_dir)
    lead = mean_rouge(SUMMARIZERS["lead"](), tuning.docs, tuning.refs, 3)
    shipped = load_manifest()["artifacts"][TRAINED_ARTIFACT]["selection"]
    print(
        f"tuning quarter: {len(tuning.docs)} CNN/DM validation articles, 3 sentences, "
        f"mean ROUGE F1; Lead-3 {lead[0]:.2f} / {lead[1]:.2f}; shipped constants: "
        f"length_penalty={shipped['length_penalty']}, max_overlap={shipped['max_overlap']}\n"
    )
    doc = np.repeat(np.arange(data.sizes.size), data.sizes)
    linear: dict[Any, tuple[np.ndarray, np.ndarray]] = {}
    fitted: dict[Any, np.ndarray] = {}
    for name in names:
        m, trees, control, target, stacked, oracle_k, weighting, how, words = VARIANTS[name]
        y = labels[oracle_k].astype(np.int8)
        t0 = time.process_time()
        key = (m, tuple(sorted(trees.items())), target, stacked, oracle_k, weighting, how, words)
        with threadpool_limits(1):
            if (m, oracle_k, how, words) not in linear:
                from scipy import sparse

                part = _columns(data, m)
                x = part.x.astype(np.float64)
                hashed = hashed_matrix(part)
                val = _columns(tuning.hashed, m)
                val_hashed = hashed_matrix(val)
                if words == "words + pairs":
                    hashed = sparse.hstack([hashed, pair_matrix], format="csr")
                    val_hashed = sparse.hstack([val_hashed, tuning.pairs], format="csr")
                oof = np.zeros(x.shape[0])
                for f in range(2):
                    held = doc % 2 == f
                    if how == "pairwise":
                        fold = fit_pairwise(
                            x[~held], hashed[~held], y[~held], data.sizes[f ^ 1 :: 2], 1.0
                        )
                    else:
                        fold = fit_linear(x[~held], hashed[~held], y[~held], 1.0)
                    oof[held] = linear_scores(x[held], hashed[held], fold)
                if how == "pairwise":
                    params = fit_pairwise(x, hashed, y, data.sizes, 1.0)
                else:
                    params = fit_linear(x, hashed, y, 1.0)
                linear[m, oracle_k, how, words] = (
                    oof,
                    linear_scores(val.x, val_hashed, params),
                )
            # variants that differ only in selection share the fit; "A & B" is the mean
            # of the log-odds of trees fitted on target A and on target B
            part_keys = [(*key[:2], t, *key[3:]) for t in target.split(" & ")]
            for part_key in part_keys:
                if part_key in fitted:
                    continue
                oof, val_linear = linear[m, oracle_k, how, words]
                if stacked == "linear only":
                    fitted[part_key] = val_linear
                    continue
                x = data.x[:, _index(m)].astype(np.float64)
                goal = TARGETS[part_key[2]](y.astype(np.float64), share, top)
                train_x = [x, oof[:, None]]
                val_x = [tuning.x[:, _index(m)], val_linear[:, None]]
                if stacked == "score + within":
                    train_x.append(within_article(oof, data.sizes))
                    val_x.append(within_article(val_linear, tuning.hashed.sizes))
                weights = article_weights(data.sizes, weighting)
                model = fit_trees(np.hstack(train_x), goal, trees, weights)
                fitted[part_key] = model.decision_function(np.hstack(val_x))
                if stacked == "score, averaged with linear":
                    fitted[part_key] = 0.5 * (fitted[part_key] + val_linear)
            raw = np.mean([fitted[part_key] for part_key in part_keys], axis=0)
        seconds = time.process_time() - t0
        grid = MMR_WEIGHTS if control == "mmr" else MAX_OVERLAPS
        results = {}
        for penalty, value in itertools.product(penalties, grid):
            if control == "mmr":
                select = lambda s, i, k, w=value: mmr(s, tuning.stems[i], k, w)  # noqa: E731
            elif control == "trigram":
                select = lambda s, i, k, o=value: trigram_pick(  # noqa: E731
                    s, tuning.stems[i], tuning.trigrams[i], k, o
                )
            else:
                select = lambda s, i, k, o=value: pick(s, tuning.stems[i], k, o)  # noqa: E731
            results[(penalty, value)] = tuning.score(raw, penalty, select)
        (penalty, value), (r1, r2) = max(results.items(), key=lambda kv: sum(kv[1]))
        at = results.get((shipped["length_penalty"], shipped["max_overlap"]))
        shown = f"{at[0]:.2f} / {at[1]:.2f}" if at else "n/a"
        knob = "mmr weight" if control == "mmr" else "max_overlap"
        print(
            f"{name:30s} | best: penalty={penalty} {knob}={value}: R-1 {r1:.2f} R-2 {r2:.2f} "
            f"(R1+R2 {r1 + r2:.2f}; Δ lead {r1 - lead[0]:+.2f} / {r2 - lead[1]:+.2f}) | "
            f"at shipped constants {shown} | fit {seconds:.0f} s",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
