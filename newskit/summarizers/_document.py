"""The document every summarizer works on: sentences, tokens and sparse term matrices.

Tokenizing and stemming happen once per document; every algorithm then works
on integer arrays and :mod:`scipy.sparse` matrices built from them, so the
scoring itself never loops over words in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property, lru_cache

import numpy as np

from newskit._article import Article
from newskit._errors import InputValueError
from newskit._input import ensure_text
from newskit.summarizers._linalg import Matrix, counts_matrix

__all__ = ["MAX_CHARS", "MAX_SENTENCE_CHARS", "Document", "build_document", "cached_stem"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORDISH = re.compile(r"[^\W_]")

#: Longest text :func:`build_document` accepts, in characters.
MAX_CHARS = 20_000_000
#: Longest single sentence :func:`build_document` accepts, in characters.
MAX_SENTENCE_CHARS = 1_000_000
IntArray = np.ndarray
FloatArray = np.ndarray


@lru_cache(maxsize=1 << 17)
def cached_stem(word: str) -> str:
    """Stem ``word`` with :func:`newskit.text.stem`, memoised (news reuses few words a lot)."""
    from newskit.text import stem

    return stem(word)


def _paragraphs(text: str) -> list[str]:
    """Split text into paragraphs: on blank lines when it has any, else on line breaks."""
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


class Document:
    """Sentences of one text plus the token arrays the summarizers share.

    Parameters
    ----------
    sentences : sequence of str
        The sentences in document order.
    paragraph_ids : sequence of int
        The paragraph number of each sentence (non-decreasing, from 0).
    title : str
        The headline, or ``""``.
    """

    def __init__(self, sentences: Sequence[str], paragraph_ids: Sequence[int], title: str = ""):
        self.sentences = list(sentences)
        self.paragraph_ids = np.asarray(paragraph_ids, dtype=np.int64)
        self.title = title

    def __len__(self) -> int:
        return len(self.sentences)

    # -- tokens ---------------------------------------------------------------
    @cached_property
    def tokens(self) -> list[list[str]]:
        """Lower-cased word tokens of each sentence."""
        from newskit.text import word_tokens

        return [word_tokens(s) for s in self.sentences]

    @cached_property
    def title_tokens(self) -> list[str]:
        """Lower-cased word tokens of the title."""
        from newskit.text import word_tokens

        return word_tokens(self.title) if self.title else []

    @cached_property
    def flat_tokens(self) -> list[str]:
        """Every token of the document, sentence after sentence."""
        return [w for toks in self.tokens for w in toks]

    @cached_property
    def token_sentence(self) -> IntArray:
        """The sentence index of each token in :attr:`flat_tokens`."""
        lengths = np.fromiter((len(t) for t in self.tokens), np.int64, len(self.tokens))
        return np.repeat(np.arange(len(self.tokens), dtype=np.int64), lengths)

    @cached_property
    def sentence_lengths(self) -> IntArray:
        """Number of tokens in each sentence."""
        return np.bincount(self.token_sentence, minlength=len(self)).astype(np.int64)

    @cached_property
    def _word_index(self) -> tuple[IntArray, dict[str, int]]:
        vocab: dict[str, int] = {}
        ids = [vocab.setdefault(w, len(vocab)) for w in self.flat_tokens]
        return np.asarray(ids, dtype=np.int64), vocab

    @property
    def word_ids(self) -> IntArray:
        """Vocabulary id of each (unstemmed) token."""
        return self._word_index[0]

    @cached_property
    def word_vocab(self) -> list[str]:
        """The distinct tokens, indexed by :attr:`word_ids`."""
        return list(self._word_index[1])

    @cached_property
    def is_stop(self) -> np.ndarray:
        """Whether each token is a stop word."""
        from newskit.text import stop_words

        stops = stop_words()
        words = self._word_index[1]
        flags = np.fromiter((w in stops for w in words), bool, len(words))
        return np.asarray(flags[self.word_ids], dtype=bool)

    @cached_property
    def _stem_index(self) -> tuple[IntArray, dict[str, int]]:
        # stem each distinct word once, then map tokens through integer arrays
        vocab: dict[str, int] = {}
        words = self._word_index[1]
        of_word = np.fromiter(
            (vocab.setdefault(cached_stem(w), len(vocab)) for w in words), np.int64, len(words)
        )
        return of_word[self.word_ids], vocab

    @property
    def stem_ids(self) -> IntArray:
        """Vocabulary id of the stem of each token."""
        return self._stem_index[0]

    @property
    def n_stems(self) -> int:
        """Number of distinct stems."""
        return len(self._stem_index[1])

    def title_stem_ids(self, *, content_only: bool = True) -> IntArray:
        """Vocabulary ids of the title's stems that also occur in the sentences.

        With ``content_only``, stop words are left out first (as everywhere).
        """
        from newskit.text import stop_words

        stops = stop_words() if content_only else frozenset()
        index = self._stem_index[1]
        stems = (cached_stem(w) for w in self.title_tokens if w not in stops)
        return np.asarray([index[s] for s in stems if s in index], dtype=np.int64)

    @cached_property
    def stem_vocab(self) -> list[str]:
        """The stems, indexed by :attr:`stem_ids`."""
        return list(self._stem_index[1])

    # -- matrices -------------------------------------------------------------
    def count_matrix(self, ids: IntArray, mask: np.ndarray, n_terms: int) -> Matrix:
        """Sentence x term counts of the tokens selected by ``mask`` (dense when small)."""
        return counts_matrix(self.token_sentence[mask], ids[mask], (len(self), n_terms))

    @cached_property
    def content_stem_counts(self) -> Matrix:
        """Sentence x stem counts of the non-stop-word tokens."""
        return self.count_matrix(self.stem_ids, ~self.is_stop, len(self._stem_index[1]))

    @cached_property
    def content_word_counts(self) -> Matrix:
        """Sentence x word counts of the non-stop-word tokens (no stemming)."""
        return self.count_matrix(self.word_ids, ~self.is_stop, len(self._word_index[1]))

    def stem_mask(self, stems: frozenset[str] | set[str]) -> np.ndarray:
        """Boolean array over :attr:`stem_vocab`: which stems are in ``stems``."""
        index = self._stem_index[1]
        mask = np.zeros(len(index), dtype=bool)
        hits = [index[s] for s in stems if s in index]
        mask[hits] = True
        return mask


def build_document(source: object, title: str | None = None) -> Document:
    """Split an :class:`~newskit.Article`, ``str`` or ``bytes`` into a :class:`Document`.

    An article contributes its title and body paragraphs only (never captions,
    highlights or page chrome). Plain text is split into paragraphs on blank
    lines (or on line breaks when it has no blank line), then into sentences.
    """
    from newskit._language import ensure_english
    from newskit.text import split_sentences

    if isinstance(source, Article):
        paragraphs = [p for p in (ensure_text(p, name="paragraph").strip() for p in source.body)]
        paragraphs = [p for p in paragraphs if p]
        head = source.title if title is None else title
    else:
        paragraphs = _paragraphs(ensure_text(source).strip())
        head = title or ""
    head = ensure_text(head, name="title").strip() if head else ""
    total = sum(map(len, paragraphs)) + len(head)
    if total > MAX_CHARS:
        raise InputValueError(
            f"text of {total:,} characters is too long to summarize (limit {MAX_CHARS:,})"
        )
    if total:
        ensure_english("\n\n".join([head, *paragraphs]) if head else "\n\n".join(paragraphs))
    sentences: list[str] = []
    pids: list[int] = []
    for paragraph in paragraphs:
        # a "sentence" without a letter or digit (a lone dash, emoji, zero-width space) is not one
        parts = [s.strip() for s in split_sentences(paragraph) if _WORDISH.search(s)]
        for part in parts:
            if len(part) > MAX_SENTENCE_CHARS:
                raise InputValueError(
                    f"a sentence of {len(part):,} characters is too long to summarize "
                    f"(limit {MAX_SENTENCE_CHARS:,}); is this text?"
                )
        if parts:
            pid = pids[-1] + 1 if pids else 0
            sentences += parts
            pids += [pid] * len(parts)
    return Document(sentences, pids, head)
