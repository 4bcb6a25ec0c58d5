"""Browser checks of the web viewer on bundles made by the Python exporter.

The bundles are exported from the project of tests/browser/viewer_project.py by
vitrine.exporters.bundle.bundle_writer.export_bundle (and so validated against the viewer document schema).

Each test runs one named check of exporters/viewer/tests/browser_checks.mjs
(Playwright + Debian's headless Chromium) and asserts on its JSON result.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.browser.browser_run import MISSING, VIEWER, run_check
from tests.browser.viewer_project import BACK, CAPTION, GLAZE, HOSTILE, VASE

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]


@pytest.fixture(scope="module")
def bundles(viewer_bundles) -> dict[str, Path]:
    return {"web": viewer_bundles("web"), "kiosk": viewer_bundles("kiosk", profile="kiosk"),
            "xss": viewer_bundles("xss", hostile=True)}


def test_fixture_models_are_valid_gltf(bundles):
    files = sorted(str(p) for p in (bundles["web"] / "models").rglob("*.glb"))
    proc = subprocess.run(["node", str(VIEWER / "tests" / "validate_glb.mjs"), *files], capture_output=True, text=True, timeout=60)
    reports = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.startswith("{")]
    assert len(reports) == len(files) == 3
    assert all(r["errors"] == 0 for r in reports), reports
    assert proc.returncode == 0


def _fingerprint(bundle: Path) -> str:
    return json.loads((bundle / "publisher-key.json").read_text("utf-8"))["fingerprint"]


def test_render_http(bundles, tmp_path):
    # opened as the museum's own link would, with its key pinned in the address (#key=...)
    pin = _fingerprint(bundles["web"])
    r = run_check(bundles["web"], "render-http", tmp_path, "--out", str(tmp_path / "render.png"), "--pin", pin)
    assert r["pass"], r
    assert r["mode"] == "fetch" and r["verification"]["status"] == "verified" and r["verification"]["pinned"] == pin
    assert all(d > 30 for d in r["differs"].values())
    assert r["levels"][VASE] == "medium"  # the finer level replaced the coarse one
    assert (tmp_path / "render.png").stat().st_size > 1000


def test_render_file(bundles, tmp_path):
    r = run_check(bundles["web"], "render-file", tmp_path)
    assert r["pass"], r
    assert r["mode"] == "script"
    # no pin: a valid signature is only "signed", by the key it names
    assert r["verification"]["status"] == "signed" and r["verification"]["fingerprint"] == _fingerprint(bundles["web"])


def test_hotspots(bundles, tmp_path):
    r = run_check(bundles["web"], "hotspots", tmp_path)
    assert r["pass"], r
    assert r["count"] == r["annotations"] == 3
    assert r["occluded"] == [BACK]  # behind the vase from the start view
    assert r["panel"]["captions"] and r["panel"]["img"]


def test_captions_from_file(bundles, tmp_path):
    # file:// refuses <track src="media/x.vtt"> (cross-origin): the track reads the embedded text
    r = run_check(bundles["web"], "captions-file", tmp_path)
    assert r["pass"], r
    assert r["cues"] == [CAPTION] and r["src"] == "blob" and r["console"] == []


def test_language(bundles, tmp_path):
    r = run_check(bundles["web"], "language", tmp_path)
    assert r["pass"], r
    assert r["after"]["title"] == "釉滴" and r["after"]["label"] == "语言"


def test_tour(bundles, tmp_path):
    r = run_check(bundles["web"], "tour", tmp_path)
    assert r["pass"], r
    assert r["stepMoved"] > 0.1 and r["reducedMotionCut"] > 0.1


def test_touch(bundles, tmp_path):
    r = run_check(bundles["web"], "touch", tmp_path)
    assert r["pass"], r


def test_kiosk_idle(bundles, tmp_path):
    r = run_check(bundles["kiosk"], "kiosk-idle", tmp_path)
    assert r["pass"], r
    assert r["languageAfterIdle"] == "en" and r["attract"]


def test_vr(bundles, tmp_path):
    r = run_check(bundles["web"], "vr", tmp_path)
    assert r["pass"], r
    assert r["frames"] > 10 and r["opened"] == GLAZE


def test_ar(bundles, tmp_path):
    r = run_check(bundles["web"], "ar", tmp_path)
    assert r["pass"], r


def test_no_external_requests(bundles, tmp_path):
    r = run_check(bundles["web"], "no-external-requests", tmp_path)
    assert r["pass"], r
    assert r["outside"] == []


def test_xss(bundles, tmp_path):
    r = run_check(bundles["xss"], "xss", tmp_path)
    assert r["pass"], r
    assert r["dialogs"] == [] and r["panelTitle"] == HOSTILE["ann"]


def test_tamper(bundles, tmp_path):
    r = run_check(bundles["web"], "tamper", tmp_path)
    assert r["pass"], r
    assert r["web"]["verification"]["files"] == ["models/painted-vase/low.glb"]
    assert r["kiosk"]["refused"] == [VASE]
    assert r["signature"]["files"] == ["manifest.json"]


def test_viewer_refuses_another_document_version_with_a_clear_notice(bundles, tmp_path):
    """A document of another schema_version, or without required parts, shows one notice (the
    shared label, in the exhibit's first language) and no 3D view."""
    from vitrine.exporters.document.viewer_contract import VIEWER_DOCUMENT_VERSION
    from vitrine.exporters.document.visitor_rules import label
    r = run_check(bundles["web"], "document-check", tmp_path)
    assert r["pass"], r
    assert r["version"]["text"] == label("en", "documentVersion", found=99, expected=VIEWER_DOCUMENT_VERSION)
    assert r["structure"]["text"] == label("en", "documentBroken", problems="$.tours, $.artifacts[0].models")
