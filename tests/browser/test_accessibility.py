"""The viewer is accessible (issue 15): axe-core 4.14 (WCAG 2.1 A/AA rules) finds nothing in any state,
and keyboard and screen-reader users can do what a mouse user can.

Bundles come from the Python exporter (tests/browser/viewer_project.py); the tampered kiosk bundles
from tests/trust_attacks.py. exporters/viewer/tests/a11y_check.mjs runs axe in every state (loaded,
the points-of-interest list, an annotation open, a tour playing, the credits; for a kiosk also its
attract loops; for a refused kiosk its notice; the chrome on a white and on a black background) in
every exhibit language (en, zh-Hans), at desktop size and as a phone (390x844, touch). Any violation
fails and prints the rule id and nodes.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.browser.browser_run import MISSING, run_check
from tests.browser.viewer_project import CAPTION, GLAZE
from tests.trust_attacks import delete_manifest, swap_file

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]

# contrast-white / contrast-black: the canvas hidden and the page painted white or black behind the chrome
# (tour and annotation open), so axe decides every text's contrast on any exhibit background.
DESKTOP_STATES = {"loaded", "annotation-list", "annotation", "tour", "credits", "contrast-white", "contrast-black"}
# The states are walked on one page per language (a11y_check.mjs enters each from the loaded state);
# each still costs an axe run on a rendering page, so the suite checks every state once at desktop size
# and, for the phone and the kiosks, the states whose layout differs there (panels, tour bar, attract
# loops, the refusal notice). `node exporters/viewer/tests/browser_checks.mjs BUNDLE --check axe` (no --states)
# runs the whole matrix: every state at every size, as measured in README.
PHONE_STATES = {"loaded", "annotation", "tour", "credits"}
KIOSK_SUITE_STATES = {"loaded", "annotation", "attract-rotate", "attract-tour"}
REFUSED_STATES = {"loaded", "attract-rotate"}
LANGS = {"en", "zh-Hans"}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory, viewer_bundles) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("a11y")
    web = viewer_bundles("web")
    kiosk = viewer_bundles("kiosk", profile="kiosk")
    refused = base / "kiosk-refused"
    shutil.copytree(kiosk, refused)
    model = json.loads((kiosk / "exhibit.json").read_text("utf-8"))["artifacts"][1]["models"][0]["file"]
    swap_file(refused, model, (kiosk / model).read_bytes() + b"\0")  # the box's model no longer matches
    closed = base / "kiosk-closed"
    shutil.copytree(kiosk, closed)
    delete_manifest(closed)
    return {"web": web, "kiosk": kiosk, "refused": refused, "closed": closed}


def _violations(r: dict) -> str:
    lines = []
    for f in r.get("failures", []):
        for v in f["violations"]:
            lines.append(f"{f['state']}: {v['id']} ({v['impact']}) " + " | ".join(v["nodes"]))
    return "\n".join(lines) or json.dumps(r)[:3000]


def _axe(bundle: Path, tmp_path: Path, *extra: str) -> dict:
    r = run_check(bundle, "axe", tmp_path, *extra, timeout=600)
    assert "error" not in r, r["error"]  # the check itself broke (a state could not be reached)
    assert r["errors"] == [], r["errors"]
    assert r["pass"], _violations(r)
    assert all(v == [] for v in r["undecided"].values()), r["undecided"]  # axe decided every contrast
    return r


def test_axe_web_every_state_both_languages(bundles, tmp_path):
    r = _axe(bundles["web"], tmp_path, "--viewport", "1280x800")
    assert r["counts"] == {f"{s}/{lang}": 0 for s in DESKTOP_STATES for lang in LANGS}


def test_axe_phone_viewport(bundles, tmp_path):
    r = _axe(bundles["web"], tmp_path, "--viewport", "390x844", "--mobile", "--states", ",".join(sorted(PHONE_STATES)))
    assert r["counts"] == {f"{s}/{lang}": 0 for s in PHONE_STATES for lang in LANGS}


def test_axe_kiosk_with_attract_loops(bundles, tmp_path):
    r = _axe(bundles["kiosk"], tmp_path, "--viewport", "1920x1080", "--states", ",".join(sorted(KIOSK_SUITE_STATES)))
    assert r["counts"] == {f"{s}/{lang}": 0 for s in KIOSK_SUITE_STATES for lang in LANGS}


def test_axe_kiosk_refusal_notices(bundles, tmp_path):
    r = _axe(bundles["refused"], tmp_path, "--viewport", "1920x1080", "--states", ",".join(sorted(REFUSED_STATES)))
    assert r["counts"] == {f"{s}/{lang}": 0 for s in REFUSED_STATES for lang in LANGS}
    assert "does not match the signed manifest" in r["notices"]["loaded/en"]
    closed = _axe(bundles["closed"], tmp_path, "--viewport", "1920x1080", "--states", "loaded")
    assert closed["counts"] == {"closed/en": 0, "closed/zh-Hans": 0}
    assert "not shown" in closed["notices"]["closed/en"]


def test_keyboard_and_screen_reader(bundles, tmp_path):
    r = run_check(bundles["web"], "keyboard", tmp_path, timeout=300)
    assert r["pass"], r
    # one Tab round: the objects (text alternative, from the records), the scene, the visible hotspots
    # in number order (2 is hidden behind the vase: the list reaches it), then the toolbar
    assert r["order"] == ["vt-object: Show Painted vase, Unknown potter, c. 1750", "vt-object: Show Bronze box",
                          "vt-canvas: Test Gallery", "vt-hotspot: 1: Glaze drips", "vt-hotspot: 3: Hinged lid",
                          "vt-lang-select: English简体中文", "vt-list-toggle: Points of interest",
                          "vt-tour-start: Start tour: Highlights", "vt-reset: Reset view", "vt-measure: Measure", "vt-credits-btn: Credits"]
    assert r["invisibleFocus"] == []
    assert r["inPanel"]["cls"] == "vt-panel-title" and r["afterEscape"]["id"] == GLAZE
    assert r["listFirst"]["id"] == GLAZE and r["listBack"]["cls"].endswith("vt-list-toggle")
    assert r["caption"] == CAPTION  # the narration's captions are shown as text while it plays
    assert r["resetSaid"] == "View: Overview" and r["turnedSaid"] == "View turned"
    assert r["objectSaid"] == "View: Painted vase, Unknown potter, c. 1750"
    assert r["steps"] == ["Highlights, step 1 of 3: Start with the vase.", "Highlights, step 2 of 3: Now the box."]
    assert r["ended"] == "Tour ended"
    assert r["summary"] == {"canvas": "Test Gallery", "described": "2 objects: Painted vase, Unknown potter, c. 1750; Bronze box"}
