"""The fast TF-IDF paths against scikit-learn's own ``TfidfVectorizer.transform``."""

from __future__ import annotations

import functools
import pickle
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newskit.topics import TopicClassifier, classify_many
from newskit.topics._model import default_model
from newskit.topics._tfidf import IntMap, NgramTables, WordNgrams, tfidf_transform

from ._fixtures import labels_matrix, texts

# Written for these tests: the awkward cases of a tokenizer.
VARIED = [
    "",
    "   \n\t ",
    "troops",
    "a",
    "Troops troops TROOPS troops troops fired fired",
    "The army's 3rd brigade fired 155mm shells; 2,000 troops (and 40 tanks) moved.",
    "Émeute à Paris: the police répondent — tear gas, water cannon… «calm» returned.",
    "Straße über Ölfeld; naïve café CO₂ emissions ½ and ² and ٣ digits, under_score x_y",
    "北京 talks: 外交部 spokesman said the envoy met his counterpart in 北京.",
    "ΟΔΟΣ ΣΟΦΟΣ Σ — final sigma; İstanbul and DİYARBAKIR protests over the election",
    "Floods 🌊 hit the coast 😱 as rescue teams 🚒 arrived; 𝐛𝐨𝐥𝐝 text and 𝟏𝟐 digits.",
    "climate climate change change climate change climate-change climate_change",
    "x y z 1 2 3 a b c",
    "\u00a0non\u00a0breaking\u2009thin\u3000ideographic\u200bzero width spaces",
    " ".join(["sanctions", "talks", "army", "vote"] * 300),
]


@functools.cache
def shipped_tables() -> NgramTables:
    vec = default_model().vectorizer_
    tables = NgramTables.build(vec.vocabulary_, vec.idf_, vec.analyzer)
    assert tables is not None
    return tables


def _varied(model: TopicClassifier) -> list[str]:
    return model.prepare(VARIED)


def test_tables_match_sklearn_on_the_shipped_model() -> None:
    model = default_model()
    vec = model.vectorizer_
    docs = _varied(model) + model.prepare(texts())
    tables = NgramTables.build(vec.vocabulary_, vec.idf_, vec.analyzer)
    assert tables is not None
    got = tables.transform(docs)
    # The shipped vectorizer computes in float32: compare to its precision...
    np.testing.assert_allclose(got.toarray(), vec.transform(docs).toarray(), atol=1e-6)
    # ...and exactly to the generic float64 path.
    generic = tfidf_transform(docs, vec.vocabulary_, vec.idf_, vec.analyzer)
    assert (got != generic).nnz == 0
    assert got.has_sorted_indices and got.shape == (len(docs), len(vec.vocabulary_))


def test_transform_of_an_empty_batch() -> None:
    model = default_model()
    assert model._features([]).shape == (0, model.coef_.shape[1])
    assert model.predict_proba([]).shape == (0, len(model.classes_))


@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 2), (2, 2), (1, 3)])
def test_every_ngram_range_matches_sklearn(ngram_range: tuple[int, int]) -> None:
    clf = TopicClassifier(min_df=1, max_df=1.0, calibration_cv=0, ngram_range=ngram_range)
    clf.fit(texts() + VARIED[2:], labels_matrix() + [[0, 0, 0, 0]] * (len(VARIED) - 2))
    docs = _varied(clf) + texts()
    expected = clf.vectorizer_.transform(docs).toarray()
    got = clf.transform(docs)[:, : expected.shape[1]].toarray()
    np.testing.assert_allclose(got, expected, atol=1e-6)
    vec = clf.vectorizer_
    fast = NgramTables.build(vec.vocabulary_, vec.idf_, WordNgrams(*ngram_range))
    assert (fast is None) == (ngram_range[1] > 2)


