"""Scan fuzzing at scale: 10,000 mutated files per format family (quick: 1,000, the CI size).

Uses the crash-isolated harness of tests/robustness (worker processes, deterministic
seeded mutations). Per family: files, clean errors, valid imports, crashes (must be
0), hangs, other failures, max seconds for one load, the worker's peak RSS and its
growth after warm-up. Crashing inputs are saved under the system temp folder.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness.fuzz_harness import fuzz_all  # noqa: E402


def run(quick: bool) -> list[dict]:
    count = 1000 if quick else 10_000
    crash_dir = Path(tempfile.mkdtemp(prefix="vitrine-fuzz-crashes-"))
    rows: list[dict] = []
    for r in fuzz_all(count, crash_dir=crash_dir):
        print("fuzz", r.line(), file=sys.stderr)
        failed = r.crashes + r.hangs + r.exceptions + r.bad_errors + r.invalid

        def row(metric: str, value, unit: str, target: str = "", note: str = "") -> dict:
            return {"benchmark": "fuzz", "case": r.family, "metric": metric, "value": value, "unit": unit,
                    "target": target, "note": note}
        rows += [row("files", r.files, "files"), row("clean errors", r.errors, "files"),
                 row("valid", r.valid, "files"),
                 row("crashes", r.crashes, "files", "= 0", f"saved under {crash_dir}" if r.crashes else ""),
                 row("hangs + other failures", failed - r.crashes, "files", "= 0"),
                 row("max load time", r.max_seconds, "s", "< 10 s"),
                 row("worker peak RSS", r.rss_peak / 2**20, "MiB"),
                 row("RSS growth after warm-up", r.rss_growth / 2**20, "MiB"),
                 row("wall time", r.wall_seconds, "s")]
    return rows
