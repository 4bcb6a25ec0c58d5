"""Phones, tablets, desktops and 4K kiosks (issue 13, parts 1 and 2), on the sample exhibit
(three artifacts side by side, the case that cut the side ones in half in portrait), exported by
the real exporter and served by `vitrine serve` (with its Content-Encoding negotiation).

exporters/viewer/tests/phone_check.mjs opens it at 390x844 (touch), 844x390, 820x1180,
1440x900 and 3840x2160 and reports: the screen box of every artifact (vitrine.debug.project()),
the subjects of every viewpoint, the visible text boxes and the toolbar. These tests assert
behaviour (everything framed, nothing overlapping), never time.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.browser.browser_run import MISSING, VIEWER
from tests.worker_share import once_per_session

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]

SIZES = ("portrait", "landscape", "tablet", "desktop", "kiosk4k")


def _phone_check(url: str, out: Path, *extra: str, timeout: int = 600) -> dict:
    proc = subprocess.run(["node", str(VIEWER / "tests" / "phone_check.mjs"), url, "--out", str(out), *extra],
                          capture_output=True, text=True, timeout=timeout)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    assert lines, f"no result: rc={proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return json.loads(lines[-1])


@pytest.fixture(scope="module")
def every_size(request, tmp_path_factory):
    """(the check's result at every size, the screenshots' folder), made once per session."""
    def build(folder: Path) -> dict:
        # screenshots: VITRINE_PHONE_SHOTS=DIR keeps them for a person to look at
        out = Path(os.environ.get("VITRINE_PHONE_SHOTS") or folder)
        result = _phone_check(request.getfixturevalue("served_sample")[1], out)
        assert not result.get("error"), result.get("error")
        return {"result": result, "shots": str(out)}
    made = once_per_session(tmp_path_factory, "phone-sizes", build)
    return made["result"], Path(made["shots"])


@pytest.mark.parametrize("size", SIZES)
def test_start_view_frames_every_artifact(every_size, size):
    r = every_size[0]["sizes"][size]
    assert len(r["boxes"]) == 3
    assert r["offscreen"] == [], {k: v for k, v in r["boxes"].items() if k in r["offscreen"]}
    for box in r["boxes"].values():
        assert 0 <= box["left"] < box["right"] <= r["W"] and 0 <= box["top"] < box["bottom"] <= r["H"]
    assert r["errors"] == []


@pytest.mark.parametrize("size", SIZES)
def test_every_viewpoint_frames_its_subjects(every_size, size):
    r = every_size[0]["sizes"][size]
    assert r["viewpoints"], "the sample has viewpoints"
    assert r["viewpointsOffscreen"] == [], r["viewpoints"]
    assert any(b["subjects"] for b in r["viewpoints"].values())


@pytest.mark.parametrize("size", SIZES)
def test_text_does_not_overlap_and_stays_on_screen(every_size, size):
    r = every_size[0]["sizes"][size]
    assert r["texts"] >= 3  # title, badge, toolbar labels at least
    assert r["overlaps"] == []
    assert r["outside"] == []
    assert r["toolbar"]["fits"] or r["toolbar"]["collapsed"]
    if r["menu"]:  # opened, the menu's items fit and overlap nothing
        assert r["menu"]["expanded"] == "true"
        assert r["menu"]["overlaps"] == [] and r["menu"]["outside"] == []


def test_portrait_phone_folds_the_toolbar_and_desktop_does_not(every_size):
    sizes = every_size[0]["sizes"]
    assert sizes["portrait"]["toolbar"]["collapsed"] is True
    assert sizes["desktop"]["toolbar"]["collapsed"] is False
    assert (every_size[1] / "portrait.png").stat().st_size > 10_000
    assert (every_size[1] / "portrait-menu.png").is_file()


def test_poster_shows_then_gives_way(every_size):
    for size in SIZES:
        poster = every_size[0]["sizes"][size]["poster"]
        assert poster == {"loaded": True, "hidden": True}, size


def test_slow_phone_profile_still_frames_in_portrait(served_sample, tmp_path):
    """4x CPU, 1.6 Mbps, 150 ms RTT: slower, but the same behaviour."""
    result = _phone_check(served_sample[1], tmp_path, "--sizes", "portrait", "--slow")
    r = result["sizes"]["portrait"]
    assert r["offscreen"] == [] and r["overlaps"] == [] and r["errors"] == [], r
    assert result["pass"] is True
