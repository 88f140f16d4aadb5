"""digest / digest_many: one result per input, in order, errors as records."""

from __future__ import annotations

from collections.abc import Iterator

import joblib
import pytest

import newskit
from newskit._digest import Unreadable, digest, digest_many

RECORDS = [
    {"id": "a", "title": "Floods in the south", "text": "Floods swept the southern coast."},
    {"id": "b", "text": "Parliament passed the budget.\n\nThe opposition walked out."},
    {"id": "c", "html": "<html><head><title>T</title></head><body><p>Hi there.</p></body></html>"},
    {"id": "d"},
    {"id": "e", "text": 5},
    newskit.Article(title="Talks", body=["The foreign ministers met in Geneva."], id="f"),
    None,
    "Plain text article.\n\nWith a second paragraph.",
]


def test_digest_parses_classifies_and_summarizes(seed_text: str) -> None:
    digests = digest(seed_text, n_sentences=2)
    assert len(digests) == 6
    for d in digests:
        assert len(d.summary.sentences) == 2
        assert all(0.0 <= p <= 1.0 for p in d.topics.probabilities.values())
        assert set(d.to_dict()) == {"article", "topics", "summary"}


def test_digest_empty_is_empty() -> None:
    assert digest("") == []
    assert digest(b"  \n ") == []


def test_digest_many_one_record_per_input_in_order() -> None:
    records = list(digest_many(RECORDS, batch_size=3))
    assert [r.id for r in records] == ["a", "b", "c", "d", "e", "f", "6", "7"]
    assert [r.ok for r in records] == [True, True, True, False, False, True, False, True]
    assert records[0].articles[0].article.title == "Floods in the south"
    assert records[0].articles[0].article.id == "a"
    assert "'text' or an 'html' key" in str(records[3].error)
    assert records[4].error is not None and records[4].error.startswith("InputTypeError")
    assert records[6].error is not None and "NoneType" in records[6].error


def test_unreadable_becomes_failed_record() -> None:
    (record,) = digest_many([Unreadable("9", "line 9 is not valid JSON")])
    assert record.to_dict() == {
        "id": "9",
        "ok": False,
        "error": "InputValueError: line 9 is not valid JSON",
    }


def test_digest_many_is_lazy() -> None:
    consumed = []

    def source() -> Iterator[str]:
        for i in range(10_000):
            consumed.append(i)
            yield f"Story {i}\n\nSomething happened."

    stream = digest_many(source(), batch_size=4)
    first = next(stream)
    assert first.ok
    assert len(consumed) <= 8


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_results_do_not_depend_on_batch_size(batch_size: int) -> None:
    reference = [r.to_dict() for r in digest_many(RECORDS, batch_size=2)]
    assert [r.to_dict() for r in digest_many(RECORDS, batch_size=batch_size)] == reference


def test_results_do_not_depend_on_jobs() -> None:
    reference = [r.to_dict() for r in digest_many(RECORDS)]
    with joblib.parallel_config(backend="threading"):
        threaded = [r.to_dict() for r in digest_many(RECORDS, n_jobs=2, batch_size=2)]
    assert threaded == reference


@pytest.mark.parametrize("kwargs", [{"batch_size": 0}, {"n_jobs": 0}, {"batch_size": "3"}])
def test_bad_options_raise_at_call(kwargs: dict[str, object]) -> None:
    with pytest.raises(newskit.InputValueError):
        digest_many(RECORDS, **kwargs)  # type: ignore[arg-type]


def test_one_refused_record_does_not_sink_its_batch() -> None:
    russian = "Правительство объявило о новой политике. Министр заявил, что переговоры идут."
    records = [
        {"id": "en1", "text": "Floods hit the coast.\n\nRescue teams arrived."},
        {"id": "ru", "text": russian},
        {"id": "en2", "text": "Parliament passed the budget.\n\nThe opposition walked out."},
    ]
    out = list(digest_many(records, batch_size=3))
    assert [(r.id, r.ok) for r in out] == [("en1", True), ("ru", False), ("en2", True)]
    assert out[1].error is not None
    assert out[1].error.startswith("UnsupportedLanguageError")
    assert out[0].to_dict() == next(iter(digest_many(records[:1]))).to_dict()


def test_the_english_check_runs_once_per_article(monkeypatch) -> None:
    import newskit._language as language

    calls = []
    original = language.non_english_reason

    def counting(text: str) -> str | None:
        calls.append(text)
        return original(text)

    monkeypatch.setattr(language, "non_english_reason", counting)
    records = list(
        newskit.digest_many(["Rain ends drought\n\nRain fell at last over the dry valley."])
    )
    assert records[0].ok
    assert len(calls) == 1


def test_a_summary_failure_sinks_only_its_record(monkeypatch: pytest.MonkeyPatch) -> None:
    import newskit.summarizers as summarizers

    original = summarizers.summarize_documents

    def refuse_poison(docs, *args, **kwargs):  # type: ignore[no-untyped-def]
        if any("poison" in s for d in docs for s in d.sentences):
            raise newskit.InputValueError("poisoned")
        return original(docs, *args, **kwargs)

    monkeypatch.setattr(summarizers, "summarize_documents", refuse_poison)
    records = [
        {"id": "1", "text": "Floods hit the coast.\n\nRescue teams arrived."},
        {"id": "2", "text": "The well held poison.\n\nNobody drank."},
        {"id": "3", "text": "Parliament passed the budget.\n\nThe opposition walked out."},
    ]
    out = list(digest_many(records, batch_size=3))
    assert [(r.id, r.ok, r.error) for r in out] == [
        ("1", True, None),
        ("2", False, "InputValueError: poisoned"),
        ("3", True, None),
    ]
    assert out[2].to_dict() == next(iter(digest_many(records[2:]))).to_dict()
