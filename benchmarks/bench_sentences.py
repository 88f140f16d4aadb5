"""Sentence-boundary benchmark: newskit vs untrained NLTK Punkt vs a regex splitter.

Gold sentences are FRANK's ``article_sentences`` for its 250 CNN/DM and 251
XSum test articles (``frank-cnndm-xsum``); newskit's Punkt parameters are
trained on AllSides and BBC News Summary text only, never on these articles.
Each article is the gold sentences joined by one space (FRANK's ``article``
field). A boundary is the start of every sentence but the first; both gold and
predicted boundaries are moved to the next letter or digit, so a quote mark
attached to either side of a boundary does not count as an error. Precision,
recall and F1 are micro-averaged over all boundaries.

``newskit-reference`` is newskit's splitter computed the original, slow way
(NLTK's own ``PunktSentenceTokenizer`` on the same parameters); it gives the
same spans as ``newskit``, so only its time differs. ms/article is CPU time
(``time.process_time``): "first" is the first pass over the data set's articles
(for CNN/DM, the first in the process, after the parameters are loaded:
newskit's per-word caches start empty), "best" the best of ``--repeat`` passes.

    python benchmarks/bench_sentences.py [--data-dir DIR] [--errors N] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import add_data_dir, command, read_jsonl, table_header, table_row
from nltk.tokenize.punkt import PunktSentenceTokenizer

from newskit.text import sentence_spans
from newskit.text._reference import reference_sentence_spans

Splitter = Callable[[str], list[tuple[int, int]]]

_REGEX = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
_ALNUM = re.compile(r"[^\W_]")
# sentence-final punctuation, then closing quotes/brackets and opening ones before pos
_PUNCT_END = re.compile(r"[.!?…][\"'”’)\]]*\s*[\"'“‘(\[]*\s*$")
FILES = {"CNN/DM": "frank_cnndm_test.jsonl", "XSum": "frank_xsum_test.jsonl"}


def regex_spans(text: str) -> list[tuple[int, int]]:
    """The plain regex splitter: split after . ! ? (+ closing quotes) before a capital/digit."""
    spans, start = [], 0
    for m in _REGEX.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def nltk_untrained() -> Splitter:
    tok = PunktSentenceTokenizer()
    return lambda text: list(tok.span_tokenize(text))


def punctuated(text: str, pos: int) -> bool:
    """Whether the text before boundary ``pos`` ends with . ! ? or an ellipsis (+ quotes)."""
    return _PUNCT_END.search(text[max(0, pos - 12) : pos]) is not None


def boundaries(text: str, starts: list[int]) -> set[int]:
    """Sentence starts after the first, each moved to the next letter or digit."""
    out = set()
    for s in starts:
        m = _ALNUM.search(text, s)
        pos = m.start() if m else len(text)
        out.add(pos)
    first = _ALNUM.search(text)
    out.discard(first.start() if first else 0)
    out.discard(len(text))
    return out


def load(data_dir: Path) -> dict[str, list[tuple[str, list[str]]]]:
    return {
        name: [
            (rec["id"], rec["article_sentences"])
            for rec in read_jsonl(data_dir / "frank-cnndm-xsum" / fname)
        ]
        for name, fname in FILES.items()
    }


Counts = list[float]  # tp, predicted, gold, gold sentences, first-pass seconds, best seconds


def evaluate(
    split: Splitter, docs: list[tuple[str, list[str]]], errors: list[str] | None
) -> dict[str, Counts]:
    """Score ``split`` on ``docs`` under both gold sets ("all", "punctuated")."""
    out = {"all": [0.0] * 6, "punctuated": [0.0] * 6}
    for _doc_id, sents in docs:
        text = " ".join(sents)
        starts, pos = [], 0
        for s in sents:
            starts.append(pos)
            pos += len(s) + 1
        gold = boundaries(text, starts)
        spans = split(text)
        pred = boundaries(text, [s for s, _ in spans])
        # gold boundaries with no punctuation before them are paragraph or caption
        # breaks lost when FRANK joined the sentences with spaces: "don't care"
        ignore = {b for b in gold if not punctuated(text, b)}
        for mode, g, p in (("all", gold, pred), ("punctuated", gold - ignore, pred - ignore)):
            counts = (len(g & p), len(p), len(g), len(sents), 0.0, 0.0)  # timed apart
            out[mode] = [a + b for a, b in zip(out[mode], counts, strict=True)]
        if errors is not None:
            for b in sorted((gold - ignore) ^ (pred - ignore)):
                kind = "missed" if b in gold else "extra "
                errors.append(f"{kind} | {text[max(0, b - 60) : b]!r} || {text[b : b + 30]!r}")
    return out


def cpu_seconds(
    split: Splitter, docs: list[tuple[str, list[str]]], repeat: int
) -> tuple[float, float]:
    """CPU seconds to split every article: the first pass, and the best of ``repeat``."""
    texts = [" ".join(sents) for _doc_id, sents in docs]
    split("Parameters are loaded here. Not timed.")
    passes = []
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        for text in texts:
            split(text)
        passes.append(time.process_time() - t0)
    return passes[0], min(passes)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    add_data_dir(ap)
    ap.add_argument("--errors", type=int, default=0, help="print N of newskit's errors")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes (best is kept)")
    args = ap.parse_args(argv)
    data = load(args.data_dir)
    splitters: dict[str, Splitter] = {
        "newskit": sentence_spans,
        "newskit-reference": reference_sentence_spans,
        "nltk-punkt-untrained": nltk_untrained(),
        "regex": regex_spans,
    }
    errors: list[str] = []
    print(f"command: {command()}")
    header = ["gold", "data", "splitter", "sentences", "boundaries", "P", "R", "F1"]
    print(table_header([*header, "ms/article first", "ms/article best"], "lll" + "r" * 7))
    totals: dict[tuple[str, str], Counts] = {}
    rows = []
    for dname, docs in data.items():
        for name, split in splitters.items():
            first, best = cpu_seconds(split, docs, args.repeat)
            res = evaluate(split, docs, errors if name == "newskit" else None)
            for mode, counts in res.items():
                counts[4:] = [first, best]
                key = (mode, name)
                prev = totals.get(key, [0.0] * 6)
                totals[key] = [a + b for a, b in zip(prev, counts, strict=True)]
                rows.append((mode, dname, name, counts, len(docs)))
    n_docs = sum(len(d) for d in data.values())
    rows += [(mode, "all", name, c, n_docs) for (mode, name), c in totals.items()]
    for mode, dname, name, (tp, n_pred, n_gold, n_sent, first, best), n in sorted(
        rows, key=lambda r: (r[0], r[1] == "all", r[1])
    ):
        p, r, f = prf(int(tp), int(n_pred), int(n_gold))
        figures = [f"{x:.4f}" for x in (p, r, f)] + [f"{1000 * t / n:.2f}" for t in (first, best)]
        print(table_row([mode, dname, name, int(n_sent), int(n_gold), *figures]))
    if args.errors:
        print(f"\nnewskit errors ({len(errors)} in all), first {args.errors}:")
        for line in errors[: args.errors]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
