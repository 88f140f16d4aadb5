"""Gradient-boosted trees evaluated from plain arrays.

scikit-learn's ``HistGradientBoostingClassifier.decision_function`` validates its
input and starts one OpenMP parallel region per tree: for the few dozen
sentences of an article, 300 trees cost milliseconds of overhead (tens of
milliseconds on a loaded machine, where the idle thread spins) against
microseconds of arithmetic. :class:`FlatTrees` reads the fitted trees once into
arrays and evaluates all of them with a few numpy operations per batch of rows,
giving scikit-learn's scores bit for bit.

The evaluation is QuickScorer's (Lucchese et al., SIGIR 2015): number each
tree's leaves from left to right; a split whose test fails (the row goes
right) rules out the leaves of its left subtree, and the row's leaf is the
leftmost one no failed test rules out. The splits on one feature fail for a
prefix of their thresholds in ascending order, so for every (feature, tree)
pair the leaves left after each prefix are one bit mask in a table (32 bits
when no tree has more leaves, else 64): a row costs one table look-up and one
AND per (feature, tree) pair, whatever the depth.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import numpy as np

__all__ = ["FlatTrees", "flat_trees", "tree_scores"]

#: Leaves per tree the 64-bit masks can hold.
MAX_LEAVES = 64
#: Most (row, tree) cells one step holds: its arrays stay in the CPU's cache.
_CELLS = 1 << 16
_ALL = np.uint64(0xFFFFFFFFFFFFFFFF)


class FlatTrees:
    """The fitted trees of a binary ``HistGradientBoostingClassifier`` as arrays.

    Use :func:`flat_trees`, which returns ``None`` for a model this cannot
    represent (categorical splits, more than :data:`MAX_LEAVES` leaves in a tree,
    more than two classes, a fitted preprocessor).

    Parameters
    ----------
    model : HistGradientBoostingClassifier
        A fitted binary classifier on numeric features.
    """

    def __init__(self, model: Any) -> None:
        trees = [predictor.nodes for (predictor,) in model._predictors]
        self.n_features = int(model.n_features_in_)
        self.baseline = float(np.asarray(model._baseline_prediction).ravel()[0])
        n_trees = len(trees)
        # every split: its tree, feature, threshold, NaN direction and leaf mask
        tree_of, feature, threshold, nan_left, masks = [], [], [], [], []
        values_of = []
        for t, nodes in enumerate(trees):
            split_masks, split_ids, values = _leaf_masks(nodes)
            values_of.append(values)
            tree_of.append(np.full(split_ids.size, t))
            feature.append(nodes["feature_idx"][split_ids])
            threshold.append(nodes["num_threshold"][split_ids])
            nan_left.append(nodes["missing_go_to_left"][split_ids].astype(bool))
            masks.append(split_masks)
        split_tree = np.concatenate([np.zeros(0, np.int64), *tree_of])
        split_feature = np.concatenate([np.zeros(0, np.int64), *feature]).astype(np.int64)
        split_threshold = np.concatenate([np.zeros(0), *threshold]).astype(np.float64)
        split_nan_left = np.concatenate([np.zeros(0, bool), *nan_left])
        split_mask = np.concatenate([np.zeros(0, np.uint64), *masks])
        #: features split on, and each one's distinct thresholds (ascending)
        self.used = np.unique(split_feature).tolist()
        self.thresholds = [np.unique(split_threshold[split_feature == f]) for f in self.used]
        # 32-bit masks when every tree has at most 32 leaves: half the memory traffic
        narrow = max((int(v.size) for v in values_of), default=1) <= 32
        dtype: Any = np.uint32 if narrow else np.uint64
        self.dtype = dtype
        #: reading a leaf index off a power of two: float type, mantissa bits, bias
        self.float_type = np.float32 if narrow else np.float64
        self.mantissa_bits = dtype(23 if narrow else 52)
        self.exponent_bias = dtype(127 if narrow else 1023)
        width = 32 if narrow else MAX_LEAVES
        #: leaf values tree after tree, ``width`` slots per tree
        self.leaf_values = np.zeros(n_trees * width)
        for t, values in enumerate(values_of):
            self.leaf_values[t * width : t * width + values.size] = values
        self.leaf_offset = (np.arange(n_trees) * width).astype(dtype)
        #: the mask of every leaf
        self.full = np.array(_ALL, dtype=np.uint64).astype(dtype)
        #: for each used feature, a block of rows 0..K: the leaves of every tree left
        #: once a row fails the feature's first r thresholds; row K + 1: those left
        #: for a missing value. ``table_start``: where each feature's block starts.
        sizes = np.array([v.size + 2 for v in self.thresholds], dtype=np.int64)
        self.table_start = np.cumsum(sizes) - sizes
        self.table = np.full((int(sizes.sum()), n_trees), self.full, dtype=dtype)
        for u, (f, values) in enumerate(zip(self.used, self.thresholds, strict=True)):
            at = split_feature == f
            block = self.table[self.table_start[u] : self.table_start[u] + values.size + 2]
            rank = np.searchsorted(values, split_threshold[at])
            mask = split_mask[at].astype(dtype)
            # a split of rank i fails for r > i: it belongs to the prefixes from row i + 1
            np.bitwise_and.at(block, (rank + 1, split_tree[at]), mask)
            np.bitwise_and.accumulate(block[:-1], axis=0, out=block[:-1])
            right = ~split_nan_left[at]  # the splits that send a missing value right
            missing = np.full(int(right.sum()), values.size + 1)
            np.bitwise_and.at(block, (missing, split_tree[at][right]), mask[right])
        #: every feature's thresholds as ``u + t j`` (``u``: the feature's position in
        #: :attr:`used`): numpy orders complex numbers by real, then imaginary part, so
        #: one search ranks every value among its own feature's thresholds
        self.keys = np.zeros(sum(v.size for v in self.thresholds), dtype=complex)
        self.keys.real = np.repeat(np.arange(len(self.used)), sizes - 2)
        self.keys.imag = np.concatenate([np.zeros(0), *self.thresholds])
        self.n_trees = n_trees

    def decision_function(self, x: np.ndarray) -> np.ndarray:
        """The model's log-odds for each row of ``x``: the baseline plus each tree's
        leaf value, added in tree order (as scikit-learn adds them)."""
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.n_features:
            raise ValueError(f"expected {self.n_features} feature columns, got shape {x.shape}")
        n = x.shape[0]
        out = np.empty(n)
        step = max(1, _CELLS // max(self.n_trees, 1))
        for start in range(0, n, step):
            out[start : start + step] = self._block(x[start : start + step])
        return out

    def _table_rows(self, x: np.ndarray) -> np.ndarray:
        """The row of :attr:`table` each value of ``x[:, used]`` selects."""
        values = x[:, self.used]
        missing = np.isnan(values)
        keys = np.empty(values.shape, dtype=complex)
        keys.real = np.arange(len(self.used))
        keys.imag = np.where(missing, 0.0, values)
        # the thresholds below a value are the splits it fails (``x <= t`` goes left);
        # feature u's rows start 2 * u rows after its thresholds do (2 extra rows each)
        rows = np.searchsorted(self.keys, keys, side="left") + 2 * np.arange(len(self.used))
        missing_row = self.table_start + np.array([v.size + 1 for v in self.thresholds], int)
        return np.where(missing, missing_row, rows)

    def _block(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == 1:
            # two rows, so that the tree axis below is never the contiguous one
            return self._block(np.vstack([x, x]))[:1]
        rows = self._table_rows(x)
        left = np.full((x.shape[0], self.n_trees), self.full)
        for u in range(len(self.used)):
            left &= self.table[rows[:, u]]
        # tree by tree from here: the sum below runs over the outer axis
        left = np.ascontiguousarray(left.T)
        lowest = left & (~left + self.dtype(1))
        # the lowest set bit's index is the exponent of that power of two as a float
        floats = lowest.astype(self.float_type).view(self.dtype)
        leaf = (floats >> self.mantissa_bits) - self.exponent_bias
        summed = np.take(self.leaf_values, leaf + self.leaf_offset[:, None])
        # numpy sums over an axis that is not the contiguous one row after row
        # (pairwise summation is only used along the contiguous axis): the baseline,
        # then each tree's value in tree order, as scikit-learn's ``raw +=
        # tree.predict(X)`` adds them
        out: np.ndarray = np.add.reduce(summed, axis=0, initial=self.baseline)
        return out


def _leaf_masks(nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Number the leaves left to right; for each split, the mask of leaves left when
    its test fails (its left subtree's leaves cleared). Returns the masks, the
    split node ids and the leaf values in leaf order."""
    leaves: list[int] = []
    first_leaf: dict[int, int] = {}
    end_of_left: dict[int, int] = {}
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:  # depth first, left before right
        node, left_done = stack.pop()
        if nodes["is_leaf"][node]:
            leaves.append(node)
            continue
        if left_done:
            end_of_left[node] = len(leaves)
            stack.append((int(nodes["right"][node]), False))
            continue
        first_leaf[node] = len(leaves)
        stack.append((node, True))
        stack.append((int(nodes["left"][node]), False))
    splits = np.array(sorted(first_leaf), dtype=np.int64)
    masks = np.full(splits.size, _ALL, dtype=np.uint64)
    for i, node in enumerate(splits.tolist()):
        lo, hi = first_leaf[node], end_of_left[node]
        cleared = ((1 << hi) - 1) ^ ((1 << lo) - 1)
        masks[i] = np.uint64(~cleared & 0xFFFFFFFFFFFFFFFF)
    return masks, splits, nodes["value"][np.array(leaves, dtype=np.int64)].astype(np.float64)


