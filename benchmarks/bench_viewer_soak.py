"""Soak: does anything grow while the viewer (and the editor) run for a long time? (issue 16)

Viewer (headless Chromium via exporters/viewer/tests/leak_soak.mjs, on the sample exhibit exported
as a web and a kiosk bundle, from file://):
- visitor: 1,000 visitor cycles (quick: 100); each opens and closes every annotation, switches the
  language and back, starts a tour, steps it twice, stops it, and rebuilds the XR markers;
- kiosk: 24 simulated hours (quick: 24 too, it is cheap) on the browser clock (page.clock): each
  hour a visitor touches the screen and runs a cycle, a kiosk notice is shown and cleared, then the
  idle timeout resets the page and the attract loop runs;
- phone: visitor cycles in a 390x844 touch viewport (200; quick: 30);
- levels: level swaps of every artifact with several levels, over http (100; quick: 20).
Counts after GC (HeapProfiler.collectGarbage): DOM nodes, JS event listeners (Memory.getDOMCounters),
JS heap used (Runtime.getHeapUsage), three.js renderer.info geometries/textures/programs and live
captions blob: URLs (vitrine.debugInfo()).

Editor (Qt under Xvfb, a child process): repeated open of a copy of the sample project, import of a
small scan, delete of that artifact, and close (no project), 40 times (quick: 10); RSS from
/proc/self/statm and the GL buffers/textures/programs alive in the viewport's context (glIsBuffer
etc. over the first 4,096 names).

Figures are growth from a baseline taken after warm-up, per cycle or per simulated hour. Printed,
never asserted (tests/browser/test_viewer_leaks.py asserts the counts).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
VIEWER = ROOT / "exporters" / "viewer"
SOAK = VIEWER / "tests" / "leak_soak.mjs"
DISPLAY_NUMBER = os.environ.get("VITRINE_BENCH_DISPLAY", ":108")


def _row(case: str, metric: str, value: float, unit: str, note: str = "") -> dict:
    return {"benchmark": "viewer_soak", "case": case, "metric": metric, "value": value, "unit": unit, "note": note}


def _export_sample(base: Path) -> dict[str, Path]:
    env_saved = os.environ.get("VITRINE_CONFIG_DIR")
    os.environ["VITRINE_CONFIG_DIR"] = str(base / "config")  # a throw-away signing key
    try:
        from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
        from vitrine.exporters.bundle.bundle_writer import export_bundle
        project = write_sample_exhibit(base / "sample.vitrine")
        export_bundle(project, base / "web", viewer_dir=VIEWER)
        export_bundle(project, base / "kiosk", viewer_dir=VIEWER, profile="kiosk")
    finally:
        if env_saved is None:
            os.environ.pop("VITRINE_CONFIG_DIR", None)
        else:
            os.environ["VITRINE_CONFIG_DIR"] = env_saved
    return {"web": base / "web", "kiosk": base / "kiosk", "project": base / "sample.vitrine"}


def _soak(bundle: Path, scenario: str, *args: str) -> dict:
    proc = subprocess.run(["node", str(SOAK), str(bundle), "--scenario", scenario, *args],
                          capture_output=True, text=True, timeout=3600)
    lines = proc.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(f"leak_soak.mjs {scenario}: no output: {proc.stderr[-500:]}")
    result = json.loads(lines[-1])
    if "error" in result:
        raise RuntimeError(f"leak_soak.mjs {scenario}: {result['error'][:300]}")
    return result


def _viewer_rows(case: str, result: dict) -> list[dict]:
    per = "perHour" if "perHour" in result else "perCycle"
    unit_per = "hour" if per == "perHour" else "cycle"
    n = result["hours"] if per == "perHour" else result["cycles"]
    note = (f"{n} {'simulated hours' if per == 'perHour' else 'cycles'}; baseline nodes {result['baseline']['nodes']}, "
            f"listeners {result['baseline']['listeners']}, heap {result['baseline']['heapKB']} KB")
    rows = []
    for key, unit in (("nodes", "nodes"), ("listeners", "listeners"), ("heapKB", "KB"), ("geometries", "geometries"),
                      ("textures", "textures"), ("programs", "programs"), ("blobUrls", "URLs")):
        rows.append(_row(case, f"{key} growth per {unit_per}", result[per][key], f"{unit}/{unit_per}", note))
    if per == "perCycle" and len(result["samples"]) >= 2:
        # The JS heap's growth over the last half alone: V8's optimised code settles in the first cycles.
        half = result["samples"][len(result["samples"]) // 2 - 1]
        last = result["samples"][-1]
        span = last["cycle"] - half["cycle"]
        if span:
            rows.append(_row(case, "heapKB growth per cycle, second half", round((last["heapKB"] - half["heapKB"]) / span, 3),
                             "KB/cycle", f"cycles {half['cycle']}..{last['cycle']}"))
    return rows


def _editor_rows(project: Path, cycles: int, work: Path) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="xcb")
    xvfb = None
    if not env.get("DISPLAY"):
        xvfb = subprocess.Popen(["Xvfb", DISPLAY_NUMBER, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        env["DISPLAY"] = DISPLAY_NUMBER
    try:
        proc = subprocess.run([sys.executable, str(HERE / "editor_soak_child.py"), str(project), str(work), str(cycles)],
                              capture_output=True, text=True, timeout=1800, env=env)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"editor soak: no output: {proc.stderr[-800:]}")
    r = json.loads(lines[-1])
    note = f"{r['cycles']} open/import/delete/close cycles; baseline RSS {r['baseline']['rss_mb']:.0f} MB"
    rows = [_row("editor", "RSS growth per cycle", round(r["per_cycle"]["rss_mb"], 3), "MB/cycle", note),
            _row("editor", "RSS growth per cycle, second half", round(r["second_half_per_cycle"]["rss_mb"], 3), "MB/cycle", note)]
    for key in ("buffers", "textures", "programs"):
        rows.append(_row("editor", f"GL {key} growth per cycle", round(r["per_cycle"][key], 3), f"{key}/cycle",
                         f"baseline {r['baseline'][key]}"))
    return rows


def run(quick: bool = False) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="vitrine-soak-") as tmp:
        base = Path(tmp)
        bundles = _export_sample(base)
        rows += _viewer_rows("visitor (800x600)", _soak(bundles["web"], "visitor", "--cycles", "100" if quick else "1000"))
        rows += _viewer_rows("kiosk attract + idle resets", _soak(bundles["kiosk"], "kiosk", "--hours", "24"))
        rows += _viewer_rows("phone (390x844 touch)", _soak(bundles["web"], "phone", "--cycles", "30" if quick else "200"))
        rows += _viewer_rows("level swaps", _soak(bundles["web"], "levels", "--cycles", "20" if quick else "100"))
        if shutil.which("Xvfb") or os.environ.get("DISPLAY"):
            rows += _editor_rows(bundles["project"], 10 if quick else 40, base / "editor")
    return rows


if __name__ == "__main__":
    from benchmarks.run import print_table
    print_table(run(quick="--quick" in sys.argv))
