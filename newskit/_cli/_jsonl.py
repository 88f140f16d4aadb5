"""Streaming JSONL in and out for ``newskit digest --jsonl``: record keys, resume, whole lines.

The rules (stated for users in ``docs/batch.rst``):

* **Keys.** Each input record is known by its id *as JSON writes it* — so
  ``123``, ``"123"``, ``1.0`` and ``true`` are four different ids, and a
  missing id is ``null`` — and by its *occurrence*: the n-th record with that
  id in the input. Records with the same id, or with none, are therefore all
  processed, each exactly once, and resume tells them apart as long as the
  input keeps them in the same relative order. An id that is an object or a
  list, or a non-finite number, fails that record (never the run).
* **Output.** One line per input record: ``{"id", ["occurrence",] "line",
  "ok", "articles" | "error"}`` (``occurrence`` only from a second record with
  the same id on; ``line`` is the record's line number in the input). Every
  line is valid JSON (no ``NaN``), encoded as UTF-8, and written to the file
  with a single ``write()`` as soon as its record is done, so a killed process
  leaves at most one partial last line. The file is ``fsync``-ed every
  :data:`FSYNC_SECONDS` and when the run ends.
* **Resume.** :func:`resume_output` keeps the output's records that are done
  (``"ok": true``), drops failed ones (they are retried) and a partial last
  line, and rewrites the file atomically (a temporary file, ``fsync``,
  ``rename``) when it drops anything but a partial last line.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from newskit._digest import DigestRecord, RecordId, Unreadable
from newskit._errors import InputValueError

__all__ = [
    "FSYNC_SECONDS",
    "Incoming",
    "RecordKey",
    "RecordWriter",
    "encode_line",
    "output_line",
    "read_records",
    "resume_output",
]

#: A record's identity for resume: its id as JSON writes it, and its occurrence.
RecordKey: TypeAlias = tuple[str, int]

#: Longest time written lines wait for ``fsync`` (a kill loses nothing written; this
#: bounds what a power loss can take, which resume then recomputes).
FSYNC_SECONDS = 10.0


def _canonical(record_id: RecordId) -> str:
    return json.dumps(record_id, ensure_ascii=False)


def _id_problem(value: object) -> str | None:
    if value is None or isinstance(value, str | int):  # bool is an int
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value} (ids must be finite numbers)"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


@dataclass(frozen=True)
class Incoming:
    """One input line on its way through the run."""

    #: Line number in the input (1-based, blank lines counted).
    line: int
    #: The record's id as given (``None``: missing, null, or unusable).
    id: RecordId
    #: 1 for the first record with this id, 2 for the second, ...
    occurrence: int
    #: The record, or why it cannot be read.
    item: dict[str, Any] | Unreadable

    @property
    def key(self) -> RecordKey | None:
        """The record's key; ``None`` for a line that can never be done (unreadable)."""
        if isinstance(self.item, Unreadable):
            return None
        return (_canonical(self.id), self.occurrence)


def _lines(path: str) -> Iterator[bytes]:
    if path == "-":
        yield from sys.stdin.buffer
        return
    with open(path, "rb") as fh:
        yield from fh


