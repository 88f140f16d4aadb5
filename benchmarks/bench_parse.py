"""Benchmark ``newskit.parse_text`` on page dumps.

What it prints, all from one run:

* throughput (MB/s of UTF-8 input, articles/s, per CPU second of this
  process) on the seed dump replicated to ``--size-mb`` (default 10 MB), best
  of ``--repeat`` runs, beside a *floor*
  measured in the same run: the cheapest possible pass over the same text
  (``ensure_text`` + split into stripped non-blank lines). No other page-dump
  parser exists to compare with; the floor says how much of the time is the
  heuristics;
* scaling: MB/s at 1/4, 1/2 and all of the input (flat MB/s = linear time);
* peak memory: Python allocations during one parse (``tracemalloc``) and the
  process's maximum resident set size;
* adversarial inputs of ``--adversarial-mb`` (default 2 MB) each, built to hurt
  backtracking regexes or per-line look-ahead: MB/s at a quarter of the size
  and at the full size (similar figures = linear time).

Usage::

    nice python benchmarks/bench_parse.py            # 10 MB, best of 3
    nice python benchmarks/bench_parse.py --size-mb 2 --repeat 1
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from _common import REPO, best_cpu, command

from newskit import parse_text
from newskit._input import ensure_text

SEED = REPO / "seeds" / "000_af1872576b83b628.txt"
#: An invented page rendered by ``lynx -dump`` (a test fixture), for the page-copy inputs.
PAGE_COPY = (REPO / "tests" / "fixtures" / "pagecopies" / "bridge_lynx80.txt").read_text(
    encoding="utf-8"
)
MB = 1_000_000


def replicate(text: str, size: int) -> tuple[str, int]:
    """Join copies of ``text`` with two blank lines until the result has ``size`` bytes."""
    copies = max(1, -(-size // len(text.encode("utf-8"))))
    return "\n\n\n".join([text] * copies), copies


def floor(text: str) -> list[str]:
    """The least any line-based parser must do: clean the text and list its non-blank lines."""
    return [s for s in (line.strip() for line in ensure_text(text).split("\n")) if s]


def adversarial(size: int) -> dict[str, str]:
    """Inputs that would be slow with backtracking regexes or unbounded look-ahead."""

    def fill(unit: str) -> str:
        return unit * max(1, size // len(unit.encode("utf-8")))

    return {
        "one line of capitals then ':'": "A" * size + ":",
        "one line of 'A ' (quoted subhead shape)": "'" + "A " * (size // 2),
        "whitespace runs": fill(" " * 1000 + "x\n"),
        "NBSP-only lines": fill("\xa0 \xa0\n"),
        "headline + 'Follow' storm": fill("Headline number one here\n\nFollow\n\n"),
        "headlines after wide gaps": fill("Body text.\n\n\nHeadline that might start\n"),
        "long byline": "By " + "Aa " * (size // 3),
        "distinct date lines (no cache help)": "\n".join(
            f"Updated {1 + i % 28} {('January', 'March', 'May')[i % 3]} {1900 + i % 200}"
            for i in range(size // 26)
        ),
        "capitals dateline prefixes": fill("ISLAMABAD LAHORE KARACHI QUETTA, " * 3 + "x\n"),
        # page copies: every line a wrap candidate, every copy a page to cut and a title to find
        "lynx 80-column page copies in a row": fill(PAGE_COPY),
        "wrapped lines, no paragraph break": fill("   " + "word " * 14 + "and\n"),
        "menu lines, no article": fill("     * Home\n     * News\n"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=Path, default=SEED, help="dump to replicate")
    parser.add_argument("--size-mb", type=float, default=10.0, help="replicated size (MB)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (best is kept)")
    parser.add_argument("--adversarial-mb", type=float, default=2.0, help="size of each")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args(argv)

    seed = args.seed.read_text(encoding="utf-8")
    per_copy = len(parse_text(seed))
    text, copies = replicate(seed, int(args.size_mb * MB))
    size = len(text.encode("utf-8"))
    print(f"command: {command()}")
    print(f"input: {args.seed.name} x {copies} = {size / MB:.2f} MB, {text.count(chr(10))} lines")
    print(f"python {sys.version.split()[0]}, best of {args.repeat}")
    print()

    articles: list[object] = []

    def run() -> None:
        articles[:] = parse_text(text)

    t_parse = best_cpu(run, args.repeat)
    if len(articles) != per_copy * copies:
        print(f"ERROR: {len(articles)} articles, expected {per_copy * copies}")
        return 1
    t_floor = best_cpu(lambda: floor(text), args.repeat)
    print(f"{'':28}{'CPU s':>10}{'MB/s':>10}{'articles/s':>14}")
    print(
        f"{'newskit.parse_text':28}{t_parse:10.3f}{size / MB / t_parse:10.2f}"
        f"{len(articles) / t_parse:14,.0f}"
    )
    print(f"{'floor (clean + split lines)':28}{t_floor:10.3f}{size / MB / t_floor:10.2f}{'-':>14}")
    print(f"articles: {len(articles)} ({per_copy} per copy)")
    print()

    print("scaling (linear time = flat MB/s):")
    for fraction in (0.25, 0.5, 1.0):
        part, _ = replicate(seed, int(size * fraction))
        n = len(part.encode("utf-8"))
        t = best_cpu(lambda part=part: parse_text(part), args.repeat)  # type: ignore[misc]
        print(f"  {n / MB:6.2f} MB  {t:7.3f} CPU s  {n / MB / t:6.2f} MB/s")
    print()

    if not args.no_memory:
        tracemalloc.start()
        parse_text(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000  # KiB on Linux
        print(
            f"peak memory: {peak / MB:.0f} MB Python allocations during one parse "
            f"({peak / size:.1f} x input); process max RSS {rss:.0f} MB"
        )
        print()

    # free the big run's results so the heap does not slow the runs below
    del articles[:]
    gc.collect()

    size_adv = int(args.adversarial_mb * MB)
    print(f"adversarial inputs (MB/s at {size_adv / 4 / MB:g} MB and {size_adv / MB:g} MB):")
    quarter, full = adversarial(size_adv // 4), adversarial(size_adv)
    for name, bad in full.items():
        rates = []
        for sample in (quarter[name], bad):
            n = len(sample.encode("utf-8"))
            start = time.process_time()
            found = parse_text(sample)
            rates.append(n / MB / max(time.process_time() - start, 1e-9))
        print(f"  {name:40} {rates[0]:7.2f} {rates[1]:7.2f} MB/s  ({len(found)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
