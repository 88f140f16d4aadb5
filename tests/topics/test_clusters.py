"""Word classes learned from unlabelled text (newskit.training.topics._clusters)."""

from __future__ import annotations

import itertools
import json
import lzma
from pathlib import Path

import numpy as np

from newskit.training.topics._clusters import cluster_words, unlabelled_cnndm, vectors


def _corpus() -> list[str]:
    """Text written for this test: two families of words that share their contexts."""
    storms = ("typhoon", "cyclone", "hurricane")
    houses = ("senate", "parliament", "congress")
    places = ("coast", "island", "port", "bay")
    bills = ("bill", "budget", "law", "motion")
    out = []
    for (s, p), (h, b) in zip(
        itertools.product(storms, places), itertools.product(houses, bills), strict=True
    ):
        for _ in range(3):
            out.append(f"the {s} hit the {p} with strong winds and heavy rain overnight")
            out.append(f"the {h} passed the {b} after a long debate among members today")
    return out


def test_words_of_shared_contexts_fall_in_one_class_and_builds_repeat() -> None:
    words, vecs = vectors(_corpus(), n_words=40, n_contexts=40, min_count=3, window=3, dims=6)
    assert words[0] == "the"  # most frequent first
    assert vecs.shape == (len(words), 6)
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0)
    classes = cluster_words(words, vecs, 5)
    assert classes["typhoon"] == classes["cyclone"] == classes["hurricane"]
    assert classes["senate"] == classes["parliament"] == classes["congress"]
    assert classes["typhoon"] != classes["senate"]
    assert classes[words[0]] == 0  # numbered from the most frequent word
    again_words, again = vectors(
        _corpus(), n_words=40, n_contexts=40, min_count=3, window=3, dims=6
    )
    assert again_words == words and np.array_equal(again, vecs)
    assert cluster_words(again_words, again, 5) == classes


def test_labelled_articles_and_their_copies_are_left_out(tmp_path: Path) -> None:
    folder = tmp_path / "cnndm-train-sample"
    folder.mkdir()
    articles = [
        "first story about a storm .",
        "second story , labelled .",
        "",
        "first story about a storm .",
        "third story with a copy of the labelled one before it .",
        "second story , labelled .",
    ]
    with lzma.open(folder / "train.jsonl.xz", "wt", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"chunk": "train_000.bin", "article": a, "abstract": ""}) + "\n")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        json.dumps({"source": "cnndm-highlights", "source_id": "train:5"})
        + "\n"
        + json.dumps({"source": "bbc", "source_id": "train:4"})
        + "\n",
        encoding="utf-8",
    )
    texts = unlabelled_cnndm(tmp_path, [labels])
    assert texts == [
        "first story about a storm.",
        "third story with a copy of the labelled one before it.",
    ]
