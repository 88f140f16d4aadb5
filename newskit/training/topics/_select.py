"""Outlet-grouped cross-validation of topic models on the guideline-labelled corpus.

Everything that is chosen — hyper-parameters (:class:`Config`), Platt
calibration and the per-topic thresholds — is chosen on out-of-fold (OOF)
predictions of the labelled corpus, with folds that never split an outlet
(:func:`newskit.training.topics._labels.outlet_folds`). Three levels:

* :func:`oof_scores` — raw linear scores of every labelled item from a model
  fitted on the other folds (plus mapped data of other outlets only).
* :func:`cross_fit` — calibration and thresholds for each fold fitted on the
  OOF scores of the *other* folds, so no item is judged with a threshold
  chosen on its own label (optionally leaving one more fold out, for nesting).
* :func:`nested_selection` — for each fold, the configuration is chosen on the
  other folds only; the headline figure pools these predictions.

Calibration and thresholds are separate for short texts (fewer than
:data:`~newskit.training.topics._labels.SHORT_WORDS` words of prepared text)
and longer ones, as the shipped model applies them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from newskit._errors import InputValueError
from newskit.topics._classifier import UNKNOWN, TopicClassifier
from newskit.training.topics._labels import SHORT_WORDS, LabelledItem, label_matrix, outlet_folds
from newskit.training.topics._mapping import TOPICS
from newskit.training.topics._sampling import TrainingSet

__all__ = [
    "GRID",
    "Config",
    "CorpusData",
    "CrossFit",
    "apply_outputs",
    "compose_scores",
    "cross_fit",
    "fit_model",
    "fit_outputs",
    "make_corpus_data",
    "nested_selection",
    "oof_scores",
    "score_of",
    "tune_thresholds",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Threshold grid searched per topic (and per length class).
GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)
#: Number of outlet-grouped folds.
N_FOLDS = 5
#: Mapped sources and the label-file sources that name the same items.
_SAME_ITEMS = {
    "allsides": ("allsides", "allsides-lead"),
    "bbc": ("bbc",),
    "huffpost": ("huffpost",),
    "ag_news": ("ag-news-test",),
    "liar": ("liar",),
    "gwsd": ("gwsd",),
    "climate_fever": ("climate-fever",),
}


@dataclass(frozen=True)
class Config:
    """One candidate model: features, regularisation and the weight of mapped data.

    Attributes
    ----------
    C : float
        Inverse L2 regularisation of the regressions.
    mapped : float
        Total weight of the mapped (publisher-section) examples as a multiple
        of the total weight of the labelled training items (``0``: none).
    max_words : int
        Words of each text the model reads.
    lead_words : int or None
        Words of the extra title + lead block (``None``: no such block).
    lexicon : bool
        Add the guideline keyword-count features.
    class_weight : {'balanced'} or None
        Per-topic class weighting of the regressions.
    positive_weight : float
        Multiplier of the positives' weight (after ``class_weight``).
    min_df : int
        Minimum document frequency of a word n-gram (and of a character n-gram).
    ngram_max : int
        Longest word n-gram.
    lead_chars : tuple of (int, int) or None
        Character n-gram lengths of the title + lead block (``None``: no such block).
    char_features : int
        At most this many character n-grams.
    short_weight : float
        Multiplier of the weight of labelled items shorter than
        :data:`~newskit.training.topics._labels.SHORT_WORDS` words.
    short_model : Config or None
        If set, texts shorter than ``SHORT_WORDS`` words are scored by a second
        model of this configuration (fitted on the same training rows) and
        longer texts by this one; calibration and thresholds are per length
        class either way (``None``: one model scores every text).
    lead_weight : float
        Multiplier of the title + lead blocks (its words and character
        n-grams) while the regressions are fitted. L2 regularisation makes
        this a weaker penalty on those weights, not a constant factor; the
        fitted weights are multiplied by it afterwards, so the model reads
        unscaled features.
    train_words : int or None
        If set, the model is fitted (vocabulary and regressions) on the first
        ``train_words`` words of each training text only: short items whole,
        the leads of full articles (``None``: the texts as read).
    title_block : bool
        Add a block of the title's words (the first paragraph of a text of
        several paragraphs), with the same vocabulary.
    loss : {'log_loss', 'squared_hinge'}
        Logistic regressions, or linear support vector machines.
    clusters : int or None
        If set, add a block of this many word classes learned from unlabelled
        news (:mod:`newskit.training.topics._clusters`; the map is
        :attr:`CorpusData.clusters`).
    cluster_weight : float
        Scale of the word-class block.
    vectors : float
        Weight of a dense block: the mean word vector of the text, from the
        same unlabelled word vectors as the word classes (``0``: no such block).
    unmapped : tuple of str
        Topics the mapped examples do not train: their cells of the mapped
        rows are unknown, so those regressions learn from the labelled items
        alone (``()``: the mapped rows train every topic they have a label for).
    """

    C: float = 4.0
    mapped: float = 0.5
    max_words: int = 400
    lead_words: int | None = None
    lexicon: bool = False
    class_weight: str | None = "balanced"
    positive_weight: float = 1.0
    min_df: int = 3
    ngram_max: int = 2
    lead_chars: tuple[int, int] | None = None
    char_features: int = 20_000
    short_weight: float = 1.0
    short_model: Config | None = None
    lead_weight: float = 1.0
    train_words: int | None = None
    title_block: bool = False
    loss: str = "log_loss"
    clusters: int | None = None
    cluster_weight: float = 1.0
    vectors: float = 0.0
    unmapped: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """A short label, e.g. ``C4 map0.5 w400 lead- lex-``.

        Settings at their defaults are not named, e.g. ``cw-`` (no class
        weighting), ``pos2`` (positives weigh 2), ``df5``, ``ng3``,
        ``chars3-5/20000``, ``short2`` (short items weigh 2), ``leadw2``
        (title + lead blocks weigh 2 in fitting), ``tw60`` (fitted on the
        first 60 words of each text), ``title`` (a title block), ``svm``
        (linear support vector machines), ``cl1024`` or ``cl1024x0.5`` (1,024
        word classes, the block weighing 0.5), ``vec1`` (a dense block of mean
        word vectors weighing 1), ``nomap:diplomacy`` (the mapped rows do not
        train diplomacy); a model for short texts follows after
        `` | short: ``.
        """
        lead = "-" if self.lead_words is None else str(self.lead_words)
        out = (
            f"C{self.C:g} map{self.mapped:g} w{self.max_words} lead{lead} "
            f"lex{'+' if self.lexicon else '-'}"
        )
        if self.class_weight is None:
            out += " cw-"
        if self.positive_weight != 1.0:
            out += f" pos{self.positive_weight:g}"
        if self.min_df != 3:
            out += f" df{self.min_df}"
        if self.ngram_max != 2:
            out += f" ng{self.ngram_max}"
        if self.lead_chars is not None:
            lo, hi = self.lead_chars
            out += f" chars{lo}-{hi}/{self.char_features}"
        if self.short_weight != 1.0:
            out += f" short{self.short_weight:g}"
        if self.lead_weight != 1.0:
            out += f" leadw{self.lead_weight:g}"
        if self.train_words is not None:
            out += f" tw{self.train_words}"
        if self.title_block:
            out += " title"
        if self.loss != "log_loss":
            out += " svm"
        if self.clusters is not None:
            out += f" cl{self.clusters}"
            if self.cluster_weight != 1.0:
                out += f"x{self.cluster_weight:g}"
        if self.vectors:
            out += f" vec{self.vectors:g}"
        if self.unmapped:
            out += f" nomap:{'+'.join(self.unmapped)}"
        if self.short_model is not None:
            out += f" | short: {self.short_model.name}"
        return out

    @property
    def parts(self) -> tuple[Config, ...]:
        """The single-model configurations this one is made of (itself, or long and short)."""
        if self.short_model is None:
            return (self,)
        return (replace(self, short_model=None), self.short_model)

    def features_key(self) -> tuple[object, ...]:
        """The part of the configuration that decides the feature matrix."""
        return (
            self.max_words,
            self.lead_words,
            self.lexicon,
            self.min_df,
            self.ngram_max,
            self.lead_chars,
            self.char_features,
            self.train_words,
            self.title_block,
            self.clusters,
            self.cluster_weight,
            self.vectors,
        )


@dataclass
class CorpusData:
    """The labelled corpus and the mapped examples, ready for cross-validation."""

    items: list[LabelledItem]
    Y: IntArray
    folds: IntArray
    short: BoolArray  # by word count of the text (what the model applies)
    length_short: BoolArray  # the corpus's own length field (what reports use)
    mapped: TrainingSet
    mapped_outlets: list[str]
    #: Word -> class maps by number of classes (for configurations with ``clusters``).
    clusters: dict[int, dict[str, int]] = field(default_factory=dict)
    #: Word -> vector of the unlabelled word vectors (for configurations with ``vectors``).
    vectors: dict[str, FloatArray] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [i.text for i in self.items]


def make_corpus_data(
    items: Sequence[LabelledItem], mapped: TrainingSet, n_folds: int = N_FOLDS
) -> CorpusData:
    """Attach folds to ``items`` and drop from ``mapped`` every item that is labelled.

    ``mapped`` must carry ``idents`` and ``outlets`` (see
    :func:`~newskit.training.topics._sampling.build_training_set`).
    """
    labelled = {(i.source, i.source_id) for i in items}
    keep = [
        n
        for n, (src, ident) in enumerate(zip(mapped.sources, mapped.idents, strict=True))
        if not any((s, ident) in labelled for s in _SAME_ITEMS.get(src, (src,)))
    ]
    kept = TrainingSet(
        texts=[mapped.texts[n] for n in keep],
        targets=[mapped.targets[n] for n in keep],
        weights=[mapped.weights[n] for n in keep],
        sources=[mapped.sources[n] for n in keep],
        idents=[mapped.idents[n] for n in keep],
        outlets=[mapped.outlets[n] for n in keep],
        counts=dict(mapped.counts),
    )
    Y = label_matrix(items)
    short = np.array([i.words < SHORT_WORDS for i in items], dtype=np.bool_)
    length_short = np.array([i.length == "short" for i in items], dtype=np.bool_)
    folds = outlet_folds([i.outlet for i in items], Y, list(length_short), n_folds)
    return CorpusData(list(items), Y, folds, short, length_short, kept, list(kept.outlets))


def _mapped_weights(data: CorpusData, rows: IntArray, n_labelled: int, ratio: float) -> FloatArray:
    """Weights of the mapped rows: their per-source shares scaled to ``ratio * n_labelled``."""
    w = np.asarray(data.mapped.weights, dtype=np.float64)[rows]
    total = float(w.sum())
    out: FloatArray = w * (ratio * n_labelled / total) if total > 0 else w
    return out


def training_rows(data: CorpusData, test_fold: int | None) -> tuple[IntArray, IntArray]:
    """Labelled and mapped row indices that may train a model tested on ``test_fold``.

    Mapped examples of an outlet that is in the test fold are left out, so a
    fold's outlets are new to its model in style as well as in items.
    """
    if test_fold is None:
        lab = np.arange(len(data.items))
        mapped = np.arange(len(data.mapped.texts))
        return lab, mapped
    lab = np.flatnonzero(data.folds != test_fold)
    held = {data.items[i].outlet for i in np.flatnonzero(data.folds == test_fold)}
    mapped = np.array(
        [n for n, o in enumerate(data.mapped_outlets) if o not in held], dtype=np.int64
    )
    return lab, mapped


#: Settings every candidate shares.
BASE_PARAMS: dict[str, Any] = {
    "max_df": 0.5,
    "max_features": 60_000,
    "lexicon_scale": 0.5,
}


def classifier(
    config: Config,
    seed: int = 0,
    clusters: Mapping[int, dict[str, int]] | None = None,
    vectors: Mapping[str, FloatArray] | None = None,
) -> TopicClassifier:
    """The :class:`TopicClassifier` of ``config`` (calibration is fitted out of fold).

    ``clusters`` holds the word -> class map of each number of classes a
    configuration may ask for (:attr:`CorpusData.clusters`), ``vectors`` the
    word vectors (:attr:`CorpusData.vectors`).
    """
    from newskit.training.topics._keywords import LEXICON

    short = None
    if config.short_model is not None:
        short = classifier(config.short_model, seed, clusters, vectors).set_params(short_words=None)
    word_clusters = None
    if config.clusters is not None:
        if clusters is None or config.clusters not in clusters:
            raise InputValueError(f"no map of {config.clusters} word classes was built")
        word_clusters = clusters[config.clusters]
    if config.vectors and not vectors:
        raise InputValueError("no word vectors were built")
    return TopicClassifier(
        **BASE_PARAMS,
        C=config.C,
        ngram_range=(1, config.ngram_max),
        min_df=config.min_df,
        class_weight=config.class_weight,
        positive_weight=config.positive_weight,
        max_words=config.max_words,
        lead_words=config.lead_words,
        lead_chars=config.lead_chars,
        lead_char_features=config.char_features,
        title_block=config.title_block,
        loss=config.loss,
        word_clusters=word_clusters,
        cluster_weight=config.cluster_weight,
        word_vectors=vectors if config.vectors else None,
        vector_weight=config.vectors or 1.0,
        lexicon=LEXICON if config.lexicon else None,
        short_words=SHORT_WORDS,
        short_model=short,
        calibration_cv=0,
        random_state=seed,
    )


def training_set(
    data: CorpusData,
    lab: IntArray,
    mapped: IntArray,
    ratio: float,
    short_weight: float = 1.0,
    unmapped: Sequence[str] = (),
) -> tuple[list[str], IntArray, FloatArray]:
    """Texts, partial targets and weights of labelled rows ``lab`` plus mapped rows ``mapped``.

    Labelled short rows weigh ``short_weight``; the mapped rows' total stays
    ``ratio`` times the number of labelled rows. The mapped rows' cells of the
    topics in ``unmapped`` are unknown (those topics' regressions leave the
    rows out).
    """
    use = mapped if ratio > 0 else np.arange(0, dtype=np.int64)
    texts = [data.items[i].text for i in lab] + [data.mapped.texts[n] for n in use]
    targets = np.asarray(data.mapped.targets, dtype=np.int64).reshape(-1, len(TOPICS))[use]
    unknown = [TOPICS.index(t) for t in unmapped]
    if unknown:
        targets = targets.copy()
        targets[:, unknown] = UNKNOWN
    Y = np.vstack([data.Y[lab], targets])
    labelled = np.where(data.short[lab], float(short_weight), 1.0)
    w = np.concatenate([labelled, _mapped_weights(data, use, len(lab), ratio)])
    return texts, Y, w


def _cut(docs: list[str], config: Config) -> list[str]:
    """The training texts of ``config``: cut after ``train_words`` words if that is set."""
    if config.train_words is None:
        return docs
    return [" ".join(doc.split()[: config.train_words]) for doc in docs]


def _lead_columns(model: TopicClassifier, n_features: int) -> slice:
    """Columns of the title + lead blocks (words, then character n-grams) of ``model``."""
    words = len(model.vectorizer_.vocabulary_)
    chars = model.char_vectorizer_
    n_chars = 0 if chars is None else len(chars.vocabulary_)
    end = 2 * words + n_chars if model.lead_words is not None else words
    return slice(words, min(end, n_features))


def _fit_weighted(
    model: TopicClassifier, X: Any, Y: IntArray, w: FloatArray, lead_weight: float
) -> None:
    """Fit ``model``'s regressions with the title + lead columns of ``X`` times ``lead_weight``.

    The fitted weights of those columns are multiplied by ``lead_weight``
    afterwards, so the model scores unscaled features exactly as it scored
    the scaled ones in fitting.
    """
    if lead_weight == 1.0:
        model._fit_regressions(X, Y, w)
        return
    cols = _lead_columns(model, X.shape[1])
    scale = np.ones(X.shape[1], dtype=X.dtype)
    scale[cols] = lead_weight
    model._fit_regressions(X @ sparse.diags(scale, format="csr"), Y, w)
    model.coef_[:, cols] *= lead_weight


def _fold_scores(
    data: CorpusData,
    fold: int,
    groups: list[list[Config]],
    docs: dict[int, tuple[list[str], list[str]]],
    seed: int,
) -> list[tuple[Config, FloatArray]]:
    """Scores of one test fold for every configuration (one vectorizer per feature group)."""
    lab, mapped = training_rows(data, fold)
    test = np.flatnonzero(data.folds == fold)
    out = []
    for group in groups:
        clf = classifier(group[0], seed, data.clusters, data.vectors)
        lab_docs, map_docs = docs[group[0].max_words]
        train_docs = _cut([lab_docs[i] for i in lab] + [map_docs[n] for n in mapped], group[0])
        X = clf._fit_features(train_docs)
        X_test = clf._features([lab_docs[i] for i in test])
        for c in group:
            _, Y_c, w_c = training_set(data, lab, mapped, c.mapped, c.short_weight, c.unmapped)
            fit = classifier(c, seed, data.clusters, data.vectors)
            fit.vectorizer_ = clf.vectorizer_
            # (the dense block's weights are folded onto these words)
            fit.vector_words_ = clf.vector_words_
            fit.char_vectorizer_ = clf.char_vectorizer_
            fit.lexicon_names_, fit.lexicon_matrix_ = clf.lexicon_names_, clf.lexicon_matrix_
            fit.classes_ = np.array(TOPICS)
            # The shared matrix holds the labelled rows first, then every allowed mapped row.
            _fit_weighted(fit, X if c.mapped > 0 else X[: len(lab)], Y_c, w_c, c.lead_weight)
            out.append((c, fit._scores(X_test)))
    return out


def _one_thread_fold_scores(*args: Any) -> Any:
    """:func:`_fold_scores` with one BLAS thread: the number of threads changes the
    order of floating-point sums, and so the last bits of the scores, which
    would make the fitted file depend on ``n_jobs`` and on the machine."""
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    with threadpool_limits(1):
        return _fold_scores(*args)


def oof_scores(
    data: CorpusData,
    configs: Sequence[Config],
    *,
    seed: int = 0,
    n_jobs: int = 1,
    log: Callable[[str], None] | None = None,
) -> dict[Config, FloatArray]:
    """Raw out-of-fold scores ``(n_items, n_topics)`` of every configuration.

    Per fold and feature setting the vectorizer is fitted once, on the labelled
    training folds and the allowed mapped rows, and every (C, mapped weight)
    reuses it. Texts are prepared once per ``max_words``. ``n_jobs`` folds
    are fitted at once (joblib processes); the result does not depend on it.
    """
    import joblib

    say = log or (lambda _m: None)
    by_features: dict[tuple[object, ...], list[Config]] = {}
    singles = list(dict.fromkeys(p for c in configs for p in c.parts))
    for c in singles:
        by_features.setdefault(c.features_key(), []).append(c)
    groups = list(by_features.values())
    docs = {}
    for words in sorted({c.max_words for c in singles}):
        clf = classifier(Config(max_words=words), seed)
        docs[words] = (clf.prepare(data.texts), clf.prepare(data.mapped.texts))
    say(f"texts prepared for max_words {sorted(docs)}")
    folds = range(int(data.folds.max()) + 1)
    if n_jobs == 1:
        results = []
        for fold in folds:
            results.append(_one_thread_fold_scores(data, fold, groups, docs, seed))
            say(f"fold {fold} fitted")
    else:
        results = joblib.Parallel(n_jobs=n_jobs)(
            joblib.delayed(_one_thread_fold_scores)(data, fold, groups, docs, seed)
            for fold in folds
        )
    single = {c: np.zeros((len(data.items), len(TOPICS))) for c in singles}
    for fold, fold_results in zip(folds, results, strict=True):
        test = data.folds == fold
        for c, scores in fold_results:
            single[c][test] = scores
        say(f"fold {fold} done")
    return {c: compose_scores(data, c, single) for c in configs}


def compose_scores(
    data: CorpusData, config: Config, scores: Mapping[Config, FloatArray]
) -> FloatArray:
    """Scores of ``config`` from the scores of its :attr:`Config.parts`.

    With a ``short_model``, short texts (by word count, as the model applies
    it) take the short model's scores and the others the long model's.
    """
    if config.short_model is None:
        return scores[config]
    long, brief = config.parts
    out: FloatArray = np.where(data.short[:, None], scores[brief], scores[long])
    return out


def fit_model(data: CorpusData, config: Config, seed: int = 0) -> TopicClassifier:
    """Fit ``config`` on every labelled item and the mapped rows (no calibration yet).

    The vectorizer is fitted on the labelled and all mapped texts, as in
    :func:`oof_scores`, whatever the mapped weight.
    """
    lab, mapped = training_rows(data, None)
    clf = classifier(config, seed, data.clusters, data.vectors)
    texts, _, _ = training_set(data, lab, mapped, 1.0)
    docs = clf.prepare(texts)
    clf.classes_ = np.array(TOPICS)
    parts = [(clf, config.parts[0])]
    if config.short_model is not None:
        parts.append((clf.short_part(), config.short_model))
    for model, part in parts:
        X = model._fit_features(_cut(docs, part))
        _, Y, w = training_set(data, lab, mapped, part.mapped, part.short_weight, part.unmapped)
        _fit_weighted(model, X if part.mapped > 0 else X[: len(lab)], Y, w, part.lead_weight)
    if config.short_model is not None:
        clf.set_short_model(parts[1][0])
    return clf


# -- calibration and thresholds ---------------------------------------------


def tune_thresholds(proba: FloatArray, Y: IntArray) -> FloatArray:
    """Per topic, the :data:`GRID` threshold with the best F1 (ties: closest to 0.5).

    >>> tune_thresholds(np.array([[0.9], [0.4], [0.3]]), np.array([[1], [1], [0]])).tolist()
    [0.4]
    """
    out = np.full(Y.shape[1], 0.5)
    for j in range(Y.shape[1]):
        pred = proba[:, j][:, None] >= GRID[None, :]
        truth = Y[:, j][:, None] == 1
        tp = (pred & truth).sum(axis=0)
        denom = pred.sum(axis=0) + truth.sum()
        f1 = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 1.0)
        key = np.round(f1, 9) - 1e-12 * np.abs(GRID - 0.5)
        out[j] = GRID[int(np.argmax(key))]
    return out


def platt(scores: FloatArray, Y: IntArray) -> FloatArray:
    """Platt parameters ``(a, b)`` per topic: ``p = 1 / (1 + exp(a * s + b))``."""
    out = np.tile(np.array([-1.0, 0.0]), (Y.shape[1], 1))
    for j in range(Y.shape[1]):
        if 0 < Y[:, j].sum() < len(Y):
            lr = LogisticRegression(C=1e4, solver="lbfgs").fit(scores[:, j : j + 1], Y[:, j])
            out[j] = (-float(lr.coef_[0, 0]), -float(lr.intercept_[0]))
    return out


def _sigmoid(x: FloatArray) -> FloatArray:
    out: FloatArray = 0.5 * (1.0 + np.tanh(0.5 * x))
    return out


@dataclass
class Outputs:
    """Calibration and thresholds, for long texts and (separately) short ones."""

    calibration: FloatArray
    thresholds: FloatArray
    short_calibration: FloatArray
    short_thresholds: FloatArray


def fit_outputs(scores: FloatArray, Y: IntArray, short: BoolArray) -> Outputs:
    """Fit Platt parameters, then F1-best thresholds, per length class."""
    parts = []
    for mask in (~short, short):
        cal = platt(scores[mask], Y[mask])
        proba = _sigmoid(-(scores[mask] * cal[:, 0] + cal[:, 1]))
        parts.append((cal, tune_thresholds(proba, Y[mask])))
    return Outputs(parts[0][0], parts[0][1], parts[1][0], parts[1][1])


def apply_outputs(
    scores: FloatArray, short: BoolArray, out: Outputs
) -> tuple[FloatArray, IntArray]:
    """Calibrated probabilities and 0/1 predictions of raw ``scores``."""
    cal = np.where(short[:, None, None], out.short_calibration, out.calibration)
    proba = _sigmoid(-(scores * cal[..., 0] + cal[..., 1]))
    limits = np.where(short[:, None], out.short_thresholds, out.thresholds)
    return proba, (proba >= limits).astype(np.int64)


@dataclass
class CrossFit:
    """Cross-fitted probabilities and predictions of one configuration."""

    proba: FloatArray
    pred: IntArray
    outputs: list[Outputs] = field(default_factory=list)


def cross_fit(data: CorpusData, scores: FloatArray, exclude: int | None = None) -> CrossFit:
    """Predict each fold with calibration and thresholds fitted on the other folds.

    With ``exclude`` set, that fold is neither predicted nor used for fitting
    (the inner loop of :func:`nested_selection`).
    """
    proba = np.zeros_like(scores)
    pred = np.zeros(scores.shape, dtype=np.int64)
    outs = []
    for fold in range(int(data.folds.max()) + 1):
        if fold == exclude:
            continue
        fit = (data.folds != fold) & (data.folds != (-1 if exclude is None else exclude))
        out = fit_outputs(scores[fit], data.Y[fit], data.short[fit])
        this = data.folds == fold
        proba[this], pred[this] = apply_outputs(scores[this], data.short[this], out)
        outs.append(out)
    return CrossFit(proba, pred, outs)


def macro_f1(Y: IntArray, pred: IntArray) -> float:
    """Macro-averaged F1 over topics (a topic with no positive and no prediction scores 1)."""
    tp = (Y & pred).sum(axis=0)
    denom = Y.sum(axis=0) + pred.sum(axis=0)
    return float(np.mean(np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 1.0)))


def score_of(data: CorpusData, pred: IntArray, rows: BoolArray) -> float:
    """Selection criterion: mean of the short and full macro-F1 over ``rows``."""
    parts = []
    for mask in (data.length_short, ~data.length_short):
        m = mask & rows
        parts.append(macro_f1(data.Y[m], pred[m]))
    return float(np.mean(parts))


def nested_selection(
    data: CorpusData, scores: dict[Config, FloatArray]
) -> tuple[CrossFit, list[Config]]:
    """Pool, per fold, the predictions of the configuration chosen on the other folds.

    For fold ``k`` every configuration is scored on folds ``!= k`` with
    calibration and thresholds cross-fitted without fold ``k``; the best one
    then predicts fold ``k`` with calibration and thresholds fitted on all
    folds ``!= k``. Returns the pooled predictions and the choice per fold.
    """
    n = int(data.folds.max()) + 1
    proba = np.zeros((len(data.items), len(TOPICS)))
    pred = np.zeros((len(data.items), len(TOPICS)), dtype=np.int64)
    chosen = []
    for k in range(n):
        rows = data.folds != k
        best = max(
            scores,
            key=lambda c: score_of(data, cross_fit(data, scores[c], exclude=k).pred, rows),
        )
        chosen.append(best)
        full = cross_fit(data, scores[best])
        this = data.folds == k
        proba[this], pred[this] = full.proba[this], full.pred[this]
    return CrossFit(proba, pred), chosen
