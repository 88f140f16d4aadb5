"""``newskit train TARGET``: rebuild a shipped artifact from the public data.

Each target is a module exposing ``HELP: str``, ``add_arguments(parser)`` and
``run(args) -> int``. Adding a target is one line in :data:`TARGETS`; the
module is imported only when the ``train`` command runs, so a target's
heavy imports never slow down other commands.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

__all__ = ["TARGETS", "add_parser", "run"]

#: target name -> module implementing it (``HELP``, ``add_arguments``, ``run``)
TARGETS: dict[str, str] = {
    "punkt": "newskit.text._train_punkt",
    "stopwords": "newskit.text._build_stopwords",
    "summarizer": "newskit.summarizers._train",
    "topics": "newskit.topics._train_cli",
}


def add_parser(sub: Any, *, targets: bool = True) -> None:
    """Add ``train``; with ``targets=False`` (another command runs) skip importing them."""
    p: argparse.ArgumentParser = sub.add_parser(
        "train",
        help="rebuild a shipped model or data artifact",
        description="Rebuild a shipped artifact in newskit/models/ and record it in the manifest.",
    )
    p.set_defaults(run=run)
    if not targets:
        return
    target_parsers = p.add_subparsers(dest="target", metavar="TARGET")
    target_parsers.required = True
    for name, module_name in TARGETS.items():
        module = importlib.import_module(module_name)
        tp = target_parsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(tp)
        tp.set_defaults(run=module.run)


def run(args: argparse.Namespace) -> int:
    # Only reached if a target parser forgot set_defaults(run=...).
    raise SystemExit(f"newskit train: unknown target {args.target!r}")
