"""Reading the public labelled data sets and mapping them onto the four topics.

Each loader reads one folder of the shared data directory (see its
``SOURCE.md``) and returns :class:`Example` records whose targets come from
:mod:`newskit.training.topics._mapping`. Nothing here is shipped or cached on disk:
training reads the data afresh, so no publisher text ends up in the package.
"""

from __future__ import annotations

import csv
import hashlib
import json
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newskit._errors import InputValueError
from newskit.training.topics._labels import outlet_of_url
from newskit.training.topics._mapping import (
    AG_NEWS,
    ALLSIDES,
    BBC,
    HUFFPOST,
    UNKNOWN,
    Target,
    refine,
)

__all__ = [
    "LOADERS",
    "Example",
    "load_allsides",
    "load_babe",
    "load_dev",
    "load_nyt",
    "load_sources",
]

_U = UNKNOWN


@dataclass(frozen=True)
class Example:
    """One labelled text.

    Attributes
    ----------
    text : str
        Title and body (or headline and description), blank-line separated.
    target : tuple of int
        Per-topic ``1`` / ``0`` / ``-1`` (unknown), in ``TOPICS`` order.
    source : str
        Data set name, e.g. ``'allsides'``.
    label : str
        The source's own label the target was mapped from.
    group : str
        Split tag of a source-internal held-out set (``'test'`` is never trained on).
    ident : str
        The item's id in its data set (as the label files name it).
    outlet : str
        Publisher (URL domain) or data set, as
        :func:`newskit.training.topics._labels.outlet_of_url` names it.
    """

    text: str
    target: Target
    source: str
    label: str
    group: str = ""
    ident: str = ""
    outlet: str = ""


