"""The import direction of the layers: the runtime never reaches the build-time wing.

Read from the source text (every ``import`` and ``from`` statement, at any
depth, and every module name given to ``importlib``), so a lazy import inside
a function counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newskit"

#: The one runtime module allowed to name the wing: the CLI lists ``train``.
GATE = PACKAGE / "_cli" / "__init__.py"


def _runtime_modules() -> list[Path]:
    return sorted(
        p
        for p in PACKAGE.rglob("*.py")
        if "training" not in p.relative_to(PACKAGE).parts and p != GATE
    )


def _named_modules(path: Path) -> set[str]:
    """Every module an import statement or a string literal of ``path`` names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith("newskit.")
        ):
            names.add(node.value)
    return names


def test_there_are_runtime_modules_to_check() -> None:
    assert len(_runtime_modules()) > 40


@pytest.mark.parametrize("path", _runtime_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_runtime_never_imports_the_training_wing(path: Path) -> None:
    bad = sorted(n for n in _named_modules(path) if n.startswith("newskit.training"))
    assert not bad, f"{path.relative_to(PACKAGE)} reaches the build-time wing: {bad}"


def test_the_gate_names_only_the_training_cli() -> None:
    named = {n for n in _named_modules(GATE) if n.startswith("newskit.training")}
    assert named == {"newskit.training._cli"}


def test_the_check_sees_a_lazy_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from newskit.training.topics import _train\n")
    assert "newskit.training.topics._train" in _named_modules(module)
