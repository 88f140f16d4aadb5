"""The layer diagram of docs/architecture.rst is the code as it is.

``docs/_static/architecture.py`` declares the boxes and their rows and reads
the imports from the source; these tests hold the code to the picture.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.conftest import REPO


def _diagram() -> ModuleType:
    path = REPO / "docs" / "_static" / "architecture.py"
    spec = importlib.util.spec_from_file_location("architecture", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_module_is_in_a_box() -> None:
    diagram = _diagram()
    units = {
        diagram.unit_of(".".join(p for p in path.relative_to(REPO).with_suffix("").parts))
        for path in (REPO / "newskit").rglob("*.py")
    }
    for unit in units - {"__init__"}:
        diagram.box_of(unit)  # raises for a module the diagram does not show


def test_no_import_goes_up_a_row() -> None:
    diagram = _diagram()
    edges = diagram.imports()
    assert len(edges) > 20
    up = sorted(
        (src, dst) for src, dst in edges if diagram.BOXES[src].row <= diagram.BOXES[dst].row
    )
    assert not up, f"imports that go up or sideways in docs/_static/architecture.py: {up}"


def test_only_the_command_line_reaches_the_build_time_wing() -> None:
    diagram = _diagram()
    into_wing = {src for src, dst in diagram.imports() if dst == diagram.WING}
    assert into_wing == {"cli"}


def test_the_picture_is_committed() -> None:
    assert (REPO / "docs" / "_static" / "architecture.png").stat().st_size > 10_000