def read_records(path: str) -> Iterator[Incoming]:
    """Yield one :class:`Incoming` per non-blank line of ``path`` (``-``: standard input)."""
    seen: dict[str, int] = {}
    for number, raw in enumerate(_lines(path), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            reason = f"line {number} is not valid JSON: {exc}"
            yield Incoming(number, None, 0, Unreadable(None, reason))
            continue
        if not isinstance(record, dict):
            reason = f"line {number} is not a JSON object"
            yield Incoming(number, None, 0, Unreadable(None, reason))
            continue
        problem = _id_problem(record.get("id"))
        if problem is not None:
            reason = (
                f"line {number}: 'id' must be a string, a number, a boolean or null, not {problem}"
            )
            yield Incoming(number, None, 0, Unreadable(None, reason))
            continue
        key = _canonical(record.get("id"))
        seen[key] = occurrence = seen.get(key, 0) + 1
        yield Incoming(number, record.get("id"), occurrence, record)


def output_line(incoming: Incoming, record: DigestRecord) -> dict[str, Any]:
    """The output object of one input record."""
    out: dict[str, Any] = {"id": incoming.id}
    if incoming.occurrence > 1:
        out["occurrence"] = incoming.occurrence
    out["line"] = incoming.line
    out.update((k, v) for k, v in record.to_dict().items() if k != "id")
    return out


def encode_line(data: dict[str, Any]) -> bytes:
    """``data`` as one line of strict JSON in UTF-8 (ASCII escapes for lone surrogates).

    Raises ``ValueError`` when ``data`` holds ``NaN`` or an infinity, which
    JSON cannot represent.
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape in the input
        return (json.dumps(data, ensure_ascii=True, allow_nan=False) + "\n").encode("ascii")


class RecordWriter:
    """Write whole lines to ``path`` (``-``: standard output), appending."""

    def __init__(self, path: str) -> None:
        self._fd: int | None = None
        if path != "-":
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        self._synced = time.monotonic()

    def write(self, line: bytes) -> None:
        """Write ``line`` with one ``write()`` (looping only on a short write)."""
        if self._fd is None:
            sys.stdout.buffer.write(line)
            sys.stdout.buffer.flush()
            return
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view) :]
        if time.monotonic() - self._synced >= FSYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        """``fsync`` the file (nothing for standard output)."""
        if self._fd is not None:
            os.fsync(self._fd)
            self._synced = time.monotonic()

    def close(self) -> None:
        """``fsync`` and close."""
        if self._fd is not None:
            try:
                self.sync()
            finally:
                os.close(self._fd)
                self._fd = None


@dataclass
class Resumed:
    """What :func:`resume_output` found in an output file."""

    done: set[RecordKey]
    #: Failed records dropped from the file, to be retried.
    retried: int = 0
    #: A partial last line (a killed run) was cut off.
    cut_partial: bool = False


def _key_of(raw: bytes, path: Path, number: int) -> tuple[RecordKey, bool]:
    try:
        obj = json.loads(raw)
        ok = obj["ok"]
        occurrence = obj.get("occurrence", 1)
        if not isinstance(ok, bool) or not isinstance(occurrence, int) or "id" not in obj:
            raise TypeError
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, AttributeError):
        raise InputValueError(
            f"{path}, line {number}, is not a newskit digest record: not resuming into it "
            "(check -o, or start again with --overwrite)"
        ) from None
    return (_canonical(obj["id"]), occurrence), ok


def resume_output(path: Path) -> Resumed:
    """Read ``path`` for ``--resume``: keep its done records, drop failed ones and a
    partial last line, and return the keys that are done."""
    found = Resumed(set())
    if not path.exists():
        return found
    keep_end = 0  # bytes of whole lines, if nothing but a partial last line is dropped
    rewrite = False
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.endswith(b"\n"):
                found.cut_partial = True
                break
            if not raw.strip():
                rewrite = True
                continue
            key, ok = _key_of(raw, path, number)
            if ok and key not in found.done:
                found.done.add(key)
                keep_end += len(raw)
            else:
                found.retried += not ok
                rewrite = True  # a failed record to retry, or a second copy of a done one
    if rewrite:
        _rewrite_keeping_done(path)
    elif found.cut_partial:
        os.truncate(path, keep_end)
    return found


def _rewrite_keeping_done(path: Path) -> None:
    """Replace ``path`` by its whole, done, first-copy lines: atomically."""
    done: set[RecordKey] = set()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".resume", dir=path.parent)
    try:
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        with os.fdopen(fd, "wb") as out, path.open("rb") as fh:
            for number, raw in enumerate(fh, 1):
                if not raw.endswith(b"\n"):
                    break
                if not raw.strip():
                    continue
                key, ok = _key_of(raw, path, number)
                if ok and key not in done:
                    done.add(key)
                    out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. Windows: directories cannot be opened
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
