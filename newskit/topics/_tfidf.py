"""Word n-gram TF-IDF features, computed faster than scikit-learn does.

:class:`WordNgrams` yields exactly what ``TfidfVectorizer(ngram_range=...)``
would with its default settings (lowercase, token pattern
``(?u)\\b\\w\\w+\\b``), but builds the n-grams with ``zip`` instead of slicing
a list per n-gram; it is the analyzer the model is fitted with.

:class:`NgramTables` transforms a whole batch of texts with a fitted uni/bigram
vocabulary without building any n-gram string: tokens become integer ids
(one dict look-up each), a bigram is the integer ``a * n_ids + b`` looked up in
a sorted array, and one sparse conversion counts every (text, feature) pair of
the batch. The throughput target of ``classify_many`` depends on it. Both
paths equal ``vectorizer.transform(docs)`` up to float rounding (tested).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, compress, count, pairwise, repeat
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.preprocessing import normalize

__all__ = [
    "CharTables",
    "NgramTables",
    "WordChars",
    "WordNgrams",
    "char_wb_ngrams",
    "tfidf_transform",
]

IntArray = npt.NDArray[np.int64]

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# The same tokens as _TOKEN, found a little faster: a greedy \w\w+ always
# starts at the first character of a run of word characters and ends at its
# last, so the \b anchors add nothing.
_FAST_TOKEN = re.compile(r"\w\w+")
# In a text whose word characters are all ASCII (most English news, curly
# quotes and dashes being no word characters), the runs of \w are the runs of
# [0-9A-Za-z_]: C string methods find them (as bytes) without the regex engine.
_NON_ASCII_WORD_CHAR = re.compile(r"[^\x00-\x7f\W]")
_ASCII_WORD_BYTES = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
_ASCII_NON_WORD_TO_SPACE = bytes(c if c in _ASCII_WORD_BYTES else 32 for c in range(256))


def _ascii_words(lowered: str) -> list[bytes] | None:
    """The runs of word characters of ``lowered`` (one-character runs included) as
    ASCII bytes, or ``None`` if it has a non-ASCII word character."""
    if not lowered.isascii() and _NON_ASCII_WORD_CHAR.search(lowered) is not None:
        return None
    # Every non-ASCII character is a non-word one: "?" stands for it as well.
    spaced = lowered.encode("ascii", "replace").translate(_ASCII_NON_WORD_TO_SPACE)
    return spaced.split()


def _tokens(lowered: str) -> list[str]:
    """What ``_TOKEN.findall(lowered)`` returns (used to check the bytes path)."""
    words = _ascii_words(lowered)
    if words is None:
        tokens: list[str] = _FAST_TOKEN.findall(lowered)
        return tokens
    return [w.decode("ascii") for w in words if len(w) > 1]


class WordNgrams:
    """Callable analyzer: lowercased word n-grams for ``min_n <= n <= max_n``.

    >>> WordNgrams(1, 2)("Air strikes, air power")
    ['air', 'strikes', 'air', 'power', 'air strikes', 'strikes air', 'air power']
    """

    def __init__(self, min_n: int = 1, max_n: int = 2) -> None:
        self.min_n = min_n
        self.max_n = max_n

    def __call__(self, doc: str) -> list[str]:
        tokens: list[str] = _TOKEN.findall(doc.lower())
        out: list[str] = tokens[:] if self.min_n == 1 else []
        for n in range(max(2, self.min_n), self.max_n + 1):
            if n == 2:
                out += [f"{a} {b}" for a, b in pairwise(tokens)]
            else:
                out += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return out

    def __repr__(self) -> str:
        return f"WordNgrams({self.min_n}, {self.max_n})"


def _tfidf_matrix(
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int64],
    n_docs: int,
    idf: npt.NDArray[np.float64],
    norm: str = "l2",
) -> sparse.csr_matrix:
    """Sublinear TF-IDF, normalised (``norm``: ``'l2'`` or ``'l1'``), from one (row, col)
    entry per n-gram occurrence."""
    n_features = len(idf)
    if n_docs == 0:  # normalize() refuses an empty matrix
        return sparse.csr_matrix((0, n_features), dtype=np.float64)
    # One sort of (row, col) codes counts every pair and leaves the matrix in
    # CSR order (rows, then sorted columns).
    pairs, counts = np.unique(rows * n_features + cols, return_counts=True)
    pair_rows = pairs // n_features
    indices = pairs - pair_rows * n_features
    indptr = np.searchsorted(pair_rows, np.arange(n_docs + 1))
    data = np.log(counts.astype(np.float64)) + 1.0
    data *= idf[indices]
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(n_docs, n_features))
    normalized: sparse.csr_matrix = normalize(matrix, norm=norm, copy=False)
    return normalized


def tfidf_transform(
    docs: list[str],
    vocabulary: dict[str, int],
    idf: npt.NDArray[np.floating[Any]],
    analyzer: Callable[[str], list[str]],
) -> sparse.csr_matrix:
    """What a fitted ``TfidfVectorizer(sublinear_tf=True, norm='l2')`` returns.

    The generic path, for any callable analyzer: one ``Counter`` of
    vocabulary ids per text. :class:`NgramTables` is faster for word
    uni/bigrams.
    """
    get = vocabulary.get
    indptr = [0]
    indices: list[int] = []
    counts: list[int] = []
    for doc in docs:
        counter = Counter(map(get, analyzer(doc)))
        counter.pop(None, None)
        indices.extend(counter.keys())  # type: ignore[arg-type]
        counts.extend(counter.values())
        indptr.append(len(indices))
    if not docs:  # normalize() refuses an empty matrix
        return sparse.csr_matrix((0, len(idf)), dtype=np.float64)
    data = np.log(np.asarray(counts, dtype=np.float64)) + 1.0
    idx = np.asarray(indices, dtype=np.int64)
    data *= np.asarray(idf, dtype=np.float64)[idx]
    ptr = np.asarray(indptr, dtype=np.int64)
    matrix = sparse.csr_matrix((data, idx, ptr), shape=(len(docs), len(idf)))
    matrix.sort_indices()
    normalized: sparse.csr_matrix = normalize(matrix, norm="l2", copy=False)
    return normalized


class IntMap:
    """A read-only hash map from non-negative int64 keys to int64 values, queried in bulk.

    Open addressing with linear probing in two numpy arrays: a batch of
    queries is answered by a few vectorised probe rounds, about twice as fast
    as a binary search (``np.searchsorted``) in a sorted key array.

    >>> m = IntMap(np.array([7, 1_000_003, 42]), np.array([0, 1, 2]))
    >>> m.get(np.array([42, 8, 7, 1_000_003])).tolist()
    [2, -1, 0, 1]
    """

    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing

    def __init__(self, keys: npt.NDArray[np.int64], values: npt.NDArray[np.int64]) -> None:
        # At most half full: probe runs stay short.
        self.bits = max(1, (2 * len(keys) - 1).bit_length())
        size = 1 << self.bits
        self.keys = np.full(size, -1, dtype=np.int64)
        self.values = np.full(size, -1, dtype=np.int64)
        keys, first = np.unique(keys, return_index=True)
        values = values[first]
        # Insert in rounds: each key still waiting takes its slot if free (the
        # first claimant wins), else moves on to the next slot, as linear
        # probing does, so a look-up finds every key before an empty slot.
        waiting = np.arange(len(keys))
        slots = self._slots(keys)
        while waiting.size:
            free = self.keys[slots] == -1
            claimed, winner = np.unique(slots[free], return_index=True)
            placed = waiting[free][winner]
            self.keys[claimed] = keys[placed]
            self.values[claimed] = values[placed]
            going = np.ones(len(waiting), dtype=np.bool_)
            going[np.flatnonzero(free)[winner]] = False
            waiting, slots = waiting[going], (slots[going] + 1) & (size - 1)

    def _slots(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        hashed = keys.astype(np.uint64) * self._MULTIPLIER  # wraps modulo 2**64
        slots: npt.NDArray[np.int64] = (hashed >> np.uint64(64 - self.bits)).astype(np.int64)
        return slots

    def get(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The value of each key, ``-1`` for keys not in the map."""
        out = np.full(len(keys), -1, dtype=np.int64)
        pending = np.arange(len(keys))
        slots = self._slots(keys)
        mask = len(self.keys) - 1
        while pending.size:
            found = self.keys[slots]
            wanted = keys[pending]
            hit = found == wanted
            out[pending[hit]] = self.values[slots[hit]]
            # Probe on while the slot holds another key; an empty slot ends the search.
            going = ~hit & (found != -1)
            pending = pending[going]
            slots = (slots[going] + 1) & mask
        return out


