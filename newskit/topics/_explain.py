"""Per-term explanations of a linear topic model.

For a linear model the score of a topic is ``intercept + sum(x_t * w_t)`` over
the terms ``t`` of the article, so each term's contribution ``x_t * w_t`` is
exact, not an approximation: the terms listed are the ones that moved the
score most, up and down.

Only words of the article are listed (a term of the title + lead block of a
model fitted with ``lead_words`` as ``lead:TERM``). Character n-grams (a model
fitted with ``lead_chars``) are fragments such as ``" clim"``, which tell a
reader little: each one's contribution is shared out over the title + lead
words it was taken from (in proportion to how often each word holds it), and
the words are listed as ``chars:WORD``; the shares add up to the block's
contribution, so the explanation stays exact. Word classes (a model fitted
with ``word_clusters``, named ``<class:N>``) are shared out the same way over
the words of the text in each class, listed as ``class:WORD``. A dense block of
mean word vectors (a model fitted with ``word_vectors``) is already folded into
one weight per word, so each word's contribution through it is exact as it
stands: listed as ``vec:WORD``. A model's keyword-lexicon
counts, if it has any (named ``<lexicon:security>`` and so on), and terms made
only of stop words (``for``, ``has``, ``in the``, ``lead:of the``) count in the
score like any feature but say nothing to a reader about *why*, so they are
left out of ``up`` and ``down``; ``score`` still includes them. A model with a
classifier of short texts (``short_model_``) explains a short text by that
classifier's terms.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import numpy.typing as npt

from newskit._article import Article
from newskit._errors import InputValueError
from newskit._types import Content
from newskit.text import stop_words
from newskit.topics._classifier import TopicClassifier
from newskit.topics._results import TermWeight, TopicExplanation
from newskit.topics._tfidf import _tokens, char_wb_ngrams

__all__ = ["explain_with"]


def _readable(term: str, stops: frozenset[str]) -> bool:
    """Whether ``term`` is worth listing: a word or phrase of the text, not only stop words.

    >>> stops = frozenset({"in", "the", "for"})
    >>> [_readable(t, stops) for t in ("talks", "in the", "<lexicon:security>", "for peace")]
    [True, False, False, True]
    >>> [_readable(t, stops) for t in ("lead:in the", "lead:talks")]
    [False, True]
    """
    if term.startswith("<") and term.endswith(">"):
        return False
    for prefix in ("lead:", "chars:", "title:", "class:", "vec:"):
        term = term.removeprefix(prefix)
    words = term.split()
    return bool(words) and not all(word in stops for word in words)


def _shares(
    per_word: dict[str, Counter[int]], n_columns: int, prefix: str
) -> tuple[list[str], npt.NDArray[np.float64]]:
    """Labels ``prefix:WORD`` and each word's share of every column (columns sum to 1)."""
    labels = list(per_word)
    shares = np.zeros((len(labels), n_columns))
    for i, label in enumerate(labels):
        for k, n in per_word[label].items():
            shares[i, k] = n
    totals = shares.sum(axis=0)
    shares /= np.where(totals > 0, totals, 1.0)
    return [f"{prefix}:{w}" for w in labels], shares


def _char_shares(
    model: TopicClassifier, lead: str, columns: npt.NDArray[np.int64], offset: int
) -> tuple[list[str], npt.NDArray[np.float64]]:
    """Words of ``lead`` and each one's share of every char n-gram column present.

    Returns the word labels (``chars:WORD``) and a matrix
    ``(n_words, len(columns))`` whose columns sum to 1.

    A character n-gram lies within one word token, so its occurrences in the
    text are spread over those words: each word's share is its count of that
    n-gram over the text's count.
    """
    vec = model.char_vectorizer_
    assert vec is not None
    lo, hi = vec.analyzer.min_n, vec.analyzer.max_n
    vocab = vec.vocabulary_
    where = {int(c) - offset: k for k, c in enumerate(columns)}
    per_word: dict[str, Counter[int]] = defaultdict(Counter)
    for token in _tokens(lead.lower()):
        for gram in char_wb_ngrams(token, lo, hi):
            k = where.get(vocab.get(gram, -1))
            if k is not None:
                per_word[token][k] += 1
    return _shares(per_word, len(columns), "chars")


