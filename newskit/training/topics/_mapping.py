"""How each labelled public data set maps onto the four newskit topics.

Every source label becomes a *partial* multi-label target: for each topic
``1`` (positive), ``0`` (negative) or :data:`UNKNOWN` (``-1``, the example
says nothing reliable about that topic and is left out when that topic's
classifier is fitted). Single-label sources such as AllSides tag one story
topic, so an ``elections`` article is a politics positive but only *maybe* a
security negative; marking such cells unknown, rather than negative, is what
lets single-label data train a multi-label model.

The tables are documented in ``docs/topics.rst``; bump :data:`MAPPING_VERSION`
whenever a cell changes so the manifest says which mapping a model used.
"""

from __future__ import annotations

import re

from newskit.topics._classifier import TOPICS, UNKNOWN

__all__ = [
    "AG_NEWS",
    "ALLSIDES",
    "BBC",
    "CLIMATE_DIPLOMACY_TITLE",
    "CLIMATE_LABELS",
    "HUFFPOST",
    "MAPPING_VERSION",
    "TOPICS",
    "UNKNOWN",
    "Target",
]

#: Version of the tables below; stored in the model manifest.
MAPPING_VERSION = "2"

#: One target row, in :data:`TOPICS` order.
Target = tuple[int, int, int, int]

_U = UNKNOWN


#: AllSides security topics: security, never climate.
_ALLSIDES_SECURITY = (
    "terrorism",
    "national_security",
    "defense",
    "national_defense",
    "us_military",
    "homeland_security",
    "isis",
    "nsa",
    "cia",
    "nuclear_weapons",
)
#: AllSides crime and justice beats: security only with a terrorist or
#: mass-violence angle, politics only with a political actor.
_ALLSIDES_CRIME = (
    "fbi",
    "violence_in_america",
    "gun_control_and_gun_rights",
    "criminal_justice",
    "justice_department",
    "justice",
    "privacy",
)
#: AllSides region topics: foreign news, diplomacy or security only by content.
_ALLSIDES_REGIONS = (
    "world",
    "middle_east",
    "north_korea",
    "russia",
    "china",
    "israel",
    "palestine",
    "europe",
    "great_britain",
    "asia",
    "mexico",
    "africa",
    "south_korea",
)


def _rows(target: Target, *labels: str) -> dict[str, Target]:
    return dict.fromkeys(labels, target)


# AllSides editor topics (one per article). Region tags mix war, talks and
# foreign domestic politics, so they are unknown for those three topics and
# only serve as climate negatives.
ALLSIDES: dict[str, Target] = {
    **_rows((1, 0, _U, _U), *_ALLSIDES_SECURITY),
    **_rows((_U, 0, 0, _U), "cybersecurity"),
    **_rows((0, 1, _U, _U), "environment", "epa"),
    # "energy" is coal, oil and pipeline politics: climate only when framed so.
    **_rows((0, _U, _U, _U), "energy"),
    **_rows((_U, 0, 1, _U), "foreign_policy", "state_department"),
    **_rows((_U, 0, _U, _U), *_ALLSIDES_REGIONS, "trade"),
    **_rows(
        (0, 0, 0, 1),
        "elections",
        "us_senate",
        "us_house",
        "us_congress",
        "republican_party",
        "democratic_party",
        "impeachment",
        "campaign_finance",
        "voting_rights_and_voter_fraud",
        "polarization",
        "tea_party",
        "campaign_rhetoric",
        "supreme_court",
        "federal_budget",
        "fiscal_cliff",
        "us_constitution",
        "domestic_policy",
    ),
    # Broad political tags: politics, but may be about anything else too.
    **_rows((_U, 0, _U, 1), "politics", "white_house", "role_of_government"),
    # Policy beats covered as US political news: politics is likely, not sure.
    **_rows(
        (0, 0, 0, _U),
        "immigration",
        "healthcare",
        "taxes",
        "abortion",
        "lgbt_rights",
        "education",
        "economy_and_jobs",
        "economic_policy",
        "treasury",
        "labor",
        "banking_and_finance",
        "civil_rights",
        "race_and_racism",
        "free_speech",
        "religion_and_faith",
        "social_security",
        "welfare",
        "inequality",
        "housing_and_homelessness",
        "marijuana_legalization",
        "veterans_affairs",
        "women's_issues",
        "family_and_marriage",
        "media_bias",
        "fake_news",
        "facts_and_fact_checking",
        "bridging_divides",
        "coronavirus",
        "opioid_crisis",
        "sexual_misconduct",
        "death_penalty",
        "capital_punishment_and_death_penalty",
        "fda",
        "dea",
        "public_health",
        "ebola",
        "obesity_and_malnutrition",
    ),
    # Crime and justice beats: security only with a terrorist/mass-violence angle.
    **_rows((_U, 0, 0, _U), *_ALLSIDES_CRIME),
    **_rows((0, _U, 0, 0), "science", "agriculture", "animal_welfare", "transportation"),
    **_rows((0, _U, _U, _U), "disaster"),
    **_rows(
        (0, 0, 0, 0),
        "sports",
        "arts_and_entertainment",
        "food",
        "holidays",
        "business",
        "media_industry",
        "culture",
        "general_news",
    ),
    **_rows((_U, 0, 0, 0), "technology"),
}

