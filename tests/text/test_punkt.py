"""Punkt parameters: JSON round trip, integrity checks, and training."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from newskit import ModelIntegrityError, ModelVersionError
from newskit._artifacts import load_manifest, verified_path
from newskit.text._punkt import (
    ARTIFACT,
    load_tokenizer,
    params_from_json,
    params_to_json,
    tokenizer_from_params,
)
from newskit.training._punkt import train_punkt


def test_shipped_parameters_are_listed_and_round_trip() -> None:
    path = verified_path(ARTIFACT)
    params = params_from_json(path.read_text(encoding="utf-8"))
    assert {"mr", "sen", "u.s", "jan", "inc"} <= params.abbrev_types
    again = params_from_json(params_to_json(params))
    assert again.abbrev_types == params.abbrev_types
    assert again.collocations == params.collocations
    assert again.sent_starters == params.sent_starters
    assert dict(again.ortho_context) == dict(params.ortho_context)
    assert load_tokenizer() is load_tokenizer()  # loaded once


def test_shipped_file_is_json_not_pickle() -> None:
    raw = verified_path(ARTIFACT).read_bytes()
    assert json.loads(raw)["format"] == "newskit-punkt/1"


def test_wrong_format_is_refused() -> None:
    with pytest.raises(ModelVersionError):
        params_from_json(json.dumps({"format": "something-else"}))


def test_tampered_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / ARTIFACT).write_text('{"format": "newskit-punkt/1"}', encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"artifacts": {ARTIFACT: {"sha256": "0" * 64}}}), encoding="utf-8"
    )
    with pytest.raises(ModelIntegrityError):
        verified_path(ARTIFACT, models_dir=tmp_path)


def _fake_data(root: Path) -> None:
    """A tiny data folder in the layout of the public sets, with text written here."""
    sentences = [
        "Gov. Lena Park spoke on Monday.",
        "The plan costs 4.5 million dollars.",
        "Critics said the plan was late.",
        "She met Dr. Omar Haddad in the afternoon.",
        "The U.S. embassy issued a statement.",
    ]
    tar_path = root / "allsides-article-bias" / "jsons.tar.xz"
    tar_path.parent.mkdir(parents=True)
    with tarfile.open(tar_path, "w:xz") as tar:
        for i in range(30):
            body = " ".join(sentences[(i + k) % 5] for k in range(5))
            data = json.dumps({"content_original": body}).encode()
            info = tarfile.TarInfo(f"jsons/{i}.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    bbc = root / "bbc-news-summary" / "bbc_news_summary.jsonl"
    bbc.parent.mkdir(parents=True)
    bbc.write_text(json.dumps({"text": " ".join(sentences)}) + "\n", encoding="utf-8")


def test_training_writes_verified_json(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "models"
    _fake_data(data)
    path = train_punkt(data, allsides=20, bbc=5, out_dir=out)
    entry = load_manifest(out)["artifacts"][ARTIFACT]
    assert entry["documents"] == 21
    params = params_from_json(verified_path(ARTIFACT, models_dir=out).read_text("utf-8"))
    assert path == out / ARTIFACT
    assert "dr" in params.abbrev_types  # curated list always included
    tok = tokenizer_from_params(params)
    assert tok.tokenize("Dr. Omar Haddad spoke. Critics left.") == [
        "Dr. Omar Haddad spoke.",
        "Critics left.",
    ]


_MIXED = (
    'Gov. Dee Lamb (R-Texas) said on Jan. 3 that the U.S. would act. "We won\'t wait!" '
    "she said... Critics disagreed. Acme Inc. shares fell 2.5% to $10.20 (a record low). "
    "The vote -- held at 9 a.m. -- passed 51-49. Was it fair? No. 5 on the list, J. R. Oyelaran, "
    "said: 'It was.' (He left.) Then the U.N. met. [Sources: AP.] Done...\n\nNew paragraph, "
    "with e.g. a list: one, two; three. Mr. O'Neil's dog barked!!! Really?! Yes."
)


def test_fast_regexes_give_nltks_boundaries() -> None:
    from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer

    ours = load_tokenizer()
    reference = PunktSentenceTokenizer(ours._params, lang_vars=PunktLanguageVars())
    for text in (_MIXED, _MIXED.replace(". ", ".  "), _MIXED.lower(), _MIXED.upper()):
        assert list(ours.span_tokenize(text)) == list(reference.span_tokenize(text))


def test_train_cli_writes_parameters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newskit._cli import main

    data, out = tmp_path / "data", tmp_path / "models"
    _fake_data(data)
    argv = ["train", "punkt", "--data-dir", str(data), "--out", str(out), "--allsides", "5"]
    assert main(argv) == 0
    assert "punkt_en.json" in capsys.readouterr().out
    assert load_manifest(out)["artifacts"][ARTIFACT]["documents"] == 6


def test_train_cli_reports_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newskit._cli import main

    argv = ["train", "punkt", "--data-dir", str(tmp_path), "--out", str(tmp_path / "m")]
    assert main(argv) == 1
    assert "newskit: error:" in capsys.readouterr().err


def test_stopwords_target_rebuilds_the_shipped_list(tmp_path: Path) -> None:
    from newskit._cli import main
    from newskit.text._words import STOPWORDS_ARTIFACT, parse_stop_words, stop_words

    assert main(["train", "stopwords", "--out", str(tmp_path)]) == 0
    path = verified_path(STOPWORDS_ARTIFACT, models_dir=tmp_path)
    assert parse_stop_words(path.read_text(encoding="utf-8")) == stop_words()
