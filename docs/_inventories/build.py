"""Write the intersphinx inventories the docs link through, so the build needs no network.

``sphinx.ext.intersphinx`` normally downloads each project's ``objects.inv``;
the CI has no internet, so ``docs/conf.py`` points every project at the small
inventory written here instead. Each lists only the objects newskit's docs
refer to, each with the address of its page in that project's published
docs. A reference to anything else is a nitpicky warning, which
``sphinx-build -W`` turns into an error: add the object below and rerun

    python docs/_inventories/build.py

The files use Sphinx's inventory format version 2: four header lines, then
zlib-compressed lines ``name domain:role priority uri display-name`` (a
``$`` at the end of the uri stands for the name, a ``-`` display name for the
name itself).
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: project file -> (project name, version, {name: (domain:role, uri)})
PROJECTS: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    "python": (
        "Python",
        "3.11",
        {
            "bool": ("py:class", "library/functions.html#$"),
            "bytearray": ("py:class", "library/stdtypes.html#$"),
            "bytes": ("py:class", "library/stdtypes.html#$"),
            "callable": ("py:function", "library/functions.html#$"),
            "collections.abc.Callable": ("py:class", "library/collections.abc.html#$"),
            "collections.abc.Iterable": ("py:class", "library/collections.abc.html#$"),
            "collections.abc.Iterator": ("py:class", "library/collections.abc.html#$"),
            "collections.abc.Mapping": ("py:class", "library/collections.abc.html#$"),
            "collections.abc.Sequence": ("py:class", "library/collections.abc.html#$"),
            "datetime.datetime": ("py:class", "library/datetime.html#$"),
            "datetime.datetime.fromisoformat": ("py:method", "library/datetime.html#$"),
            "dict": ("py:class", "library/stdtypes.html#$"),
            "False": ("py:data", "library/constants.html#$"),
            "float": ("py:class", "library/functions.html#$"),
            "frozenset": ("py:class", "library/stdtypes.html#$"),
            "int": ("py:class", "library/functions.html#$"),
            "json.dumps": ("py:function", "library/json.html#$"),
            "list": ("py:class", "library/stdtypes.html#$"),
            "memoryview": ("py:class", "library/stdtypes.html#$"),
            "None": ("py:data", "library/constants.html#$"),
            "object": ("py:class", "library/functions.html#$"),
            "os.PathLike": ("py:class", "library/os.html#$"),
            "pathlib.Path": ("py:class", "library/pathlib.html#$"),
            "str": ("py:class", "library/stdtypes.html#$"),
            "True": ("py:data", "library/constants.html#$"),
            "tuple": ("py:class", "library/stdtypes.html#$"),
            "typing.Any": ("py:data", "library/typing.html#$"),
            "TypeError": ("py:exception", "library/exceptions.html#$"),
            "ValueError": ("py:exception", "library/exceptions.html#$"),
        },
    ),
    "numpy": (
        "NumPy",
        "stable",
        {
            "array_like": ("std:term", "glossary.html#term-array_like"),
            "numpy.dtype": ("py:class", "reference/generated/numpy.dtype.html#$"),
            "numpy.float64": ("py:class", "reference/arrays.scalars.html#$"),
            "numpy.int64": ("py:class", "reference/arrays.scalars.html#$"),
            "numpy.ndarray": ("py:class", "reference/generated/numpy.ndarray.html#$"),
            "numpy.str_": ("py:class", "reference/arrays.scalars.html#$"),
        },
    ),
    "scipy": (
        "SciPy",
        "stable",
        {
            "scipy.sparse": ("py:module", "reference/sparse.html#module-scipy.sparse"),
            "scipy.sparse.csr_matrix": (
                "py:class",
                "reference/generated/scipy.sparse.csr_matrix.html#$",
            ),
        },
    ),
    "sklearn": (
        "scikit-learn",
        "stable",
        {
            "sklearn.base.BaseEstimator": ("py:class", "modules/generated/$.html#$"),
            "sklearn.base.ClassifierMixin": ("py:class", "modules/generated/$.html#$"),
            "sklearn.feature_extraction.text.TfidfVectorizer": (
                "py:class",
                "modules/generated/$.html#$",
            ),
            "sklearn.linear_model.LogisticRegression": ("py:class", "modules/generated/$.html#$"),
        },
    ),
    "joblib": (
        "joblib",
        "stable",
        {
            "joblib": ("py:module", "index.html"),
            "joblib.Parallel": ("py:class", "generated/$.html#$"),
            "joblib.parallel_config": ("py:class", "generated/$.html#$"),
        },
    ),
    "dask": (
        "Dask",
        "stable",
        {
            "dask.bag": ("py:module", "bag.html"),
        },
    ),
}


def inventory(project: str, version: str, objects: dict[str, tuple[str, str]]) -> bytes:
    """The bytes of an ``objects.inv`` (format version 2) listing ``objects``."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = []
    for name, (role, uri) in sorted(objects.items()):
        # "$" stands for the name; only a uri *ending* in "$" is expanded by Sphinx
        full = uri.replace("$", name)
        if full.endswith(name) and "#" in full:
            full = full[: -len(name)] + "$"
        lines.append(f"{name} {role} 1 {full} -\n")
    return header.encode("utf-8") + zlib.compress("".join(lines).encode("utf-8"), 9)


def main() -> None:
    for stem, (project, version, objects) in PROJECTS.items():
        path = HERE / f"{stem}.inv"
        path.write_bytes(inventory(project, version, objects))
        print(f"{path.relative_to(HERE.parents[1])}: {len(objects)} objects")


if __name__ == "__main__":
    main()