def _supported(model: Any) -> bool:
    try:
        predictors = model._predictors
        binary = model.n_trees_per_iteration_ == 1 and len(model.classes_) == 2
    except AttributeError:
        return False
    if not binary or getattr(model, "_preprocessor", None) is not None:
        return False
    for (predictor,) in predictors:
        nodes = predictor.nodes
        if nodes["is_categorical"].any() or int(nodes["is_leaf"].sum()) > MAX_LEAVES:
            return False
    return True


_lock = threading.Lock()
_FLAT: weakref.WeakKeyDictionary[Any, tuple[Any, int, FlatTrees | None]] = (
    weakref.WeakKeyDictionary()
)


def flat_trees(model: Any) -> FlatTrees | None:
    """:class:`FlatTrees` of ``model``, built once per fitted model; ``None`` when the
    model has a structure they cannot represent."""
    predictors = getattr(model, "_predictors", None)
    try:
        with _lock:
            cached = _FLAT.get(model)
    except TypeError:  # not weakly referable: nothing to cache it on
        return FlatTrees(model) if _supported(model) else None
    # a refit (warm start) replaces or extends the list of trees: rebuild then
    if cached is not None and cached[0] is predictors and cached[1] == len(predictors or ()):
        return cached[2]
    flat = FlatTrees(model) if _supported(model) else None
    with _lock:
        _FLAT[model] = (predictors, len(predictors or ()), flat)
    return flat


def tree_scores(model: Any, x: np.ndarray) -> np.ndarray:
    """``model.decision_function(x)`` for a binary ``HistGradientBoostingClassifier``,
    from :class:`FlatTrees` when the model's structure allows."""
    flat = flat_trees(model)
    if flat is None:
        return np.asarray(model.decision_function(x), dtype=np.float64)
    return flat.decision_function(x)
