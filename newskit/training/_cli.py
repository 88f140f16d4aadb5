"""``newskit train TARGET``: rebuild an artifact of ``newskit/models/``.

Each target is a module exposing ``HELP: str``, ``add_arguments(parser)`` and
``run(args) -> int``; adding one is a line in :data:`TARGETS`. Every target
takes ``--out DIR`` (required: a retrain never overwrites the installed
package by accident) and, when it reads data, ``--data-dir``.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Any

__all__ = ["TARGETS", "add_parser", "data_dir_option", "out_option"]

#: target name -> module implementing it (``HELP``, ``add_arguments``, ``run``)
TARGETS: dict[str, str] = {
    "punkt": "newskit.training._punkt",
    "stems": "newskit.training._stems",
    "stopwords": "newskit.training._stopwords",
    "summarizer": "newskit.training._summarizer",
    "topics": "newskit.training.topics._train",
}


def out_option(p: argparse.ArgumentParser, writes: str) -> None:
    """Add the required ``--out DIR`` option; ``writes`` names the files it receives."""
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help=f"where to write {writes} and the manifest entry "
        "(newskit/models in a checkout rebuilds the shipped artifact)",
    )


def data_dir_option(p: argparse.ArgumentParser) -> None:
    """Add ``--data-dir`` (default ``$NEWSKIT_SHARED/data`` or ``../shared/data``)."""
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="the public data sets (default: $NEWSKIT_SHARED/data, else ../shared/data "
        "beside the checkout)",
    )


def add_parser(sub: Any, *, targets: bool = True) -> None:
    """Add ``train``; with ``targets=False`` (another command runs) skip importing them."""
    p: argparse.ArgumentParser = sub.add_parser(
        "train",
        help="rebuild a shipped model or data artifact",
        description="Rebuild an artifact of newskit/models/ and record it in the manifest.",
    )
    p.set_defaults(run=_no_target)
    if not targets:
        return
    target_parsers = p.add_subparsers(dest="target", metavar="TARGET")
    target_parsers.required = True
    for name, module_name in TARGETS.items():
        module = importlib.import_module(module_name)
        tp = target_parsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(tp)
        tp.set_defaults(run=module.run)


def _no_target(args: argparse.Namespace) -> int:
    # Only reached if a target parser forgot set_defaults(run=...).
    raise SystemExit(f"newskit train: unknown target {args.target!r}")
