"""The guideline-labelled topic corpus: labels from the repo, texts rebuilt from the data.

``labels/topics/labels-v2.jsonl`` stores, per item, where its text comes from
(``source``, ``source_id``, ``form``) and the first 12 hex digits of the sha1
of the text the annotators read (``text_sha1``), never the text itself.
:func:`load_corpus` rebuilds every text from the public data sets exactly as
the annotation pool was built, checks each against its ``text_sha1`` and
raises :class:`LabelTextMismatch` naming every item that does not match. The
1,600 short items of ``topics/short-labels-v1.jsonl`` (which carries its text)
are read from the shared folder and added.

Every item also gets an *outlet*: the publisher whose style it carries (the
domain of its URL where the data set gives one, else the data set). Model
selection folds never split an outlet (see :func:`outlet_folds`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import lzma
import re
import tarfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import numpy.typing as npt

from newskit._errors import InputValueError
from newskit.text import split_sentences
from newskit.training.topics._mapping import TOPICS

__all__ = [
    "LABELS_FILE",
    "SHORT_WORDS",
    "V1_FILE",
    "LabelTextMismatch",
    "LabelledItem",
    "label_matrix",
    "load_corpus",
    "outlet_folds",
    "outlet_of_url",
    "read_label_records",
    "rebuild_texts",
    "text_sha1",
]

#: The label file of the repository (ids and labels only).
LABELS_FILE = Path(__file__).resolve().parents[3] / "labels" / "topics" / "labels-v2.jsonl"
#: The short items labelled first, read from the shared folder (it holds their text).
V1_FILE = Path("topics") / "short-labels-v1.jsonl"
#: Items with fewer words than this are *short* in every report (the issue's cut).
SHORT_WORDS = 80

#: Hosts of one publisher under several domains, and data sets without URLs.
_OUTLET_ALIASES = {
    "bbc.co.uk": "bbc",
    "bbc.com": "bbc",
    "huffingtonpost.com": "huffpost",
    "huffpost.com": "huffpost",
    "nytimes.com": "nytimes",
    "cnn.com": "cnn",
    "dailymail.co.uk": "dailymail",
    "foxnews.com": "foxnews",
}
_SOURCE_OUTLET = {
    "bbc": "bbc",
    "frank-xsum": "bbc",  # XSum articles are BBC stories
    "frank-xsum-summary": "bbc",
    "huffpost": "huffpost",
    "nyt-cap": "nytimes",
    "ag-news-test": "ag-news",  # many wire sources, none named per row
    "liar": "politifact",
    "gwsd": "gwsd",
    "climate-fever": "climate-fever",
}
# The CNN/DM train chunks hold the CNN stories first (chunks 0-92), then Daily Mail.
_CNN_CHUNKS = 93


class LabelTextMismatch(InputValueError):
    """Rebuilt texts that do not hash to the ``text_sha1`` their label records."""

    def __init__(self, mismatches: Sequence[tuple[str, str]]) -> None:
        self.mismatches = list(mismatches)
        shown = "; ".join(f"{i}: {why}" for i, why in self.mismatches[:10])
        more = len(self.mismatches) - 10
        super().__init__(
            f"{len(self.mismatches)} labelled items do not rebuild to the text their "
            f"annotators read: {shown}" + (f" (and {more} more)" if more > 0 else "")
        )


@dataclass(frozen=True)
class LabelledItem:
    """One guideline-labelled text.

    Attributes
    ----------
    id : str
        Item id (``tl2-NNNNN`` or ``tl-NNNN`` for the first short round).
    source, source_id, form : str
        Where the text comes from and how it was made.
    length : str
        ``'full'`` (an article) or ``'short'``, as the corpus records it.
    labels : frozenset of str
        The final topics (possibly none).
    text : str
        The text the annotators read (articles were shown clipped after 600
        words; the model reads what the runtime reads).
    outlet : str
        Publisher (URL domain) or data set: the unit model-selection folds keep whole.
    selected : str
        How the item was drawn (``random``, ``section:...``, ``enriched:...``).
    annotations : tuple of tuple
        ``(annotator, labels)`` of each independent annotation.
    disputed : bool
        Two annotators disagreed (``labels`` is then the adjudicated set).
    """

    id: str
    source: str
    source_id: str
    form: str
    length: str
    labels: frozenset[str]
    text: str
    outlet: str
    selected: str = "random"
    annotations: tuple[tuple[str, frozenset[str]], ...] = field(default=())
    disputed: bool = False

    @property
    def words(self) -> int:
        """Number of whitespace-separated words of :attr:`text`."""
        return len(self.text.split())


def text_sha1(text: str) -> str:
    """First 12 hex digits of the sha1 of ``text`` (UTF-8), as ``text_sha1`` records.

    >>> text_sha1("abc")
    'a9993e364706'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def outlet_of_url(url: str) -> str:
    """The publisher key of a URL: its registered domain, with known aliases merged.

    >>> outlet_of_url("https://www.bbc.co.uk/news/x")
    'bbc'
    >>> outlet_of_url("http://edition.cnn.com/2019/a.html")
    'cnn'
    >>> outlet_of_url("https://blog.example.org/post")
    'example.org'
    """
    host = (urlparse(url).hostname or "").lower().rstrip(".")
    parts = host.split(".")
    keep = 3 if len(parts) >= 3 and parts[-2] in {"co", "com", "org", "net", "ac", "gov"} else 2
    domain = ".".join(parts[-keep:]) if host else "unknown"
    return _OUTLET_ALIASES.get(domain, domain)


