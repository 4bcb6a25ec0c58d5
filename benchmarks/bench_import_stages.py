"""Where `vitrine add` spends its time: CPU seconds (and the system CPU among them), wall
seconds and the peak RSS reached by the end of each stage (load, inspect, hash, prepare,
repair, levels, GLB writing, store) of one import, in this process.

    python benchmarks/bench_import_stages.py SCAN [--without-heap-reuse]

``--without-heap-reuse`` runs the same import with glibc's default allocation (every large
temporary mapped afresh), the anchor for app/workflows/heap_reuse.py.

Each stage is timed by wrapping the function prepare_scan / store_prepared calls for it; the
CPU time is this process's (all threads), so it stays meaningful on a loaded machine.
"""
from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (module, function, stage name): the calls prepare_scan and store_prepared make.
STAGES = [
    ("vitrine.assets.scan_loading", "load_scan", "load"),
    ("vitrine.assets.inspection", "inspect_scan_and_adjacency", "inspect"),
    ("vitrine.scenes.storage.project_store", "sha256_file", "hash original"),
    ("vitrine.assets.preparation", "prepare_mesh", "prepare (units, up)"),
    ("vitrine.assets.geometry.mesh_repair", "repair_mesh", "repair"),
    ("vitrine.assets.levels.level_of_detail", "build_levels", "levels"),
    ("vitrine.assets.formats.glb_io", "glb_bytes", "GLB writing"),
    ("vitrine.app.workflows.project_import", "store_prepared", "store"),
]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _sys_s() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_stime


def run(scan: Path, heap_reuse: bool = True) -> list[dict]:
    """One import of ``scan`` into a new project; rows {stage, calls, cpu_s, sys_s, wall_s, peak_rss_mib}."""
    import contextlib
    import importlib
    totals: dict[str, dict] = {}
    if not heap_reuse:
        from vitrine.app.workflows import heap_reuse as module
        module.heap_reuse = lambda *a, **k: contextlib.nullcontext()

    def wrap(module, attr: str, stage: str) -> None:
        fn = getattr(module, attr)

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            cpu, wall, sys_ = time.process_time(), time.perf_counter(), _sys_s()
            try:
                return fn(*args, **kwargs)
            finally:
                row = totals.setdefault(stage, {"stage": stage, "calls": 0, "cpu_s": 0.0, "sys_s": 0.0, "wall_s": 0.0})
                row["calls"] += 1
                row["cpu_s"] += time.process_time() - cpu
                row["sys_s"] += _sys_s() - sys_
                row["wall_s"] += time.perf_counter() - wall
                row["peak_rss_mib"] = round(_peak_mib())
        setattr(module, attr, timed)

    from vitrine.app.workflows import project_import
    from vitrine.scenes.storage.project_store import Project
    for mod_name, attr, stage in STAGES:
        wrap(importlib.import_module(mod_name), attr, stage)
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(Path(tmp) / "p.vitrine")
        cpu, wall, sys_ = time.process_time(), time.perf_counter(), _sys_s()
        project_import.import_scan(project, scan)
        rows = list(totals.values())
        rows.append({"stage": "total import", "calls": 1, "cpu_s": time.process_time() - cpu, "sys_s": _sys_s() - sys_,
                     "wall_s": time.perf_counter() - wall, "peak_rss_mib": round(_peak_mib())})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scan", type=Path)
    parser.add_argument("--without-heap-reuse", action="store_true",
                        help="glibc's default allocation (the anchor for heap reuse)")
    args = parser.parse_args()
    print(f"{args.scan.name}: one import{' without heap reuse' if args.without_heap_reuse else ''}, stages in "
          f"call order (CPU counts all threads and includes the system CPU; work between the stages, e.g. "
          f"reports and hashing of levels, is only in the total); load average {os.getloadavg()[0]:.2f}")
    print(f"{'stage':<22}{'calls':>6}{'CPU s':>8}{'sys s':>8}{'wall s':>8}{'peak MiB':>10}")
    for row in run(args.scan, heap_reuse=not args.without_heap_reuse):
        print(f"{row['stage']:<22}{row['calls']:>6}{row['cpu_s']:>8.2f}{row['sys_s']:>8.2f}{row['wall_s']:>8.2f}"
              f"{row['peak_rss_mib']:>10}")


if __name__ == "__main__":
    main()
