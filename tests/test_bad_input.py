"""The bad-input matrix of docs/input.rst: every row is a test here.

Each public entry point gets each kind of bad input and must give the
documented result or a clear newskit error, never anything else.
"""

from __future__ import annotations

import codecs
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newskit
from newskit import (
    Article,
    InputTypeError,
    InputValueError,
    NewskitError,
    Summary,
    TopicResult,
    UnsupportedLanguageError,
)
from newskit._cli import main

ENTRY_POINTS: dict[str, Callable[[object], object]] = {
    "parse": newskit.parse,  # type: ignore[dict-item]
    "parse_text": newskit.parse_text,  # type: ignore[dict-item]
    "parse_html": newskit.parse_html,  # type: ignore[dict-item]
    "classify": newskit.classify,
    "summarize": newskit.summarize,
}
TEXT_ENTRY_POINTS = ["parse", "parse_text", "classify", "summarize"]

STORY = "Floods hit the coast on Monday.\n\nRescue teams arrived by boat and helicopter."
NON_ENGLISH = {
    "chinese": "北京今天宣布了新的能源政策。官员说，谈判将继续进行。数千人在多个城市游行。",
    "arabic": "أعلنت الحكومة عن سياسة جديدة للطاقة يوم الثلاثاء. وقال الوزير إن المحادثات مستمرة.",
    "urdu": "حکومت نے منگل کو توانائی کی نئی پالیسی کا اعلان کیا۔ وزیر نے کہا کہ بات چیت جاری ہے۔",
    "russian": "Правительство объявило о новой энергетической политике. Министр заявил, что "
    "переговоры с профсоюзами продолжаются.",
}


def _is_empty_result(name: str, result: object) -> bool:
    if name in ("parse", "parse_text"):
        return result == []
    if name == "parse_html":
        return isinstance(result, Article) and not result.body and not result.is_article
    if name == "classify":
        return isinstance(result, TopicResult) and result.topics == ()
    return isinstance(result, Summary) and result.sentences == ()


# -- wrong types ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("value", [None, 42, 3.5, ["text"], {"text": "x"}, object()])
def test_wrong_types_raise_input_type_error(name: str, value: object) -> None:
    with pytest.raises(InputTypeError, match="must be"):
        ENTRY_POINTS[name](value)


# -- encodings ---------------------------------------------------------------

ENCODED = {
    "utf-8": STORY.replace("Floods", "Café floods").encode("utf-8"),
    "utf-16 with BOM": STORY.replace("Floods", "Café floods").encode("utf-16"),
    "latin-1": STORY.replace("Floods", "Café floods").encode("latin-1"),
    "utf-8 with BOM": codecs.BOM_UTF8 + STORY.replace("Floods", "Café floods").encode(),
}


@pytest.mark.parametrize("name", TEXT_ENTRY_POINTS)
@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_bytes_are_decoded_like_str(name: str, encoding: str) -> None:
    expected = ENTRY_POINTS[name](STORY.replace("Floods", "Café floods"))
    assert ENTRY_POINTS[name](ENCODED[encoding]) == expected


def test_invalid_utf8_falls_back_to_cp1252() -> None:
    (article,) = newskit.parse_text(b"Caf\xe9 owners protest\n\nThe mayor said \x93no\x94.")
    assert article.title == "Café owners protest"
    assert article.body == ["The mayor said “no”."]


# -- empty -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("value", ["", "   \n\t\n  ", b"", "\u00a0\n\u200b\n"])
def test_empty_gives_empty_result(name: str, value: object) -> None:
    assert _is_empty_result(name, ENTRY_POINTS[name](value))


# -- control characters, binary ---------------------------------------------


@pytest.mark.parametrize("name", TEXT_ENTRY_POINTS)
def test_nul_and_control_characters_are_spaces(name: str) -> None:
    dirty = STORY.replace("hit", "hit\x00").replace("Rescue", "\x07Rescue")
    clean = STORY.replace("hit", "hit ").replace("Rescue", " Rescue")
    assert ENTRY_POINTS[name](dirty) == ENTRY_POINTS[name](clean)


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_binary_noise_is_a_clear_error(name: str) -> None:
    noise = random.Random(7).randbytes(200_000)
    with pytest.raises(InputValueError, match="binary data"):
        ENTRY_POINTS[name](noise)


# -- the wrong parser --------------------------------------------------------

PAGE = (
    "<!DOCTYPE html><html><head><title>Floods hit the coast</title></head><body>"
    "<article><h1>Floods hit the coast</h1><p>Floods hit the coast on Monday, officials "
    "said, as rescue teams arrived by boat.</p><p>Rescue teams arrived by boat and "
    "helicopter to move hundreds of families to safety.</p></article></body></html>"
)


