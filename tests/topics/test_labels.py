"""Rebuilding labelled texts from the data sets, hash checks, outlets and folds.

The fake data sets hold sentences written for these tests, in the layout of
each public data set (see its SOURCE.md).
"""

from __future__ import annotations

import csv
import io
import json
import lzma
import tarfile
from pathlib import Path

import numpy as np
import pytest

from newskit.text import split_sentences
from newskit.training.topics._labels import (
    LABELS_FILE,
    LabelTextMismatch,
    label_matrix,
    load_corpus,
    outlet_folds,
    outlet_of_url,
    text_sha1,
)

BODY = "Troops crossed the river at dawn. The army said two soldiers died. Talks were off."


def _record(ident: str, source: str, sid: str, form: str, text: str, labels: list[str]) -> dict:
    return {
        "id": ident,
        "source": source,
        "source_id": sid,
        "form": form,
        "length": "full" if form == "article" else "short",
        "selected": "random",
        "text_sha1": text_sha1(text),
        "labels": labels,
        "disputed": False,
        "annotations": [{"annotator": "T1", "labels": labels, "note": "test"}],
    }


def _data(root: Path) -> tuple[Path, list[dict]]:
    data = root / "data"
    records = []
    # AllSides: an article and, for another id, its first two sentences.
    folder = data / "allsides-article-bias"
    folder.mkdir(parents=True)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:xz") as tar:
        for ident in ("a1", "a2"):
            rec = {
                "ID": ident,
                "title": "Army crosses river",
                "content_original": BODY,
                "url": f"https://www.example-news.com/{ident}",
            }
            raw = json.dumps(rec).encode()
            info = tarfile.TarInfo(f"jsons/{ident}.json")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
    (folder / "jsons.tar.xz").write_bytes(buf.getvalue())
    records.append(
        _record("t1", "allsides", "a1", "article", f"Army crosses river\n\n{BODY}", ["security"])
    )
    lead = " ".join(list(split_sentences(BODY))[:2])
    records.append(_record("t2", "allsides-lead", "a2", "lead-2-sentences", lead, ["security"]))
    # CNN/DM: tokenised highlights of a CNN chunk.
    cnn = data / "cnndm-train-sample"
    cnn.mkdir(parents=True)
    abstract = "<s> the senate passed the bill . </s> <s> it now goes to the house . </s>"
    article = "( cnn ) -- the senate passed the bill . it now goes to the house . votes follow ."
    rows = [{"chunk": "train_001.bin", "article": article, "abstract": abstract}]
    with lzma.open(cnn / "train.jsonl.xz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    records.append(
        _record(
            "t3",
            "cnndm-highlights",
            "train:0",
            "highlights-1",
            "the senate passed the bill.",
            ["politics"],
        )
    )
    # ... and the first two sentences of that CNN article, detokenised.
    records.append(
        _record(
            "t3b",
            "cnndm-lead",
            "train:0",
            "lead-2-sentences",
            "(cnn) -- the senate passed the bill. it now goes to the house.",
            ["politics"],
        )
    )
    # AG News and NYT rows.
    ag = data / "ag-news-test"
    ag.mkdir(parents=True)
    with (ag / "test.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["label", "title", "description"])
        w.writerow(["2", "Club wins cup", "The striker scored twice, a #36;5 bonus."])
    records.append(
        _record(
            "t4",
            "ag-news-test",
            "row0",
            "headline+description",
            "Club wins cup. The striker scored twice, a $5 bonus.",
            [],
        )
    )
    nyt = data / "nyt-cap-headlines-boydstun"
    nyt.mkdir(parents=True)
    (nyt / "NYTimes.csv").write_text(
        '"Article_ID";"Date";"Title";"Subject";"Topic.Code"\n'
        '7;"1-Jan-96";"Envoys Meet";"talks between two states";19\n',
        encoding="latin-1",
    )
    records.append(
        _record(
            "t5", "nyt-cap", "7", "headline+summary", "Envoys Meet. talks between two states", []
        )
    )
    topics = root / "topics"
    topics.mkdir()
    v1 = {"id": "tl-0000", "source": "liar", "source_id": "1.json", "text": "Taxes rose."}
    (topics / "short-labels-v1.jsonl").write_text(
        json.dumps({**v1, "labels": [], "annotations": []}) + "\n", encoding="utf-8"
    )
    return data, records


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_load_corpus_rebuilds_every_form(tmp_path: Path) -> None:
    data, records = _data(tmp_path)
    items = load_corpus(data, _write(tmp_path / "labels.jsonl", records))
    assert [i.id for i in items] == ["t1", "t2", "t3", "t3b", "t4", "t5", "tl-0000"]
    outlets = [i.outlet for i in items]
    assert outlets == ["example-news.com"] * 2 + ["cnn", "cnn", "ag-news", "nytimes", "politifact"]
    assert items[1].text.endswith("two soldiers died.")
    assert items[0].labels == frozenset({"security"}) and items[-1].length == "short"
    assert label_matrix(items).tolist()[0] == [1, 0, 0, 0]


def test_load_corpus_reports_every_mismatch(tmp_path: Path) -> None:
    data, records = _data(tmp_path)
    records[4]["text_sha1"] = "000000000000"
    records[5]["source_id"] = "999"
    path = _write(tmp_path / "labels.jsonl", records)
    with pytest.raises(LabelTextMismatch) as err:
        load_corpus(data, path)
    assert [i for i, _ in err.value.mismatches] == ["t4", "t5"]
    assert "source row not found" in str(err.value)
    kept = load_corpus(data, path, strict=False)
    assert [i.id for i in kept] == ["t1", "t2", "t3", "t3b", "tl-0000"]


def test_unknown_topic_or_source_is_refused(tmp_path: Path) -> None:
    data, records = _data(tmp_path)
    bad = [{**records[0], "labels": ["sport"]}]
    with pytest.raises(ValueError, match="unknown topics"):
        load_corpus(data, _write(tmp_path / "a.jsonl", bad))
    bad = [{**records[0], "source": "nowhere"}]
    with pytest.raises(ValueError, match="unknown sources"):
        load_corpus(data, _write(tmp_path / "b.jsonl", bad))


def test_outlets_merge_aliases() -> None:
    assert outlet_of_url("https://www.huffingtonpost.com/entry/x") == "huffpost"
    assert outlet_of_url("https://www.huffpost.com/entry/y") == "huffpost"
    assert outlet_of_url("https://news.bbc.co.uk/1/hi/x.stm") == "bbc"
    assert outlet_of_url("") == "unknown"


def test_outlet_folds_never_split_an_outlet() -> None:
    rng = np.random.default_rng(0)
    outlets = [f"o{int(k)}" for k in rng.integers(0, 23, size=400)]
    Y = rng.integers(0, 2, size=(400, 4))
    short = rng.integers(0, 2, size=400).astype(bool)
    folds = outlet_folds(outlets, Y, list(short), n_folds=5)
    for o in set(outlets):
        assert len({int(f) for f, x in zip(folds, outlets, strict=True) if x == o}) == 1
    sizes = np.bincount(folds, minlength=5)
    assert sizes.min() > 0.5 * sizes.max()
    again = outlet_folds(outlets, Y, list(short), n_folds=5)
    assert (again == folds).all()


def test_repository_label_file_holds_no_text() -> None:
    keys = {"id", "source", "source_id", "form", "length", "selected", "text_sha1", "labels"}
    keys |= {"disputed", "annotations", "adjudication"}
    with LABELS_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            assert set(record) <= keys, record["id"]
            for a in record["annotations"]:
                assert set(a) == {"annotator", "labels", "note"}
                assert len(a["note"]) <= 160


@pytest.mark.slow
def test_every_repository_label_rebuilds(data_dir: Path) -> None:
    items = load_corpus(data_dir)  # raises LabelTextMismatch on any difference
    assert len(items) >= 4370
    assert {i.length for i in items} == {"short", "full"}


def test_wcxb_page_without_gold_text_is_not_found(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "wcxb-articles" / "dev" / "ground-truth"
    folder.mkdir(parents=True)
    truth = {"url": "https://example-news.com/a", "ground_truth": {"title": "A page"}}
    (folder / "0001.json").write_text(json.dumps(truth), encoding="utf-8")
    record = _record("w1", "wcxb", "0001", "article", "A page\n\nBody.", [])
    path = _write(tmp_path / "labels.jsonl", [record])
    with pytest.raises(LabelTextMismatch, match="source row not found"):
        load_corpus(tmp_path / "data", path, v1_file=_write(tmp_path / "v1.jsonl", []))


def test_token_sentences_end_at_free_standing_stops() -> None:
    from newskit.training.topics._labels import _token_sentences

    text = "he said : `` go now . '' then u.s. troops left ! what ? no stop"
    assert _token_sentences(text) == [
        "he said : `` go now . ''",
        "then u.s. troops left !",
        "what ?",
        "no stop",
    ]
