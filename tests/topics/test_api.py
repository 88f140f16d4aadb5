"""The module-level API with the shipped model (loaded once, fast)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import newskit
from newskit import Article, InputTypeError, InputValueError, UnsupportedLanguageError
from newskit.topics import TOPICS, TopicClassifier, TopicResult, classify, classify_many, explain

from ._fixtures import labels_matrix, texts

# Texts written for these tests, each clearly about its topic(s) under the guidelines.
CLEAR = [
    (
        "Army shells rebel positions\n\nThe army shelled rebel positions overnight and "
        "fighter jets carried out air strikes, the military said, as troops advanced "
        "on the insurgents' stronghold. Dozens of militants were killed.",
        {"security"},
    ),
    (
        "Heatwave breaks records as emissions climb\n\nScientists said the record heatwave "
        "and drought were driven by climate change, as greenhouse gas emissions kept rising "
        "and wildfires burned across the region's forests.",
        {"climate"},
    ),
    (
        "Parliament approves budget after election\n\nLawmakers approved the budget in a "
        "close vote after the governing party won the election; opposition leaders accused "
        "the prime minister of breaking campaign promises.",
        {"politics"},
    ),
    (
        "Club wins the cup final\n\nThe striker scored twice in the second half as the home "
        "side won the cup final in front of a sell-out crowd.",
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), CLEAR, ids=["security", "climate", "politics", "none"]
)
def test_classify_clear_texts(text: str, expected: set[str]) -> None:
    result = classify(text)
    assert isinstance(result, TopicResult)
    assert set(result.probabilities) == set(TOPICS)
    assert all(0.0 <= p <= 1.0 for p in result.probabilities.values())
    for topic in TOPICS:
        assert (topic in result) == (result.probabilities[topic] >= result.thresholds[topic])
    if not expected:
        assert result.topics == ()
        return
    # The topic the text is about is chosen and is the most probable one; the
    # low politics threshold picked on the dev set may add politics as well.
    assert expected <= set(result.topics)
    assert max(result.probabilities, key=result.probabilities.__getitem__) in expected


def test_article_and_string_agree() -> None:
    text, _ = CLEAR[0]
    title, body = text.split("\n\n", 1)
    article = Article(title=title, body=[body], authors=["Someone"], id="a1")
    result = classify(article)
    assert result.probabilities == classify(text).probabilities
    assert result.id == "a1" and result.to_dict()["id"] == "a1"
    json.dumps(result.to_dict())


def test_classify_many_matches_classify_and_streams() -> None:
    docs = [t for t, _ in CLEAR] * 3
    many = list(classify_many(iter(docs), batch_size=2))
    assert [r.topics for r in many] == [classify(d).topics for d in docs]
    assert list(classify_many([])) == []


def test_empty_and_whitespace_give_no_topic() -> None:
    for text in ("", "   \n ", b"", Article()):
        result = classify(text)
        assert result.topics == () and set(result.probabilities.values()) == {0.0}


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a list"], {"title": "x"}])
def test_wrong_types(bad: object) -> None:
    with pytest.raises(InputTypeError):
        classify(bad)


def test_classify_many_bad_arguments() -> None:
    with pytest.raises(InputTypeError):
        classify_many("one string, not a list")
    with pytest.raises(InputTypeError):
        classify_many(None)  # type: ignore[arg-type]
    with pytest.raises(InputValueError):
        classify_many(["a"], batch_size=0)
    with pytest.raises(InputTypeError):
        list(classify_many(["fine", 7]))
    with pytest.raises(InputTypeError):
        classify("x", model="not a model")  # type: ignore[arg-type]


def test_clearly_non_english_text_is_refused() -> None:
    russian = "Правительство объявило о новой политике. Министр заявил, что переговоры идут."
    with pytest.raises(UnsupportedLanguageError, match="English"):
        classify(russian)
    with pytest.raises(UnsupportedLanguageError, match="article 2"):
        list(classify_many(["Troops attacked.", "The party won.", russian], batch_size=2))
    with pytest.raises(UnsupportedLanguageError):
        explain(russian)


def test_explain_terms_add_up() -> None:
    text, _ = CLEAR[0]
    ex = explain(text, top=5)
    assert [e.topic for e in ex] == list(TOPICS)
    sec = ex[0]
    assert sec.selected and sec.up and len(sec.up) <= 5
    weights = [t.weight for t in sec.up]
    assert weights == sorted(weights, reverse=True) and all(w > 0 for w in weights)
    assert all(t.weight < 0 for e in ex for t in e.down)
    # a word class's share is listed under the text's word as class:WORD
    assert any(t.term.removeprefix("class:") in text.lower() for t in sec.up)
    json.dumps([e.to_dict() for e in ex])
    with pytest.raises(InputValueError):
        explain(text, top=-1)
    assert explain("", top=3)[0].up == ()


def test_own_model_via_model_argument() -> None:
    mine = TopicClassifier(min_df=1, max_df=1.0, calibration_cv=0).fit(texts(), labels_matrix())
    result = classify("The party won the election.", model=mine)
    assert result.topics == ("politics",)


def test_top_level_exports() -> None:
    for name in ("TopicClassifier", "TopicResult", "classify", "classify_many", "explain"):
        assert name in newskit.__all__ and hasattr(newskit, name)


@pytest.mark.xfail(
    strict=True,
    reason="a check, not a target the model was tuned to: the guideline-trained model gets 4 of "
    "the 6 seed articles exactly (benchmarks/bench_topics.py; docs/topics.rst)",
)
def test_seed_articles_get_expected_topics(seed_text: str, shared_dir: Path) -> None:
    labels_file = shared_dir / "topics" / "seed-labels.jsonl"
    if not labels_file.is_file():
        pytest.skip(f"{labels_file} is absent")
    expected = [json.loads(line)["labels"] for line in labels_file.read_text().splitlines()]
    articles = newskit.parse_text(seed_text)
    assert len(articles) == len(expected) == 6
    got = [sorted(r.topics) for r in classify_many(articles)]
    assert got == [sorted(e) for e in expected]


def test_explain_lists_char_ngrams_as_the_words_they_come_from() -> None:
    from newskit.topics._explain import explain_with

    mine = TopicClassifier(
        min_df=1, max_df=1.0, calibration_cv=0, lead_words=8, lead_chars=(3, 5)
    ).fit(texts(), labels_matrix())
    text = "Militants bombed army convoys, militants fired."
    ex = explain_with(mine, text, top=1000)
    X = mine.transform([text])
    start = 2 * len(mine.vectorizer_.vocabulary_)
    in_chars = X.indices >= start
    for j, e in enumerate(ex):
        # The words' shares add up to the char block's exact contribution.
        block = float((X.data[in_chars] * mine.coef_[j, X.indices[in_chars]]).sum())
        listed = [t for t in (*e.up, *e.down) if t.term.startswith("chars:")]
        assert sum(t.weight for t in listed) == pytest.approx(block, abs=1e-3)
        # Words of the title + lead, punctuation at their edges dropped.
        assert {t.term for t in listed} <= {
            "chars:militants",
            "chars:bombed",
            "chars:army",
            "chars:convoys",
            "chars:fired",
        }
    assert any(t.term == "chars:militants" for t in ex[0].up)


def test_explain_lists_word_classes_as_the_words_they_come_from() -> None:
    from newskit.topics._explain import explain_with

    classes = {"floods": 0, "drought": 0, "typhoon": 0, "cyclone": 0, "senator": 1, "congress": 1}
    mine = TopicClassifier(
        min_df=1, max_df=1.0, calibration_cv=0, lead_words=8, word_clusters=classes
    ).fit(texts(), labels_matrix())
    text = "A typhoon and a cyclone, then drought; the congress met."
    ex = explain_with(mine, text, top=1000)
    X = mine.transform([text])
    start = 2 * len(mine.vectorizer_.vocabulary_)
    in_classes = X.indices >= start
    assert in_classes.sum() == 2
    for j, e in enumerate(ex):
        # The words' shares add up to the class block's exact contribution.
        block = float((X.data[in_classes] * mine.coef_[j, X.indices[in_classes]]).sum())
        listed = [t for t in (*e.up, *e.down) if t.term.startswith("class:")]
        assert sum(t.weight for t in listed) == pytest.approx(block, abs=1e-3)
        assert {t.term for t in listed} <= {
            "class:typhoon",
            "class:cyclone",
            "class:drought",
            "class:congress",
        }
    climate = ex[list(TOPICS).index("climate")]
    assert any(t.term == "class:typhoon" for t in climate.up)
    # Unseen words get no term of their own: "typhoon" is listed by its class only.
    assert not any(t.term in ("typhoon", "lead:typhoon") for t in climate.up)


def test_explain_lists_the_dense_block_by_the_words_it_was_folded_onto() -> None:
    from newskit.topics._explain import explain_with

    vectors = {
        "drought": [0.0, 1.0],
        "floods": [0.1, 0.9],
        "parliament": [1.0, 0.0],
        "election": [0.9, 0.1],
        "the": [0.5, 0.5],
    }
    mine = TopicClassifier(
        min_df=1, max_df=1.0, calibration_cv=0, lead_words=8, word_vectors=vectors
    ).fit(texts(), labels_matrix())
    text = "Drought and floods, then the parliament met."
    ex = explain_with(mine, text, top=1000)
    X = mine.transform([text])
    names = mine.get_feature_names_out()
    in_vectors = np.array([str(names[i]).startswith("vec:") for i in X.indices])
    assert in_vectors.sum() == 4  # drought, floods, the, parliament
    for j, e in enumerate(ex):
        # One term per word, each its exact contribution through the dense block.
        listed = {t.term: t.weight for t in (*e.up, *e.down) if t.term.startswith("vec:")}
        expected = {
            str(names[i]): round(float(v * mine.coef_[j, i]), 4)
            for i, v in zip(X.indices[in_vectors], X.data[in_vectors], strict=True)
            if str(names[i]) != "vec:the"  # a stop word: in the score, not listed
        }
        assert listed == {k: v for k, v in expected.items() if v != 0}
    climate = ex[list(TOPICS).index("climate")]
    assert any(t.term == "vec:drought" for t in climate.up)
