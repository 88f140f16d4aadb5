"""Streaming JSONL in and out for ``newskit digest --jsonl``.

Output records are written one complete line per ``write`` on a file opened
for appending, and flushed each time, so a killed run leaves only whole lines
(plus, at worst, one partial last line that ``--resume`` cuts off).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newskit._digest import Unreadable
from newskit._errors import InputValueError

__all__ = ["done_ids", "read_records", "write_record"]


def _lines(path: str) -> Iterator[bytes]:
    if path == "-":
        yield from sys.stdin.buffer
        return
    with open(path, "rb") as fh:
        yield from fh


def read_records(path: str) -> Iterator[dict[str, Any] | Unreadable]:
    """Yield one record per non-blank line of ``path`` (``-``: standard input), lazily.

    A record without an ``"id"`` gets its line number as id.
    """
    for number, raw in enumerate(_lines(path), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Unreadable(str(number), f"line {number} is not valid JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield Unreadable(str(number), f"line {number} is not a JSON object")
            continue
        record.setdefault("id", str(number))
        yield record


def done_ids(path: Path) -> set[str]:
    """Ids already written to ``path``; a partial last line (a killed run) is cut off."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    good_end = 0
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(raw)["id"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputValueError(f"{path} has a line that is not a digest record") from exc
            good_end += len(raw)
    if good_end != path.stat().st_size:
        os.truncate(path, good_end)
    return ids


def write_record(out: IO[bytes], record: dict[str, Any]) -> None:
    """Append one record as one complete line."""
    out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    out.flush()
