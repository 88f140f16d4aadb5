"""``newskit digest``: a file, or a JSONL stream with keys, resume, retries and exit codes.

Issue #16, items 1-5 and 7 (item 6, worker clean-up, and the kill-and-resume runs are in
``test_fault_injection.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newskit.topics._api
from newskit import ModelError
from newskit._cli import main
from newskit._cli._common import EXIT_ERROR, EXIT_FAILED_RECORDS
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


def _story(i: object) -> str:
    return f"Story {i}\n\nHeavy rain fell on the city for the {i} day, officials said."


def _write(path: Path, lines: list[object]) -> None:
    """One line per item: a dict is written as JSON, a str as it is."""
    text = [x if isinstance(x, str) else json.dumps(x) for x in lines]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")


def _strict(raw: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(raw, parse_constant=refuse)


def _read(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n")
    return [_strict(line) for line in raw.splitlines()]


def _keys(records: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(json.dumps(r["id"]), r.get("occurrence", 1)) for r in records]


def _records(n: int) -> list[object]:
    return [{"id": f"r{i}", "text": _story(i)} for i in range(n)]


def _digest(src: Path, out: Path, *extra: str) -> int:
    return main(["digest", "--jsonl", str(src), "-o", str(out), "-q", *extra])


def test_jsonl_round_trip_and_failed_records_set_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = _records(5)
    lines.insert(2, "{not json")
    _write(src, lines)
    assert main(["digest", "--jsonl", str(src), "-o", str(out)]) == EXIT_FAILED_RECORDS
    records = _read(out)
    assert [r["id"] for r in records] == ["r0", "r1", None, "r2", "r3", "r4"]
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5, 6]
    assert [r["ok"] for r in records] == [True, True, False, True, True, True]
    assert "line 3 is not valid JSON" in records[2]["error"]
    assert "processed 6 records, 1 failed, 0 skipped" in capsys.readouterr().err


def test_a_run_without_failures_exits_0(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, _records(3))
    assert _digest(src, out) == 0
    assert all(r["ok"] for r in _read(out))


def test_ids_are_type_faithful_keys(tmp_path: Path) -> None:
    """123, "123", 1.0 and true are four records, each done once across resumes (item 1)."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids: list[object] = [123, "123", 1.0, True, "true", 1, None, None, 0, False, -0.5, "", "1.0"]
    _write(src, [{"id": i, "text": _story(n)} for n, i in enumerate(ids)])
    assert _digest(src, out) == 0
    full = _read(out)
    assert [r["id"] for r in full] == ids
    assert [type(r["id"]) for r in full] == [type(i) for i in ids]
    assert len(set(_keys(full))) == len(ids)
    # Killed twice, mid-way through a line each time, then resumed: each record exactly once.
    for cut in (4, 9):
        raw = out.read_bytes().splitlines(keepends=True)
        out.write_bytes(b"".join(raw[:cut]) + raw[cut][:7])
        assert _digest(src, out, "--resume") == 0
        again = _read(out)
        assert sorted(_keys(again)) == sorted(_keys(full))
        assert sorted(map(json.dumps, again)) == sorted(map(json.dumps, full))


def test_null_ids_are_null_and_stable(tmp_path: Path) -> None:
    """A missing or null id stays null; resume tells such records apart by order (item 1)."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, [{"text": _story(0)}, {"id": None, "text": _story(1)}, {"text": _story(2)}])
    assert _digest(src, out) == 0
    first = _read(out)
    assert [(r["id"], r.get("occurrence", 1)) for r in first] == [(None, 1), (None, 2), (None, 3)]
    assert all(a["article"]["id"] is None for r in first for a in r["articles"])
    raw = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(raw[0])
    assert _digest(src, out, "--resume") == 0
    assert _read(out) == first


@pytest.mark.parametrize(
    ("bad", "said"),
    [({}, "an object"), ([], "a list"), ({"a": [1]}, "an object"), ("NaN", "finite")],
)
def test_an_unusable_id_fails_its_record_not_the_run(
    tmp_path: Path, bad: object, said: str
) -> None:
    """An object or list id used to crash the run and write nothing (item 2)."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    bad_line = '{"id": NaN, "text": "x"}' if bad == "NaN" else {"id": bad, "text": _story(9)}
    _write(src, [*_records(2), bad_line, *_records(4)[2:]])
    assert _digest(src, out) == EXIT_FAILED_RECORDS
    records = _read(out)
    assert [r["ok"] for r in records] == [True, True, False, True, True]
    assert records[2]["id"] is None and records[2]["line"] == 3
    assert said in records[2]["error"]


