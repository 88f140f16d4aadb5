"""The document every summarizer works on: sentences, tokens and sparse term matrices.

Tokenizing and stemming happen once per document; every algorithm then works
on integer arrays and :mod:`scipy.sparse` matrices built from them, so the
scoring itself never loops over words in Python.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate, chain, pairwise, repeat

import numpy as np

from newskit._article import Article
from newskit._articletext import ArticleText, article_text
from newskit._errors import InputValueError
from newskit._types import Content
from newskit.summarizers._linalg import Matrix, counts_matrix, entries
from newskit.text._tokens import tokens_of_clean_sentences
from newskit.text._words import stem_table, stem_tokens

__all__ = [
    "MAX_CHARS",
    "MAX_SENTENCE_CHARS",
    "Document",
    "build_document",
    "document_of",
    "forget_seen_words",
]

_WORDISH = re.compile(r"[^\W_]")

#: Longest text :func:`build_document` accepts, in characters.
MAX_CHARS = 20_000_000
#: Longest single sentence :func:`build_document` accepts, in characters.
MAX_SENTENCE_CHARS = 1_000_000
IntArray = np.ndarray
FloatArray = np.ndarray


#: Distinct words the shared :class:`_Vocabulary` remembers before it starts afresh.
VOCABULARY_LIMIT = 1 << 20

# A word's code packs its id, its stem id and its stop-word flag into one int:
# ``id << _ID_SHIFT | stem id << 1 | stop``. One dict look-up per distinct word
# then gives all three, where separate arrays indexed by id would each cost a
# scattered memory read per word (most of a new article's look-up time).
_ID_SHIFT = 33  # stem ids below 2**32
_STEM_MASK = (1 << 32) - 1


def _codes(ids: IntArray, stem_ids: IntArray, stop: np.ndarray) -> IntArray:
    """The codes of words with these ids, stem ids and stop-word flags."""
    out: IntArray = (ids << _ID_SHIFT) | (stem_ids << 1) | stop.astype(np.int64)
    return out


#: Numbers a vocabulary starts with besides the stem table's words. A number is
#: its own stem (no Snowball rule applies to a word without letters), and small
#: numbers and years recur in nearly every news story, yet the table holds words
#: only: without these, most new articles would bring a number to add.
SEEDED_NUMBERS = tuple(map(str, range(2100)))


class _Seed:
    """The words of the shipped stem table and :data:`SEEDED_NUMBERS`, with their codes
    (ids, stems and stop-word flags).

    Read-only once built and shared by every :class:`_Vocabulary` made from the
    same table, so a vocabulary starts with these words without copying them.
    """

    def __init__(self, table: dict[str, str], stops: frozenset[str]) -> None:
        #: the table it was built from
        self.table = table
        numbers = [w for w in SEEDED_NUMBERS if w not in table]
        #: the words, indexed by id
        self.names: list[str] = [*table, *numbers]
        n = len(self.names)
        stems = [*table.values(), *numbers]
        #: the stems, indexed by stem id, and stem -> stem id
        self.stem_names: list[str] = list(dict.fromkeys(stems))
        self.stems: dict[str, int] = dict(
            zip(self.stem_names, range(len(self.stem_names)), strict=True)
        )
        #: stem id and stop-word flag of each word
        self.stem_of = np.fromiter(map(self.stems.__getitem__, stems), np.int64, n)
        self.stop = np.fromiter(map(stops.__contains__, self.names), bool, n)
        #: word -> code (the word's id is its position in :attr:`names`)
        self.codes: dict[str, int] = dict(
            zip(
                self.names,
                _codes(np.arange(n, dtype=np.int64), self.stem_of, self.stop).tolist(),
                strict=True,
            )
        )


_SEED: list[_Seed] = []


def _seed() -> _Seed:
    """The :class:`_Seed` of the current stem table (built once per table)."""
    from newskit.text import stop_words

    table = stem_table()
    if not _SEED or _SEED[0].table is not table:
        _SEED[:] = [_Seed(table, stop_words())]
    return _SEED[0]


class _Vocabulary:
    """Every word seen so far -> a global id, with its stem id and stop-word flag.

    It starts with the words of the shipped stem table (stemmed by NLTK when
    the table was built) and frequent numbers (its :class:`_Seed`), so the
    frequent words of an article never seen before already have their ids;
    other words get the ids after them. Looking tokens up is a C-level dict access per
    token (:meth:`codes`, which gives a word's id, stem id and stop-word flag
    at once); the new words of a document are added in one step (:meth:`add`),
    and only a word the seed lacks runs the stemmer. A lock guards the
    insertions, so threads may share it.

    Parameters
    ----------
    seed : _Seed, optional
        The seed's words (shared, never changed); built from the stem table if omitted.
    """

    def __init__(self, seed: _Seed | None = None) -> None:
        from newskit.text import stop_words

        self.stops = stop_words()
        self.seed = _Seed(stem_table(), self.stops) if seed is None else seed
        self.lock = threading.Lock()
        #: words and stems that came from the seed (ids below these)
        self.n_seeded, self.n_seeded_stems = len(self.seed.names), len(self.seed.stem_names)
        #: words the seed lacks -> code (ids from n_seeded), and these words in id order
        self.added: dict[str, int] = {}
        self.added_names: list[str] = []
        #: stems the seed lacks -> stem id (from n_seeded_stems), and these stems in order
        self.added_stems: dict[str, int] = {}
        self.added_stem_names: list[str] = []
        # stem id and stop-word flag of each added word (grown by doubling)
        self._stem_of = np.zeros(1024, dtype=np.int64)
        self._stop = np.zeros(1024, dtype=bool)

    def __len__(self) -> int:
        return self.n_seeded + len(self.added)

    @property
    def n_stems(self) -> int:
        """Number of stem ids given so far (every stem id is below it)."""
        return self.n_seeded_stems + len(self.added_stem_names)

    def ids(self, tokens: list[str]) -> IntArray:
        """The global id of each token; words never seen before are added in one step."""
        return self.codes(tokens) >> _ID_SHIFT

    def codes(self, tokens: list[str]) -> IntArray:
        """The code of each token (see :func:`_codes`); words never seen before are
        added in one step."""
        # -1 (never a code) marks a word the seed lacks: an int, so count() and
        # index() find them by C-level int comparisons, where None would make
        # each comparison go through the rich-comparison fallbacks
        found = list(map(self.seed.codes.get, tokens, repeat(-1)))
        missing = found.count(-1)
        if missing:
            at = []
            k = -1
            for _ in range(missing):
                k = found.index(-1, k + 1)
                at.append(k)
            words = [tokens[k] for k in at]
            added = self.added
            known = list(map(added.get, words))
            if None in known:
                self.add([w for w, c in zip(words, known, strict=True) if c is None])
            for k, word in zip(at, words, strict=True):
                found[k] = added[word]
        return np.fromiter(found, np.int64, len(found))

    def __getitem__(self, word: str) -> int:
        found = self.seed.codes.get(word)
        if found is None:
            found = self.added.get(word)
            if found is None:
                self.add([word])
                found = self.added[word]
        return found >> _ID_SHIFT

    def add(self, words: list[str]) -> None:
        """Give each new word of ``words`` (none of them in the seed) an id, its stem
        id and its stop-word flag.

        The stems come from NLTK (memoised); the arrays grow once for the whole batch.
        """
        new = list(dict.fromkeys(words))
        stems = stem_tokens(new)
        with self.lock:
            added = self.added
            keep = [(w, s) for w, s in zip(new, stems, strict=True) if w not in added]
            if not keep:  # another thread added them meanwhile
                return
            start = len(self.added_names)
            end = start + len(keep)
            stem_of, stop = self._stem_of, self._stop
            if end > stem_of.size:
                # new arrays, filled before they are published: readers that took
                # the old ones still find every id they looked up
                size = stem_of.size
                while size < end:
                    size *= 2
                stem_of = np.zeros(size, dtype=np.int64)
                stem_of[:start] = self._stem_of[:start]
                stop = np.zeros(size, dtype=bool)
                stop[:start] = self._stop[:start]
            seeded, known, names = self.seed.stems, self.added_stems, self.added_stem_names
            sids = []
            for _, stem in keep:
                sid = seeded.get(stem)
                if sid is None:
                    sid = known.get(stem)
                    if sid is None:
                        sid = known[stem] = self.n_seeded_stems + len(names)
                        names.append(stem)
                sids.append(sid)
            stops = self.stops
            flags = [w in stops for w, _ in keep]
            stem_of[start:end] = sids
            stop[start:end] = flags
            self._stem_of, self._stop = stem_of, stop
            words_added = [w for w, _ in keep]
            self.added_names.extend(words_added)
            first = self.n_seeded + start
            # :func:`_codes` in Python: an article brings a handful of new words,
            # fewer than a round of numpy calls costs
            codes = [
                (first + k) << _ID_SHIFT | sid << 1 | flag
                for k, (sid, flag) in enumerate(zip(sids, flags, strict=True))
            ]
            # last: visible once the rows are filled
            added.update(zip(words_added, codes, strict=True))

    def _per_word(self, seeded: np.ndarray, added: np.ndarray, gids: IntArray) -> np.ndarray:
        """Each word id's row of ``seeded`` (the seed's words) or ``added`` (the others)."""
        n = self.n_seeded
        out: np.ndarray
        if n == 0:  # an empty seed has no row to take
            out = added[gids]
            return out
        out = seeded.take(gids, mode="clip")
        extra = gids >= n
        if extra.any():
            out[extra] = added[gids[extra] - n]
        return out

    def stem_of(self, gids: IntArray) -> IntArray:
        """The stem id of each word id."""
        return self._per_word(self.seed.stem_of, self._stem_of, gids)

    def stop(self, gids: IntArray) -> np.ndarray:
        """Whether each word id is a stop word."""
        return self._per_word(self.seed.stop, self._stop, gids)

    def words(self, gids: list[int]) -> list[str]:
        """The word of each word id."""
        seeded, added, n = self.seed.names, self.added_names, self.n_seeded
        return [seeded[g] if g < n else added[g - n] for g in gids]

    def stem_words(self, sgids: list[int]) -> list[str]:
        """The stem of each stem id."""
        seeded, added, n = self.seed.stem_names, self.added_stem_names, self.n_seeded_stems
        return [seeded[g] if g < n else added[g - n] for g in sgids]


_VOCABULARY: list[_Vocabulary] = []


def _vocabulary() -> _Vocabulary:
    """The shared vocabulary, started afresh once it holds :data:`VOCABULARY_LIMIT` words."""
    if not _VOCABULARY or len(_VOCABULARY[0]) >= VOCABULARY_LIMIT:
        _VOCABULARY[:] = [_Vocabulary(_seed())]
    return _VOCABULARY[0]


def forget_seen_words() -> None:
    """Return newskit's per-string caches to the state of a process that has seen no text.

    Clears the sentence splitter's remembered strings and the memo of words
    the stemmer ran on, and starts a new shared vocabulary that holds only the
    stem table's words (shared with the old one, never copied), so the next
    document pays neither for seeding nor for copying. Read-only package data
    stays loaded. Not thread-safe: call it when nothing else summarizes.
    ``benchmarks/bench_summarizers.py`` calls it before each first-sight
    timing; summaries never depend on it.
    """
    from newskit.text import _words
    from newskit.text._punkt import load_fast_tokenizer

    load_fast_tokenizer().clear_caches()
    _words._nltk_stem.cache_clear()
    # a new vocabulary: documents made before keep theirs, unchanged
    _VOCABULARY[:] = [_Vocabulary(_seed())]


def _first_seen(values: IntArray) -> tuple[IntArray, IntArray]:
    """Renumber ``values`` 0, 1, ... in order of first occurrence; also return the distinct
    values in that order. (The numbering a dict filled in document order gives, in a few
    numpy calls instead of one Python step per token.)"""
    if values.size == 0:
        return values, values
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.empty(values.size, dtype=bool)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    firsts = order[new]  # first position of each distinct value, by value
    by_position = np.argsort(firsts)
    rank = np.empty_like(by_position)
    rank[by_position] = np.arange(by_position.size)
    local = np.empty_like(values)
    local[order] = rank[np.cumsum(new) - 1]
    return local, ordered[new][by_position]


class _Index:
    """Per-document word and stem ids, numbered in order of first occurrence."""

    def __init__(self, flat: list[str]) -> None:
        # one vocabulary for the whole document, even if another thread replaces it
        vocabulary = self.vocabulary = _vocabulary()
        # The distinct words in order of first occurrence are the word ids; only
        # they are looked up in the (large) shared vocabulary. One C-level pass
        # of dict.setdefault gives each token the position where its word first
        # occurs (a word's rank among those positions is its id), where a dict of
        # words then a look-up per token would take two.
        first: dict[str, int] = {}
        n = len(flat)
        positions = np.fromiter(map(first.setdefault, flat, range(n)), np.int64, n)
        rank = np.zeros(n, dtype=np.int64)
        rank[np.fromiter(first.values(), np.int64, len(first))] = np.arange(len(first))
        word_ids = rank[positions]
        codes = vocabulary.codes(list(first))
        #: word id of each token, and the global id of each word
        self.words: tuple[IntArray, IntArray] = (word_ids, codes >> _ID_SHIFT)
        self.is_stop: np.ndarray = (codes & 1).astype(bool)[word_ids]
        # Stems numbered by first occurrence among the distinct words (in their
        # order of first occurrence) are numbered by first occurrence among tokens.
        stem_of_word, stem_gids = _first_seen((codes >> 1) & _STEM_MASK)
        #: stem id of each token, and the global id of each stem
        self.stem_ids: IntArray = stem_of_word[word_ids]
        self.stem_gids = stem_gids

    @cached_property
    def stem_local(self) -> dict[int, int]:
        """Global stem id -> stem id in this document."""
        return dict(zip(self.stem_gids.tolist(), range(self.stem_gids.size), strict=True))


def _split_at(flat: list[str], ends: list[int]) -> list[list[str]]:
    """``flat`` cut into consecutive lists that end at ``ends``."""
    return [flat[start:end] for start, end in pairwise([0, *ends])]


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
    #: Set by :func:`build_document`: the sentences are already clean ``str``.
    _clean = False

    @cached_property
    def tokens(self) -> list[list[str]]:
        """Lower-cased word tokens of each sentence."""
        if not self._clean:
            return self.passing_tokens()
        flat, ends = tokens_of_clean_sentences(self.sentences)
        self.__dict__["flat_tokens"] = flat  # kept: no second list of every token
        return _split_at(flat, ends)

    def passing_tokens(self) -> list[list[str]]:
        """:attr:`tokens`, without keeping them on the document if they were not
        kept already (a batch of documents then holds one batch's tokens at most)."""
        from newskit.text import word_tokens

        kept: list[list[str]] | None = self.__dict__.get("tokens")
        if kept is not None:
            return kept
        if self._clean:
            return _split_at(*tokens_of_clean_sentences(self.sentences))
        return list(map(word_tokens, self.sentences))

    @cached_property
    def title_tokens(self) -> list[str]:
        """Lower-cased word tokens of the title."""
        from newskit.text import word_tokens

        return word_tokens(self.title) if self.title else []

    @cached_property
    def flat_tokens(self) -> list[str]:
        """Every token of the document, sentence after sentence."""
        tokens = self.tokens
        kept: list[str] | None = self.__dict__.get("flat_tokens")  # :attr:`tokens` may keep it
        return list(chain.from_iterable(tokens)) if kept is None else kept

    @cached_property
    def sentence_lengths(self) -> IntArray:
        """Number of tokens in each sentence."""
        return np.fromiter(map(len, self.tokens), np.int64, len(self.tokens))

    @cached_property
    def token_sentence(self) -> IntArray:
        """The sentence index of each token in :attr:`flat_tokens`."""
        return np.arange(len(self.tokens), dtype=np.int64).repeat(self.sentence_lengths)

    @cached_property
    def _index(self) -> _Index:
        return _Index(self.flat_tokens)

    @property
    def word_ids(self) -> IntArray:
        """Vocabulary id of each (unstemmed) token, in order of first occurrence."""
        return self._index.words[0]

    @property
    def n_words(self) -> int:
        """Number of distinct tokens."""
        return int(self._index.words[1].size)

    @property
    def word_vocab(self) -> list[str]:
        """The distinct tokens, indexed by :attr:`word_ids`."""
        return self._index.vocabulary.words(self._index.words[1].tolist())

    @property
    def is_stop(self) -> np.ndarray:
        """Whether each token is a stop word."""
        return self._index.is_stop

    @property
    def stem_ids(self) -> IntArray:
        """Vocabulary id of the stem of each token, in order of first occurrence."""
        return self._index.stem_ids

    @property
    def n_stems(self) -> int:
        """Number of distinct stems."""
        return int(self._index.stem_gids.size)

    def title_stem_ids(self, *, content_only: bool = True) -> IntArray:
        """Vocabulary ids of the title's stems that also occur in the sentences.

        With ``content_only``, stop words are left out first (as everywhere).
        """
        index = self._index
        tokens = self.title_tokens
        if not tokens:
            return np.zeros(0, dtype=np.int64)
        gids = index.vocabulary.ids(tokens)
        if content_only:
            gids = gids[~index.vocabulary.stop(gids)]
        local = index.stem_local
        stems = map(local.get, index.vocabulary.stem_of(gids).tolist())
        return np.asarray([i for i in stems if i is not None], dtype=np.int64)

    @property
    def stem_vocab(self) -> list[str]:
        """The stems, indexed by :attr:`stem_ids`."""
        return self._index.vocabulary.stem_words(self._index.stem_gids.tolist())

    # -- matrices -------------------------------------------------------------
    def count_matrix(self, ids: IntArray, mask: np.ndarray, n_terms: int) -> Matrix:
        """Sentence x term counts of the tokens selected by ``mask`` (dense when small)."""
        return counts_matrix(self.token_sentence[mask], ids[mask], (len(self), n_terms))

    @cached_property
    def content_stem_counts(self) -> Matrix:
        """Sentence x stem counts of the non-stop-word tokens."""
        return self.count_matrix(self.stem_ids, ~self.is_stop, self.n_stems)

    @cached_property
    def content_entries(self) -> tuple[IntArray, IntArray, FloatArray]:
        """Rows, columns and values of the non-zero cells of :attr:`content_stem_counts`."""
        return entries(self.content_stem_counts)

    @cached_property
    def content_word_counts(self) -> Matrix:
        """Sentence x word counts of the non-stop-word tokens (no stemming)."""
        return self.count_matrix(self.word_ids, ~self.is_stop, self.n_words)

    def stem_mask(self, stems: frozenset[str] | set[str]) -> np.ndarray:
        """Boolean array over :attr:`stem_vocab`: which stems are in ``stems``."""
        index = self._index
        names = index.vocabulary.stem_words(index.stem_gids.tolist())
        mask: np.ndarray = np.fromiter(map(stems.__contains__, names), bool, len(names))
        return mask


def build_document(text: Article | Content, title: str | None = None) -> Document:
    """Split an :class:`~newskit.Article`, ``str`` or ``bytes`` into a :class:`Document`.

    An article contributes its title and body paragraphs only (never captions,
    highlights or page chrome). Plain text is split into paragraphs on blank
    lines (or on line breaks when it has no blank line), then into sentences.

    Raises
    ------
    UnsupportedLanguageError
        The text is clearly not English.
    """
    prepared = article_text(text, title=title)
    if prepared.paragraphs or prepared.title:
        prepared.ensure_english()
    return document_of(prepared)


def document_of(prepared: ArticleText) -> Document:
    """The :class:`Document` of an article's text (no English check: the caller made it).

    ``prepared`` comes from :func:`~newskit._articletext.article_text`, whose
    paragraphs :func:`~newskit._input.ensure_text` has cleaned: no check reads them again.
    """
    from newskit.text._sentences import clean_text_spans

    paragraphs, head = prepared.paragraphs, prepared.title
    total = sum(map(len, paragraphs)) + len(head)
    if total > MAX_CHARS:
        raise InputValueError(
            f"text of {total:,} characters is too long to summarize (limit {MAX_CHARS:,})"
        )
    # One split of the paragraphs joined by blank lines (which always end a
    # sentence) finds what a split of each would, without the per-call costs.
    joined = "\n\n".join(paragraphs)
    starts = list(accumulate((len(p) + 2 for p in paragraphs[:-1]), initial=0))
    sentences: list[str] = []
    pids: list[int] = []
    pid = last_paragraph = -1
    # A sentence lies inside one paragraph. When the text has no tab, no double
    # space and no line break inside a paragraph, only a non-ASCII space (or a
    # space at either end) can make a sentence need collapsing.
    plain = (
        "\t" not in joined
        and "  " not in joined
        and joined.count("\n") == 2 * (len(paragraphs) - 1)
    )
    for start, end in clean_text_spans(joined):
        sentence = joined[start:end]
        # Whitespace runs become single spaces. The only whitespace a printable
        # string can hold is " " (every other character str.split splits on is
        # a separator or a control character), so a printable sentence with no
        # "  " and no space at either end is already collapsed: one C scan
        # instead of splitting it into words and joining them again. Clean ASCII
        # text holds no control character but "\t" and "\n" (ensure_text replaced
        # the others), so for it (isascii is O(1)) two searches tell what
        # isprintable() would, which looks every character up in the Unicode tables.
        if plain:
            collapse = not sentence.isascii() and not sentence.isprintable()
        elif sentence.isascii():
            collapse = "\n" in sentence or "\t" in sentence or "  " in sentence
        else:
            collapse = not sentence.isprintable() or "  " in sentence
        if collapse or sentence.startswith(" ") or sentence.endswith(" "):
            sentence = " ".join(sentence.split())
        # a "sentence" without a letter or digit (a lone dash, emoji, zero-width space) is not
        # one; most start with one (isalnum is the pattern's test), sparing the regex call
        if not (sentence[:1].isalnum() or _WORDISH.search(sentence)):
            continue
        if len(sentence) > MAX_SENTENCE_CHARS:
            raise InputValueError(
                f"a sentence of {len(sentence):,} characters is too long to summarize "
                f"(limit {MAX_SENTENCE_CHARS:,}); is this text?"
            )
        sentences.append(sentence)
        paragraph = bisect_right(starts, start) - 1
        if paragraph != last_paragraph:  # a paragraph without a sentence gets no number
            pid += 1
            last_paragraph = paragraph
        pids.append(pid)
    doc = Document(sentences, pids, head)
    doc._clean = True
    return doc
