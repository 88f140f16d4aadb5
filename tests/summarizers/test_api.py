"""The summarize() entry point: lengths, inputs, results and errors."""

from __future__ import annotations

import pytest

import newskit
from newskit import Article, InputTypeError, InputValueError, Summary, summarize
from newskit.summarizers import METHODS, SUMY_METHODS, summarize_documents
from tests.summarizers._texts import ARTICLE, ARTICLE_TITLE


def test_default_length_is_three_sentences_in_document_order() -> None:
    s = summarize(ARTICLE, "lead")
    assert isinstance(s, Summary)
    assert s.indices == [0, 1, 2]
    assert s.method == "lead" and s.backend == "newskit"
    assert s.parameters["n_sentences"] == 3
    assert s.text.startswith("The city council approved")
    assert s.total_sentences == 13


@pytest.mark.parametrize("method", METHODS)
def test_every_method_returns_sorted_unique_valid_indices(method: str) -> None:
    s = summarize(ARTICLE, method, n_sentences=4, title=ARTICLE_TITLE)
    assert len(s) == 4
    assert s.indices == sorted(set(s.indices))
    assert all(0 <= i < s.total_sentences for i in s.indices)
    for sent in s:
        assert sent.text in ARTICLE
        assert isinstance(sent.score, float)


@pytest.mark.parametrize("method", METHODS)
def test_ratio_and_words(method: str) -> None:
    half = summarize(ARTICLE, method, ratio=0.5)
    assert len(half) == round(0.5 * half.total_sentences)
    short = summarize(ARTICLE, method, max_words=40)
    from newskit.text import word_tokens

    total = sum(len(word_tokens(s.text)) for s in short)
    assert len(short) == 1 or total <= 40


def test_word_budget_always_keeps_the_best_sentence() -> None:
    s = summarize(ARTICLE, "lead", max_words=1)
    assert s.indices == [0]


def test_text_shorter_than_request_returns_everything() -> None:
    s = summarize("One sentence here. And a second one.", "textrank", n_sentences=10)
    assert s.indices == [0, 1]


@pytest.mark.parametrize("text", ["", "   \n\n  ", b""])
def test_empty_text_gives_empty_summary(text: str | bytes) -> None:
    s = summarize(text)
    assert len(s) == 0 and s.text == "" and s.total_sentences == 0


def test_bytes_are_decoded() -> None:
    assert summarize(ARTICLE.encode("utf-8"), "lead").indices == [0, 1, 2]


def test_article_uses_title_and_body_only() -> None:
    art = Article(
        title=ARTICLE_TITLE,
        body=[p for p in ARTICLE.split("\n\n") if p.strip()],
        captions=["A caption that must never appear in a summary."],
        highlights=["A highlight that is not part of the body."],
    )
    s = summarize(art, "lead", ratio=1.0)
    assert "caption" not in s.text and "highlight" not in s.text
    assert s.total_sentences == summarize(ARTICLE, "lead").total_sentences


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sentences": 0},
        {"sentences": -2},
        {"sentences": 2.5},
        {"sentences": True},
        {"sentences": "3"},
        {"ratio": 0},
        {"ratio": 1.5},
        {"ratio": -0.1},
        {"ratio": float("nan")},
        {"ratio": "half"},
        {"words": 0},
        {"words": 10.0},
        {"sentences": 2, "ratio": 0.5},
    ],
)
def test_invalid_lengths_raise_value_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(InputValueError):
        summarize(ARTICLE, "lead", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        summarize(ARTICLE, "lead", **kwargs)  # type: ignore[arg-type]


def test_bad_method_backend_option_and_type() -> None:
    with pytest.raises(InputValueError, match="unknown method"):
        summarize(ARTICLE, "nope")
    with pytest.raises(InputValueError, match="backend"):
        summarize(ARTICLE, "lead", backend="gensim")
    with pytest.raises(InputValueError, match="option"):
        summarize(ARTICLE, "lexrank", colour="red")
    with pytest.raises(InputValueError, match="sumy has no 'lead'"):
        summarize(ARTICLE, "lead", backend="sumy")
    with pytest.raises(InputTypeError):
        summarize(None)
    with pytest.raises(InputTypeError):
        summarize(ARTICLE, title=3)  # type: ignore[arg-type]


def test_random_is_seeded() -> None:
    a = summarize(ARTICLE, "random", seed=7)
    b = summarize(ARTICLE, "random", seed=7)
    assert a.indices == b.indices
    seen = {tuple(summarize(ARTICLE, "random", seed=s).indices) for s in range(8)}
    assert len(seen) > 1


@pytest.mark.parametrize("method", SUMY_METHODS)
def test_sumy_backend_runs_offline(method: str) -> None:
    s = summarize(ARTICLE, method, backend="sumy", title=ARTICLE_TITLE)
    assert s.backend == "sumy" and len(s) == 3
    assert s.indices == sorted(s.indices)


def test_summary_serialises() -> None:
    d = summarize(ARTICLE, "luhn").to_dict()
    assert d["method"] == "luhn" and len(d["sentences"]) == 3
    assert {"index", "text", "score"} <= set(d["sentences"][0])


def test_top_level_export_is_a_function_not_the_subpackage() -> None:
    assert callable(newskit.summarize)
    assert newskit.summarize is summarize


def test_sentences_without_letters_or_digits_are_dropped() -> None:
    assert len(summarize("\u00a0\n\u200b\n")) == 0
    s = summarize("Rain fell on Monday.\n\n\u2014\n\n\U0001f30a\n\nRoads were shut.", "lead")
    assert [x.text for x in s] == ["Rain fell on Monday.", "Roads were shut."]


def test_too_long_inputs_are_refused() -> None:
    from newskit.summarizers._document import MAX_SENTENCE_CHARS

    with pytest.raises(InputValueError, match="too long"):
        summarize("x" * (MAX_SENTENCE_CHARS + 1))


def test_graph_methods_refuse_huge_documents() -> None:
    from newskit.summarizers._graph import MAX_GRAPH_SENTENCES

    text = " ".join(
        f"The council met on day {i} of the year." for i in range(MAX_GRAPH_SENTENCES + 1)
    )
    with pytest.raises(InputValueError, match="sentences"):
        summarize(text, "lexrank")
    assert len(summarize(text, "luhn")) == 3


def test_non_english_is_refused() -> None:
    from newskit import UnsupportedLanguageError

    with pytest.raises(UnsupportedLanguageError):
        summarize("Москва сегодня объявила о новых мерах. " * 10)


def test_the_english_check_can_be_left_to_the_caller() -> None:
    # digest checks each article once and then summarizes its prepared text
    from newskit._articletext import article_text
    from newskit.summarizers._document import document_of

    text = "Москва сегодня объявила о новых мерах. Власти ждут решения. " * 5
    (summary,) = summarize_documents([document_of(article_text(text))], "lead", n_sentences=1)
    assert summary.text == "Москва сегодня объявила о новых мерах."


def test_several_lengths_are_named_in_the_error() -> None:
    with pytest.raises(InputValueError, match=r"\(got max_words, n_sentences, ratio\)"):
        summarize(ARTICLE, "lead", ratio=0.5, n_sentences=2, max_words=9)
    with pytest.raises(InputValueError, match=r"\(got max_words, ratio\)"):
        summarize(ARTICLE, "lead", max_words=9, ratio=0.5)