# HuffPost sections (headline + one-sentence description).
HUFFPOST: dict[str, Target] = {
    "POLITICS": (_U, 0, _U, 1),
    "ENVIRONMENT": (0, 1, _U, _U),
    "CRIME": (_U, 0, 0, 0),
    **_rows((0, _U, 0, 0), "SCIENCE", "BUSINESS", "MONEY"),
    **_rows(
        (0, 0, 0, 0),
        "ENTERTAINMENT",
        "COMEDY",
        "SPORTS",
        "STYLE & BEAUTY",
        "HOME & LIVING",
        "WELLNESS",
        "PARENTING",
        "FOOD & DRINK",
        "TRAVEL",
        "WEDDINGS",
        "CULTURE & ARTS",
        "RELIGION",
        "WEIRD NEWS",
        "EDUCATION",
    ),
    **_rows((_U, 0, 0, 0), "TECH"),
    # A mix of wars, summits, foreign elections and storms: resolved by the
    # keyword rules of refine() below, like the AllSides region tags.
    "WORLD NEWS": (_U, _U, _U, _U),
}

# AG News classes (title + description); World is a mix of every topic, resolved
# by the keyword rules of refine() below.
AG_NEWS: dict[str, Target] = {
    "1": (_U, _U, _U, _U),  # World
    "2": (0, 0, 0, 0),  # Sports
    "3": (0, _U, _U, 0),  # Business: oil, trade and sanctions stories exist
    "4": (_U, _U, 0, 0),  # Sci/Tech: cyberattacks and climate science exist
}

# BBC News categories (full articles, UK 2004-2005).
BBC: dict[str, Target] = {
    "politics": (_U, _U, _U, 1),
    "business": (0, _U, _U, _U),
    "entertainment": (0, 0, 0, 0),
    "sport": (0, 0, 0, 0),
    "tech": (_U, 0, 0, 0),
}


# --- keyword refinement of unknown cells --------------------------------------
#
# Some cells are unknown only because a *few* texts of that label touch the
# topic (a science story about glaciers, a war story about peace talks). For
# those labels a keyword test on the lead decides: no topic keyword -> negative,
# a keyword -> stays unknown; a strong keyword in the *title* of a region story
# -> positive. These weak labels are what teaches the model that a foreign war
# report is not diplomacy and a space story is not climate.

CLIMATE_WORDS = re.compile(
    r"climat|warming|emission|carbon|greenhouse|pollut|environment|renewabl|solar|"
    r"wind (power|farm|energy)|wildlife|species|conservation|deforest|forest|drought|"
    r"flood|hurricane|typhoon|cyclone|wildfire|heatwave|heat wave|storm|endangered|"
    r"biodivers|fossil fuel|\bcoal\b|\bepa\b|ozone|smog|glacier|sea level|coral|extinct|"
    r"ecolog|habitat|\bsmog\b|oil spill|plastic",
    re.IGNORECASE,
)
DIPLOMACY_WORDS = re.compile(
    r"diplomat|ambassador|embassy|summit|\btalks\b|treaty|sanction|foreign minister|"
    r"secretary of state|state department|united nations|\bu\.?n\.?\b|nato|negotiat|"
    r"envoy|bilateral|accord|\bpact\b|allies|alliance|foreign policy|relations|"
    r"ceasefire|cease-fire|peace (deal|plan|process)|tariff|trade (deal|war)|\bg7\b|"
    r"\bg20\b|european union|\beu\b|visit",
    re.IGNORECASE,
)
DIPLOMACY_TITLE = re.compile(
    r"\btalks\b|summit|treaty|sanction|ambassador|diplomat|envoy|negotiat|accord|"
    r"\bpact\b|\bmeets?\b|\bvisits?\b|foreign minister|secretary of state|\bdeal with\b|"
    r"\bun\b|united nations|nato|\bties\b|relations",
    re.IGNORECASE,
)
SECURITY_WORDS = re.compile(
    r"attack|bomb|missile|troops|military|\bwar\b|killed|militant|terror|soldier|\barmy\b|"
    r"rebel|fighting|nuclear|weapon|shelling|strike|gunmen|insurgen|isis|taliban|hamas|"
    r"hezbollah|qaeda|defen[cs]e|security|violence|clashes|coup|intelligence|navy|"
    r"air force|explosi|shot dead|hostage",
    re.IGNORECASE,
)
POLITICS_WORDS = re.compile(
    r"election|parliament|senate|senator|congress|lawmaker|legislat|\bpart(y|ies)\b|"
    r"democrat|republican|\bgop\b|president|prime minister|\bminister|governor|campaign|"
    r"\bvot(e|er|ing)|opposition|white house|administration|\bcabinet\b|\bbill\b|"
    r"impeach|polls?\b|trump|obama|biden|clinton|\bbush\b",
    re.IGNORECASE,
)
SECURITY_TITLE = re.compile(
    r"strike|attack|bomb|missile|troops|military|\bwar\b|killed|militant|terror|"
    r"soldier|\barmy\b|rebels|fighting|nuclear|shelling|airstrike|gunmen|insurgen|isis|"
    r"taliban|hamas|hezbollah|al[- ]qaeda",
    re.IGNORECASE,
)

