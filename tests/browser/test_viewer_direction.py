"""Right-to-left languages in the web viewer (Chromium): an Arabic exhibit opens right to left, an
Arabic annotation computes direction 'rtl', the chrome mirrors (panel, lists, toolbar, the camera's
shift away from the panel), switching languages flips the page at runtime, and the bundle's Arabic
font subset loads (exporters/viewer/tests/direction_check.mjs)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.browser_run import MISSING, run_check
from tests.exporters.conftest import make_project

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]

TITLE = "الحافة المكسورة"
BODY = "حافة مكسورة قليلاً، كما يظهر في الصورة."


@pytest.fixture(scope="module")
def arabic_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    project = make_project(tmp_path_factory.mktemp("rtl"), title="Small show")
    ex = project.document.exhibit
    ex.languages = ["ar", "en"]
    ex.title["ar"] = "معرض صغير"
    ann = ex.annotations[0]
    ann.title = {"ar": TITLE, "en": "Rim"}
    ann.body = {"ar": BODY, "en": "A chipped rim."}
    project.save()
    out = tmp_path_factory.mktemp("out") / "bundle"
    export_bundle(project, out)
    return out


def test_arabic_annotation_renders_right_to_left_and_switches_at_runtime(arabic_bundle: Path, tmp_path: Path) -> None:
    html = (arabic_bundle / "index.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    # a visitor whose browser prefers Arabic (an en-US browser would start in English)
    result = run_check(arabic_bundle, "direction", tmp_path, "--locale", "ar", "--viewport", "1280x800")
    assert result["startDir"] == "rtl"
    first, english, back = result["first"], result["english"], result["back"]
    assert (first["html"], first["title"], first["titleDirection"]) == ("rtl", TITLE, "rtl")
    assert (first["body"], first["bodyDirection"]) == (BODY, "rtl")
    assert (english["html"], english["title"], english["titleDirection"]) == ("ltr", "Rim", "ltr")
    assert (back["html"], back["lang"], back["titleDirection"]) == ("rtl", "ar", "rtl")
    # the chrome mirrors: in Arabic the panel and the camera's shift away from it are on the left, the
    # lists on the right and the toolbar reads from the right; in English the other way round
    rtl = {"panel": "left", "list": "right", "objects": "right", "toolbarFirstIsLeftmost": False}
    ltr = {"panel": "right", "list": "left", "objects": "left", "toolbarFirstIsLeftmost": True}
    for name, want in (("ar", rtl), ("en", ltr), ("back", rtl)):
        sides = result["sides"][name]
        assert {k: sides[k] for k in want} == want, (name, sides)
    assert result["sides"]["ar"]["viewOffsetX"] < 0 < result["sides"]["en"]["viewOffsetX"]
    assert result["sides"]["back"]["viewOffsetX"] == result["sides"]["ar"]["viewOffsetX"]
    assert result["fonts"]["loaded"] >= 1 and result["fonts"]["check"] is True, result["fonts"]
    assert result["fileFonts"] == {"dir": "rtl", "loaded": 1}, result["fileFonts"]  # opened from file:// too
    assert result["errors"] == [] and result["pass"], result
