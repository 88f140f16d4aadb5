"""Build the shipped stop-word list (``newskit train stopwords``).

Copies sumy's English stop words (installed with sumy, Apache-2.0) into
``newskit/models/stopwords_en.txt`` with a provenance header, normalising
curly apostrophes to ASCII ones as :func:`newskit.text.word_tokens` does, and
records the file in the artifact manifest.
"""

from __future__ import annotations

import argparse
from importlib import metadata, resources
from pathlib import Path

from newskit._artifacts import MODELS_DIR, record_artifact
from newskit.text._words import STOPWORDS_ARTIFACT, parse_stop_words
from newskit.training._cli import out_option

__all__ = ["HELP", "add_arguments", "build_stop_words", "run"]

HELP = "rebuild the English stop-word list from sumy's"


def build_stop_words(out_dir: Path = MODELS_DIR) -> Path:
    """Write ``stopwords_en.txt`` into ``out_dir``, record it, and return its path."""
    source = resources.files("sumy") / "data" / "stopwords" / "english.txt"
    words = parse_stop_words(source.read_text(encoding="utf-8").replace("\u2019", "'"))
    version = metadata.version("sumy")
    header = [
        f"# English stop words from sumy {version} (sumy/data/stopwords/english.txt),",
        "# Apache License 2.0, https://github.com/miso-belica/sumy",
        "# Rebuild with: newskit train stopwords",
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / STOPWORDS_ARTIFACT
    out.write_text("\n".join([*header, *sorted(words)]) + "\n", encoding="utf-8")
    meta = {
        "kind": "stop-words",
        "source": f"sumy {version} english.txt (Apache-2.0)",
        "words": len(words),
        "command": "newskit train stopwords",
    }
    record_artifact(STOPWORDS_ARTIFACT, meta, models_dir=out_dir)
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``newskit train stopwords`` options."""
    out_option(parser, STOPWORDS_ARTIFACT)


def run(args: argparse.Namespace) -> int:
    """Build the list from parsed CLI arguments."""
    out = build_stop_words(args.out)
    print(f"wrote {out}")
    return 0
