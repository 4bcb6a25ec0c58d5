"""Phones, links and kiosks in Chromium (issue 13 parts 3-6): deep links, the iOS AR Quick Look
link, Scene Viewer only over https, embed pages, and the kiosk's QR codes read back from a
screenshot, module by module, against segno's matrix for the expected URL."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
import segno
from PIL import Image

from tests.browser.browser_run import MISSING, ROOT, VIEWER, run_check
from tests.browser.viewer_project import BOX, GLAZE, TOUR, VIEWER_DIR, make_viewer_project

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]

PUBLIC = "https://museum.example/exhibits/pots/"


@pytest.fixture(scope="module")
def bundles(tmp_path_factory) -> dict[str, Path]:
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    base = tmp_path_factory.mktemp("terminals")
    (base / "p").mkdir()
    project = make_viewer_project(base / "p")
    return {"web": export_bundle(project, base / "web", viewer_dir=VIEWER_DIR, public_url=PUBLIC).out_dir,
            "kiosk": export_bundle(project, base / "kiosk", profile="kiosk", viewer_dir=VIEWER_DIR,
                                   public_url=PUBLIC).out_dir,
            "kiosk-offline": export_bundle(project, base / "kiosk-offline", profile="kiosk",
                                           viewer_dir=VIEWER_DIR).out_dir}


def _pin(bundle: Path) -> str:
    return json.loads((bundle / "publisher-key.json").read_text("utf-8"))["fingerprint"]


def test_deep_links_open_there_and_follow_the_visitor(bundles, tmp_path):
    pin = _pin(bundles["web"])
    r = run_check(bundles["web"], "deep-links", tmp_path, "--pin", pin, timeout=300)
    assert r["pass"], r
    o = r["opened"]
    assert o["annotation"]["annotation"] == GLAZE and o["annotation"]["verification"] == "verified"
    assert o["annotation"]["hash"] == f"#annotation={GLAZE}&key={pin}"  # the pin kept as it was
    assert o["tour"]["tour"]["id"] == TOUR and o["tour"]["tour"]["step"] == o["tour"]["tour"]["steps"] - 1
    assert o["tour"]["firstHash"] == f"#tour={TOUR}&step={o['tour']['tour']['steps']}"
    assert o["artifact"]["hash"] == f"#artifact={BOX}" and o["artifact"]["annotation"] is None
    box = json.loads((bundles["web"] / "exhibit.json").read_text("utf-8"))
    t = next(a for a in box["artifacts"] if a["id"] == BOX)["transform"]["translation"]
    assert abs(o["artifact"]["target"][0] - t[0]) < 1e-3 and abs(o["artifact"]["target"][2] - t[2]) < 1e-3
    assert o["lang"]["language"] == "zh-Hans" and o["lang"]["hash"] == "#lang=zh-Hans"
    f = r["follows"]
    assert f["start"] == f"#key={pin}"
    assert f["open"] == f"#annotation={GLAZE}&key={pin}"
    assert f["close"] == f"#key={pin}"
    assert f["tour"].startswith(f"#tour={TOUR}&step=1") and f["tour"].endswith(f"&key={pin}")
    assert "&lang=zh-Hans&key=" in f["lang"]
    assert f["end"] == f"#lang=zh-Hans&key={pin}" and f["verification"] == "verified"
    for name, h in r["hostile"].items():
        assert h["errors"] == [] and h["dialogs"] == 0 and h["injected"] == 0, name
        assert h["language"] == "en", name
        if name != "badStep":
            assert h["annotation"] is None and h["tour"] is None, name
    # a step that is no number opens the tour at its start
    assert r["hostile"]["badStep"]["tour"]["step"] == 0


def test_iphone_gets_ar_quick_look_android_over_http_no_scene_viewer(bundles, tmp_path):
    r = run_check(bundles["web"], "phone-ar", tmp_path, timeout=300)
    assert r["pass"], r
    link = r["iphone"]["links"][0]
    assert link["rel"] == "ar" and link["first"] == "IMG" and link["xr"] is False
    assert (bundles["web"] / link["href"]).is_file() and link["href"].endswith("/ar.usdz")
    assert all(lk["hidden"] for lk in r["android"]["links"])


def test_scene_viewer_intent_over_https():
    # the link builder itself (a page over https cannot be served here): node imports the module
    script = f"""
      import {{ phoneARKind, sceneViewerIntent }} from '{VIEWER / "src" / "ar_quicklook.js"}';
      const android = 'Mozilla/5.0 (Linux; Android 15; Pixel 8) Chrome/140 Mobile';
      const out = {{
        https: phoneARKind({{ ua: android, https: true }}), http: phoneARKind({{ ua: android, https: false }}),
        webxr: phoneARKind({{ ua: android, https: true, webxrAR: true }}), iphone: phoneARKind({{ ua: 'iPhone OS 18' }}),
        kiosk: phoneARKind({{ ua: 'iPhone', kiosk: true }}), desktop: phoneARKind({{ ua: 'X11; Linux x86_64', https: true }}),
        intent: sceneViewerIntent('https://museum.example/x/models/vase/medium.glb', {{ title: 'Vase & <b>', fallbackUrl: 'https://museum.example/x/index.html#annotation=a' }}),
      }};
      try {{ sceneViewerIntent('http://museum.example/x/a.glb'); out.httpThrows = false; }} catch (_) {{ out.httpThrows = true; }}
      console.log(JSON.stringify(out));
    """
    proc = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert (r["https"], r["http"], r["webxr"], r["iphone"], r["kiosk"], r["desktop"]) == \
        ("sceneviewer", None, None, "quicklook", None, None)
    assert r["intent"] == ("intent://arvr.google.com/scene-viewer/1.0?file=https%3A%2F%2Fmuseum.example%2Fx%2Fmodels%2Fvase%2Fmedium.glb"
                           "&mode=ar_preferred&title=Vase%20%26%20%3Cb%3E#Intent;scheme=https;package=com.google.ar.core;"
                           "action=android.intent.action.VIEW;S.browser_fallback_url=https%3A%2F%2Fmuseum.example%2Fx%2F"
                           "index.html%23annotation%3Da;end;")
    assert r["httpThrows"] is True


def test_embed_page_shows_one_artifact(bundles, tmp_path):
    r = run_check(bundles["web"], "embed", tmp_path, timeout=300)
    assert r["pass"], r
    assert r["ids"] == [BOX] and r["levels"].get(BOX)


def _modules(png: Path, size: int) -> np.ndarray:
    """The symbol in a screenshot of a QR image, thresholded into size × size modules (True =
    dark, no quiet zone): the dark pixels' bounding box spans exactly the symbol (its finder
    patterns sit in three corners), so each module's middle is sampled within that box."""
    dark = np.asarray(Image.open(png).convert("L"), np.float64) < 128
    # an element at a fractional position brings a line of the (dark) panel behind it into the
    # shot: a line dark from end to end cannot be the code's white quiet zone, so drop it
    while dark[0].all():
        dark = dark[1:]
    while dark[-1].all():
        dark = dark[:-1]
    while dark[:, 0].all():
        dark = dark[:, 1:]
    while dark[:, -1].all():
        dark = dark[:, :-1]
    rows, cols = np.flatnonzero(dark.any(axis=1)), np.flatnonzero(dark.any(axis=0))
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    ys = (top + (np.arange(size) + 0.5) * (bottom - top) / size).astype(int)
    xs = (left + (np.arange(size) + 0.5) * (right - left) / size).astype(int)
    return dark[np.ix_(ys, xs)]


