"""Throughput of the full digest (parse + topics + summary) for 1, 2 and all cores and on Dask.

The corpus is built in memory from the public data sets beside the checkout
(never copied into the repo): every BBC News Summary and FRANK CNN/DM + XSum
article (full text), plus AG News and HuffPost items (headline + one or two
sentences), one JSONL-style record each, ``--repeat`` times if asked. Each
configuration streams the whole corpus through :func:`newskit.digest_many`
and reports articles/s, articles/s per core and articles per CPU second (the
parent's CPU time plus its loky workers', read from ``/proc`` on Linux, so
time a busy shared machine gives to others does not count); peak resident
memory of the main process and of its workers is reported from ``getrusage``.
Each loky configuration runs twice: as a user's first call would (workers
start inside the timed run: imports, model loading, cold caches), and warm
(workers started and warmed untimed first), the steady state of a long
stream. Last, the same loky pool runs a pure-Python CPU loop on 1 and on N
processes: the speed-up this machine allows any process-parallel job, against
which "near-linear" can be judged. A full run draws the records/s of each
configuration beside the linear and the machine's ceiling to
``docs/_static/charts/batch-full-articles.png`` (``--full-articles-only``) or
``batch-mixed.png``.

    python benchmarks/bench_batch.py                 # >= 20,000 records
    python benchmarks/bench_batch.py --limit 2000    # quick look
    python benchmarks/bench_batch.py --full-articles-only --repeat 8   # 21,808 full articles

A repeated record gets its own id (``bbc/001#2``); repeats make a long stream
of full articles out of the 2,726 the public sets hold, in which start-up
costs (worker processes, model loading, first stemming of each word) weigh
as little as they do on a real archive.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import time
from pathlib import Path

import joblib
from _common import add_data_dir, command, pyplot, read_jsonl, save_chart

import newskit


def corpus(data_dir: Path) -> list[dict[str, str]]:
    """Records {id, title?, text} from five public sets."""
    records: list[dict[str, str]] = []
    for r in read_jsonl(data_dir / "bbc-news-summary" / "bbc_news_summary.jsonl"):
        records.append({"id": f"bbc/{r['id']}", "title": r["title"], "text": r["text"]})
    for name in ("frank_cnndm_test.jsonl", "frank_xsum_test.jsonl"):
        for r in read_jsonl(data_dir / "frank-cnndm-xsum" / name):
            records.append({"id": f"frank/{r['id']}", "text": r["article"]})
    with (data_dir / "ag-news-test" / "test.csv").open(encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            records.append({"id": f"ag/{i}", "title": row["title"], "text": row["description"]})
    hp = data_dir / "huffpost-news-category-v3-first10k" / "News_Category_Dataset_v3.json"
    for i, r in enumerate(read_jsonl(hp)):
        records.append({"id": f"hp/{i}", "title": r["headline"], "text": r["short_description"]})
    return records


def _peak_mb() -> tuple[float, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, child_kb / 1024


def _live_children_cpu() -> float | None:
    """CPU seconds so far of this process's live children (Linux ``/proc``), or None."""
    me, total = str(os.getpid()), 0
    try:
        names = os.listdir("/proc")
    except OSError:
        return None
    for name in names:
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue  # exited meanwhile
        fields = stat.rsplit(")", 1)[1].split()
        if fields[1] == me:  # ppid; utime and stime follow at 11 and 12
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _stop_loky_workers() -> None:
    # every configuration starts its own workers, and exited workers count in the
    # RUSAGE_CHILDREN peak memory ("work MB")
    from joblib.externals.loky import get_reusable_executor

    get_reusable_executor().shutdown(wait=True)


def _digest_all(records: list[dict[str, str]], n_jobs: int, batch_size: int) -> tuple[int, int]:
    ok = failed = 0
    for record in newskit.digest_many(records, n_jobs=n_jobs, batch_size=batch_size):
        if record.ok:
            ok += 1
        else:
            failed += 1
    return ok, failed


