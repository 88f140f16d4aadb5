"""The text parser is a chain of stages, each a module with one job, each usable alone."""

from __future__ import annotations

import ast

from newskit.parsing._fields import read_article
from newskit.parsing._lines import Kind, classify
from newskit.parsing._pagecopy import select
from newskit.parsing._unwrap import unwrap
from tests.conftest import REPO

WRAPPED = (
    "   Harbour wall repaired\n\n   By Ana Ribeiro\n\n"
    "   The harbour wall was repaired on Friday after three weeks of\n"
    "   work by the port authority, which said the pier would open soon.\n"
)


def test_stage_lines_joins_and_classifies() -> None:
    raws = unwrap(WRAPPED.split("\n"), width=66)
    assert len([r for r in raws if r.strip()]) == 3
    # a text this short gives too little evidence to be taken for wrapped: the width is given
    kinds = [line.kind for line in classify("\n".join(raws)) if line.kind is not Kind.BLANK]
    assert kinds == [Kind.TEXT, Kind.BYLINE, Kind.TEXT]


def test_stage_fields_reads_one_article_from_lines() -> None:
    lines = classify("Harbour wall repaired\nBy Ana Ribeiro\n\nThe wall was repaired.")
    draft, end = read_article(lines, 0, 0, split=False)
    assert (draft.title, draft.authors, draft.body) == (
        "Harbour wall repaired",
        ["Ana Ribeiro"],
        ["The wall was repaired."],
    )
    assert end == len(lines)


def test_stage_boundaries_picks_the_article_block_of_a_page_copy() -> None:
    prose = "The wall was repaired on Friday after three weeks of work by the port. " * 3
    text = "Skip to content\n* Home\n* News\n\nHarbour wall repaired\n\n" + prose + "\n\n© 2025 X"
    selection = select(classify(text))
    (page,) = selection.pages
    assert page.title is not None and not selection.uncertain


def test_parse_text_only_chains_the_stages() -> None:
    # the orchestrator imports stages; no stage imports the orchestrator
    parsing = REPO / "newskit" / "parsing"
    for name in ("_fields", "_lines", "_unwrap", "_pages", "_pagecopy", "_split"):
        tree = ast.parse((parsing / f"{name}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert "newskit.parsing._text" not in imported, name
