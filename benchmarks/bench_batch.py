"""Batch throughput: scans per minute when ``vitrine batch`` prepares the shared scans
(../shared/scans: every scan file there), locally with 1 and 2 worker processes and on a
dask.distributed LocalCluster with 1, 2 and 4 workers (one thread each), into a fresh collection
each time; and the peak resident memory of one worker (the largest seen).

Like for like: every configuration prepares the same files with the same task function
(``prepare_payload``), timed from the call of ``run_batch`` to its return, the cluster started
before the clock starts. Statistic: median of N runs (N=3, or 1 with --quick).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCANS = ROOT.parent / "shared" / "scans"


def _row(case: str, metric: str, value: object, unit: str, note: str = "") -> dict:
    return {"benchmark": "batch", "case": case, "metric": metric, "value": value, "unit": unit, "target": "",
            "note": note}


def _timed(sources: list[Path], **kw) -> tuple[float, int, float]:
    """(seconds, scans prepared, the largest peak RSS a worker reported in MiB)."""
    from vitrine.app.workflows.batch_runner import run_batch
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = run_batch(sources, Path(tmp) / "collection", **kw)
        seconds = time.perf_counter() - t0
    return seconds, len(summary.prepared), summary.worker_peak_mb


def _rows(label: str, runs: list[tuple[float, int, float]], note: str) -> list[dict]:
    med = statistics.median(r[0] for r in runs)
    prepared = runs[0][1]
    return [_row(label, "scans per minute", round(prepared * 60 / med, 1), "scans/min", note),
            _row(label, "peak RSS of one worker (largest)", round(max(r[2] for r in runs)), "MiB")]


def run(quick: bool) -> list[dict]:
    from vitrine.app.workflows.batch_sources import find_scans
    if not SCANS.is_dir():
        return [_row("shared scans", "skipped", "", "", f"{SCANS} is missing")]
    scans, _ = find_scans([SCANS])
    repeats = 1 if quick else 3
    rows: list[dict] = []
    note = f"{len(scans)} scans, median of {repeats}"
    configs = [(f"local, {w} process(es)", {"workers": w}) for w in (1, 2)]
    for label, kw in configs:
        runs = [_timed([SCANS], **kw) for _ in range(repeats)]
        rows += _rows(label, runs, note)
    from distributed import LocalCluster
    for workers in (1, 2, 4):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            runs = [_timed([SCANS], scheduler=cluster.scheduler_address) for _ in range(repeats)]
        rows += _rows(f"dask LocalCluster, {workers} worker(s)", runs, note)
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from run import print_table  # noqa: E402 (benchmarks/run.py)
    print_table(run("--quick" in sys.argv))
