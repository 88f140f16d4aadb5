"""Keyword lists for the four topics, written from the annotation guidelines.

Each pattern paraphrases the vocabulary of one topic's definition in the
newskit topic guidelines v1 (not learnt from any data). The shipped model
counts their matches as four extra features next to the TF-IDF terms, so the
regressions learn how much a guideline term is worth; the benchmark's keyword
baseline uses the same lists on their own.
"""

from __future__ import annotations

__all__ = ["LEXICON"]

#: Topic name -> case-insensitive regular expression of its guideline vocabulary.
LEXICON: dict[str, str] = {
    "security": (
        r"\b(war|wars|military|army|armed forces|troops|soldiers?|attacks?|air ?strikes?|"
        r"bomb\w*|terror\w*|militan\w*|insurgen\w*|missiles?|defen[cs]e|weapons?|coup|"
        r"intelligence|surveillance|riots?|cyberattacks?|nuclear weapons?|security forces|"
        # "violence, threats of violence", "armed conflict", "shootings", "bombings",
        # "protection of officials", "threats against officials"
        r"threats?|threaten\w*|death threats?|violence|violent|armed|conflict|shootings?|"
        r"gunm[ae]n|explosions?|blasts?|assassinat\w+|bodyguards?|"
        r"security (staff|personnel|guards?|threat))\b"
    ),
    "climate": (
        r"\b(climate|global warming|emissions?|carbon|greenhouse|pollution|polluted|smog|"
        r"air quality|renewables?|hurricanes?|cyclones?|typhoons?|floods?|flooding|droughts?|"
        r"heat ?waves?|wildfires?|deforestation|biodiversity|endangered|conservation|"
        r"environment\w*|species|wildlife)\b"
    ),
    "diplomacy": (
        r"\b(diplomat\w*|ambassadors?|embass\w+|summits?|treat(y|ies)|sanctions?|"
        r"foreign (minister|ministry|secretary|affairs)|bilateral|multilateral|negotiat\w+|"
        r"talks|envoys?|united nations|state visit|pacts?|accords?|mediat\w+|"
        r"peace (talks|deal|process))\b"
    ),
    "politics": (
        r"\b(elections?|elected|parliament\w*|senate|senators?|congress\w*|lawmakers?|"
        r"legislat\w+|part(y|ies)|opposition|campaign\w*|prime minister|president|cabinet|"
        r"governor|votes?|voters|voting|impeach\w*|coalition|ministers?)\b"
    ),
}