def test_resume_retries_failed_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run in which every record failed (a broken model) is redone on resume (item 3)."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, _records(6))

    def broken(*args: object, **kwargs: object) -> None:
        raise ModelError("the model is broken")

    with monkeypatch.context() as patch:
        patch.setattr(newskit.topics._api, "topic_results", broken)
        assert _digest(src, out) == EXIT_FAILED_RECORDS
    assert [r["ok"] for r in _read(out)] == [False] * 6
    assert _digest(src, out, "--resume") == 0
    fixed = _read(out)
    assert [r["id"] for r in fixed] == [f"r{i}" for i in range(6)]
    assert all(r["ok"] for r in fixed)


def test_resume_keeps_done_records_and_retries_only_failed_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = _records(4)
    lines.insert(1, "{broken")
    _write(src, lines)
    assert _digest(src, out) == EXIT_FAILED_RECORDS
    done = [r for r in _read(out) if r["ok"]]
    capsys.readouterr()
    assert main(["digest", "--jsonl", str(src), "-o", str(out), "--resume"]) == 3
    err = capsys.readouterr().err
    assert "processed 1 records, 1 failed, 4 skipped (already done), 1 failed before" in err
    again = _read(out)
    assert [r for r in again if r["ok"]] == done  # untouched, in their order
    assert [r["line"] for r in again if not r["ok"]] == [2]  # retried, written once


def test_output_is_never_appended_to_without_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running twice used to double every record (item 5)."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, _records(3))
    assert _digest(src, out) == 0
    before = out.read_bytes()
    assert _digest(src, out) == EXIT_ERROR
    assert "already exists: pass --resume" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert _digest(src, out, "--overwrite") == 0
    assert out.read_bytes() == before
    assert _digest(src, out, "--resume") == 0  # nothing left to do
    assert out.read_bytes() == before


def test_an_empty_existing_output_is_a_fresh_start(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, _records(2))
    out.write_bytes(b"")
    assert _digest(src, out) == 0
    assert len(_read(out)) == 2


def test_duplicate_ids_are_each_done_once(tmp_path: Path) -> None:
    """A run cut between two records with the same id used to skip the second (item 7)."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(
        src,
        [
            {"id": "x", "text": _story("first")},
            {"id": "y", "text": _story("other")},
            {"id": "x", "text": _story("second")},
            {"id": "x", "text": _story("third")},
        ],
    )
    assert _digest(src, out) == 0
    full = _read(out)
    assert [(r["id"], r.get("occurrence", 1), r["line"]) for r in full] == [
        ("x", 1, 1),
        ("y", 1, 2),
        ("x", 2, 3),
        ("x", 3, 4),
    ]
    titles = [r["articles"][0]["article"]["title"] for r in full]
    assert titles == ["Story first", "Story other", "Story second", "Story third"]
    raw = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(raw[:2]))  # cut between the first and the second "x"
    assert _digest(src, out, "--resume") == 0
    assert _read(out) == full


def test_resume_cuts_a_partial_last_line(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, _records(5))
    assert _digest(src, out) == 0
    full = out.read_text(encoding="utf-8").splitlines()
    # A run killed after two records, mid-way through writing the third.
    out.write_text("\n".join(full[:2]) + "\n" + full[2][:10], encoding="utf-8")
    assert _digest(src, out, "--resume") == 0
    again = out.read_text(encoding="utf-8").splitlines()
    assert again == full


def test_resume_refuses_a_file_that_is_not_a_digest_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, _records(2))
    out.write_text("my notes\nmore notes\n", encoding="utf-8")
    assert _digest(src, out, "--resume") == EXIT_ERROR
    assert "line 1, is not a newskit digest record" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my notes\nmore notes\n"


def test_every_line_is_strict_json_even_for_odd_input(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        '{"id": "s", "text": "Lone \\ud800 surrogate in a story about the harbour, they said."}',
        '{"id": "big", "text": "x", "title": "\\u0000"}',
        '{"id": 1e400, "text": "infinite id"}',
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _digest(src, out)
    records = _read(out)
    assert [r["line"] for r in records] == [1, 2, 3]
    assert records[2]["ok"] is False


def test_file_and_jsonl_together_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(SEED), "--jsonl", "-"]) == 1
    assert "not both" in capsys.readouterr().err


def test_resume_to_stdout_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, _records(1))
    assert main(["digest", "--jsonl", str(src), "--resume"]) == 1
    assert "--resume needs -o" in capsys.readouterr().err


def test_output_may_not_be_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, _records(1))
    assert main(["digest", "--jsonl", str(src), "-o", str(src), "--overwrite"]) == 1
    assert "is the input file" in capsys.readouterr().err
