"""The ``newskit`` command line.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``; :data:`_COMMANDS` lists them in help order.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from newskit._errors import NewskitError
from newskit._version import __version__

__all__ = ["main"]

#: command name -> the module with its ``add_parser`` and ``run``, in help order. ``train``
#: belongs to the build-time wing: the only place the runtime names it.
_COMMANDS = {
    "parse": "newskit._cli.parse",
    "digest": "newskit._cli.digest",
    "summarize": "newskit._cli.summarize",
    "classify": "newskit._cli.classify",
    "train": "newskit.training._cli",
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Return the top-level argument parser with every subcommand attached.

    Given the ``argv`` about to be parsed, the ``train`` targets (whose modules
    import the training code) are only loaded when the command is ``train``.
    """
    command = None if argv is None else next((a for a in argv if not a.startswith("-")), "")
    parser = argparse.ArgumentParser(
        prog="newskit",
        description="Parse, classify and summarize English news, offline.",
    )
    parser.add_argument("--version", action="version", version=f"newskit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, module_name in _COMMANDS.items():
        module = importlib.import_module(module_name)
        if name == "train":
            module.add_parser(sub, targets=command in (None, "train"))
        else:
            module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code (0 ok, 1 failure, 2 usage)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (`newskit parse x | head`): stop quietly, as cat does.
        # Point stdout at devnull so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except (NewskitError, OSError) as exc:
        print(f"newskit: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newskit: interrupted", file=sys.stderr)
        return 130
    return code
