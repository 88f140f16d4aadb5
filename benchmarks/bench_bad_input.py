"""Time and memory of the public functions on the big rows of the bad-input matrix.

Each case runs in a fresh child process so that its peak resident memory is
its own. Linear time shows as a flat MB/s across the 12.5, 25 and 50 MB
sizes. The inputs are generated; no data set is needed.

    python benchmarks/bench_bad_input.py
    python benchmarks/bench_bad_input.py --quick     # sizes up to 12.5 MB
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

from _common import command, table_header, table_row

PARAGRAPH = (
    "Officials said the floods had cut roads to 40 villages, and rescue teams "
    "were moving families to schools on higher ground.\n"
)

CHILD = r"""
import json, resource, sys, time
import newskit
case, fn_name, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
paragraph = sys.argv[4]
if case == "article text":
    text = "Floods cut off villages\n\n" + paragraph * (size // len(paragraph))
elif case == "one line, no spaces":
    text = "x" * size
elif case == "one-word sentences":
    words = ["Yes.", "No.", "Why?", "It.", "Who?", "What?", "Was.", "Now."]
    text = " ".join(words[i % len(words)] for i in range(size))
elif case == "one long sentence":
    text = "The minister said " + "that the budget would rise " * size + "next year."
fn = {"parse_text": newskit.parse_text, "classify": newskit.classify,
      "summarize": newskit.summarize,
      "summarize lexrank": lambda t: newskit.summarize(t, method="lexrank")}[fn_name]
fn("Warm-up headline here\n\nA first paragraph. A second sentence.")
start = time.perf_counter()
try:
    fn(text)
    outcome = "ok"
except newskit.NewskitError as exc:
    outcome = f"{type(exc).__name__}"
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"mb": len(text.encode()) / 1e6, "s": seconds, "rss": rss, "outcome": outcome}))
"""


def run(case: str, fn: str, size: int) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, case, fn, str(size), PARAGRAPH],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 25 and 50 MB sizes")
    args = parser.parse_args()
    sizes = [12_500_000] if args.quick else [12_500_000, 25_000_000, 50_000_000]
    functions = ("parse_text", "classify", "summarize")
    cases = [("article text", fn, s) for fn in functions for s in sizes]
    cases += [("one line, no spaces", fn, 5_000_000) for fn in functions]
    cases += [("one-word sentences", fn, 10_000) for fn in ("summarize", "summarize lexrank")]
    cases += [("one long sentence", fn, 20_000) for fn in ("parse_text", "summarize")]
    print(f"command: {command()}")
    header = ["input", "function", "MB", "seconds", "MB/s", "peak RSS MB", "outcome"]
    print(table_header(header, "llrrrrl"))
    for case, fn, size in cases:
        r = run(case, fn, size)
        mb, s = float(r["mb"]), float(r["s"])  # type: ignore[arg-type]
        figures = [f"{mb:.1f}", f"{s:.2f}", f"{mb / max(s, 1e-9):.1f}", f"{float(r['rss']):.0f}"]  # type: ignore[arg-type]
        print(table_row([case, fn, *figures, r["outcome"]]), flush=True)


if __name__ == "__main__":
    main()
