from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.utils import estimator_checks as ec

from newskit import Article, InputTypeError, InputValueError
from newskit.topics import TopicClassifier

from ._fixtures import TOPICS, labels_matrix, texts


def tiny(**kw: object) -> TopicClassifier:
    params: dict[str, object] = {"min_df": 1, "max_df": 1.0, "calibration_cv": 0, "C": 10.0}
    params.update(kw)
    return TopicClassifier(**params)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def fitted() -> TopicClassifier:
    return tiny().fit(texts(), labels_matrix())


# The common checks of scikit-learn feed numeric 2-D arrays, which a text
# classifier cannot take (scikit-learn's own TfidfVectorizer is not run through
# them either): `parametrize_with_checks` skips a `two_d_array=False` estimator
# entirely. These are the checks that exercise the API contract without
# numeric input; fit/predict behaviour is tested below on text.
API_CHECKS = [
    ec.check_estimator_cloneable,
    ec.check_estimator_tags_renamed,
    ec.check_valid_tag_types,
    ec.check_estimator_repr,
    ec.check_no_attributes_set_in_init,
    ec.check_parameters_default_constructible,
    ec.check_get_params_invariance,
    ec.check_set_params,
    ec.check_do_not_raise_errors_in_init_or_set_params,
    ec.check_mixin_order,
    ec.check_estimators_unfitted,
]


@pytest.mark.parametrize("check", API_CHECKS, ids=lambda c: c.__name__)
def test_sklearn_api_checks(check: object) -> None:
    check("TopicClassifier", TopicClassifier())  # type: ignore[operator]


def test_fit_returns_self_and_sets_fitted_attributes() -> None:
    clf = tiny()
    assert clf.fit(texts(), labels_matrix()) is clf
    assert list(clf.classes_) == list(TOPICS)
    assert clf.coef_.shape == (4, len(clf.vectorizer_.vocabulary_))
    assert clf.thresholds_.tolist() == [0.5] * 4
    assert not [k for k in vars(TopicClassifier()) if k.endswith("_")]


def test_predicts_training_topics(fitted: TopicClassifier) -> None:
    pred = fitted.predict(
        ["Soldiers and militants fought near the army base.", "The film star won an award."]
    )
    assert pred.tolist() == [[1, 0, 0, 0], [0, 0, 0, 0]]
    proba = fitted.predict_proba(["Parliament passed the election bill."])
    assert proba.shape == (1, 4) and ((proba >= 0) & (proba <= 1)).all()
    assert proba[0].argmax() == 3


def test_article_input_uses_title_and_body_only(fitted: TopicClassifier) -> None:
    article = Article(
        title="Lawmakers vote on the bill",
        body=["Parliament passed the bill after debate."],
        captions=["Militants attacked an army checkpoint."],
        authors=["A. Soldier"],
        dateline="KABUL",
    )
    text = "Lawmakers vote on the bill\n\nParliament passed the bill after debate."
    np.testing.assert_allclose(fitted.predict_proba([article]), fitted.predict_proba([text]))


def test_label_sets_equal_indicator_matrix() -> None:
    a = tiny().fit(texts(), labels_matrix())
    b = tiny().fit(
        texts(), [[t for t, v in zip(TOPICS, row, strict=True) if v] for row in labels_matrix()]
    )
    np.testing.assert_allclose(a.coef_, b.coef_)


def test_unknown_cells_are_left_out_of_that_topic() -> None:
    y = np.array(labels_matrix())
    masked = y.copy()
    masked[:4, 1] = -1  # security texts: climate unknown
    a = tiny().fit(texts(), y)
    b = tiny().fit(texts(), masked)
    assert not np.allclose(a.coef_[1], b.coef_[1])
    np.testing.assert_allclose(a.coef_[0], b.coef_[0])
    assert b.n_train_[1].sum() == len(y) - 4


def test_calibrated_fit_is_deterministic() -> None:
    docs, y = texts() * 3, labels_matrix() * 3
    a = tiny(calibration_cv=3, random_state=1).fit(docs, y)
    b = tiny(calibration_cv=3, random_state=1).fit(docs, y)
    np.testing.assert_array_equal(a.calibration_, b.calibration_)
    assert (a.calibration_[:, 0] < 0).all()  # higher score, higher probability


