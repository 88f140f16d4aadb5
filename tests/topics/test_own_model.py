"""Your own topic model: an explicit trust flag on the command line, and a manifest
beside the file checked before it is unpickled (issue #16, item 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newskit import ModelIntegrityError, ModelVersionError, TopicClassifier
from newskit._artifacts import record_artifact
from newskit._cli import main
from newskit.topics import load_model, save_model

from ._fixtures import labels_matrix, texts

ARTICLE = "Army shells rebel positions\n\nThe army shelled rebel positions and troops advanced.\n"


@pytest.fixture(scope="module")
def tiny_model() -> TopicClassifier:
    return TopicClassifier(min_df=1, max_df=1.0, calibration_cv=0).fit(texts(), labels_matrix())


@pytest.fixture
def own_model(tmp_path: Path, tiny_model: TopicClassifier) -> Path:
    """A model and its manifest, as ``newskit train topics --out DIR`` leaves them."""
    out = tmp_path / "my-model"
    out.mkdir()
    versions = save_model(tiny_model, out / "topics.joblib")
    record_artifact("topics.joblib", {"versions": versions}, models_dir=out)
    return out / "topics.joblib"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_model_needs_the_trust_flag(
    own_model: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["classify", str(article), "--model", str(own_model)]) == 1
    err = capsys.readouterr().err
    assert "refusing to load" in err and "--trust-model" in err
    assert main(["classify", str(article), "--model", str(own_model), "--trust-model"]) == 0
    assert "topics:" in capsys.readouterr().out


def test_trust_flag_without_model_is_an_error(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["classify", str(article), "--trust-model"]) == 1
    assert "--trust-model goes with --model" in capsys.readouterr().err


def test_a_tampered_model_is_refused_before_unpickling(
    own_model: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with own_model.open("ab") as fh:
        fh.write(b"\0")  # any change, however small
    with pytest.raises(ModelIntegrityError, match="sha256"):
        load_model(own_model, trusted=True)
    assert main(["classify", str(article), "--model", str(own_model), "--trust-model"]) == 1
    assert "sha256" in capsys.readouterr().err


def test_the_manifest_version_is_checked_before_unpickling(own_model: Path) -> None:
    manifest = own_model.parent / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["artifacts"]["topics.joblib"]["versions"]["scikit-learn"] = "0.20.0"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelVersionError, match=r"0\.20\.0"):
        load_model(own_model, trusted=True)


def test_a_model_no_manifest_lists_still_loads_when_trusted(
    own_model: Path, tmp_path: Path
) -> None:
    alone = tmp_path / "alone.joblib"
    alone.write_bytes(own_model.read_bytes())
    assert isinstance(load_model(alone, trusted=True), TopicClassifier)
    renamed = own_model.with_name("renamed.joblib")  # beside a manifest that does not list it
    renamed.write_bytes(own_model.read_bytes())
    assert isinstance(load_model(renamed, trusted=True), TopicClassifier)
