"""Build the shipped stem table (``newskit train stems``).

Stemming a word with NLTK's Snowball stemmer costs several microseconds of
Python; an article newskit has never seen brings a few hundred words it must
stem before it can rank anything. The stem table answers the frequent ones in
one dictionary look-up: it maps the most frequent word tokens of public news
corpora to the stem **NLTK's** ``SnowballStemmer("english")`` gives them
(sumy's stemmer; parity with sumy depends on identical stems). Words outside
the table are stemmed by NLTK at run time, as before, so the table changes
speed only, never a stem.

Corpora (read from ``--data-dir``, never copied): the CNN/DailyMail training
sample (``cnndm-train-sample/train.jsonl.xz``; not its validation split, and
no FRANK test article, which the benchmarks time) and BBC News Summary. Only
word frequencies are kept; the table holds single words and their stems.

The file is gzip-compressed JSON (fixed gzip timestamp, so a rebuild is
byte-identical): ``{"format": 1, "stemmer": ..., "nltk": version, "pairs":
"word stem word stem ...", "no_possessive": "word word ..."}``, words most
frequent first. At run time a
possessive the table lacks ("golfer's") takes its word's stem unless the word
is listed in ``no_possessive`` (those NLTK stems differently, e.g. "news's"):
every table word's possessive is checked against NLTK when the table is built.
"""

from __future__ import annotations

import argparse
import gzip
import json
import lzma
import re
from collections import Counter
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from newskit._artifacts import MODELS_DIR, record_artifact
from newskit.text._tokens import tokens_of_clean_text
from newskit.text._words import STEMS_ARTIFACT, STEMS_FORMAT
from newskit.training._cli import data_dir_option, out_option
from newskit.training._paths import default_data_dir

__all__ = ["HELP", "add_arguments", "build_stem_table", "count_words", "run"]

HELP = "rebuild the table of precomputed stems of frequent news words"

#: Defaults of ``newskit train stems``.
MIN_COUNT = 5
MAX_WORDS = 50_000


#: The CNN/DM sample is PTB-tokenized ("golfer 's", "do n't"); raw text run
#: through newskit's tokenizer keeps these together ("golfer's", "don't").
_CLITIC = re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b")


def _texts(data_dir: Path) -> Iterator[str]:
    cnndm = data_dir / "cnndm-train-sample" / "train.jsonl.xz"
    with lzma.open(cnndm, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield _CLITIC.sub(r"\1", str(json.loads(line)["article"]))
    with (data_dir / "bbc-news-summary" / "bbc_news_summary.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                yield f"{row['title']}\n{row['text']}"


def count_words(texts: Iterator[str]) -> Counter[str]:
    """Token frequencies of ``texts`` (newskit's tokenizer), words with a letter and no digit."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(tokens_of_clean_text(text))
    return Counter(
        {
            w: c
            for w, c in counts.items()
            if not any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w)
        }
    )


def build_stem_table(
    data_dir: Path | None = None,
    out_dir: Path = MODELS_DIR,
    *,
    min_count: int = MIN_COUNT,
    max_words: int = MAX_WORDS,
) -> tuple[Path, int]:
    """Write ``stems_en.json.gz`` into ``out_dir``, record it; return its path and size."""
    from nltk.stem.snowball import SnowballStemmer

    stemmer = SnowballStemmer("english")
    counts = count_words(_texts(data_dir or default_data_dir()))
    # most frequent first, ties alphabetically: deterministic. The table keeps this
    # order, so the words an article most likely holds sit together in memory
    # (their entries, strings and ids are made in table order when it is read).
    ranked = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    words = ranked[:max_words]
    pairs = []
    no_possessive = []
    for w in words:
        s = stemmer.stem(w)
        if " " in w or " " in s or not s:  # never: tokens hold no space; keep the format safe
            continue
        pairs += [w, s]
        if "'" not in w and stemmer.stem(w + "'s") != s:
            no_possessive.append(w)
    nltk_version = metadata.version("nltk")
    payload = {
        "format": STEMS_FORMAT,
        "stemmer": "nltk.stem.snowball.SnowballStemmer('english')",
        "nltk": nltk_version,
        "pairs": " ".join(pairs),
        # words whose possessive ("w's") NLTK stems differently from the word
        "no_possessive": " ".join(no_possessive),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / STEMS_ARTIFACT
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    meta = {
        "kind": "stem table (word -> NLTK Snowball English stem of frequent news words)",
        "source": "word frequencies of cnndm-train-sample train split and bbc-news-summary",
        "words": len(pairs) // 2,
        "no_possessive": len(no_possessive),
        "min_count": min_count,
        "max_words": max_words,
        "nltk": nltk_version,
        "command": f"newskit train stems --min-count {min_count} --max-words {max_words}",
    }
    record_artifact(STEMS_ARTIFACT, meta, models_dir=out_dir)
    return out, len(pairs) // 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``newskit train stems`` options."""
    data_dir_option(parser)
    out_option(parser, STEMS_ARTIFACT)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="least frequency kept")
    parser.add_argument("--max-words", type=int, default=MAX_WORDS, help="most words kept")


def run(args: argparse.Namespace) -> int:
    """Build the table from parsed CLI arguments."""
    out, n = build_stem_table(
        args.data_dir, args.out, min_count=args.min_count, max_words=args.max_words
    )
    print(f"wrote {out} ({n:,} words)")
    return 0
