"""Sphinx configuration for newskit.

The build needs no network: the inventories intersphinx reads to link Python,
NumPy, SciPy, scikit-learn and joblib names are small files shipped in
``_inventories/`` (rebuilt by ``python docs/_inventories/build.py``), and
``nitpicky`` makes any reference that does not resolve a warning, which
``sphinx-build -W`` turns into an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newskit import __version__

HERE = Path(__file__).resolve().parent
INVENTORIES = HERE / "_inventories"

project = "newskit"
author = "newskit developers"
copyright = "2026, newskit developers"
release = __version__
version = __version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]
exclude_patterns = ["_build", "_inventories/*.py"]
suppress_warnings = ["autosummary.import_cycle"]

# -- API reference -----------------------------------------------------------
autosummary_generate = False
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_type_aliases = {
    "NewsInput": "newskit._types.NewsInput",
    "NewsInputs": "newskit._types.NewsInputs",
    "Content": "newskit._types.Content",
    "Record": "newskit._types.Record",
    "StrPath": "newskit._types.StrPath",
}
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_preprocess_types = True
napoleon_use_rtype = False
# Words the docstrings use as types, and the objects they mean.
napoleon_type_aliases = {
    "array-like": ":term:`array-like <numpy:array_like>`",
    "callable": ":func:`callable`",
    "datetime": ":class:`~datetime.datetime`",
    "iterable": ":class:`~collections.abc.Iterable`",
    "iterator": ":class:`~collections.abc.Iterator`",
    "mapping": ":class:`~collections.abc.Mapping`",
    "ndarray": ":class:`~numpy.ndarray`",
    "path": ":class:`~pathlib.Path`",
    "Path": ":class:`~pathlib.Path`",
    "path-like": ":class:`~os.PathLike`",
    "sequence": ":class:`~collections.abc.Sequence`",
    "TfidfVectorizer": ":class:`~sklearn.feature_extraction.text.TfidfVectorizer`",
}

# -- Links to other projects' docs, offline ----------------------------------
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(INVENTORIES / "python.inv")),
    "numpy": ("https://numpy.org/doc/stable", str(INVENTORIES / "numpy.inv")),
    "scipy": ("https://docs.scipy.org/doc/scipy", str(INVENTORIES / "scipy.inv")),
    "sklearn": ("https://scikit-learn.org/stable", str(INVENTORIES / "sklearn.inv")),
    "joblib": ("https://joblib.readthedocs.io/en/stable", str(INVENTORIES / "joblib.inv")),
    "dask": ("https://docs.dask.org/en/stable", str(INVENTORIES / "dask.inv")),
}
nitpicky = True
nitpick_ignore_regex = [
    # A type written in words ("array-like of label sets", "tuple of (int, int)",
    # "ndarray of shape (n_samples, n_topics)"): napoleon makes each word a
    # reference, but a Python name has no space or bracket.
    ("py:class", r".*[\s()].*"),
]
nitpick_ignore = [
    # a private constant a public method's docstring names (newskit/summarizers/_default.py)
    ("py:data", "STACK_SENTENCES"),
]

# -- HTML --------------------------------------------------------------------
html_theme = "furo"
html_title = f"newskit {__version__}"
html_theme_options = {"navigation_with_keys": True}


# -- One target per public object --------------------------------------------
# A class or function shows the namespace users import it from (see
# newskit/_public.py): newskit.summarize is documented once, as
# ``newskit.summarize``. A reference that names it another way -- through a
# subpackage (``newskit.summarizers.summarize``), relative to one
# (``summarize`` inside a newskit.summarizers docstring), or through the
# private module a type hint came from (``scipy.sparse._csr.csr_matrix``) -- is
# sent to that one target.


def _public_name(dotted: str) -> str | None:
    """The documented name of the object ``dotted`` names, if it is another name."""
    import importlib

    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return None
        module = getattr(obj, "__module__", None)
        qualname = getattr(obj, "__qualname__", None)
        if not isinstance(module, str) or not isinstance(qualname, str):
            return None
        name = f"{module}.{qualname}"
        if not module.startswith("newskit"):
            # a third-party object: the shortest public module that exports it
            # (scipy.sparse._csr.csr_matrix -> scipy.sparse.csr_matrix)
            head = qualname.split(".")[0]
            root = getattr(importlib.import_module(module), head)
            public: list[str] = []
            for part in module.split("."):
                if part.startswith("_"):
                    break
                public.append(part)
                if getattr(importlib.import_module(".".join(public)), head, None) is root:
                    name = f"{'.'.join(public)}.{qualname}"
                    break
        return name if name != dotted else None
    return None


def _imported_as(name: str) -> list[str]:
    """Where a bare name in a type hint comes from: the one object newskit's modules
    import under that name (type hints are written with a module's imported names)."""
    import sys

    found = {
        id(obj): f"{module}.{name}"
        for module, m in list(sys.modules.items())
        if module.startswith("newskit") and isinstance(obj := getattr(m, name, None), type)
    }
    return list(found.values()) if len(found) == 1 else []


def _resolve_elsewhere(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    module = node.get("py:module")
    candidates = [f"{module}.{target}", target] if module else [target]
    if "." not in target:
        candidates += _imported_as(target)
    for dotted in candidates:
        public = _public_name(dotted)
        if public is None:
            continue
        domain = env.get_domain("py")
        found = domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
        )
        if found is None:
            from sphinx.ext import intersphinx

            node = node.deepcopy()
            node["reftarget"] = public
            found = intersphinx.missing_reference(app, env, node, contnode)
        if found is not None:
            return found
    return None


def _constant_doc(
    app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """A re-exported constant's ``#:`` comment, from the module that defines it.

    autodoc reads ``#:`` comments of the module it is given only; for
    ``newskit.topics.TOPICS`` that is ``newskit/topics/__init__.py``, which has
    none, so it would show the docstring of ``tuple`` instead.
    """
    import sys

    from sphinx.pycode import ModuleAnalyzer

    if what != "data" or not name.startswith("newskit."):
        return
    short = name.rsplit(".", 1)[1]
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("newskit") or getattr(module, short, None) is not obj:
            continue
        comment = ModuleAnalyzer.for_module(module_name).find_attr_docs().get(("", short))
        if comment:
            lines[:] = [line.rstrip("\n") for line in comment]
            return
    if "\n".join(lines).strip() == (type(obj).__doc__ or "").strip():
        lines[:] = []


def setup(app: Any) -> None:
    app.connect("missing-reference", _resolve_elsewhere, priority=900)
    app.connect("autodoc-process-docstring", _constant_doc)
