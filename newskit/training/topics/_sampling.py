"""Turning the mapped sources into one balanced, weighted training set.

Two imbalances would otherwise be learnt as signal:

* **Source size.** AllSides has 37k articles, CLIMATE-FEVER 1.5k claims. Each
  source gets a total weight budget (:data:`SOURCE_WEIGHTS`) shared by its
  examples, and AllSides is capped per editor topic so ``elections`` does not
  drown ``nuclear_weapons``.
* **Length.** Climate positives are mostly sentences, negatives mostly full
  articles, so "short text" would mean "climate". Every full article also
  contributes its *lead* (title + first paragraph) as a short example with the
  same labels, so each topic has short and long positives and negatives.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newskit.training.topics._sources import Example

__all__ = ["SOURCE_WEIGHTS", "TrainingSet", "build_training_set", "lead_of"]

#: Total weight of each source (relative); the examples of a source share it.
SOURCE_WEIGHTS: dict[str, float] = {
    "allsides": 1.0,
    "bbc": 0.35,
    "huffpost": 0.3,
    "ag_news": 0.2,
    "liar": 0.2,
    "gwsd": 0.1,
    "climate_fever": 0.1,
}

#: AllSides editor topics kept whole: the thin topics' main article positives.
UNCAPPED = frozenset({"environment", "epa", "energy", "foreign_policy", "state_department"})

#: Sources of full articles, which also contribute their lead as a short example.
LONG_SOURCES = frozenset({"allsides", "bbc"})


@dataclass
class TrainingSet:
    """Texts, partial targets and weights ready for :meth:`TopicClassifier.fit`."""

    texts: list[str] = field(default_factory=list)
    targets: list[tuple[int, int, int, int]] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    idents: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def Y(self) -> npt.NDArray[np.int64]:
        return np.array(self.targets, dtype=np.int64)

    @property
    def w(self) -> npt.NDArray[np.float64]:
        return np.array(self.weights, dtype=np.float64)


def lead_of(text: str) -> str:
    """Title plus first paragraph of a blank-line separated article."""
    parts = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(parts[:2])


def build_training_set(
    data: dict[str, list[Example]],
    *,
    cap_per_label: int = 700,
    max_per_source: int | None = None,
    exclude_groups: dict[str, set[str]] | None = None,
    add_leads: bool = True,
    seed: int = 0,
) -> TrainingSet:
    """Sample, weight and (optionally) augment the examples of every source.

    Parameters
    ----------
    data : dict of str to list of Example
        Output of :func:`newskit.training.topics._sources.load_sources`.
    cap_per_label : int
        At most this many AllSides articles per editor topic (random, seeded).
    max_per_source : int or None
        At most this many examples of any other source (random, seeded); the
        source's total weight is unchanged.
    exclude_groups : dict of str to set of str, optional
        Groups held out per source, e.g. ``{"allsides": {"test"}}``.
    add_leads : bool
        Add the lead of every full article as an extra short example.
    seed : int
        Seed of the sampling.
    """
    rng = random.Random(seed)
    excluded = exclude_groups or {}
    out = TrainingSet()
    for source in sorted(data):
        examples = [e for e in data[source] if e.group not in excluded.get(source, set())]
        if source == "allsides":
            by_label: dict[str, list[Example]] = defaultdict(list)
            for e in examples:
                by_label[e.label].append(e)
            examples = []
            for label in sorted(by_label):
                group = by_label[label]
                rng.shuffle(group)
                cap = None if label in UNCAPPED else cap_per_label
                examples.extend(group[:cap])
        elif max_per_source is not None and len(examples) > max_per_source:
            rng.shuffle(examples)
            examples = examples[:max_per_source]
        if not examples:
            continue
        items: list[tuple[str, Example]] = [(e.text, e) for e in examples]
        if add_leads and source in LONG_SOURCES:
            items += [(lead_of(e.text), e) for e in examples]
        per_item = SOURCE_WEIGHTS.get(source, 0.1) * 10_000 / len(items)
        for text, e in items:
            out.texts.append(text)
            out.targets.append(e.target)
            out.weights.append(per_item)
            out.sources.append(source)
            out.idents.append(e.ident)
            out.outlets.append(e.outlet)
        out.counts[source] = len(examples)
    return out


def target_counts(ts: TrainingSet, topics: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Positive / negative / unknown counts per topic (for the manifest)."""
    out: dict[str, dict[str, int]] = {}
    for j, topic in enumerate(topics):
        c = Counter(t[j] for t in ts.targets)
        out[topic] = {"positive": c[1], "negative": c[0], "unknown": c[-1]}
    return out