def _run(
    records: list[dict[str, str]],
    n_jobs: int,
    batch_size: int,
    *,
    warm: bool = False,
    loky: bool = True,
) -> tuple[float, int, int, float | None]:
    """Wall seconds, ok and failed records, and CPU seconds (parent + loky workers).

    Loky workers start inside the timed run (imports, model loading, cold caches)
    unless ``warm``: then the first ``4 * n_jobs`` batches start and warm them,
    untimed, as in the steady state of a long stream. Dask workers are not our
    children, so no CPU figure for them.
    """
    if warm:
        _digest_all(records[: 4 * n_jobs * batch_size], n_jobs, batch_size)
    cpu0, children0 = time.process_time(), _live_children_cpu()
    start = time.perf_counter()
    ok, failed = _digest_all(records, n_jobs, batch_size)
    seconds = time.perf_counter() - start
    children1 = _live_children_cpu()  # before the workers exit
    cpu = None
    if loky and children0 is not None and children1 is not None:
        cpu = time.process_time() - cpu0 + children1 - children0
    if loky and n_jobs != 1:
        _stop_loky_workers()
    return seconds, ok, failed, cpu


def _row(
    label: str, cores: int, seconds: float, ok: int, failed: int, cpu: float | None
) -> tuple[float, float | None]:
    """Print one table row; return records/s (wall) and records per CPU second."""
    n = ok + failed
    rate = n / seconds
    self_mb, child_mb = _peak_mb()
    per_cpu = f"{n / cpu:>9.1f}" if cpu else f"{'-':>9}"
    print(
        f"| {label:<24} | {cores:>5} | {n:>7} | {failed:>6} | {seconds:>7.1f} | {rate:>8.1f} "
        f"| {rate / cores:>8.1f} | {per_cpu} | {self_mb:>7.0f} | {child_mb:>7.0f} |",
        flush=True,
    )
    return rate, (n / cpu if cpu else None)


