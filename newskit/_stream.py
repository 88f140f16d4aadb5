"""Ordered, bounded-memory batch streaming over joblib.

Inputs are consumed lazily in batches of ``batch_size``; at most
``pre_dispatch`` batches are in flight, so memory is bounded by the batch size
and not by the length of the input. Results come back in input order.
Parallelism goes through :mod:`joblib`, so callers choose the backend
(``loky``, threads, Dask, Ray) with :func:`joblib.parallel_config`.

A worker *process* started by this process (loky, multiprocessing) watches
it while it works: if this process dies, the worker exits within a second
instead of lingering (:mod:`newskit._watchdog`).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TypeVar

from joblib import Parallel, delayed

from newskit._errors import InputValueError
from newskit._watchdog import watch_parent

__all__ = ["batched", "stream_batches"]

T = TypeVar("T")
R = TypeVar("R")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Return an iterator of lists of up to ``size`` items, consuming ``items`` lazily.

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise InputValueError(f"batch_size must be a positive integer, not {size!r}")
    iterator = iter(items)
    return iter(lambda: list(islice(iterator, size)), [])


def stream_batches(
    func: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    n_jobs: int = 1,
    batch_size: int = 64,
) -> Iterator[R]:
    """Apply ``func`` to batches of ``items`` and yield its results one by one, in order.

    ``func`` must return one result per item of its batch. With ``n_jobs=1``
    everything runs in this process; otherwise joblib runs batches in workers.
    """
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0:
        raise InputValueError(f"n_jobs must be a non-zero integer (-1 = all cores), not {n_jobs!r}")
    return _stream(func, batched(items, batch_size), n_jobs)


def _stream(
    func: Callable[[list[T]], list[R]], batches: Iterator[list[T]], n_jobs: int
) -> Iterator[R]:
    if n_jobs == 1:
        for batch in batches:
            yield from func(batch)
        return
    parallel = Parallel(n_jobs=n_jobs, return_as="generator", pre_dispatch="2*n_jobs")
    call = partial(_in_worker, func, os.getpid())
    outputs = parallel(delayed(call)(batch) for batch in batches)
    try:
        for results in outputs:
            yield from results
    finally:
        # Stopped early (an error, a signal, the caller broke off): abort the workers'
        # pending batches now rather than whenever the generator is collected, without
        # joblib's warning that they were cancelled (that is what stopping means).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            outputs.close()


def _in_worker(func: Callable[[list[T]], list[R]], parent: int, batch: list[T]) -> list[R]:
    """Run ``func`` on a batch; in a child process of ``parent``, watch ``parent`` first."""
    if os.getpid() != parent and os.getppid() == parent:
        watch_parent(parent)
    return func(batch)
