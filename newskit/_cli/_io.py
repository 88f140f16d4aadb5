"""Reading inputs and writing outputs for CLI commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newskit._input import ensure_text

__all__ = ["read_source", "write_json"]


def read_source(path: str) -> str:
    """Read ``path`` (or standard input for ``-``) as text, decoded like the API does."""
    if path == "-":
        return ensure_text(sys.stdin.buffer.read(), name="standard input")
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(f"{path} is a directory, not a file")
    return ensure_text(p.read_bytes(), name=path)


def write_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to standard output."""
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