def _spin(n: int) -> int:
    """Pure-Python CPU work with no data to move: the best case for process scaling."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def machine_scaling(cores: int, tasks: int = 16, size: int = 1_000_000, rounds: int = 3) -> float:
    """How many times faster ``cores`` loky workers run :func:`_spin` than one process.

    The ceiling this machine allows for any process-parallel job, measured in the
    same run (shared or virtual cores often give well under ``cores``); the median
    of ``rounds`` alternating measurements, as a shared machine's speed drifts.
    """
    ratios = []
    with joblib.parallel_config(backend="loky"):
        parallel = joblib.Parallel(n_jobs=cores)
        parallel(joblib.delayed(_spin)(10) for _ in range(cores))  # start the workers
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(tasks):
                _spin(size)
            one = time.perf_counter() - start
            start = time.perf_counter()
            parallel(joblib.delayed(_spin)(size) for _ in range(tasks))
            ratios.append(one / (time.perf_counter() - start))
    _stop_loky_workers()
    return statistics.median(ratios)


def chart(
    name: str,
    title: str,
    rows: dict[str, tuple[float, float | None]],
    ceilings: dict[int, float],
) -> None:
    """Records/s per configuration beside linear scaling and the machine's ceiling, and
    records per CPU second (what a shared machine's other jobs do not change)."""
    plt = pyplot()
    fig, (wall, cpu) = plt.subplots(
        1, 2, figsize=(10, 3.6), sharey=True, layout="constrained", width_ratios=(3, 2)
    )
    labels = list(rows)
    rates = [rows[k][0] for k in labels]
    per_cpu = [rows[k][1] or 0.0 for k in labels]
    wall.barh(labels, rates, color="#4c72b0")
    cpu.barh(labels, per_cpu, color="#55a868")
    for i, label in enumerate(labels):
        wall.text(rates[i], i, f" {rates[i]:,.0f}", va="center", fontsize=8)
        shown = f" {per_cpu[i]:,.0f}" if rows[label][1] else " not measured"
        cpu.text(per_cpu[i], i, shown, va="center", fontsize=8)
    one = rows["one process"][0]
    for cores, ceiling in sorted(ceilings.items()):
        wall.axvline(
            one * cores, color="#777777", linestyle=":", label=f"linear: {cores} x one process"
        )
        wall.axvline(
            one * ceiling,
            color="#c44e52",
            linestyle="--",
            label=f"this machine's ceiling on {cores} workers (this run): {ceiling:.2f} x one",
        )
    wall.invert_yaxis()
    wall.set_xlabel("records per second (wall clock)")
    cpu.set_xlabel("records per CPU second (all processes)")
    wall.set_xlim(0, max([*rates, one * max(ceilings, default=1)]) * 1.15)
    cpu.set_xlim(0, max(per_cpu) * 1.3)
    fig.suptitle(title, fontsize=10)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    save_chart(fig, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir(parser)
    parser.add_argument("--limit", type=int, default=None, help="use the first N records")
    parser.add_argument("--repeat", type=int, default=1, help="stream the corpus N times")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask local cluster")
    parser.add_argument(
        "--full-articles-only",
        action="store_true",
        help="only the full-length BBC and FRANK articles (no headline-only items)",
    )
    args = parser.parse_args()

    records = corpus(args.data_dir)
    if args.full_articles_only:
        records = [r for r in records if r["id"].startswith(("bbc/", "frank/"))]
    if args.limit:
        # Interleave sources so a sample has the corpus's mix of long and short texts.
        records = records[:: max(1, len(records) // args.limit)][: args.limit]
    if args.repeat > 1:
        records = [
            {**r, "id": f"{r['id']}#{k}"} if k else r for k in range(args.repeat) for r in records
        ]
    words = sum(len(r["text"].split()) for r in records)
    all_cores = os.cpu_count() or 1
    print(f"command: {command()}")
    print(f"corpus: {len(records)} records, {words / len(records):.0f} words on average")
    print(
        f"machine: {all_cores} cores shared with other jobs (1-minute load average "
        f"{os.getloadavg()[0]:.1f} at the start); batch size {args.batch_size}"
    )
    newskit.digest("Warm-up headline here\n\nLoads the models once in this process.")
    print(
        "| configuration            | cores | records | failed |       s |    rec/s "
        "| per core | per CPU-s | self MB | work MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = {"one process": _row("one process", 1, *_run(records, 1, args.batch_size))}
    one = rows["one process"][0]
    for cores in sorted({2, all_cores}):
        with joblib.parallel_config(backend="loky"):
            label = f"loky, n_jobs={cores}"
            rows[label] = _row(label, cores, *_run(records, cores, args.batch_size))
            cold = rows[label][0]
            label = f"loky, n_jobs={cores}, warm"
            rows[label] = _row(label, cores, *_run(records, cores, args.batch_size, warm=True))
            warm = rows[label][0]
        print(
            f"  loky x{cores} / one process: {cold / one:.2f}x with start-up, "
            f"{warm / one:.2f}x warm",
            flush=True,
        )
    if not args.no_dask:
        from distributed import Client, LocalCluster

        with (
            LocalCluster(n_workers=all_cores, threads_per_worker=1, dashboard_address=None) as lc,
            Client(lc),
            joblib.parallel_config(backend="dask"),
        ):
            label = f"dask LocalCluster x{all_cores}"
            rows[label] = _row(
                label, all_cores, *_run(records, all_cores, args.batch_size, loky=False)
            )
    print("(per CPU-s: records per CPU second of the parent and its loky workers;")
    print(" work MB: the largest loky worker; Dask workers are counted in neither;")
    print(" warm: workers started and warmed on the first 4 batches each, untimed)")
    ceilings = {}
    for cores in sorted({2, all_cores}):
        ceilings[cores] = machine_scaling(cores)
        print(
            f"machine ceiling: a pure-Python CPU loop runs {ceilings[cores]:.2f}x "
            f"faster on {cores} loky workers than in one process (this run)"
        )
    if args.limit is None:
        kind = "full articles" if args.full_articles_only else "mixed corpus"
        name = "batch-full-articles" if args.full_articles_only else "batch-mixed"
        title = (
            f"digest_many, {kind}: {len(records):,} records, "
            f"{words / len(records):.0f} words on average"
        )
        chart(name, title, rows, ceilings)


if __name__ == "__main__":
    main()
