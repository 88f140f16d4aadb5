"""Print the figures of the labelled topic corpus and write ``labels/topics/DATASHEET.md``.

Reads only labels: ``labels/topics/labels-v2.jsonl`` and
``../shared/topics/short-labels-v1.jsonl`` (whose text is not read). Counts per
source, length and topic; Cohen's kappa per topic on the double-labelled items,
separately for full articles and short items.

    python benchmarks/topics_datasheet.py [--data-dir ../shared/data] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATASHEET = REPO / "labels" / "topics" / "DATASHEET.md"


def main(argv: list[str] | None = None) -> int:
    from newskit.training._paths import default_data_dir
    from newskit.training.topics._datasheet import render_datasheet
    from newskit.training.topics._labels import LABELS_FILE, V1_FILE, read_label_records

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--check", action="store_true", help="fail if DATASHEET.md is out of date")
    args = ap.parse_args(argv)
    v2 = read_label_records(LABELS_FILE)
    v1 = read_label_records(args.data_dir.parent / V1_FILE)
    text, figures = render_datasheet(v2, v1)
    print(json.dumps(figures, indent=1))
    if args.check:
        same = DATASHEET.is_file() and DATASHEET.read_text(encoding="utf-8") == text
        print("DATASHEET.md is " + ("up to date" if same else "OUT OF DATE"))
        return 0 if same else 1
    DATASHEET.write_text(text, encoding="utf-8")
    print(f"wrote {DATASHEET.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
