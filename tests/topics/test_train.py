"""End-to-end ``newskit train topics`` on a tiny fake data directory.

Every file mimics the layout of one public data set (see its SOURCE.md) but
holds only sentences written for this test, so the whole pipeline — loaders,
mapping, sampling, fitting, thresholds, manifest, model card — runs in seconds.
"""

from __future__ import annotations

import csv
import io
import json
import lzma
import tarfile
from pathlib import Path

import pytest

from newskit._cli import main
from newskit.topics import load_model
from newskit.training.topics._labels import text_sha1
from newskit.training.topics._sources import load_sources

from ._fixtures import TEXTS

SECURITY = [t for t, labels in TEXTS if labels == {"security"}]
CLIMATE = [t for t, labels in TEXTS if labels == {"climate"}]
DIPLOMACY = [t for t, labels in TEXTS if labels == {"diplomacy"}]
POLITICS = [t for t, labels in TEXTS if labels == {"politics"}]
NONE = [t for t, labels in TEXTS if not labels]


def _variants(texts: list[str], n: int) -> list[str]:
    return [f"{texts[i % len(texts)]} Report number {i} followed." for i in range(n)]


def _allsides(folder: Path) -> list[dict[str, object]]:
    folder.mkdir(parents=True)
    topics = {
        "terrorism": SECURITY,
        "environment": CLIMATE,
        "foreign_policy": DIPLOMACY,
        "elections": POLITICS,
        "sports": NONE,
    }
    ids = []
    labels = []
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:xz") as tar:
        for topic, texts in topics.items():
            for i, text in enumerate(_variants(texts, 12)):
                ident = f"{topic[:4]}{i:04d}"
                ids.append(ident)
                title = text.split(".")[0]
                record = {
                    "ID": ident,
                    "topic": topic,
                    "title": title,
                    "content_original": text,
                    "url": f"https://www.outlet{i % 6}.example/{ident}.html",
                }
                data = json.dumps(record).encode()
                full = f"{title}\n\n{text}"
                topic_labels = [] if topic == "sports" else [LABEL_OF[topic]]
                labels.append(_label(ident, "allsides", "article", "full", full, topic_labels))
                info = tarfile.TarInfo(f"jsons/{ident}.json")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    (folder / "jsons.tar.xz").write_bytes(buf.getvalue())
    split = folder / "splits" / "media"
    split.mkdir(parents=True)
    for name, part in (("train", ids[:-5]), ("valid", []), ("test", ids[-5:])):
        rows = "".join(f"{i}\t0\n" for i in part)
        (split / f"{name}.tsv").write_text("ID\tbias\n" + rows, encoding="utf-8")
    return labels


LABEL_OF = {
    "terrorism": "security",
    "environment": "climate",
    "foreign_policy": "diplomacy",
    "elections": "politics",
}


def _label(
    ident: str, source: str, form: str, length: str, text: str, labels: list[str]
) -> dict[str, object]:
    return {
        "id": f"tl2-{source[:3]}-{ident}",
        "source": source,
        "source_id": ident,
        "form": form,
        "length": length,
        "selected": "random",
        "text_sha1": text_sha1(text),
        "labels": labels,
        "disputed": False,
        "annotations": [{"annotator": "T1", "labels": labels, "note": "test"}],
    }


