"""Keyword lists for the four topics: a model-selection candidate, not used by the shipped model.

Each pattern paraphrases one topic's vocabulary in the newskit topic
guidelines. With ``Config(lexicon=True)`` (``benchmarks/topics_cv.py``) their
match counts become four extra features next to the TF-IDF terms. The
second half of the security list (threats, violence, shootings, bodyguards,
security staff...) was added after looking at why two seed articles were
missed, so it is not guideline vocabulary alone. Cross-validation on the
labelled corpus did not choose the keyword features (the candidate scored
below the same model without them), so the shipped model has none.
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