def test_thresholds_param_drives_predict(fitted: TopicClassifier) -> None:
    strict = clone(fitted).set_params(thresholds=0.999).fit(texts(), labels_matrix())
    assert strict.predict(["The senator won the election."]).sum() == 0
    with pytest.raises(InputValueError, match="thresholds"):
        tiny(thresholds=1.5).fit(texts(), labels_matrix())


def test_empty_text_gets_no_topic(fitted: TopicClassifier) -> None:
    assert fitted.predict_proba(["", "   ", "zzzz qqqq"]).tolist() == [[0.0] * 4] * 3


def test_pickle_round_trip(fitted: TopicClassifier) -> None:
    again = pickle.loads(pickle.dumps(fitted))
    docs = ["Troops attacked the rebels.", "The party won."]
    np.testing.assert_array_equal(again.predict_proba(docs), fitted.predict_proba(docs))


def test_grid_search_cv() -> None:
    search = GridSearchCV(tiny(), {"C": [1.0, 10.0]}, cv=2).fit(texts() * 2, labels_matrix() * 2)
    assert search.best_params_["C"] in (1.0, 10.0)
    assert 0.0 <= search.best_score_ <= 1.0


def test_score_is_macro_f1_ignoring_unknown(fitted: TopicClassifier) -> None:
    assert fitted.score(texts(), labels_matrix()) == pytest.approx(1.0)
    y = np.array(labels_matrix())
    y[:, 0] = -1
    assert fitted.score(texts(), y) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("X", "y", "error"),
    [
        ("one string", [[1, 0, 0, 0]], InputTypeError),
        ([1, 2], [[1, 0, 0, 0], [0, 1, 0, 0]], InputTypeError),
        (["a b", "c d"], [[1, 0, 0, 0]], InputValueError),
        (["a b", "c d"], [[1, 0], [0, 1]], InputValueError),
        (["a b", "c d"], [[2, 0, 0, 0], [0, 1, 0, 0]], InputValueError),
        (["a b", "c d"], [["war"], []], InputValueError),
        (["a b", "c d"], [[1, 0, 0, 0], [1, 1, 1, 1]], InputValueError),  # security all positive
        ([], [], InputValueError),
    ],
)
def test_bad_fit_input(X: object, y: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        tiny().fit(X, y)  # type: ignore[arg-type]


def test_bad_predict_input(fitted: TopicClassifier) -> None:
    with pytest.raises(InputTypeError):
        fitted.predict("not a list")
    with pytest.raises(InputTypeError):
        fitted.predict([None])


def test_pickling_leaves_the_live_model_intact(fitted: TopicClassifier) -> None:
    vocab = dict(fitted.vectorizer_.vocabulary_)
    state = fitted.__getstate__()
    assert "_vocabulary_terms" in state and "vocabulary_" not in vars(state["vectorizer_"])
    assert fitted.vectorizer_.vocabulary_ == vocab
    assert pickle.loads(pickle.dumps(fitted)).vectorizer_.vocabulary_ == vocab


def test_lexicon_features() -> None:
    lexicon = {"security": r"\b(army|troops|militants?)\b", "climate": r"\bemissions?\b"}
    clf = tiny(lexicon=lexicon).fit(texts(), labels_matrix())
    names = clf.get_feature_names_out().tolist()
    assert names[-2:] == ["<lexicon:security>", "<lexicon:climate>"]
    assert clf.coef_.shape[1] == len(names)
    assert clf.coef_[0, -2] > 0  # security keywords push security up
    plain = tiny().fit(texts(), labels_matrix())
    doc = ["The army and troops fought militants."]
    assert clf.predict_proba(doc)[0, 0] != plain.predict_proba(doc)[0, 0]
    with pytest.raises(InputValueError, match="lexicon"):
        tiny(lexicon={"bad": "(unclosed"}).fit(texts(), labels_matrix())


def test_fast_transform_matches_the_vectorizer(fitted: TopicClassifier) -> None:
    docs = [*texts(), "", "Unseen words only: zebra quokka.", "Army ARMY army troops."]
    expected = fitted.vectorizer_.transform(docs)
    got = fitted.transform(docs)[:, : expected.shape[1]]
    np.testing.assert_allclose(got.toarray(), expected.toarray(), rtol=1e-5, atol=1e-6)


def test_lead_block_doubles_the_terms() -> None:
    clf = tiny(lead_words=5).fit(texts(), labels_matrix())
    names = clf.get_feature_names_out()
    n = len(clf.vectorizer_.vocabulary_)
    assert clf.coef_.shape == (4, 2 * n) and len(names) == 2 * n
    assert all(str(t).startswith("lead:") for t in names[n:])
    X = clf.transform(["Troops fired missiles. The senate passed the bill."])
    lead_terms = {str(names[i])[5:] for i in X.indices if i >= n}
    assert "troops" in lead_terms and "senate" not in lead_terms


def test_short_texts_get_their_own_calibration_and_thresholds() -> None:
    clf = tiny(short_words=8).fit(texts(), labels_matrix())
    long_text = "Militants attacked an army checkpoint and soldiers returned fire at night."
    short_text = "Militants attacked an army checkpoint."
    both = clf.predict_proba([long_text, short_text])
    clf.set_calibration(
        np.tile([-1.0, 0.0], (4, 1)),
        [0.5] * 4,
        short_calibration=np.tile([-1.0, 5.0], (4, 1)),  # shifts short texts down
        short_thresholds=[0.9] * 4,
    )
    after = clf.predict_proba([long_text, short_text])
    np.testing.assert_allclose(after[0], both[0])
    assert (after[1] < both[1]).all()
    limits = clf.thresholds_prepared(clf.prepare([long_text, short_text]))
    assert limits.tolist() == [[0.5] * 4, [0.9] * 4]
    assert clf.predict([short_text]).sum() == 0


def test_set_calibration_checks_its_input() -> None:
    clf = tiny().fit(texts(), labels_matrix())
    with pytest.raises(InputValueError, match="thresholds"):
        clf.set_calibration(np.zeros((4, 2)), [0.5, 0.5, 0.5, 1.5])
    with pytest.raises(InputValueError, match="calibration"):
        clf.set_calibration(np.zeros((3, 2)), [0.5] * 4)
    with pytest.raises(InputValueError, match="short_words"):
        clf.set_calibration(np.zeros((4, 2)), [0.5] * 4, short_thresholds=[0.5] * 4)
    short = tiny(short_words=5).fit(texts(), labels_matrix())
    with pytest.raises(InputValueError, match="short_calibration"):
        short.set_calibration(np.zeros((4, 2)), [0.5] * 4)
    with pytest.raises(InputValueError, match="lead_words"):
        tiny(lead_words=0).fit(texts(), labels_matrix())


def test_model_pickled_without_length_options_still_predicts(fitted: TopicClassifier) -> None:
    state = fitted.__getstate__()
    for name in ("lead_words", "short_words", "short_calibration_", "short_thresholds_"):
        state.pop(name, None)
    old = TopicClassifier.__new__(TopicClassifier)
    old.__setstate__(state)
    docs = ["Parliament passed the election bill.", "Floods and drought."]
    np.testing.assert_array_equal(old.predict(docs), fitted.predict(docs))
    assert old.short_words is None and old.short_thresholds_ is None


def test_lead_char_block_names_matches_and_pickles() -> None:
    clf = tiny(lead_words=6, lead_chars=(3, 4)).fit(texts(), labels_matrix())
    n = len(clf.vectorizer_.vocabulary_)
    chars = clf.char_vectorizer_
    assert chars is not None
    names = clf.get_feature_names_out()
    assert clf.coef_.shape[1] == len(names) == 2 * n + len(chars.vocabulary_)
    assert all(str(t).startswith("chars:") for t in names[2 * n :])
    docs = [*texts(), "", "Zebras quokkas!", "ARMY army, Army... troops"]
    leads = clf._leads(clf.prepare(docs))
    np.testing.assert_allclose(
        clf.transform(docs)[:, 2 * n :].toarray(),
        chars.transform(leads).toarray(),
        rtol=1e-5,
        atol=1e-6,
    )
    again = pickle.loads(pickle.dumps(clf))
    assert again.char_vectorizer_.vocabulary_ == chars.vocabulary_
    np.testing.assert_array_equal(again.predict_proba(docs), clf.predict_proba(docs))
    # Only the title + lead is read by the block: a word after it adds no n-gram.
    X = clf.transform(["Troops fired at a base today. Militants attacked."])
    got = {str(names[i]).removeprefix("chars:") for i in X.indices if i >= 2 * n}
    lead_words = " troops fired at a base today. ".replace(" ", "  ")
    assert got and all(g in lead_words for g in got)
    assert "chars:mil" in set(names.tolist()) and "mil" not in got
    with pytest.raises(InputValueError, match="lead_words"):
        tiny(lead_chars=(3, 4)).fit(texts(), labels_matrix())


def test_title_block_reads_the_first_of_several_paragraphs() -> None:
    clf = tiny(lead_words=4, title_block=True).fit(texts(), labels_matrix())
    n = len(clf.vectorizer_.vocabulary_)
    names = clf.get_feature_names_out()
    assert clf.coef_.shape[1] == len(names) == 3 * n
    assert all(str(t).startswith("title:") for t in names[2 * n :])
    X = clf.transform(["Troops fired at a base\n\nThe senate passed the budget bill."])
    title = {str(names[i]).removeprefix("title:") for i in X.indices if i >= 2 * n}
    assert "troops" in title and "senate" not in title
    # A text of one paragraph has no title apart from its body: the block is empty.
    one = clf.transform(["Troops fired at a base. The senate passed the budget bill."])
    assert not (one.indices >= 2 * n).any()
    again = pickle.loads(pickle.dumps(clf))
    docs = [*texts(), "Army\n\nvoters"]
    np.testing.assert_array_equal(again.predict_proba(docs), clf.predict_proba(docs))
    state = clf.__getstate__()
    state.pop("title_block")
    old = TopicClassifier.__new__(TopicClassifier)
    old.__setstate__(state)
    assert old.title_block is False
    # Left at their defaults, the options are not in the pickled state.
    plain = tiny().fit(texts(), labels_matrix()).__getstate__()
    assert "title_block" not in plain and "loss" not in plain


def test_squared_hinge_loss_fits_linear_svms() -> None:
    plain = tiny().fit(texts(), labels_matrix())
    svm = tiny(loss="squared_hinge", C=1.0).fit(texts(), labels_matrix())
    assert svm.coef_.shape == plain.coef_.shape
    assert not np.allclose(svm.coef_, plain.coef_)
    assert svm.predict(texts()).tolist() == [list(row) for row in labels_matrix()]
    with pytest.raises(InputValueError, match="loss"):
        tiny(loss="hinge").fit(texts(), labels_matrix())


def test_positive_weight_and_class_weight() -> None:
    y = np.array([1, 0, 0, 0])
    w = np.ones(4)
    assert tiny()._balanced(w, y).tolist() == [2.0, 2 / 3, 2 / 3, 2 / 3]
    assert tiny(class_weight=None, positive_weight=3.0)._balanced(w, y).tolist() == [3, 1, 1, 1]
    assert tiny(positive_weight=2.0)._balanced(w, y).tolist() == [4.0, 2 / 3, 2 / 3, 2 / 3]
    with pytest.raises(InputValueError, match="positive_weight"):
        tiny(positive_weight=0.0)._balanced(w, y)
    plain = tiny().fit(texts(), labels_matrix())
    heavy = tiny(positive_weight=4.0).fit(texts(), labels_matrix())
    doc = ["Troops and voters."]
    assert (heavy.decision_function(doc) > plain.decision_function(doc)).all()


def _routed() -> TopicClassifier:
    return tiny(short_words=8, short_model=tiny(C=2.0, lead_words=6, lead_chars=(3, 4)))


def test_short_model_scores_short_texts_only() -> None:
    clf = _routed().fit(texts(), labels_matrix())
    plain = tiny(short_words=8).fit(texts(), labels_matrix())
    sub = clf.short_model_
    assert sub is not None and sub.char_vectorizer_ is not None
    assert sub.short_words is None and sub.max_words == clf.max_words
    np.testing.assert_array_equal(clf.short_calibration_, sub.calibration_)
    short = ["Army troops fired.", "Smog and floods."]
    long = [
        "Parliament passed the election bill after a long debate among the lawmakers.",
        "Militants attacked an army checkpoint and soldiers returned fire at night.",
    ]
    docs = clf.prepare(short)
    np.testing.assert_allclose(
        clf.decision_function(short), sub._scores(sub._features(docs)), rtol=1e-12
    )
    np.testing.assert_allclose(clf.decision_function(long), plain.decision_function(long))
    # Mixed batches are routed row by row, in order.
    mixed = [long[0], short[0], long[1], short[1]]
    np.testing.assert_allclose(
        clf.decision_function(mixed),
        clf.decision_function([long[0], short[0], long[1], short[1]][::-1])[::-1],
    )
    np.testing.assert_allclose(
        clf.predict_proba(mixed)[[1, 3]], clf.predict_proba(short), rtol=1e-12
    )
    again = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(again.predict_proba(mixed), clf.predict_proba(mixed))
    assert clone(clf).get_params()["short_model"].get_params() == sub.get_params() | {
        "max_words": 400,
        "short_words": None,
    }
    with pytest.raises(InputValueError, match="short_words"):
        tiny(short_model=tiny()).fit(texts(), labels_matrix())
    with pytest.raises(InputTypeError, match="short_model"):
        tiny(short_words=8, short_model="chars").fit(texts(), labels_matrix())  # type: ignore[arg-type]


def test_short_model_explains_short_texts() -> None:
    from newskit.topics._explain import explain_with

    clf = _routed().fit(texts(), labels_matrix())
    text = "Militants bombed army convoys."
    ex = explain_with(clf, text, top=1000)
    got = clf.decision_function([text])[0]
    for j, e in enumerate(ex):
        assert e.score == pytest.approx(got[j], abs=1e-4)
    assert any(t.term.startswith("chars:") for e in ex for t in (*e.up, *e.down))
    long = "Militants bombed army convoys near the border town as soldiers fought back."
    assert not any(
        t.term.startswith("chars:") for e in explain_with(clf, long, 1000) for t in (*e.up, *e.down)
    )


#: Word classes written for these tests: "typhoon" and "cyclone" are in no
#: training text, but in the class of the flood and drought words.
CLASSES = {
    "floods": 0,
    "drought": 0,
    "heatwave": 0,
    "typhoon": 0,
    "cyclone": 0,
    "parliament": 1,
    "senator": 1,
    "lawmakers": 1,
    "congress": 1,
    "the": 2,
}


def test_word_clusters_count_an_unseen_word_for_its_class() -> None:
    plain = tiny().fit(texts(), labels_matrix())
    clf = tiny(word_clusters=CLASSES).fit(texts(), labels_matrix())
    n = len(clf.vectorizer_.vocabulary_)
    names = clf.get_feature_names_out()
    assert clf.coef_.shape[1] == len(names) == n + 3
    assert [str(t) for t in names[n:]] == ["<class:0>", "<class:1>", "<class:2>"]
    assert clf.cluster_idf_ is not None and clf.cluster_idf_.shape == (3,)
    X = clf.transform(["Typhoon!", "Congress"])
    assert X[0].indices.tolist() == [n] and X[1].indices.tolist() == [n + 1]
    # No word the model was fitted on: the plain model gives no topic at all.
    assert plain.predict_proba(["Typhoon!"]).tolist() == [[0.0] * 4]
    proba = clf.predict_proba(["Typhoon!", "Congress"])
    assert proba[0].argmax() == TOPICS.index("climate")
    assert proba[1].argmax() == TOPICS.index("politics")


def test_word_cluster_block_weight_idf_and_checks() -> None:
    clf = tiny(word_clusters=CLASSES, cluster_weight=0.5, max_df=0.15).fit(texts(), labels_matrix())
    n = len(clf.vectorizer_.vocabulary_)
    # "the" is in more than 15% of the texts: its class gets no weight.
    assert clf.cluster_idf_ is not None and clf.cluster_idf_[2] == 0.0
    X = clf.transform(["Drought and floods"])
    block = X[:, n:].toarray()
    assert block[0, 2] == 0.0 and np.isclose(np.linalg.norm(block), 0.5)
    for bad, error in (({"a": -1}, InputValueError), ([("a", 1)], InputTypeError)):
        with pytest.raises(error, match="word_clusters"):
            tiny(word_clusters=bad).fit(texts(), labels_matrix())
    with pytest.raises(InputValueError, match="cluster_weight"):
        tiny(word_clusters=CLASSES, cluster_weight=0.0).fit(texts(), labels_matrix())


def test_word_clusters_survive_pickling_and_default_off_pickles_as_before() -> None:
    clf = tiny(word_clusters=CLASSES).fit(texts(), labels_matrix())
    state = clf.__getstate__()
    assert isinstance(state["word_clusters"], tuple)  # packed, not a dict
    again = pickle.loads(pickle.dumps(clf))
    assert again.word_clusters == CLASSES
    docs = [*texts(), "Typhoon", "cyclone and congress"]
    np.testing.assert_array_equal(again.predict_proba(docs), clf.predict_proba(docs))
    plain = tiny().fit(texts(), labels_matrix()).__getstate__()
    assert not {"word_clusters", "cluster_weight", "cluster_idf_"} & set(plain)
    old = TopicClassifier.__new__(TopicClassifier)
    old.__setstate__(dict(plain))
    assert old.word_clusters is None and old.cluster_weight == 1.0 and old.cluster_idf_ is None


def test_a_short_model_with_word_classes_pickles_its_map_once() -> None:
    classes = {**CLASSES, **{f"filler{i}": 3 for i in range(500)}}
    routed = tiny(short_words=8, short_model=tiny(word_clusters=classes))
    clf = routed.fit(texts(), labels_matrix())
    sub = clf.short_model_
    assert sub is not None and sub.word_clusters == classes
    assert clf.short_model is not None and clf.short_model.word_clusters is not sub.word_clusters
    data = pickle.dumps(clf)
    assert data.count(b"filler499") == 1  # the template's map and the fitted one's: one copy
    again = pickle.loads(data)
    assert again.short_model_.word_clusters == again.short_model.word_clusters == classes
    docs = ["Typhoon", "congress", *texts()]
    np.testing.assert_array_equal(again.predict_proba(docs), clf.predict_proba(docs))
    with pytest.raises(InputTypeError, match="word_clusters"):
        tiny(word_clusters={"two\nlines": 0}).fit(texts(), labels_matrix())


#: Word vectors written for these tests: one direction per topic, plus words
#: that are in no training text ("typhoon") or in most of them ("the").
VECTORS = {
    "militants": [1.0, 0.0, 0.0],
    "army": [0.9, 0.1, 0.0],
    "soldiers": [1.0, 0.0, 0.1],
    "drought": [0.0, 1.0, 0.0],
    "floods": [0.1, 0.9, 0.0],
    "emissions": [0.0, 1.0, 0.1],
    "parliament": [0.0, 0.0, 1.0],
    "election": [0.0, 0.1, 0.9],
    "typhoon": [0.0, 1.0, 0.0],
    "the": [0.5, 0.5, 0.5],
}


def test_word_vectors_fold_into_one_weight_per_word_with_the_same_scores() -> None:
    clf = tiny(word_vectors=VECTORS, vector_weight=2.0, max_df=0.5).fit(texts(), labels_matrix())
    # "typhoon" is in no training text, "the" in more than half of them.
    assert clf.vector_words_ == [w for w in VECTORS if w not in ("typhoon", "the")]
    assert clf.vector_idf_ is not None and clf.vector_idf_.shape == (8,)
    assert clf.vector_coef_ is not None and clf.vector_coef_.shape == (4, 3)
    n = len(clf.vectorizer_.vocabulary_)
    names = [str(t) for t in clf.get_feature_names_out()]
    assert clf.coef_.shape[1] == len(names) == n + 8
    assert names[n:] == [f"vec:{w}" for w in clf.vector_words_]
    docs = ["Militants and soldiers near the floods", "A typhoon", "Parliament"]
    X = clf.transform(docs)
    block = X[:, n:].toarray()
    np.testing.assert_allclose(block.sum(axis=1), [2.0, 0.0, 2.0])  # weights sum to the weight
    # The folded weights score a text as the dense block does: its mean vector
    # times the fitted weights of the dimensions.
    matrix = np.array([VECTORS[w] for w in clf.vector_words_])
    dense = (block @ matrix) @ clf.vector_coef_.T
    words = X[:, :n] @ clf.coef_[:, :n].T
    np.testing.assert_allclose(clf.decision_function(docs), words + dense + clf.intercept_)
    # The dense block moves the scores: drought words push "climate" up.
    assert clf.vector_coef_[1] @ np.array(VECTORS["drought"]) > 0
    plain = tiny(max_df=0.5).fit(texts(), labels_matrix())
    assert not np.allclose(plain.decision_function(docs), clf.decision_function(docs))


def test_word_vector_checks() -> None:
    for bad, error in (
        ([("army", [1.0])], InputTypeError),
        ({"two\nlines": [1.0]}, InputTypeError),
        ({"army": [1.0, 2.0], "troops": [1.0]}, InputValueError),
        ({"army": [1.0, float("nan")]}, InputValueError),
        ({}, InputValueError),
    ):
        with pytest.raises(error, match="word_vectors"):
            tiny(word_vectors=bad).fit(texts(), labels_matrix())
    with pytest.raises(InputValueError, match="vector_weight"):
        tiny(word_vectors=VECTORS, vector_weight=0.0).fit(texts(), labels_matrix())
    with pytest.raises(InputValueError, match="no word of word_vectors"):
        tiny(word_vectors={"typhoon": [1.0]}).fit(texts(), labels_matrix())


def test_word_vectors_are_not_pickled_and_the_word_list_is_stored_once() -> None:
    words = {**VECTORS, **{f"filler{i}": [0.0, 0.0, 1.0] for i in range(50)}}
    clf = tiny(short_words=8, short_model=tiny(word_vectors=words), word_vectors=words)
    clf.fit(
        [*texts(), *(f"filler{i} filler{i} vote" for i in range(50))],
        [
            *labels_matrix(),
            *([[0, 0, 0, 1]] * 50),
        ],
    )
    data = pickle.dumps(clf)
    listed = "\n".join(clf.vector_words_ or []).encode()
    assert "filler49" in listed.decode() and data.count(listed) == 1  # both models': one copy
    again = pickle.loads(data)
    assert again.word_vectors is None and again.short_model.word_vectors is None
    assert again.vector_words_ == clf.vector_words_ and again.short_model_ is not None
    docs = ["Militants near the floods", "filler3 vote", *texts()]
    np.testing.assert_array_equal(again.predict_proba(docs), clf.predict_proba(docs))
    plain = tiny().fit(texts(), labels_matrix()).__getstate__()
    new = {"word_vectors", "vector_weight", "vector_words_", "vector_idf_", "vector_coef_"}
    assert not new & set(plain)
    old = TopicClassifier.__new__(TopicClassifier)
    old.__setstate__(dict(plain))
    assert old.word_vectors is None and old.vector_weight == 1.0 and old.vector_words_ is None


def test_vector_weights_read_off_the_word_block_equal_those_read_from_the_text() -> None:
    clf = tiny(word_vectors=VECTORS, max_df=0.5).fit(texts(), labels_matrix())
    docs = clf.prepare(["Militants and soldiers near the floods", "Parliament", "", *texts()])
    words = clf.vectorizer_.transform(docs)
    np.testing.assert_allclose(
        clf._vector_block(docs, words).toarray(), clf._vector_block(docs).toarray(), atol=1e-7
    )
    # A vocabulary cut by max_features may lack vector words: the text is read again.
    cut = tiny(word_vectors=VECTORS, max_df=0.5, max_features=20).fit(texts(), labels_matrix())
    assert cut.vector_words_ and not set(cut.vector_words_) <= set(cut.vectorizer_.vocabulary_)
    block = cut.transform(docs)[:, -len(cut.vector_words_) :].toarray()
    np.testing.assert_allclose(block, cut._vector_block(docs).toarray())
    np.testing.assert_allclose(block.sum(axis=1)[:3], [1.0, 1.0, 0.0])
