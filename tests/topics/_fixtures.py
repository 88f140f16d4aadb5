"""Tiny hand-written training texts for fast tests (no publisher text)."""

from __future__ import annotations

TOPICS = ("security", "climate", "diplomacy", "politics")

# (text, topics) pairs written for these tests.
TEXTS: list[tuple[str, set[str]]] = [
    ("Militants attacked an army checkpoint and soldiers returned fire.", {"security"}),
    ("A suicide bomber struck a military convoy, killing four troops.", {"security"}),
    ("The air force launched strikes on insurgent positions overnight.", {"security"}),
    ("Police said the terror cell planned to bomb the stadium.", {"security"}),
    ("Record heatwave and drought scorch crops as emissions keep rising.", {"climate"}),
    ("The government set a target to cut carbon emissions and expand solar power.", {"climate"}),
    ("Floods after extreme rainfall forced thousands from their homes.", {"climate"}),
    ("Toxic smog and air pollution closed schools across the region.", {"climate"}),
    ("The foreign minister met his counterpart for talks on a trade treaty.", {"diplomacy"}),
    ("Ambassadors of both countries signed an agreement at the summit.", {"diplomacy"}),
    ("The envoy urged the two states to resume negotiations and lift sanctions.", {"diplomacy"}),
    ("The president received a state visit and the leaders pledged closer ties.", {"diplomacy"}),
    ("The opposition party won the election and will form a cabinet.", {"politics"}),
    ("Parliament passed the bill after a heated debate among lawmakers.", {"politics"}),
    ("The senator announced a campaign for the party nomination.", {"politics"}),
    ("Voters head to the polls as the governing coalition trails in surveys.", {"politics"}),
    ("The striker scored twice as the club won the cup final.", set()),
    ("The film won best picture and its star thanked the director.", set()),
    ("Shares rose after the company reported higher quarterly profits.", set()),
    ("A new phone with a faster chip goes on sale next month.", set()),
    ("Talks between the two states followed the deadly missile attack.", {"security", "diplomacy"}),
    ("Ministers agreed a climate pact with the international fund.", {"climate", "diplomacy"}),
    ("The prime minister faced opposition anger over the smog crisis.", {"climate", "politics"}),
    (
        "Armed guards protect the minister after threats from party rivals.",
        {"security", "politics"},
    ),
]


def labels_matrix() -> list[list[int]]:
    return [[int(t in labels) for t in TOPICS] for _, labels in TEXTS]


def texts() -> list[str]:
    return [t for t, _ in TEXTS]
