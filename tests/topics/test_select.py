"""Cross-fitting, nested selection and the mapped-data rules of model selection."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newskit.training.topics._labels import LabelledItem
from newskit.training.topics._sampling import TrainingSet
from newskit.training.topics._select import (
    Config,
    apply_outputs,
    cross_fit,
    fit_outputs,
    make_corpus_data,
    nested_selection,
    oof_scores,
    score_of,
    training_rows,
    tune_thresholds,
)

from ._fixtures import TEXTS, TOPICS


def _items(n_copies: int = 3) -> list[LabelledItem]:
    items = []
    for k in range(n_copies):
        for i, (text, labels) in enumerate(TEXTS):
            short = i % 2 == 0
            body = text if short else " ".join([text] * 20)
            items.append(
                LabelledItem(
                    id=f"i{k}-{i}",
                    source="src",
                    source_id=f"{k}-{i}",
                    form="x",
                    length="short" if short else "full",
                    labels=frozenset(labels),
                    text=f"{body} Copy {k}.",
                    outlet=f"outlet{(i + k) % 7}",
                )
            )
    return items


def _mapped() -> TrainingSet:
    ts = TrainingSet()
    for i, (text, labels) in enumerate(TEXTS):
        ts.texts.append(text + " Mapped.")
        ts.targets.append(tuple(int(t in labels) if t != "diplomacy" else -1 for t in TOPICS))
        ts.weights.append(1.0)
        ts.sources.append("allsides")
        ts.idents.append("0-0" if i == 0 else f"m{i}")
        ts.outlets.append(f"outlet{i % 7}")
    return ts


def test_labelled_items_leave_the_mapped_data() -> None:
    items = _items()
    items[0] = LabelledItem(**{**items[0].__dict__, "source": "allsides-lead"})
    data = make_corpus_data(items, _mapped())
    assert "0-0" not in data.mapped.idents and len(data.mapped.texts) == len(TEXTS) - 1


def test_mapped_rows_of_test_outlets_are_left_out() -> None:
    data = make_corpus_data(_items(), _mapped())
    for fold in range(int(data.folds.max()) + 1):
        lab, mapped = training_rows(data, fold)
        held = {i.outlet for i, f in zip(data.items, data.folds, strict=True) if f == fold}
        assert not held & {data.mapped_outlets[n] for n in mapped}
        assert (data.folds[lab] != fold).all()


def test_tune_thresholds_prefers_half_on_ties() -> None:
    proba = np.array([[0.9, 0.2], [0.1, 0.8]])
    assert tune_thresholds(proba, np.array([[1, 0], [0, 1]])).tolist() == [0.5, 0.5]


def test_cross_fit_never_uses_a_fold_own_labels() -> None:
    data = make_corpus_data(_items(), _mapped())
    rng = np.random.default_rng(1)
    scores = rng.normal(size=data.Y.shape) + 2 * data.Y
    before = cross_fit(data, scores)
    flipped = data.Y.copy()
    fold0 = data.folds == 0
    flipped[fold0] = 1 - flipped[fold0]
    data.Y = flipped
    after = cross_fit(data, scores)
    # Fold 0's predictions depend only on the other folds' labels.
    np.testing.assert_array_equal(before.pred[fold0], after.pred[fold0])
    assert not np.array_equal(before.pred[~fold0], after.pred[~fold0])


def test_outputs_are_length_aware() -> None:
    rng = np.random.default_rng(2)
    Y = rng.integers(0, 2, size=(200, 4))
    short = np.arange(200) % 2 == 0
    scores = np.where(short[:, None], 3.0, 0.5) * (Y - 0.5) + rng.normal(scale=0.3, size=Y.shape)
    out = fit_outputs(scores, Y, short)
    assert not np.allclose(out.calibration, out.short_calibration)
    proba, pred = apply_outputs(scores, short, out)
    assert proba.shape == pred.shape == Y.shape
    assert ((pred == Y).mean()) > 0.9


def test_oof_and_nested_selection_run_end_to_end() -> None:
    data = make_corpus_data(_items(4), _mapped())
    configs = [Config(C=1.0, mapped=0.0), Config(C=4.0, mapped=0.5)]
    scores = oof_scores(data, configs)
    assert set(scores) == set(configs)
    every = np.ones(len(data.items), dtype=bool)
    for c in configs:
        assert scores[c].shape == data.Y.shape
        assert 0.0 <= score_of(data, cross_fit(data, scores[c]).pred, every) <= 1.0
    nested, chosen = nested_selection(data, scores)
    assert len(chosen) == int(data.folds.max()) + 1 and set(chosen) <= set(configs)
    assert nested.pred.shape == data.Y.shape


def test_short_model_config_composes_scores_and_fits_both_models() -> None:
    from newskit.training.topics._select import fit_model, training_set

    data = make_corpus_data(_items(4), _mapped())
    word = Config(C=4.0, mapped=0.5, lead_words=6)
    chars = Config(C=2.0, mapped=0.5, lead_words=6, lead_chars=(3, 4), short_weight=2.0)
    routed = Config(C=4.0, mapped=0.5, lead_words=6, short_model=chars)
    assert routed.parts == (word, chars)
    assert routed.name == f"{word.name} | short: {chars.name}" and "short2" in chars.name
    scores = oof_scores(data, [routed, word, chars])
    short = data.short
    assert short.any() and (~short).any()
    np.testing.assert_array_equal(scores[routed][short], scores[chars][short])
    np.testing.assert_array_equal(scores[routed][~short], scores[word][~short])
    lab, mapped = training_rows(data, 0)
    _, _, w1 = training_set(data, lab, mapped, 0.5)
    _, _, w2 = training_set(data, lab, mapped, 0.5, short_weight=2.0)
    n = len(lab)
    np.testing.assert_array_equal(w2[:n], np.where(short[lab], 2.0, 1.0))
    np.testing.assert_array_equal(w2[n:], w1[n:])
    clf = fit_model(data, routed)
    sub = clf.short_model_
    assert sub is not None and sub.char_vectorizer_ is not None and clf.char_vectorizer_ is None
    assert sub.vectorizer_.vocabulary_ == clf.vectorizer_.vocabulary_
    plain = fit_model(data, word)
    np.testing.assert_array_equal(clf.coef_, plain.coef_)
    # The short model is fitted with its own weights.
    assert not np.array_equal(sub.coef_, fit_model(data, replace(chars, short_weight=1.0)).coef_)


def test_unmapped_topics_learn_from_the_labelled_items_alone() -> None:
    from newskit.training.topics._select import fit_model, training_set

    data = make_corpus_data(_items(4), _mapped())
    lab, mapped = training_rows(data, None)
    _, Y, w = training_set(data, lab, mapped, 0.5)
    _, Y_un, w_un = training_set(data, lab, mapped, 0.5, unmapped=("security",))
    n, j = len(lab), TOPICS.index("security")
    assert (Y[n:, j] != -1).any() and (Y_un[n:, j] == -1).all()
    np.testing.assert_array_equal(np.delete(Y_un, j, axis=1), np.delete(Y, j, axis=1))
    np.testing.assert_array_equal(Y_un[:n], Y[:n])
    np.testing.assert_array_equal(w_un, w)
    config = Config(C=1.0, mapped=0.5, lead_words=6)
    un = replace(config, unmapped=("security",))
    assert un.name.endswith(" nomap:security")
    # Security is fitted as if there were no mapped rows; the other topics keep them.
    unmapped, alone = fit_model(data, un), fit_model(data, replace(config, mapped=0.0))
    both = fit_model(data, config)
    k = TOPICS.index("politics")
    np.testing.assert_allclose(unmapped.coef_[j], alone.coef_[j])
    np.testing.assert_allclose(unmapped.coef_[k], both.coef_[k])
    assert not np.allclose(unmapped.coef_[j], both.coef_[j])


def test_lead_weight_scales_the_lead_blocks_in_fitting_only() -> None:
    from scipy import sparse

    from newskit.training.topics._select import _fit_weighted, _lead_columns, classifier

    data = make_corpus_data(_items(4), _mapped())
    config = Config(C=1.0, mapped=0.0, lead_words=6, lead_chars=(3, 4))
    docs = classifier(config).prepare(data.texts)
    weighted, by_hand = classifier(config), classifier(config)
    X = weighted._fit_features(docs)
    by_hand._fit_features(docs)
    for model in (weighted, by_hand):
        model.classes_ = np.array(TOPICS)
    cols = _lead_columns(weighted, X.shape[1])
    assert cols.start == len(weighted.vectorizer_.vocabulary_) and cols.stop == X.shape[1]
    weights = np.ones(len(docs))
    _fit_weighted(weighted, X, data.Y, weights, 3.0)
    scale = np.ones(X.shape[1], dtype=X.dtype)
    scale[cols] = 3.0
    X_scaled = X @ sparse.diags(scale, format="csr")
    by_hand._fit_regressions(X_scaled, data.Y, weights)
    # The weighted model reads unscaled features as the regression read scaled ones.
    np.testing.assert_allclose(weighted._scores(X), by_hand._scores(X_scaled), rtol=1e-6)
    plain = classifier(config)
    plain.classes_ = np.array(TOPICS)
    plain._fit_regressions(plain._fit_features(docs), data.Y, weights)
    assert not np.allclose(weighted.coef_, plain.coef_)
    assert "leadw3" in replace(config, lead_weight=3.0).name


def test_train_words_fits_the_model_on_the_first_words_only() -> None:
    from newskit.training.topics._select import fit_model

    data = make_corpus_data(_items(4), _mapped())
    config = Config(C=1.0, mapped=0.5, lead_words=6, min_df=1)
    whole = fit_model(data, config)
    leads = fit_model(data, replace(config, train_words=4))
    assert "tw4" in replace(config, train_words=4).name
    words, lead_words = set(whole.vectorizer_.vocabulary_), set(leads.vectorizer_.vocabulary_)
    assert lead_words < words
    # Both read the same texts at prediction time.
    assert whole.predict_proba(data.texts[:3]).shape == leads.predict_proba(data.texts[:3]).shape


def test_word_class_configs_need_their_map_and_reach_both_models() -> None:
    import pytest

    from newskit import InputValueError
    from newskit.training.topics._select import classifier, fit_model

    data = make_corpus_data(_items(4), _mapped())
    short = Config(C=2.0, mapped=0.5, lead_words=6, clusters=2, cluster_weight=0.5)
    config = Config(C=4.0, mapped=0.5, clusters=2, short_model=short)
    assert config.name.startswith("C4 map0.5 w400 lead- lex- cl2 | short:")
    assert config.name.endswith(" cl2x0.5")
    assert short.features_key() != replace(short, cluster_weight=1.0).features_key()
    with pytest.raises(InputValueError, match="2 word classes"):
        classifier(config)
    data.clusters = {2: {"army": 0, "troops": 0, "parliament": 1, "voters": 1}}
    scores = oof_scores(data, [config, replace(config, clusters=None, short_model=None)])
    assert len({s.tobytes() for s in scores.values()}) == 2
    clf = fit_model(data, config)
    assert clf.word_clusters == data.clusters[2] and clf.cluster_weight == 1.0
    assert clf.short_model_ is not None and clf.short_model_.cluster_weight == 0.5
    assert str(clf.get_feature_names_out()[-1]) == "<class:1>"


def test_word_vector_configs_need_the_vectors_and_fold_in_both_models() -> None:
    import pytest

    from newskit import InputValueError
    from newskit.training.topics._select import classifier, fit_model

    data = make_corpus_data(_items(4), _mapped())
    short = Config(C=2.0, mapped=0.5, lead_words=6, vectors=3.0)
    config = Config(C=4.0, mapped=0.5, vectors=1.0, short_model=short)
    assert config.name.startswith("C4 map0.5 w400 lead- lex- vec1 | short:")
    assert config.name.endswith(" lead6 lex- vec3")
    assert short.features_key() != replace(short, vectors=1.0).features_key()
    with pytest.raises(InputValueError, match="word vectors"):
        classifier(config)
    data.vectors = {
        "army": np.array([1.0, 0.0]),
        "troops": np.array([0.9, 0.1]),
        "parliament": np.array([0.0, 1.0]),
        "voters": np.array([0.1, 0.9]),
    }
    scores = oof_scores(data, [config, replace(config, vectors=0.0, short_model=None)])
    assert len({s.tobytes() for s in scores.values()}) == 2
    clf = fit_model(data, config)
    sub = clf.short_model_
    assert clf.vector_weight == 1.0 and sub is not None and sub.vector_weight == 3.0
    for model in (clf, sub):
        assert model.vector_coef_ is not None and model.vector_coef_.shape == (4, 2)
        words = model.vector_words_ or []
        assert words and set(words) <= set(data.vectors)
        names = [str(t) for t in model.get_feature_names_out()]
        assert names[-len(words) :] == [f"vec:{w}" for w in words]
        assert model.coef_.shape[1] == len(names)
