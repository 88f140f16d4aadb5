"""What every ``newskit`` command shares: exit codes, options, reading a named file."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from typing import Any

from newskit._defaults import METHOD, N_SENTENCES
from newskit._errors import InputValueError
from newskit._input import _URL
from newskit._methods import METHODS

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_CODES",
    "EXIT_ERROR",
    "EXIT_FAILED_RECORDS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "add_command",
    "add_summary_options",
    "check_readable",
    "read_input",
    "say",
    "summary_request",
]

EXIT_OK = 0
#: The command could not do its job (a missing file, a bad option value, a broken model).
EXIT_ERROR = 1
#: The command line itself is wrong (argparse).
EXIT_USAGE = 2
#: ``digest --jsonl`` finished, but at least one record failed (see its ``error``).
EXIT_FAILED_RECORDS = 3
EXIT_INTERRUPTED = 130  # SIGINT, Ctrl-C: 128 + 2
EXIT_BROKEN_PIPE = 141  # the reader of standard output went away: 128 + 13
EXIT_TERMINATED = 143  # SIGTERM: 128 + 15

#: The exit codes as ``--help`` lists them.
EXIT_CODES = (
    "exit status: 0 done; 1 error (nothing or only part done, see the message); "
    "2 usage error; 3 digest --jsonl finished but some records failed; "
    "130 interrupted (Ctrl-C); 141 output pipe closed; 143 terminated (SIGTERM)"
)


def add_command(
    sub: Any, name: str, *, help: str, description: str, examples: list[str]
) -> argparse.ArgumentParser:
    """Add subcommand ``name`` with examples in its ``--help`` and ``-q``/``-v``."""
    epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples) + "\n\n" + EXIT_CODES
    p: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    noise = p.add_mutually_exclusive_group()
    noise.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing on standard error but errors"
    )
    noise.add_argument(
        "-v", "--verbose", action="store_true", help="say more on standard error (each failure)"
    )
    return p


def say(args: argparse.Namespace, message: str) -> None:
    """Print ``newskit: message`` on standard error with ``-v``."""
    if getattr(args, "verbose", False):
        print(f"newskit: {message}", file=sys.stderr)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number in (0, 1], not {value!r}") from None
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number in (0, 1], not {value!r}")
    return number


def add_summary_options(p: argparse.ArgumentParser) -> None:
    """``--method`` and one of ``--sentences``/``--ratio``/``--words``."""
    p.add_argument(
        "--method", "-m", choices=METHODS, default=METHOD, help=f"algorithm (default {METHOD})"
    )
    length = p.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences",
        "-n",
        type=_positive_int,
        help=f"summary length in sentences (default {N_SENTENCES})",
    )
    length.add_argument("--ratio", "-r", type=_ratio, help="fraction of the sentences, (0, 1]")
    length.add_argument("--words", "-w", type=_positive_int, help="word budget")


def summary_request(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of the summary the options ask for."""
    return {
        "method": args.method,
        "n_sentences": args.sentences,
        "ratio": args.ratio,
        "max_words": args.words,
    }


_REASONS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "no such file (a part of the path is not a directory)",
    errno.EISDIR: "it is a directory, not a file",
    errno.ELOOP: "a loop of symbolic links",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def _error(path: str, exc: OSError) -> InputValueError:
    if exc.errno == errno.ENOENT and _URL.fullmatch(path):
        return InputValueError(
            f"cannot read {path}: it is a URL, and newskit never downloads. Fetch the page "
            "(e.g. curl -o page.html URL) and pass the file"
        )
    reason = _REASONS.get(exc.errno or 0, (exc.strerror or str(exc)).lower())
    return InputValueError(f"cannot read {path}: {reason}")


def check_readable(path: str) -> None:
    """Raise the one message every command gives for a file it cannot read (``-``: fine)."""
    if path == "-":
        return
    if os.path.isdir(path):
        raise _error(path, IsADirectoryError(errno.EISDIR, "is a directory"))
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise _error(path, exc) from None


def read_input(path: str) -> bytes:
    """The bytes of ``path`` (``-``: standard input), with :func:`check_readable`'s messages."""
    if path == "-":
        return sys.stdin.buffer.read()
    check_readable(path)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise _error(path, exc) from None
