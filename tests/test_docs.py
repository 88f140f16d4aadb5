"""The API reference covers every public name."""

from __future__ import annotations

import re

import newskit
from tests.conftest import REPO


def test_api_reference_lists_every_public_name() -> None:
    text = (REPO / "docs" / "api.rst").read_text(encoding="utf-8")
    documented = set(re.findall(r"\.\. auto\w+:: newskit\.(\w+)", text))
    missing = [n for n in newskit.__all__ if n != "__version__" and n not in documented]
    assert not missing, f"add to docs/api.rst: {missing}"
