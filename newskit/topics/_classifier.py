"""The :class:`TopicClassifier` estimator.

Design: TF-IDF word uni/bigrams (sublinear tf) feed one logistic regression per
topic; each regression's scores are mapped to probabilities by a sigmoid fitted
on out-of-fold scores (Platt scaling, as ``CalibratedClassifierCV`` with
``ensemble=False`` does, but fitted with the weights before class balancing);
a per-topic threshold turns probabilities into labels.

Three options serve texts of very different lengths with one model. With
``lead_words`` set, a second TF-IDF block (same vocabulary) reads only the
first words of each text, so a full article is also seen the way a headline
and lead are. With ``lead_chars`` set as well, a third block holds character
n-grams (within word boundaries) of that title + lead text: spelling variants,
inflections and compounds that no word n-gram of a one-sentence item shares
with the training texts still share parts of words. With ``short_words`` set,
texts with fewer words than that get their own calibration and thresholds
(:meth:`TopicClassifier.set_calibration` installs them, e.g. fitted on
out-of-fold predictions); with ``short_model`` set as well, those texts are
scored by a second classifier fitted on the same examples (say, one with
character n-grams, which help a one-sentence item more than a full article).
With ``word_clusters`` set, a block of word classes (say, learned from
unlabelled news) is added: a text's words count for their class, so a word
no labelled text holds still counts for the class of its neighbours. With
``word_vectors`` set, a dense block is added while fitting: the weighted
mean of the vectors of a text's words. The mean is linear in the words, so
after fitting its weights are folded into one weight per word and topic
(``vec:WORD`` features): the model keeps no vector and scores as before.

Targets may be *partial*: a ``-1`` cell means "unknown for this topic", and the
row is left out of that topic's regression only. That is what lets
single-label sources (an AllSides ``elections`` article says nothing about
security) train a multi-label model, and it is why this is not a plain
``OneVsRestClassifier`` (which needs every cell). After fitting, the four
regressions and their sigmoids are kept as plain arrays (:attr:`coef_`,
:attr:`intercept_`, :attr:`calibration_`), so prediction is one sparse
matrix product and the model file stays small.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from newskit._article import Article
from newskit._articletext import article_text
from newskit._errors import InputTypeError, InputValueError
from newskit._input import refuse_table
from newskit._types import Content
from newskit.topics._tfidf import (
    CharTables,
    NgramTables,
    WordChars,
    WordNgrams,
    _tfidf_matrix,
    _tokens,
    tfidf_transform,
)

__all__ = ["TOPICS", "UNKNOWN", "TopicClassifier"]

#: The four topics of the newskit guidelines, in the column order of every label matrix.
TOPICS: tuple[str, ...] = ("security", "climate", "diplomacy", "politics")

#: Label-matrix value meaning "this example does not tell" (masked in training).
UNKNOWN = -1

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


#: Platt parameters that leave the logistic probability unchanged.
_RAW = np.array([-1.0, 0.0])

#: Each fitted vectorizer's n-gram look-up tables, built on first use. They
#: live outside the estimator so that they are never pickled into a model file
#: and prediction leaves the estimator's attributes untouched. The vocabulary
#: and idf objects they were built from are kept to notice a refit.
_TABLES: weakref.WeakKeyDictionary[Any, tuple[object, object, NgramTables | None]] = (
    weakref.WeakKeyDictionary()
)


def _ngram_tables(vectorizer: Any, analyzer: object) -> NgramTables | None:
    vocabulary, idf = vectorizer.vocabulary_, vectorizer.idf_
    cached = _TABLES.get(vectorizer)
    if cached is None or cached[0] is not vocabulary or cached[1] is not idf:
        cached = (vocabulary, idf, NgramTables.build(vocabulary, idf, analyzer))
        _TABLES[vectorizer] = cached
    return cached[2]


#: Each fitted character vectorizer's tables (as :data:`_TABLES`).
_CHAR_TABLES: weakref.WeakKeyDictionary[Any, tuple[object, object, CharTables]] = (
    weakref.WeakKeyDictionary()
)


def _char_tables(chars: Any, words: Any) -> CharTables:
    vocabulary, idf = chars.vocabulary_, chars.idf_
    cached = _CHAR_TABLES.get(chars)
    if cached is None or cached[0] is not vocabulary or cached[1] is not idf:
        # The model's own words (unigrams of the word vocabulary) are split once.
        known = [t for t in words.vocabulary_ if " " not in t]
        analyzer = chars.analyzer
        tables = CharTables(vocabulary, idf, (analyzer.min_n, analyzer.max_n), known)
        cached = (vocabulary, idf, tables)
        _CHAR_TABLES[chars] = cached
    return cached[2]


#: The word-class map last packed for pickling, and its packed form. A model
#: with a short model holds equal maps twice (the ``short_model`` template and
#: the fitted ``short_model_``); handing pickle the same packed object for both
#: lets it store the map once.
_PACKED: list[tuple[Mapping[str, int], tuple[str, npt.NDArray[np.int32]]]] = []


def _packed(clusters: Mapping[str, int]) -> tuple[str, npt.NDArray[np.int32]]:
    """Words newline-joined and their classes as one array: a dict of tens of
    thousands of entries is slow to unpickle (as the vocabulary is)."""
    for cached, packed in _PACKED:
        if cached is clusters or cached == clusters:
            return packed
    packed = (
        "\n".join(clusters),
        np.fromiter(clusters.values(), dtype=np.int32, count=len(clusters)),
    )
    _PACKED[:] = [(dict(clusters), packed)]
    return packed


#: The vector-block word list last packed for pickling, and its packed form
#: (a model's long and short classifiers hold equal lists: stored once).
_PACKED_WORDS: list[tuple[list[str], str]] = []


def _packed_words(words: list[str]) -> str:
    for cached, packed in _PACKED_WORDS:
        if cached is words or cached == words:
            return packed
    packed = "\n".join(words)
    _PACKED_WORDS[:] = [(list(words), packed)]
    return packed


#: Each fitted classifier's look-up tables of its vector-block words (as
#: :data:`_TABLES`: built on first use, never pickled).
_VECTOR_TABLES: weakref.WeakKeyDictionary[Any, tuple[object, object, NgramTables]] = (
    weakref.WeakKeyDictionary()
)


#: Each fitted classifier's columns of its vector-block words in the word
#: block, and the ratio of their idf to the word block's (``None`` when a
#: vector word is not in the word vocabulary); as :data:`_VECTOR_TABLES`.
_VECTOR_COLUMNS: weakref.WeakKeyDictionary[
    Any, tuple[object, object, object, tuple[IntArray, FloatArray] | None]
] = weakref.WeakKeyDictionary()


def _vector_columns(model: Any) -> tuple[IntArray, FloatArray] | None:
    words, idf, vocabulary = model.vector_words_, model.vector_idf_, model.vectorizer_.vocabulary_
    cached = _VECTOR_COLUMNS.get(model)
    if cached is None or any(
        a is not b for a, b in zip(cached[:3], (words, idf, vocabulary), strict=True)
    ):
        cols = np.fromiter((vocabulary.get(w, -1) for w in words), dtype=np.int64, count=len(words))
        found = None
        if (cols >= 0).all():
            ratio = idf / np.asarray(model.vectorizer_.idf_, dtype=np.float64)[cols]
            found = (cols, ratio)
        cached = (words, idf, vocabulary, found)
        _VECTOR_COLUMNS[model] = cached
    return cached[3]


def _vector_tables(model: Any) -> NgramTables:
    words, idf = model.vector_words_, model.vector_idf_
    cached = _VECTOR_TABLES.get(model)
    if cached is None or cached[0] is not words or cached[1] is not idf:
        index = {w: i for i, w in enumerate(words)}
        tables = NgramTables.build(index, idf, WordNgrams(1, 1))
        assert tables is not None  # unigrams always have tables
        cached = (words, idf, tables)
        _VECTOR_TABLES[model] = cached
    return cached[2]


def _check_word_map(name: str, value: object, what: str) -> None:
    # the words are joined by newlines when pickled, so none may hold one
    if not isinstance(value, Mapping) or not all(
        isinstance(w, str) and "\n" not in w for w in value
    ):
        raise InputTypeError(f"{name} must map words to {what} (or be None)")


def _check_weight(name: str, value: object) -> None:
    if not float(value) > 0:  # type: ignore[arg-type]
        raise InputValueError(f"{name} must be > 0, not {value!r}")


def _sigmoid(x: FloatArray) -> FloatArray:
    out: FloatArray = 0.5 * (1.0 + np.tanh(0.5 * x))
    return out


def _is_label_set(row: object) -> bool:
    """True for a collection of topic names (an empty one included)."""
    return isinstance(row, set | frozenset | list | tuple) and all(isinstance(v, str) for v in row)


def _token_ids(docs: Sequence[str], index: Mapping[str, int]) -> tuple[IntArray, IntArray]:
    """(text, id) of every word token of ``docs`` that ``index`` holds."""
    get = index.get
    rows: list[int] = []
    cols: list[int] = []
    for n, doc in enumerate(docs):
        found = [c for c in map(get, _tokens(doc.lower())) if c is not None]
        rows.extend([n] * len(found))
        cols.extend(found)
    return np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)


class TopicClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Multi-label topic classifier: TF-IDF + per-topic calibrated logistic regression.

    Parameters
    ----------
    topics : sequence of str or None
        Names of the label columns; ``None`` means newskit's four topics
        ``('security', 'climate', 'diplomacy', 'politics')``.
    max_words : int or None
        Read at most this many words of each text (title first); ``None`` reads all.
    ngram_range : tuple of (int, int)
        Word n-gram range of the TF-IDF features.
    min_df : int or float
        Minimum document frequency of a feature (keeps rare phrases, and so
        any passage of training text, out of the model).
    max_df : float
        Drop features in more than this fraction of documents.
    max_features : int or None
        Keep the most frequent features only.
    C : float
        Inverse L2 regularisation strength of the logistic regressions.
    class_weight : {'balanced'} or None
        ``'balanced'`` reweights each topic so positives and negatives carry
        equal total (sample-weighted) weight.
    positive_weight : float
        Multiplies the weight of every positive example (after ``class_weight``).
    calibration_cv : int
        Folds for the out-of-fold Platt scaling; ``0`` keeps the raw
        logistic probabilities.
    thresholds : float, sequence of float or None
        Decision threshold(s) on the calibrated probability; ``None`` is 0.5.
    lexicon : mapping of str to str, optional
        Named regular expressions (e.g. a topic's guideline vocabulary). Each
        adds one feature to every topic's regression: ``lexicon_scale *
        log(1 + k)``, where ``k`` is the number of distinct vocabulary terms
        (words or word pairs the pattern matches in full) present in the text.
        The shipped model uses the guideline keyword lists.
    lexicon_scale : float
        Scale of the lexicon features relative to the TF-IDF values.
    lead_words : int or None
        If set, add a second TF-IDF block of the first ``lead_words`` words
        of each prepared text (title and lead), with the same vocabulary.
    lead_chars : tuple of (int, int) or None
        If set (with ``lead_words``), add a TF-IDF block of character n-grams
        of this length range of the title + lead text, taken within each word
        token padded with spaces (as scikit-learn's ``char_wb`` analyzer does,
        with the word tokens of the word n-grams).
    lead_char_features : int
        Keep the most frequent character n-grams only (with ``lead_chars``).
    title_block : bool
        If set, add a TF-IDF block (same vocabulary) of the title: the first
        paragraph of a prepared text that has more than one (empty for a
        text of one paragraph).
    loss : {'log_loss', 'squared_hinge'}
        Loss of the per-topic linear models: logistic regression, or a
        linear support vector machine (L2-regularised squared hinge); either
        way the scores are mapped to probabilities by the Platt sigmoid.
    word_clusters : mapping of str to int, or None
        If set, add a block of word classes: each lower-cased word token
        (as the word n-grams tokenize) that the mapping holds counts for its
        class ``0 .. n_classes - 1``; the block is the sublinear TF-IDF of the
        class counts, L2-normalised, times ``cluster_weight``. Classes in
        fewer than ``min_df`` or more than ``max_df`` of the training texts
        get no weight (as words do).
    cluster_weight : float
        Scale of the word-class block (with ``word_clusters``).
    word_vectors : mapping of str to array-like of shape (dims,), or None
        If set, add a dense block of ``dims`` features in fitting: the mean of
        the vectors of a text's word tokens (lower-cased, as the word n-grams
        tokenize) that the mapping holds, each word weighing its sublinear
        TF-IDF (words in fewer than ``min_df`` or more than ``max_df`` of the
        training texts left out), times ``vector_weight``. It is a weighted
        average, not L2-normalised, so it is linear in the words' weights:
        after fitting, the block's weights :attr:`vector_coef_` are folded
        into one weight per word (:attr:`vector_words_`, features ``vec:WORD``
        of :meth:`transform` with value ``vector_weight`` times the word's
        share of the text's weights), which scores every text exactly as the
        dense block does.
        The vectors are not saved with the model (pickling leaves this
        ``None``): set them again to refit a loaded model.
    vector_weight : float
        Scale of the dense block (with ``word_vectors``).
    short_words : int or None
        If set, texts with fewer words than this (after preparation) use
        ``short_calibration_`` and ``short_thresholds_``.
    short_model : TopicClassifier or None
        If set (with ``short_words``), a clone of it is fitted on the same
        texts, targets and weights, and scores the texts shorter than
        ``short_words`` words; this classifier scores the others. Its
        ``max_words``, ``short_words``, ``topics`` and ``thresholds`` are
        ignored (this classifier's apply), as is its own ``short_model``.
    random_state : int or None
        Seed of the calibration folds (fitting is otherwise deterministic).

    Attributes
    ----------
    classes_ : ndarray of str
        The topic names, in label-column order.
    vectorizer_ : TfidfVectorizer
        The fitted feature extractor.
    char_vectorizer_ : TfidfVectorizer or None
        The fitted character n-gram extractor of the lead block (with ``lead_chars``).
    cluster_idf_ : ndarray of shape (n_classes,) or None
        Inverse document frequency of each word class (``0``: a class left
        out), with ``word_clusters``; else ``None``.
    vector_words_ : list of str or None
        The words of ``word_vectors`` that count (inside ``min_df`` and
        ``max_df``), in the mapping's order, with ``word_vectors``; else ``None``.
    vector_idf_ : ndarray of shape (n_vector_words,) or None
        Inverse document frequency of each of :attr:`vector_words_`.
    vector_coef_ : ndarray of shape (n_topics, dims) or None
        The fitted weights of the dense block's dimensions (before folding).
    coef_ : ndarray of shape (n_topics, n_features)
        Logistic-regression weights.
    intercept_ : ndarray of shape (n_topics,)
        Logistic-regression intercepts.
    calibration_ : ndarray of shape (n_topics, 2)
        Platt parameters ``(a, b)``: ``p = 1 / (1 + exp(a * score + b))``.
    thresholds_ : ndarray of shape (n_topics,)
        Per-topic probability thresholds used by :meth:`predict`.
    short_calibration_ : ndarray of shape (n_topics, 2) or None
        Platt parameters for short texts when ``short_words`` is set, else ``None``.
    short_thresholds_ : ndarray of shape (n_topics,) or None
        Thresholds for short texts when ``short_words`` is set, else ``None``.
    short_model_ : TopicClassifier or None
        The fitted classifier of short texts (with ``short_model``), else
        ``None``. Its scores go through :attr:`short_calibration_` and
        :attr:`short_thresholds_`.
    n_train_ : ndarray of shape (n_topics, 2)
        Negative and positive training examples per topic.

    Examples
    --------
    >>> texts = ["troops fired missiles at the base", "the senate passed the budget bill",
    ...          "army attack kills soldiers", "voters elect a new parliament",
    ...          "militants bomb an army convoy", "the party won the election"]
    >>> y = [[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]]
    >>> clf = TopicClassifier(topics=["security", "politics"], min_df=1,
    ...                       calibration_cv=0).fit(texts, y)
    >>> clf.predict(["missiles hit an army base"]).tolist()
    [[1, 0]]
    """

    # Fitted attributes that may be None (declared for the type checker only).
    short_calibration_: FloatArray | None
    short_thresholds_: FloatArray | None
    short_model_: TopicClassifier | None

    def __init__(
        self,
        topics: Sequence[str] | None = None,
        *,
        max_words: int | None = 400,
        ngram_range: tuple[int, int] = (1, 2),
        min_df: int | float = 3,
        max_df: float = 0.5,
        max_features: int | None = 60_000,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        positive_weight: float = 1.0,
        calibration_cv: int = 3,
        thresholds: float | Sequence[float] | None = None,
        lexicon: Mapping[str, str] | None = None,
        lexicon_scale: float = 0.5,
        lead_words: int | None = None,
        lead_chars: tuple[int, int] | None = None,
        lead_char_features: int = 20_000,
        title_block: bool = False,
        loss: str = "log_loss",
        word_clusters: Mapping[str, int] | None = None,
        cluster_weight: float = 1.0,
        word_vectors: Mapping[str, npt.ArrayLike] | None = None,
        vector_weight: float = 1.0,
        short_words: int | None = None,
        short_model: TopicClassifier | None = None,
        random_state: int | None = 0,
    ) -> None:
        self.topics = topics
        self.max_words = max_words
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.C = C
        self.class_weight = class_weight
        self.positive_weight = positive_weight
        self.calibration_cv = calibration_cv
        self.thresholds = thresholds
        self.lexicon = lexicon
        self.lexicon_scale = lexicon_scale
        self.lead_words = lead_words
        self.lead_chars = lead_chars
        self.lead_char_features = lead_char_features
        self.title_block = title_block
        self.loss = loss
        self.word_clusters = word_clusters
        self.cluster_weight = cluster_weight
        self.word_vectors = word_vectors
        self.vector_weight = vector_weight
        self.short_words = short_words
        self.short_model = short_model
        self.random_state = random_state

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.multi_output = True
        tags.target_tags.single_output = False
        tags.classifier_tags.multi_label = True
        return tags

    # -- pickling -------------------------------------------------------------
    # joblib unpickles with the pure-Python unpickler, which spends ~1 s on a
    # 60,000-entry vocabulary dict. Storing the terms as one newline-joined
    # string (index order) and rebuilding the dict on load keeps a cold load fast.

    def __getstate__(self) -> dict[str, Any]:
        # BaseEstimator returns the live __dict__ for non-sklearn classes: copy it.
        state: dict[str, Any] = dict(super().__getstate__())
        # Options at their defaults are left out (__setstate__ restores them), so
        # a model that does not use them pickles to the same bytes as before.
        for name, default in (
            ("title_block", False),
            ("loss", "log_loss"),
            ("word_clusters", None),
            ("cluster_weight", 1.0),
            ("cluster_idf_", None),
            ("vector_weight", 1.0),
            ("vector_words_", None),
            ("vector_idf_", None),
            ("vector_coef_", None),
        ):
            value = state.get(name, default)
            if value is default or (default is not None and value == default):
                state.pop(name, None)
        clusters = state.get("word_clusters")
        if clusters is not None:
            state["word_clusters"] = _packed(clusters)
        # The vectors are tens of megabytes; a fitted model needs only their
        # folded weights (in coef_), so they are not saved.
        state.pop("word_vectors", None)
        words = state.get("vector_words_")
        if words is not None:
            state["vector_words_"] = _packed_words(words)
        vec: Any = state.get("vectorizer_")
        if vec is not None and hasattr(vec, "vocabulary_"):
            vocab = vec.vocabulary_
            # A fresh object with a fresh __dict__: copy.copy could share the
            # dict with the live vectorizer and strip its vocabulary too.
            cls: Any = type(vec)
            slim = cls.__new__(cls)
            slim.__dict__.update({k: v for k, v in vars(vec).items() if k != "vocabulary_"})
            # The analyzer is rebuilt from ngram_range on load, so a model file
            # names no private newskit module and survives their renames.
            if isinstance(slim.analyzer, WordNgrams):
                slim.analyzer = "word"
            state["vectorizer_"] = slim
            state["_vocabulary_terms"] = "\n".join(sorted(vocab, key=vocab.__getitem__))
        chars: Any = state.get("char_vectorizer_")
        if chars is not None and hasattr(chars, "vocabulary_"):
            vocab = chars.vocabulary_
            cls = type(chars)
            slim = cls.__new__(cls)
            slim.__dict__.update({k: v for k, v in vars(chars).items() if k != "vocabulary_"})
            if isinstance(slim.analyzer, WordChars):
                slim.ngram_range = (slim.analyzer.min_n, slim.analyzer.max_n)
                slim.analyzer = "char_wb"
            state["char_vectorizer_"] = slim
            # Character n-grams hold spaces but no newline (char_wb n-grams lie
            # within one word, padded with single spaces).
            state["_char_terms"] = "\n".join(sorted(vocab, key=vocab.__getitem__))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        terms = state.pop("_vocabulary_terms", None)
        char_terms = state.pop("_char_terms", None)
        # Models pickled before the length options existed read every text alike.
        for name in (
            "lead_words",
            "short_words",
            "short_calibration_",
            "short_thresholds_",
            "lead_chars",
            "char_vectorizer_",
            "short_model",
            "short_model_",
        ):
            state.setdefault(name, None)
        state.setdefault("positive_weight", 1.0)
        state.setdefault("lead_char_features", 20_000)
        state.setdefault("title_block", False)
        state.setdefault("loss", "log_loss")
        state.setdefault("word_clusters", None)
        state.setdefault("cluster_weight", 1.0)
        state.setdefault("cluster_idf_", None)
        state.setdefault("word_vectors", None)
        state.setdefault("vector_weight", 1.0)
        state.setdefault("vector_idf_", None)
        state.setdefault("vector_coef_", None)
        words = state.setdefault("vector_words_", None)
        if isinstance(words, str):
            state["vector_words_"] = words.split("\n")
        packed = state["word_clusters"]
        if isinstance(packed, tuple):
            words, classes = packed
            state["word_clusters"] = dict(zip(words.split("\n"), classes.tolist(), strict=True))
        super().__setstate__(state)
        if terms is not None:
            self.vectorizer_.vocabulary_ = {t: i for i, t in enumerate(terms.split("\n"))}
        chars = self.char_vectorizer_
        if char_terms is not None and chars is not None:
            chars.vocabulary_ = {t: i for i, t in enumerate(char_terms.split("\n"))}
        # The analyzer is rebuilt on load, as the word one is (see __getstate__).
        if chars is not None and chars.analyzer == "char_wb":
            chars.analyzer = WordChars(*chars.ngram_range)
        vec = getattr(self, "vectorizer_", None)
        if vec is not None and vec.analyzer == "word":
            vec.analyzer = WordNgrams(*self.ngram_range)

    # -- input handling --------------------------------------------------

    def prepare(self, X: Iterable[Article | Content]) -> list[str]:
        """The text the model reads of each article: title and body, cut after ``max_words``.

        Pass the result to :meth:`predict_proba_prepared` to score texts that
        were already prepared (say, to check their language first) without
        preparing them twice.

        Parameters
        ----------
        X : iterable of Article, str or bytes
            The articles.

        Returns
        -------
        list of str
            One prepared text per article.
        """
        if isinstance(X, str | bytes) or not isinstance(X, Iterable):
            raise InputTypeError(
                "X must be an iterable of articles (newskit.Article, str or bytes), "
                f"not {type(X).__name__}"
            )
        refuse_table(X, name="X")  # a DataFrame iterates over its column names
        cut = self.max_words
        return [article_text(x, max_words=cut).joined(cut) for x in X]

    def _topic_names(self) -> list[str]:
        names = list(TOPICS if self.topics is None else self.topics)
        if not names or len(set(names)) != len(names):
            raise InputValueError(f"topics must be distinct names, got {names!r}")
        return names

    def _targets(self, y: object, n_samples: int, names: list[str]) -> IntArray:
        rows = list(y) if isinstance(y, Iterable) else None
        if rows is None or isinstance(y, str | bytes):
            raise InputTypeError(f"y must be a 2-D array or a list of label sets, not {y!r}")
        if len(rows) != n_samples:
            raise InputValueError(f"X has {n_samples} texts but y has {len(rows)} rows")
        if rows and all(_is_label_set(r) for r in rows):
            unknown = sorted({v for r in rows for v in r} - set(names))
            if unknown:
                raise InputValueError(f"unknown topics in y: {', '.join(unknown)}")
            return np.array([[int(n in r) for n in names] for r in rows], dtype=np.int64)
        try:
            Y = np.asarray(rows, dtype=np.int64)
        except (TypeError, ValueError) as exc:
            raise InputValueError(f"y must hold 1, 0 or -1 (unknown): {exc}") from exc
        if Y.ndim != 2 or Y.shape[1] != len(names):
            raise InputValueError(
                f"y must have shape (n_samples, {len(names)}) for topics {names}, got {Y.shape}"
            )
        if not np.isin(Y, (0, 1, UNKNOWN)).all():
            raise InputValueError("y must hold only 1, 0 or -1 (unknown)")
        return Y

    # -- fitting -----------------------------------------------------------

    def fit(
        self,
        X: Iterable[Article | Content],
        y: object,
        sample_weight: npt.ArrayLike | None = None,
    ) -> TopicClassifier:
        """Fit the features and one calibrated regression per topic.

        Parameters
        ----------
        X : iterable of Article or str
            Training texts.
        y : array-like of shape (n_samples, n_topics) or list of label sets
            ``1`` positive, ``0`` negative, ``-1`` unknown (row skipped for that
            topic); or, per text, the collection of topic names that apply.
        sample_weight : array-like of shape (n_samples,), optional
            Relative weight of each text.

        Returns
        -------
        TopicClassifier
            ``self``, fitted.
        """
        names = self._topic_names()
        docs = self.prepare(X)
        if not docs:
            raise InputValueError("cannot fit on zero texts")
        Y = self._targets(y, len(docs), names)
        weights = (
            np.ones(len(docs))
            if sample_weight is None
            else np.asarray(sample_weight, dtype=np.float64)
        )
        if weights.shape != (len(docs),) or (weights < 0).any():
            raise InputValueError("sample_weight must be non-negative, one per text")

        features = self._fit_features(docs)
        self.classes_ = np.array(names)
        self._fit_regressions(features, Y, weights)
        if self.short_model is not None:
            short = self.short_part()
            short._fit_regressions(short._fit_features(docs), Y, weights)
            self.set_short_model(short)
        return self

    def short_part(self) -> TopicClassifier:
        """An unfitted clone of ``short_model`` set to read texts as this classifier does."""
        if self.short_words is None:
            raise InputValueError("short_model needs short_words (the texts it scores)")
        if not isinstance(self.short_model, TopicClassifier):
            raise InputTypeError(
                f"short_model must be a TopicClassifier, not {type(self.short_model).__name__}"
            )
        part: TopicClassifier = clone(self.short_model).set_params(
            topics=self.topics,
            max_words=self.max_words,
            short_words=None,
            short_model=None,
            thresholds=None,
        )
        part.classes_ = np.array(self._topic_names())
        return part

    def set_short_model(self, fitted: TopicClassifier) -> TopicClassifier:
        """Install ``fitted`` (from :meth:`short_part`, fitted) as :attr:`short_model_`.

        Its Platt parameters become :attr:`short_calibration_` (replace them
        with :meth:`set_calibration`, e.g. by ones fitted out of fold).

        Returns
        -------
        TopicClassifier
            ``self``.
        """
        check_is_fitted(self, "coef_")
        check_is_fitted(fitted, "coef_")
        if list(fitted.classes_) != list(self.classes_):
            raise InputValueError("the short model must have the same topics")
        self.short_model_ = fitted
        self.short_calibration_ = fitted.calibration_.copy()
        return self

    def _fit_features(self, docs: list[str]) -> sparse.csr_matrix:
        """Fit the vectorizer (and lexicon) on prepared texts; return their feature matrix."""
        self._check_params()
        lo, hi = self.ngram_range
        vectorizer = TfidfVectorizer(
            analyzer=WordNgrams(int(lo), int(hi)),
            min_df=self.min_df,
            max_df=self.max_df,
            max_features=self.max_features,
            sublinear_tf=True,
            dtype=np.float32,
        )
        try:
            features = vectorizer.fit_transform(docs).tocsr()
        except ValueError as exc:  # empty vocabulary
            raise InputValueError(f"no usable words in the training texts: {exc}") from exc
        try:
            patterns = {
                str(k): re.compile(v, re.IGNORECASE) for k, v in (self.lexicon or {}).items()
            }
        except (re.error, TypeError, AttributeError) as exc:
            raise InputValueError(f"lexicon must map names to regular expressions: {exc}") from exc
        self.lexicon_names_ = list(patterns)
        self.lexicon_matrix_ = self._lexicon_matrix(vectorizer, list(patterns.values()))
        # Older scikit-learn keeps every pruned n-gram in stop_words_: drop it so
        # a saved model stays small and holds no rare (possibly verbatim) word pairs.
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_
        self.vectorizer_ = vectorizer
        self.char_vectorizer_: TfidfVectorizer | None = None
        blocks = [features]
        if self.lead_words is not None:
            leads = self._leads(docs)
            blocks.append(vectorizer.transform(leads).tocsr())
        if self.lead_words is not None and self.lead_chars is not None:
            lo_c, hi_c = self.lead_chars
            chars = TfidfVectorizer(
                analyzer=WordChars(int(lo_c), int(hi_c)),
                min_df=self.min_df,
                max_df=self.max_df,
                max_features=self.lead_char_features,
                sublinear_tf=True,
                dtype=np.float32,
            )
            blocks.append(chars.fit_transform(leads).tocsr())
            if hasattr(chars, "stop_words_"):
                del chars.stop_words_
            self.char_vectorizer_ = chars
        if self.title_block:
            blocks.append(vectorizer.transform(self._titles(docs)).tocsr())
        self.cluster_idf_: FloatArray | None = None
        if self.word_clusters is not None:
            self.cluster_idf_ = self._cluster_idf(docs)
            blocks.append(self._cluster_block(docs))
        self.vector_words_: list[str] | None = None
        self.vector_idf_: FloatArray | None = None
        self.vector_coef_: FloatArray | None = None
        if self.word_vectors is not None:
            self._fit_vector_idf(docs)
            # Fitting sees the dense block; _fit_regressions folds its weights.
            dense = self._vector_block(docs, features) @ self._vector_matrix()
            blocks.append(sparse.csr_matrix(dense))
        if len(blocks) == 1:
            return self._with_lexicon(features, features)
        return self._with_lexicon(features, sparse.hstack(blocks, format="csr"))

    def _check_params(self) -> None:
        if self.loss not in ("log_loss", "squared_hinge"):
            raise InputValueError(f"loss must be 'log_loss' or 'squared_hinge', not {self.loss!r}")
        if self.lead_chars is not None and self.lead_words is None:
            raise InputValueError("lead_chars needs lead_words (the block it reads)")
        if self.word_clusters is not None:
            _check_word_map("word_clusters", self.word_clusters, "classes")
            self._n_clusters()
            _check_weight("cluster_weight", self.cluster_weight)
        if self.word_vectors is not None:
            _check_word_map("word_vectors", self.word_vectors, "vectors")
            self._vector_matrix()
            _check_weight("vector_weight", self.vector_weight)
        for name in ("lead_words", "short_words"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1
            ):
                raise InputValueError(f"{name} must be a positive int or None, not {value!r}")

    def _term_idf(
        self, rows: IntArray, cols: IntArray, n_terms: int, n_docs: int
    ) -> tuple[FloatArray, np.ndarray]:
        """Smooth idf of each of ``n_terms`` terms (as TfidfVectorizer) from the (text,
        term) pairs of ``n_docs`` texts, and whether its document count is in
        ``min_df..max_df``."""
        df = np.bincount(np.unique(rows * n_terms + cols) % n_terms, minlength=n_terms)
        idf: FloatArray = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
        low = self.min_df if isinstance(self.min_df, int | np.integer) else self.min_df * n_docs
        high = self.max_df * n_docs if isinstance(self.max_df, float) else self.max_df
        return idf, (df >= low) & (df <= high)

    def _n_clusters(self) -> int:
        classes = list((self.word_clusters or {}).values())
        if not classes or min(classes) < 0:
            raise InputValueError("word_clusters must map words to classes 0, 1, ...")
        return int(max(classes)) + 1

    def _cluster_idf(self, docs: Sequence[str]) -> FloatArray:
        """Smooth idf of each class over ``docs`` (as TfidfVectorizer), 0 outside min/max_df."""
        rows, cols = _token_ids(docs, self.word_clusters or {})
        idf, in_range = self._term_idf(rows, cols, self._n_clusters(), len(docs))
        idf[~in_range] = 0.0
        return idf

    def _cluster_block(self, docs: Sequence[str]) -> sparse.csr_matrix:
        """The word-class block of prepared texts (needs :attr:`cluster_idf_`)."""
        idf = self.cluster_idf_
        assert idf is not None
        rows, cols = _token_ids(docs, self.word_clusters or {})
        keep = idf[cols] > 0
        block = _tfidf_matrix(rows[keep], cols[keep], len(docs), idf)
        if self.cluster_weight != 1.0:
            block.data *= float(self.cluster_weight)
        return block

    def _vector_matrix(self) -> FloatArray:
        """The vectors of :attr:`vector_words_` (all of ``word_vectors`` before those are
        known), one row per word."""
        vectors = self.word_vectors or {}
        words = getattr(self, "vector_words_", None)
        try:
            rows = [
                np.asarray(vectors[w], dtype=np.float64)
                for w in (vectors if words is None else words)
            ]
            matrix = np.vstack(rows) if rows else np.zeros((0, 0))
        except (KeyError, ValueError, TypeError) as exc:
            raise InputValueError(f"word_vectors must hold vectors of one length: {exc}") from exc
        if matrix.ndim != 2 or not matrix.size or not np.isfinite(matrix).all():
            raise InputValueError("word_vectors must hold finite vectors of one length")
        return matrix

    def _fit_vector_idf(self, docs: Sequence[str]) -> None:
        """Set :attr:`vector_words_` and :attr:`vector_idf_` from the training texts."""
        words = list(self.word_vectors or {})
        rows, cols = _token_ids(docs, {w: i for i, w in enumerate(words)})
        idf, in_range = self._term_idf(rows, cols, len(words), len(docs))
        keep = np.flatnonzero(in_range)
        if not len(keep):
            raise InputValueError(
                "no word of word_vectors is in min_df..max_df of the training texts"
            )
        self.vector_words_ = [words[i] for i in keep]
        self.vector_idf_ = idf[keep]

    def _vector_block(
        self, docs: Sequence[str], words: sparse.csr_matrix | None = None
    ) -> sparse.csr_matrix:
        """Each text's weights of :attr:`vector_words_` (summing to ``vector_weight``).

        ``words`` is the texts' word block, if at hand: when every vector word
        is in its vocabulary (with the same ``min_df`` and ``max_df`` and no
        ``max_features`` cut, it is), the weights are read off it instead of
        reading the texts again.
        """
        columns = None if words is None else _vector_columns(self)
        if columns is not None and words is not None:
            # The word block's values of a text are sublinear tf times idf over
            # the text's norm: times the ratio of the idfs, they are the vector
            # words' weights over that norm, which the division below cancels.
            cols, ratio = columns
            block = sparse.csr_matrix(words[:, cols] @ sparse.diags(ratio, format="csr"))
        else:
            # The unigram tables give the words' sublinear TF-IDF, L2-normalised.
            block = _vector_tables(self).transform(list(docs))
        # The weights are positive, so dividing by the row sum makes them sum
        # to 1 (as dividing the raw ones would).
        sums = np.asarray(block.sum(axis=1), dtype=np.float64).ravel()
        scale = float(self.vector_weight) / np.where(sums > 0, sums, 1.0)
        block.data *= np.repeat(scale, np.diff(block.indptr))
        return block

    @staticmethod
    def _titles(docs: Sequence[str]) -> list[str]:
        # A text of one paragraph has no title line to tell apart from its body.
        return [head if sep else "" for head, sep, _ in (doc.partition("\n\n") for doc in docs)]

    def _leads(self, docs: Sequence[str]) -> list[str]:
        cut = int(self.lead_words or 0)
        return [" ".join(doc.split()[:cut]) for doc in docs]

    def _fit_regressions(
        self, features: sparse.csr_matrix, Y: IntArray, weights: FloatArray
    ) -> None:
        """Fit one regression (and its Platt sigmoid) per topic on a feature matrix.

        ``features`` are as :meth:`_fit_features` returns them: with
        ``word_vectors``, the dense block's fitted weights are then folded
        into one weight per vector word (:meth:`_fold_vectors`).
        """
        names = [str(c) for c in self.classes_]
        n_topics, n_features = len(names), features.shape[1]
        coef = np.zeros((n_topics, n_features))
        intercept = np.zeros(n_topics)
        calibration = np.tile(_RAW, (n_topics, 1))
        counts = np.zeros((n_topics, 2), dtype=np.int64)
        for j, name in enumerate(names):
            known = Y[:, j] != UNKNOWN
            yj = Y[known, j]
            n_pos = int(yj.sum())
            counts[j] = (len(yj) - n_pos, n_pos)
            if n_pos == 0 or n_pos == len(yj):
                raise InputValueError(
                    f"topic {name!r} needs both positive and negative examples "
                    f"(got {n_pos} positive of {len(yj)} labelled)"
                )
            wj = weights[known]
            coef[j], intercept[j], calibration[j] = self._fit_topic(
                features[known], yj, self._balanced(wj, yj), wj
            )

        if getattr(self, "vector_words_", None) is not None and self.word_vectors is not None:
            coef = self._fold_vectors(coef)
        self.coef_ = coef
        self.intercept_ = intercept
        self.calibration_ = calibration
        self.n_train_ = counts
        self.thresholds_ = self._threshold_array(n_topics)
        self.short_calibration_ = None
        self.short_thresholds_ = None
        self.short_model_ = None
        if self.short_words is not None:
            self.short_calibration_ = calibration.copy()
            self.short_thresholds_ = self.thresholds_.copy()

    def _fold_vectors(self, coef: FloatArray) -> FloatArray:
        """Weights of the dense block's dimensions -> one weight per vector word.

        The dense block is (word weights) @ (word vectors), so its score
        ``block @ w`` equals (word weights) @ (vectors @ w): the dense columns
        of ``coef`` (the last before the lexicon's) become ``vectors @ w``,
        one column per word of :attr:`vector_words_`.
        """
        vectors = self._vector_matrix()
        lexicon = getattr(self, "lexicon_matrix_", None)
        end = coef.shape[1] - (0 if lexicon is None else lexicon.shape[1])
        start = end - vectors.shape[1]
        self.vector_coef_ = coef[:, start:end].copy()
        folded = self.vector_coef_ @ vectors.T
        out: FloatArray = np.hstack([coef[:, :start], folded, coef[:, end:]])
        return out

    def set_calibration(
        self,
        calibration: npt.ArrayLike,
        thresholds: npt.ArrayLike,
        *,
        short_calibration: npt.ArrayLike | None = None,
        short_thresholds: npt.ArrayLike | None = None,
    ) -> TopicClassifier:
        """Install Platt parameters and thresholds fitted elsewhere (e.g. out of fold).

        Parameters
        ----------
        calibration : array-like of shape (n_topics, 2)
            Platt parameters ``(a, b)`` per topic: ``p = 1 / (1 + exp(a * score + b))``.
        thresholds : array-like of shape (n_topics,)
            Probability thresholds per topic, each in (0, 1).
        short_calibration, short_thresholds : array-like, optional
            The same for texts shorter than ``short_words`` (required when it is set).

        Returns
        -------
        TopicClassifier
            ``self``.
        """
        check_is_fitted(self, "coef_")
        n = len(self.classes_)

        def checked(value: npt.ArrayLike, shape: tuple[int, ...], what: str) -> FloatArray:
            arr = np.array(value, dtype=np.float64)
            if arr.shape != shape or not np.isfinite(arr).all():
                raise InputValueError(f"{what} must be finite with shape {shape}, got {arr.shape}")
            if len(shape) == 1 and not ((arr > 0) & (arr < 1)).all():
                raise InputValueError(f"{what} must lie in (0, 1), got {arr.tolist()}")
            return arr

        self.calibration_ = checked(calibration, (n, 2), "calibration")
        self.thresholds_ = checked(thresholds, (n,), "thresholds")
        if self.short_words is None:
            if short_calibration is not None or short_thresholds is not None:
                raise InputValueError("short calibration needs short_words to be set")
            return self
        if short_calibration is None or short_thresholds is None:
            raise InputValueError("short_words is set: give short_calibration and short_thresholds")
        self.short_calibration_ = checked(short_calibration, (n, 2), "short_calibration")
        self.short_thresholds_ = checked(short_thresholds, (n,), "short_thresholds")
        return self

    def _balanced(self, weights: FloatArray, y: IntArray) -> FloatArray:
        if self.class_weight not in ("balanced", None):
            raise InputValueError(
                f"class_weight must be 'balanced' or None, not {self.class_weight!r}"
            )
        positive = float(self.positive_weight)
        if not positive > 0:
            raise InputValueError(f"positive_weight must be > 0, not {self.positive_weight!r}")
        out = weights.copy()
        if self.class_weight == "balanced":
            total = out.sum()
            for value in (0, 1):
                mask = y == value
                mass = out[mask].sum()
                if mass > 0:
                    out[mask] *= total / (2.0 * mass)
        if positive != 1.0:
            out[y == 1] *= positive
        return out

    def _fit_topic(
        self, X: sparse.csr_matrix, y: IntArray, w_fit: FloatArray, w_cal: FloatArray
    ) -> tuple[FloatArray, float, FloatArray]:
        loss = self.loss

        def regression() -> LogisticRegression | LinearSVC:
            if loss == "squared_hinge":
                return LinearSVC(C=self.C, max_iter=5000, random_state=self.random_state)
            return LogisticRegression(
                C=self.C, solver="liblinear", max_iter=1000, random_state=self.random_state
            )

        lr = regression().fit(X, y, sample_weight=w_fit)
        folds = int(self.calibration_cv)
        if folds < 2 or min(np.bincount(y, minlength=2)) < folds:
            return np.asarray(lr.coef_[0], dtype=np.float64), float(lr.intercept_[0]), _RAW
        # Platt scaling on out-of-fold scores. The sigmoid is fitted with the
        # weights *before* class balancing, so probabilities keep the training
        # mix's base rate instead of the 50/50 the balanced regression assumes.
        oof = np.zeros(len(y))
        cv = StratifiedKFold(folds, shuffle=True, random_state=self.random_state)
        for train, test in cv.split(np.zeros(len(y)), y):
            fold = regression().fit(X[train], y[train], sample_weight=w_fit[train])
            oof[test] = fold.decision_function(X[test])
        platt = LogisticRegression(C=1e4, solver="lbfgs").fit(
            oof.reshape(-1, 1), y, sample_weight=w_cal
        )
        ab = np.array([-float(platt.coef_[0, 0]), -float(platt.intercept_[0])])
        return np.asarray(lr.coef_[0], dtype=np.float64), float(lr.intercept_[0]), ab

    def _threshold_array(self, n_topics: int) -> FloatArray:
        if self.thresholds is None:
            return np.full(n_topics, 0.5)
        values = np.broadcast_to(np.asarray(self.thresholds, dtype=np.float64), (n_topics,))
        if not ((values > 0) & (values < 1)).all():
            raise InputValueError(f"thresholds must lie in (0, 1), got {self.thresholds!r}")
        return values.copy()

    # -- prediction ----------------------------------------------------------

    @staticmethod
    def _lexicon_matrix(
        vectorizer: TfidfVectorizer, patterns: list[re.Pattern[str]]
    ) -> sparse.csr_matrix:
        """Indicator (n_features, n_patterns): which vocabulary terms each pattern matches."""
        rows, cols = [], []
        for term, index in vectorizer.vocabulary_.items():
            for j, pattern in enumerate(patterns):
                if pattern.fullmatch(term):
                    rows.append(index)
                    cols.append(j)
        shape = (len(vectorizer.vocabulary_), len(patterns))
        data = np.ones(len(rows))
        return sparse.csr_matrix((data, (rows, cols)), shape=shape)

    def _with_lexicon(
        self, tfidf: sparse.csr_matrix, features: sparse.csr_matrix
    ) -> sparse.csr_matrix:
        # Lexicon features count the distinct lexicon terms present, read off
        # the (whole-text) TF-IDF matrix itself: no second pass over the text.
        lexicon = getattr(self, "lexicon_matrix_", None)
        if lexicon is None or lexicon.shape[1] == 0:
            return features
        present = tfidf.copy()
        present.data[:] = 1.0
        counts = np.asarray((present @ lexicon).todense())
        extra = sparse.csr_matrix(float(self.lexicon_scale) * np.log1p(counts))
        out: sparse.csr_matrix = sparse.hstack([features, extra], format="csr")
        return out

    def get_feature_names_out(self, input_features: object = None) -> npt.NDArray[np.str_]:
        """Names of the model's features: TF-IDF terms, ``lead:TERM`` entries of the
        lead block (with ``lead_words``), ``chars:NGRAM`` entries of its character
        n-grams (with ``lead_chars``; spaces mark word edges), ``title:TERM``
        entries of the title block (with ``title_block``), ``<class:N>``
        entries of the word-class block (with ``word_clusters``), ``vec:WORD``
        entries of the folded dense block (with ``word_vectors``), then
        ``<lexicon:NAME>`` entries.

        Parameters
        ----------
        input_features : None
            Ignored; present for the scikit-learn API.

        Returns
        -------
        ndarray of str
            One name per column of :meth:`transform`'s matrix and of :attr:`coef_`.
        """
        check_is_fitted(self, "coef_")
        terms = [str(t) for t in self.vectorizer_.get_feature_names_out()]
        lead = [f"lead:{t}" for t in terms] if self.lead_words is not None else []
        char_vec = getattr(self, "char_vectorizer_", None)
        chars = (
            [f"chars:{t}" for t in char_vec.get_feature_names_out()] if char_vec is not None else []
        )
        title = [f"title:{t}" for t in terms] if self.title_block else []
        idf = getattr(self, "cluster_idf_", None)
        clusters = [f"<class:{c}>" for c in range(len(idf))] if idf is not None else []
        vectors = [f"vec:{w}" for w in getattr(self, "vector_words_", None) or []]
        extra = [f"<lexicon:{name}>" for name in getattr(self, "lexicon_names_", [])]
        names = terms + lead + chars + title + clusters + vectors + extra
        return np.asarray(names, dtype=object).astype(np.str_)

    def transform(self, X: Iterable[Article | Content]) -> sparse.csr_matrix:
        """The feature matrix of ``X``, shape ``(n_samples, n_features)``.

        These are this classifier's features of every text; with a
        :attr:`short_model_`, short texts are scored from its features instead.
        """
        check_is_fitted(self, "coef_")
        return self._features(self.prepare(X))

    def _features(self, docs: list[str]) -> sparse.csr_matrix:
        """Feature matrix of texts already prepared by :meth:`prepare`."""
        check_is_fitted(self, "vectorizer_")
        vec = self.vectorizer_
        analyzer = vec.analyzer if callable(vec.analyzer) else WordNgrams(*self.ngram_range)
        tables = _ngram_tables(vec, analyzer)

        def tfidf(texts: list[str]) -> sparse.csr_matrix:
            if tables is None:
                return tfidf_transform(texts, vec.vocabulary_, vec.idf_, analyzer)
            return tables.transform(texts)

        features = tfidf(docs)
        title = self.title_block
        clusters = getattr(self, "cluster_idf_", None) is not None
        vectors = getattr(self, "vector_words_", None) is not None
        if self.lead_words is None and not title and not clusters and not vectors:
            return self._with_lexicon(features, features)
        blocks = [features]
        if self.lead_words is not None:
            leads = self._leads(docs)
            blocks.append(tfidf(leads))
            char_vec = getattr(self, "char_vectorizer_", None)
            if char_vec is not None:
                blocks.append(_char_tables(char_vec, vec).transform(leads))
        if title:
            blocks.append(tfidf(self._titles(docs)))
        if clusters:
            blocks.append(self._cluster_block(docs))
        if vectors:
            blocks.append(self._vector_block(docs, features))
        return self._with_lexicon(features, sparse.hstack(blocks, format="csr"))

    def _short(self, docs: Sequence[str]) -> npt.NDArray[np.bool_]:
        """Which prepared texts count as short (all ``False`` without ``short_words``)."""
        cut = self.short_words
        if cut is None or self.short_calibration_ is None:
            return np.zeros(len(docs), dtype=np.bool_)
        words = np.fromiter((len(d.split()) for d in docs), dtype=np.int64, count=len(docs))
        short: npt.NDArray[np.bool_] = words < cut
        return short

    def _scores(self, features: sparse.csr_matrix) -> FloatArray:
        scores: FloatArray = np.asarray(features @ self.coef_.T) + self.intercept_
        return scores

    def _part(self, short: bool) -> TopicClassifier:
        """The classifier that scores a short (or a longer) text."""
        sub = getattr(self, "short_model_", None)
        return sub if short and sub is not None else self

    def _routed(
        self, docs: list[str]
    ) -> tuple[FloatArray, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Raw scores of prepared texts, which rows have no feature, and which are short."""
        short = self._short(docs)
        sub = getattr(self, "short_model_", None)
        if sub is None or not short.any():
            features = self._features(docs)
            return self._scores(features), np.diff(features.indptr) == 0, short
        scores = np.zeros((len(docs), len(self.classes_)))
        empty = np.zeros(len(docs), dtype=np.bool_)
        for model, rows in ((self, np.flatnonzero(~short)), (sub, np.flatnonzero(short))):
            if len(rows):
                features = model._features([docs[i] for i in rows])
                scores[rows] = model._scores(features)
                empty[rows] = np.diff(features.indptr) == 0
        return scores, empty, short

    def _rows(self, short: npt.NDArray[np.bool_], long: FloatArray, brief: Any) -> FloatArray:
        """Per-row copies of a per-topic array: ``brief`` for short rows, else ``long``."""
        out: FloatArray = np.tile(long, (len(short),) + (1,) * long.ndim)
        if brief is not None and short.any():
            out[short] = brief
        return out

    def _proba(
        self, scores: FloatArray, empty: npt.NDArray[np.bool_], short: npt.NDArray[np.bool_]
    ) -> FloatArray:
        platt = self._rows(short, self.calibration_, self.short_calibration_)
        proba = _sigmoid(-(scores * platt[..., 0] + platt[..., 1]))
        # No known word, no evidence: an empty or foreign-language text gets no topic.
        proba[empty] = 0.0
        return proba

    def _thresholds(self, short: npt.NDArray[np.bool_]) -> FloatArray:
        return self._rows(short, self.thresholds_, self.short_thresholds_)

    def thresholds_prepared(self, texts: Sequence[str]) -> FloatArray:
        """The threshold of every topic for each prepared text, shape ``(n_samples, n_topics)``.

        Equal to :attr:`thresholds_` on every row unless ``short_words`` is set,
        when texts shorter than that get ``short_thresholds_``.
        """
        check_is_fitted(self, "coef_")
        return self._thresholds(self._short(list(texts)))

    def decision_function(self, X: Iterable[Article | Content]) -> FloatArray:
        """Raw linear scores, shape ``(n_samples, n_topics)``."""
        check_is_fitted(self, "coef_")
        return self._routed(self.prepare(X))[0]

    def predict_proba(self, X: Iterable[Article | Content]) -> FloatArray:
        """Calibrated probability of each topic, shape ``(n_samples, n_topics)``.

        Texts with no word from the vocabulary (e.g. empty) get probability 0.
        """
        check_is_fitted(self, "coef_")
        return self.predict_proba_prepared(self.prepare(X))

    def predict_proba_prepared(self, texts: Sequence[str]) -> FloatArray:
        """:meth:`predict_proba` of texts already prepared by :meth:`prepare`."""
        if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
            raise InputTypeError("texts must be a list of prepared texts (see prepare())")
        return self._proba(*self._routed(list(texts)))

    def predict(self, X: Iterable[Article | Content]) -> IntArray:
        """0/1 label matrix, shape ``(n_samples, n_topics)``, using the thresholds."""
        check_is_fitted(self, "coef_")
        scores, empty, short = self._routed(self.prepare(X))
        proba = self._proba(scores, empty, short)
        labels: IntArray = (proba >= self._thresholds(short)).astype(np.int64)
        return labels

    def score(
        self, X: Iterable[Article | Content], y: object, sample_weight: npt.ArrayLike | None = None
    ) -> float:
        """Macro-averaged F1 over topics, ignoring unknown (``-1``) cells.

        This is what ``GridSearchCV`` maximises when no ``scoring`` is given.
        """
        check_is_fitted(self, "coef_")
        docs = self.prepare(X)
        Y = self._targets(y, len(docs), list(self.classes_))
        pred = self.predict(docs)
        w = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        f1s = []
        for j in range(Y.shape[1]):
            known = Y[:, j] != UNKNOWN
            wj = np.ones(int(known.sum())) if w is None else w[known]
            t, p = Y[known, j], pred[known, j]
            tp = float((wj * (t & p)).sum())
            denom = float((wj * t).sum() + (wj * p).sum())
            f1s.append(2 * tp / denom if denom else 1.0)
        return float(np.mean(f1s))
