"""``classify`` and ``summarize`` read an HTML file the way ``parse`` and ``digest`` do."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newskit._cli import main

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGE = HTML / "news_full.html"
INDEX = HTML / "index_page.html"


def _parsed_title(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["parse", str(PAGE)]) == 0
    (article,) = json.loads(capsys.readouterr().out)
    return str(article["title"])


def test_summarize_reads_the_article_of_an_html_page(capsys: pytest.CaptureFixture[str]) -> None:
    title = _parsed_title(capsys)
    assert main(["summarize", str(PAGE), "--format", "json", "-n", "2"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["title"] == title
    text = " ".join(s["text"] for s in item["sentences"])
    assert len(item["sentences"]) == 2
    assert "<" not in text and "{" not in text  # sentences of the article, not markup


def test_classify_reads_the_article_of_an_html_page(capsys: pytest.CaptureFixture[str]) -> None:
    title = _parsed_title(capsys)
    assert main(["classify", str(PAGE), "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["title"] == title
    assert set(item["probabilities"]) == {"security", "climate", "diplomacy", "politics"}


def test_html_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    title = _parsed_title(capsys)
    for command in ("summarize", "classify"):
        stdin = io.TextIOWrapper(io.BytesIO(PAGE.read_bytes()))
        monkeypatch.setattr(sys, "stdin", stdin)
        assert main([command, "-", "--format", "json"]) == 0
        (item,) = json.loads(capsys.readouterr().out)
        assert item["title"] == title


def test_an_index_page_gives_no_article_to_classify(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(INDEX), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["parse", str(INDEX)]) == 0
    assert json.loads(capsys.readouterr().out) == []
