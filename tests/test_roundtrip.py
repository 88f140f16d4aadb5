"""Every result type round-trips through ``to_dict`` and JSON (issue #16, item 15)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import newskit
from newskit import (
    ArticleDigest,
    DigestRecord,
    InputValueError,
    Summary,
    SummarySentence,
    TermWeight,
    TopicExplanation,
    TopicResult,
)
from newskit._methods import METHODS


def _both_ways(kind: Any, value: Any) -> None:
    assert kind.from_dict(value.to_dict()) == value
    assert kind.from_dict(json.loads(json.dumps(value.to_dict()))) == value


@pytest.fixture(scope="module")
def digests(seed_text: str) -> list[ArticleDigest]:
    return newskit.digest(seed_text, n_sentences=2)


def test_topic_results(digests: list[ArticleDigest]) -> None:
    for d in digests:
        _both_ways(TopicResult, d.topics)
    with_id = TopicResult(("politics",), {"politics": 0.7}, {"politics": 0.5}, "a-1")
    _both_ways(TopicResult, with_id)
    # The symptom: building from the dict by keyword gave a different object.
    assert TopicResult.from_dict(with_id.to_dict()).topics == ("politics",)


def test_summaries_of_every_method(seed_text: str) -> None:
    article = newskit.parse(seed_text)[0]
    for method in METHODS:
        summary = newskit.summarize(article, method, n_sentences=2)
        _both_ways(Summary, summary)
        for sentence in summary.sentences:
            _both_ways(SummarySentence, sentence)
    _both_ways(Summary, newskit.summarize(article, "lexrank", max_words=40))


def test_explanations_and_term_weights(seed_text: str) -> None:
    for explanation in newskit.explain(newskit.parse(seed_text)[0], top=4):
        _both_ways(TopicExplanation, explanation)
        for term in explanation.up + explanation.down:
            _both_ways(TermWeight, term)


def test_article_digests_and_records(digests: list[ArticleDigest]) -> None:
    for d in digests:
        _both_ways(ArticleDigest, d)
    records = list(
        newskit.digest_many(
            [
                {"id": 123, "text": "Floods hit the coast.\n\nRain fell for days."},
                {"id": "x", "text": None},
                {"id": None, "html": "<html><body><p>Short.</p></body></html>"},
            ]
        )
    )
    assert [r.id for r in records] == [123, "x", None]
    for record in records:
        _both_ways(DigestRecord, record)


def test_a_command_line_output_line_reads_back() -> None:
    (record,) = newskit.digest_many([{"id": 1.0, "text": "Storm closes ports.\n\nWinds rose."}])
    line = {"id": 1.0, "occurrence": 2, "line": 7, **record.to_dict()}
    assert DigestRecord.from_dict(json.loads(json.dumps(line))) == record


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (TopicResult, {"topics": []}),
        (TopicResult, {"topics": [], "probabilities": {}, "colour": "red"}),
        (Summary, {"sentences": [], "text": "not the sentences"}),
        (DigestRecord, {"id": "a", "ok": "yes"}),
        (TermWeight, ["only a term"]),
    ],
)
def test_malformed_data_is_refused(kind: Any, data: Any) -> None:
    with pytest.raises((InputValueError, newskit.InputTypeError)):
        kind.from_dict(data)
