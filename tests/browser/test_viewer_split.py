"""The viewer in three classic scripts (issue 13, phone-first loading): viewer-first.js, small and
without three.js, draws the start view from the first levels and lets the visitor turn it;
viewer.js (three.js, the scene) is loaded after that first frame, pinned by the SHA-384 that
viewer-first.js carries, and takes over; viewer-ui.js (interface, tours, tape, XR, kiosk) follows,
pinned by viewer.js. The sample exhibit, exported by the real exporter, served by `vitrine serve`
and opened from file:// (exporters/viewer/tests/split_check.mjs)."""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import threading
from pathlib import Path

import brotli
import pytest

from tests.browser.browser_run import MISSING, VIEWER, run_node_script

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]

# Upper bounds on the scripts as sent (brotli, quality 11). The first script is what a phone waits
# for before it shows the exhibit: at 1.6 Mbps each 20 kB is 0.1 s. viewer.js is three.js's
# WebGLRenderer and shaders (~135 kB) with the scene; the interface and the rest stay in viewer-ui.js.
FIRST_SCRIPT_MAX_BR = 25_000
MAIN_SCRIPT_MAX_BR = 155_000
REST_MAX_BR = 25_000
# What the page may fetch before its first frame: the page, its styles and poster, the two
# scripts index.html names, the first (coarsest) level of each artifact. Not three.js, not the
# rest, not the manifest.
BEFORE_FIRST_FRAME = {"index.html", "viewer.css", "fonts.css", "posters/exhibit.webp", "data/exhibit.js", "viewer-first.js"}
PAYLOAD = b"\n;window.__vitrinePwned = true;\n"


