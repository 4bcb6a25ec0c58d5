"""Recipient's mark benchmark: reliability of tracing after every attack on every shared scan.

For each scan in ../shared/scans (none exceeds the 'high' budget of 500k faces, so none
is simplified first) and each attack of tests/exporters/tracing/attacks.py, copies marked
for several recipients are attacked, aligned and scored against every export id of a
register of RECIPIENTS candidates (20; ``--quick`` marks 1 of them but still tests all
20). A recipient is named when its false-match bound times the number of candidates is
below 1e-6. Rows: right recipient named (rate, target >= 99 %), a wrong recipient named
(count, target 0), the unmarked level matched (count, target 0); the mark's displacement
(RMS and max, % of the diagonal); what it changes on screen, measured as the deviation of
the vertex normals (degrees) and the Lambert shading change of a headlight rendering
(grey levels of 255, per vertex; no rasteriser is used); the time to trace a 500k-face
suspect (derived from igea: one Loop subdivision, then quadric simplification to 500k
faces); and the time embed_mark adds to a GLB export of the same level (compress_mesh).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import trimesh

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCANS = ROOT.parent / "shared" / "scans"
CASES = [("mask", "balinese-mask/mask.glb"), ("gargoyle", "gargoyle/gargoyle.ply"), ("igea", "igea/igea.ply"),
         ("nefertiti", "nefertiti/nefertiti.obj"), ("bunny", "stanford-bunny/bunny.obj"),
         ("bunny-stl", "stanford-bunny/bunny.stl"), ("bunny-points", "stanford-bunny/bunny-points.ply")]
POINT_ATTACKS = ["reordered", "similarity", "noise", "crop_points"]
RECIPIENTS = 20
THRESHOLD = 1e-6

from vitrine.exporters.tracing.recipient_mark import mark_key  # noqa: E402 (needs ROOT on sys.path)

_KEY = mark_key(b"benchmark museum secret")


def _row(case: str, metric: str, value, unit: str, target: str = "", note: str = "") -> dict:
    return {"benchmark": "recipient_mark", "case": case, "metric": metric, "value": value, "unit": unit,
            "target": target, "note": note}


def _load(path: Path) -> tuple[np.ndarray, np.ndarray | None]:
    loaded = trimesh.load(path, force="mesh", process=False)
    if len(loaded.faces) == 0:  # a point cloud: force="mesh" would drop its points
        return np.asarray(trimesh.load(path, process=False).vertices, np.float32), None
    return np.asarray(loaded.vertices, np.float32), np.asarray(loaded.faces, np.int64)


def _crop_points(p: np.ndarray, f, seed: int = 0):
    rng = np.random.default_rng(seed)
    q = np.asarray(p, np.float64)
    return q[(q - q.mean(axis=0)) @ rng.normal(size=3) > 0], None


def _named(suspect: np.ndarray, reference, key: bytes, exports: list[str], artifact: str) -> list[str]:
    from vitrine.exporters.tracing.recipient_mark import score_cells, suspect_cells
    from vitrine.exporters.tracing.suspect_alignment import align_suspect
    alignment = align_suspect(suspect, reference)
    sums = suspect_cells(alignment.apply(suspect), reference, key=key, artifact_id=artifact)
    return [e for e in exports
            if score_cells(sums, key=key, export_id=e, artifact_id=artifact).false_match_probability * len(exports)
            < THRESHOLD]


def _screen_change(p: np.ndarray, f, marked: np.ndarray) -> tuple[float, float, float, float]:
    """(mean, 99th percentile, max normal deviation in degrees, 99th percentile headlight
    shading change in grey levels)."""
    from vitrine.exporters.tracing.surface_normals import merged_normals
    _, before, inverse = merged_normals(p, f)
    _, after, inverse_marked = merged_normals(marked, f)
    before, after = before[inverse], after[inverse_marked]  # per vertex, in the file's order
    ok = np.any(before != 0, axis=1) & np.any(after != 0, axis=1)
    angle = np.degrees(np.arccos(np.clip(np.einsum("ni,ni->n", before[ok], after[ok]), -1, 1)))
    light = np.array([0.3, 0.5, 0.81])
    light /= np.linalg.norm(light)
    grey = 255 * np.abs(np.clip(before[ok] @ light, 0, 1) - np.clip(after[ok] @ light, 0, 1))
    return float(angle.mean()), float(np.percentile(angle, 99)), float(angle.max()), float(np.percentile(grey, 99))


_WORKER: dict[str, tuple] = {}  # per worker process: case -> (positions, faces, reference, basis)


def _case_data(case: str) -> tuple:
    """(positions, faces, ReferenceSurface, MarkBasis) of one scan, built once per process."""
    from vitrine.exporters.tracing.recipient_mark import MarkBasis, ReferenceSurface
    if case not in _WORKER:
        p, f = _load(SCANS / dict(CASES)[case])
        _WORKER[case] = (p, f, ReferenceSurface.from_mesh(p, f),
                         MarkBasis.for_level(p, f, key=_KEY, artifact_id=f"art-{case}"))
    return _WORKER[case]


def _trial(task: tuple[str, str, int]) -> dict:
    """One marked copy (``index`` >= 0: recipient ``index``) or the unmarked level (``index`` < 0),
    attacked and traced against all RECIPIENTS candidates; the basis and reference are reused."""
    from vitrine.exporters.tracing.recipient_mark import embed_mark
    from tests.exporters.tracing import attacks
    case, attack_name, index = task
    p, f, reference, basis = _case_data(case)
    exports = [f"exp-{i:02d}" for i in range(RECIPIENTS)]
    attack = _crop_points if attack_name == "crop_points" else attacks.ATTACKS[attack_name]
    t0 = time.perf_counter()
    if index < 0:
        named = _named(attack(p, f, seed=99)[0], reference, _KEY, exports, f"art-{case}")
        return {"case": case, "attack": attack_name, "index": index, "named": named,
                "seconds": time.perf_counter() - t0}
    marked = embed_mark(p, f, key=_KEY, export_id=exports[index], artifact_id=f"art-{case}", basis=basis)
    named = _named(attack(marked, f, seed=index)[0], reference, _KEY, exports, f"art-{case}")
    return {"case": case, "attack": attack_name, "index": index, "named": named,
            "right": exports[index] in named, "wrong": len([n for n in named if n != exports[index]]),
            "seconds": time.perf_counter() - t0}


def _tasks(cases: list[str], recipients: int) -> list[tuple[str, str, int]]:
    """Recipient-major order: whatever stops the run early, every attack on every scan has
    been tried with the same number of recipients (give or take one)."""
    from tests.exporters.tracing import attacks
    names = {case: POINT_ATTACKS if case == "bunny-points" else sorted(attacks.ATTACKS) for case in cases}
    out = [(case, name, -1) for case in cases for name in names[case]]
    out += [(case, name, i) for i in range(recipients) for case in cases for name in names[case]]
    return out


def _reliability(quick: bool, rows: list[dict], *, recipients: int | None = None, workers: int = 1,
                 deadline: float | None = None, log: Path | None = None) -> None:
    """Every attack on every scan with ``recipients`` marked copies each (``quick``: 1), every copy
    tested against all RECIPIENTS candidates, on ``workers`` processes; stops starting trials at
    the ``deadline`` (time.time()) and reports exactly what ran. ``log``: one JSON line per trial."""
    import json
    import multiprocessing
    from vitrine.exporters.tracing.recipient_mark import embed_mark
    cases = [case for case, rel in CASES if (SCANS / rel).is_file()]
    rows.extend(_row(case, "skipped", "-", "", note=f"{rel} not found") for case, rel in CASES if case not in cases)
    count = 1 if quick else (recipients or RECIPIENTS)
    tasks = _tasks(cases, count)
    done: list[dict] = []
    sink = log.open("a") if log else None
    pool = multiprocessing.get_context("fork").Pool(workers) if workers > 1 else None
    results = pool.imap(_trial, tasks) if pool else map(_trial, tasks)
    try:
        for result in results:
            done.append(result)
            if sink:
                sink.write(json.dumps(result) + "\n")
                sink.flush()
            if deadline is not None and time.time() > deadline:
                break
    finally:
        if pool:
            pool.terminate()
        if sink:
            sink.close()
    totals: dict[str, list[int]] = {}
    for case in cases:
        marked = [r for r in done if r["case"] == case and r["index"] >= 0]
        plain = [r for r in done if r["case"] == case and r["index"] < 0]
        per_attack = {}
        for r in marked:
            per_attack[r["attack"]] = per_attack.get(r["attack"], 0) + 1
            t = totals.setdefault(r["attack"], [0, 0, 0, 0])
            t[0] += r["right"]
            t[1] += r["wrong"]
            t[3] += 1
        for r in plain:
            totals.setdefault(r["attack"], [0, 0, 0, 0])[2] += bool(r["named"])
        if marked:
            copies = f"{min(per_attack.values())}-{max(per_attack.values())}"
            rows.append(_row(case, "right_named", round(100.0 * sum(r["right"] for r in marked) / len(marked), 2),
                             "%", ">= 99", f"{len(marked)} marked copies, {len(per_attack)} attacks x {copies} "
                             f"recipients, {RECIPIENTS} candidates each"))
            rows.append(_row(case, "wrong_named", sum(r["wrong"] for r in marked), "copies", "0"))
        rows.append(_row(case, "unmarked_matched", sum(bool(r["named"]) for r in plain), "copies", "0",
                         f"of {len(plain)} attacked unmarked copies"))
        p, f, _, basis = _case_data(case)
        marked_level, stats = embed_mark(p, f, key=_KEY, export_id="exp-00", artifact_id=f"art-{case}",
                                         return_stats=True, basis=basis)
        rows.append(_row(case, "displacement_rms", round(100 * stats.rms_fraction, 5), "% diag", "<= 0.01"))
        rows.append(_row(case, "displacement_max", round(100 * stats.max_fraction, 5), "% diag", "<= 0.05"))
        if f is not None:
            mean_deg, p99_deg, max_deg, grey = _screen_change(p, f, marked_level)
            rows.append(_row(case, "normal_deviation", f"{mean_deg:.2f} / {p99_deg:.2f} / {max_deg:.1f}", "deg",
                             note="mean / 99th pct / max over vertices (area-weighted normals)"))
            rows.append(_row(case, "shading_change_p99", round(grey, 2), "grey/255",
                             note="per-vertex Lambert headlight shading, no rasteriser"))
    for attack_name, (ok, bad, hit, n) in sorted(totals.items()):
        rows.append(_row(f"attack:{attack_name}", "right/wrong/unmarked", f"{ok}/{n} / {bad} / {hit}", "",
                         "all / 0 / 0", "over all scans"))
    rows.append(_row("all", "trials", len(done), "", note=f"of {len(tasks)} planned ({count} recipients per "
                     f"attack and scan, {workers} workers)"))


def _timings(quick: bool, rows: list[dict]) -> None:
    import fast_simplification
    from vitrine.exporters.bundle.glb_compression import compress_mesh
    from vitrine.assets.formats.glb_arrays import MeshData
    from vitrine.exporters.tracing.recipient_mark import MarkBasis, ReferenceSurface, embed_mark, mark_key
    from tests.exporters.tracing import attacks
    path = SCANS / "igea" / "igea.ply"
    if not path.is_file():
        rows.append(_row("igea-500k", "skipped", "-", "", note="igea.ply not found"))
        return
    p, f = _load(path)
    p, f = trimesh.remesh.subdivide_loop(p, f, iterations=1)
    p, f = fast_simplification.simplify(np.asarray(p, np.float32), np.asarray(f, np.int32), target_count=500_000)
    p, f = np.asarray(p, np.float32), np.asarray(f, np.int64)
    case = f"igea-{len(f) // 1000}k"
    key = mark_key(b"benchmark museum secret")
    exports = [f"exp-{i:02d}" for i in range(RECIPIENTS)]
    runs = 3 if quick else 7
    t0 = time.perf_counter()
    reference = ReferenceSurface.from_mesh(p, f)
    rows.append(_row(case, "reference_build", round(time.perf_counter() - t0, 3), "s",
                     note="normals + KD-tree of the unmarked level, once per level"))
    marked = embed_mark(p, f, key=key, export_id=exports[3], artifact_id="art")
    trace_s = []
    for i in range(runs):
        suspect = attacks.similarity(marked, f, seed=i)[0]
        t0 = time.perf_counter()
        named = _named(suspect, reference, key, exports, "art")
        trace_s.append(time.perf_counter() - t0)
        assert named == [exports[3]], named
    rows.append(_row(case, "trace_time", round(statistics.median(trace_s), 3), "s", "<= 10",
                     f"median of {runs}: align + residuals + {RECIPIENTS} candidates; suspect in memory"))
    mesh = MeshData(positions=p, triangles=f.astype(np.uint32))
    plain, marked_export, cold, warm = [], [], [], []
    basis = MarkBasis.for_level(p, f, key=key, artifact_id="art")
    for i in range(runs):  # alternating, same level, same process: load changes hit both alike
        t0 = time.perf_counter()
        compress_mesh(mesh, name=case, generator="bench")
        plain.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        moved = embed_mark(p, f, key=key, export_id=exports[i], artifact_id="art")  # as Marker.apply does
        cold.append(time.perf_counter() - t0)
        compress_mesh(MeshData(positions=moved, triangles=mesh.triangles), name=case, generator="bench")
        marked_export.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        embed_mark(p, f, key=key, export_id=exports[i], artifact_id="art", basis=basis)
        warm.append(time.perf_counter() - t0)
    base = statistics.median(plain)
    rows.append(_row(case, "export_time", round(base, 3), "s", note=f"compress_mesh, median of {runs}"))
    rows.append(_row(case, "export_time_marked", round(statistics.median(marked_export), 3), "s",
                     note=f"embed_mark from scratch + compress_mesh, median of {runs}, alternating with the above"))
    rows.append(_row(case, "mark_time", round(statistics.median(cold), 3), "s", note="embed_mark from scratch"))
    rows.append(_row(case, "mark_overhead", round(100 * (statistics.median(marked_export) / base - 1), 1), "%",
                     "<= 15", "marked export / unmarked export - 1 (mark built from scratch, as export does)"))
    rows.append(_row(case, "mark_overhead_cached_basis", round(100 * statistics.median(warm) / base, 1), "%", "<= 15",
                     "per further recipient of the same level (MarkBasis built once)"))


def run(quick: bool) -> list[dict]:
    rows: list[dict] = []
    _timings(quick, rows)
    _reliability(quick, rows)
    return rows


if __name__ == "__main__":
    import argparse
    from datetime import datetime, timezone
    parser = argparse.ArgumentParser(description="recipient's mark: reliability and timings")
    parser.add_argument("--quick", action="store_true", help="one marked recipient per attack and scan")
    parser.add_argument("--recipients", type=int, default=RECIPIENTS, help="marked recipients per attack and scan")
    parser.add_argument("--workers", type=int, default=1, help="processes for the reliability trials")
    parser.add_argument("--until", help="UTC HH:MM: start no trial after it, report what ran")
    parser.add_argument("--log", type=Path, help="append one JSON line per trial")
    parser.add_argument("--no-timings", action="store_true", help="reliability only")
    args = parser.parse_args()
    deadline = None
    if args.until:
        now = datetime.now(timezone.utc)
        hour, minute = (int(v) for v in args.until.split(":"))
        deadline = now.replace(hour=hour, minute=minute, second=0, microsecond=0).timestamp()
    table: list[dict] = []
    if not args.no_timings:
        _timings(args.quick, table)
    _reliability(args.quick, table, recipients=args.recipients, workers=args.workers, deadline=deadline,
                 log=args.log)
    from run import print_table  # type: ignore[import-not-found]
    print_table(table)
