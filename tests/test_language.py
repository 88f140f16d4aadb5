"""The conservative English check."""

from __future__ import annotations

import pytest

from newskit import InputValueError, UnsupportedLanguageError
from newskit._language import ensure_english, non_english_reason

ENGLISH = (
    "The government announced a new energy policy on Tuesday. The minister said talks with "
    "the unions would continue and that a deal could be reached before the end of the month. "
    "Thousands of people marched in several cities, police said."
)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("北京今天下雨。人们很高兴。政府宣布了新的政策。北京今天下雨。人们很高兴。", "CJK"),
        ("أعلنت الحكومة عن سياسة جديدة. وقال الوزير إن المحادثات مستمرة.", "ARABIC"),
        ("وزیر اعظم نے قوم سے خطاب کیا۔ انہوں نے کہا کہ بات چیت جاری ہے۔", "ARABIC"),
        (
            "Правительство объявило о новой политике. Министр заявил, что переговоры идут.",
            "CYRILLIC",
        ),
    ],
)
def test_other_scripts(text: str, script: str) -> None:
    assert non_english_reason(text) == f"mostly {script} script"
    with pytest.raises(UnsupportedLanguageError, match="English-only"):
        ensure_english(text)


def test_latin_script_other_language() -> None:
    french = (
        "Le gouvernement a annoncé une nouvelle politique énergétique mardi. Le ministre a "
        "déclaré que les négociations avec les syndicats se poursuivent et qu'un accord "
        "pourrait être trouvé avant la fin du mois. Les manifestations ont rassemblé des "
        "milliers de personnes dans plusieurs villes du pays, selon la police."
    )
    assert non_english_reason(french) is not None


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "Floods hit the coast",  # short: benefit of the doubt
        "Pakistan's PM visits Беларусь",  # a foreign name in English text
        ENGLISH + " 北京 " * 5,
        "Floods 🌊 hit the coast 😱 and rescue teams 🚒 arrived on Monday.",
        "",
    ],
)
def test_english_passes(text: str) -> None:
    assert non_english_reason(text) is None
    ensure_english(text)


def test_error_is_a_value_error() -> None:
    assert issubclass(UnsupportedLanguageError, InputValueError)
    assert issubclass(UnsupportedLanguageError, ValueError)