def _fake_data(root: Path) -> Path:
    data = root / "data"
    labels = _allsides(data / "allsides-article-bias")
    bbc = data / "bbc-news-summary"
    bbc.mkdir(parents=True)
    with (bbc / "bbc_news_summary.jsonl").open("w", encoding="utf-8") as fh:
        for i, text in enumerate(_variants(POLITICS, 8) + _variants(NONE, 8)):
            cat = "politics" if i < 8 else "sport"
            fh.write(
                json.dumps({"id": f"{cat}/{i:03d}", "category": cat, "title": "T", "text": text})
                + "\n"
            )
    hp = data / "huffpost-news-category-v3-first10k"
    hp.mkdir(parents=True)
    with (hp / "News_Category_Dataset_v3.json").open("w", encoding="utf-8") as fh:
        for i, text in enumerate(_variants(CLIMATE, 6) + _variants(NONE, 6)):
            cat = "ENVIRONMENT" if i < 6 else "SPORTS"
            link = f"https://www.huffpost.com/entry/{i}"
            record = {"link": link, "headline": text, "short_description": "", "category": cat}
            fh.write(json.dumps(record) + "\n")
            if i % 2:
                topics = ["climate"] if i < 6 else []
                labels.append(
                    _label(link, "huffpost", "headline+description", "short", text, topics)
                )
    ag = data / "ag-news-test"
    ag.mkdir(parents=True)
    with (ag / "test.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["label", "title", "description"])
        for text in _variants(NONE, 6):
            w.writerow(["2", text, text])
    liar = data / "liar-politifact-subjects"
    liar.mkdir(parents=True)
    cols = [
        "id",
        "split",
        "truth_label",
        "statement",
        "subjects",
        "climate_core",
        "climate_broad",
        "security",
        "diplomacy_core",
        "diplomacy_broad",
        "politics_core",
    ]
    with (liar / "liar_topics.tsv").open("w", encoding="utf-8") as fh:
        fh.write("\t".join(cols) + "\n")
        for i, text in enumerate(_variants(DIPLOMACY, 6)):
            fh.write(f"{i}.json\ttrain\ttrue\t{text}\tforeign-policy\t0\t0\t0\t1\t1\t0\n")
    gwsd = data / "gwsd-global-warming-stance"
    gwsd.mkdir(parents=True)
    with (gwsd / "GWSD.tsv").open("w", encoding="utf-8") as fh:
        fh.write("\tsentence\tagree\n")
        for i, text in enumerate(_variants(CLIMATE, 4)):
            fh.write(f"{i}\t{text}\t0.5\n")
    cf = data / "climate-fever"
    cf.mkdir(parents=True)
    with (cf / "claims.tsv").open("w", encoding="utf-8") as fh:
        fh.write("claim_id\tclaim_label\tclaim\n")
        for i, text in enumerate(_variants(CLIMATE, 4)):
            fh.write(f"{i}\tSUPPORTS\t{text}\n")
    # Unlabelled articles for the word classes (lower-cased and tokenized as the
    # CNN/DM sample is); none is labelled.
    cnndm = data / "cnndm-train-sample"
    cnndm.mkdir(parents=True)
    with lzma.open(cnndm / "train.jsonl.xz", "wt", encoding="utf-8") as fh:
        for text in _variants([t for t, _ in TEXTS], 144):
            article = " ".join(text.lower().replace(".", " .").replace(",", " ,").split())
            record = {"chunk": "train_000.bin", "article": article, "abstract": "<s> x </s>"}
            fh.write(json.dumps(record) + "\n")
    topics = root / "topics"
    topics.mkdir()
    with (topics / "short-labels-v1.jsonl").open("w", encoding="utf-8") as fh:
        for i, (text, topic_set) in enumerate(TEXTS):
            record = {"id": f"tl-{i:04d}", "source": "liar", "source_id": f"{i}.json"}
            fh.write(json.dumps({**record, "text": text, "labels": sorted(topic_set)}) + "\n")
    with (root / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for record in labels:
            fh.write(json.dumps(record) + "\n")
    with (topics / "wikinews-dev.jsonl").open("w", encoding="utf-8") as fh:
        for i, (text, labels) in enumerate(TEXTS):
            fh.write(
                json.dumps({"title": f"Item {i}", "text": text, "labels": sorted(labels)}) + "\n"
            )
    return data


@pytest.fixture(scope="module")
def fake_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _fake_data(tmp_path_factory.mktemp("shared"))


def test_loaders_read_every_source(fake_data: Path) -> None:
    data = load_sources(fake_data)
    assert {k: len(v) > 0 for k, v in data.items()} == dict.fromkeys(data, True)
    allsides = data["allsides"]
    assert sum(e.group == "test" for e in allsides) == 5
    assert {e.target for e in allsides if e.label == "elections"} == {(0, 0, 0, 1)}


def test_train_command_is_deterministic(
    fake_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outs = [tmp_path / "a", tmp_path / "b"]
    labels = fake_data.parent / "labels.jsonl"
    for out in outs:
        args = ["train", "topics", "--data-dir", str(fake_data), "--out", str(out)]
        assert main([*args, "--labels", str(labels), "--quiet"]) == 0
    assert "out-of-fold macro-F1" in capsys.readouterr().out
    manifests = [json.loads((o / "manifest.json").read_text()) for o in outs]
    entries = [m["artifacts"]["topics.joblib"] for m in manifests]
    assert entries[0]["sha256"] == entries[1]["sha256"]
    entry = entries[0]
    assert (outs[0] / "topics.joblib").read_bytes() == (outs[1] / "topics.joblib").read_bytes()
    assert entry["versions"]["scikit-learn"] and entry["label_mapping_version"]
    assert entry["labelled"]["items"] == 60 + 6 + len(TEXTS)
    assert entry["mapped"]["examples"] > 0 and entry["mapped"]["weight"] > 0
    assert set(entry["oof"]["by_length"]) == {"short", "full"}
    assert 0.0 <= entry["oof"]["by_length"]["full"]["macro_f1"] <= 1.0
    assert set(entry["short_thresholds"]) == set(entry["thresholds"])
    card = (outs[0] / "topics-card.md").read_text()
    assert "## Training data" in card and "Known weak spots" in card
    model = load_model(outs[0] / "topics.joblib", trusted=True)
    assert model.classes_.tolist() == ["security", "climate", "diplomacy", "politics"]
    assert model.short_words == 80 and model.short_thresholds_ is not None
    # The model for short texts reads the word classes learned from the unlabelled articles.
    sub = model.short_model_
    assert sub is not None and sub.word_clusters and sub.cluster_idf_ is not None
    assert "militants" in sub.word_clusters and model.word_clusters is None


def test_train_command_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["train", "topics", "--data-dir", str(tmp_path / "nope"), "--out", str(tmp_path)]
    assert main(args) == 1
    assert "does not exist" in capsys.readouterr().err


def test_card_names_the_short_model_options_that_are_set() -> None:
    from dataclasses import replace

    from newskit.training.topics._card import _short_model_lines
    from newskit.training.topics._train import SHORT_CHARS, _params

    plain = _short_model_lines({"short_words": 80, "short_model": _params(SHORT_CHARS)})
    assert "no class weighting" not in plain[0] and "multiplied" not in plain[0]
    assert "lead_weight" not in _params(SHORT_CHARS) and "train_words" not in _params(SHORT_CHARS)
    varied = replace(SHORT_CHARS, class_weight=None, lead_weight=2.0, train_words=60)
    text = _short_model_lines({"short_words": 80, "short_model": _params(varied)})[0]
    assert "no class weighting" in text and "multiplied by 2" in text
    assert "first 60 words" in text


def test_card_names_the_word_classes_of_either_model() -> None:
    from dataclasses import replace

    from newskit.training.topics._card import _short_model_lines
    from newskit.training.topics._train import SHORT_CHARS, _params

    assert _params(SHORT_CHARS)["word_classes"] == SHORT_CHARS.clusters
    text = _short_model_lines({"short_words": 80, "short_model": _params(SHORT_CHARS)})[0]
    assert f"{SHORT_CHARS.clusters} word classes" in text and "weighing" not in text
    plain = replace(SHORT_CHARS, clusters=None)
    assert "word_classes" not in _params(plain)
    text = _short_model_lines({"short_words": 80, "short_model": _params(plain)})[0]
    assert "word classes" not in text
    half = _params(replace(SHORT_CHARS, cluster_weight=0.5))
    assert "weighing 0.5" in _short_model_lines({"short_words": 80, "short_model": half})[0]


def test_card_names_the_word_vectors_of_either_model() -> None:
    from dataclasses import replace

    from newskit.training.topics._card import _short_model_lines
    from newskit.training.topics._train import SHORT_CHARS, _params

    plain = replace(SHORT_CHARS, vectors=0.0)
    assert "word_vector_weight" not in _params(plain)
    text = _short_model_lines({"short_words": 80, "short_model": _params(plain)})[0]
    assert "text's word vectors" not in text
    three = _params(replace(SHORT_CHARS, vectors=3.0))
    assert three["word_vector_weight"] == 3.0
    text = _short_model_lines({"short_words": 80, "short_model": three})[0]
    assert "mean of the text's word vectors, weighing 3" in text


def test_training_with_word_vectors_is_deterministic(fake_data: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from newskit.training.topics._train import SHIPPED, SHORT_CHARS, train_topics

    config = replace(SHIPPED, vectors=1.0, short_model=replace(SHORT_CHARS, vectors=3.0))
    labels = fake_data.parent / "labels.jsonl"
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        train_topics(fake_data, out, labels_file=labels, config=config, quiet=True)
    data = [(o / "topics.joblib").read_bytes() for o in outs]
    assert data[0] == data[1]
    entry = json.loads((outs[0] / "manifest.json").read_text())["artifacts"]["topics.joblib"]
    assert entry["params"]["word_vector_weight"] == 1.0
    assert entry["params"]["short_model"]["word_vector_weight"] == 3.0
    model = load_model(outs[0] / "topics.joblib", trusted=True)
    sub = model.short_model_
    assert sub is not None and sub.vector_weight == 3.0 and model.vector_weight == 1.0
    # The vectors are not in the file; their folded weights are, per word.
    assert model.word_vectors is None and model.vector_words_ and sub.vector_words_
    assert model.vector_coef_ is not None and sub.vector_coef_ is not None
    assert str(model.get_feature_names_out()[-1]).startswith("vec:")
    assert model.predict(["Militants attacked an army base."]).shape == (1, 4)
