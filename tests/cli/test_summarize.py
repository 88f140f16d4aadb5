"""``newskit summarize FILE|-``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newskit._cli import main
from tests.conftest import SEED
from tests.summarizers._texts import ARTICLE


def test_seed_dump_summarizes_each_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(SEED), "--format", "json", "-n", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 6
    assert data[0]["title"].startswith("Beijing pushes")
    for item in data:
        assert item["method"] == "default" and len(item["sentences"]) == 2
        assert [s["index"] for s in item["sentences"]] == sorted(
            s["index"] for s in item["sentences"]
        )


def test_plain_text_from_stdin_in_text_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["summarize", "-", "--method", "lead", "--sentences", "2"]) == 0
    out = capsys.readouterr().out.rstrip().splitlines()
    assert out[-2].startswith("  * The city council approved")
    assert out[-1].startswith("  * The bridge will cost")


@pytest.mark.parametrize(
    ("flag", "value"), [("--ratio", "0.5"), ("--words", "30"), ("--sentences", "4")]
)
def test_lengths(tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert (
        main(["summarize", str(path), "--method", "textrank", flag, value, "--format", "json"]) == 0
    )
    (item,) = json.loads(capsys.readouterr().out)
    key = {"--ratio": "ratio", "--words": "max_words", "--sentences": "n_sentences"}[flag]
    assert item["parameters"][key] == (float(value) if flag == "--ratio" else int(value))


@pytest.mark.parametrize(
    "args",
    [
        ["-n", "0"],
        ["--ratio", "2"],
        ["--words", "x"],
        ["-n", "2", "--ratio", "0.5"],
        ["-m", "nope"],
    ],
)
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(path), *args])
    assert exc.value.code == 2


def test_empty_input_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["summarize", str(empty), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["summarize", str(tmp_path / "missing.txt")]) == 1
    assert "error" in capsys.readouterr().err


def test_cli_offers_every_method_of_the_library() -> None:
    from newskit._cli import build_parser
    from newskit.summarizers import METHODS, SUMMARIZERS

    parser = build_parser(["summarize"])
    sub = next(a for a in parser._actions if a.dest == "command")
    method = next(a for a in sub.choices["summarize"]._actions if a.dest == "method")
    assert tuple(method.choices) == METHODS == tuple(SUMMARIZERS)
