"""``newskit parse FILE|-``: print the articles found in a page dump or HTML page."""

from __future__ import annotations

import argparse
from typing import Any

from newskit._cli._common import add_command, say
from newskit._cli._io import load_articles, print_articles_text, write_json

__all__ = ["add_parser", "run"]


EXAMPLES = [
    "newskit parse page.txt                          # JSON, one object per article",
    "newskit parse page.txt --format text --now 2024-11-14T12:00:00+00:00",
    "newskit parse saved-page.html",
    "pbpaste | newskit parse - --format text",
]


def add_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "parse",
        help="parse a page dump or HTML page into articles",
        description="Parse a text dump or HTML page (FILE, or - for standard input) into articles.",
        examples=EXAMPLES,
    )
    p.add_argument("file", metavar="FILE", help="input file, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="json", help="output format")
    p.add_argument(
        "--now",
        metavar="ISO",
        help="reference time for relative dates such as 'Updated 12 sec ago' (ISO 8601)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    articles = load_articles(args.file, now=args.now)
    say(args, f"{args.file}: {len(articles)} articles")
    if args.format == "json":
        write_json([a.to_dict() for a in articles])
    else:
        print_articles_text(articles)
    return 0