def read_label_records(path: Path) -> list[dict[str, object]]:
    """The JSON records of a label file, one per non-blank line."""
    if not path.is_file():
        raise InputValueError(f"label file {path} does not exist")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# -- rebuilding the texts ------------------------------------------------------


def _detok(t: str) -> str:
    """Undo the PTB tokenisation of the CNN/DM sample (as the annotation pool did)."""
    for clitic in ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m"):
        t = t.replace(" " + clitic, clitic)
    t = re.sub(r" ([.,!?;:%)\]])", r"\1", t)
    t = re.sub(r"([(\[$]) ", r"\1", t)
    t = re.sub(r"`` ?| ?''", '"', t)
    return t.replace("-lrb-", "(").replace("-rrb-", ")")


def _highlights(abstract: str) -> list[str]:
    return [s.strip() for s in re.findall(r"<s>(.*?)</s>", abstract)]


def _token_sentences(tokenized: str) -> list[str]:
    """Sentences of PTB-tokenised, lower-cased text: a sentence ends at a free-standing
    ``.``, ``!`` or ``?`` token (and a closing quote after it). Abbreviations keep
    their period inside the token, and a splitter that needs capitals cannot work on
    lower-cased text."""
    sents: list[str] = []
    current: list[str] = []
    tokens = tokenized.split()
    for i, tok in enumerate(tokens):
        current.append(tok)
        ends = tok in {".", "!", "?"} or (tok == "''" and i and tokens[i - 1] in {".", "!", "?"})
        if ends and not (i + 1 < len(tokens) and tokens[i + 1] == "''"):
            sents.append(" ".join(current))
            current = []
    if current:
        sents.append(" ".join(current))
    return sents


def _count_from(form: str, pattern: str) -> int:
    match = re.fullmatch(pattern, form)
    if match is None:
        raise InputValueError(f"unknown form {form!r}")
    return int(match.group(1))


Wanted = dict[str, list[str]]  # source_id -> forms wanted
Texts = dict[tuple[str, str, str], tuple[str, str]]  # (source, id, form) -> (text, outlet)


