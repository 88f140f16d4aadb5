"""Word classes learned from unlabelled news: a word -> cluster-id map for the topic models.

A linear model over words only knows the words of its labelled examples.
Words that occur in similar contexts in a large unlabelled corpus
("typhoon" and "cyclone", "ceasefire" and "truce") are grouped here into one
class, so a text gets a feature for the class even when its word was never
labelled (see ``word_clusters`` of :class:`~newskit.topics.TopicClassifier`).

The unlabelled text is the CNN/DailyMail training sample
(``cnndm-train-sample/train.jsonl.xz``) without any article the labelled
corpus uses (ids ``train:N`` of the ``cnndm-*`` sources, and exact copies of
their text), so no labelled item's text shapes the classes. Steps, all
seeded and single-threaded (the same data give the same map):

1. tokens as the models read them (lower-cased ``\\w\\w+`` runs of the
   detokenised text); the ``n_words`` most frequent words (at least
   ``min_count`` occurrences) are clustered, the ``n_contexts`` most frequent
   are contexts;
2. word-context counts within ``window`` tokens either side, positive
   pointwise mutual information with context-distribution smoothing
   (exponent 0.75, Levy, Goldberg and Dagan 2015);
3. truncated SVD to ``dims`` dimensions (word vectors ``U * sqrt(S)``),
   L2-normalised;
4. k-means into ``k`` clusters, numbered in order of their most frequent word.
"""

from __future__ import annotations

import json
import lzma
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from newskit.topics._tfidf import _tokens
from newskit.training.topics._labels import _detok

__all__ = [
    "CNNDM_SOURCES",
    "build_word_clusters",
    "build_word_vectors",
    "cluster_words",
    "unlabelled_cnndm",
    "vectors",
]

FloatArray = npt.NDArray[np.float64]

#: Label-file sources whose ``source_id`` is a line ``train:N`` of the CNN/DM sample.
CNNDM_SOURCES = ("cnndm-train", "cnndm-lead", "cnndm-highlights")


def _labelled_ids(label_files: Iterable[Path]) -> set[str]:
    out = set()
    for path in label_files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("source") in CNNDM_SOURCES:
                    out.add(str(rec["source_id"]))
    return out


def unlabelled_cnndm(data_dir: Path, label_files: Iterable[Path]) -> list[str]:
    """Detokenised CNN/DM training articles that no label file names.

    Empty articles, repeated articles and copies of a labelled article's text
    are left out.

    Parameters
    ----------
    data_dir : Path
        The shared data folder (holding ``cnndm-train-sample``).
    label_files : iterable of Path
        Label files (JSON lines with ``source`` and ``source_id``).

    Returns
    -------
    list of str
        The articles, in file order.
    """
    labelled = _labelled_ids(label_files)
    path = data_dir / "cnndm-train-sample" / "train.jsonl.xz"
    kept: dict[str, None] = {}  # insertion-ordered, without repeats
    twins: set[str] = set()
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            article = json.loads(line)["article"].strip()
            if f"train:{i}" in labelled:
                twins.add(article)  # and its copies under other ids
            elif article:
                kept[article] = None
    return [_detok(a) for a in kept if a not in twins]


