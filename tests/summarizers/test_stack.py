"""Several documents scored together: the same features and summaries as one by one."""

from __future__ import annotations

import numpy as np
import pytest

from newskit import InputTypeError, InputValueError
from newskit.summarizers import (
    FEATURES,
    Document,
    ReductionSummarizer,
    build_document,
    summarize,
    summarize_documents,
)
from newskit.summarizers import _sentence_features as features_module
from newskit.summarizers._linalg import dense
from newskit.summarizers._sentence_features import sentence_features, stacked_features, standardised
from newskit.summarizers._stack import Stack, segment_standardised
from newskit.text import content_terms
from tests.summarizers._texts import ARTICLE, ARTICLE_TITLE

OTHER = (
    "Heavy rain flooded the coast road on Sunday. Drivers waited for hours. "
    "The police closed the road until the water fell. Rain is forecast again on Tuesday."
)


def _docs() -> list[Document]:
    return [
        build_document(ARTICLE, title=ARTICLE_TITLE),
        build_document(""),
        build_document("One short line."),
        build_document(OTHER),
        build_document(OTHER, title="Rain floods the coast road"),
    ]


def _column(name: str) -> int:
    return FEATURES.index(name)


def test_features_match_the_per_document_formulas() -> None:
    for doc in (_docs()[0], _docs()[4], _docs()[3]):
        x = sentence_features(doc)
        counts = dense(doc.content_stem_counts)
        n = len(doc)
        present = counts > 0
        idf = np.log((1.0 + n) / (1.0 + present.sum(axis=0))) + 1.0
        tfidf = counts * idf
        centroid = tfidf.sum(axis=0)
        cosine = tfidf @ centroid / (np.linalg.norm(tfidf, axis=1) * np.linalg.norm(centroid))
        mass = counts.sum(axis=0)
        title = np.unique(doc.title_stem_ids())
        n_title = len(set(content_terms(doc.title)))
        overlap = present[:, title].sum(axis=1) / n_title if n_title else np.zeros(n)
        degree = ReductionSummarizer().score(doc)
        assert np.allclose(x[:, _column("centrality")], cosine)
        assert np.allclose(x[:, _column("document_overlap")], present @ mass / mass.sum())
        assert np.allclose(x[:, _column("title_overlap")], overlap)
        assert np.allclose(x[:, _column("overlap_degree")], degree / degree.max())
        assert np.allclose(x[:, _column("overlap_degree_z")], standardised(degree))
        assert x[:, _column("first")].tolist() == [1.0] + [0.0] * (n - 1)
        assert np.array_equal(x[:, _column("log_length")], np.log1p(doc.sentence_lengths))


def test_a_documents_features_do_not_depend_on_its_batch() -> None:
    docs = _docs()
    alone = [sentence_features(d) for d in docs]
    for order in (docs, docs[::-1], docs[1:] + docs[:1]):
        stack = Stack(order)
        x = stacked_features(stack)
        assert x.shape == (sum(map(len, order)), len(FEATURES))
        for i, doc in enumerate(order):
            assert np.array_equal(x[stack.rows(i)], alone[docs.index(doc)])


def test_the_overlap_limit_applies_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    big, _, _, small, _ = _docs()
    before = sentence_features(small)
    monkeypatch.setattr(features_module, "MAX_DEGREE_SENTENCES", len(small))
    stack = Stack([big, small])
    x = stacked_features(stack)
    degree = [_column("overlap_degree"), _column("overlap_degree_z")]
    assert not x[stack.rows(0)][:, degree].any()
    assert np.array_equal(x[stack.rows(1)], before)


def test_an_empty_stack_has_no_rows() -> None:
    assert stacked_features(Stack([])).shape == (0, len(FEATURES))
    assert stacked_features(Stack([build_document("")])).shape == (0, len(FEATURES))


@pytest.mark.parametrize("method", ["default", "lead", "textrank", "luhn"])
@pytest.mark.parametrize("length", [{"n_sentences": 2}, {"ratio": 0.5}, {"max_words": 30}, {}])
def test_summarize_documents_equals_one_call_each(method: str, length: dict[str, object]) -> None:
    docs = _docs()
    together = summarize_documents(docs, method, **length)  # type: ignore[arg-type]
    texts = [(ARTICLE, ARTICLE_TITLE), ("", None), ("One short line.", None), (OTHER, None)]
    texts.append((OTHER, "Rain floods the coast road"))
    one_by_one = [summarize(t, method, title=h, **length) for t, h in texts]  # type: ignore[arg-type]
    assert [s.to_dict() for s in together] == [s.to_dict() for s in one_by_one]
    assert together[1].total_sentences == 0 and not together[1].sentences


def test_summarize_documents_checks_the_request() -> None:
    docs = _docs()
    assert summarize_documents([]) == []
    with pytest.raises(InputValueError, match="unknown method"):
        summarize_documents(docs, "nope")
    with pytest.raises(InputValueError, match="positive integer"):
        summarize_documents(docs, n_sentences=0)
    wrong_inputs = ("Rain fell.", ["Rain fell."], [docs[0], None], None, 3, docs[0])
    for wrong in wrong_inputs:
        with pytest.raises(InputTypeError, match="Document objects"):
            summarize_documents(wrong)  # type: ignore[arg-type]
    assert len(summarize_documents(iter(docs))) == len(docs)


def test_segment_standardised_is_a_z_score_per_document() -> None:
    docs = _docs()
    stack = Stack(docs)
    x = np.random.default_rng(0).normal(size=stack.n_rows)
    x[stack.rows(2)] = 4.0  # a one-sentence document: constant, so zeros
    z = segment_standardised(x, stack)
    for i in range(len(docs)):
        assert np.allclose(z[stack.rows(i)], standardised(x[stack.rows(i)]), atol=1e-12)
    assert z[stack.rows(2)].tolist() == [0.0]


def test_chunks_keep_order_and_stay_within_the_budget() -> None:
    from newskit.summarizers._default import _chunks

    assert _chunks([3, 3, 10, 1, 1], 6) == [slice(0, 2), slice(2, 3), slice(3, 5)]
    assert _chunks([0, 0, 7, 0], 6) == [slice(0, 3), slice(3, 4)]
    assert _chunks([], 6) == []


def test_many_stacks_give_what_one_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    from newskit.summarizers import _default

    docs = _docs() * 3
    one = [s.to_dict() for s in summarize_documents(docs, n_sentences=2)]
    monkeypatch.setattr(_default, "STACK_SENTENCES", 10)
    assert [s.to_dict() for s in summarize_documents(docs, n_sentences=2)] == one


def test_a_batch_does_not_keep_its_tokens_on_the_documents() -> None:
    docs = _docs()
    summarize_documents(docs, n_sentences=2)
    assert not any("tokens" in d.__dict__ for d in docs)  # memory: one stack's tokens at most
    kept = build_document(OTHER)
    tokens = kept.tokens
    summarize_documents([kept])
    assert kept.tokens is tokens
