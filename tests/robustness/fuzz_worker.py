"""Fuzz worker: loads mutated scan files in-process and writes a JSON summary.

Run by :mod:`tests.robustness.fuzz_harness` as ``python -m tests.robustness.fuzz_worker JOB.json``
in its own process, so that a segfault in a C extension (numpy, PIL, DracoPy,
trimesh's helpers) kills only this worker; the harness then learns which input
was being loaded from the progress file and saves it.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

import numpy as np

from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan

from .fuzz_mutations import mutate
from .fuzz_seeds import FAMILIES, build_seeds, real_scan_heads

MAX_FACES = 1_000_000
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss_peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def check_valid(scan) -> str | None:
    """Why a returned Scan is not valid, or None."""
    if (scan.mesh is None) == (scan.points is None):
        return "scan holds neither or both of mesh and points"
    vertices = np.asarray(scan.geometry.vertices)
    if len(vertices) == 0 or not np.isfinite(vertices).all():
        return "scan has no vertices or non-finite ones"
    if scan.mesh is not None:
        faces = np.asarray(scan.mesh.faces)
        if len(faces) == 0 or faces.min() < 0 or faces.max() >= len(vertices):
            return "scan has no faces or faces out of range"
    return None


def load_one(path: Path) -> tuple[str, str, float]:
    """Load ``path``; returns (outcome, detail, seconds). outcome: error | valid | bad-error | invalid | exception."""
    started = time.perf_counter()
    try:
        scan = load_scan(path, max_faces=MAX_FACES)
    except ScanError as err:
        text = str(err)
        ok = "\n" not in text and "\r" not in text and text.startswith(path.name + ": ")
        return ("error" if ok else "bad-error"), text[:300], time.perf_counter() - started
    except BaseException as exc:  # noqa: BLE001 - anything but ScanError is the bug we hunt
        if isinstance(exc, KeyboardInterrupt):
            raise
        return "exception", f"{exc.__class__.__name__}: {str(exc)[:300]}", time.perf_counter() - started
    seconds = time.perf_counter() - started
    why = check_valid(scan)
    return ("invalid", why, seconds) if why else ("valid", "", seconds)


def run(job: dict) -> dict:
    family, work = job["family"], Path(job["workdir"])
    scans = Path(job["scans_dir"]) if job.get("scans_dir") else None
    seeds = build_seeds(family, work) + real_scan_heads(scans, family)
    target = work / ("fuzz" + FAMILIES[family])
    # Warm up on the seeds so imports and first-use caches are not counted as growth.
    for _, data in seeds:
        target.write_bytes(data)
        load_one(target)
    baseline = _rss_peak_bytes()
    counts = {"error": 0, "valid": 0, "bad-error": 0, "invalid": 0, "exception": 0}
    failures: list[dict] = []
    max_seconds, slowest, max_step, step_at = 0.0, -1, 0, -1
    progress = os.open(job["progress"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    crash_dir = Path(job["crash_dir"])
    # Self-test hooks: the harness's own tests make a worker die or hang on purpose.
    crash_at, hang_at = job.get("selftest_crash_at"), job.get("selftest_hang_at")
    for i in range(job["start"], job["stop"]):
        os.pwrite(progress, f"{i:012d}".encode(), 0)  # the harness reads this after a crash
        if i == crash_at:
            os.kill(os.getpid(), signal.SIGSEGV)
        if i == hang_at:
            time.sleep(3600)
        desc, data = mutate(family, seeds, i, job["master_seed"])
        target.write_bytes(data)
        before = _rss_peak_bytes()
        outcome, detail, seconds = load_one(target)
        step = _rss_peak_bytes() - before
        if step > max_step:
            max_step, step_at = step, i
        counts[outcome] += 1
        if seconds > max_seconds:
            max_seconds, slowest = seconds, i
        if outcome not in ("error", "valid"):
            crash_dir.mkdir(parents=True, exist_ok=True)
            saved = crash_dir / f"{family}-{i}{target.suffix}"
            saved.write_bytes(data)
            if len(failures) < 50:
                failures.append({"index": i, "input": desc, "outcome": outcome, "detail": detail, "saved": str(saved)})
    os.close(progress)
    return {"family": family, "files": job["stop"] - job["start"], **counts, "failures": failures,
            "max_seconds": max_seconds, "slowest_index": slowest, "rss_baseline": baseline,
            "rss_growth": _rss_peak_bytes() - baseline, "rss_peak": _rss_peak_bytes(), "max_rss_step": max_step, "max_rss_step_index": step_at}


if __name__ == "__main__":
    job_path = Path(sys.argv[1])
    job = json.loads(job_path.read_text())
    result = run(job)
    Path(job["result"]).write_text(json.dumps(result))
