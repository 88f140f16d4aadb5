"""Curated news abbreviations added to the trained Punkt parameters.

Punkt learns abbreviations from its training text, but rare ones (``Adm.``,
``Sgt.``, state abbreviations) can be missed and a single miss cuts a
sentence in two before a name. Entries are lowercase without the final
period, the form Punkt stores (``u.s`` for ``U.S.``).
"""

from __future__ import annotations

__all__ = ["NEWS_ABBREVIATIONS", "TITLES"]

_TITLES = (
    "mr mrs ms messrs mmes dr drs prof rev fr sr jr st hon pres gov govs sen sens rep reps "
    "amb atty supt insp det gen lt col maj capt cmdr adm sgt cpl pvt spc brig cmdt"
)
_MONTHS = "jan feb mar apr jun jul aug sep sept oct nov dec"
_PLACES = (
    "u.s u.s.a u.n u.k e.u d.c l.a n.y n.j u.a.e s.f "
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn "
    "miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo "
    "mt ft ave blvd rd hwy"
)
_BUSINESS = "inc corp co cos ltd plc llc bros assn dept univ intl"
_OTHER = (
    "no nos vs v etc e.g i.e a.m p.m approx est fig figs vol vols op ed eds gov't "
    "ph.d m.d b.a m.a a.d b.c"
)

#: Titles and ranks: always followed by a name, so never the end of a sentence.
TITLES: frozenset[str] = frozenset(_TITLES.split()) - {"st", "sr", "jr"}

NEWS_ABBREVIATIONS: frozenset[str] = frozenset(
    " ".join((_TITLES, _MONTHS, _PLACES, _BUSINESS, _OTHER)).split()
)
