"""Hard-wrapped renders: lines a text browser broke at a fixed width are joined again.

``tests/fixtures/pagecopies/bridge_*.txt`` are one invented page written for these
tests, rendered by ``w3m -dump -cols 100``, ``lynx -dump`` (80 columns, link
numbers and reference list), ``lynx -dump -nolist`` and ``inscriptis``.
"""

from __future__ import annotations

import pytest

from newskit import parse_text
from newskit.parsing._unwrap import unwrap, wrap_width
from tests.conftest import FIXTURES, SEED

RENDERS = ["bridge_w3m100.txt", "bridge_lynx80.txt", "bridge_lynx80_nolist.txt"]
RENDERS += ["bridge_inscriptis.txt"]
FIRST = (
    "The old stone bridge over the river reopened to traffic on Friday morning, two years "
    "after a flood loosened three of its arches and forced the county to close it for "
    "repairs that cost far more than first planned."
)


def _read(name: str) -> str:
    return (FIXTURES / "pagecopies" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", RENDERS)
def test_each_render_gives_whole_paragraphs(name: str) -> None:
    (article,) = parse_text(_read(name))
    assert article.title == "River bridge reopens after two years of repairs"
    assert article.authors == ["Marta Keller"]
    assert article.published_text == "14 March 2025"
    assert FIRST in article.body
    # the subhead is a paragraph where it is not told by its indentation (w3m, inscriptis)
    prose = [p for p in article.body if not p.startswith(("*", "•")) and len(p.split()) > 4]
    assert len(prose) == 4
    for paragraph in prose:  # no paragraph starts or stops mid-sentence
        assert paragraph[0].isupper() and paragraph.endswith("."), paragraph
    items = [p for p in article.body if p.startswith(("*", "•"))]
    assert len(items) == 2 and all(p.endswith("next week.") or p.endswith("kerb.") for p in items)


@pytest.mark.parametrize(("name", "width"), [("bridge_w3m100.txt", range(90, 100))])
def test_the_wrap_width_is_found(name: str, width: range) -> None:
    assert wrap_width(_read(name).split("\n")) in width


@pytest.mark.parametrize("name", ["bridge_lynx80.txt", "bridge_lynx80_nolist.txt"])
def test_the_lynx_wrap_width_is_under_80(name: str) -> None:
    found = wrap_width(_read(name).split("\n"))
    assert found is not None and 60 <= found < 80


def test_unwrapped_text_is_left_alone() -> None:
    for text in (SEED.read_text(encoding="utf-8"), _read("bridge_inscriptis.txt")):
        lines = text.split("\n")
        assert wrap_width(lines) is None
        assert unwrap(lines) is lines


def test_a_line_whose_next_word_would_have_fitted_ends_its_paragraph() -> None:
    lines = ["   A line that ends early.", "   Next paragraph without a gap here."]
    assert unwrap(lines, width=40) == lines


def test_a_list_item_continues_under_its_text_not_under_its_marker() -> None:
    lines = ["     * Buses return to the old route on", "       Monday.", "     * Cyclists too."]
    assert unwrap(lines, width=40) == [
        "     * Buses return to the old route on Monday.",
        "     * Cyclists too.",
    ]


def test_a_differently_indented_line_is_not_a_continuation() -> None:
    lines = ["   The first paragraph runs to the edge", "What changes next", "   More."]
    assert unwrap(lines, width=40) == lines


def test_joining_keeps_every_word() -> None:
    text = _read("bridge_lynx80.txt")
    joined = unwrap(text.split("\n"))
    assert joined != text.split("\n")
    assert " ".join(joined).split() == text.split()
