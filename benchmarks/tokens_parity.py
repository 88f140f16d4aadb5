"""Check that a document's tokens equal the tokens of each of its sentences.

:class:`~newskit.summarizers.Document` tokenizes a cleaned document's
sentences in one pass (:func:`~newskit.text._tokens.tokens_of_clean_sentences`);
this script checks, on real articles, that the result is
:func:`~newskit.text.word_tokens` of each sentence, token for token, and that
``flat_tokens``, ``passing_tokens()`` and the word ids agree with it.

Texts: the FRANK CNN/DM and XSum articles, the BBC News Summary articles and
the CNN/DM sample's validation articles, then its training articles up to
``--limit`` texts in all. Prints the number of texts, sentences and tokens
compared and of documents that differ; exits 1 if any does.

Usage: ``nice python benchmarks/tokens_parity.py [--limit 26000]``
"""

from __future__ import annotations

import argparse
import json
import lzma
import sys
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _summ_data import default_data_dir

from newskit import InputValueError
from newskit.summarizers import build_document
from newskit.text import word_tokens


def _jsonl(path: Path, field: str) -> Iterator[str]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield str(json.loads(line)[field])


def texts(data_dir: Path) -> Iterator[str]:
    """The articles, in the order the module docstring gives."""
    frank = data_dir / "frank-cnndm-xsum"
    yield from _jsonl(frank / "frank_cnndm_test.jsonl", "article")
    yield from _jsonl(frank / "frank_xsum_test.jsonl", "article")
    yield from _jsonl(data_dir / "bbc-news-summary" / "bbc_news_summary.jsonl", "text")
    sample = data_dir / "cnndm-train-sample"
    yield from _jsonl(sample / "val.jsonl.xz", "article")
    yield from _jsonl(sample / "train.jsonl.xz", "article")


def differs(text: str) -> tuple[bool, int, int]:
    """Whether the document's tokens differ from its sentences' tokens; the
    numbers of sentences and tokens."""
    doc = build_document(text)
    want = [word_tokens(s) for s in doc.sentences]
    passing = doc.passing_tokens()  # before anything is kept
    got = doc.tokens
    flat = list(chain.from_iterable(want))
    bad = (
        got != want
        or passing != want
        or doc.flat_tokens != flat
        or [doc.word_vocab[i] for i in doc.word_ids.tolist()] != flat
        or doc.sentence_lengths.tolist() != list(map(len, want))
    )
    return bad, len(want), len(flat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=26_000, help="texts in all")
    args = parser.parse_args(argv)
    n_texts = n_sentences = n_tokens = n_bad = n_refused = 0
    for text in texts(args.data_dir):
        if n_texts >= args.limit:
            break
        n_texts += 1
        try:
            bad, sentences, tokens = differs(text)
        except InputValueError:  # not English: no document, nothing to compare
            n_refused += 1
            continue
        n_bad += bad
        n_sentences += sentences
        n_tokens += tokens
    print(
        f"{n_texts:,} texts ({n_refused:,} refused as not English), {n_sentences:,} sentences, "
        f"{n_tokens:,} tokens: {n_bad:,} documents whose tokens differ from their sentences'"
    )
    return 1 if n_bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
