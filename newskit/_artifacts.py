"""Shipped artifacts and their integrity manifest.

Every file newskit loads from ``newskit/models/`` is listed in
``newskit/models/manifest.json`` with its sha256. :func:`verified_path` checks
the hash *before* anything reads the file, so a tampered pickle is never
unpickled. Training commands call :func:`record_artifact` to (re)write an entry.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from newskit._errors import ModelError, ModelIntegrityError

__all__ = [
    "MODELS_DIR",
    "listed_beside",
    "load_manifest",
    "record_artifact",
    "sha256_file",
    "verified_path",
]

MODELS_DIR = Path(__file__).resolve().parent / "models"
_MANIFEST = "manifest.json"


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_manifest(models_dir: Path = MODELS_DIR) -> dict[str, Any]:
    """Return the parsed manifest of ``models_dir`` (``{"artifacts": {}}`` if none)."""
    path = models_dir / _MANIFEST
    if not path.exists():
        return {"artifacts": {}}
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read artifact manifest {path}: {exc}") from exc
    data.setdefault("artifacts", {})
    return data


def verified_path(name: str, models_dir: Path = MODELS_DIR) -> Path:
    """Return the path of artifact ``name`` after checking its sha256 against the manifest.

    Raises
    ------
    ModelIntegrityError
        The file is missing, unlisted, or its hash differs from the manifest.
    """
    entry = load_manifest(models_dir)["artifacts"].get(name)
    path = models_dir / name
    if entry is None:
        raise ModelIntegrityError(f"artifact {name!r} is not listed in {models_dir / _MANIFEST}")
    if not path.is_file():
        raise ModelIntegrityError(f"artifact {name!r} is missing from {models_dir}")
    actual = sha256_file(path)
    if actual != entry.get("sha256"):
        raise ModelIntegrityError(
            f"artifact {name!r} has sha256 {actual[:12]}..., but the manifest says "
            f"{str(entry.get('sha256'))[:12]}...; refusing to load a file that may have "
            "been tampered with (reinstall newskit or retrain)"
        )
    return path


def record_artifact(name: str, meta: dict[str, Any], models_dir: Path = MODELS_DIR) -> None:
    """Write (or replace) the manifest entry of ``name`` with its sha256 plus ``meta``."""
    manifest = load_manifest(models_dir)
    entry = dict(meta)
    entry["sha256"] = sha256_file(models_dir / name)
    entry["bytes"] = (models_dir / name).stat().st_size
    manifest["artifacts"][name] = entry
    manifest["artifacts"] = dict(sorted(manifest["artifacts"].items()))
    (models_dir / _MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def listed_beside(path: Path) -> dict[str, Any] | None:
    """The manifest entry of a model file of your own, checked, if one lists it.

    ``newskit train topics --out DIR`` writes ``DIR/manifest.json`` beside the
    model. When such a manifest lists ``path`` (by file name), the file's
    sha256 is checked against it *before* anything reads the file, as for the
    shipped model: a file changed since training raises
    :class:`~newskit.ModelIntegrityError`. Returns ``None`` when no manifest
    beside it lists it.
    """
    if not (path.parent / _MANIFEST).is_file():
        return None
    entry: dict[str, Any] | None = load_manifest(path.parent)["artifacts"].get(path.name)
    if entry is not None:
        verified_path(path.name, path.parent)
    return entry
