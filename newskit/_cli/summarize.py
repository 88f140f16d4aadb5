"""``newskit summarize FILE|-``: summarize each article of a page dump (or a plain text)."""

from __future__ import annotations

import argparse
from typing import Any

from newskit._article import Article
from newskit._cli._io import read_source, write_json
from newskit._defaults import METHOD, N_SENTENCES
from newskit._methods import METHODS

__all__ = ["add_parser", "run"]


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number in (0, 1], not {value!r}") from None
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number in (0, 1], not {value!r}")
    return number


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "summarize",
        help="summarize the articles of a page dump or a plain text",
        description=(
            "Summarize FILE (or - for standard input). A page dump is split into articles "
            "with newskit.parse_text and each is summarized; text in which no article is "
            "found is summarized as one document."
        ),
    )
    p.add_argument("file", metavar="FILE", help="input file, or - for standard input")
    p.add_argument("--method", "-m", choices=METHODS, default=METHOD, help="algorithm")
    length = p.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences", "-n", type=_positive_int, help=f"sentences (default {N_SENTENCES})"
    )
    length.add_argument("--ratio", "-r", type=_ratio, help="fraction of the sentences, (0, 1]")
    length.add_argument("--words", "-w", type=_positive_int, help="word budget")
    p.add_argument("--backend", choices=("newskit", "sumy"), default="newskit")
    p.add_argument("--format", choices=("json", "text"), default="text", help="output format")
    p.set_defaults(run=run)


def _articles(text: str) -> list[Article]:
    from newskit.parsing import parse_text

    found = [a for a in parse_text(text) if a.body]
    return found or [Article(body=[text])]


def run(args: argparse.Namespace) -> int:
    from newskit.summarizers import summarize

    text = read_source(args.file)
    results = []
    for article in _articles(text) if text.strip() else []:
        summary = summarize(
            article,
            args.method,
            n_sentences=args.sentences,
            ratio=args.ratio,
            max_words=args.words,
            backend=args.backend,
        )
        results.append((article, summary))
    if args.format == "json":
        write_json([{"title": a.title or None, **s.to_dict()} for a, s in results])
        return 0
    if not results:
        print("(nothing to summarize)")
    for number, (article, summary) in enumerate(results, 1):
        if len(results) > 1 or article.title:
            print(f"# {number}. {article.title or '(untitled)'}")
        for sentence in summary.sentences:
            print(f"  * {sentence.text}")
        print()
    return 0
