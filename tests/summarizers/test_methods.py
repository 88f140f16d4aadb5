"""Behaviour of individual algorithms on small hand-made documents."""

from __future__ import annotations

import numpy as np
import pytest

from newskit import Article, InputValueError
from newskit.summarizers import (
    SUMMARIZERS,
    Document,
    EdmundsonSummarizer,
    LsaSummarizer,
    LuhnSummarizer,
    build_document,
    summarize,
)
from newskit.summarizers._api import select
from newskit.summarizers._graph import overlap_weights
from newskit.summarizers._linalg import DENSE_LIMIT
from newskit.text import split_sentences
from tests.summarizers._texts import ARTICLE, ARTICLE_TITLE


def test_build_document_paragraphs_and_title() -> None:
    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    assert doc.title == ARTICLE_TITLE
    assert doc.paragraph_ids.tolist()[:4] == [0, 1, 1, 1]
    assert doc.paragraph_ids[-1] == 4
    single = build_document("Line one is here.\nLine two is here.")
    assert single.paragraph_ids.tolist() == [0, 1]


def test_build_document_splits_an_article_as_its_paragraphs_one_by_one() -> None:
    body = [
        "Gov. Ann Reyes spoke at 9 a.m. on Monday. She left.",
        "\u2014",  # no sentence: the paragraphs after it are numbered on
        "Storm warning\nThe U.S. agency said winds hit 120.5 km/h...",
        "Then it rained.\n\nA second block inside one paragraph.",
    ]
    doc = build_document(Article(title="Storm", body=body))
    expected = [(pid, s) for pid, p in enumerate([body[0], *body[2:]]) for s in split_sentences(p)]
    assert list(zip(doc.paragraph_ids.tolist(), doc.sentences, strict=True)) == expected


def test_luhn_scores_the_densest_cluster() -> None:
    text = (
        "Bridge council bridge council vote. Nothing here at all today. The bridge and the council."
    )
    scores = LuhnSummarizer().score(build_document(text))
    assert scores[0] == scores.max() > 0
    assert scores[1] == 0


def test_lsa_full_rank_equals_truncated_svd_with_all_dimensions() -> None:
    doc = build_document(ARTICLE)
    full = LsaSummarizer().score(doc)
    n_terms = len({s for s, stop in zip(doc.stem_ids, doc.is_stop, strict=True) if not stop})
    truncated = LsaSummarizer(dimensions=min(len(doc), n_terms) - 1).score(doc)
    # dropping only the smallest dimension changes little; the norms are the exact limit
    assert np.corrcoef(full, truncated)[0, 1] > 0.99


def test_edmundson_custom_cue_words_change_the_choice() -> None:
    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    base = EdmundsonSummarizer(title_weight=0, location_weight=0)
    custom = EdmundsonSummarizer(bonus_words=["mayor"], title_weight=0, location_weight=0)
    assert np.argmax(custom.score(doc)) == 10  # the mayor sentence
    assert not np.array_equal(base.score(doc), custom.score(doc))
    with pytest.raises(TypeError):
        EdmundsonSummarizer(bonus_words="mayor").score(doc)


@pytest.mark.parametrize("method", sorted(SUMMARIZERS))
def test_dense_and_sparse_paths_agree(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    dense_pick, _ = select(SUMMARIZERS[method](), build_document(ARTICLE), "n_sentences", 4)
    monkeypatch.setattr("newskit.summarizers._linalg.DENSE_LIMIT", 0)
    sparse_pick, _ = select(SUMMARIZERS[method](), build_document(ARTICLE), "n_sentences", 4)
    assert dense_pick.tolist() == sparse_pick.tolist()
    assert DENSE_LIMIT > 0


@pytest.mark.parametrize("method", sorted(SUMMARIZERS))
def test_degenerate_documents(method: str) -> None:
    for text in ["Yes.", "The. A. Of.", "1 2 3. 4 5 6.", "Same words. Same words. Same words."]:
        s = summarize(text, method, n_sentences=2)
        assert 1 <= len(s) <= 2


def test_document_tokens_are_shared() -> None:
    doc = Document(["Rain fell in Leeds.", "Leeds was wet."], [0, 0])
    assert doc.sentence_lengths.tolist() == [4, 3]
    assert doc.stem_vocab[doc.stem_ids[3]] == doc.stem_vocab[doc.stem_ids[4]]


def test_overlap_degree_features_are_reductions_score() -> None:
    from newskit.summarizers import FEATURES, ReductionSummarizer
    from newskit.summarizers._sentence_features import sentence_features

    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    x = sentence_features(doc)
    degree = ReductionSummarizer().score(doc)
    share = x[:, FEATURES.index("overlap_degree")]
    z = x[:, FEATURES.index("overlap_degree_z")]
    assert np.allclose(share, degree / degree.max())
    assert np.allclose(z, (degree - degree.mean()) / degree.std())


def test_standardised_is_numpys_z_score_exactly() -> None:
    from newskit.summarizers._sentence_features import standardised

    x = np.random.default_rng(0).normal(size=37) * 3.0 + 1.0
    assert np.array_equal(standardised(x), (x - x.mean()) / x.std())
    assert standardised(np.full(4, 2.5)).tolist() == [0.0] * 4
    assert standardised(np.zeros(0)).size == 0


def test_overlap_degree_is_left_out_above_the_graph_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from newskit.summarizers import FEATURES
    from newskit.summarizers import _sentence_features as _features

    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    monkeypatch.setattr(_features, "MAX_DEGREE_SENTENCES", len(doc) - 1)
    x = _features.sentence_features(doc)
    columns = [FEATURES.index("overlap_degree"), FEATURES.index("overlap_degree_z")]
    assert not x[:, columns].any()
    assert len(summarize(ARTICLE, "default", n_sentences=2).sentences) == 2  # still summarizes


def test_overlap_weights_are_sumys_textrank_edges_pair_by_pair() -> None:
    # two one-content-word sentences (normaliser 0: the raw overlap stays), a pair that
    # shares nothing, and pairs that share stems with multiplicity
    text = (
        "Floods. Floods. The river floods and floods the valley. "
        "Rain falls on the valley. Nothing else matters here."
    )
    doc = build_document(text)
    counts = doc.content_stem_counts
    logs = np.log(np.maximum(counts.sum(axis=1), 1.0))
    weights = overlap_weights(doc)
    for i in range(len(doc)):
        for j in range(len(doc)):
            shared = float(counts[i] @ counts[j])
            norm = logs[i] + logs[j]
            expected = shared if shared and norm == 0 else (shared / norm if shared else 0.0)
            assert weights[i, j] == expected
    assert weights[0, 1] == 1.0  # "Floods." and "Floods.": no log to divide by
    assert weights[2, 4] == 0.0


def test_select_refuses_an_unknown_length_kind() -> None:
    # a misspelt kind must not fall through to another length rule
    with pytest.raises(InputValueError, match="length kind"):
        select(SUMMARIZERS["lead"](), build_document(ARTICLE), "sentences", 4)
