"""LSA (Steinberger & Ježek 2004): sentence strength in the latent topic space."""

from __future__ import annotations

import numpy as np
from scipy.sparse.linalg import svds

from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.summarizers._linalg import entries, row_max

__all__ = ["LsaSummarizer"]


class LsaSummarizer(Summarizer):
    """Score sentences by their length in the SVD space of the term-sentence matrix.

    The matrix holds smoothed term frequencies ``smooth + (1 - smooth) * tf /
    max_tf`` per sentence (as in sumy; absent terms get ``smooth`` too). With
    ``dimensions=None`` every singular dimension is kept; the score
    ``sqrt(sum_i sigma_i**2 * v_ij**2)`` then equals the norm of sentence
    column ``j`` exactly (``Sigma V^T = U^T A`` and ``U`` is orthonormal), so no
    SVD is computed: the cost is linear in the number of tokens. With fewer
    dimensions a truncated SVD is computed (cubic in the smaller side).

    Parameters
    ----------
    dimensions : int or None
        Number of latent dimensions to keep (at least 3, like sumy); ``None``
        keeps them all.
    smooth : float
        The smoothing constant of the term frequencies, in ``[0, 1)``.
    """

    name = "lsa"

    def __init__(self, dimensions: int | None = None, smooth: float = 0.4) -> None:
        self.dimensions = dimensions
        self.smooth = smooth

    def score(self, doc: Document) -> np.ndarray:
        """Length of each sentence vector in the kept latent dimensions."""
        n = len(doc)
        stems = doc.stem_ids
        in_dict = np.zeros(doc.n_stems, dtype=bool)
        in_dict[stems[~doc.is_stop]] = True
        n_terms = int(in_dict.sum())
        if n_terms == 0:
            return np.zeros(n)
        # sumy counts every token whose stem is in the dictionary, stop words included
        counts = doc.count_matrix(stems, in_dict[stems], doc.n_stems)
        peak = row_max(counts)
        rows, cols, values = entries(counts)
        s = self.smooth
        cells = s + (1.0 - s) * values / peak[rows]
        has = peak > 0
        nnz = np.bincount(rows, minlength=n)
        norm2 = np.bincount(rows, weights=cells**2, minlength=n) + s * s * (n_terms - nnz)
        norm2[~has] = 0.0
        if self.dimensions is None or max(3, self.dimensions) >= min(n, n_terms):
            return np.sqrt(norm2)
        column = np.cumsum(in_dict) - 1
        tf = np.zeros((n, n_terms))
        tf[has] = s
        tf[rows, column[cols]] = cells
        # a fixed start vector: ARPACK's default is random, and so would the picks be
        start = np.random.default_rng(0).uniform(-1.0, 1.0, min(tf.shape))
        u, sigma, _vt = svds(tf, k=max(3, self.dimensions), v0=start)
        return np.asarray(np.sqrt(((u * sigma) ** 2).sum(axis=1)), dtype=np.float64)
