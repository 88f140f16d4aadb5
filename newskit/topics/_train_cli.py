"""``newskit train topics``: retrain the topic model from the public data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newskit._artifacts import MODELS_DIR
from newskit._datadir import default_data_dir

__all__ = ["HELP", "add_arguments", "run"]

HELP = "train the topic classifier (security, climate, diplomacy, politics)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the public data sets (default: $NEWSKIT_SHARED/data or ../shared/data); "
        "the dev set is read from its sibling topics/ folder",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=MODELS_DIR,
        metavar="DIR",
        help="where to write topics.joblib, manifest.json and topics-card.md "
        "(default: the package's models folder)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same model)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from newskit.topics._train import train_topics

    data_dir = args.data_dir or default_data_dir()
    result = train_topics(
        data_dir,
        args.out,
        seed=args.seed,
        quiet=args.quiet,
        log=lambda msg: print(msg, file=sys.stderr),
    )
    print(result.dev.format())
    print(f"wrote {result.paths['model']} and {result.paths['card']}")
    return 0