def _allsides(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = {**wanted.get("allsides", {})}
    for sid, forms in wanted.get("allsides-lead", {}).items():
        need.setdefault(sid, [])
        need[sid] = need[sid] + [f"lead:{f}" for f in forms]
    if not need:
        return
    folder = data / "allsides-article-bias"
    with tarfile.open(folder / "jsons.tar.xz", "r:xz") as tar:
        for member in tar:
            ident = Path(member.name).stem
            if not member.isfile() or ident not in need:
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            rec = json.loads(fh.read().decode("utf-8"))
            outlet = outlet_of_url(str(rec.get("url") or rec.get("source_url") or ""))
            body = str(rec["content_original"])
            for form in need[ident]:
                if form.startswith("lead:"):
                    k = _count_from(form[5:], r"lead-(\d)-sentences")
                    sents = list(split_sentences(" ".join(body.split())))
                    text = " ".join(sents[:k])
                    out[("allsides-lead", ident, form[5:])] = (text.strip(), outlet)
                else:
                    text = str(rec["title"]) + "\n\n" + body
                    out[("allsides", ident, form)] = (text.strip(), outlet)


def _bbc(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("bbc", {})
    if not need:
        return
    with (data / "bbc-news-summary" / "bbc_news_summary.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in need:
                text = rec["title"] + "\n\n" + rec["text"]
                out[("bbc", rec["id"], "article")] = (text.strip(), "bbc")


def _cnndm(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    arts, highs = wanted.get("cnndm-train", {}), wanted.get("cnndm-highlights", {})
    leads = wanted.get("cnndm-lead", {})
    if not arts and not highs and not leads:
        return
    with lzma.open(data / "cnndm-train-sample" / "train.jsonl.xz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            sid = f"train:{i}"
            if sid not in arts and sid not in highs and sid not in leads:
                continue
            rec = json.loads(line)
            chunk = int(re.sub(r"\D", "", rec["chunk"]) or 0)
            outlet = "cnn" if chunk < _CNN_CHUNKS else "dailymail"
            if sid in arts:
                out[("cnndm-train", sid, "article")] = (_detok(rec["article"]).strip(), outlet)
            for form in highs.get(sid, []):
                k = _count_from(form, r"highlights-(\d)")
                text = _detok(" ".join(_highlights(rec["abstract"])[:k]))
                out[("cnndm-highlights", sid, form)] = (text.strip(), outlet)
            for form in leads.get(sid, []):
                k = _count_from(form, r"lead-(\d)-sentences")
                lead = _detok(" ".join(_token_sentences(rec["article"])[:k]))
                out[("cnndm-lead", sid, form)] = (lead.strip(), outlet)


def _xsum(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    arts, sums = wanted.get("frank-xsum", {}), wanted.get("frank-xsum-summary", {})
    if not arts and not sums:
        return
    with (data / "frank-cnndm-xsum" / "frank_xsum_test.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            sid = str(rec["id"])
            if sid in arts:
                out[("frank-xsum", sid, "article")] = (str(rec["article"]).strip(), "bbc")
            if sid in sums:
                ref = rec.get("reference") or rec.get("summary") or rec.get("highlights")
                out[("frank-xsum-summary", sid, "one-sentence-summary")] = (
                    str(ref).strip(),
                    "bbc",
                )


def _wcxb(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    for sid in wanted.get("wcxb", {}):
        path = data / "wcxb-articles" / "dev" / "ground-truth" / f"{sid}.json"
        if not path.is_file():
            continue
        g = json.loads(path.read_text(encoding="utf-8"))
        gt = g["ground_truth"]
        if not gt.get("main_content"):
            continue  # a known quirk of the data set (SOURCE.md): no gold text, so no item
        text = (gt.get("title") or "") + "\n\n" + gt["main_content"]
        out[("wcxb", sid, "article")] = (text.strip(), outlet_of_url(str(g.get("url", ""))))


def _aeb(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("aeb", {})
    if not need:
        return
    truth = json.loads(
        (data / "article-extraction-benchmark" / "ground-truth.json").read_text(encoding="utf-8")
    )
    for sid in need:
        if sid in truth:
            rec = truth[sid]
            out[("aeb", sid, "article")] = (
                str(rec["articleBody"]).strip(),
                outlet_of_url(str(rec.get("url", ""))),
            )


def _huffpost(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("huffpost", {})
    if not need:
        return
    path = data / "huffpost-news-category-v3-first10k" / "News_Category_Dataset_v3.json"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if r["link"] not in need or not r["headline"].strip():
                continue
            head, desc = r["headline"].strip(), r["short_description"].strip()
            text = f"{head}. {desc}".strip(". ") if desc else head
            out[("huffpost", r["link"], "headline+description")] = (text.strip(), "huffpost")


def _ag(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("ag-news-test", {})
    if not need:
        return
    with (data / "ag-news-test" / "test.csv").open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if f"row{i}" in need:
                desc = r["description"].replace("\\", " ").replace("#36;", "$")
                text = f"{r['title']}. {desc}"
                out[("ag-news-test", f"row{i}", "headline+description")] = (text.strip(), "ag-news")


def _nyt(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("nyt-cap", {})
    if not need:
        return
    path = data / "nyt-cap-headlines-boydstun" / "NYTimes.csv"
    with path.open(encoding="latin-1", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            if r["Article_ID"] in need:
                text = f"{r['Title']}. {r['Subject']}"
                out[("nyt-cap", r["Article_ID"], "headline+summary")] = (text.strip(), "nytimes")


def _tsv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _liar(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("liar", {})
    if not need:
        return
    for r in _tsv_rows(data / "liar-politifact-subjects" / "liar_topics.tsv"):
        if r["id"] in need and r["statement"].strip():
            out[("liar", r["id"], "statement")] = (r["statement"].strip(), "politifact")


def _babe(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("babe", {})
    if not need:
        return
    path = data / "babe-media-bias-topics" / "final_labels_SG2.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh, delimiter=";")):
            if f"row{i}" in need:
                outlet = outlet_of_url(r.get("news_link") or "") if r.get("news_link") else "babe"
                out[("babe", f"row{i}", "sentence")] = (r["text"].strip(), outlet)


def _gwsd(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("gwsd", {})
    if not need:
        return
    for r in _tsv_rows(data / "gwsd-global-warming-stance" / "GWSD.tsv"):
        if r["guid"] in need and r["sentence"].strip():
            out.setdefault(("gwsd", r["guid"], "sentence"), (r["sentence"].strip(), "gwsd"))


def _climate_fever(data: Path, wanted: dict[str, Wanted], out: Texts) -> None:
    need = wanted.get("climate-fever", {})
    if not need:
        return
    for r in _tsv_rows(data / "climate-fever" / "claims.tsv"):
        if r["claim_id"] in need:
            out[("climate-fever", r["claim_id"], "claim")] = (r["claim"].strip(), "climate-fever")


_READERS: tuple[Callable[[Path, dict[str, Wanted], Texts], None], ...] = (
    _allsides,
    _bbc,
    _cnndm,
    _xsum,
    _wcxb,
    _aeb,
    _huffpost,
    _ag,
    _nyt,
    _liar,
    _babe,
    _gwsd,
    _climate_fever,
)


def rebuild_texts(
    records: Iterable[dict[str, object]], data_dir: Path
) -> dict[tuple[str, str, str], tuple[str, str]]:
    """Rebuild the text (and outlet) of every ``(source, source_id, form)`` in ``records``.

    Parameters
    ----------
    records : iterable of dict
        Label records with ``source``, ``source_id`` and ``form``.
    data_dir : Path
        The public data sets (``../shared/data``).

    Returns
    -------
    dict
        ``(source, source_id, form) -> (text, outlet)`` for every item found;
        an item whose source row is missing is absent.
    """
    wanted: dict[str, Wanted] = defaultdict(dict)
    for r in records:
        forms = wanted[str(r["source"])].setdefault(str(r["source_id"]), [])
        forms.append(str(r["form"]))
    known = {
        "allsides",
        "allsides-lead",
        "bbc",
        "cnndm-train",
        "cnndm-highlights",
        "cnndm-lead",
        "frank-xsum",
        "frank-xsum-summary",
        "wcxb",
        "aeb",
        *_SOURCE_OUTLET,
        "babe",
    }
    unknown = sorted(set(wanted) - known)
    if unknown:
        raise InputValueError(f"label records name unknown sources: {', '.join(unknown)}")
    out: Texts = {}
    for reader in _READERS:
        reader(data_dir, wanted, out)
    return out


def _labels(value: object) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputValueError(f"labels must be a list of topic names, not {value!r}")
    bad = set(value) - set(TOPICS)
    if bad:
        raise InputValueError(f"unknown topics in labels: {sorted(bad)}")
    return frozenset(value)


def _annotations(value: object) -> tuple[tuple[str, frozenset[str]], ...]:
    rows = value if isinstance(value, list) else []
    return tuple((str(a["annotator"]), _labels(a["labels"])) for a in rows)


def load_corpus(
    data_dir: Path,
    labels_file: Path = LABELS_FILE,
    *,
    v1_file: Path | None = None,
    strict: bool = True,
) -> list[LabelledItem]:
    """Every labelled item with its rebuilt, hash-checked text.

    Parameters
    ----------
    data_dir : Path
        The public data sets; ``data_dir/../topics/short-labels-v1.jsonl`` is
        read too unless ``v1_file`` names another file.
    labels_file : Path
        The repository's label file.
    v1_file : Path, optional
        The first round of short labels (default: beside ``data_dir``).
    strict : bool
        Raise :class:`LabelTextMismatch` when any text cannot be rebuilt or
        does not match its ``text_sha1``; ``False`` drops such items.

    Returns
    -------
    list of LabelledItem
        The items of ``labels_file`` in file order, then those of the v1 file.
    """
    records = read_label_records(labels_file)
    texts = rebuild_texts(records, data_dir)
    items, bad = [], []
    for r in records:
        key = (str(r["source"]), str(r["source_id"]), str(r["form"]))
        found = texts.get(key)
        if found is None:
            bad.append((str(r["id"]), "source row not found"))
            continue
        text, outlet = found
        if text_sha1(text) != r["text_sha1"]:
            bad.append((str(r["id"]), f"sha1 {text_sha1(text)} != {r['text_sha1']}"))
            continue
        items.append(
            LabelledItem(
                id=str(r["id"]),
                source=key[0],
                source_id=key[1],
                form=key[2],
                length=str(r["length"]),
                labels=_labels(r["labels"]),
                text=text,
                outlet=outlet,
                selected=str(r.get("selected", "random")),
                annotations=_annotations(r.get("annotations")),
                disputed=bool(r.get("disputed", False)),
            )
        )
    if bad and strict:
        raise LabelTextMismatch(bad)
    v1 = v1_file if v1_file is not None else data_dir.parent / V1_FILE
    for r in read_label_records(v1):
        source = str(r["source"])
        items.append(
            LabelledItem(
                id=str(r["id"]),
                source=source,
                source_id=str(r["source_id"]),
                form="v1",
                length="short",
                labels=_labels(r["labels"]),
                text=str(r["text"]).strip(),
                outlet=_SOURCE_OUTLET.get(source, source),
                selected="random",
                annotations=_annotations(r.get("annotations")),
                disputed=bool(r.get("disputed", False)),
            )
        )
    ids = Counter(i.id for i in items)
    dup = sorted(k for k, v in ids.items() if v > 1)
    if dup:
        raise InputValueError(f"duplicate item ids in the label files: {dup[:5]}")
    return items


def label_matrix(items: Sequence[LabelledItem]) -> npt.NDArray[np.int64]:
    """0/1 matrix ``(n_items, 4)`` of the items' labels in :data:`TOPICS` order."""
    return np.array([[int(t in i.labels) for t in TOPICS] for i in items], dtype=np.int64).reshape(
        len(items), len(TOPICS)
    )


def outlet_folds(
    outlets: Sequence[str], Y: npt.NDArray[np.int64], short: Sequence[bool], n_folds: int = 5
) -> npt.NDArray[np.int64]:
    """Assign whole outlets to ``n_folds`` folds, balancing sizes and labels.

    Outlets are placed largest first, each into the fold whose counts per
    (length, topic) cell and in total would stay the most even (a greedy
    partition; deterministic: ties go to the lower fold, outlets of equal
    size in name order). No outlet is split between folds.

    Parameters
    ----------
    outlets : sequence of str
        Outlet of each item.
    Y : ndarray of shape (n_items, n_topics)
        0/1 labels.
    short : sequence of bool
        Whether each item is short.
    n_folds : int
        Number of folds.

    Returns
    -------
    ndarray of int
        The fold (``0 .. n_folds - 1``) of each item.

    Examples
    --------
    >>> Y = np.array([[1], [0], [1], [0], [1], [0]])
    >>> outlet_folds(["a", "a", "b", "c", "c", "d"], Y, [True] * 6, n_folds=2).tolist()
    [0, 0, 0, 1, 1, 1]
    """
    names = sorted(set(outlets))
    index = {n: i for i, n in enumerate(names)}
    per = np.zeros((len(names), 1 + 2 * (Y.shape[1] + 1)))
    for o, row, s in zip(outlets, Y, short, strict=True):
        cells = np.concatenate([[1.0], row, [float(not row.any())]])
        offset = 0 if s else Y.shape[1] + 1
        per[index[o], 0] += 1
        per[index[o], 1 + offset : 1 + offset + Y.shape[1] + 1] += cells[1:]
    # Each column scaled by its total so every (length, topic) cell counts alike.
    scale = per.sum(axis=0)
    scale[scale == 0] = 1
    norm = per / scale
    order = sorted(range(len(names)), key=lambda i: (-per[i, 0], names[i]))
    load = np.zeros((n_folds, per.shape[1]))
    fold_of = np.zeros(len(names), dtype=np.int64)
    for i in order:
        costs = [float(((load[f] + norm[i]) ** 2).sum()) for f in range(n_folds)]
        best = int(np.argmin(costs))
        load[best] += norm[i]
        fold_of[i] = best
    return np.array([fold_of[index[o]] for o in outlets], dtype=np.int64)
