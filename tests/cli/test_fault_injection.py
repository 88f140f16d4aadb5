"""Kill ``newskit digest --jsonl --jobs 2`` with SIGKILL and SIGTERM, resume, check (issue #16).

After each kill, no process of the run may be alive 10 s after its parent died
(item 6), and every complete output line must be valid JSON. After the final
resume: every input record exactly once in the output, the records that failed
while the model was "broken" retried and done, and exit status 3 for the
records that can never succeed (items 1-4, 7). ``benchmarks/fault_injection.py``
runs the same harness with many more rounds.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from tests.cli.fault_harness import run

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux only)"),
]


def test_kill_and_resume_loses_and_doubles_nothing(tmp_path: Path) -> None:
    seed = int(os.environ.get("NEWSKIT_FAULT_SEED", random.randrange(1 << 30)))
    report = run(tmp_path, n_records=400, kills=2, seed=seed)  # one SIGKILL, one SIGTERM
    assert not report.problems, f"seed {seed}: {report.summary()}: {report.problems}"
    kills = [r for r in report.rounds if r.signal]
    assert kills, f"seed {seed}: every run finished before it could be killed"
