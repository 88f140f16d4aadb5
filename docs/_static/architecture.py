"""Draw newskit's layers and the imports between them: ``docs/_static/architecture.png``.

The boxes and their rows are declared below; the arrows are read from the
source (every ``import`` statement at any depth, including the lazy ones inside
functions and under ``TYPE_CHECKING``, and the command line's string that names
the build-time wing), so the picture is the code as it is.
``tests/test_architecture.py`` checks that every import goes from a row to a
lower one and that only the command line names the build-time wing.

    python docs/_static/architecture.py
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parents[1] / "newskit"
OUT = HERE / "architecture.png"


class Box(NamedTuple):
    row: int
    x: float
    title: str
    note: str
    units: tuple[str, ...]


#: The runtime, bottom row first, and the build-time wing. A unit is a module
#: or subpackage directly under ``newskit/`` ("newskit" is ``__init__.py``).
BOXES: dict[str, Box] = {
    "core": Box(
        0,
        2.9,
        "core modules",
        "Article, errors, input checks and decoding, type aliases, defaults,\n"
        "method names, English check, batch streaming, worker watchdog,\n"
        "verified model files, from_dict checks",
        (
            "_article",
            "_errors",
            "_input",
            "_types",
            "_defaults",
            "_methods",
            "_language",
            "_stream",
            "_artifacts",
            "_public",
            "_version",
            "_serial",
            "_watchdog",
        ),
    ),
    "parsing": Box(1, 0.6, "newskit.parsing", "page dumps and HTML\n-> Article", ("parsing",)),
    "text": Box(2, 5.9, "newskit.text", "sentences, tokens,\nstop words, stems", ("text",)),
    "reading": Box(2, 1.2, "newskit._reading", "any input\n-> articles", ("_reading",)),
    "articletext": Box(
        2,
        2.8,
        "newskit._articletext",
        "an article's title and\nparagraphs, English check",
        ("_articletext",),
    ),
    "topics": Box(3, 0.6, "newskit.topics", "classify, explain,\nTopicClassifier", ("topics",)),
    "summarizers": Box(
        3, 3.3, "newskit.summarizers", "summarize, Document,\nevery method", ("summarizers",)
    ),
    "evaluate": Box(
        3, 5.05, "newskit.evaluate", "ROUGE, data sets,\noracle, metrics", ("evaluate",)
    ),
    "digest": Box(4, 2.0, "newskit._digest", "digest, digest_many", ("_digest",)),
    "cli": Box(5, 1.0, "newskit._cli", "the newskit command", ("_cli", "__main__")),
    "api": Box(5, 3.4, "newskit", "top-level names,\nimported on first use", ("newskit",)),
    "training": Box(
        4,
        6.2,
        "newskit.training",
        "build-time wing: trainers,\nlabel mappings, samplers",
        ("training",),
    ),
}

WING = "training"
#: Boxes that reach into many rows below; their arrows would hide the rest.
ENTRY_POINTS = ("api", "cli")


def unit_of(module: str) -> str:
    """``newskit.topics._api`` -> ``topics``; ``newskit`` -> ``newskit``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def box_of(unit: str) -> str:
    for name, box in BOXES.items():
        if unit in box.units:
            return name
    raise KeyError(f"newskit/{unit} is in no box of docs/_static/architecture.py")


def _named_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "newskit":
            names.update(f"newskit.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith(f"newskit.{WING}")
        ):
            # a module loaded by name: only the command line does it, for the wing
            names.add(node.value)
    return {n for n in names if n == "newskit" or n.startswith("newskit.")}


def imports() -> set[tuple[str, str]]:
    """Every (importing box, imported box) pair of the source, boxes apart."""
    from newskit._public import EXPORTS

    edges = set()
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        module = ".".join(p for p in parts if p != "__init__")
        src = box_of(unit_of(module))
        for name in _named_modules(path):
            unit = unit_of(name)
            if name.count(".") == 1 and unit in EXPORTS:  # "from newskit import parse_text"
                unit = unit_of(EXPORTS[unit])
            dst = box_of(unit)
            if dst != src:
                edges.add((src, dst))
    return edges


def draw(path: Path = OUT) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    width, height, gap = 1.5, 0.62, 1.05
    fig, ax = plt.subplots(figsize=(10, 7))
    ax.set_xlim(-0.3, 7.1)
    ax.set_ylim(-0.6, 5 * gap + 0.95)
    ax.axis("off")

    def centre(name: str) -> tuple[float, float]:
        box = BOXES[name]
        return box.x, box.row * gap

    for name, box in BOXES.items():
        x, y = centre(name)
        w = 5.8 if name == "core" else width
        h = 0.8 if name == "core" else height
        wing = name == WING
        ax.add_patch(
            FancyBboxPatch(
                (x - w / 2, y - h / 2),
                w,
                h,
                boxstyle="round,pad=0.02,rounding_size=0.08",
                facecolor="#fdf1e3" if wing else "#e8eef7",
                edgecolor="#c77c2e" if wing else "#4c72b0",
                linestyle="--" if wing else "-",
                linewidth=1.3,
            )
        )
        ax.text(x, y + h / 2 - 0.18, box.title, ha="center", va="center", fontsize=9, weight="bold")
        ax.text(x, y - 0.1, box.note, ha="center", va="center", fontsize=7, color="#333333")

    for src, dst in sorted(imports()):
        if dst == "core" or (src in ENTRY_POINTS and dst != WING):
            continue  # drawn as words in the note instead
        (x0, y0), (x1, y1) = centre(src), centre(dst)
        lazy = src == "cli" and dst == WING
        ax.add_patch(
            FancyArrowPatch(
                (x0, y0 - height / 2 if y0 != y1 else y0),
                (x1, y1 + height / 2 if y0 != y1 else y1),
                arrowstyle="-|>",
                mutation_scale=10,
                color="#c77c2e" if WING in (src, dst) else "#555555",
                linestyle=":" if lazy else "-",
                linewidth=0.9,
                connectionstyle="arc3,rad=0.0",
                shrinkA=2,
                shrinkB=2,
            )
        )
    ax.text(
        -0.25,
        5 * gap + 0.9,
        "An arrow is an import; no import goes up a row. Every box imports the core.\n"
        "newskit and newskit._cli import from the rows below (arrows left out).\n"
        "The runtime never imports the build-time wing: only `newskit train` loads it.",
        fontsize=8,
        va="top",
        color="#333333",
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110, bbox_inches="tight", metadata={"Software": None})
    print(f"wrote {path.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    draw()
