"""Scan pipeline figures: load+inspect vs trimesh.load, simplification vs
fast-simplification (time, and error as a sampled surface distance with its noise over N runs), surface-pick latency, peak memory.

Inputs: ../shared/scans/igea/igea.ply and (full mode only) a 1,074,744-face
mesh made from it by one step of Loop subdivision (trimesh.Trimesh.subdivide_loop).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import trimesh  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402

from vitrine.assets.inspection import inspect_scan  # noqa: E402
from vitrine.assets.levels.level_of_detail import simplify_mesh  # noqa: E402
from vitrine.assets.scan_loading import load_scan  # noqa: E402
from vitrine.assets.geometry.surface_picking import SurfacePicker  # noqa: E402

SCANS = Path(os.environ.get("VITRINE_SCANS", HERE.parent.parent / "shared" / "scans"))
NAME = "scan_pipeline"
TARGET_FACES = 100_000


def _row(case: str, metric: str, value, unit: str, target: str = "", note: str = "") -> dict:
    return {"benchmark": NAME, "case": case, "metric": metric, "value": value, "unit": unit,
            "target": target, "note": note}


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall s, CPU s of this process) for one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _compare(ours: Callable[[], object], theirs: Callable[[], object], repeats: int = 5) -> tuple:
    """Interleaved runs; the median of each (the machine is shared, so single runs are noisy).
    Returns (ours wall, theirs wall, ours CPU, theirs CPU) in seconds."""
    a, b = [], []
    for _ in range(repeats):
        a.append(_timed(ours))
        b.append(_timed(theirs))
    med = lambda runs, i: float(np.median([r[i] for r in runs]))  # noqa: E731
    return med(a, 0), med(b, 0), med(a, 1), med(b, 1)


def _median_timed(fn: Callable[[], object], repeats: int = 3) -> tuple[float, float, object]:
    """(median wall s, median CPU s, last result) over ``repeats`` calls."""
    runs = []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        out = fn()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return float(np.median([w for w, _ in runs])), float(np.median([c for _, c in runs])), out


def _meshopt_floor(mesh: trimesh.Trimesh, target: int):
    """Plain meshopt_simplify (positions only, one thread, no attributes, locks or
    compaction): what the library itself costs, the floor for simplify_mesh."""
    import ctypes
    import meshoptimizer.simplifier
    fn = meshoptimizer.simplifier.lib["meshopt_simplify"]  # private function object: argtypes local
    P = ctypes.POINTER
    fn.argtypes = [P(ctypes.c_uint), P(ctypes.c_uint), ctypes.c_size_t, P(ctypes.c_float), ctypes.c_size_t,
                   ctypes.c_size_t, ctypes.c_size_t, ctypes.c_float, ctypes.c_uint, P(ctypes.c_float)]
    fn.restype = ctypes.c_size_t
    idx = np.ascontiguousarray(mesh.faces, np.uint32).ravel()
    pos = np.ascontiguousarray(mesh.vertices, np.float32)
    dest = np.empty_like(idx)
    return fn(dest.ctypes.data_as(P(ctypes.c_uint)), idx.ctypes.data_as(P(ctypes.c_uint)), len(idx),
              pos.ctypes.data_as(P(ctypes.c_float)), len(pos), 12, target * 3, 1.0, 0, None)


def _peak_mb(fn: Callable[[], object]) -> float:
    """Peak Python/numpy heap (MB) during ``fn`` (tracemalloc: native library buffers are not seen)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _surface_distance(points: np.ndarray, mesh: trimesh.Trimesh, k: int = 12) -> np.ndarray:
    """Distance (file units) from each point (n, 3) to the surface of ``mesh``: exact
    point-triangle distances to the k triangles with the nearest centroids (trimesh's
    own closest_point needs rtree, which is not installed)."""
    tree = cKDTree(mesh.triangles_center)
    out = np.empty(len(points))
    for start in range(0, len(points), 5_000):
        chunk = points[start:start + 5_000]
        _, cand = tree.query(chunk, k=k)
        tris = mesh.triangles[cand.ravel()]
        closest = trimesh.triangles.closest_point(tris, np.repeat(chunk, k, axis=0))
        d = np.linalg.norm(closest - np.repeat(chunk, k, axis=0), axis=1).reshape(-1, k)
        out[start:start + 5_000] = d.min(axis=1)
    return out


