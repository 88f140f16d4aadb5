"""NLTK's Snowball English stemmer ("Porter2") as one function, with the same results.

The word list of every step is NLTK's, and so is every rule, in NLTK's order:
this is the body of ``nltk.stem.snowball.EnglishStemmer.stem`` (NLTK 3.10,
Apache License 2.0, https://www.apache.org/licenses/LICENSE-2.0, copyright
the NLTK Project, written by Peter Michael Stahl) with two changes that
alter no result. Each loop over a step's suffixes is entered only when the
word ends with one of them (one ``str.endswith`` with the whole tuple, in C,
instead of one Python call per suffix), and the regions R1 and R2 are found by a regular expression
instead of a loop over the letters. A word the shipped stem table lacks is
stemmed here; ``tests/text/test_snowball.py`` checks that NLTK gives the same
stem for every word of the stem table, words built from every suffix, made-up
words and every word of the FRANK articles.
"""

# NLTK's code as written, so the two can be compared line by line:
# ruff: noqa: SIM102, SIM108, SIM114

from __future__ import annotations

import re

from nltk.stem.util import suffix_replace

__all__ = ["stem"]

# A vowel followed by a non-vowel: R1 starts after the first such pair, and R2
# after the first such pair in R1 (NLTK's _r1r2_standard, letter by letter).
_VOWEL_THEN_OTHER = re.compile("[aeiouy][^aeiouy]")


def _r1r2_standard(word: str) -> tuple[str, str]:
    """The regions R1 and R2 of ``word`` (NLTK's ``_StandardStemmer._r1r2_standard``)."""
    found = _VOWEL_THEN_OTHER.search(word)
    if found is None:
        return "", ""
    r1 = word[found.end() :]
    found = _VOWEL_THEN_OTHER.search(r1)
    return r1, "" if found is None else r1[found.end() :]


_VOWELS = "aeiouy"
_DOUBLE_CONSONANTS = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_LI_ENDING = "cdeghkmnrt"
_STEP0_SUFFIXES = ("'s'", "'s", "'")
_STEP1A_SUFFIXES = ("sses", "ied", "ies", "us", "ss", "s")
_STEP1B_SUFFIXES = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_STEP2_SUFFIXES = (
    "ization",
    "ational",
    "fulness",
    "ousness",
    "iveness",
    "tional",
    "biliti",
    "lessli",
    "entli",
    "ation",
    "alism",
    "aliti",
    "ousli",
    "iviti",
    "fulli",
    "enci",
    "anci",
    "abli",
    "izer",
    "ator",
    "alli",
    "bli",
    "ogi",
    "li",
)
_STEP3_SUFFIXES = (
    "ational",
    "tional",
    "alize",
    "icate",
    "iciti",
    "ative",
    "ical",
    "ness",
    "ful",
)
_STEP4_SUFFIXES = (
    "ement",
    "ance",
    "ence",
    "able",
    "ible",
    "ment",
    "ant",
    "ent",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
    "ion",
    "al",
    "er",
    "ic",
)
_STEP5_SUFFIXES = ("e", "l")
_SPECIAL_WORDS = {
    "skis": "ski",
    "skies": "sky",
    "dying": "die",
    "lying": "lie",
    "tying": "tie",
    "idly": "idl",
    "gently": "gentl",
    "ugly": "ugli",
    "early": "earli",
    "only": "onli",
    "singly": "singl",
    "sky": "sky",
    "news": "news",
    "howe": "howe",
    "atlas": "atlas",
    "cosmos": "cosmos",
    "bias": "bias",
    "andes": "andes",
    "inning": "inning",
    "innings": "inning",
    "outing": "outing",
    "outings": "outing",
    "canning": "canning",
    "cannings": "canning",
    "herring": "herring",
    "herrings": "herring",
    "earring": "earring",
    "earrings": "earring",
    "proceed": "proceed",
    "proceeds": "proceed",
    "proceeded": "proceed",
    "proceeding": "proceed",
    "exceed": "exceed",
    "exceeds": "exceed",
    "exceeded": "exceed",
    "exceeding": "exceed",
    "succeed": "succeed",
    "succeeds": "succeed",
    "succeeded": "succeed",
    "succeeding": "succeed",
}


