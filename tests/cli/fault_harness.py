"""Kill ``newskit digest --jsonl --jobs 2`` at random points, resume, and check the output.

Used by ``tests/cli/test_fault_injection.py`` (a few rounds) and by
``benchmarks/fault_injection.py`` (many rounds, a bigger input). Linux only:
it finds the run's processes through ``/proc``.

Each run is started with a unique environment variable, which every process
it starts inherits (loky workers, resource trackers), so after the parent
dies the harness can find *every* process the run left, not only the ones it
saw. A ``sitecustomize`` module makes the records whose text says ``FLAKY``
fail while a marker file exists: the broken model of issue #16, item 3. The
last run, with the marker removed, must retry and finish them.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: How long the run's processes may outlive its parent.
GRACE_SECONDS = 10.0

_SITECUSTOMIZE = """
import os
_marker = os.environ.get("NEWSKIT_FAULT_MARKER")
if _marker:
    import newskit._digest as _d

    _original = _d._prepare

    def _prepare(work, item, options):
        if os.path.exists(_marker) and isinstance(item, dict) and "FLAKY" in str(item.get("text")):
            work.error = "RuntimeError: injected fault (a broken model)"
            return
        _original(work, item, options)

    _d._prepare = _prepare
"""


def make_input(path: Path, n: int, seed: int) -> list[tuple[str, int]]:
    """Write ``n`` records (ids of every JSON scalar type, some twice, some null; some
    flaky, a few that can never succeed) and return the keys of all of them."""
    rng = random.Random(seed)
    lines, keys, seen = [], [], {}
    for i in range(n):
        kind = i % 9
        rid: Any = {
            0: f"s{i}",
            1: i,
            2: float(i - 1),  # 9.0 beside the int 9: two ids
            3: str(i - 2),  # "10" beside the int 10: two ids
            4: None,
            5: "dup",
            6: f"s{i}",
            7: i * 1000,
            8: i % 2 == 0 and i < 20,
        }[kind]
        text = (
            f"Story {i}\n\nHeavy rain fell on the harbour town for the {i}th day, and the "
            f"council said the sea wall would be rebuilt before winter."
        )
        if rng.random() < 0.15:
            text += " FLAKY"
        if kind == 8 and i >= 20:
            lines.append('{"id": {"bad": true}, "text": "an id that is an object"}')
            keys.append(("unusable", i + 1))
            continue
        if i % 97 == 50:
            lines.append("{this line is not JSON")
            keys.append(("unusable", i + 1))
            continue
        canonical = json.dumps(rid, ensure_ascii=False)
        seen[canonical] = seen.get(canonical, 0) + 1
        keys.append((canonical, seen[canonical]))
        lines.append(json.dumps({"id": rid, "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return keys


def _processes_with(tag: str) -> list[int]:
    """Live (not zombie) processes whose environment holds ``tag``."""
    found = []
    needle = tag.encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as fh:
                if needle not in fh.read():
                    continue
            with open(f"/proc/{entry}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in (b"Z", b"X"):
            found.append(int(entry))
    return found


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for _ in fh)
    except FileNotFoundError:
        return 0


@dataclass
class Round:
    """One run of the digest command."""

    signal: str | None
    exit_code: int
    lines_before: int
    lines_after: int
    leftover_processes: int
    seconds_to_clean: float


@dataclass
class Report:
    """Everything the runs did and what the final output holds."""

    rounds: list[Round] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        kills = [r for r in self.rounds if r.signal]
        worst = max((r.seconds_to_clean for r in kills), default=0.0)
        return (
            f"{len(kills)} kills ({', '.join(r.signal or '' for r in kills)}), "
            f"{len(self.rounds) - len(kills)} final run(s), exit codes "
            f"{[r.exit_code for r in self.rounds]}, slowest clean-up {worst:.1f} s, "
            f"{len(self.problems)} problems"
        )


class Harness:
    """Runs of ``newskit digest`` on one input and one output, in ``workdir``."""

    def __init__(self, workdir: Path, n_records: int, seed: int) -> None:
        self.workdir = workdir
        self.src = workdir / "in.jsonl"
        self.out = workdir / "out.jsonl"
        self.marker = workdir / "model-is-broken"
        self.keys = make_input(self.src, n_records, seed)
        self.rng = random.Random(seed)
        site = workdir / "site"
        site.mkdir(exist_ok=True)
        (site / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
        self.site = site
        self.report = Report()

    def _start(self, tag: str) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(self.site), *filter(None, [env.get("PYTHONPATH")])]
        )
        env["NEWSKIT_FAULT_MARKER"] = str(self.marker)
        env["NEWSKIT_FAULT_TAG"] = tag
        command = [sys.executable, "-m", "newskit", "digest", "--jsonl", str(self.src)]
        command += ["-o", str(self.out), "--jobs", "2", "--batch-size", "4", "--resume", "-q"]
        # Standard error goes to a file, not a pipe: the workers inherit it, and waiting for
        # a pipe to close would wait for them and hide how long they outlive the parent.
        self.stderr = self.workdir / f"stderr-{len(self.report.rounds)}.txt"
        with self.stderr.open("wb") as err:
            return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)

    def _err(self) -> str:
        return self.stderr.read_text(encoding="utf-8", errors="replace")[-300:]

    def kill_round(self, sig: signal.Signals, timeout: float = 120.0) -> Round:
        """Start a run, let it write a random number of new lines, send ``sig``."""
        self.marker.touch()
        tag = f"NEWSKIT_FAULT_TAG={uuid.uuid4().hex}"
        before = _lines(self.out)
        target = before + self.rng.randint(1, 40)
        proc = self._start(tag.split("=", 1)[1])
        deadline = time.monotonic() + timeout
        while proc.poll() is None and _lines(self.out) < target and time.monotonic() < deadline:
            time.sleep(0.005)
        sent = proc.poll() is None
        if sent:
            proc.send_signal(sig)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            self.report.problems.append(f"{sig.name}: the parent did not exit within 60 s")
        died = time.monotonic()
        left = _processes_with(tag)
        while left and time.monotonic() - died < GRACE_SECONDS:
            time.sleep(0.1)
            left = _processes_with(tag)
        clean = time.monotonic() - died
        if left:
            self.report.problems.append(
                f"{sig.name}: {len(left)} processes alive {GRACE_SECONDS:.0f} s after the "
                f"parent died: {left}"
            )
            for pid in left:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        code = proc.returncode
        if sent and sig == signal.SIGTERM and code not in (143, -signal.SIGTERM):
            self.report.problems.append(f"SIGTERM: exit code {code}: {self._err()}")
        if sent and sig == signal.SIGKILL and code != -signal.SIGKILL:
            self.report.problems.append(f"SIGKILL: exit code {code}")
        self._check_lines(allow_partial_tail=True)
        result = Round(sig.name if sent else None, code, before, _lines(self.out), len(left), clean)
        self.report.rounds.append(result)
        return result

    def final_round(self) -> Round:
        """Resume with the model mended, to the end."""
        self.marker.unlink(missing_ok=True)
        before = _lines(self.out)
        proc = self._start(uuid.uuid4().hex)
        proc.wait(timeout=600)
        result = Round(None, proc.returncode, before, _lines(self.out), 0, 0.0)
        self.report.rounds.append(result)
        if proc.returncode != 3:  # unusable records fail for good: exit status 3
            self.report.problems.append(
                f"final run: exit code {proc.returncode}, not 3: {self._err()}"
            )
        self._check_final()
        return result

    def _records(self, allow_partial_tail: bool) -> Iterator[dict[str, Any]]:
        raw = self.out.read_bytes() if self.out.exists() else b""
        lines = raw.split(b"\n")
        tail = lines.pop()  # b"" when the file ends with a newline
        if tail and not allow_partial_tail:
            self.report.problems.append("the output ends with a partial line")
        for number, line in enumerate(lines, 1):
            try:
                yield json.loads(line, parse_constant=_refuse)
            except ValueError as exc:
                self.report.problems.append(f"output line {number} is not valid JSON: {exc}")

    def _check_lines(self, allow_partial_tail: bool) -> None:
        for _ in self._records(allow_partial_tail):
            pass

    def _check_final(self) -> None:
        records = list(self._records(allow_partial_tail=False))
        got: dict[tuple[str, int], int] = {}
        for r in records:
            if r["id"] is None and not r["ok"] and f"line {r['line']}" in str(r.get("error")):
                key = ("unusable", r["line"])
            else:
                key = (json.dumps(r["id"], ensure_ascii=False), r.get("occurrence", 1))
            got[key] = got.get(key, 0) + 1
            if "FLAKY" in json.dumps(r) and not r["ok"]:
                self.report.problems.append(f"flaky record {key} was not retried")
        want = {k: 1 for k in self.keys}
        if got != want:
            missing = sorted(set(want) - set(got))[:5]
            doubled = sorted(k for k, c in got.items() if c > 1)[:5]
            extra = sorted(set(got) - set(want))[:5]
            self.report.problems.append(
                f"ids not exactly once: missing {missing}, doubled {doubled}, unknown {extra}"
            )


def _refuse(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def run(workdir: Path, *, n_records: int, kills: int, seed: int) -> Report:
    """``kills`` rounds alternating SIGKILL and SIGTERM, then a final resume."""
    harness = Harness(workdir, n_records, seed)
    for i in range(kills):
        harness.kill_round(signal.SIGKILL if i % 2 == 0 else signal.SIGTERM)
    harness.final_round()
    return harness.report
