"""Several documents stacked into one set of arrays.

Scoring an article takes a few dozen numpy calls of a few microseconds each,
which for a 20-sentence article cost more than the arithmetic. Stacking the
sentences of a batch of documents (rows) and giving every (document, stem)
pair its own column lets each of those calls serve the whole batch: the
documents stay independent because no row or column is shared between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from itertools import chain
from typing import NamedTuple

import numpy as np

from newskit.summarizers._document import Document, _vocabulary

__all__ = ["Cells", "Stack", "segment_standardised"]

IntArray = np.ndarray


class Cells(NamedTuple):
    """The non-zero sentence x (document, stem) counts of non-stop-word tokens,
    row by row, and what each column is."""

    rows: IntArray
    cols: IntArray
    values: np.ndarray
    #: the document of each column
    col_doc: IntArray
    #: number of distinct content stems in each document's title
    n_title: IntArray
    #: whether each column's stem is in its document's title
    in_title: np.ndarray


class Stack:
    """The sentences of ``docs`` as rows, their content stems as columns.

    Parameters
    ----------
    docs : sequence of Document
        The documents, in order; each keeps its own rows ``starts[i]:starts[i] + sizes[i]``.
    """

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = list(docs)
        self.sizes = np.fromiter(map(len, self.docs), np.int64, len(self.docs))
        self.starts = np.cumsum(self.sizes) - self.sizes
        self.n_rows = int(self.sizes.sum())
        #: the document of each row, and the row's position in its document
        self.doc_of_row = np.repeat(np.arange(len(self.docs)), self.sizes)
        self.position = np.arange(self.n_rows) - self.starts[self.doc_of_row]

    def __len__(self) -> int:
        return len(self.docs)

    def rows(self, i: int) -> slice:
        """The rows of document ``i``."""
        start = int(self.starts[i])
        return slice(start, start + int(self.sizes[i]))

    @cached_property
    def sentences(self) -> list[str]:
        """Every sentence, document after document."""
        return list(chain.from_iterable(d.sentences for d in self.docs))

    @cached_property
    def _tokens(self) -> list[list[str]]:
        return list(chain.from_iterable(d.passing_tokens() for d in self.docs))

    @cached_property
    def lengths(self) -> IntArray:
        """Number of word tokens in each sentence."""
        return np.fromiter(map(len, self._tokens), np.int64, self.n_rows)

    @cached_property
    def paragraph_ids(self) -> IntArray:
        """Paragraph number of each sentence within its document."""
        if not self.docs:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([d.paragraph_ids for d in self.docs])

    @cached_property
    def cells(self) -> Cells:
        """The content-stem counts of every sentence (see :class:`Cells`)."""
        vocabulary = _vocabulary()  # one vocabulary for the whole batch, as in a Document
        flat = list(chain.from_iterable(self._tokens))
        gids = vocabulary.ids(flat)
        titles = [d.title_tokens for d in self.docs]
        title_flat = list(chain.from_iterable(titles))
        title_gids = vocabulary.ids(title_flat)
        n_stems = vocabulary.n_stems  # read after every lookup: ids are below it
        content = ~vocabulary.stop(gids)
        rows = np.repeat(np.arange(self.n_rows), self.lengths)[content]
        keys = self.doc_of_row[rows] * n_stems + vocabulary.stem_of(gids[content])
        # a column per (document, stem) pair; cells row by row, columns ascending
        columns, col_of_token = _distinct(keys)
        n_cols = columns.size
        cells, firsts = _distinct(rows * n_cols + col_of_token, inverse=False)
        title_doc = np.repeat(np.arange(len(self.docs)), [len(t) for t in titles])
        keep = ~vocabulary.stop(title_gids)
        title_keys, _ = _distinct(title_doc[keep] * n_stems + vocabulary.stem_of(title_gids[keep]))
        at = np.minimum(np.searchsorted(title_keys, columns), max(title_keys.size - 1, 0))
        return Cells(
            rows=cells // n_cols,
            cols=cells % n_cols,
            values=np.diff(firsts, append=rows.size).astype(np.float64),
            col_doc=columns // n_stems,
            n_title=np.bincount(title_keys // n_stems, minlength=len(self.docs)),
            in_title=title_keys[at] == columns if title_keys.size else np.zeros(n_cols, bool),
        )

    def per_row(self, per_doc: np.ndarray) -> np.ndarray:
        """Spread one value per document over that document's rows."""
        return np.asarray(per_doc)[self.doc_of_row]

    def doc_sums(self, x: np.ndarray) -> np.ndarray:
        """Sum of ``x`` (one value per row) over each document's rows."""
        return np.bincount(self.doc_of_row, weights=x, minlength=len(self.docs))


def _distinct(keys: IntArray, *, inverse: bool = True) -> tuple[IntArray, IntArray]:
    """The distinct values of ``keys`` in ascending order, and either the index of
    each key's value among them (``inverse``) or where each value first occurs in
    the sorted keys. (What :func:`numpy.unique` returns, without its overhead.)"""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    new = np.empty(keys.size, dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    if not inverse:
        return ordered[new], np.flatnonzero(new)
    index = np.empty(keys.size, dtype=np.int64)
    index[order] = np.cumsum(new) - 1
    return ordered[new], index


def segment_standardised(x: np.ndarray, stack: Stack) -> np.ndarray:
    """``(x - mean) / std`` within each document's rows, zeros where a document's
    ``x`` is constant."""
    sizes = np.maximum(stack.sizes, 1)
    centred = x - stack.per_row(stack.doc_sums(x) / sizes)
    spread = stack.per_row(np.sqrt(stack.doc_sums(centred * centred) / sizes))
    z: np.ndarray = np.divide(centred, spread, out=np.zeros(x.size), where=spread > 0)
    return z
