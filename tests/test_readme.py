"""The README's 30-second example runs exactly as written (issue #16, item 19)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO


def _example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 30-second example", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README's 30-second example has no python block"
    return match.group(1)


def test_readme_example_runs_as_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)  # the example names the seed file relative to the checkout
    namespace: dict[str, object] = {"__name__": "__readme__"}
    exec(compile(_example(), "README.md", "exec"), namespace)
    printed = capsys.readouterr().out.splitlines()
    # One line per record the example defines, each processed without error.
    records = namespace["records"]
    assert isinstance(records, list)
    assert [line.split()[:2] for line in printed] == [[r["id"], "True"] for r in records]
