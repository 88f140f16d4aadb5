"""Where the training commands look for the public data sets.

Training runs from a checkout, beside which the public data sets live in
``../shared/data``; ``$NEWSKIT_SHARED`` points elsewhere. Nothing at run time
reads this: the library itself never guesses a data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_data_dir"]

#: The checkout holding ``newskit/`` (three levels above this file).
_CHECKOUT = Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    """Return ``$NEWSKIT_SHARED/data`` if set, else ``<checkout>/../shared/data``."""
    shared = os.environ.get("NEWSKIT_SHARED")
    return (Path(shared) if shared else _CHECKOUT.parent / "shared") / "data"
