"""What every command shares (issue #16, items 16 and 17): help with examples, help on no
arguments, -q/-v, the summary options of digest, one missing-file message, and a text
digest that says how it read dates and ranks topics."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newskit._cli import main
from newskit._cli._common import EXIT_ERROR, EXIT_OK
from newskit.text import stop_words
from tests.conftest import SEED

COMMANDS = ["parse", "digest", "summarize", "classify"]


def test_no_arguments_prints_help_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("usage: newskit")
    assert "examples:" in out and "exit status:" in out


def test_python_dash_m_newskit_with_no_arguments_prints_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newskit"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith("usage: newskit") and "COMMAND" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_examples_and_exit_codes(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    examples = out.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(examples) >= 3
    assert all(line.strip().startswith(f"newskit {command}") or "|" in line for line in examples)
    assert "3 digest --jsonl finished but some records failed" in " ".join(out.split())
    assert "-q, --quiet" in out and "-v, --verbose" in out


@pytest.mark.parametrize(
    ("flags", "method", "count"),
    [
        (["--method", "lexrank", "-n", "1"], "lexrank", 1),
        (["-m", "lead", "--sentences", "2"], "lead", 2),
        (["--method", "textrank", "--words", "15"], "textrank", None),
        (["--ratio", "0.5"], "default", None),
    ],
)
def test_digest_takes_the_summary_options(
    flags: list[str], method: str, count: int | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["digest", str(SEED), "--format", "json", *flags]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["summary"]["method"] for d in data} == {method}
    if count is not None:
        assert {len(d["summary"]["sentences"]) for d in data} == {count}
    if "--words" in flags:
        assert {d["summary"]["parameters"]["max_words"] for d in data} == {15}
    if "--ratio" in flags:
        assert {d["summary"]["parameters"]["ratio"] for d in data} == {0.5}


def test_digest_jsonl_uses_the_summary_options(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = "Storm closes ports\n\nWinds closed three ports. Ferries stayed in. Shops shut."
    src.write_text(json.dumps({"id": 1, "text": text}) + "\n", encoding="utf-8")
    assert main(["digest", "--jsonl", str(src), "-o", str(out), "-m", "lead", "-n", "1"]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    summary = record["articles"][0]["summary"]
    assert summary["method"] == "lead" and len(summary["sentences"]) == 1


def test_quiet_and_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Rain fell."}\n{broken\n', encoding="utf-8")
    assert main(["digest", "--jsonl", str(src), "-o", str(tmp_path / "q.jsonl"), "-q"]) == 3
    assert capsys.readouterr().err == ""
    assert main(["digest", "--jsonl", str(src), "-o", str(tmp_path / "v.jsonl"), "-v"]) == 3
    err = capsys.readouterr().err
    assert "line 2 (id null) failed: InputValueError" in err
    assert "processed 2 records, 1 failed" in err
    assert main(["parse", str(SEED), "-v"]) == 0
    assert "6 articles" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(SEED), "-q", "-v"])
    assert exc.value.code == 2


def _error_of(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err.strip()


@pytest.mark.parametrize(
    "make",
    ["missing", "loop", "directory", "url"],
)
def test_one_message_for_a_file_that_cannot_be_read(
    make: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = str(tmp_path / "in.txt")
    if make == "loop":
        os.symlink(tmp_path / "b", tmp_path / "a")
        os.symlink(tmp_path / "a", tmp_path / "b")
        name = str(tmp_path / "a")
    elif make == "directory":
        name = str(tmp_path)
    elif make == "url":
        name = "https://example.com/news/1"
    expected = {
        "missing": f"newskit: error: cannot read {name}: no such file",
        "loop": f"newskit: error: cannot read {name}: a loop of symbolic links",
        "directory": f"newskit: error: cannot read {name}: it is a directory, not a file",
        "url": f"newskit: error: cannot read {name}: it is a URL, and newskit never downloads.",
    }[make]
    out = str(tmp_path / "out.jsonl")
    for args in (
        ["parse", name],
        ["digest", name],
        ["summarize", name],
        ["classify", name],
        ["digest", "--jsonl", name, "-o", out],
        ["classify", str(SEED), "--model", name, "--trust-model"],
    ):
        assert _error_of(args, capsys).startswith(expected), args
    assert not Path(out).exists()


# -- item 17: the text digest ------------------------------------------------------------


def _article_blocks(out: str) -> list[list[str]]:
    return [b.splitlines() for b in out.split("\n# ")]


def test_text_digest_shows_an_unresolved_relative_date_as_such(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["digest", str(SEED)]) == 0
    out = capsys.readouterr().out
    dates = [line for line in out.splitlines() if line.startswith("date: ")]
    relative = [d for d in dates if "ago" in d]
    assert relative, dates
    assert all(d.endswith("(unresolved: a relative date needs --now ISO)") for d in relative)
    assert "against --now" not in out


def test_text_digest_states_the_reference_time(capsys: pytest.CaptureFixture[str]) -> None:
    now = "2024-11-14T12:00:00+00:00"
    assert main(["digest", str(SEED), "--now", now]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"(relative dates resolved against --now {now})")
    relative = [line for line in out.splitlines() if line.startswith("date: ") and "ago" in line]
    assert relative and all(line.startswith("date: 2024-11-14T") for line in relative)


def test_text_digest_lists_topics_most_probable_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(SEED)]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x.startswith("topics: ")]
    several = 0
    for line in lines:
        if line == "topics: none":
            continue
        probabilities = [float(item.rsplit(" ", 1)[1]) for item in line[8:].split(", ")]
        assert probabilities == sorted(probabilities, reverse=True), line
        several += len(probabilities) > 1
    assert several, "no article of the seed has two topics: the order is not tested"


def test_classify_lists_topics_most_probable_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(SEED)]) == 0
    for line in capsys.readouterr().out.splitlines():
        if line.startswith("probabilities: "):
            values = [float(v) for v in line.split()[2::2]]
            assert values == sorted(values, reverse=True), line


def test_explain_lists_no_pseudo_terms_or_stop_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(SEED), "--format", "json", "--explain", "--top", "10"]) == 0
    stops = stop_words()
    terms = [
        term
        for article in json.loads(capsys.readouterr().out)
        for explanation in article["explain"]
        for term, _ in explanation["up"] + explanation["down"]
    ]
    assert terms
    assert not [t for t in terms if t.startswith("<")]
    assert not [t for t in terms if all(w in stops for w in t.split())]
