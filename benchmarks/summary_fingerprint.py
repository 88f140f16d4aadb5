"""Fingerprint every method's summaries of real articles, with and without the stem table.

The shipped stem table (``newskit/models/stems_en.json.gz``) must change speed
only. This prints one sha256 per method over the sentence indices chosen for
``--articles`` real articles (FRANK CNN/DM and BBC News Summary, as in the
parity check), once with the table and once without, on both backends, and
exits 1 if any differ. Prints no article text.

Usage: ``python benchmarks/summary_fingerprint.py [--articles 200]``
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _summ_data import default_data_dir, parity_articles

from newskit import summarize
from newskit.summarizers import (
    METHODS,
    SUMY_METHODS,
    _document,
)
from newskit.text import _words


def _runs() -> list[tuple[str, str]]:
    runs = [(m, "newskit") for m in METHODS]
    return runs + [(m, "sumy") for m in METHODS if m in SUMY_METHODS]


def fingerprint(data_dir: Path, n: int, *, use_table: bool) -> dict[str, str]:
    """``method/backend`` -> sha256 of the 3-sentence summaries' indices of ``n`` articles."""
    articles = parity_articles(data_dir, n)
    saved = _words.USE_STEM_TABLE
    _words.USE_STEM_TABLE = use_table
    try:
        _document.forget_seen_words()
        out = {}
        for method, backend in _runs():
            digest = hashlib.sha256()
            for a in articles:
                digest.update(
                    repr(summarize(a, method, n_sentences=3, backend=backend).indices).encode()
                )
            out[f"{method}/{backend}"] = digest.hexdigest()[:16]
        return out
    finally:
        _words.USE_STEM_TABLE = saved
        _document.forget_seen_words()


def fingerprints(data_dir: Path, n: int = 200) -> tuple[dict[str, str], dict[str, str]]:
    """The fingerprints with the table and without it."""
    return fingerprint(data_dir, n, use_table=True), fingerprint(data_dir, n, use_table=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args(argv)
    with_table, without = fingerprints(args.data_dir, args.articles)
    print(f"{args.articles} articles; sha256 (first 16 hex) of the chosen sentence indices")
    print(f"{'method/backend':20s} {'with table':16s} {'without':16s} same")
    for key in with_table:
        same = with_table[key] == without[key]
        print(f"{key:20s} {with_table[key]:16s} {without[key]:16s} {'yes' if same else 'NO'}")
    ok = with_table == without
    print("identical" if ok else "DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
