"""``newskit digest``: parse, classify and summarize a file, or a JSONL stream of records."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from newskit._cli._io import load_articles, parse_now, write_json
from newskit._cli._jsonl import done_ids, read_records, write_record
from newskit._defaults import BATCH_SIZE, N_SENTENCES
from newskit._digest import ArticleDigest, Unreadable, digest_articles, digest_many
from newskit._errors import InputValueError

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "digest",
        help="parse, classify and summarize every article of a file or JSONL stream",
        description=(
            "Parse FILE (or - for standard input) and give each article's topics and summary; "
            "or, with --jsonl, stream records {id, text|html[, title, url]} to JSONL output."
        ),
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="input file, or - for standard input")
    p.add_argument("--jsonl", metavar="IN", help="JSONL input of records (- for standard input)")
    p.add_argument("-o", "--output", metavar="OUT", default="-", help="JSONL output (default: -)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    p.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="records per worker batch")
    p.add_argument("--resume", action="store_true", help="skip records whose id is in OUT")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--sentences", type=int, default=N_SENTENCES, help="summary length in sentences")
    p.add_argument("--now", metavar="ISO", help="reference time for relative dates (ISO 8601)")
    p.set_defaults(run=run)


def _print_text(digests: list[ArticleDigest]) -> None:
    out = sys.stdout
    if not digests:
        out.write("(no articles found)\n")
    for i, d in enumerate(digests, 1):
        a = d.article
        out.write(f"# {i}. {a.title or '(untitled)'}\n")
        stamp = a.updated or a.published
        raw = a.updated_text or a.published_text
        if raw:
            out.write(f"date: {stamp.date().isoformat() if stamp else raw}\n")
        if a.dateline:
            out.write(f"dateline: {a.dateline}\n")
        probs = d.topics.probabilities
        shown = ", ".join(f"{t} {probs[t]:.2f}" for t in d.topics.topics) or "none"
        out.write(f"topics: {shown}\n")
        out.write("summary:\n")
        for s in d.summary.sentences:
            out.write(f"  - {s.text}\n")
        out.write("\n")


def _progress(records: Iterator[Any]) -> Iterator[Any]:
    if not sys.stderr.isatty():
        return records
    from tqdm import tqdm

    return iter(tqdm(records, unit="rec", file=sys.stderr))


def _skip_done(records: Iterator[Any], done: set[str], skipped: list[int]) -> Iterator[Any]:
    for record in records:
        record_id = record.id if isinstance(record, Unreadable) else record["id"]
        if record_id in done:
            skipped[0] += 1
            continue
        yield record


def _run_jsonl(args: argparse.Namespace) -> int:
    if args.resume and args.output == "-":
        raise InputValueError("--resume needs -o OUT to be a file")
    start = time.perf_counter()
    done = done_ids(Path(args.output)) if args.resume else set()
    skipped = [0]
    items = _skip_done(read_records(args.jsonl), done, skipped)
    processed = failed = 0
    with ExitStack() as stack:
        out: IO[bytes]
        if args.output == "-":
            out = sys.stdout.buffer
        else:
            out = stack.enter_context(open(args.output, "ab"))
        stream = digest_many(
            items,
            n_jobs=args.jobs,
            batch_size=args.batch_size,
            now=parse_now(args.now),
            n_sentences=args.sentences,
        )
        for result in _progress(stream):
            write_record(out, result.to_dict())
            processed += 1
            failed += not result.ok
    seconds = time.perf_counter() - start
    print(
        f"newskit: processed {processed} records, {failed} failed, "
        f"{skipped[0]} skipped (already done), in {seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


def run(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.file is not None:
            raise InputValueError("give either FILE or --jsonl IN, not both")
        return _run_jsonl(args)
    if args.file is None:
        raise InputValueError("give FILE (or -), or --jsonl IN")
    articles = load_articles(args.file, now=args.now)
    digests = digest_articles(articles, n_sentences=args.sentences)
    if args.format == "json":
        write_json([d.to_dict() for d in digests])
    else:
        _print_text(digests)
    return 0
