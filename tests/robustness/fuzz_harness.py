"""Runs fuzz workers in subprocesses, survives their crashes and hangs, merges figures.

Used by tests/robustness/test_scan_fuzzing.py (CI size) and benchmarks/bench_fuzz.py
(ten times more).  A worker that dies from a signal or stops making progress is
recorded as a crash or hang for the input it was loading; that input is
regenerated (mutations are deterministic) and saved, and a new worker resumes
with the next input, so one bad file never hides the rest of the run.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .fuzz_mutations import mutate
from .fuzz_seeds import FAMILIES, build_seeds, real_scan_heads

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 180.0  # imports and warm-up loads, before the first progress mark
HANG_SECONDS = 60.0  # no progress for this long: the worker is killed and the input counted as a hang


@dataclass
class FamilyResult:
    family: str
    files: int = 0
    errors: int = 0
    valid: int = 0
    crashes: int = 0
    hangs: int = 0
    bad_errors: int = 0
    invalid: int = 0
    exceptions: int = 0
    max_seconds: float = 0.0
    rss_growth: int = 0           # peak RSS after the fuzz loop minus the peak after warm-up on the seeds
    rss_peak: int = 0             # the worker process's peak RSS, imports included
    max_rss_step: int = 0
    wall_seconds: float = 0.0
    failures: list[dict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return self.files == self.errors + self.valid and not self.failures

    def line(self) -> str:
        return (f"{self.family}: {self.files} files, {self.errors} clean errors, {self.valid} valid, "
                f"{self.crashes} crashes, {self.hangs} hangs, {self.exceptions} other exceptions, "
                f"{self.bad_errors} badly formatted errors, {self.invalid} invalid scans, "
                f"max {self.max_seconds:.3f} s per load, worker peak RSS {self.rss_peak / 2**20:.0f} MiB, "
                f"growth after warm-up {self.rss_growth / 2**20:.1f} MiB "
                f"(largest single-load step {self.max_rss_step / 2**20:.1f} MiB), {self.wall_seconds:.1f} s wall")


def _save_input(family: str, index: int, master_seed: int, scans_dir: Path | None, crash_dir: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = build_seeds(family, Path(tmp)) + real_scan_heads(scans_dir, family)
    _, data = mutate(family, seeds, index, master_seed)
    crash_dir.mkdir(parents=True, exist_ok=True)
    saved = crash_dir / f"{family}-{index}{FAMILIES[family]}"
    saved.write_bytes(data)
    return saved


def _scratch_root() -> str | None:
    """RAM-backed scratch space when there is one: each fuzzed file is written once per load."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _run_worker(job: dict, work: Path, hang_seconds: float) -> tuple[dict | None, int | None, str]:
    """Run one worker; returns (result or None, index it stopped at, 'crash'|'hang'|'')."""
    job_path = work / "job.json"
    Path(job["result"]).unlink(missing_ok=True)
    Path(job["progress"]).unlink(missing_ok=True)
    job_path.write_text(json.dumps(job))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    with open(work / "stderr.txt", "wb") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "tests.robustness.fuzz_worker", str(job_path)], cwd=ROOT,
                                env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    last, last_change = None, time.monotonic()
    while proc.poll() is None:
        time.sleep(0.05)
        try:
            now = Path(job["progress"]).read_bytes()
        except OSError:
            now = None
        if now != last:
            last, last_change = now, time.monotonic()
        elif time.monotonic() - last_change > (hang_seconds if now is not None else STARTUP_SECONDS):
            # Before the first progress mark the worker is importing and warming up on a loaded machine.
            proc.kill()
            proc.wait()
            return None, int(now) if now else job["start"], "hang"
    if proc.returncode == 0 and Path(job["result"]).is_file():
        return json.loads(Path(job["result"]).read_text()), None, ""
    try:
        stopped = int(Path(job["progress"]).read_bytes())
    except (OSError, ValueError):
        stopped = job["start"]
    return None, stopped, "crash"


def fuzz_family(family: str, count: int, *, master_seed: int = 1, scans_dir: Path | None = None,
                crash_dir: Path, hang_seconds: float = HANG_SECONDS, selftest: dict | None = None) -> FamilyResult:
    """Load ``count`` mutated files of ``family`` in worker processes; never raises for a bad input."""
    result = FamilyResult(family)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{family}-", dir=_scratch_root()) as tmp:
        work = Path(tmp)
        start = 0
        while start < count:
            job = {"family": family, "start": start, "stop": count, "master_seed": master_seed,
                   "workdir": str(work / "files"), "scans_dir": str(scans_dir) if scans_dir else None,
                   "progress": str(work / "progress"), "result": str(work / "result.json"),
                   "crash_dir": str(crash_dir), **(selftest or {})}
            out, stopped, why = _run_worker(job, work, hang_seconds)
            if out is not None:
                _merge(result, out)
                break
            # The worker died (or hung) on input ``stopped``: record it and go on after it.
            assert stopped is not None
            saved = _save_input(family, stopped, master_seed, scans_dir, crash_dir)
            stderr = (work / "stderr.txt").read_text("utf-8", "replace")[-500:]
            result.failures.append({"index": stopped, "outcome": why, "saved": str(saved), "detail": stderr})
            result.files += 1
            if why == "crash":
                result.crashes += 1
            else:
                result.hangs += 1
            # Inputs the dead worker finished before ``stopped`` passed, but their figures were lost:
            # re-run them so the totals stay exact (they are deterministic and cheap).
            if stopped > start:
                job_before = {**job, "stop": stopped}
                out_before, _, why_before = _run_worker(job_before, work, hang_seconds)
                if out_before is None:
                    raise RuntimeError(f"{family}: worker failed again on inputs {start}..{stopped - 1} ({why_before})")
                _merge(result, out_before)
            start = stopped + 1
    result.wall_seconds = time.perf_counter() - started
    return result


def _merge(into: FamilyResult, out: dict) -> None:
    into.files += out["files"]
    into.errors += out["error"]
    into.valid += out["valid"]
    into.bad_errors += out["bad-error"]
    into.invalid += out["invalid"]
    into.exceptions += out["exception"]
    into.max_seconds = max(into.max_seconds, out["max_seconds"])
    into.rss_growth = max(into.rss_growth, out["rss_growth"])
    into.rss_peak = max(into.rss_peak, out["rss_peak"])
    into.max_rss_step = max(into.max_rss_step, out["max_rss_step"])
    into.failures.extend(out["failures"])


def fuzz_all(count: int, *, families: tuple[str, ...] = tuple(FAMILIES), master_seed: int = 1,
             scans_dir: Path | None = None, crash_dir: Path, workers: int = 2) -> list[FamilyResult]:
    """Fuzz every family, ``workers`` families at a time (one process each)."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(fuzz_family, f, count, master_seed=master_seed, scans_dir=scans_dir,
                               crash_dir=crash_dir) for f in families]
        return [f.result() for f in futures]
