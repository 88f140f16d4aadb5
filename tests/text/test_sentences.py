"""Sentence splitting on news-style text written for these tests."""

from __future__ import annotations

import pytest

from newskit import InputTypeError
from newskit.text import sentence_spans, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quotes: a comma inside the quote is not a boundary, a full stop is
        (
            '"We will rebuild the bridge," said one official. Work starts soon.',
            ['"We will rebuild the bridge," said one official.', "Work starts soon."],
        ),
        (
            "“The vote is over.” He left the chamber.",
            ["“The vote is over.”", "He left the chamber."],
        ),
        (
            '"Is it safe?" asked the mayor. Nobody answered.',
            ['"Is it safe?" asked the mayor.', "Nobody answered."],
        ),
        (
            "‘We won!’ she shouted. The crowd cheered.",
            ["‘We won!’ she shouted.", "The crowd cheered."],
        ),
        # titles, ranks and abbreviations before names
        (
            "Sen. Maria Ortiz met Gen. Tom Hale and Lt. Col. Ray Diaz. They spoke briefly.",
            ["Sen. Maria Ortiz met Gen. Tom Hale and Lt. Col. Ray Diaz.", "They spoke briefly."],
        ),
        (
            "Mr. and Mrs. Park thanked Dr. Obi and Prof. Lind. The gala ended late.",
            ["Mr. and Mrs. Park thanked Dr. Obi and Prof. Lind.", "The gala ended late."],
        ),
        (
            "Adm. Kay Bell and Sgt. Joe Lamb spoke to Capt. Ida Roe. Rep. Al Fox did not.",
            ["Adm. Kay Bell and Sgt. Joe Lamb spoke to Capt. Ida Roe.", "Rep. Al Fox did not."],
        ),
        (
            "The U.S. and the U.N. disagreed. The E.U. abstained.",
            ["The U.S. and the U.N. disagreed.", "The E.U. abstained."],
        ),
        (
            "Shares of Acme Inc. rose after Widget Corp. said it would buy Acme Co. Ltd. "
            "Analysts were surprised.",
            [
                "Shares of Acme Inc. rose after Widget Corp. said it would buy Acme Co. Ltd.",
                "Analysts were surprised.",
            ],
        ),
        (
            "The law took effect on Jan. 1 and was amended on Nov. 30. Critics objected.",
            ["The law took effect on Jan. 1 and was amended on Nov. 30.", "Critics objected."],
        ),
        (
            "J. R. Tolland wrote the report. It ran to 40 pages.",
            ["J. R. Tolland wrote the report.", "It ran to 40 pages."],
        ),
        (
            "The talks moved to the U.S. The next round is in May.",
            ["The talks moved to the U.S.", "The next round is in May."],
        ),
        # decimals, money, times
        (
            "Growth slowed to 1.7 percent in the third quarter. Prices rose 0.3%.",
            ["Growth slowed to 1.7 percent in the third quarter.", "Prices rose 0.3%."],
        ),
        (
            "The meeting ended at 10 p.m. on Tuesday. No deal was reached.",
            ["The meeting ended at 10 p.m. on Tuesday.", "No deal was reached."],
        ),
        (
            "The pact was signed in 2004. GM, the larger partner, later objected.",
            ["The pact was signed in 2004.", "GM, the larger partner, later objected."],
        ),
        # ellipses
        (
            "He hesitated... Then he signed the order.",
            ["He hesitated...", "Then he signed the order."],
        ),
        (
            "The crowd waited… Then the doors opened. “We won…” He smiled.",
            ["The crowd waited…", "Then the doors opened.", "“We won…”", "He smiled."],
        ),
        (
            "We paid for it all.. The bill came later. It listed fees, taxes, etc.' He paid.",
            [
                "We paid for it all..",
                "The bill came later.",
                "It listed fees, taxes, etc.'",
                "He paid.",
            ],
        ),
        (
            "They thanked Gomez… Lee arrived later.",
            ["They thanked Gomez… Lee arrived later."],
        ),
        (
            "The plan is ... complicated, she said.",
            ["The plan is ... complicated, she said."],
        ),
        # datelines
        (
            "ISLAMABAD: Heavy rain flooded the capital on Monday. Schools closed.",
            ["ISLAMABAD: Heavy rain flooded the capital on Monday.", "Schools closed."],
        ),
        (
            "NAIROBI, Kenya (AP) — The court ruled on Friday. Lawyers appealed.",
            ["NAIROBI, Kenya (AP) — The court ruled on Friday.", "Lawyers appealed."],
        ),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_lines_without_full_stop_are_sentences() -> None:
    text = (
        "Floods close river roads\n"
        "By Kim Ward, Weather Desk\n"
        "\n"
        "Roads along the river were shut on Sunday. Crews worked overnight.\n"
        "\n"
        "What happens next\n"
        "Officials will review the damage."
    )
    assert split_sentences(text) == [
        "Floods close river roads",
        "By Kim Ward, Weather Desk",
        "Roads along the river were shut on Sunday.",
        "Crews worked overnight.",
        "What happens next",
        "Officials will review the damage.",
    ]


