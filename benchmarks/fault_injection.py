"""Kill ``newskit digest --jsonl --jobs 2`` many times at random points, resume, check.

The long version of ``tests/cli/test_fault_injection.py`` (issue #16): ``--kills``
rounds alternate SIGKILL and SIGTERM, each sent when the run has written a
random number of new lines; after each, every process of the run must be gone
within 10 s of its parent; a final resume (with the injected "broken model"
mended) must leave every input record exactly once in the output, every line
valid JSON, the failed records retried, and exit status 3 for the records
that can never succeed. Linux only (it reads ``/proc``).

Usage::

    python benchmarks/fault_injection.py --kills 12 --records 2000 --seed 1
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.cli.fault_harness import run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=12, help="kill rounds (default 12)")
    parser.add_argument("--records", type=int, default=2000, help="input records (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        report = run(Path(tmp), n_records=args.records, kills=args.kills, seed=args.seed)
    for i, r in enumerate(report.rounds, 1):
        print(
            f"round {i:2}: {r.signal or 'resume to the end':<17} exit {r.exit_code:>4}  "
            f"lines {r.lines_before:>5} -> {r.lines_after:>5}  "
            f"processes left {r.leftover_processes}  gone after {r.seconds_to_clean:.2f} s"
        )
    print(f"{report.summary()} in {time.perf_counter() - start:.0f} s")
    for problem in report.problems:
        print("PROBLEM:", problem)
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
