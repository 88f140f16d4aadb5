"""``newskit classify FILE|-``: the topics of every article in a page dump or text."""

from __future__ import annotations

import argparse
from typing import Any

from newskit._cli._common import add_command, check_readable, say
from newskit._cli._io import load_articles, write_json

__all__ = ["add_parser", "run"]

EXAMPLES = [
    "newskit classify page.txt                       # topics, most probable first",
    "newskit classify page.txt --explain --top 5     # and the words behind each topic",
    "newskit classify page.txt --format json",
    "newskit classify saved-page.html                # an HTML page: its article",
    "newskit classify page.txt --model my-model/topics.joblib --trust-model",
]


def add_parser(sub: Any) -> None:
    p = add_command(
        sub,
        "classify",
        help="classify articles by topic (security, climate, diplomacy, politics)",
        description=(
            "Split FILE (or - for standard input: a page dump, HTML page or plain text) "
            "into articles and print each one's topics with their probabilities. HTML is "
            "told from text by content, as `newskit parse` does."
        ),
        examples=EXAMPLES,
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
        help="a model file of your own (from `newskit train topics`); needs --trust-model",
    )
    p.add_argument(
        "--trust-model",
        action="store_true",
        help="load --model although it is a pickle (loading one runs code chosen by its "
        "author): only for files you made or whose author you trust. A manifest.json beside "
        "it is checked first",
    )
    p.set_defaults(run=run)


def _load(args: argparse.Namespace) -> Any:
    from newskit._errors import InputValueError, UntrustedModelError
    from newskit.topics import load_model

    if args.model is None:
        if args.trust_model:
            raise InputValueError("--trust-model goes with --model PATH")
        return None
    check_readable(args.model)
    if not args.trust_model:
        raise UntrustedModelError(
            f"refusing to load {args.model}: model files are pickles, and loading one runs "
            "code chosen by its author. Pass --trust-model if you made this file or trust "
            "who did"
        )
    return load_model(args.model, trusted=True)


def run(args: argparse.Namespace) -> int:
    from newskit._errors import InputValueError
    from newskit.topics import classify_many, explain

    if args.top < 1:
        raise InputValueError(f"--top must be at least 1, not {args.top}")
    model = _load(args)
    articles = [a for a in load_articles(args.file) if not a.is_empty]
    say(args, f"{args.file}: {len(articles)} articles")
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
        probs = result.probabilities
        ranked = sorted(probs, key=lambda t: -probs[t])  # most probable first
        chosen = [t for t in ranked if t in result.topics]
        print(f"# {i + 1}. {article.title or '(untitled)'}")
        print(f"topics: {', '.join(chosen) or '(none)'}")
        print("probabilities: " + "  ".join(f"{t} {probs[t]:.2f}" for t in ranked))
        by_topic = {e.topic: e for e in explanations[i]} if args.explain else {}
        for topic in ranked if args.explain else []:
            e = by_topic[topic]
            up = ", ".join(f"{t.term} {t.weight:+.2f}" for t in e.up) or "-"
            down = ", ".join(f"{t.term} {t.weight:+.2f}" for t in e.down) or "-"
            mark = "*" if e.selected else " "
            print(f"  {mark} {e.topic:<10} p={e.probability:.2f}  up: {up}")
            print(f"    {'':<10}         down: {down}")
        print()
    return 0
