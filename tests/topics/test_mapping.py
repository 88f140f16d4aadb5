"""The keyword rules that resolve unknown cells of the label mapping."""

from __future__ import annotations

import pytest

from newskit.training.topics._mapping import ALLSIDES, HUFFPOST, UNKNOWN, refine

U = UNKNOWN


@pytest.mark.parametrize(
    ("title", "diplomacy"),
    [
        ("Obama seeks global climate pact in Paris", 1),
        ("COP21 climate change summit: what to expect", 1),
        ("Trump announces withdrawal from Paris climate deal", 1),
        ("EPA tightens rules on coal plant emissions", U),
        ("UN report warns a million species are at risk", U),
    ],
)
def test_a_climate_treaty_title_makes_an_environment_story_diplomacy(
    title: str, diplomacy: int
) -> None:
    lead = "The agreement commits nations to cut emissions."
    for target, label in (
        (ALLSIDES["environment"], "environment"),
        (HUFFPOST["ENVIRONMENT"], "ENVIRONMENT"),
    ):
        assert refine(target, label, title, lead) == (0, 1, diplomacy, U)


def test_the_climate_treaty_rule_leaves_other_labels_alone() -> None:
    # a science story about a summit is not made diplomacy by this rule
    got = refine(ALLSIDES["science"], "science", "Climate summit opens", "Scientists met.")
    assert got[2] == ALLSIDES["science"][2]
