"""Shared pytest fixtures.

Tests that need the public data sets beside the checkout (``../shared``) use
the ``shared_dir`` / ``data_dir`` fixtures, which skip with a clear reason when
the folder is absent. ``NEWSKIT_SHARED`` overrides the location.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_af1872576b83b628.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _shared() -> Path:
    return Path(os.environ.get("NEWSKIT_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared()
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} is absent (set NEWSKIT_SHARED to point at it)")
    return path


@pytest.fixture(scope="session")
def data_dir(shared_dir: Path) -> Path:
    path = shared_dir / "data"
    if not path.is_dir():
        pytest.skip(f"public data sets {path} are absent")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