def test_html_given_to_the_text_parser_is_a_clear_error() -> None:
    with pytest.raises(InputValueError, match="HTML"):
        newskit.parse_text(PAGE)


def test_html_given_to_parse_is_parsed_as_html() -> None:
    (article,) = newskit.parse(PAGE)
    assert article.title == "Floods hit the coast"


def test_text_given_to_the_html_parser_is_flagged_not_an_article() -> None:
    article = newskit.parse_html(STORY)
    assert article.is_article is False
    assert article.body == []


# -- other languages -----------------------------------------------------------


@pytest.mark.parametrize("language", sorted(NON_ENGLISH))
def test_non_english_parses_but_is_not_classified_or_summarized(language: str) -> None:
    text = NON_ENGLISH[language]
    (article,) = newskit.parse_text(text)
    assert "".join(article.body).replace(" ", "") == text.replace(" ", "")
    with pytest.raises(UnsupportedLanguageError, match="English"):
        newskit.classify(text)
    with pytest.raises(UnsupportedLanguageError, match="English"):
        newskit.summarize(text)


def test_emoji_are_ordinary_characters() -> None:
    text = "Floods 🌊 hit the coast on Monday 😱.\n\nRescue teams 🚒 arrived by boat."
    (article,) = newskit.parse_text(text)
    assert article.body == [
        "Floods 🌊 hit the coast on Monday 😱.",
        "Rescue teams 🚒 arrived by boat.",
    ]
    (first,) = newskit.summarize(text, n_sentences=1).sentences
    assert first.text in article.body
    assert isinstance(newskit.classify(text), TopicResult)


# -- size ----------------------------------------------------------------------


def test_extremely_long_sentence() -> None:
    sentence = "The minister said " + "that the budget would rise " * 20_000 + "next year."
    summary = newskit.summarize(sentence)
    assert [s.text for s in summary.sentences] == [sentence]
    (article,) = newskit.parse_text(sentence)
    assert article.body == [sentence]


def test_ten_thousand_one_word_sentences() -> None:
    words = ["Yes.", "No.", "Why?", "It.", "Who?", "What?", "Was.", "Now."]
    text = " ".join(words[i % len(words)] for i in range(10_000))
    summary = newskit.summarize(text, n_sentences=3)
    assert len(summary.sentences) == 3
    assert [s.index for s in summary.sentences] == sorted(s.index for s in summary.sentences)
    with pytest.raises(InputValueError, match="sentences"):
        newskit.summarize(text, method="lexrank")


def test_single_5mb_line_without_spaces() -> None:
    line = "x" * 5_000_000
    (article,) = newskit.parse_text(line)
    assert article.body == [line]
    assert newskit.classify(line).topics == ()
    with pytest.raises(InputValueError, match="too long"):
        newskit.summarize(line)


@pytest.mark.slow
def test_50mb_text() -> None:
    paragraph = (
        "Officials said the floods had cut roads to 40 villages, and rescue teams "
        "were moving families to schools on higher ground.\n"
    )
    text = "Floods cut off villages\n\n" + paragraph * (50_000_000 // len(paragraph))
    (article,) = newskit.parse_text(text)
    assert len(article.body) == 50_000_000 // len(paragraph)
    assert isinstance(newskit.classify(text), TopicResult)
    with pytest.raises(InputValueError, match="too long"):
        newskit.summarize(text)


# -- the command line --------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"", 0, ""),
        (random.Random(3).randbytes(50_000), 1, "binary data"),
        (NON_ENGLISH["russian"].encode(), 1, "English"),
    ],
)
def test_cli_digest_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, code: int, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert main(["digest", str(path)]) == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_every_error_is_a_newskit_error() -> None:
    for exc in (InputTypeError, InputValueError, UnsupportedLanguageError):
        assert issubclass(exc, NewskitError)


# -- fuzzing -------------------------------------------------------------------

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_INPUT = st.one_of(st.text(max_size=300), st.binary(max_size=300))


@FUZZ
@given(data=ANY_INPUT, name=st.sampled_from(sorted(ENTRY_POINTS)))
def test_arbitrary_input_gives_a_result_or_a_newskit_error(data: str | bytes, name: str) -> None:
    fn = ENTRY_POINTS[name]
    try:
        first = fn(data)
    except NewskitError as exc:
        with pytest.raises(type(exc)):
            fn(data)
        return
    assert fn(data) == first  # deterministic
    if isinstance(first, TopicResult):
        assert all(0.0 <= p <= 1.0 for p in first.probabilities.values())
    if isinstance(first, Summary):
        assert [s.index for s in first.sentences] == sorted({s.index for s in first.sentences})
        assert len(first.sentences) <= 3
