"""Saving and loading topic models, with integrity, version and trust checks.

A model file is a joblib pickle of a dict ``{"format", "versions", "model"}``.
Unpickling runs code chosen by whoever wrote the file, so:

* the **shipped** model is loaded only after its sha256 matches
  ``newskit/models/manifest.json`` (checked before a single byte is unpickled),
  and its recorded scikit-learn version is checked against the installed one
  before unpickling too;
* **your own** model file is loaded only with ``trusted=True``: newskit cannot
  know who wrote it; and when a ``manifest.json`` beside it lists it (as
  ``newskit train topics --out DIR`` writes), its sha256 and scikit-learn
  version are checked first, as for the shipped model.
"""

from __future__ import annotations

import threading
import warnings
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn

from newskit._artifacts import MODELS_DIR, listed_beside, load_manifest, verified_path
from newskit._errors import (
    InputTypeError,
    ModelError,
    ModelVersionError,
    UntrustedModelError,
)
from newskit._version import __version__
from newskit.topics._classifier import TopicClassifier

__all__ = [
    "ARTIFACT",
    "FORMAT",
    "RETRAIN_COMMAND",
    "check_sklearn_version",
    "default_model",
    "load_model",
    "load_shipped",
    "save_model",
]

#: File name of the shipped model in ``newskit/models/``.
ARTIFACT = "topics.joblib"
#: Format tag stored in every model file.
FORMAT = "newskit-topics/1"
#: How to rebuild the model for the installed libraries.
RETRAIN_COMMAND = "newskit train topics --data-dir ../shared/data --out DIR"

_lock = threading.Lock()
_default: TopicClassifier | None = None


def _minor(version: str) -> tuple[int, int]:
    parts = version.split(".")
    try:
        return int(parts[0]), int("".join(ch for ch in parts[1] if ch.isdigit()) or 0)
    except (IndexError, ValueError) as exc:
        raise ModelVersionError(f"unreadable scikit-learn version {version!r}") from exc


def check_sklearn_version(trained_with: str, installed: str | None = None) -> None:
    """Raise :class:`~newskit.ModelVersionError` unless the minor versions match.

    scikit-learn supports unpickling only with the version that pickled an
    estimator; newskit accepts any patch release of the same minor version.

    >>> check_sklearn_version("1.5.2", installed="1.5.0")
    >>> check_sklearn_version("1.5.2", installed="1.6.0")
    Traceback (most recent call last):
    ...
    newskit.ModelVersionError: this topic model was trained with scikit-learn 1.5.2, ...
    """
    have = installed if installed is not None else sklearn.__version__
    want = _minor(trained_with)
    if _minor(have) != want:
        raise ModelVersionError(
            f"this topic model was trained with scikit-learn {trained_with}, but "
            f"{have} is installed (supported: >={want[0]}.{want[1]},<{want[0]}.{want[1] + 1}). "
            f"Install a matching scikit-learn, or retrain: `{RETRAIN_COMMAND}` and load the "
            "result with newskit.topics.load_model(path, trusted=True)"
        )


def save_model(model: TopicClassifier, path: str | Path) -> dict[str, str]:
    """Write ``model`` to ``path`` (joblib, compressed); return the recorded versions."""
    if not isinstance(model, TopicClassifier):
        raise InputTypeError(f"model must be a TopicClassifier, not {type(model).__name__}")
    versions = {
        "newskit": __version__,
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
    }
    payload = {"format": FORMAT, "versions": versions, "model": model}
    joblib.dump(payload, Path(path), compress=("zlib", 3), protocol=5)
    return versions


def _unpickle(path: Path) -> TopicClassifier:
    from sklearn.exceptions import InconsistentVersionWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", InconsistentVersionWarning)
            payload: Any = joblib.load(path)
    except InconsistentVersionWarning as exc:
        raise ModelVersionError(
            f"{path} was pickled with another scikit-learn version ({exc.original_sklearn_version},"
            f" installed {exc.current_sklearn_version}); retrain: `{RETRAIN_COMMAND}`"
        ) from exc
    except Exception as exc:  # a corrupt pickle can raise almost anything
        raise ModelError(f"cannot load topic model {path}: {type(exc).__name__}: {exc}") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelError(f"{path} is not a newskit topic model (expected format {FORMAT})")
    check_sklearn_version(str(payload["versions"]["scikit-learn"]))
    model = payload["model"]
    if not isinstance(model, TopicClassifier):
        raise ModelError(f"{path} does not hold a TopicClassifier")
    return model


def load_model(path: str | Path | None = None, *, trusted: bool = False) -> TopicClassifier:
    """Load the shipped topic model, or your own model file.

    Parameters
    ----------
    path : str, Path or None
        ``None`` loads the model shipped with newskit (sha256-verified). A path
        loads a file written by :func:`save_model` or ``newskit train topics``.
    trusted : bool
        Required (``True``) for a ``path``: model files are pickles, and
        unpickling a file runs code chosen by whoever wrote it.

    Returns
    -------
    TopicClassifier
        A fitted classifier.

    Raises
    ------
    ModelIntegrityError
        The shipped file, or your file listed in a ``manifest.json`` beside it,
        does not match the manifest's hash (it was not unpickled).
    ModelVersionError
        The model was saved with an unsupported scikit-learn version.
    UntrustedModelError
        ``path`` was given without ``trusted=True``.

    Examples
    --------
    >>> model = load_model()
    >>> model.classes_.tolist()
    ['security', 'climate', 'diplomacy', 'politics']
    """
    if path is None:
        return load_shipped()
    if not isinstance(path, str | Path):
        raise InputTypeError(f"path must be str or Path, not {type(path).__name__}")
    if trusted is not True:
        raise UntrustedModelError(
            f"refusing to load {path}: model files are pickles and loading one runs code "
            "chosen by its author. Pass trusted=True if you made this file or trust who did."
        )
    file = Path(path)
    if not file.is_file():
        raise ModelError(f"model file {file} does not exist")
    entry = listed_beside(file)  # a manifest beside it: its sha256 first, then its versions
    trained_with = (entry or {}).get("versions", {}).get("scikit-learn")
    if trained_with:
        check_sklearn_version(str(trained_with))
    return _unpickle(file)


def load_shipped(models_dir: Path = MODELS_DIR) -> TopicClassifier:
    """Load ``topics.joblib`` from ``models_dir`` after the hash and version checks."""
    entry = load_manifest(models_dir)["artifacts"].get(ARTIFACT, {})
    file = verified_path(ARTIFACT, models_dir)  # hash first: nothing is unpickled before this
    trained_with = entry.get("versions", {}).get("scikit-learn")
    if trained_with:
        check_sklearn_version(str(trained_with))
    return _unpickle(file)


def default_model() -> TopicClassifier:
    """The shipped model, loaded on first use and kept for the process."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = load_model()
    return _default