def vectors(
    texts: Sequence[str],
    *,
    n_words: int = 40_000,
    n_contexts: int = 10_000,
    min_count: int = 5,
    window: int = 5,
    dims: int = 150,
    seed: int = 0,
) -> tuple[list[str], FloatArray]:
    """Word vectors of the most frequent words: SVD of a PPMI word-context matrix.

    Parameters
    ----------
    texts : sequence of str
        Unlabelled text.
    n_words : int
        Words to embed (the most frequent, each at least ``min_count`` times).
    n_contexts : int
        Context words (the most frequent).
    min_count : int
        Fewest occurrences of an embedded word.
    window : int
        Context window, tokens either side.
    dims : int
        Dimensions of the vectors (fewer if the words or contexts are fewer).
    seed : int
        Seed of the randomized SVD.

    Returns
    -------
    words : list of str
        The embedded words, most frequent first (ties: alphabetical).
    vectors : ndarray of shape (len(words), dims)
        L2-normalised vectors, one row per word.
    """
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    docs = [_tokens(t.lower()) for t in texts]
    counts = Counter(w for d in docs for w in d)
    ranked = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    words = ranked[:n_words]
    index = {w: i for i, w in enumerate(words)}
    n_ctx = min(n_contexts, len(words))
    cooc = sparse.csr_matrix((len(words), n_ctx), dtype=np.float64)
    batch: list[npt.NDArray[np.int64]] = []

    def flush() -> sparse.csr_matrix:
        ids = np.concatenate(batch) if batch else np.zeros(0, dtype=np.int64)
        rows, cols = [], []
        for d in range(1, window + 1):
            a, b = ids[:-d], ids[d:]
            for r, c in ((a, b), (b, a)):
                ok = (r >= 0) & (c >= 0) & (c < n_ctx)
                rows.append(r[ok])
                cols.append(c[ok])
        r_all, c_all = np.concatenate(rows), np.concatenate(cols)
        data = np.ones(len(r_all))
        return sparse.csr_matrix((data, (r_all, c_all)), shape=cooc.shape)

    gap = np.full(window, -1, dtype=np.int64)  # no window crosses two texts
    for n, doc in enumerate(docs):
        batch.append(np.fromiter((index.get(w, -1) for w in doc), dtype=np.int64, count=len(doc)))
        batch.append(gap)
        if n % 2000 == 1999:
            cooc = cooc + flush()
            batch = []
    cooc = (cooc + flush()).tocsr()
    # PPMI with the context distribution raised to 0.75.
    total = cooc.sum()
    row = np.asarray(cooc.sum(axis=1)).ravel()
    ctx = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75
    ctx /= ctx.sum()
    coo = cooc.tocoo()
    pmi = np.log(coo.data * 1.0 / total) - np.log(row[coo.row] / total) - np.log(ctx[coo.col])
    keep = pmi > 0
    ppmi = sparse.csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=cooc.shape, dtype=np.float64
    )
    dims = max(1, min(dims, n_ctx - 1, len(words) - 1))
    svd = TruncatedSVD(dims, algorithm="randomized", n_iter=7, random_state=seed)
    u = svd.fit_transform(ppmi)  # U * S
    sing = svd.singular_values_
    vec = u / np.sqrt(np.maximum(sing, 1e-12))  # U * sqrt(S)
    out: FloatArray = normalize(vec)
    return words, out


def cluster_words(words: Sequence[str], vecs: FloatArray, k: int, seed: int = 0) -> dict[str, int]:
    """k-means classes of word vectors, numbered in order of their first word in ``words``.

    Parameters
    ----------
    words : sequence of str
        The words, one per row of ``vecs``.
    vecs : ndarray of shape (len(words), dims)
        Their vectors.
    k : int
        Number of classes (at most one per word).
    seed : int
        Seed of the k-means initialisation.

    Returns
    -------
    dict of str to int
        The class (``0 .. k-1``) of every word.
    """
    from sklearn.cluster import KMeans

    labels = KMeans(min(k, len(words)), n_init=1, max_iter=100, random_state=seed).fit_predict(vecs)
    order: dict[int, int] = {}
    for lab in labels.tolist():
        order.setdefault(lab, len(order))
    return {w: order[lab] for w, lab in zip(words, labels.tolist(), strict=True)}


def build_word_vectors(
    data_dir: Path, label_files: Iterable[Path], *, seed: int = 0
) -> tuple[list[str], FloatArray]:
    """The word vectors of the unlabelled CNN/DM articles (steps 1-3 above).

    Parameters
    ----------
    data_dir : Path
        The shared data folder.
    label_files : iterable of Path
        Label files whose CNN/DM items are left out.
    seed : int
        Seed of the SVD.

    Returns
    -------
    words : list of str
        The embedded words, most frequent first.
    vectors : ndarray of shape (len(words), dims)
        Their unit-length vectors.
    """
    # One thread: the order of floating-point sums, and so the vectors, must
    # not depend on the machine's cores.
    with threadpool_limits(1):
        return vectors(unlabelled_cnndm(data_dir, label_files), seed=seed)


def build_word_clusters(
    data_dir: Path,
    label_files: Iterable[Path],
    ks: Iterable[int],
    *,
    seed: int = 0,
    word_vectors: tuple[list[str], FloatArray] | None = None,
) -> dict[int, dict[str, int]]:
    """Word -> class maps learned from the unlabelled CNN/DM articles, one per number of classes.

    Parameters
    ----------
    data_dir : Path
        The shared data folder.
    label_files : iterable of Path
        Label files whose CNN/DM items are left out.
    ks : iterable of int
        Numbers of classes.
    seed : int
        Seed of the SVD and of k-means.
    word_vectors : (list of str, ndarray), optional
        What :func:`build_word_vectors` returns for the same arguments (built
        here if not given).

    Returns
    -------
    dict of int to dict of str to int
        For each number of classes, the class of each of the most frequent words.
    """
    # One thread: the order of floating-point sums, and so the classes, must
    # not depend on the machine's cores.
    words, vecs = word_vectors or build_word_vectors(data_dir, label_files, seed=seed)
    with threadpool_limits(1):
        return {k: cluster_words(words, vecs, k, seed) for k in sorted(set(ks))}