def test_vocabulary_terms_the_analyzer_cannot_produce_never_match() -> None:
    vocab = {"army": 0, "a  b": 1, "x": 2, "Army": 3, "army troops": 4, "army troops fired": 5}
    tables = NgramTables.build(vocab, np.ones(6), WordNgrams(1, 2))
    assert tables is not None
    docs = ["Army troops fired at a  b x", "ARMY"]
    reference = tfidf_transform(docs, vocab, np.ones(6), WordNgrams(1, 2))
    assert (tables.transform(docs) != reference).nnz == 0
    assert tables.transform(docs).toarray()[0].nonzero()[0].tolist() == [0, 4]


words = st.sampled_from(
    ["army", "troops", "the", "climate", "change", "vote", "talks", "x", "Ölfeld", "北京", "_"]
)
separators = st.sampled_from([" ", "  ", "\n", ", ", "-", "'", "—", "_", "1", "\u00a0"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(words, separators).map("".join), max_size=40).map("".join))
def test_random_texts_match_the_generic_path(text: str) -> None:
    vec = default_model().vectorizer_
    docs = [text, text.upper(), ""]
    generic = tfidf_transform(docs, vec.vocabulary_, vec.idf_, vec.analyzer)
    assert (shipped_tables().transform(docs) != generic).nnz == 0


def test_fast_token_pattern_equals_sklearn_token_pattern() -> None:
    from newskit.topics._tfidf import _FAST_TOKEN, _TOKEN, _tokens

    for text in [*VARIED, "plain ascii text, 2 words_x", "ascii and one é", "a’s “quote” — dash"]:
        low = text.lower()
        assert _FAST_TOKEN.findall(low) == _TOKEN.findall(low) == _tokens(low)
    sklearn_pattern = re.compile(TfidfVectorizer().token_pattern)
    assert _TOKEN.pattern == sklearn_pattern.pattern


def test_lookup_tables_are_not_pickled_and_follow_a_refit() -> None:
    clf = TopicClassifier(min_df=1, max_df=1.0, calibration_cv=0).fit(texts(), labels_matrix())
    before = pickle.dumps(clf)
    clf.predict_proba(VARIED)
    assert pickle.dumps(clf) == before
    # Refit on other texts (a new vocabulary): the features follow it.
    other = [t.replace("the", "a") + " extra words here" for t in texts()]
    clf.fit(other, labels_matrix())
    expected = clf.vectorizer_.transform(other).toarray()
    np.testing.assert_allclose(
        clf.transform(other)[:, : expected.shape[1]].toarray(), expected, atol=1e-6
    )


def test_classify_many_equals_predict_proba() -> None:
    model = default_model()
    docs = VARIED[:-1] + texts()  # the last is refused: no English function words
    got = np.array([[r.probabilities[t] for t in model.classes_] for r in classify_many(docs)])
    np.testing.assert_allclose(got, model.predict_proba(docs).round(4), atol=1e-12)
    assert sparse.issparse(model._features(docs))


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.integers(0, 2**40), st.integers(0, 10**6), max_size=300),
    st.lists(st.integers(0, 2**40), max_size=50),
)
def test_int_map_answers_like_a_dict(mapping: dict[int, int], queries: list[int]) -> None:
    keys = np.array(list(mapping), dtype=np.int64)
    values = np.array(list(mapping.values()), dtype=np.int64)
    # Colliding neighbours: consecutive keys land in runs of probed slots.
    queries = [*queries, *mapping, *(k + 1 for k in mapping)]
    got = IntMap(keys, values).get(np.array(queries, dtype=np.int64))
    assert got.tolist() == [mapping.get(q, -1) for q in queries]


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from(list("aZ9_ x.'\n’é—ß🌊\u00a0\ud800")), max_size=40)
    | st.text(max_size=40)
)
def test_ascii_tokenizer_finds_the_regex_tokens(text: str) -> None:
    from newskit.topics._tfidf import _TOKEN, _tokens

    assert _tokens(text) == _TOKEN.findall(text)
    assert _tokens(text.lower()) == _TOKEN.findall(text.lower())
