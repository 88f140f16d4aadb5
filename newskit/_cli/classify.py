"""``newskit classify FILE|-``: the topics of every article in a page dump or text."""

from __future__ import annotations

import argparse
from typing import Any

from newskit._cli._io import read_source, write_json

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "classify",
        help="classify articles by topic (security, climate, diplomacy, politics)",
        description=(
            "Split FILE (or - for standard input: a page dump, HTML page or plain text) "
            "into articles and print each one's topics with their probabilities."
        ),
    )
    p.add_argument("file", metavar="FILE", help="input file, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="text", help="output format")
    p.add_argument(
        "--explain", action="store_true", help="also list the terms that drove each topic"
    )
    p.add_argument(
        "--top", type=int, default=5, metavar="N", help="terms per direction with --explain"
    )
    p.add_argument(
        "--model",
        metavar="PATH",
        help="a model file of your own (from `newskit train topics`); it is a pickle, so "
        "only use files you trust",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from newskit import parse_text
    from newskit._errors import InputValueError
    from newskit.topics import classify_many, explain, load_model

    if args.top < 1:
        raise InputValueError(f"--top must be at least 1, not {args.top}")
    model = load_model(args.model, trusted=True) if args.model else None
    articles = [a for a in parse_text(read_source(args.file)) if not a.is_empty]
    results = list(classify_many(articles, model=model))
    explanations = [explain(a, top=args.top, model=model) for a in articles] if args.explain else []
    if args.format == "json":
        out = []
        for i, (article, result) in enumerate(zip(articles, results, strict=True)):
            item: dict[str, Any] = {"title": article.title, **result.to_dict()}
            if args.explain:
                item["explain"] = [e.to_dict() for e in explanations[i]]
            out.append(item)
        write_json(out)
        return 0
    if not articles:
        print("(no articles found)")
    for i, (article, result) in enumerate(zip(articles, results, strict=True)):
        topics = ", ".join(result.topics) or "(none)"
        print(f"# {i + 1}. {article.title or '(untitled)'}")
        print(f"topics: {topics}")
        print(
            "probabilities: " + "  ".join(f"{k} {v:.2f}" for k, v in result.probabilities.items())
        )
        for e in explanations[i] if args.explain else []:
            up = ", ".join(f"{t.term} {t.weight:+.2f}" for t in e.up) or "-"
            down = ", ".join(f"{t.term} {t.weight:+.2f}" for t in e.down) or "-"
            mark = "*" if e.selected else " "
            print(f"  {mark} {e.topic:<10} p={e.probability:.2f}  up: {up}")
            print(f"    {'':<10}         down: {down}")
        print()
    return 0