def _surface_error(a: trimesh.Trimesh, b: trimesh.Trimesh, seed: int,
                   samples: int = 50_000) -> tuple[float, float, float]:
    """Sampled symmetric surface distance between two surfaces, an approximation of the
    Hausdorff distance from below: ``samples`` random surface points (seed ``seed``) plus
    every n-th vertex of each mesh, measured exactly to the other surface. Returns (max,
    mean, 99.9th percentile), each the larger of the two directions, in file units. The max
    is one worst point, so it moves with the sample and with the collapse order; the
    percentile is steadier."""
    dists = []
    for src, dst in ((a, b), (b, a)):
        pts, _ = trimesh.sample.sample_surface(src, samples, seed=seed)
        pts = np.vstack([pts, src.vertices[::max(1, len(src.vertices) // samples)]])
        dists.append(_surface_distance(pts, dst))
    return (max(float(d.max()) for d in dists), max(float(d.mean()) for d in dists),
            max(float(np.percentile(d, 99.9)) for d in dists))


def _error_runs(mesh: trimesh.Trimesh, simplify: Callable[[trimesh.Trimesh], trimesh.Trimesh],
                runs: int) -> np.ndarray:
    """(runs, 3) array of (max, mean, 99.9th percentile) distances in file units. Run i
    shuffles the input's triangle order with seed i (run 0 keeps it: the same surface, a
    different collapse order) and samples with seed i, so the spread shows the noise of
    both the simplifier's tie-breaking and the sampling."""
    out = []
    for i in range(runs):
        faces = mesh.faces if i == 0 else mesh.faces[np.random.default_rng(i).permutation(len(mesh.faces))]
        shuffled = trimesh.Trimesh(mesh.vertices, faces, process=False)
        out.append(_surface_error(mesh, simplify(shuffled), seed=i + 1))
    return np.array(out)


def _spread(values: np.ndarray, diag: float) -> str:
    pct = values / diag * 100
    return f"median {np.median(pct):.4f} %, range {pct.min():.4f}-{pct.max():.4f} %"


def _error_rows(rows: list[dict], case: str, mesh: trimesh.Trimesh, runs: int) -> None:
    """Simplification error of ours and of the anchor (fast-simplification), with its noise."""
    diag = float(np.linalg.norm(mesh.extents))
    ours = _error_runs(mesh, lambda m: simplify_mesh(m, TARGET_FACES), runs)
    theirs = _error_runs(mesh, lambda m: _fast_simplification(m, TARGET_FACES), runs)
    stat = (f"sampled symmetric surface distance (≈ Hausdorff from below: 50,000 surface samples + "
            f"vertices each way); median of {runs} runs (triangle order shuffled, sample reseeded)")
    for who, err in (("ours", ours), ("fast-simplification", theirs)):
        rows.append(_row(case, f"simplification error, 99.9th pct ({who})", float(np.median(err[:, 2])) / diag * 100,
                         "% of diagonal", "<= fast-simplification" if who == "ours" else "",
                         f"{_spread(err[:, 2], diag)}; {stat}"))
        rows.append(_row(case, f"simplification error, max ({who})", float(np.median(err[:, 0])) / diag * 100,
                         "% of diagonal", "", f"{_spread(err[:, 0], diag)}; mean distance "
                                              f"{np.median(err[:, 1]) / diag * 100:.4f} %"))
    for col, name in ((2, "99.9th pct"), (0, "max")):
        diff = (np.median(ours[:, col]) - np.median(theirs[:, col])) / diag * 100
        noise = max(np.ptp(ours[:, col]), np.ptp(theirs[:, col])) / diag * 100
        overlap = ours[:, col].min() <= theirs[:, col].max() and theirs[:, col].min() <= ours[:, col].max()
        verdict = "inside the noise (ranges overlap)" if overlap or abs(diff) <= noise else (
            "ours lower, beyond the noise" if diff < 0 else "ours higher, beyond the noise")
        rows.append(_row(case, f"simplification error {name}: ours - fast-simplification", diff, "% of diagonal",
                         "", f"{verdict}; largest spread of either over {runs} runs {noise:.4f} %"))


def _fast_simplification(mesh: trimesh.Trimesh, target: int) -> trimesh.Trimesh:
    import fast_simplification
    reduction = 1.0 - target / len(mesh.faces)
    v, f = fast_simplification.simplify(mesh.vertices.astype(np.float32), mesh.faces.astype(np.int32),
                                        target_reduction=reduction)
    return trimesh.Trimesh(v, f, process=False)


def _pick_latency(mesh: trimesh.Trimesh, n: int = 1000) -> tuple[float, float, float]:
    """(BVH build s, median ms per single pick, hit fraction) over n random rays at the object."""
    start = time.perf_counter()
    picker = SurfacePicker(mesh)
    build = time.perf_counter() - start
    rng = np.random.default_rng(0)
    centre = mesh.bounds.mean(axis=0)
    radius = float(np.linalg.norm(mesh.extents))
    d = rng.normal(size=(n, 3))
    origins = centre + radius * d / np.linalg.norm(d, axis=1, keepdims=True)
    targets = centre + 0.3 * mesh.extents * rng.uniform(-1, 1, (n, 3))
    times, hits = [], 0
    for o, t in zip(origins, targets):
        s = time.perf_counter()
        hit = picker.pick(o, t - o)
        times.append(time.perf_counter() - s)
        hits += hit is not None
    return build, float(np.median(times)) * 1e3, hits / n


def _case(rows: list[dict], case: str, path: Path, note: str, error_runs: int) -> None:
    t_ours, t_trimesh, c_ours, c_trimesh = _compare(lambda: inspect_scan(load_scan(path)),
                                                    lambda: trimesh.load(str(path)))
    rows.append(_row(case, "load+inspect time", t_ours, "s", "", f"{note}; median of 5, CPU {c_ours:.3f} s"))
    rows.append(_row(case, "trimesh.load time", t_trimesh, "s", "", f"median of 5, CPU {c_trimesh:.3f} s"))
    rows.append(_row(case, "load+inspect / trimesh.load", t_ours / t_trimesh, "x", "<= 1.3",
                     f"CPU-time ratio {c_ours / c_trimesh:.2f}"))
    scan = load_scan(path)
    rows.append(_row(case, "peak memory load", _peak_mb(lambda: load_scan(path)), "MB"))
    rows.append(_row(case, "peak memory inspect", _peak_mb(lambda: inspect_scan(scan)), "MB"))
    mesh = scan.mesh
    t_simpl, c_simpl, ours = _median_timed(lambda: simplify_mesh(mesh, TARGET_FACES))
    t_floor, c_floor, _ = _median_timed(lambda: _meshopt_floor(mesh, TARGET_FACES))
    t_fast, c_fast, theirs = _median_timed(lambda: _fast_simplification(mesh, TARGET_FACES))
    big = len(mesh.faces) > 1_000_000
    rows.append(_row(case, f"simplify to {TARGET_FACES:,} (ours, meshoptimizer)", t_simpl, "s",
                     "<= 1.0" if big else "", f"{len(ours.faces):,} faces; median of 3, CPU {c_simpl:.2f} s"))
    rows.append(_row(case, f"simplify to {TARGET_FACES:,} (plain meshopt_simplify, floor)", t_floor, "s", "",
                     f"one thread, positions only; median of 3, CPU {c_floor:.2f} s"))
    rows.append(_row(case, f"simplify to {TARGET_FACES:,} (fast-simplification)", t_fast, "s", "",
                     f"{len(theirs.faces):,} faces; median of 3, CPU {c_fast:.2f} s"))
    _error_rows(rows, case, mesh, runs=error_runs)
    rows.append(_row(case, "peak memory simplify", _peak_mb(lambda: simplify_mesh(mesh, TARGET_FACES)), "MB"))
    build, median_ms, hit_rate = _pick_latency(mesh)
    rows.append(_row(case, "picker BVH build", build, "s", "", "embree" if trimesh.ray.has_embree else "numpy"))
    rows.append(_row(case, "pick latency (median of 1000 rays)", median_ms, "ms", "< 5" if big else "",
                     f"{hit_rate:.0%} of rays hit"))
    rows.append(_row(case, "peak memory picker build", _peak_mb(lambda: SurfacePicker(mesh)), "MB"))


def run(quick: bool) -> list[dict]:
    igea = SCANS / "igea" / "igea.ply"
    if not igea.is_file():
        return [_row("-", "skipped", "scans missing", "", "", f"{igea} not found (set VITRINE_SCANS)")]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows: list[dict] = [_row("machine", "load average (1 min) at start", load, "", "",
                             f"{os.cpu_count()} CPUs; wall times grow when other work shares them")]
    _case(rows, "igea.ply (268,686 faces)", igea, "real scan", error_runs=3 if quick else 5)
    if quick:
        return rows
    with tempfile.TemporaryDirectory() as tmp:
        big = load_scan(igea).mesh.subdivide_loop(1)
        path = Path(tmp) / "igea-loop1.ply"
        path.write_bytes(big.export(file_type="ply"))
        _case(rows, f"igea Loop-subdivided ({len(big.faces):,} faces)", path,
              "igea.ply after one step of trimesh subdivide_loop, saved as binary PLY", error_runs=5)
    return rows


if __name__ == "__main__":
    from run import print_table  # type: ignore[import-not-found]
    print_table(run(quick="--quick" in sys.argv))
