"""Data-set loaders (bounded samples of the public data) and the runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskit import Article, InputTypeError, InputValueError, split_sentences
from newskit.evaluate import (
    Example,
    evaluate_summarizer,
    load_bbc,
    load_frank_cnndm,
    load_frank_xsum,
    recover_bbc_reference,
)


def test_recover_bbc_reference_orders_and_unglues() -> None:
    paragraphs = [
        "Profits rose 5% to $2.1bn. Sales were flat.",
        "The firm hired 300 staff. Its shares fell.",
    ]
    summary = "The firm hired 300 staff.Profits rose 5% to $2.1bn."
    assert recover_bbc_reference(paragraphs, summary) == [
        "Profits rose 5% to $2.1bn.",
        "The firm hired 300 staff.",
    ]


def test_recover_bbc_reference_splits_units_newskit_joins() -> None:
    # The data set's own splitter cut "Wham! days" in two; ours keeps it whole.
    paragraphs = ["He recalled his Wham! days with fondness.", "Fans cheered."]
    summary = "Fans cheered.He recalled his Wham!"
    assert recover_bbc_reference(paragraphs, summary) == ["He recalled his Wham!", "Fans cheered."]


@pytest.mark.shared_data
def test_bbc_loader(data_dir: Path) -> None:
    data = load_bbc(data_dir, limit=40)
    assert len(data) == 40
    ex = data[0]
    assert isinstance(ex, Example) and isinstance(ex.article, Article)
    assert ex.id == ex.article.id and "/" in ex.id
    assert ex.article.title and len(ex.article.body) > 1
    for ex in data:
        # every reference sentence comes from the article, in document order
        text = ex.article.text
        positions = [text.find(s) for s in ex.reference_sentences]
        assert all(p >= 0 for p in positions), ex.id
        assert positions == sorted(positions), ex.id


@pytest.mark.shared_data
def test_frank_loaders(data_dir: Path) -> None:
    cnn = load_frank_cnndm(data_dir, limit=20)
    xsum = load_frank_xsum(data_dir, limit=20)
    assert len(cnn) == len(xsum) == 20
    for ex in cnn:
        assert "-LRB-" not in ex.reference and " 's" not in ex.reference
        assert len(ex.reference_sentences) >= 1
    # highlights are several sentences, one per line
    assert sum(len(ex.reference_sentences) for ex in cnn) > 2 * len(cnn)
    assert all(len(ex.reference_sentences) >= 1 for ex in xsum)


def test_loaders_reject_bad_limit_and_missing_data(tmp_path: Path) -> None:
    with pytest.raises(InputValueError):
        load_frank_cnndm(tmp_path, limit=-1)
    with pytest.raises(FileNotFoundError):
        load_bbc(tmp_path)


def _data() -> list[Example]:
    return [
        Example(
            "one",
            Article(title="Storm", body=["A storm hit. Roads shut.", "Cats slept."]),
            "A storm hit.\nRoads shut.",
        ),
        Example("two", Article(body=["Prices rose 3%. Shops were busy."]), "Prices rose 3%."),
    ]


def test_evaluate_summarizer_scores_and_times() -> None:
    lead1 = evaluate_summarizer(lambda text: split_sentences(text)[:1], _data())
    lead2 = evaluate_summarizer(lambda text: split_sentences(text)[:2], _data())
    assert lead1.n == lead2.n == 2
    assert lead2.rouge["rouge1"].recall > lead1.rouge["rouge1"].recall
    assert lead1.ms_per_article >= 0 and lead1.median_ms >= 0
    assert [row["id"] for row in lead1.per_article] == ["one", "two"]
    assert lead1.per_article[1]["rouge1"] == pytest.approx(1.0)
    assert lead1.f1()["rouge1"] == pytest.approx(100 * lead1.rouge["rouge1"].fmeasure, abs=0.01)


def test_evaluate_summarizer_passes_article_or_example() -> None:
    seen: list[object] = []

    def fn(x: object) -> str:
        seen.append(x)
        return "A storm hit."

    evaluate_summarizer(fn, _data()[:1], given="article")
    evaluate_summarizer(fn, _data()[:1], given="example")
    assert isinstance(seen[0], Article) and isinstance(seen[1], Example)


def test_evaluate_summarizer_bad_input() -> None:
    with pytest.raises(InputValueError):
        evaluate_summarizer(str, [])
    with pytest.raises(InputValueError):
        evaluate_summarizer(str, _data(), given="html")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        evaluate_summarizer("not callable", _data())  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        evaluate_summarizer(lambda text: 42, _data())
    with pytest.raises(InputTypeError):
        evaluate_summarizer(str, ["not an example"])  # type: ignore[list-item]
