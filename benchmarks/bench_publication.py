"""Publication benchmark: what the recipient's mark adds to export time, and how long
``vitrine trace`` takes on a model taken straight out of the bundle.

For each real scan (../shared/scans; rows skipped when missing) a project is made with
``vitrine add`` (levels of detail as the editor makes them), then exported three times with the mark
and three times with the mark replaced by a no-op (measurement only), keeping the fastest of each
set. The finest published GLB of the marked bundle is then traced (targets: the mark adds
<= 15 % to export time; tracing a 500,000-face suspect takes <= 10 s).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCANS = ROOT.parent / "shared" / "scans"
CASES = [("igea", "igea/igea.ply"), ("bunny", "stanford-bunny/bunny.obj")]


def _row(case: str, metric: str, value: object, unit: str, target: str = "", note: str = "") -> dict:
    return {"benchmark": "publication", "case": case, "metric": metric, "value": value, "unit": unit,
            "target": target, "note": note}


class _NoMark:
    def apply(self, mesh, artifact_id):
        return mesh


def _export_seconds(project, out: Path, viewer: Path, marked: bool) -> tuple[float, object]:
    import vitrine.exporters.bundle.bundle_writer as bw
    original = bw.marker_for
    if not marked:
        bw.marker_for = lambda secret, export_id: _NoMark()
    try:
        best, rep = float("inf"), None
        for n in range(3):
            t0 = time.perf_counter()
            rep = bw.export_bundle(project, out / f"{'m' if marked else 'u'}{n}", viewer_dir=viewer,
                                   recipient="benchmark")
            best = min(best, time.perf_counter() - t0)
        return best, rep
    finally:
        bw.marker_for = original


def run(quick: bool) -> list[dict]:
    from vitrine.app.cli import main as cli
    from vitrine.exporters.bundle.bundle_writer import VIEWER_DIR
    from vitrine.exporters.tracing.suspect_trace import trace_suspect
    from vitrine.scenes.storage.project_store import Project
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        os.environ["VITRINE_CONFIG_DIR"] = str(tmpd / "config")  # a throw-away signing key
        for case, rel in CASES[:1] if quick else CASES:
            src = SCANS / rel
            if not src.is_file():
                rows.append(_row(case, "skipped", "-", "", note=f"{rel} not found"))
                continue
            path = tmpd / f"{case}.vitrine"
            cli(["new", str(path), "--title", case])
            cli(["add", str(path), str(src)])
            project = Project.open(path)
            marked_s, rep = _export_seconds(project, tmpd, VIEWER_DIR, True)
            plain_s, _ = _export_seconds(project, tmpd, VIEWER_DIR, False)
            rows.append(_row(case, "export_marked", round(marked_s, 2), "s"))
            rows.append(_row(case, "export_unmarked", round(plain_s, 2), "s"))
            rows.append(_row(case, "mark_overhead", round(100 * (marked_s / plain_s - 1), 1), "%", "<= 15 %"))
            finest = max(rep.models, key=lambda m: m["faces"] + m["points"])
            t0 = time.perf_counter()
            result = trace_suspect(Project.open(path), rep.out_dir / finest["file"])
            seconds = time.perf_counter() - t0
            rows.append(_row(case, "trace_time", round(seconds, 2), "s", "<= 10 s (500k faces)",
                             note=f"{finest['level']} level, {finest['faces']:,} faces; match={result.match}, "
                                  f"p={result.confidence:.1e}"))
            if case == "igea":  # a suspect above 500,000 faces: the marked original, subdivided once
                import trimesh
                from vitrine.assets.levels.meshopt_glb import read_compressed_glb
                mesh = read_compressed_glb(rep.out_dir / finest["file"])
                big = trimesh.Trimesh(mesh.positions, mesh.triangles, process=False).subdivide()
                suspect = tmpd / "igea-subdivided.ply"
                big.export(suspect)
                t0 = time.perf_counter()
                result = trace_suspect(Project.open(path), suspect)
                rows.append(_row(case, "trace_time_large", round(time.perf_counter() - t0, 2), "s", "<= 10 s",
                                 note=f"PLY, {len(big.faces):,} faces; match={result.match}, "
                                      f"p={result.confidence:.1e}"))
    return rows


if __name__ == "__main__":
    from run import print_table  # type: ignore[import-not-found]
    print_table(run("--quick" in sys.argv))
