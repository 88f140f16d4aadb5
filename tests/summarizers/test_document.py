"""The per-document index: first-seen numbering, the shared vocabulary, threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import chain

import numpy as np
import pytest

from newskit import Article, summarize
from newskit.summarizers import METHODS, _document, build_document
from newskit.summarizers._document import _first_seen
from newskit.text import split_sentences, stem, stop_words
from tests.summarizers._texts import ARTICLE, ARTICLE_TITLE


def _dict_numbering(values: list[int]) -> tuple[list[int], list[int]]:
    seen: dict[int, int] = {}
    ids = [seen.setdefault(v, len(seen)) for v in values]
    return ids, list(seen)


@pytest.mark.parametrize("size", [0, 1, 2, 7, 300])
def test_first_seen_numbers_like_a_dict(size: int) -> None:
    rng = np.random.default_rng(size)
    values = rng.integers(0, max(size // 3, 1), size)
    ids, distinct = _first_seen(values)
    want_ids, want_distinct = _dict_numbering(values.tolist())
    assert ids.tolist() == want_ids
    assert distinct.tolist() == want_distinct


def test_ids_stems_and_stop_flags_match_the_text_layer() -> None:
    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    words = doc.flat_tokens
    assert [doc.word_vocab[i] for i in doc.word_ids] == words
    assert [doc.stem_vocab[i] for i in doc.stem_ids] == [stem(w) for w in words]
    assert doc.is_stop.tolist() == [w in stop_words() for w in words]
    # numbered in order of first occurrence
    assert doc.word_ids[0] == 0 and doc.stem_ids[0] == 0
    assert doc.word_ids.max() + 1 == len(set(words)) == doc.n_words


def _all_summaries() -> list[list[int]]:
    return [summarize(ARTICLE, m, n_sentences=3, title=ARTICLE_TITLE).indices for m in METHODS]


def test_a_fresh_or_full_vocabulary_gives_the_same_summaries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    want = _all_summaries()
    monkeypatch.setattr(_document, "_VOCABULARY", [])
    assert _all_summaries() == want
    # a tiny limit: the vocabulary starts afresh for nearly every document
    monkeypatch.setattr(_document, "VOCABULARY_LIMIT", 5)
    before = _document._vocabulary()
    assert _all_summaries() == want
    assert _document._VOCABULARY[0] is not before


def test_threads_sharing_a_fresh_vocabulary_agree_with_one_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [ARTICLE.replace("bridge", w) for w in ("bridge", "tunnel", "road", "ferry", "dam")]
    want = [summarize(t, "luhn", n_sentences=2).indices for t in texts]
    monkeypatch.setattr(_document, "_VOCABULARY", [])
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: summarize(t, "luhn", n_sentences=2).indices, texts * 8))
    assert got == want * 8


def test_custom_default_weights_are_read_afresh_each_call() -> None:
    from newskit.summarizers._default import content_scores, load_weights

    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    weights = {k: list(v) if isinstance(v, list) else v for k, v in load_weights().items()}
    shipped = content_scores(doc, load_weights())
    assert np.array_equal(content_scores(doc, weights), shipped)
    weights["coef"] = [-c for c in weights["coef"]]  # edited in place: must not be cached
    assert np.allclose(content_scores(doc, weights), -shipped)
    assert np.array_equal(content_scores(doc, load_weights()), shipped)


def test_a_vocabulary_mixes_table_words_and_new_words_consistently() -> None:
    from newskit.text._words import stem_table

    vocabulary = _document._Vocabulary(_document._seed())
    table = stem_table()
    # the table's words and the seeded numbers
    seeded = set(vocabulary.seed.names)
    assert seeded == set(table) | set(_document.SEEDED_NUMBERS)
    # made-up words (not in the table), more than the first block of the new
    # words' arrays holds, among table words, a possessive and numbers, seeded
    # or not; "hereupon": a stop word the table lacks
    made_up = [f"zorbl{i}ings" for i in range(1500)] + ["qwertyfication", "blorped", "hereupon"]
    words = ["the", "council", "voters", *made_up, "the", "qwertyfication", "'s", "2019", "1.5"]
    assert not any(w in table for w in made_up) and "hereupon" in stop_words()
    assert "2019" in seeded and "1.5" not in seeded
    gids = vocabulary.ids(words)
    assert gids.tolist() == [vocabulary[w] for w in words]
    assert len(set(gids.tolist())) == len(set(words))
    assert vocabulary.words(gids.tolist()) == words
    assert vocabulary.stem_words(vocabulary.stem_of(gids).tolist()) == [stem(w) for w in words]
    assert vocabulary.stop(gids).tolist() == [w in stop_words() for w in words]
    # each code packs the same id, stem id and stop-word flag
    codes = vocabulary.codes(words)
    assert (codes >> _document._ID_SHIFT).tolist() == gids.tolist()
    stem_ids = (codes >> 1) & _document._STEM_MASK
    assert stem_ids.tolist() == vocabulary.stem_of(gids).tolist()
    assert (codes & 1).astype(bool).tolist() == vocabulary.stop(gids).tolist()
    assert gids[:3].max() < vocabulary.n_seeded <= gids[3:-5].min()
    assert gids[-2] < vocabulary.n_seeded <= gids[-1]
    assert len(vocabulary) == vocabulary.n_seeded + len(set(words) - seeded)
    # ids are stable: asking again adds nothing
    assert vocabulary.ids(words).tolist() == gids.tolist()
    assert len(vocabulary.added) == len(set(words) - seeded)


def test_forgetting_shares_the_table_words_and_keeps_no_new_word() -> None:
    doc = build_document("Zorblings blorped the qwertyfication. Voters sang.")
    _ = doc.stem_ids
    before = _document._vocabulary()
    assert "zorblings" in before.added
    _document.forget_seen_words()
    after = _document._vocabulary()
    assert after is not before and after.seed is before.seed
    assert not after.added and not after.added_stems and after.n_stems == after.n_seeded_stems
    assert doc.stem_vocab == list(dict.fromkeys(stem(w) for w in doc.flat_tokens))


@pytest.mark.parametrize(
    "text",
    [
        "Rain fell  hard on the town.  Roads flooded.",
        "Rain fell\u00a0on the town.\tRoads\u2003flooded overnight.",
        "The storm hit the\ncoast late. Power\u2028failed in the north.",
        "Plain sentence one. Plain sentence two.",
    ],
)
def test_sentences_have_single_spaces_between_words(text: str) -> None:
    sentences = build_document(text).sentences
    assert sentences
    assert all(s == " ".join(s.split()) for s in sentences)


@pytest.mark.parametrize(
    "body",
    [
        # no tab, double space or line break inside a paragraph: only non-ASCII spaces
        # need collapsing
        ["Caf\u00e9 rain fell\u00a0hard. Roads\u2003flooded. Plain one.", "A second\u3000one."],
        ["Caf\u00e9 owners met. Plain one.", "No odd space here."],
        ["Plain one.", "Rain fell\u2009on Monday."],
        # a line break inside a paragraph, a double space, a tab
        ["Plain one.", "A line\nbreak inside. Caf\u00e9\u202fclosed."],
        ["Plain one.", "A double  space. Caf\u00e9\u00a0closed."],
        ["Plain\tone.", "Caf\u00e9 closed."],
    ],
)
def test_sentences_are_split_sentences_of_each_paragraph(body: list[str]) -> None:
    want = [s for paragraph in body for s in split_sentences(paragraph)]
    assert build_document(Article(body=body)).sentences == want


@pytest.mark.parametrize("extra", ["", " Caf\u00e9 owners left."])  # ASCII, and not
def test_tabs_and_line_breaks_inside_a_sentence_become_spaces(extra: str) -> None:
    body = [
        "Rain fell\thard on the town. Roads\t\tflooded.",
        "The storm hit the\ncoast late." + extra,
    ]
    sentences = build_document(Article(body=body)).sentences
    want = ["Rain fell hard on the town.", "Roads flooded.", "The storm hit the coast late."]
    assert sentences == want + ([extra.strip()] if extra else [])


def test_seeded_numbers_have_the_stems_and_flags_the_text_layer_gives() -> None:
    vocabulary = _document._Vocabulary(_document._seed())
    numbers = list(_document.SEEDED_NUMBERS)
    gids = vocabulary.ids(numbers)
    assert gids.max() < vocabulary.n_seeded and not vocabulary.added
    assert vocabulary.stem_words(vocabulary.stem_of(gids).tolist()) == [stem(w) for w in numbers]
    assert vocabulary.stop(gids).tolist() == [w in stop_words() for w in numbers]


@pytest.mark.parametrize("first", ["tokens", "flat_tokens", "passing_tokens"])
def test_a_document_tokenizes_its_sentences_one_by_one_whatever_is_asked_first(
    first: str,
) -> None:
    from newskit.text import word_tokens

    doc = build_document(ARTICLE, title=ARTICLE_TITLE)
    want = [word_tokens(s) for s in doc.sentences]
    asked = getattr(doc, first)
    asked = asked() if callable(asked) else asked
    assert asked == (list(chain.from_iterable(want)) if first == "flat_tokens" else want)
    assert doc.passing_tokens() == doc.tokens == want
    assert doc.flat_tokens == list(chain.from_iterable(want))
    assert doc.sentence_lengths.tolist() == [len(t) for t in want]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Rain fell.\n\n\u2014\n\nRoads flooded.", ["Rain fell.", "Roads flooded."]),
        (
            "\u201cRain,\u201d she said.\n\n\U0001f30a\n\n_\n\n2019.",
            ["\u201cRain,\u201d she said.", "2019."],
        ),
        ("\u00bd cup.\n\n\u0663 days.", ["\u00bd cup.", "\u0663 days."]),
    ],
)
def test_a_sentence_needs_a_letter_or_a_digit(text: str, kept: list[str]) -> None:
    assert build_document(text).sentences == kept