class NgramTables:
    """Integer look-up tables of a fitted word uni/bigram vocabulary.

    Build once per fitted vocabulary with :meth:`build` (a fraction of a
    second for 60,000 terms), then :meth:`transform` batches of texts.

    >>> vocab = {"air": 0, "strikes": 1, "air strikes": 2, "power": 3}
    >>> tables = NgramTables.build(vocab, np.ones(4), WordNgrams(1, 2))
    >>> tables.transform(["Air strikes, air power", ""]).toarray().round(3)
    array([[0.699, 0.413, 0.413, 0.413],
           [0.   , 0.   , 0.   , 0.   ]])
    """

    def __init__(
        self,
        token_ids: dict[str, int],
        unigram_feature: npt.NDArray[np.int64],
        pairs: IntMap,
        idf: npt.NDArray[np.float64],
    ) -> None:
        self.token_ids = token_ids
        # The same ids for ASCII tokens as bytes; one-character words (no
        # tokens) get an id of their own, dropped after the look-up.
        self._dropped = len(token_ids) + 1
        self.ascii_ids = {t.encode("ascii"): i for t, i in token_ids.items() if t.isascii()}
        self.ascii_ids.update((bytes([c]), self._dropped) for c in _ASCII_WORD_BYTES)
        self.unigram_feature = unigram_feature
        self.pairs = pairs
        self.idf = idf

    @classmethod
    def build(
        cls,
        vocabulary: Mapping[str, int],
        idf: npt.ArrayLike,
        analyzer: object,
    ) -> NgramTables | None:
        """Tables for ``vocabulary``, or ``None`` when ``analyzer`` is not word uni/bigrams."""
        if not isinstance(analyzer, WordNgrams) or not 1 <= analyzer.min_n <= analyzer.max_n <= 2:
            return None
        terms = list(vocabulary)
        n_terms = len(terms)
        index = np.fromiter(vocabulary.values(), dtype=np.int64, count=n_terms)
        spaces = np.fromiter(map(str.count, terms, repeat(" ")), dtype=np.int64, count=n_terms)
        # Terms the analyzer cannot produce (e.g. "a  b") can never match: skipped.
        uni_at = np.flatnonzero(spaces == 0) if analyzer.min_n == 1 else np.arange(0)
        pair_at = np.flatnonzero(spaces == 1) if analyzer.max_n == 2 else np.arange(0)
        uni_terms = [terms[i] for i in uni_at.tolist()]
        halves = " ".join(terms[i] for i in pair_at.tolist()).split(" ") if len(pair_at) else []
        firsts, seconds = halves[0::2], halves[1::2]
        whole = list(map(all, zip(firsts, seconds, strict=True)))
        pair_at = pair_at[np.array(whole, dtype=np.bool_).reshape(-1)]
        firsts, seconds = list(compress(firsts, whole)), list(compress(seconds, whole))
        token_ids = dict(zip(dict.fromkeys(chain(uni_terms, firsts, seconds)), count()))

        def ids(words: list[str]) -> IntArray:
            return np.fromiter(map(token_ids.__getitem__, words), dtype=np.int64, count=len(words))

        # Id len(token_ids) stands for "not in any feature".
        n_ids = len(token_ids) + 1
        unigram_feature = np.full(n_ids, -1, dtype=np.int64)
        unigram_feature[ids(uni_terms)] = index[uni_at]
        return cls(
            token_ids,
            unigram_feature,
            IntMap(ids(firsts) * n_ids + ids(seconds), index[pair_at]),
            np.asarray(idf, dtype=np.float64),
        )

    def transform(self, docs: Sequence[str]) -> sparse.csr_matrix:
        """Sublinear, L2-normalised TF-IDF matrix of ``docs``, shape ``(len(docs), n_features)``."""
        unknown = len(self.unigram_feature) - 1
        per_doc: list[list[int]] = []
        for doc in docs:
            lowered = doc.lower()
            words = _ascii_words(lowered)
            if words is None:
                per_doc.append(
                    list(map(self.token_ids.get, _FAST_TOKEN.findall(lowered), repeat(unknown)))
                )
            else:
                per_doc.append(list(map(self.ascii_ids.get, words, repeat(unknown))))
        lengths = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
        ids = np.fromiter(chain.from_iterable(per_doc), dtype=np.int64, count=int(lengths.sum()))
        doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        kept = ids != self._dropped
        ids, doc_of = ids[kept], doc_of[kept]
        n_tokens = len(ids)

        features = self.unigram_feature[ids]
        found = features >= 0
        rows, cols = [doc_of[found]], [features[found]]
        if n_tokens > 1:
            first, second = ids[:-1], ids[1:]
            # A pair counts only within one text and when both words are known.
            candidate = (doc_of[:-1] == doc_of[1:]) & (first != unknown) & (second != unknown)
            pair_features = self.pairs.get(first[candidate] * (unknown + 1) + second[candidate])
            hit = pair_features >= 0
            rows.append(doc_of[:-1][candidate][hit])
            cols.append(pair_features[hit])
        return _tfidf_matrix(np.concatenate(rows), np.concatenate(cols), len(docs), self.idf)


