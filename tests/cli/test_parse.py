"""``newskit parse`` and the CLI's shared behaviour."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newskit
from newskit._cli import main
from tests.conftest import SEED


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"newskit {newskit.__version__}"


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("parse", "digest"):
        assert command in out


def test_parse_seed_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 6
    assert [a["dateline"] for a in data][:3] == ["ISLAMABAD", "ISLAMABAD", "PESHAWAR"]
    assert newskit.Article.from_dict(data[0]).title.startswith("Beijing pushes")


def test_parse_seed_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n# ") + out.startswith("# ") == 6
    assert "## GRAVE SECURITY BREACH" in out
    assert "Short Url" not in out


def test_parse_now_resolves_relative_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--now", "2024-11-14T12:00:00+00:00"]) == 0
    second = json.loads(capsys.readouterr().out)[1]
    assert second["updated_text"] == "12 sec ago"
    assert second["updated"].startswith("2024-11-14T11:59:48")


def test_parse_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Port closes early\n\nFirst paragraph here.\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["parse", "-"]) == 0
    (article,) = json.loads(capsys.readouterr().out)
    assert article["body"] == ["First paragraph here."]


def test_empty_file_gives_no_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    assert main(["parse", str(empty)]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("bad", ["does-not-exist.txt", "."])
def test_bad_path_is_one_clear_line(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", bad]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newskit: error:")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_bad_now_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--now", "yesterday-ish"]) == 1
    assert "--now must be an ISO 8601 datetime" in capsys.readouterr().err


def test_console_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newskit", "parse", str(SEED), "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "PESHAWAR" in result.stdout


def test_parse_html_file(capsys: pytest.CaptureFixture[str]) -> None:
    page = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "news_full.html"
    assert main(["parse", str(page)]) == 0
    (article,) = json.loads(capsys.readouterr().out)
    assert article["title"]
    assert article["body"]
    assert "<p>" not in " ".join(article["body"])


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    # `newskit parse seed | head -0`: the reader closes the pipe before any output.
    with subprocess.Popen(
        [sys.executable, "-m", "newskit", "parse", str(SEED), "--format", "text"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        stderr = proc.stderr.read().decode()
        proc.wait(timeout=60)
    assert "Broken pipe" not in stderr and "Traceback" not in stderr
