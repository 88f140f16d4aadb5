"""``newskit digest``: parse, classify and summarize a file, or a JSONL stream of records."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

from joblib import parallel_config

from newskit._article import Article
from newskit._cli._common import (
    EXIT_FAILED_RECORDS,
    add_command,
    add_summary_options,
    check_readable,
    say,
    summary_request,
)
from newskit._cli._io import load_articles, parse_now, write_json
from newskit._cli._jsonl import (
    Incoming,
    RecordKey,
    RecordWriter,
    encode_line,
    output_line,
    read_records,
    resume_output,
)
from newskit._defaults import BATCH_SIZE
from newskit._digest import ArticleDigest, DigestRecord, Unreadable, digest_articles, digest_many
from newskit._errors import InputValueError
from newskit._watchdog import watch_parent

__all__ = ["add_parser", "run"]

EXAMPLES = [
    "newskit digest page.txt                      # every article's topics and summary",
    "newskit digest page.html --method lexrank -n 2 --now 2024-11-14T12:00",
    "newskit digest --jsonl in.jsonl -o out.jsonl --jobs 2",
    "newskit digest --jsonl in.jsonl -o out.jsonl --jobs 2 --resume   # after a crash",
    "zcat in.jsonl.gz | newskit digest --jsonl - > out.jsonl",
]


def add_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "digest",
        help="parse, classify and summarize every article of a file or JSONL stream",
        description=(
            "Parse FILE (or - for standard input) and give each article's topics and summary; "
            "or, with --jsonl, stream records {id, text|html[, title, url]} to JSONL output, "
            "one line per record, in input order."
        ),
        examples=EXAMPLES,
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="input file, or - for standard input")
    p.add_argument("--jsonl", metavar="IN", help="JSONL input of records (- for standard input)")
    p.add_argument("-o", "--output", metavar="OUT", default="-", help="JSONL output (default: -)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    p.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="records per worker batch")
    again = p.add_mutually_exclusive_group()
    again.add_argument(
        "--resume",
        action="store_true",
        help="continue the run that wrote OUT: skip the records done in it, retry failed ones",
    )
    again.add_argument(
        "--overwrite", action="store_true", help="replace OUT if it exists (default: refuse)"
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    add_summary_options(p)
    p.add_argument(
        "--now",
        metavar="ISO",
        help="reference time for relative dates such as 'Updated 12 sec ago' (ISO 8601); "
        "without it they stay unresolved",
    )
    p.set_defaults(run=run)


def _date_line(article: Article) -> str | None:
    """The date as resolved, or the raw text saying it is not."""
    raw = article.updated_text or article.published_text
    if not raw:
        return None
    stamp = article.updated or article.published
    if stamp is None:
        return f"date: {raw} (unresolved: a relative date needs --now ISO)"
    return f"date: {stamp.isoformat()}  [{raw}]"


def _print_text(digests: list[ArticleDigest], now: datetime | None) -> None:
    out = sys.stdout
    if now is not None:
        out.write(f"(relative dates resolved against --now {now.isoformat()})\n\n")
    if not digests:
        out.write("(no articles found)\n")
    for i, d in enumerate(digests, 1):
        a = d.article
        out.write(f"# {i}. {a.title or '(untitled)'}\n")
        date = _date_line(a)
        if date:
            out.write(date + "\n")
        if a.dateline:
            out.write(f"dateline: {a.dateline}\n")
        probs = d.topics.probabilities
        ranked = sorted(d.topics.topics, key=lambda t: -probs[t])  # most probable first
        shown = ", ".join(f"{t} {probs[t]:.2f}" for t in ranked) or "none"
        out.write(f"topics: {shown}\n")
        out.write("summary:\n")
        for s in d.summary.sentences:
            out.write(f"  - {s.text}\n")
        out.write("\n")


def _progress(records: Iterator[Any], quiet: bool) -> Iterator[Any]:
    if quiet or not sys.stderr.isatty():
        return records
    from tqdm import tqdm

    return iter(tqdm(records, unit="rec", file=sys.stderr))


def _to_do(
    incoming: Iterator[Incoming],
    done: set[RecordKey],
    pending: deque[Incoming],
    counts: Counter[str],
) -> Iterator[dict[str, Any] | Unreadable]:
    """The records of ``incoming`` not done yet; each one sent is queued in ``pending``."""
    for record in incoming:
        if record.key is not None and record.key in done:
            counts["skipped"] += 1
            continue
        pending.append(record)
        yield record.item


def _check_output(args: argparse.Namespace) -> None:
    if args.resume and args.overwrite:
        raise InputValueError("give --resume (continue OUT) or --overwrite (replace it), not both")
    if args.output == "-":
        if args.resume:
            raise InputValueError("--resume needs -o OUT to be a file")
        return
    out = Path(args.output)
    if out.is_dir():
        raise InputValueError(f"cannot write {args.output}: it is a directory")
    if args.jsonl != "-" and out.exists() and out.resolve() == Path(args.jsonl).resolve():
        raise InputValueError("-o OUT is the input file; write the digests somewhere else")
    if out.exists() and out.stat().st_size and not (args.resume or args.overwrite):
        raise InputValueError(
            f"{args.output} already exists: pass --resume to finish the run that wrote it, or "
            "--overwrite to start again (newskit never appends to an output it did not resume)"
        )


def _run_jsonl(args: argparse.Namespace) -> int:
    _check_output(args)
    start = time.perf_counter()
    done: set[RecordKey] = set()
    retried = 0
    if args.resume:
        resumed = resume_output(Path(args.output))
        done, retried = resumed.done, resumed.retried
    elif args.overwrite and args.output != "-":
        Path(args.output).unlink(missing_ok=True)
    check_readable(args.jsonl)
    counts: Counter[str] = Counter()
    pending: deque[Incoming] = deque()
    items = _to_do(read_records(args.jsonl), done, pending, counts)
    writer = RecordWriter(args.output)
    stream = None
    finished = False
    try:
        with ExitStack() as stack:
            if args.jobs != 1:
                # Every loky worker watches this process from its start, idle or not.
                stack.enter_context(
                    parallel_config(
                        backend="loky", initializer=watch_parent, initargs=(os.getpid(),)
                    )
                )
            stream = digest_many(
                items,  # type: ignore[arg-type]  # Unreadable: digest_many's private input
                n_jobs=args.jobs,
                batch_size=args.batch_size,
                now=parse_now(args.now),
                **summary_request(args),
            )
            for result in _progress(stream, args.quiet):
                incoming = pending.popleft()
                line = output_line(incoming, result)
                try:
                    data = encode_line(line)
                except ValueError:
                    result = DigestRecord(result.id, False, error=_NOT_JSON)
                    data = encode_line(output_line(incoming, result))
                writer.write(data)
                counts["processed"] += 1
                if not result.ok:
                    counts["failed"] += 1
                    if args.verbose:
                        print(
                            f"newskit: line {incoming.line} (id {json.dumps(incoming.id)}) "
                            f"failed: {result.error}",
                            file=sys.stderr,
                        )
            finished = True
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()  # stop the workers now if the run was cut short
        writer.close()
        if not args.quiet or not finished:
            _report(counts, retried, time.perf_counter() - start, finished)
    return EXIT_FAILED_RECORDS if counts["failed"] else 0


_NOT_JSON = "ValueError: the result holds a number JSON cannot represent (NaN or infinity)"


def _report(counts: Counter[str], retried: int, seconds: float, finished: bool) -> None:
    again = f", {retried} failed before and retried" if retried else ""
    line = (
        f"newskit: processed {counts['processed']} records, {counts['failed']} failed, "
        f"{counts['skipped']} skipped (already done){again}, in {seconds:.1f} s"
    )
    if not finished:
        line += "; stopped early: run the same command with --resume to finish"
    print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.file is not None:
            raise InputValueError("give either FILE or --jsonl IN, not both")
        return _run_jsonl(args)
    if args.file is None:
        raise InputValueError("give FILE (or -), or --jsonl IN")
    if args.resume or args.overwrite or args.output != "-":
        raise InputValueError("-o, --resume and --overwrite go with --jsonl IN")
    articles = load_articles(args.file, now=args.now)
    request = summary_request(args)
    digests = digest_articles(articles, **request)
    say(args, f"{args.file}: {len(articles)} articles, summarized with {request['method']}")
    if args.format == "json":
        write_json([d.to_dict() for d in digests])
    else:
        _print_text(digests, parse_now(args.now))
    return 0
