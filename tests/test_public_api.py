"""The public surface: a sorted, importable ``__all__`` and one exception hierarchy."""

from __future__ import annotations

import inspect

import newskit


def test_all_is_sorted_and_unique() -> None:
    assert list(newskit.__all__) == sorted(set(newskit.__all__))


def test_every_public_name_exists() -> None:
    for name in newskit.__all__:
        assert hasattr(newskit, name), name


def test_every_public_name_is_documented() -> None:
    for name in newskit.__all__:
        obj = getattr(newskit, name)
        if callable(obj):
            assert inspect.getdoc(obj), f"{name} has no docstring"


def test_errors_share_one_root() -> None:
    for name in newskit.__all__:
        obj = getattr(newskit, name)
        if inspect.isclass(obj) and issubclass(obj, Exception):
            assert issubclass(obj, newskit.NewskitError), name


def test_type_and_value_errors_are_builtin_compatible() -> None:
    assert issubclass(newskit.InputTypeError, TypeError)
    assert issubclass(newskit.InputValueError, ValueError)


def test_py_typed_ships() -> None:
    from pathlib import Path

    assert (Path(newskit.__file__).parent / "py.typed").is_file()
