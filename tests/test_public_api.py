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


def _modules_loaded_by(code: str) -> set[str]:
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {name.split(".")[0] for name in json.loads(out.splitlines()[-1])}


def test_import_and_parsing_do_not_load_the_models_libraries() -> None:
    heavy = {"sklearn", "nltk", "sumy", "scipy"}
    assert not heavy & _modules_loaded_by("import newskit")
    assert not heavy & _modules_loaded_by(
        "import newskit; newskit.parse_text('Rain ends drought\\n\\nRain fell at last.')"
    )
    assert not heavy & _modules_loaded_by(
        "from newskit._cli import build_parser; build_parser(['parse', 'page.html'])"
    )


def test_lazy_names_resolve_and_unknown_names_raise() -> None:
    import pytest

    assert newskit.summarize is newskit.summarizers.summarize
    assert set(newskit.__all__) <= set(dir(newskit))
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        newskit.nonexistent  # noqa: B018


def test_subpackages_are_attributes_in_a_fresh_interpreter() -> None:
    """``newskit.text`` and ``newskit.evaluate`` work after a bare ``import newskit``
    (issue #16, item 18): run in a new process so no earlier import can help."""
    import subprocess
    import sys

    code = (
        "import newskit\n"
        "print(newskit.text.__name__, newskit.evaluate.__name__)\n"
        "print(callable(newskit.text.word_tokens), callable(newskit.evaluate.rouge))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["newskit.text", "newskit.evaluate", "True", "True"]
