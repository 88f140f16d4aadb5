"""Edmundson (1969): cue words, title words and location."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from newskit._errors import InputTypeError
from newskit.summarizers._base import Summarizer
from newskit.summarizers._document import Document
from newskit.text._words import stem, stem_token

__all__ = ["NEWS_BONUS_WORDS", "NEWS_STIGMA_WORDS", "EdmundsonSummarizer"]

#: Words whose presence marks a sentence that reports news (the "cue" bonus).
NEWS_BONUS_WORDS: frozenset[str] = frozenset(
    [
        "said",
        "says",
        "announced",
        "announce",
        "confirmed",
        "confirms",
        "according",
        "reported",
        "report",
        "reports",
        "official",
        "officials",
        "president",
        "minister",
        "government",
        "police",
        "killed",
        "died",
        "dead",
        "injured",
        "arrested",
        "charged",
        "agreed",
        "agreement",
        "deal",
        "approved",
        "launched",
        "warned",
        "decided",
        "voted",
        "percent",
        "million",
        "billion",
        "first",
        "new",
    ]
)

#: Words whose presence marks boilerplate or asides (the "cue" stigma).
NEWS_STIGMA_WORDS: frozenset[str] = frozenset(
    [
        "click",
        "subscribe",
        "newsletter",
        "follow",
        "twitter",
        "facebook",
        "instagram",
        "share",
        "comment",
        "comments",
        "advertisement",
        "sponsored",
        "cookie",
        "cookies",
        "copyright",
        "photo",
        "photos",
        "image",
        "images",
        "video",
        "watch",
        "read",
        "sign",
        "email",
        "updated",
        "published",
        "perhaps",
        "maybe",
        "hardly",
    ]
)


@lru_cache(maxsize=64)
def _stem_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


def _stems(words: Iterable[str]) -> frozenset[str]:
    return _stem_set(words if isinstance(words, frozenset) else frozenset(words))


class EdmundsonSummarizer(Summarizer):
    """Add up four cheap clues: cue words, key words, title words and location.

    * cue: +1 per bonus word, -1 per stigma word in the sentence;
    * key: +1 per occurrence of a bonus word frequent in this document
      (count above ``key_threshold`` times the most frequent bonus word's);
    * title: +1 per word shared with the title (``null_words`` ignored);
    * location: the title score again, +1 in the first paragraph (or +1 in the
      last), +1 for the first sentence of a paragraph (or +1 for the last).

    Scores are ``cue_weight * cue + key_weight * key + title_weight * title +
    location_weight * location``. sumy only uses its weights as on/off switches;
    with weights of 0 or 1 (the defaults) both rank identically.

    Parameters
    ----------
    bonus_words, stigma_words : iterable of str or None
        Cue words; ``None`` uses :data:`NEWS_BONUS_WORDS` / :data:`NEWS_STIGMA_WORDS`.
    null_words : iterable of str or None
        Title words to ignore; ``None`` uses :func:`newskit.text.stop_words`.
    cue_weight, key_weight, title_weight, location_weight : float
        Non-negative weights of the four clues.
    key_threshold : float
        Relative frequency above which a bonus word is a key word.
    """

    name = "edmundson"

    def __init__(
        self,
        bonus_words: Iterable[str] | None = None,
        stigma_words: Iterable[str] | None = None,
        null_words: Iterable[str] | None = None,
        cue_weight: float = 1.0,
        key_weight: float = 0.0,
        title_weight: float = 1.0,
        location_weight: float = 1.0,
        key_threshold: float = 0.5,
    ) -> None:
        self.bonus_words = bonus_words
        self.stigma_words = stigma_words
        self.null_words = null_words
        self.cue_weight = cue_weight
        self.key_weight = key_weight
        self.title_weight = title_weight
        self.location_weight = location_weight
        self.key_threshold = key_threshold

    def raw_words(self) -> tuple[list[str], list[str], list[str]]:
        """Bonus, stigma and null words actually used, unstemmed."""
        from newskit.text import stop_words

        bonus = NEWS_BONUS_WORDS if self.bonus_words is None else self.bonus_words
        stigma = NEWS_STIGMA_WORDS if self.stigma_words is None else self.stigma_words
        null = stop_words() if self.null_words is None else self.null_words
        for name, words in (("bonus_words", bonus), ("stigma_words", stigma), ("null_words", null)):
            if isinstance(words, str):
                raise InputTypeError(f"{name} must be a collection of words, not a str")
        return list(bonus), list(stigma), list(null)

    def word_sets(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Stemmed bonus, stigma and null words actually used."""
        from newskit.text import stop_words

        sets = []
        for words, default in (
            (self.bonus_words, NEWS_BONUS_WORDS),
            (self.stigma_words, NEWS_STIGMA_WORDS),
            (self.null_words, stop_words()),
        ):
            if isinstance(words, str):
                raise InputTypeError("cue and null words must be a collection of words, not a str")
            sets.append(_stems(default if words is None else words))
        return sets[0], sets[1], sets[2]

    def score(self, doc: Document) -> np.ndarray:
        """Weighted sum of the cue, key, title and location scores."""
        n = len(doc)
        if n == 0:
            return np.zeros(0)
        bonus, stigma, null = self.word_sets()
        stems, sent = doc.stem_ids, doc.token_sentence
        total = np.zeros(n)

        def per_sentence(flags: np.ndarray) -> np.ndarray:
            return np.bincount(sent, weights=flags[stems], minlength=n)

        is_bonus = doc.stem_mask(bonus)
        if self.cue_weight:
            # +1 per bonus word, -1 per stigma word: one pass with signed weights
            cue = is_bonus.astype(np.float64)
            cue -= doc.stem_mask(stigma)
            total += self.cue_weight * per_sentence(cue)
        if self.key_weight:
            freq = np.bincount(
                np.concatenate([stems, doc.title_stem_ids(content_only=False)]),
                minlength=doc.n_stems,
            )
            freq[~is_bonus] = 0  # sumy counts the headline's words too
            key = np.zeros(doc.n_stems, dtype=bool)
            if freq.max(initial=0) > 0:
                key = freq / freq.max() > self.key_threshold
            total += self.key_weight * per_sentence(key)
        if self.title_weight or self.location_weight:
            title_stems = {stem_token(w) for w in doc.title_tokens} - null
            title = per_sentence(doc.stem_mask(title_stems)) if title_stems else np.zeros(n)
            total += self.title_weight * title
            if self.location_weight:
                total += self.location_weight * (title + self._location(doc))
        return total

    @staticmethod
    def _location(doc: Document) -> np.ndarray:
        """+1 first paragraph / else +1 last; +1 first sentence of paragraph / else +1 last."""
        pid = doc.paragraph_ids
        edge = np.ones(len(pid) + 1, dtype=bool)
        np.not_equal(pid[1:], pid[:-1], out=edge[1:-1])
        # edge[i]: sentence i starts a paragraph; edge[i + 1]: sentence i ends one
        score = ((pid == 0) | (pid == pid[-1])).astype(np.float64)
        score += edge[:-1] | edge[1:]
        return np.asarray(score, dtype=np.float64)
