"""``newskit summarize FILE|-``: summarize each article of a page dump (or a plain text)."""

from __future__ import annotations

import argparse
from typing import Any

from newskit._article import Article
from newskit._cli._common import add_command, add_summary_options, read_input, say
from newskit._cli._io import write_json

__all__ = ["add_parser", "run"]


EXAMPLES = [
    "newskit summarize article.txt                   # 3 sentences, the default method",
    "newskit summarize page.html --method textrank --ratio 0.2",
    "newskit summarize article.txt -m lexrank -w 60 --backend sumy",
    "cat article.txt | newskit summarize - --format json",
]


def add_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "summarize",
        help="summarize the articles of a page dump or a plain text",
        description=(
            "Summarize FILE (or - for standard input). An HTML page (told from text by "
            "content, as `newskit parse` does) gives its article; a page dump is split into "
            "articles with newskit.parse_text and each is summarized; text in which no "
            "article is found is summarized as one document."
        ),
        examples=EXAMPLES,
    )
    p.add_argument("file", metavar="FILE", help="input file, or - for standard input")
    add_summary_options(p)
    p.add_argument("--backend", choices=("newskit", "sumy"), default="newskit")
    p.add_argument("--format", choices=("json", "text"), default="text", help="output format")
    p.set_defaults(run=run)


def _articles(data: bytes, name: str) -> list[Article]:
    """The articles to summarize: the page's article for HTML, else those of the dump."""
    from newskit._input import ensure_text
    from newskit.parsing import looks_like_html, parse_html, parse_text

    if looks_like_html(data):
        page = parse_html(data)  # a page that is not an article still has its main text
        return [page] if page.body else []
    text = ensure_text(data, name=name)
    if not text.strip():
        return []
    found = [a for a in parse_text(text) if a.body]
    return found or [Article(body=[text])]


def run(args: argparse.Namespace) -> int:
    from newskit.summarizers import summarize

    data = read_input(args.file)
    articles = _articles(data, "standard input" if args.file == "-" else args.file)
    say(args, f"{args.file}: {len(data):,} bytes, {len(articles)} articles")
    results = []
    for article in articles:
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
