"""Checking the dicts that the result types' ``from_dict`` methods read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newskit._errors import InputTypeError, InputValueError

__all__ = ["checked"]


def checked(
    data: object, name: str, required: Iterable[str], optional: Iterable[str] = ()
) -> dict[str, Any]:
    """Return ``data`` if it is a dict with every ``required`` key and no unknown key.

    >>> checked({"a": 1}, "Thing", ["a"], ["b"])
    {'a': 1}
    >>> checked({"a": 1, "c": 2}, "Thing", ["a"])
    Traceback (most recent call last):
    ...
    newskit.InputValueError: unknown Thing fields: c
    """
    if not isinstance(data, dict):
        raise InputTypeError(f"{name} data must be a dict, not {type(data).__name__}")
    required = list(required)
    missing = [k for k in required if k not in data]
    if missing:
        raise InputValueError(f"{name} data lacks {', '.join(missing)}")
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        raise InputValueError(f"unknown {name} fields: {', '.join(unknown)}")
    return data
