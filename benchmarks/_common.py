"""What every benchmark script shares: the data folder, JSONL, timing, tables and charts.

A script in ``benchmarks/`` imports it as ``from _common import ...`` (Python
puts a script's own folder first on ``sys.path``).

* :func:`default_data_dir` and :func:`add_data_dir`: the public data sets are
  read in place from ``$NEWSKIT_SHARED/data``, else ``../shared/data`` beside
  the checkout; ``--data-dir`` overrides both. Nothing is copied into the repo.
* :func:`read_jsonl`: the records of a JSON Lines file, lazily.
* :func:`best_cpu` and :class:`Timer`: CPU time (``time.process_time``), which
  other jobs on a shared machine inflate less than wall time, and wall time.
* :func:`table_header`, :func:`table_row` and :func:`markdown_table`: the
  Markdown tables the scripts print, row by row as they are measured.
* :func:`pyplot` and :func:`save_chart`: a chart is written to
  ``docs/_static/charts/NAME.png``, committed, and shown by the docs page that
  discusses its figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

__all__ = [
    "CHARTS",
    "REPO",
    "Timer",
    "add_data_dir",
    "best_cpu",
    "command",
    "default_data_dir",
    "markdown_table",
    "pyplot",
    "read_jsonl",
    "save_chart",
    "table_header",
    "table_row",
]

#: The checkout holding ``benchmarks/``.
REPO = Path(__file__).resolve().parents[1]

#: Where charts go: committed, and shown by the docs (``.. image:: /_static/charts/NAME.png``).
CHARTS = REPO / "docs" / "_static" / "charts"


def default_data_dir() -> Path:
    """``$NEWSKIT_SHARED/data`` if the variable is set, else ``<checkout>/../shared/data``."""
    shared = os.environ.get("NEWSKIT_SHARED")
    return (Path(shared) if shared else REPO.parent / "shared") / "data"


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """Add ``--data-dir`` (default :func:`default_data_dir`) to ``parser``."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default_data_dir(),
        help="folder of the public data sets (default: $NEWSKIT_SHARED/data or ../shared/data)",
    )


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSON Lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def best_cpu(fn: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time (seconds) of ``repeat`` calls of ``fn``."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


class Timer:
    """CPU and wall seconds of a ``with`` block.

    >>> with Timer() as t:
    ...     _ = sum(range(1000))
    >>> t.cpu >= 0 and t.wall >= 0
    True
    """

    cpu: float = 0.0
    wall: float = 0.0

    def __enter__(self) -> Timer:
        self._cpu, self._wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.cpu = time.process_time() - self._cpu
        self.wall = time.perf_counter() - self._wall


def table_header(header: Sequence[str], align: str = "") -> str:
    """The first two lines of a Markdown table; ``align`` has one letter per column,
    ``l`` or ``r`` (default ``l``).

    >>> print(table_header(["method", "ms"], "lr"))
    | method | ms |
    |---|---:|
    """
    rule = "|".join("---:" if align[i : i + 1] == "r" else "---" for i in range(len(header)))
    return f"{table_row(header)}\n|{rule}|"


def table_row(cells: Sequence[object]) -> str:
    """One row of a Markdown table (print rows as they are measured, header first).

    >>> table_row(["lead", "0.10"])
    '| lead | 0.10 |'
    """
    return "| " + " | ".join(str(c) for c in cells) + " |"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[object]], align: str = "") -> str:
    """A whole Markdown table: :func:`table_header`, then one :func:`table_row` per row.

    >>> print(markdown_table(["method", "ms"], [["lead", "0.10"]], "lr"))
    | method | ms |
    |---|---:|
    | lead | 0.10 |
    """
    return "\n".join([table_header(header, align), *(table_row(r) for r in rows)])


def command() -> str:
    """The command line of this run, as the README quotes it (``python benchmarks/...``)."""
    script = Path(sys.argv[0]).resolve()
    try:
        shown = script.relative_to(REPO).as_posix()
    except ValueError:
        shown = script.name
    return " ".join(["python", shown, *sys.argv[1:]])


def pyplot() -> ModuleType:
    """``matplotlib.pyplot`` on the Agg backend (no display), in one plain house style."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "figure.dpi": 100,
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
        }
    )
    return plt


def save_chart(fig: Any, name: str, *, folder: Path = CHARTS) -> Path:
    """Write ``fig`` to ``folder/NAME.png`` (default ``docs/_static/charts``) and say so.

    The PNG carries no software version or date, so rerunning a benchmark
    changes the file only when the figures change.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    if fig.get_layout_engine() is None:
        fig.tight_layout()
    fig.savefig(path, dpi=110, bbox_inches="tight", metadata={"Software": None})
    try:
        shown = path.relative_to(REPO).as_posix()
    except ValueError:
        shown = str(path)
    print(f"chart: {shown}", flush=True)
    return path