def _join(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _refined(target: Target, label: str, title: str, body: str) -> Target:
    """Apply the keyword rules of :func:`refine` to the title and first ~80 words."""
    lead = title + "\n" + " ".join(body.split()[:80])
    return refine(target, label, title, lead)


def _stable_quarter(key: str) -> int:
    """Deterministic bucket 0-3 from a key (for source-internal held-out splits)."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] & 3


def _require(path: Path) -> Path:
    if not path.exists():
        raise InputValueError(f"training data file {path} is missing (check --data-dir)")
    return path


def _read_split(path: Path) -> set[str]:
    with _require(path).open(encoding="utf-8") as fh:
        return {row["ID"] for row in csv.DictReader(fh, delimiter="\t")}


def load_allsides(data_dir: Path) -> Iterator[Example]:
    """AllSides full articles; ``group`` is ``train``/``valid``/``test`` of the outlet split."""
    folder = data_dir / "allsides-article-bias"
    splits = {
        name: _read_split(folder / "splits" / "media" / f"{name}.tsv")
        for name in ("train", "valid", "test")
    }
    with tarfile.open(_require(folder / "jsons.tar.xz"), "r:xz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".json"):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            record = json.loads(fh.read().decode("utf-8"))
            target = ALLSIDES.get(record.get("topic", ""))
            if target is None:
                continue
            ident = record.get("ID", "")
            group = next((name for name, ids in splits.items() if ident in ids), "none")
            title, body = record.get("title", ""), record.get("content_original", "")
            text = _join(title, body)
            if text:
                target = _refined(target, record["topic"], title, body)
                outlet = outlet_of_url(str(record.get("url") or record.get("source_url") or ""))
                yield Example(text, target, "allsides", record["topic"], group, ident, outlet)


def load_huffpost(data_dir: Path) -> Iterator[Example]:
    """HuffPost headlines + descriptions of the mapped sections."""
    path = data_dir / "huffpost-news-category-v3-first10k" / "News_Category_Dataset_v3.json"
    with _require(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            target = HUFFPOST.get(record["category"])
            text = _join(record.get("headline", ""), record.get("short_description", ""))
            if target is not None and text:
                target = _refined(
                    target, record["category"], record["headline"], record["short_description"]
                )
                yield Example(
                    text,
                    target,
                    "huffpost",
                    record["category"],
                    "",
                    record.get("link", ""),
                    "huffpost",
                )


def load_ag_news(data_dir: Path) -> Iterator[Example]:
    """AG News test split: Sports, Business and Sci/Tech (World is too mixed)."""
    path = data_dir / "ag-news-test" / "test.csv"
    with _require(path).open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            target = AG_NEWS.get(row["label"])
            desc = row["description"].replace("\\", " ").replace("#36;", "$")
            text = _join(row["title"], desc)
            if target is not None and text:
                target = _refined(target, row["label"], row["title"], desc)
                yield Example(text, target, "ag_news", row["label"], "", f"row{i}", "ag-news")


def load_bbc(data_dir: Path) -> Iterator[Example]:
    """BBC full articles, duplicate bodies dropped; ``group`` is ``test`` for a stable quarter."""
    path = data_dir / "bbc-news-summary" / "bbc_news_summary.jsonl"
    seen: set[str] = set()
    with _require(path).open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            body = record.get("text", "")
            if body in seen:
                continue
            seen.add(body)
            target = BBC.get(record["category"])
            if target is not None:
                target = _refined(target, record["category"], record["title"], body)
                group = "test" if _stable_quarter(record["id"]) == 0 else "train"
                text = _join(record["title"], body)
                yield Example(text, target, "bbc", record["category"], group, record["id"], "bbc")


def _liar_target(row: dict[str, str]) -> Target:
    climate = 1 if row["climate_core"] == "1" else _U if row["climate_broad"] == "1" else 0
    if "nuclear" in row["subjects"].split(","):
        climate = _U
    diplomacy = 1 if row["diplomacy_core"] == "1" else _U if row["diplomacy_broad"] == "1" else 0
    politics = 1 if row["politics_core"] == "1" else _U
    return (int(row["security"]), climate, diplomacy, politics)


def load_liar(data_dir: Path) -> Iterator[Example]:
    """LIAR statements with the subject-tag mapping of ``liar_topics.tsv``."""
    path = data_dir / "liar-politifact-subjects" / "liar_topics.tsv"
    with _require(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["statement"].strip():
                yield Example(
                    row["statement"].strip(),
                    _liar_target(row),
                    "liar",
                    row["subjects"],
                    "",
                    row["id"],
                    "politifact",
                )


def load_gwsd(data_dir: Path) -> Iterator[Example]:
    """GWSD climate sentences (screening rows without stance votes dropped)."""
    path = data_dir / "gwsd-global-warming-stance" / "GWSD.tsv"
    seen: set[str] = set()
    with _require(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            sentence = row["sentence"].strip()
            if row["agree"].strip() and sentence and sentence not in seen:
                seen.add(sentence)
                target = refine((0, 1, _U, _U), "climate", "", sentence)
                yield Example(sentence, target, "gwsd", "climate", "", row.get("guid", ""), "gwsd")


def load_climate_fever(data_dir: Path) -> Iterator[Example]:
    """CLIMATE-FEVER claims, all climate positives."""
    path = data_dir / "climate-fever" / "claims.tsv"
    with _require(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            claim = row["claim"].strip()
            if claim:
                target = refine((0, 1, _U, _U), "claim", "", claim)
                yield Example(
                    claim,
                    target,
                    "climate_fever",
                    "claim",
                    "",
                    row.get("claim_id", ""),
                    "climate-fever",
                )


#: Training sources in the order they are read.
LOADERS: dict[str, Callable[[Path], Iterator[Example]]] = {
    "allsides": load_allsides,
    "bbc": load_bbc,
    "huffpost": load_huffpost,
    "ag_news": load_ag_news,
    "liar": load_liar,
    "gwsd": load_gwsd,
    "climate_fever": load_climate_fever,
}


def load_sources(
    data_dir: Path, sources: tuple[str, ...] | None = None
) -> dict[str, list[Example]]:
    """Read every (or the named) training source into memory."""
    names = tuple(LOADERS) if sources is None else sources
    unknown = sorted(set(names) - set(LOADERS))
    if unknown:
        raise InputValueError(f"unknown training sources: {', '.join(unknown)}")
    return {name: list(LOADERS[name](data_dir)) for name in names}


# --- evaluation-only sets -------------------------------------------------


def load_dev(shared_dir: Path) -> list[tuple[str, str, frozenset[str]]]:
    """Wikinews dev set as ``(title, text, labels)``; it never trains weights."""
    path = shared_dir / "topics" / "wikinews-dev.jsonl"
    out = []
    with _require(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                out.append((record["title"], record["text"], frozenset(record["labels"])))
    return out


# NYT Policy Agendas major codes -> the one topic they check (None = negative for all).
_NYT_CODES: dict[int, str | None] = {
    16: "security",
    19: "diplomacy",
    20: "politics",
    7: "climate",
    **dict.fromkeys((3, 5, 6, 10, 15, 17, 28, 29, 30, 31, 99)),
}


def load_nyt(data_dir: Path) -> list[tuple[str, str, str | None]]:
    """NYT front-page headline + coder summary with the topic its code checks.

    Only clear codes are kept (see ``_NYT_CODES``). Each row is
    ``(Article_ID, text, topic)``; topic ``None`` means the story should carry
    none of the four topics.
    """
    path = data_dir / "nyt-cap-headlines-boydstun" / "NYTimes.csv"
    out = []
    with _require(path).open(encoding="latin-1", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            code = int(row["Topic.Code"])
            if code in _NYT_CODES:
                text = _join(row["Title"], row["Subject"])
                out.append((row["Article_ID"], text, _NYT_CODES[code]))
    return out


def load_babe(data_dir: Path) -> list[tuple[str, str, bool]]:
    """BABE sentences as ``(row id, text, is environment)``; the id is ``row<N>``."""
    path = data_dir / "babe-media-bias-topics" / "final_labels_SG2.csv"
    with _require(path).open(encoding="utf-8-sig", newline="") as fh:
        return [
            (f"row{i}", row["text"].strip(), row["topic"].strip() == "environment")
            for i, row in enumerate(csv.DictReader(fh, delimiter=";"))
            if row["text"].strip()
        ]
