"""Phone load benchmark (issue 13): the sample exhibit on a slow phone, side by side with
@google/model-viewer 4.4.0 showing the same GLB, both served by ``vitrine serve``
(exporters/delivery/static_server.py, with its Content-Encoding negotiation of the .br/.gz copies).

Profile: 390x844 touch screen, 4x CPU slowdown, 1.6 Mbps down, 150 ms round trips, Debian's
headless Chromium with SwiftShader WebGL (exporters/viewer/tests/phone_load.mjs). Every run is a
first visit: a fresh browser context, so an EMPTY HTTP cache, with the cache ENABLED (not
disabled), for Vitrine and model-viewer alike. Vitrine: ``vitrine.ready`` (shown and turnable:
the first script's WebGL 2 view of the coarsest levels), ``vitrine.loaded`` (three.js and the
whole viewer have taken over), ``vitrine.verified`` (its trust outcome, after ready in the web
profile) and the first frame with an artifact; model-viewer: its ``load`` event and the frame after. Bytes: transferred before that first frame. Prints the median of N
runs (``--runs``, default 5) for each, and the targets (ready <= 1.5 s, <= 250 kB).

The model-viewer page loads dist/model-viewer.min.js (an ES module, precompressed like the
bundle's files) and the GLB Vitrine draws first for the sample's first artifact (its coarsest
level); model-viewer decodes EXT_meshopt_compression with its own bundled decoder.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VIEWER = ROOT / "exporters" / "viewer"
MODEL_VIEWER = VIEWER / "node_modules" / "@google" / "model-viewer" / "dist" / "model-viewer.min.js"
READY_TARGET_MS, BYTES_TARGET = 1500, 250_000

MV_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>model-viewer</title>
<style>html,body{margin:0;height:100%;background:#20242a}model-viewer{width:100%;height:100%}</style>
<script>self.ModelViewerElement = {meshoptDecoderLocation: 'meshopt-ready.js'};</script>
<script type="module" src="model-viewer.min.js"></script>
</head><body><model-viewer src="model.glb" camera-controls alt="model"></model-viewer></body></html>
"""


def _serve(folder: Path):
    from vitrine.exporters.delivery.static_server import make_server
    server = make_server(folder, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/index.html"


def _run(url: str, kind: str, runs: int) -> dict:
    proc = subprocess.run(["node", str(VIEWER / "tests" / "phone_load.mjs"), url, "--kind", kind, "--runs", str(runs)],
                          capture_output=True, text=True, timeout=300 * runs)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise SystemExit(f"{kind}: no result ({proc.stderr[-800:]})")
    return json.loads(lines[-1])


def _median(result: dict, key: str) -> float:
    return statistics.median(r[key] for r in result["runs"]) if result["runs"] else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
    from vitrine.exporters.bundle_outputs.precompressed import compress
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    work = Path(tempfile.mkdtemp(prefix="bench-phone-"))
    try:
        project = write_sample_exhibit(work / "sample.vitrine")
        bundle = work / "bundle"
        export_bundle(project, bundle, viewer_dir=VIEWER)
        doc = json.loads((bundle / "exhibit.json").read_text("utf-8"))
        glb = bundle / doc["artifacts"][0]["models"][0]["file"]
        mv = work / "model-viewer"
        mv.mkdir()
        (mv / "index.html").write_text(MV_PAGE, encoding="utf-8")
        (mv / "meshopt-ready.js").write_text("/* model-viewer bundles its meshopt decoder */\n", encoding="utf-8")
        shutil.copyfile(MODEL_VIEWER, mv / "model-viewer.min.js")
        shutil.copyfile(glb, mv / "model.glb")
        for name in ("model-viewer.min.js", "model.glb", "index.html"):
            for suffix, data in compress((mv / name).read_bytes()).items():
                (mv / (name + suffix)).write_bytes(data)
        rows = []
        for kind, folder in (("vitrine", bundle), ("model-viewer", mv)):
            server, url = _serve(folder)
            try:
                rows.append(_run(url, kind, args.runs))
            finally:
                server.shutdown()
                server.server_close()
        print(f"slow phone (390x844, 4x CPU, 1.6 Mbps, 150 ms RTT), median of {args.runs} cold runs; "
              f"targets: ready <= {READY_TARGET_MS} ms, <= {BYTES_TARGET // 1000} kB before the first frame")
        print(f"{'page':<34}{'ready ms':>10}{'first frame ms':>16}{'kB before frame':>17}{'requests':>10}")
        for r in rows:
            label = "Vitrine (sample, 3 artifacts)" if r["kind"] == "vitrine" else f"model-viewer 4.4.0 ({glb.parent.name}/{glb.name})"
            print(f"{label:<34}{_median(r, 'readyMs'):>10.0f}{_median(r, 'firstFrameMs'):>16.0f}"
                  f"{_median(r, 'bytesBeforeFirstFrame') / 1000:>17.1f}{_median(r, 'requests'):>10.0f}")
            if r["kind"] == "vitrine" and r["runs"]:
                print(f"  viewer-ui.js (the rest) attached at {_median(r, 'restMs'):.0f} ms, whole viewer "
                      f"(vitrine.loaded) at {_median(r, 'loadedMs'):.0f} ms, trust outcome "
                      f"(vitrine.verified) at {_median(r, 'verifiedMs'):.0f} ms (medians); "
                      f"status {sorted({x['verified'] for x in r['runs']})}")
            if r["runs"]:
                # the run with the median ready time: what it fetched before its first frame, in order
                mid = sorted(r["runs"], key=lambda x: x["readyMs"])[len(r["runs"]) // 2]
                for f in mid.get("before", []):
                    print(f"  before frame  {f['name']:<44}{f['bytes'] / 1000:>8.1f} kB  {f['start']:>6}-{f['end']:<6} ms")
                for f in mid.get("after", []):
                    print(f"  after frame   {f['name']:<44}{f['bytes'] / 1000:>8.1f} kB  {f['start']:>6}-{f['end']:<6} ms")
            for e in r["errors"] + [x for run in r["runs"] for x in run["errors"]]:
                print(f"  {r['kind']} error: {e[:200]}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