#: A climate story's title that makes it diplomacy too: a pact, treaty, summit or
#: negotiation between states or with an international body (guidelines: "a climate
#: pact signed with an international body = climate + diplomacy").
CLIMATE_DIPLOMACY_TITLE = re.compile(
    r"\bpacts?\b|\baccords?\b|treat(y|ies)|summit|\btalks\b|negotiat|diplomat|"
    r"paris (climate )?(agreement|deal)|climate (deal|agreement)|\bcop ?\d+\b|unfccc",
    re.IGNORECASE,
)

#: Climate labels whose unknown diplomacy cell a :data:`CLIMATE_DIPLOMACY_TITLE` makes 1.
CLIMATE_LABELS: frozenset[str] = frozenset({"environment", "epa", "ENVIRONMENT"})

#: AllSides labels whose unknown climate cell becomes 0 without a climate keyword.
CLIMATE_CHECKED: frozenset[str] = frozenset(
    {"science", "agriculture", "animal_welfare", "transportation", "disaster", "energy"}
    | {"SCIENCE", "BUSINESS", "MONEY"}  # HuffPost
    | {"3", "4"}  # AG News Business, Sci/Tech
    | {"business"}  # BBC
    | {"WORLD NEWS", "1"}  # HuffPost and AG News world news
)
#: Labels whose unknown diplomacy cell becomes 0 without a diplomacy keyword in the lead.
DIPLOMACY_CHECKED: frozenset[str] = frozenset(
    {
        *_ALLSIDES_SECURITY,
        "politics",
        "white_house",
        "role_of_government",
        "energy",
        "disaster",
    }
)
#: Labels whose unknown politics cell becomes 0 without a politics keyword in the lead.
POLITICS_CHECKED: frozenset[str] = frozenset(
    {
        # Crime, justice and disaster beats: political only with a political actor.
        # (Security and climate labels are left unknown: "minister threatened" or
        # "PM responds to smog" are exactly the combinations the model must learn.)
        "disaster",
        *_ALLSIDES_CRIME,
        "CRIME",
        "business",  # BBC
        "3",  # AG News Business
    }
)
#: Region labels whose title may make diplomacy / security positive.
REGION_LABELS: frozenset[str] = frozenset({*_ALLSIDES_REGIONS, "WORLD NEWS", "1"})


def refine(target: Target, label: str, title: str, lead: str) -> Target:
    """Resolve some unknown cells of ``target`` with the keyword rules above.

    >>> refine((0, -1, 0, 0), "science", "A comet", "Astronomers saw a comet.")
    (0, 0, 0, 0)
    >>> refine((-1, 0, -1, -1), "middle_east", "Peace talks resume", "Envoys met.")
    (0, 0, 1, 0)
    """
    security, climate, diplomacy, politics = target
    if climate == UNKNOWN and label in CLIMATE_CHECKED and not CLIMATE_WORDS.search(lead):
        climate = 0
    if diplomacy == UNKNOWN and label in DIPLOMACY_CHECKED and not DIPLOMACY_WORDS.search(lead):
        diplomacy = 0
    if diplomacy == UNKNOWN and label in CLIMATE_LABELS and CLIMATE_DIPLOMACY_TITLE.search(title):
        diplomacy = 1
    checked = label in POLITICS_CHECKED or label in REGION_LABELS
    if politics == UNKNOWN and checked and not POLITICS_WORDS.search(lead):
        politics = 0
    if label in REGION_LABELS:
        # Foreign news: a strong title word makes a positive, no word in the
        # lead at all makes a negative (a war report is not diplomacy).
        if diplomacy == UNKNOWN and DIPLOMACY_TITLE.search(title):
            diplomacy = 1
        elif diplomacy == UNKNOWN and not DIPLOMACY_WORDS.search(lead):
            diplomacy = 0
        if security == UNKNOWN and SECURITY_TITLE.search(title):
            security = 1
        elif security == UNKNOWN and not SECURITY_WORDS.search(lead):
            security = 0
    return (security, climate, diplomacy, politics)
