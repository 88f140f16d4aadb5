"""``newskit train``: never writes into the installed package by accident (issue #16, item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newskit
from newskit._cli import main

TARGETS = ("topics", "punkt", "stopwords", "summarizer")


@pytest.mark.parametrize("target", TARGETS)
def test_train_without_out_is_a_usage_error(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = Path(newskit.__file__).parent / "models"
    before = {p.name: p.stat().st_mtime_ns for p in package.iterdir()}
    with pytest.raises(SystemExit) as exc:
        main(["train", target, "--data-dir", str(tmp_path)])
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err
    assert {p.name: p.stat().st_mtime_ns for p in package.iterdir()} == before
