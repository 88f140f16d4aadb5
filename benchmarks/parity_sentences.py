"""Parity of the fast sentence splitter and word tokenizer with the reference (NLTK) path.

Compares, document by document, ``newskit.text.sentence_spans`` with
``newskit.text._reference.reference_sentence_spans`` (NLTK's own
``PunktSentenceTokenizer`` on the same parameters, and the original helper
code), the fast Punkt (``FastPunkt.span_tokenize``) with NLTK's
``span_tokenize`` on each whole document, and ``word_tokens`` with
``reference_word_tokens``, on:

* FRANK (``frank-cnndm-xsum``), all 501 articles: the ``article`` field, the
  same sentences one per paragraph, the reference summary and every system
  summary;
* BBC News Summary, all 2,225 articles: headline + body, and the summary
  (sentences run together without spaces);
* the first ``--allsides`` AllSides bodies (``content_original``).

Prints, per corpus, the number of texts, how many differ (should be 0), and
the CPU seconds of each side.

    python benchmarks/parity_sentences.py [--data-dir DIR] [--allsides N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

from _common import Timer, add_data_dir, command, read_jsonl, table_header, table_row

from newskit.text import sentence_spans, word_tokens
from newskit.text._punkt import load_fast_tokenizer, load_tokenizer
from newskit.text._reference import reference_sentence_spans, reference_word_tokens


def frank(data_dir: Path) -> list[tuple[str, str]]:
    out = []
    for name in ("frank_cnndm_test.jsonl", "frank_xsum_test.jsonl"):
        for rec in read_jsonl(data_dir / "frank-cnndm-xsum" / name):
            doc = str(rec["id"])
            out.append((f"{doc}/article", rec["article"]))
            out.append((f"{doc}/paragraphs", "\n\n".join(rec["article_sentences"])))
            out.append((f"{doc}/reference", rec["reference"]))
            for system, summary in sorted(rec.get("system_summaries", {}).items()):
                out.append((f"{doc}/{system}", summary))
    return out


def bbc(data_dir: Path) -> list[tuple[str, str]]:
    out = []
    for rec in read_jsonl(data_dir / "bbc-news-summary" / "bbc_news_summary.jsonl"):
        out.append((f"{rec['id']}/article", f"{rec['title']}\n\n{rec['text']}"))
        out.append((f"{rec['id']}/summary", rec["summary"]))
    return out


def allsides(data_dir: Path, limit: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    with tarfile.open(data_dir / "allsides-article-bias" / "jsons.tar.xz") as tar:
        for member in tar:
            if len(out) >= limit:
                break
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            body = json.load(handle).get("content_original") or ""
            if body.strip():
                out.append((member.name, body))
    return out


def nltk_spans(text: str) -> list[tuple[int, int]]:
    return list(load_tokenizer().span_tokenize(text))


Pair = tuple[str, Callable[[str], object], Callable[[str], object]]
CHECKS: list[Pair] = [
    ("sentence_spans", sentence_spans, reference_sentence_spans),
    ("punkt span_tokenize", load_fast_tokenizer().span_tokenize, nltk_spans),
    ("word_tokens", word_tokens, reference_word_tokens),
]


def cpu(func: Callable[[str], object], texts: list[str]) -> tuple[list[object], float]:
    with Timer() as timer:
        out = [func(text) for text in texts]
    return out, timer.cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    add_data_dir(ap)
    ap.add_argument("--allsides", type=int, default=3000, help="AllSides bodies (default 3000)")
    ap.add_argument("--show", type=int, default=5, help="list up to N differing texts by id")
    args = ap.parse_args(argv)
    corpora = {
        "FRANK": frank(args.data_dir),
        "BBC": bbc(args.data_dir),
        "AllSides": allsides(args.data_dir, args.allsides),
    }
    for func in (sentence_spans, reference_sentence_spans):  # load parameters, warm up
        func("Warm up. Done.")
    print(f"command: {command()}")
    header = ["corpus", "texts", "check", "differ", "fast CPU s", "reference CPU s", "speed-up"]
    print(table_header(header, "lrlrrrr"))
    failed = 0
    for corpus, docs in corpora.items():
        texts = [t for _, t in docs]
        for check, fast, ref in CHECKS:
            new, t_new = cpu(fast, texts)
            old, t_old = cpu(ref, texts)
            bad = [doc_id for (doc_id, _), a, b in zip(docs, new, old, strict=True) if a != b]
            failed += len(bad)
            speed_up = f"{t_old / t_new if t_new else float('nan'):.1f}x"
            print(
                table_row(
                    [corpus, len(texts), check, len(bad), f"{t_new:.2f}", f"{t_old:.2f}", speed_up]
                )
            )
            for doc_id in bad[: args.show]:
                print(f"    differs: {doc_id}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
