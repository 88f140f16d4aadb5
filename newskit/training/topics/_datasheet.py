"""Counts and inter-annotator agreement of the labelled topic corpus (labels only, no text).

:func:`render_datasheet` writes ``labels/topics/DATASHEET.md`` from the label
files; ``benchmarks/topics_datasheet.py`` runs it and prints every figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from newskit.training.topics._mapping import TOPICS

__all__ = ["agreement", "cohen_kappa", "render_datasheet"]


#: How a note that came too close to the item's own wording is stored instead.
WITHHELD_NOTE = "(withheld"


def cohen_kappa(a: Sequence[int], b: Sequence[int]) -> float:
    """Cohen's kappa of two binary label sequences (``nan`` when chance agreement is 1).

    >>> cohen_kappa([1, 1, 0, 0], [1, 1, 0, 0])
    1.0
    >>> round(cohen_kappa([1, 0, 1, 0], [1, 1, 0, 0]), 3)
    0.0
    """
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if len(x) == 0:
        return float("nan")
    observed = float(np.mean(x == y))
    px, py = float(x.mean()), float(y.mean())
    chance = px * py + (1 - px) * (1 - py)
    return float("nan") if chance >= 1 else (observed - chance) / (1 - chance)


#: First annotator session of each labelling round of labels-v2 (A1-A15, A16-A26,
#: A27-A29, A30-A32, A33-A35, A36-A38, A39-A41, A42-A44, A45-A47, A48-A50,
#: A51 on).
ROUND_STARTS = (1, 16, 27, 30, 33, 36, 39, 42, 45, 48, 51)


def _session_number(annotator: str) -> int:
    digits = "".join(ch for ch in annotator if ch.isdigit())
    return int(digits) if digits else 0


def _round_of_session(number: int) -> int:
    return max(i for i, start in enumerate(ROUND_STARTS) if number >= start or i == 0)


def _round(record: dict[str, Any]) -> int:
    """The labelling round of a labels-v2 record: that of its latest annotator session."""
    numbers = [_session_number(str(a["annotator"])) for a in record.get("annotations", [])]
    return _round_of_session(max(numbers, default=0))


def _length(record: dict[str, Any]) -> str:
    return str(record.get("length", "short"))


def agreement(records: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per length class: items labelled twice, items whose two label sets differ, kappa per topic.

    The first and second annotation of each double-labelled item are compared
    (annotator pairs vary from item to item).
    """
    out: dict[str, dict[str, Any]] = {}
    for length in ("full", "short"):
        pairs = [
            (r["annotations"][0]["labels"], r["annotations"][1]["labels"])
            for r in records
            if _length(r) == length and len(r.get("annotations", [])) >= 2
        ]
        if not pairs:
            continue
        kappa = {
            t: f"{cohen_kappa([t in a for a, _ in pairs], [t in b for _, b in pairs]):.3f}"
            for t in TOPICS
        }
        positives = {t: sum((t in a) + (t in b) for a, b in pairs) for t in TOPICS}
        out[length] = {
            "items": len(pairs),
            "disagree": sum(set(a) != set(b) for a, b in pairs),
            "kappa": kappa,
            "positive_annotations": positives,
        }
    return out


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def render_datasheet(
    v2: Sequence[dict[str, Any]], v1: Sequence[dict[str, Any]]
) -> tuple[str, dict[str, Any]]:
    """The datasheet (Markdown) and its figures, from the two label files' records."""
    v1 = [{**r, "length": "short", "form": "v1"} for r in v1]
    every = list(v2) + list(v1)
    by_source = Counter((str(r["source"]), _length(r)) for r in every)
    topics = {
        length: Counter(t for r in every if _length(r) == length for t in r["labels"])
        for length in ("full", "short")
    }
    none = {
        length: sum(1 for r in every if _length(r) == length and not r["labels"])
        for length in ("full", "short")
    }
    sizes = Counter(_length(r) for r in every)
    selected = Counter(str(r.get("selected", "random")) for r in v2)
    agree_v2, agree_v1 = agreement(v2), agreement(v1)
    disputes = sum(bool(r.get("disputed")) for r in v2)
    adjudicated = sum(1 for r in v2 if r.get("adjudication"))
    v1_disputed = sum(bool(r.get("disputed")) for r in v1)
    withheld = sum(
        1
        for r in v2
        for a in r.get("annotations", [])
        if str(a.get("note", "")).startswith(WITHHELD_NOTE)
    )
    annotators = sorted(
        {str(a["annotator"]) for r in v2 for a in r.get("annotations", [])},
        key=lambda a: (len(a), a),
    )
    rounds: list[dict[str, Any]] = []
    for number in range(len(ROUND_STARTS)):
        part = [r for r in v2 if _round(r) == number]
        if not part:
            continue
        ids = sorted(str(r["id"]) for r in part)
        names = [a for a in annotators if _round_of_session(_session_number(a)) == number]
        rounds.append(
            {
                "sessions": f"{names[0]}-{names[-1]}" if len(names) > 1 else names[0],
                "items": len(part),
                "full": sum(1 for r in part if _length(r) == "full"),
                "short": sum(1 for r in part if _length(r) == "short"),
                "ids": f"{ids[0]} to {ids[-1]}",
                "agreement": agreement(part),
                "disputes": sum(bool(r.get("disputed")) for r in part),
            }
        )
    figures = {
        "items": len(every),
        "by_length": dict(sizes),
        "by_source": {f"{s} ({ln})": n for (s, ln), n in sorted(by_source.items())},
        "topics": {k: dict(v) for k, v in topics.items()},
        "none": none,
        "selected_v2": dict(selected),
        "agreement_v2": agree_v2,
        "agreement_v1": agree_v1,
        "disputes_v2": disputes,
        "adjudicated_v2": adjudicated,
        "disputed_v1": v1_disputed,
        "rounds_v2": rounds,
    }
    lines = [
        "# Datasheet: guideline-labelled topic corpus",
        "",
        "Figures printed by `python benchmarks/topics_datasheet.py` (which writes this file).",
        "",
        "## What it is",
        f"{len(every):,} English news texts from the public data sets in `../shared/data`, each "
        "labelled with zero or more of the four newskit topics (security, climate, diplomacy, "
        "politics) by reading it against `../shared/topics/GUIDELINES.md`. Only ids, labels and "
        "the annotators' own notes are stored; the text is rebuilt from the data sets by "
        "`newskit/training/topics/_labels.py`, which checks each text against `text_sha1`.",
        "",
        "- `labels-v2.jsonl` (this folder): "
        f"{len(v2):,} items ({sum(1 for r in v2 if _length(r) == 'full'):,} full articles, "
        f"{sum(1 for r in v2 if _length(r) == 'short'):,} short items).",
        "- `../shared/topics/short-labels-v1.jsonl` (read from the shared folder, it holds "
        f"the text): {len(v1):,} short items (HuffPost, AG News, NYT, LIAR).",
        "",
        "Short items are 1-3 sentences: a headline + description, a headline + coder summary, "
        "the first 1-3 sentences of an article, 1-3 CNN/DM highlights, an XSum one-sentence "
        "summary, a statement, a claim or a news sentence. Full articles were shown to the "
        "annotators clipped after 600 words.",
        "",
        "## Who labelled, and how",
        "The annotators were **independent LLM helper sessions** (not people), each given "
        "GUIDELINES.md and written instructions: label by reading, no code, keyword rules or "
        "models to suggest labels, no access to other annotators' work or to the source "
        "files, a note of at most 15 words in the annotator's own words for every item (never "
        "quoting the text). "
        f"{len(annotators)} annotator sessions ({', '.join(annotators)}) labelled labels-v2, "
        "in "
        + (
            "one round"
            if len(rounds) < 2
            else f"{len(rounds)} rounds under the same guidelines: "
            + "; ".join(
                f"sessions {rd['sessions']} labelled {rd['items']:,} items "
                f"({rd['full']:,} full, {rd['short']:,} short; {rd['ids']})"
                for rd in rounds
            )
        )
        + "; the v1 round had its own. Agreement between such sessions may be higher than "
        "between two people reading the same guidelines, so the kappas below are likely "
        "optimistic as a measure of how well-defined the topics are."
        + (
            " Session A23 reported judging long articles mainly from their headline and first "
            "paragraphs, reading on only when unsure."
            if "A23" in annotators
            else ""
        )
        + (
            f" {withheld} notes that repeated five or more consecutive words of the text were "
            f"replaced by `{WITHHELD_NOTE}: too close to the source wording)`."
            if withheld
            else ""
        ),
        "",
        f"Disagreements: in labels-v2, {disputes} of the double-labelled items disagree "
        f"(`disputed: true`); a separate adjudicator session read each with both annotations "
        f"and chose the final labels, writing the guideline rule that decided in "
        f"`adjudication` ({adjudicated} items). In v1, {v1_disputed} double-labelled items "
        "disagree; their `labels` are the first annotator's (no adjudication).",
        "",
        "## How items were drawn",
        "Per source a random sample, enriched for the thin topics: some items were drawn "
        "because a publisher section suggested a topic (`section:...`) or a broad keyword "
        "list matched (`enriched:...`); the labels were then given by reading, whatever the "
        "section or keyword. Counts of `selected` in labels-v2:",
        "",
        *_table(["selected", "items"], selected.most_common()),
        "",
        "Because of the enrichment, topic rates here are higher than in a random news stream, "
        "and precision measured on this corpus is higher than it would be there.",
        "",
        "## Counts",
        "",
        *_table(
            ["source", "length", "items"],
            [(s, ln, n) for (s, ln), n in sorted(by_source.items())],
        ),
        "",
        *_table(
            ["length", "items", *TOPICS, "none"],
            [
                (ln, sizes[ln], *(topics[ln][t] for t in TOPICS), none[ln])
                for ln in ("full", "short")
            ],
        ),
        "",
        "## Agreement (Cohen's kappa per topic, first vs second annotation)",
        "",
        *_table(
            ["set", "items labelled twice", "label sets differ", *TOPICS],
            [
                (f"labels-v2 {ln}", a["items"], a["disagree"], *(a["kappa"][t] for t in TOPICS))
                for ln, a in agree_v2.items()
            ]
            + [
                (
                    f"of which sessions {rd['sessions']}, {ln}",
                    a["items"],
                    a["disagree"],
                    *(a["kappa"][t] for t in TOPICS),
                )
                for rd in (rounds if len(rounds) > 1 else [])
                for ln, a in rd["agreement"].items()
            ]
            + [
                (f"v1 {ln}", a["items"], a["disagree"], *(a["kappa"][t] for t in TOPICS))
                for ln, a in agree_v1.items()
            ],
        ),
        "",
        "## Uses and limits",
        "- Training and outlet-grouped cross-validation of the newskit topic model "
        "(`newskit train topics`, `benchmarks/topics_cv.py`).",
        "- Sources are mostly US and UK outlets, 1996-2022; short items are dominated by "
        "HuffPost, AG News, NYT coder summaries and LIAR statements.",
        "- The text belongs to its publishers: it is never stored here; the data sets' "
        "SOURCE.md files give their licences and citations.",
        "",
    ]
    return "\n".join(lines), figures
