"""Operations that work on dense arrays and scipy CSR matrices alike.

Small documents (a news article) use dense arrays, whose operations cost
microseconds; large ones switch to sparse matrices, whose per-call overhead
is repaid by never materialising ``sentences x vocabulary`` cells.
"""

from __future__ import annotations

from contextlib import nullcontext
from functools import lru_cache
from typing import Any, TypeAlias

import numpy as np
import scipy.sparse as sp
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

__all__ = [
    "DENSE_LIMIT",
    "SMALL_WORK",
    "Matrix",
    "col_sums",
    "counts_matrix",
    "dense",
    "doc_freq",
    "entries",
    "gram",
    "row_entries",
    "row_max",
    "row_sums",
    "scale",
    "single_thread",
]

Matrix: TypeAlias = np.ndarray | sp.csr_matrix

#: Documents with at most this many sentence x term cells use dense arrays.
DENSE_LIMIT = 400_000


def counts_matrix(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> Matrix:
    """Count matrix with a 1 added at every ``(rows[i], cols[i])``; ``rows`` sorted."""
    n, v = shape
    if n * v <= DENSE_LIMIT:
        flat = np.bincount(rows * v + cols, minlength=n * v)
        return flat.reshape(n, v).astype(np.float64)
    keys, counts = np.unique(rows * v + cols, return_counts=True)
    indptr = np.searchsorted(keys // v, np.arange(n + 1), side="left")
    return sp.csr_matrix(
        (counts.astype(np.float64), (keys % v).astype(np.int32), indptr.astype(np.int32)),
        shape=shape,
    )


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


#: Below this many multiply-adds BLAS stays on one thread by itself (OpenBLAS's
#: dgemm: 65536 x GEMM_MULTITHREAD_THRESHOLD, 4 by default), so :func:`single_thread`
#: need not pay for switching (tens of microseconds, more than an article's product).
SMALL_WORK = 1 << 18


def single_thread(work: int | None = None) -> Any:
    """Context manager running BLAS on one thread (small matrices: no thread wake-ups).

    ``work`` is the number of multiply-adds to come; when it is small, limiting
    threads (tens of microseconds) would cost more than the product, and BLAS
    runs it on one thread anyway.
    """
    if work is not None and work < SMALL_WORK:
        return nullcontext()
    return _blas().limit(limits=1, user_api="blas")


def row_sums(m: Matrix) -> np.ndarray:
    """Sum of each row as a 1-D array."""
    return np.asarray(m.sum(axis=1), dtype=np.float64).ravel()


def col_sums(m: Matrix) -> np.ndarray:
    """Sum of each column as a 1-D array."""
    return np.asarray(m.sum(axis=0), dtype=np.float64).ravel()


def row_max(m: Matrix) -> np.ndarray:
    """Maximum of each row (0 for an empty sparse row) as a 1-D array."""
    if m.shape[1] == 0:
        return np.zeros(m.shape[0])
    if isinstance(m, np.ndarray):
        return np.asarray(m.max(axis=1), dtype=np.float64)
    return np.asarray(m.max(axis=1).toarray(), dtype=np.float64).ravel()


def gram(m: Matrix) -> np.ndarray:
    """Dense ``m @ m.T``."""
    if isinstance(m, np.ndarray):
        # A threaded BLAS spends more time waking threads than multiplying an
        # article-sized matrix (10x slower on a busy machine): use one thread.
        with single_thread(m.shape[0] * m.shape[0] * m.shape[1]):
            return np.asarray(np.dot(m, np.ascontiguousarray(m.T)), dtype=np.float64)
    return np.asarray((m @ m.T).toarray(), dtype=np.float64)


def entries(m: Matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row indices, column indices and values of the non-zero cells, row by row."""
    if isinstance(m, np.ndarray):
        rows, cols = np.nonzero(m)
        return rows, cols, m[rows, cols]
    m = m.tocsr()
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    return rows, m.indices.astype(np.int64), m.data


def scale(m: Matrix, rows: np.ndarray, cols: np.ndarray) -> Matrix:
    """``diag(rows) @ m @ diag(cols)`` in the same storage as ``m``."""
    if isinstance(m, np.ndarray):
        return np.asarray(m * rows[:, None] * cols[None, :], dtype=np.float64)
    r, c, v = entries(m)
    return sp.csr_matrix((v * rows[r] * cols[c], (r, c)), shape=m.shape)


def doc_freq(m: Matrix) -> np.ndarray:
    """Number of rows in which each column is non-zero."""
    if isinstance(m, np.ndarray):
        return np.asarray((m > 0).sum(axis=0), dtype=np.float64)
    return np.bincount(m.indices, minlength=m.shape[1]).astype(np.float64)


def dense(m: Matrix) -> np.ndarray:
    """``m`` as a dense array."""
    return m if isinstance(m, np.ndarray) else np.asarray(m.toarray(), dtype=np.float64)


def row_entries(m: Matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of the non-zero cells of row ``i``."""
    if isinstance(m, np.ndarray):
        cols = np.flatnonzero(m[i])
        return cols, m[i, cols]
    lo, hi = m.indptr[i], m.indptr[i + 1]
    return m.indices[lo:hi].astype(np.int64), m.data[lo:hi]
