"""Every shipped artifact is listed with its sha256 and checked before it is read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newskit import ModelIntegrityError
from newskit._artifacts import MODELS_DIR, load_manifest, record_artifact, verified_path

SHIPPED = sorted(load_manifest()["artifacts"])


def test_every_file_in_models_is_in_the_manifest() -> None:
    files = {p.name for p in MODELS_DIR.iterdir() if p.is_file()}
    unlisted = files - set(SHIPPED) - {"manifest.json", "topics-card.md"}
    assert not unlisted, f"not in manifest.json: {sorted(unlisted)}"
    assert {"punkt_en.json", "stopwords_en.txt", "summarizer_default.json", "topics.joblib"} <= set(
        SHIPPED
    )


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_artifact_matches_its_hash(name: str) -> None:
    assert verified_path(name) == MODELS_DIR / name


@pytest.mark.parametrize("name", SHIPPED)
def test_tampered_artifact_is_refused(name: str, tmp_path: Path) -> None:
    shutil.copytree(MODELS_DIR, tmp_path, dirs_exist_ok=True)
    with (tmp_path / name).open("ab") as fh:
        fh.write(b"\n")
    with pytest.raises(ModelIntegrityError, match="tampered"):
        verified_path(name, tmp_path)


def test_unlisted_and_missing_artifacts_are_refused(tmp_path: Path) -> None:
    (tmp_path / "extra.json").write_text("{}")
    with pytest.raises(ModelIntegrityError, match="not listed"):
        verified_path("extra.json", tmp_path)
    record_artifact("extra.json", {"kind": "test"}, tmp_path)
    assert verified_path("extra.json", tmp_path) == tmp_path / "extra.json"
    (tmp_path / "extra.json").unlink()
    with pytest.raises(ModelIntegrityError, match="missing"):
        verified_path("extra.json", tmp_path)


def test_pyproject_pins_the_scikit_learn_minor_that_pickled_the_model() -> None:
    """pip must refuse a scikit-learn the shipped model cannot load (issue #16, item 8).

    ``pyproject.toml``'s requirement admits every patch release of the minor
    version recorded in the manifest, and no other minor version.
    """
    import tomllib

    from packaging.requirements import Requirement

    from tests.conftest import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (spec,) = [
        Requirement(d).specifier
        for d in project["dependencies"]
        if Requirement(d).name == "scikit-learn"
    ]
    trained = load_manifest()["artifacts"]["topics.joblib"]["versions"]["scikit-learn"]
    major, minor = (int(x) for x in trained.split(".")[:2])
    assert spec.contains(trained)
    assert spec.contains(f"{major}.{minor}.0") and spec.contains(f"{major}.{minor}.99")
    if minor:
        assert not spec.contains(f"{major}.{minor - 1}.99")
    assert not spec.contains(f"{major}.{minor + 1}.0")
    assert not spec.contains(f"{major + 1}.0.0")
