"""Viewer load benchmark: how fast a visitor sees a million-face artifact.

A project gets one artifact imported with ``vitrine.app.workflows.project_import.import_scan``
(levels of detail generated as in the editor) from igea.ply after one step of
Loop subdivision (1,074,744 faces; quick mode: plain igea.ply, 268,686 faces).
The bundle from ``vitrine.exporters.bundle.bundle_writer.export_bundle`` is served on
127.0.0.1 by ``vitrine.exporters.delivery.static_server`` and opened in Debian's headless
Chromium by ``exporters/viewer/tests/measure_load.mjs`` (cold visits, HTTP cache
off). Figures, in ms since navigation start: the first frame drawn with the
artifact in it (the first script's WebGL 2 view where there is one; and which
level that was), ``vitrine.ready`` (shown and turnable), the first frame
with the finest level the page plans; and the bytes transferred before the first
artifact frame. Desktop over localhost (target: first frame <= 1.5 s), then a
slow phone (4x CPU throttling, 1.6 Mbps, 150 ms RTT; figures only).
Rows are skipped, with a note, when the scans, node, the viewer build or Chromium are missing.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCANS = Path(os.environ.get("VITRINE_SCANS", ROOT.parent / "shared" / "scans"))
VIEWER = ROOT / "exporters" / "viewer"
MEASURE = VIEWER / "tests" / "measure_load.mjs"
CHROMIUM = Path(os.environ.get("VITRINE_CHROMIUM", "/usr/bin/chromium"))
NAME = "viewer_load"
FIRST_FRAME_TARGET_MS = 1500


def _row(case: str, metric: str, value, unit: str, target: str = "", note: str = "") -> dict:
    return {"benchmark": NAME, "case": case, "metric": metric, "value": value, "unit": unit,
            "target": target, "note": note}


def _missing() -> Optional[str]:
    if not (SCANS / "igea" / "igea.ply").is_file():
        return f"{SCANS / 'igea' / 'igea.ply'} not found"
    if shutil.which("node") is None:
        return "node is not installed"
    if not (VIEWER / "node_modules" / "playwright-core").is_dir():
        return "playwright-core missing: npm ci in exporters/viewer"
    if not (VIEWER / "dist" / "viewer.js").is_file():
        return "viewer not built: npm run build in exporters/viewer"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} missing: apt-get install chromium"
    return None


def _scan(tmp: Path, quick: bool) -> tuple[Path, str]:
    """The scan file to import and a note saying what it is."""
    src = SCANS / "igea" / "igea.ply"
    if quick:
        return src, "igea.ply as shipped (268,686 faces)"
    import trimesh
    mesh = trimesh.load(src, force="mesh")
    dense = mesh.subdivide_loop(iterations=1)  # trimesh.remesh.subdivide_loop: 4x the faces
    out = tmp / "igea-loop1.ply"
    out.write_bytes(trimesh.exchange.ply.export_ply(dense, encoding="binary"))
    return out, f"igea.ply + one Loop subdivision step ({len(dense.faces):,} faces)"


def _bundle(tmp: Path, scan: Path) -> tuple[Path, list[dict], float, float]:
    """(bundle folder, model entries, import s, export s) for a one-artifact project."""
    from vitrine.app.workflows.project_import import import_scan
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.scenes.storage.project_store import Project
    project = Project.create(tmp / "load.vitrine", title="Load benchmark", languages=["en"])
    t0 = time.perf_counter()
    result = import_scan(project, scan, name="Igea", units="m", up="z")
    project.document.history.push(result.command)
    project.save()
    t1 = time.perf_counter()
    rep = export_bundle(project, tmp / "bundle")
    return tmp / "bundle", rep.models, t1 - t0, time.perf_counter() - t1


def _measure(url: str, *, runs: int, slow: bool) -> dict:
    cmd = ["node", str(MEASURE), url, "--runs", str(runs)] + (["--slow-phone"] if slow else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd=VIEWER)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"runs": [], "errors": [f"rc={proc.returncode}: {proc.stderr.strip()[-300:]}"]}
    return json.loads(lines[-1])


def _median(runs: list[dict], key: str):
    values = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
    return round(statistics.median(values)) if values else "-"


def _profile_rows(case: str, result: dict, *, target: bool) -> list[dict]:
    runs = result.get("runs", [])
    if not runs:
        return [_row(case, "error", "failed", "", note="; ".join(result.get("errors", []))[:200])]
    n = f"median of {len(runs)} cold visit(s)" if len(runs) > 1 else "one cold visit"
    first_levels = sorted({str(r.get("firstLevel")) for r in runs})
    finest = runs[0].get("finestLevel")
    first = _median(runs, "firstFrameMs")
    rows = [
        _row(case, "first_artifact_frame", first, "ms", f"<= {FIRST_FRAME_TARGET_MS}" if target else "",
             f"{n}; level drawn first: {', '.join(first_levels)}"),
        _row(case, "ready", _median(runs, "readyMs"), "ms", note="vitrine.ready resolved"),
        _row(case, "finest_level_shown", _median(runs, "finestMs"), "ms",
             note=f"first frame with '{finest}' (the finest this page plans)"
                  + ("" if all(r.get("finestMs") is not None for r in runs) else "; not reached in some runs")),
        _row(case, "bytes_before_first_frame", _median(runs, "bytesBeforeFirstFrame"), "B",
             note=f"{_median(runs, 'requestsBeforeFirstFrame')} requests complete"),
    ]
    errors = sorted({e for r in runs for e in r.get("errors", [])} | set(result.get("errors", [])))
    if errors:
        rows.append(_row(case, "page_errors", len(errors), "", note="; ".join(errors)[:200]))
    if target and isinstance(first, int) and first > FIRST_FRAME_TARGET_MS:
        before = [r for r in runs[0].get("timeline", []) if r["end"] <= runs[0].get("firstFrameMs", 0)]
        slowest = max(before, key=lambda r: r["end"] - r["start"], default=None)
        if slowest:
            rows[0]["note"] += f"; slowest request before it: {slowest['name']} {slowest['end'] - slowest['start']} ms"
    return rows


def run(quick: bool) -> list[dict]:
    reason = _missing()
    if reason:
        return [_row("-", "skipped", "-", "", note=reason)]
    rows: list[dict] = []
    old_config = os.environ.get("VITRINE_CONFIG_DIR")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["VITRINE_CONFIG_DIR"] = str(tmp / "config")  # a throwaway signing key, never the user's
        try:
            scan, note = _scan(tmp, quick)
            bundle, models, import_s, export_s = _bundle(tmp, scan)
        finally:
            if old_config is None:
                os.environ.pop("VITRINE_CONFIG_DIR", None)
            else:
                os.environ["VITRINE_CONFIG_DIR"] = old_config
        rows.append(_row("bundle", "input", note.split("(")[-1].rstrip(")"), "", note=note))
        rows.append(_row("bundle", "import_and_export", round(import_s + export_s, 1), "s",
                         note=f"import {import_s:.1f} s, export {export_s:.1f} s"))
        for m in models:
            rows.append(_row("bundle", f"model_{m['level']}", m["bytes"], "B", note=f"{m['faces']:,} faces"))
        from vitrine.exporters.delivery.static_server import BundleRequestHandler, make_server, url_of

        class QuietHandler(BundleRequestHandler):
            def log_message(self, *args) -> None:  # one line per request would bury the table
                pass

        server = make_server(bundle, port=0)
        server.RequestHandlerClass = functools.partial(QuietHandler, **server.RequestHandlerClass.keywords)
        server.handle_error = lambda *a, **k: None  # a page closed mid-download is not news
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = url_of(server)
            rows += _profile_rows("localhost", _measure(url, runs=1 if quick else 3, slow=False), target=True)
            rows += _profile_rows("slow_phone", _measure(url, runs=1, slow=True), target=False)
        finally:
            server.shutdown()
            server.server_close()
    return rows


if __name__ == "__main__":
    from run import print_table  # type: ignore[import-not-found]
    print_table(run(quick="--quick" in sys.argv))