def _class_shares(
    model: TopicClassifier, doc: str, columns: npt.NDArray[np.int64], offset: int
) -> tuple[list[str], npt.NDArray[np.float64]]:
    """Words of ``doc`` and each one's share of every word-class column present.

    As :func:`_char_shares`: labels ``class:WORD`` and a matrix
    ``(n_words, len(columns))`` whose columns sum to 1 (a word's share of
    its class is its count over the count of the class's words).
    """
    classes = model.word_clusters or {}
    where = {int(c) - offset: k for k, c in enumerate(columns)}
    per_word: dict[str, Counter[int]] = defaultdict(Counter)
    for token in _tokens(doc.lower()):
        k = where.get(classes.get(token, -1))
        if k is not None:
            per_word[token][k] += 1
    return _shares(per_word, len(columns), "class")


def explain_with(
    model: TopicClassifier, x: Article | Content, top: int = 10
) -> list[TopicExplanation]:
    """Explain ``model``'s scores for one article ``x``; see :func:`newskit.explain`."""
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise InputValueError(f"top must be a non-negative int, not {top!r}")
    docs = model.prepare([x])
    short = model._short(docs)
    # A short text is scored by the model's short-text classifier, if it has one.
    part = model._part(bool(short[0]))
    features = part._features(docs)
    scores = part._scores(features)
    proba = model._proba(scores, np.diff(features.indptr) == 0, short)[0]
    thresholds = model._thresholds(short)[0]
    row = features.getrow(0)
    all_terms = part.get_feature_names_out()
    stops = stop_words()
    # The char n-gram block sits after the word and lead blocks.
    char_vec = getattr(part, "char_vectorizer_", None)
    start = 2 * len(part.vectorizer_.vocabulary_)
    stop = start + (len(char_vec.vocabulary_) if char_vec is not None else 0)
    is_char = (row.indices >= start) & (row.indices < stop)
    # The word-class block sits after the title block.
    idf = getattr(part, "cluster_idf_", None)
    first = stop + (len(part.vectorizer_.vocabulary_) if part.title_block else 0)
    last = first + (len(idf) if idf is not None else 0)
    is_class = (row.indices >= first) & (row.indices < last)
    plain = row.indices[~is_char & ~is_class]
    names = [str(all_terms[i]) for i in plain]
    shares = np.zeros((0, int(is_char.sum())))
    if is_char.any():
        words, shares = _char_shares(part, part._leads(docs)[0], row.indices[is_char], start)
        names += words
    class_shares = np.zeros((0, int(is_class.sum())))
    if is_class.any():
        words, class_shares = _class_shares(part, docs[0], row.indices[is_class], first)
        names += words
    shown = np.array([_readable(t, stops) for t in names], dtype=bool)
    values = row.data.astype(np.float64)
    out = []
    for j, topic in enumerate(model.classes_):
        contrib = values * part.coef_[j, row.indices]
        contrib = np.concatenate(
            [
                contrib[~is_char & ~is_class],
                shares @ contrib[is_char],
                class_shares @ contrib[is_class],
            ]
        )
        order = [i for i in np.argsort(-contrib, kind="stable") if shown[i]]
        up = [
            TermWeight(names[i], round(float(contrib[i]), 4)) for i in order[:top] if contrib[i] > 0
        ]
        down = [
            TermWeight(names[i], round(float(contrib[i]), 4))
            for i in order[::-1][:top]
            if contrib[i] < 0
        ]
        out.append(
            TopicExplanation(
                topic=str(topic),
                probability=round(float(proba[j]), 4),
                selected=bool(proba[j] >= thresholds[j]),
                score=round(float(scores[0, j]), 4),
                up=tuple(up),
                down=tuple(down),
            )
        )
    return out
