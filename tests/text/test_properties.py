"""Property tests: sentence spans are well-formed for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.text import sentence_spans, split_sentences, word_tokens

_PIECES = st.sampled_from(
    [
        "Dr.",
        "Sen.",
        "U.S.",
        "said",
        "The",
        "he",
        "1.7",
        "…",
        "...",
        ".",
        "!",
        "?",
        ",",
        '"',
        "“",
        "”",
        "’",
        "(",
        ")",
        "\n",
        "\n\n",
        "• ",
        "- ",
        "Jan.",
        "J.",
        "ISLAMABAD:",
        "  ",
        "word",
        "Word",
        "x",
        "",
    ]
)
# control characters are left out: ensure_text may reject mostly-binary input
_CHARS = st.characters(blacklist_categories=("Cc", "Cs"))
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join) | st.text(_CHARS, max_size=200)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_spans_are_ordered_disjoint_and_trimmed(text: str) -> None:
    spans = sentence_spans(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        last = end
    assert len(split_sentences(text)) == len(spans)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_word_tokens_have_no_space_or_bare_punctuation(text: str) -> None:
    for tok in word_tokens(text):
        assert tok and not any(ch.isspace() for ch in tok)
        assert any(ch.isalnum() for ch in tok)
        assert tok == tok.lower()