def _replace_in_regions(
    word: str, r1: str, r2: str, suffix: str, new: str, r2_short: str = ""
) -> tuple[str, str, str]:
    """Replace the ending ``suffix`` by ``new`` in the word and in R1 and R2; a region
    shorter than the suffix becomes empty (R2: ``r2_short``, as NLTK's stemmer has it)."""
    word = suffix_replace(word, suffix, new)
    r1 = suffix_replace(r1, suffix, new) if len(r1) >= len(suffix) else ""
    r2 = suffix_replace(r2, suffix, new) if len(r2) >= len(suffix) else r2_short
    return word, r1, r2


def stem(word: str) -> str:
    """``SnowballStemmer("english").stem(word)``, as NLTK 3.10 computes it."""
    word = word.lower()

    if len(word) <= 2:
        return word

    elif word in _SPECIAL_WORDS:
        return _SPECIAL_WORDS[word]

    # Map the different apostrophe characters to a single consistent one
    word = word.replace("\u2019", "\x27").replace("\u2018", "\x27").replace("\u201b", "\x27")

    if word.startswith("\x27"):
        word = word[1:]

    if word.startswith("y"):
        word = "".join(("Y", word[1:]))

    # In-place mutation joined once; a per-match rebuild was O(n**2) on a
    # crafted token (CWE-407).
    if "y" in word:
        chars = list(word)
        for i in range(1, len(chars)):
            if chars[i - 1] in _VOWELS and chars[i] == "y":
                chars[i] = "Y"
        word = "".join(chars)

    step1a_vowel_found = False
    step1b_vowel_found = False

    r1 = ""
    r2 = ""

    if word.startswith(("gener", "commun", "arsen")):
        if word.startswith(("gener", "arsen")):
            r1 = word[5:]
        else:
            r1 = word[6:]

        for i in range(1, len(r1)):
            if r1[i] not in _VOWELS and r1[i - 1] in _VOWELS:
                r2 = r1[i + 1 :]
                break
    else:
        r1, r2 = _r1r2_standard(word)

    # STEP 0
    if word.endswith(_STEP0_SUFFIXES):
        for suffix in _STEP0_SUFFIXES:
            if word.endswith(suffix):
                word = word[: -len(suffix)]
                r1 = r1[: -len(suffix)]
                r2 = r2[: -len(suffix)]
                break

    # STEP 1a
    if word.endswith(_STEP1A_SUFFIXES):
        for suffix in _STEP1A_SUFFIXES:
            if word.endswith(suffix):
                if suffix == "sses":
                    word = word[:-2]
                    r1 = r1[:-2]
                    r2 = r2[:-2]

                elif suffix in ("ied", "ies"):
                    if len(word[: -len(suffix)]) > 1:
                        word = word[:-2]
                        r1 = r1[:-2]
                        r2 = r2[:-2]
                    else:
                        word = word[:-1]
                        r1 = r1[:-1]
                        r2 = r2[:-1]

                elif suffix == "s":
                    for letter in word[:-2]:
                        if letter in _VOWELS:
                            step1a_vowel_found = True
                            break

                    if step1a_vowel_found:
                        word = word[:-1]
                        r1 = r1[:-1]
                        r2 = r2[:-1]
                break

    # STEP 1b
    if word.endswith(_STEP1B_SUFFIXES):
        for suffix in _STEP1B_SUFFIXES:
            if word.endswith(suffix):
                if suffix in ("eed", "eedly"):
                    if r1.endswith(suffix):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ee")
                else:
                    for letter in word[: -len(suffix)]:
                        if letter in _VOWELS:
                            step1b_vowel_found = True
                            break

                    if step1b_vowel_found:
                        word = word[: -len(suffix)]
                        r1 = r1[: -len(suffix)]
                        r2 = r2[: -len(suffix)]

                        if word.endswith(("at", "bl", "iz")):
                            word = "".join((word, "e"))
                            r1 = "".join((r1, "e"))

                            if len(word) > 5 or len(r1) >= 3:
                                r2 = "".join((r2, "e"))

                        elif word.endswith(_DOUBLE_CONSONANTS):
                            word = word[:-1]
                            r1 = r1[:-1]
                            r2 = r2[:-1]

                        elif (
                            r1 == ""
                            and len(word) >= 3
                            and word[-1] not in _VOWELS
                            and word[-1] not in "wxY"
                            and word[-2] in _VOWELS
                            and word[-3] not in _VOWELS
                        ) or (
                            r1 == ""
                            and len(word) == 2
                            and word[0] in _VOWELS
                            and word[1] not in _VOWELS
                        ):
                            word = "".join((word, "e"))

                            if len(r1) > 0:
                                r1 = "".join((r1, "e"))

                            if len(r2) > 0:
                                r2 = "".join((r2, "e"))
                break

    # STEP 1c
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:
        word = "".join((word[:-1], "i"))
        if len(r1) >= 1:
            r1 = "".join((r1[:-1], "i"))
        else:
            r1 = ""

        if len(r2) >= 1:
            r2 = "".join((r2[:-1], "i"))
        else:
            r2 = ""

    # STEP 2
    if word.endswith(_STEP2_SUFFIXES):
        for suffix in _STEP2_SUFFIXES:
            if word.endswith(suffix):
                if r1.endswith(suffix):
                    if suffix == "tional":
                        word = word[:-2]
                        r1 = r1[:-2]
                        r2 = r2[:-2]

                    elif suffix in ("enci", "anci", "abli"):
                        word = "".join((word[:-1], "e"))

                        if len(r1) >= 1:
                            r1 = "".join((r1[:-1], "e"))
                        else:
                            r1 = ""

                        if len(r2) >= 1:
                            r2 = "".join((r2[:-1], "e"))
                        else:
                            r2 = ""

                    elif suffix == "entli":
                        word = word[:-2]
                        r1 = r1[:-2]
                        r2 = r2[:-2]

                    elif suffix in ("izer", "ization"):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ize")

                    elif suffix in ("ational", "ation", "ator"):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ate", "e")

                    elif suffix in ("alism", "aliti", "alli"):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "al")

                    elif suffix == "fulness":
                        word = word[:-4]
                        r1 = r1[:-4]
                        r2 = r2[:-4]

                    elif suffix in ("ousli", "ousness"):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ous")

                    elif suffix in ("iveness", "iviti"):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ive", "e")

                    elif suffix in ("biliti", "bli"):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ble")

                    elif suffix == "ogi" and word[-4] == "l":
                        word = word[:-1]
                        r1 = r1[:-1]
                        r2 = r2[:-1]

                    elif suffix in ("fulli", "lessli"):
                        word = word[:-2]
                        r1 = r1[:-2]
                        r2 = r2[:-2]

                    elif suffix == "li" and word[-3] in _LI_ENDING:
                        word = word[:-2]
                        r1 = r1[:-2]
                        r2 = r2[:-2]
                break

    # STEP 3
    if word.endswith(_STEP3_SUFFIXES):
        for suffix in _STEP3_SUFFIXES:
            if word.endswith(suffix):
                if r1.endswith(suffix):
                    if suffix == "tional":
                        word = word[:-2]
                        r1 = r1[:-2]
                        r2 = r2[:-2]

                    elif suffix == "ational":
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ate")

                    elif suffix == "alize":
                        word = word[:-3]
                        r1 = r1[:-3]
                        r2 = r2[:-3]

                    elif suffix in ("icate", "iciti", "ical"):
                        word, r1, r2 = _replace_in_regions(word, r1, r2, suffix, "ic")

                    elif suffix in ("ful", "ness"):
                        word = word[: -len(suffix)]
                        r1 = r1[: -len(suffix)]
                        r2 = r2[: -len(suffix)]

                    elif suffix == "ative" and r2.endswith(suffix):
                        word = word[:-5]
                        r1 = r1[:-5]
                        r2 = r2[:-5]
                break

    # STEP 4
    if word.endswith(_STEP4_SUFFIXES):
        for suffix in _STEP4_SUFFIXES:
            if word.endswith(suffix):
                if r2.endswith(suffix):
                    if suffix == "ion":
                        if word[-4] in "st":
                            word = word[:-3]
                            r1 = r1[:-3]
                            r2 = r2[:-3]
                    else:
                        word = word[: -len(suffix)]
                        r1 = r1[: -len(suffix)]
                        r2 = r2[: -len(suffix)]
                break

    # STEP 5
    if r2.endswith("l") and word[-2] == "l":
        word = word[:-1]
    elif r2.endswith("e"):
        word = word[:-1]
    elif r1.endswith("e"):
        if len(word) >= 4 and (
            word[-2] in _VOWELS
            or word[-2] in "wxY"
            or word[-3] not in _VOWELS
            or word[-4] in _VOWELS
        ):
            word = word[:-1]

    word = word.replace("Y", "y")

    return word