def _matrix(url: str) -> np.ndarray:
    return np.array([[bool(v) for v in row] for row in segno.make(url, error="m", micro=False).matrix_iter(border=0)])


def test_kiosk_qr_codes_encode_the_public_links(bundles, tmp_path):
    bundle = bundles["kiosk"]
    pin = _pin(bundle)
    r = run_check(bundle, "kiosk-qr", tmp_path, "--out", str(tmp_path), timeout=300)
    assert r["pass"], r
    expected = {"annotation": f"{PUBLIC}index.html#annotation={GLAZE}&key={pin}",
                "exhibit": f"{PUBLIC}index.html#key={pin}"}
    for name, url in expected.items():
        shot = r["shots"][name]
        assert shot["url"] == url
        want = _matrix(url)
        seen = _modules(Path(shot["path"]), want.shape[0])
        assert (seen == want).all(), f"{name}: {(seen != want).sum()} modules differ"
        # the comparison can fail: the code of another address differs
        other = _matrix(url.replace("pots", "jars"))
        assert other.shape != want.shape or not (other == seen).all()
    assert any("手机" in c for c in r["captionZh"])
    # one code on screen at a time: the exhibit's, or the open annotation's
    assert r["visible"] == {"exhibit": ["vt-qr vt-qr-exhibit"], "annotation": ["vt-qr vt-qr-annotation"]}


def test_kiosk_without_public_url_shows_no_code(bundles, tmp_path):
    r = run_check(bundles["kiosk-offline"], "kiosk-qr", tmp_path, "--out", str(tmp_path), timeout=300)
    assert not r["pass"] and r["shots"] == {} and r["errors"] == []
