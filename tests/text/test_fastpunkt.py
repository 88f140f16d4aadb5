"""The fast sentence splitter and tokenizer give exactly what the reference (NLTK) code gives.

All texts here are written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from newskit.text import sentence_spans, word_tokens
from newskit.text._fastpunkt import FastPunkt
from newskit.text._punkt import NewsLanguageVars, NewsToken, load_fast_tokenizer, load_tokenizer
from newskit.text._reference import reference_sentence_spans, reference_word_tokens
from newskit.text._sentences import (
    _ENDS_WITH_INITIALS,
    _ENDS_WITH_TITLE,
    _ends_with_initials,
    _ends_with_title,
)
from newskit.text._tokens import _EDGE

FIXTURES = [
    "",
    "   ",
    "\n\n",
    "One sentence without a full stop",
    "It ends here.",
    # abbreviations and titles
    "Dr. Lee met Sen. Ana Ruiz and Gov. Tom Hale. They spoke on Jan. 5 in Washington, D.C. Then "
    "they left.",
    "Shares of Acme Inc. rose. Widget Corp. fell 3 p.m. on Friday. Analysts (e.g. Ms. Park) were "
    "surprised, i.e. confused.",
    "Lt. Col. Ray Diaz, Sgt. Joe Lamb and Capt. Ida Roe arrived. Mr. and Mrs. Park did not.",
    "He works for the U.S. government. The U.S. Army said so. The U.N. agreed. U.K. officials did "
    "not.",
    "It happened in the U.S. But nobody noticed. Talks with the E.U. Commission went on.",
    # initials
    "J.R.R. Tolkien wrote it. John B. Alexander read it. A. Smith and B. Jones agreed. "
    "I. Then left.",
    "The author, J. K. Rowling, spoke. K. said no. The letter was signed by A.B. Then it was sent.",
    # quotes
    '"We will rebuild," said one official. "It is over." He left.',
    "\u201cThe vote is over.\u201d He left the chamber. \u2018We won!\u2019 she shouted.",
    '"Is it safe?" asked the mayor. Nobody answered. "No!" "Yes?" Maybe.',
    "He said: 'It is done.' Then he left. She said \"fine.\" Later she called.",
    '(See the chart.) The rise is clear. [Edited.] "Really?!" he asked. Why?? Because!!! Fine.',
    # ellipses
    "Wait... What happened? He paused \u2026 Then he spoke. It was.. odd. Well . . . no.",
    "And so\u2026 The end. More... and more... Then. . . Nothing.",
    # decimals, numbers, ordinals
    "Growth was 3.5 per cent in 2019. It rose to 4.2%. The 2nd round starts at 10:30 a.m. Friday.",
    "Prices rose 1. Then 2. They fell on the 3. of May. Item no. 5 was sold for $1.7 million.",
    "The score was 2-1. Version 3.0. Released. Call 555.1234. Now.",
    # numbered lists and bullets
    "Steps:\n1. Open the box.\n2. Read the manual. Then start.\n3) Call us.",
    "Flood warning\n\u2022 Rivers are rising\n\u2022 Stay indoors. Help is on the way.\n"
    "- Call 911.",
    "* First point. Second sentence.\n* Another point\n\u25aa Last one.",
    # datelines, headings, wrapped lines
    "WASHINGTON (AP) \u2014 The Senate voted. It passed 51-49.\n\nStorm warning\n"
    "Winds hit 120 km/h.",
    "LONDON, England -- The match ended. Fans cheered.--Reporters left.",
    "This is a hard-wrapped paragraph whose lines are all of a similar\n"
    "length and which keeps going on the next line without any full\n"
    "stop until here. Then a new sentence starts and goes on for a bit.\n",
    # unicode and odd whitespace
    "Caf\u00e9 owners\u2019 union met. \u00c9lise spoke. \u00abNon.\u00bb Elle partit. "
    "Stra\u00dfe.",
    # titles and initials next to letters that match ASCII ones case-insensitively
    "Met \u017fen. Ruiz. Gen\u017f. Hale. MR\u017f. Park. Then \u212aapt. Bo. Done. "
    "\u00c9. Tolkien. J.R.R.R.R. Tolkien. \u2014Dr. Lee. (Sen. Ruiz) -Gov. Ono. x-Rep. Al.",
    "Tab\there. New\tline.\x0bVertical tab. Form\x0cfeed. No-break\u00a0space. End.",
    "\u0130stanbul. \u0130zmir. \u212aelvin. \u017fome text. \u00bfQu\u00e9? S\u00ed.",
    "\n Leading newline. Then more.",
    "A .B . C ! D ? E. . . F.) G.] H.} I.\u00bb J.",
    "x. . .y end.) (a.) b. c.' 'd.' E.",
    'end.)Next. Word.)Other thing. Yes."No." Maybe.',
    "Mr.Smith went.Home now. e.g.this. U.S.-based firms. Non-U.S. ones. Ph.D. students.",
    "Hello.\u201cQuote.\u201d Next.",
    "...",
    ". . .",
    "?!",
    "a.\nb.\n\nc.",
    # sentences of 16 characters or more that end in a lower-case letter and a full
    # stop (the continuation check's shortcut), a title or not, after a space, a
    # bracket, a dash, a letter or a non-ASCII character; and shorter ones
    "Crowds cheered for Gov. Ann Hale. She waved at the Sen. Ruiz smiled. Then he spoke at "
    "length with the mrs. Park nodded. We saw then-Sen. Lee. And (with the) Rep. Ono left. "
    "He said it was a long time. Stars like Brad Pitt as the mr. Then a nod. It rained on "
    "the messrs. Jones and Co. a lot. It was the very last xGov. Bo came. It was caf\u00e9 "
    "Sen. Al spoke. It is so Dr. Who. A longer text about Dr. Ray. Wait long enough Gov. "
    "Done now \u2014gov. Ann. Pre-title x\u2014sen. Ann came. Tiny Sen. Bo. Mr. Al. Dr. X.",
]


@pytest.mark.parametrize("text", FIXTURES)
def test_sentence_spans_match_the_reference(text: str) -> None:
    assert sentence_spans(text) == reference_sentence_spans(text)


@pytest.mark.parametrize("text", FIXTURES)
def test_fast_punkt_matches_nltk(text: str) -> None:
    assert load_fast_tokenizer().span_tokenize(text) == list(load_tokenizer().span_tokenize(text))


@pytest.mark.parametrize("text", FIXTURES)
def test_word_tokens_match_the_reference(text: str) -> None:
    assert word_tokens(text) == reference_word_tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and U.K. (u.s.a.) pledged $1,000,000.50, 2,5 and 1,2345 on 10:30 at 3.5%.",
        "\u201cDon\u2019t,\u201d said O'Brien's aide_2 -- 65-billion... x.y. e.g. a.b.c.d.",
        "\u00b23 \u0663\u0664 caf\u00e9s \u00c9LAN \u0130stanbul \u00bd \u2167 "
        "\u00a310.9bn \u20ac5m",
        "'quoted' \"double\" [1] {2} <3> (4) #5 @six ~7 `8` *9* /10/ \\11 |12| +13= ^14 &15",
        "..a ,b :c 'd a. b, c: d' a.b, a.b.. a..b 1.2.3 1,2,3 1:2:3 x'y'z x''y",
        # apostrophe and hyphen compounds, which string methods split without the regex
        "Obama's O'Brien rock'n'roll 'tis' don''t 1990's ²'s ٣'4 a1's x' 's' "
        "well-known 65-billion covid-19 3-d -x- x--y co-star's 10th-century ٣-٤ a-'b",
        "",
    ],
)
def test_word_tokens_match_the_reference_on_punctuation(text: str) -> None:
    assert word_tokens(text) == reference_word_tokens(text)


def test_edge_characters_are_never_part_of_a_token() -> None:
    assert not any(ch.isalnum() for ch in _EDGE)


def test_marks_are_candidates_followed_by_punctuation() -> None:
    text = 'He said "no." Then (yes.) Why?" Fine. End'
    marks: list[int] = []
    load_fast_tokenizer().span_tokenize(text, marks)
    assert [text[m : m + 2] for m in marks] == ['."', ".)", '?"']


def test_small_parameters_match_nltk() -> None:
    """Collocations, sentence starters and orthographic contexts, on parameters made here."""
    params = PunktParameters()
    params.abbrev_types = {"dr", "inc", "st"}
    params.collocations = {("st", "louis"), ("##number##", "may")}
    params.sent_starters = {"however", "the"}
    params.ortho_context.update({"the": 2 | 16, "however": 2, "louis": 4, "may": 32, "bach": 2})
    nltk_tok = PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars(), token_cls=NewsToken)
    fast = FastPunkt(params, NewsLanguageVars())
    for text in [
        "He went to St. Louis. Dr. However came. Acme Inc. The firm grew.",
        "It was May 5. May came. On the 5. may it rain? J. Bach played. J. the end.",
        "Dr. the plan. Inc. however. 4. Louis won. St. Bach. X. Y. Z.",
        *FIXTURES,
    ]:
        assert fast.span_tokenize(text) == list(nltk_tok.span_tokenize(text)), text


def test_a_collocation_after_a_plain_word_matches_nltk() -> None:
    """A word that is no abbreviation breaks unless a collocation starts with it."""
    params = PunktParameters()
    params.collocations = {("went", "home"), ("went", "##number##")}
    nltk_tok = PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars(), token_cls=NewsToken)
    fast = FastPunkt(params, NewsLanguageVars())
    for text in [
        "They went. Home was far. They went. Away they ran.",
        'They went. "Home" was far. They went. (Home) was far. They ran. "Home" it was.',
        "They went. 42 came. They went. 4.2 came. They sat. 42 came.",
        "They went.\n\nHome was far.",
    ]:
        assert fast.span_tokenize(text) == list(nltk_tok.span_tokenize(text)), text


def test_other_sentence_end_characters_are_refused() -> None:
    class Vars(NewsLanguageVars):  # type: ignore[misc]
        sent_end_chars = (".", "?", "!", ";")

    with pytest.raises(ValueError, match="sentence-end"):
        FastPunkt(PunktParameters(), Vars())


_PIECES = st.sampled_from(
    [
        "Dr.",
        "Sen.",
        "dr.",
        "U.S.",
        "U.S",
        "e.g.",
        "said",
        "The",
        "the",
        "He",
        "However",
        "1.7",
        "3.",
        "2nd.",
        "J.",
        "j.",
        "A.B.",
        "\u2026",
        "...",
        "..",
        ". .",
        ".",
        "!",
        "?",
        "!!",
        "?!",
        ",",
        ";",
        ":",
        "-",
        "--",
        '"',
        "'",
        "\u201c",
        "\u201d",
        "\u2019",
        "\u2018",
        "\u00ab",
        "\u00bb",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "*",
        "@",
        "#",
        "&",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "\u2022 ",
        "- ",
        "1. ",
        "Jan.",
        "Inc.",
        "ISLAMABAD:",
        "  ",
        "word",
        "Word",
        "WORD",
        "x",
        "iPhone",
        "\u00c9lise",
        "\u0130",
        "_",
        "",
    ]
)
_JOINERS = st.sampled_from(["", " ", " ", "\n", "  "])
_CHARS = st.characters(blacklist_categories=("Cc", "Cs"))
_TEXTS = (
    st.lists(st.tuples(_PIECES, _JOINERS), max_size=60).map(lambda ps: "".join(map("".join, ps)))
    | st.text(st.sampled_from(list("aA1 .?!\"'()\n\u2026\u201d-,;:")), max_size=120)
    | st.text(_CHARS, max_size=200)
)


_TAILS = st.text(st.sampled_from(list("aAdDrRsSnN.\n (-\u2014\u017f\u212aJ")), max_size=16)


@settings(max_examples=500, deadline=None)
@given(_TAILS)
def test_property_title_and_initial_checks_equal_their_regexes(before: str) -> None:
    assert _ends_with_title(before) == (_ENDS_WITH_TITLE.search(before) is not None)
    assert _ends_with_initials(before) == (_ENDS_WITH_INITIALS.search(before) is not None)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_property_sentence_spans_equal_reference(text: str) -> None:
    assert sentence_spans(text) == reference_sentence_spans(text)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_property_fast_punkt_equals_nltk(text: str) -> None:
    assert load_fast_tokenizer().span_tokenize(text) == list(load_tokenizer().span_tokenize(text))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_property_word_tokens_equal_reference(text: str) -> None:
    assert word_tokens(text) == reference_word_tokens(text)