def test_bullets_are_items_without_markers() -> None:
    text = (
        "Key points:\n"
        "• Turnout fell to 61%\n"
        "- The ruling party lost 12 seats\n"
        "* A recount is due. Results follow on Friday.\n"
        "1. Polls closed at 8 p.m."
    )
    assert split_sentences(text) == [
        "Key points:",
        "Turnout fell to 61%",
        "The ruling party lost 12 seats",
        "A recount is due.",
        "Results follow on Friday.",
        "Polls closed at 8 p.m.",
    ]


def test_lowercase_continuation_line_is_joined() -> None:
    text = "The committee said the report would be published\nnext week. It declined to comment."
    assert split_sentences(text) == [
        "The committee said the report would be published next week.",
        "It declined to comment.",
    ]


def test_hard_wrapped_paragraph_is_rejoined() -> None:
    text = (
        "The council voted on Tuesday to expand the bus network into\n"
        "Northfield and the airport, a plan that supporters say will\n"
        "Cut commuting times. Opponents argued the cost was too high\n"
        "for a city facing a budget gap."
    )
    assert split_sentences(text) == [
        "The council voted on Tuesday to expand the bus network into Northfield and the "
        "airport, a plan that supporters say will Cut commuting times.",
        "Opponents argued the cost was too high for a city facing a budget gap.",
    ]


def test_spans_index_the_input() -> None:
    text = "  Intro line\n\n• First item here.  Second sentence!\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Intro line", "First item here.", "Second sentence!"]
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert spans == sorted(spans)


def test_every_non_space_character_outside_bullets_is_covered() -> None:
    text = "A first one. And a “quoted” second!\nThird line\n\nLast: done."
    covered = set()
    for s, e in sentence_spans(text):
        covered.update(range(s, e))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_blank_text_gives_no_sentences(text: str) -> None:
    assert split_sentences(text) == []
    assert sentence_spans(text) == []


def test_bytes_are_decoded() -> None:
    assert split_sentences("Caf\xe9 closes. It reopens.".encode("latin-1")) == [
        "Café closes.",
        "It reopens.",
    ]


@pytest.mark.parametrize("bad", [None, 3, ["a sentence."]])
def test_wrong_type_raises(bad: object) -> None:
    with pytest.raises(InputTypeError):
        split_sentences(bad)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        sentence_spans(bad)  # type: ignore[arg-type]


def test_long_document_is_fast() -> None:
    import time

    one = "Sentence number {} mentions Dr. Rao and the U.S. economy."
    text = " ".join(one.format(i) for i in range(2000))
    t0 = time.perf_counter()
    out = split_sentences(text)
    assert len(out) == 2000
    assert time.perf_counter() - t0 < 5