def char_wb_ngrams(word: str, min_n: int, max_n: int) -> list[str]:
    """The character n-grams scikit-learn's ``char_wb`` analyzer takes of one word.

    The word is padded with one space each side; a padded word no longer than
    ``n`` is one n-gram of itself and ends the list.

    >>> char_wb_ngrams("war", 3, 4)
    [' wa', 'war', 'ar ', ' war', 'war ']
    >>> char_wb_ngrams("un", 3, 5)
    [' un', 'un ', ' un ']
    """
    padded = f" {word} "
    size = len(padded)
    out: list[str] = []
    for n in range(min_n, max_n + 1):
        if size <= n:
            out.append(padded)
            break
        out += [padded[i : i + n] for i in range(size - n + 1)]
    return out


class WordChars:
    """Callable analyzer: character n-grams of each word token, padded with spaces.

    The tokens are those of :class:`WordNgrams` (lowercased, two or more word
    characters), so punctuation next to a word does not change its n-grams.

    >>> WordChars(3, 4)("War, war!")
    [' wa', 'war', 'ar ', ' war', 'war ', ' wa', 'war', 'ar ', ' war', 'war ']
    """

    def __init__(self, min_n: int = 3, max_n: int = 5) -> None:
        self.min_n = min_n
        self.max_n = max_n

    def __call__(self, doc: str) -> list[str]:
        out: list[str] = []
        for token in _tokens(doc.lower()):
            out += char_wb_ngrams(token, self.min_n, self.max_n)
        return out

    def __repr__(self) -> str:
        return f"WordChars({self.min_n}, {self.max_n})"