def _serve(folder: Path):
    from vitrine.exporters.delivery.static_server import make_server, url_of
    server = make_server(folder, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, url_of(server)


@pytest.fixture(scope="module")
def split(tmp_path_factory):
    from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    base = tmp_path_factory.mktemp("split")
    bundle = base / "bundle"
    export_bundle(write_sample_exhibit(base / "sample.vitrine"), bundle, viewer_dir=VIEWER)
    # the attacker appends to viewer-ui.js (and its precompressed copies, which vitrine serve prefers)
    tampered, tampered_main = base / "tampered", base / "tampered-main"
    for folder, name in ((tampered, "viewer-ui.js"), (tampered_main, "viewer.js")):
        shutil.copytree(bundle, folder)
        (folder / name).write_bytes((folder / name).read_bytes() + PAYLOAD)
        for suffix in (".br", ".gz"):
            (folder / (name + suffix)).unlink(missing_ok=True)
    servers = [_serve(bundle), _serve(tampered), _serve(tampered_main)]
    try:
        result = run_node_script("split_check.mjs", "--http", servers[0][1], "--file", (bundle / "index.html").as_uri(),
                                 "--tampered", servers[1][1], "--tampered-main", servers[2][1], "--nowebgl", servers[0][1])
    finally:
        for server, _url in servers:
            server.shutdown()
            server.server_close()
    return bundle, result


def test_first_script_is_small_and_the_rest_is_apart(split):
    bundle, _result = split
    first = (bundle / "viewer-first.js").read_bytes()
    main = (bundle / "viewer.js").read_bytes()
    rest = (bundle / "viewer-ui.js").read_bytes()
    assert len(brotli.compress(first, quality=11)) <= FIRST_SCRIPT_MAX_BR
    assert len(brotli.compress(main, quality=11)) <= MAIN_SCRIPT_MAX_BR
    assert len(brotli.compress(rest, quality=11)) <= REST_MAX_BR
    # three.js is in viewer.js only: the first script draws with WebGL 2 itself, the rest reads
    # three from window.VitrineShared
    assert b"WebGLRenderer" in main and b"WebGLRenderer" not in first and b"WebGLRenderer" not in rest
    assert b"VitrineShared" in rest


def test_every_script_is_signed_and_each_pins_the_next(split):
    bundle, _result = split
    listed = {f["path"]: f for f in json.loads((bundle / "manifest.json").read_text("utf-8"))["files"]}
    chain = ["viewer-first.js", "viewer.js", "viewer-ui.js"]
    for name in chain:
        assert listed[name]["sha256"] == hashlib.sha256((bundle / name).read_bytes()).hexdigest()
    for loader, loaded in zip(chain, chain[1:]):
        pin = "sha384-" + base64.b64encode(hashlib.sha384((bundle / loaded).read_bytes()).digest()).decode()
        assert pin.encode() in (bundle / loader).read_bytes(), (loader, loaded)
    # index.html names only the first script; data/manifest.js is loaded by the viewer where needed
    page = (bundle / "index.html").read_text("utf-8")
    assert '<script src="viewer-first.js"></script>' in page
    assert '"viewer.js"' not in page and "viewer-ui.js" not in page and "data/manifest.js" not in page


def test_three_the_rest_and_the_manifest_come_after_the_first_frame(split):
    r = split[1]["http"]
    assert r["outcome"] == "loaded" and r["errors"] == [] and r["consoleErrors"] == [], r
    early, t = r["early"], r["timings"]
    # the first script's view is drawn and turnable (ready) before three.js is even asked for;
    # the full viewer then draws, attaches the rest, is loaded, and the first view is gone
    frame = early["firstFrameAt"]
    assert frame is not None and frame <= early["readyAt"] < t["firstArtifactFrameAt"] <= t["restAt"] <= early["loadedAt"], r
    assert r["firstViewLeft"] == 0
    started = {q["name"]: q["start"] for q in r["requests"]}
    before = {q["name"] for q in r["requests"] if q["start"] < frame}
    extra = {n for n in before - BEFORE_FIRST_FRAME if not n.endswith("/thumbnail.glb")}
    assert extra == set(), r["requests"]
    # each first level crosses the wire once: viewer.js takes the first view's bytes
    thumbs = [q["name"] for q in r["requests"] if q["name"].endswith("/thumbnail.glb")]
    assert thumbs and len(thumbs) == len(set(thumbs)), thumbs
    for name in ("viewer.js", "viewer-ui.js", "manifest.json", "manifest.sig", "publisher-key.json"):
        assert started[name] >= frame, (name, r["requests"])
    # over http the signed manifest.json is read once; its script copy is for file:// only
    assert "data/manifest.js" not in started and r["hasManifestGlobal"] is False
    assert r["verification"]["status"] == "signed" and r["rest"] and r["toolbar"] and r["hotspots"] > 0


def test_file_urls_still_load_both_scripts(split):
    r = split[1]["file"]
    assert r["outcome"] == "loaded" and r["errors"] == [], r
    assert r["rest"] and r["toolbar"] and r["hotspots"] > 0
    # no fetch from file://: the manifest comes from data/manifest.js, loaded as a script
    assert r["hasManifestGlobal"] is True and r["verification"]["signature"] == "valid"
    assert {"viewer-ui.js", "data/manifest.js"} <= set(r["asked"])


def test_a_tampered_main_script_never_runs_and_the_first_view_gives_way(split):
    """The attacker appends to viewer.js: the first view was drawn (ready), but the altered
    script is refused by its pin, never runs, and the page says so instead of the exhibit."""
    r = split[1]["tampered_main"]
    assert r["pwned"] is False and r["rest"] is False
    assert r["outcome"] == "rejected: viewer.js could not be loaded (missing or altered)"
    assert r["verified"] == "rejected: viewer.js could not be loaded (missing or altered)"
    assert r["fatal"] == "This exhibit is not shown: viewer.js is missing or does not match the signed manifest."
    assert r["ready"] == "ready" and r["canvases"] == 0 and r["poster"], r
    assert any("integrity" in e and "viewer.js" in e for e in r["consoleErrors"]), r["consoleErrors"]


def test_a_tampered_rest_never_runs(split):
    r = split[1]["tampered"]
    assert r["pwned"] is False and r["rest"] is False and r["ready"] == "ready"
    assert r["outcome"] == "rejected: viewer-ui.js could not be loaded (missing or altered)"
    assert "viewer-ui.js could not be loaded (missing or altered)" in r["fatal"]
    assert any("integrity" in e and "viewer-ui.js" in e for e in r["consoleErrors"]), r["consoleErrors"]


def test_ready_does_not_wait_for_the_trust_outcome_and_the_hashes_reuse_the_cache(split):
    """Web profile: ready (shown, interactive) comes first, vitrine.verified after it; hashing
    the page's own files reads them from the HTTP cache instead of downloading them again."""
    r = split[1]["http"]
    t = r["timings"]
    assert t["verifiedAt"] is not None and r["early"]["readyAt"] <= t["readyAt"] < t["verifiedAt"], t
    assert r["verification"]["status"] == "signed"
    for name in ("viewer-first.js", "viewer.js", "viewer-ui.js", "data/exhibit.js"):
        reads = [q for q in r["requests"] if q["name"] == name]
        # first read over the network, the hash's read from the cache (0 bytes transferred)
        assert len(reads) == 2 and reads[0]["transfer"] > 0 and reads[1]["transfer"] == 0, (name, reads)
        assert reads[1]["body"] == reads[0]["body"] and reads[1]["start"] >= t["readyAt"], (name, reads)
    # the signed manifest is always asked of the server
    manifest = [q for q in r["requests"] if q["name"] == "manifest.json"]
    assert len(manifest) == 1 and manifest[0]["transfer"] > 0, manifest


def test_a_browser_without_webgl_gets_the_notice_and_both_promises_reject(split):
    r = split[1]["nowebgl"]
    message = "This exhibit needs WebGL, which this browser does not provide."
    assert r["outcome"] == f"rejected: {message}" and r["verified"] == f"rejected: {message}", r
    assert r["ready"] == f"rejected: {message}", r
    assert r["fatal"].endswith(message) and r["canvases"] == 0 and r["errors"] == [], r
