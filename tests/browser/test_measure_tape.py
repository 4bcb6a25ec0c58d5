"""The measuring tape in the web viewer: mouse, touch and a VR controller (IWER emulation)
measure the same 0.25 m up the vase, in metric units with a calibrated scale bar; a measurement
the curator saved in an annotation is shown when it opens and hidden when it closes."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.browser_run import MISSING, run_check

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]


@pytest.fixture(scope="module")
def web_bundle(viewer_bundles) -> Path:
    return viewer_bundles("web")


def test_mouse_measures_between_two_clicks(web_bundle, tmp_path):
    r = run_check(web_bundle, "tape", tmp_path, "--viewport", "900x700")
    assert r["pass"], r
    assert r["label"] == r["labelShown"] and r["label"].endswith("cm")


def test_touch_measures_between_two_taps(web_bundle, tmp_path):
    r = run_check(web_bundle, "tapeTouch", tmp_path, "--viewport", "844x390", "--mobile")
    assert r["pass"], r


def test_vr_controller_measures(web_bundle, tmp_path):
    r = run_check(web_bundle, "tapeVR", tmp_path, timeout=180)
    assert r["pass"], r


def test_saved_measurement_shows_with_its_annotation(web_bundle, tmp_path):
    r = run_check(web_bundle, "tapeSaved", tmp_path, "--viewport", "900x700")
    assert r["pass"], r
    assert r["saved"] is True and abs(r["metres"] - 0.25) < 1e-6  # exactly what was saved
