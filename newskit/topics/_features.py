"""A faster drop-in for scikit-learn's default word n-gram analyzer.

It yields exactly what ``TfidfVectorizer(ngram_range=...)`` would with its
default settings (lowercase, token pattern ``(?u)\\b\\w\\w+\\b``), but builds
the n-grams with ``zip`` instead of slicing a list per n-gram, which makes
vectorising news articles about twice as fast — the throughput target of
``classify_many`` depends on it.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.preprocessing import normalize

__all__ = ["WordNgrams", "tfidf_transform"]

_TOKEN = re.compile(r"(?u)\b\w\w+\b")


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


def tfidf_transform(
    docs: list[str],
    vocabulary: dict[str, int],
    idf: npt.NDArray[np.floating[Any]],
    analyzer: WordNgrams,
) -> sparse.csr_matrix:
    """What a fitted ``TfidfVectorizer(sublinear_tf=True, norm='l2')`` returns, faster.

    The per-token work is done by C loops (``map(dict.get)`` and ``Counter``)
    instead of scikit-learn's Python loop; the result equals
    ``vectorizer.transform(docs)`` up to float rounding (tested).
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
    data = np.log(np.asarray(counts, dtype=np.float64)) + 1.0
    idx = np.asarray(indices, dtype=np.int64)
    data *= np.asarray(idf, dtype=np.float64)[idx]
    ptr = np.asarray(indptr, dtype=np.int64)
    matrix = sparse.csr_matrix((data, idx, ptr), shape=(len(docs), len(idf)))
    matrix.sort_indices()
    normalized: sparse.csr_matrix = normalize(matrix, norm="l2", copy=False)
    return normalized
