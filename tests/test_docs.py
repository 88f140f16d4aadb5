"""The API reference covers every public name, and the docs build offline.

Each public namespace has a page, ``docs/api/<name>.rst``; every name of its
``__all__`` is documented once, under the name it shows (``newskit.X`` for a
name exported at the top level, see ``newskit/_public.py``), and is on its
namespace's page (documented there or listed in its table).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import zlib
from types import ModuleType

import pytest

from tests.conftest import REPO

API = REPO / "docs" / "api"

#: Public namespace -> its page in docs/api.
PAGES = {
    "newskit": "newskit.rst",
    "newskit.parsing": "parsing.rst",
    "newskit.text": "text.rst",
    "newskit.topics": "topics.rst",
    "newskit.summarizers": "summarizers.rst",
    "newskit.evaluate": "evaluate.rst",
}

# ".. autofunction:: newskit.parse", ".. py:data:: newskit.__version__"
_DIRECTIVE = re.compile(r"^\.\. (?:auto\w+|py:\w+):: (newskit[\w.]*)\s*$", re.MULTILINE)


def _documented() -> list[str]:
    return [m for page in sorted(API.glob("*.rst")) for m in _DIRECTIVE.findall(page.read_text())]


def _shown_name(namespace: ModuleType, name: str) -> str:
    """``newskit.summarize`` for ``summarize`` of newskit.summarizers; a constant keeps its
    namespace (``newskit.topics.TOPICS``)."""
    obj = getattr(namespace, name)
    if isinstance(obj, type) or callable(obj):
        return f"{obj.__module__}.{name}"
    return f"{namespace.__name__}.{name}"


def test_every_public_namespace_has_a_page() -> None:
    from newskit._public import SUBPACKAGES

    assert set(PAGES) == {"newskit"} | {f"newskit.{p}" for p in SUBPACKAGES}
    for page in PAGES.values():
        assert (API / page).is_file(), page


@pytest.mark.parametrize("namespace", sorted(PAGES))
def test_public_names_show_where_users_import_them(namespace: str) -> None:
    module = importlib.import_module(namespace)
    for name in module.__all__:
        obj = getattr(module, name)
        if isinstance(obj, type) or callable(obj):
            assert obj.__module__ in ("newskit", namespace), (name, obj.__module__)


@pytest.mark.parametrize("namespace", sorted(PAGES))
def test_every_name_of_all_is_documented_once_and_on_its_page(namespace: str) -> None:
    module = importlib.import_module(namespace)
    documented = _documented()
    page = (API / PAGES[namespace]).read_text(encoding="utf-8")
    for name in module.__all__:
        shown = _shown_name(module, name)
        assert documented.count(shown) == 1, f"document {shown} once in docs/api/*.rst"
        local = shown.removeprefix(f"{namespace}.")
        on_page = rf"(?<![\w.])(~?{re.escape(shown)}|{re.escape(local)})(?![\w.])"
        assert re.search(on_page, page), f"list {shown} on docs/api/{PAGES[namespace]}"


def test_every_documented_name_is_public() -> None:
    public = {
        _shown_name(importlib.import_module(ns), name)
        for ns in PAGES
        for name in importlib.import_module(ns).__all__
    }
    stale = sorted(set(_documented()) - public - set(PAGES))
    assert not stale, f"docs/api documents names no __all__ exports: {stale}"


def test_inventories_are_what_the_build_script_writes() -> None:
    """The shipped intersphinx inventories are the script's output, so a reader can
    see in ``docs/_inventories/build.py`` every external object the docs link to."""
    spec = importlib.util.spec_from_file_location(
        "build_inventories", REPO / "docs" / "_inventories" / "build.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for stem, (project, version, objects) in build.PROJECTS.items():
        shipped = (REPO / "docs" / "_inventories" / f"{stem}.inv").read_bytes()
        assert shipped == build.inventory(project, version, objects), stem
        body = zlib.decompress(shipped.split(b"zlib.\n", 1)[1]).decode()
        assert len(body.splitlines()) == len(objects)


def test_every_chart_is_shown_by_a_page() -> None:
    """Benchmark scripts write their charts to docs/_static/charts (see
    benchmarks/_common.py); each must be shown where its figures are discussed."""
    charts = sorted((REPO / "docs" / "_static" / "charts").glob("*.png"))
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "docs").rglob("*.rst"))
    unshown = [c.name for c in charts if f"_static/charts/{c.name}" not in pages]
    assert not unshown, f"show these charts on the docs page that discusses them: {unshown}"
