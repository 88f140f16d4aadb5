"""Where training and benchmark commands look for the public data sets."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_data_dir"]

_REPO = Path(__file__).resolve().parents[1]


def default_data_dir() -> Path:
    """Return ``$NEWSKIT_SHARED/data`` if set, else ``<checkout>/../shared/data``."""
    shared = os.environ.get("NEWSKIT_SHARED")
    return (Path(shared) if shared else _REPO.parent / "shared") / "data"
