"""``newskit digest``: a file, or a JSONL stream with resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newskit._cli import main
from tests.conftest import SEED


def test_digest_seed_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.count("summary:") == 6
    assert out.count("topics:") == 6


def test_digest_seed_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(SEED), "--format", "json", "--sentences", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 6
    assert all(len(d["summary"]["sentences"]) == 1 for d in data)


def _write_jsonl(path: Path, n: int) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": f"Story {i}.\n\nIt rained."}) for i in range(n)]
    lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, 5)
    assert main(["digest", "--jsonl", str(src), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["r0", "r1", "3", "r2", "r3", "r4"]
    assert [r["ok"] for r in records] == [True, True, False, True, True, True]
    assert "processed 6 records, 1 failed, 0 skipped" in capsys.readouterr().err


def test_resume_skips_done_and_cuts_partial_line(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, 5)
    assert main(["digest", "--jsonl", str(src), "-o", str(out)]) == 0
    full = out.read_text(encoding="utf-8").splitlines()
    # Simulate a run killed after two records, mid-way through writing the third.
    out.write_text("\n".join(full[:2]) + "\n" + full[2][:10], encoding="utf-8")
    assert main(["digest", "--jsonl", str(src), "-o", str(out), "--resume"]) == 0
    again = out.read_text(encoding="utf-8").splitlines()
    assert sorted(again) == sorted(full)
    assert len(again) == len(full)


def test_file_and_jsonl_together_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(SEED), "--jsonl", "-"]) == 1
    assert "not both" in capsys.readouterr().err


def test_resume_to_stdout_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, 1)
    assert main(["digest", "--jsonl", str(src), "--resume"]) == 1
    assert "--resume needs -o" in capsys.readouterr().err
