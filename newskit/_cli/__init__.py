"""The ``newskit`` command line.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``; :data:`_COMMANDS` lists them in help order. The exit
codes are in :mod:`newskit._cli._common` and ``docs/batch.rst``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from newskit._cli._common import (
    EXIT_BROKEN_PIPE,
    EXIT_CODES,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
)
from newskit._errors import NewskitError
from newskit._version import __version__

__all__ = ["Terminated", "main"]

#: command name -> the module with its ``add_parser`` and ``run``, in help order. ``train``
#: belongs to the build-time wing: the only place the runtime names it.
_COMMANDS = {
    "parse": "newskit._cli.parse",
    "digest": "newskit._cli.digest",
    "summarize": "newskit._cli.summarize",
    "classify": "newskit._cli.classify",
    "train": "newskit.training._cli",
}

EPILOG = f"""examples:
  newskit parse page.txt --format text          # the articles of a page dump
  newskit digest page.txt                       # their topics and summaries
  newskit classify page.txt --explain           # topics and the words behind them
  newskit summarize page.html --method textrank --ratio 0.2
  newskit digest --jsonl in.jsonl -o out.jsonl --jobs 2 --resume
  newskit COMMAND --help                        # a command's options and examples

{EXIT_CODES}"""


class Terminated(BaseException):
    """Raised in the main thread when the process receives SIGTERM."""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Return the top-level argument parser with every subcommand attached.

    Given the ``argv`` about to be parsed, the ``train`` targets (whose modules
    import the training code) are only loaded when the command is ``train``.
    """
    command = None if argv is None else next((a for a in argv if not a.startswith("-")), "")
    parser = argparse.ArgumentParser(
        prog="newskit",
        description="Parse, classify and summarize English news, offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated`, so ``finally`` blocks run (close the output,
    stop the workers) as they do for Ctrl-C. Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code (see :data:`EXIT_CODES`).

    With no arguments at all, print the help and return 0: asking for nothing
    is how one asks what there is.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    if not argv:
        parser.print_help()
        return EXIT_OK
    args = parser.parse_args(argv)
    try:
        with _terminate_cleanly():
            code: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (`newskit parse x | head`): stop quietly, as cat does.
        # Point stdout at devnull so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except (NewskitError, OSError) as exc:
        print(f"newskit: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newskit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("newskit: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    return code
