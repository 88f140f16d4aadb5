from __future__ import annotations

import json
import shutil
from pathlib import Path

import joblib
import pytest

from newskit import ModelError, ModelIntegrityError, ModelVersionError, UntrustedModelError
from newskit._artifacts import record_artifact
from newskit.topics import TopicClassifier, _model, load_model, save_model

from ._fixtures import labels_matrix, texts


@pytest.fixture(scope="module")
def tiny_model() -> TopicClassifier:
    return TopicClassifier(min_df=1, max_df=1.0, calibration_cv=0).fit(texts(), labels_matrix())


@pytest.fixture
def models_dir(tmp_path: Path, tiny_model: TopicClassifier) -> Path:
    versions = save_model(tiny_model, tmp_path / _model.ARTIFACT)
    record_artifact(_model.ARTIFACT, {"versions": versions}, models_dir=tmp_path)
    return tmp_path


def test_shipped_layout_loads(models_dir: Path) -> None:
    model = _model.load_shipped(models_dir)
    assert model.predict(["Soldiers attacked the army base."]).tolist() == [[1, 0, 0, 0]]


def test_tampered_file_is_refused_before_unpickling(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = models_dir / _model.ARTIFACT
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))

    def must_not_unpickle(*args: object, **kwargs: object) -> None:
        raise AssertionError("a tampered file was unpickled")

    monkeypatch.setattr(joblib, "load", must_not_unpickle)
    with pytest.raises(ModelIntegrityError, match="sha256"):
        _model.load_shipped(models_dir)


def test_missing_manifest_entry_is_refused(tmp_path: Path, tiny_model: TopicClassifier) -> None:
    save_model(tiny_model, tmp_path / _model.ARTIFACT)
    with pytest.raises(ModelIntegrityError, match="not listed"):
        _model.load_shipped(tmp_path)


def test_unsupported_sklearn_version_names_retrain_command(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = json.loads((models_dir / "manifest.json").read_text())
    manifest["artifacts"][_model.ARTIFACT]["versions"]["scikit-learn"] = "0.24.2"
    (models_dir / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setattr(joblib, "load", lambda *a, **k: pytest.fail("unpickled"))
    with pytest.raises(ModelVersionError, match="newskit train topics"):
        _model.load_shipped(models_dir)


def test_version_range() -> None:
    _model.check_sklearn_version("1.4.2", installed="1.4.0")
    with pytest.raises(ModelVersionError, match=r">=1\.4,<1\.5"):
        _model.check_sklearn_version("1.4.2", installed="1.5.0")


def test_own_file_needs_trusted(models_dir: Path) -> None:
    path = models_dir / _model.ARTIFACT
    with pytest.raises(UntrustedModelError, match="trusted=True"):
        load_model(path)
    with pytest.raises(UntrustedModelError):
        load_model(path, trusted="yes")  # type: ignore[arg-type]
    assert isinstance(load_model(path, trusted=True), TopicClassifier)


def test_own_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        load_model(tmp_path / "nope.joblib", trusted=True)
    joblib.dump({"something": "else"}, tmp_path / "other.joblib")
    with pytest.raises(ModelError, match="not a newskit topic model"):
        load_model(tmp_path / "other.joblib", trusted=True)
    (tmp_path / "junk.joblib").write_bytes(b"not a pickle at all")
    with pytest.raises(ModelError):
        load_model(tmp_path / "junk.joblib", trusted=True)


def test_recorded_versions_are_checked_on_load(models_dir: Path) -> None:
    path = models_dir / "copy.joblib"
    shutil.copy(models_dir / _model.ARTIFACT, path)
    payload = joblib.load(path)
    payload["versions"]["scikit-learn"] = "0.20.0"
    joblib.dump(payload, path)
    with pytest.raises(ModelVersionError):
        load_model(path, trusted=True)


def test_shipped_model_is_the_selected_configuration() -> None:
    from newskit._artifacts import load_manifest
    from newskit.training.topics._train import SHIPPED

    entry = load_manifest()["artifacts"]["topics.joblib"]
    assert entry["config"] == SHIPPED.name
    model = load_model()
    assert (model.C, model.max_words, model.lead_words) == (
        SHIPPED.C,
        SHIPPED.max_words,
        SHIPPED.lead_words,
    )
    assert not model.lexicon and not any("<lexicon:" in t for t in model.get_feature_names_out())
    assert model.short_words == 80 and model.short_thresholds_ is not None
    assert set(entry["oof"]["by_length"]) == {"short", "full"}
