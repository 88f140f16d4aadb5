"""Where the first-sight cost before ranking goes: the work a new article needs,
or the disturbance of the reset that precedes a *cold* timing.

``bench_summarizers.py`` times *cold* as: another article read, then
:func:`~newskit.summarizers._document.forget_seen_words`, then the article;
*flushed* as ``gc.collect()``, then the reset, then the article; *warm* is the
same article straight after, with neither. This script times the preparation
(sentence split with the English check; tokens, stems and word ids) of each
article in these states, in this order, article by article:

cold
    ``gc.collect()``, another article (an XSum one), the reset, the article
    (as in ``bench_summarizers.py``);
warm
    the same article again (as in ``bench_summarizers.py``);
warm after gc
    ``gc.collect()``, then the same article: nothing is new to newskit;
flushed
    ``gc.collect()``, the reset, the article (as in ``bench_summarizers.py``);
reset only
    the reset alone, then the article.

Prints median CPU ms per article over the FRANK CNN/DM articles.

Usage: ``nice python benchmarks/prep_cold_breakdown.py [--speed 100]``
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _summ_data import cnndm_articles, default_data_dir
from bench_summarizers import xsum_texts

from newskit.summarizers import build_document
from newskit.summarizers._document import forget_seen_words


def _prepare(text: str) -> tuple[float, float]:
    """CPU ms of the sentence split and of the tokens, stems and word ids."""
    gc.disable()
    try:
        t0 = time.process_time()
        doc = build_document(text)
        t1 = time.process_time()
        _ = doc.stem_ids
        t2 = time.process_time()
    finally:
        gc.enable()
    return 1000 * (t1 - t0), 1000 * (t2 - t1)


def _after_other(other: str) -> Callable[[], None]:
    def before() -> None:
        gc.collect()
        _ = build_document(other).stem_ids
        forget_seen_words()

    return before


def _flush() -> None:
    gc.collect()
    forget_seen_words()


def _states(other: str) -> list[tuple[str, Callable[[], None] | None]]:
    return [
        ("cold", _after_other(other)),
        ("warm", None),
        ("warm after gc", gc.collect),
        ("flushed", _flush),
        ("reset only", forget_seen_words),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--speed", type=int, default=100, help="CNN/DM articles")
    args = parser.parse_args(argv)
    texts = ["\n\n".join(a.body) for a in cnndm_articles(args.data_dir)[: args.speed]]
    others = (xsum_texts(args.data_dir) * 2)[: len(texts)]
    _ = build_document(texts[0]).stem_ids  # load the tables before timing
    forget_seen_words()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in _states("")}
    for text, other in zip(texts, others, strict=True):
        for name, before in _states(other):
            if before is not None:
                before()
            times[name].append(_prepare(text))
    print(
        f"machine: {os.cpu_count()} cores shared with other jobs; 1-minute load average "
        f"{os.getloadavg()[0]:.1f} at the end"
    )
    print(f"median CPU ms per article over {len(texts)} FRANK CNN/DM articles")
    print(f"{'state':30s} {'split':>6s} {'ids':>6s} {'both':>6s} {'/warm':>6s}")
    warm = statistics.median(a + b for a, b in times["warm"])
    for name, values in times.items():
        split = statistics.median(a for a, _ in values)
        ids = statistics.median(b for _, b in values)
        both = statistics.median(a + b for a, b in values)
        print(f"{name:30s} {split:6.3f} {ids:6.3f} {both:6.3f} {both / warm:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
