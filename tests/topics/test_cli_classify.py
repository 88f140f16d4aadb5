from __future__ import annotations

import json
from pathlib import Path

import pytest

from newskit._cli import main

ARTICLE = (
    "Army shells rebel positions\n\nThe army shelled rebel positions overnight and fighter "
    "jets carried out air strikes, the military said, as troops advanced on the insurgents' "
    "stronghold. Dozens of militants were killed.\n"
)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_output(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(article_file)]) == 0
    out = capsys.readouterr().out
    assert "topics: security" in out and "probabilities:" in out


def test_json_with_explain(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(article_file), "--format", "json", "--explain", "--top", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1 and data[0]["topics"] == ["security"]
    explained = {e["topic"]: e for e in data[0]["explain"]}
    assert explained["security"]["selected"] and 0 < len(explained["security"]["up"]) <= 3


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["classify", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["topics"] == ["security"]


def test_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["classify", str(empty)]) == 0
    assert "no articles" in capsys.readouterr().out


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(tmp_path / "missing.txt")]) == 1
    assert capsys.readouterr().err.startswith("newskit: error:")
    model = tmp_path / "model.joblib"
    model.write_bytes(b"junk")
    assert main(["classify", str(tmp_path), "--model", str(model)]) == 1


def test_seed_page_dump(seed_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(seed_text, encoding="utf-8")
    assert main(["classify", str(page), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 6