class CharTables:
    """TF-IDF of :class:`WordChars` n-grams, equal to a vectorizer fitted with it.

    The n-grams of a word depend on that word alone: the vocabulary ids of
    every word in ``words`` (say, the word vocabulary of the model) are
    listed once when the tables are built, other words of a batch once per
    batch. A text is then the concatenation of its words' ids, and one
    sparse conversion counts them (:func:`_tfidf_matrix`).

    >>> vocab = {" wa": 0, "war": 1, "ar ": 2}
    >>> tables = CharTables(vocab, np.ones(3), (3, 3), ["war"])
    >>> tables.transform(["War, war", "", "warm"]).toarray().round(3)
    array([[0.577, 0.577, 0.577],
           [0.   , 0.   , 0.   ],
           [0.707, 0.707, 0.   ]])
    """

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        idf: npt.ArrayLike,
        ngram_range: tuple[int, int],
        words: Sequence[str] = (),
    ) -> None:
        self.vocabulary = vocabulary
        self.idf = np.asarray(idf, dtype=np.float64)
        self.min_n, self.max_n = int(ngram_range[0]), int(ngram_range[1])
        self.known = {w: self._word_ids(w) for w in words}

    def _word_ids(self, word: str) -> list[int]:
        get = self.vocabulary.get
        return [i for i in map(get, char_wb_ngrams(word, self.min_n, self.max_n)) if i is not None]

    def transform(self, docs: Sequence[str]) -> sparse.csr_matrix:
        """Sublinear, L2-normalised TF-IDF matrix of ``docs``, shape ``(len(docs), n_features)``."""
        known = self.known
        batch: dict[str, list[int]] = {}
        per_doc: list[list[int]] = []
        for doc in docs:
            ids: list[int] = []
            for token in _tokens(doc.lower()):
                found = known.get(token)
                if found is None:
                    found = batch.get(token)
                    if found is None:
                        found = batch[token] = self._word_ids(token)
                ids += found
            per_doc.append(ids)
        lengths = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
        cols = np.fromiter(chain.from_iterable(per_doc), dtype=np.int64, count=int(lengths.sum()))
        rows = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        return _tfidf_matrix(rows, cols, len(docs), self.idf)
