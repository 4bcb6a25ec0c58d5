"""Preview = viewer: one scripted visit played in the editor's visitor preview (Qt) and in the
exported viewer (Chromium, on a bundle the Python exporter made of the same project); per step
the camera pose and the open annotation (and the tour's step and pause) must agree.

The journey covers the rules the two used to disagree on: an annotation without a viewpoint
(the framing rule), a tour step without a viewpoint (its annotation's view), opening an
annotation during a tour (pauses it), and a language switch (nothing moves). Flights are
jumped to their end (the viewer runs with reduced motion, where every flight is a cut).
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.browser.browser_run import MISSING, run_check
from tests.browser.viewer_project import BACK, GLAZE, TOUR, export_viewer_bundle

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, pytest.mark.browser, NEEDS_DISPLAY]
if MISSING:
    pytestmark.append(pytest.mark.skip(reason=MISSING))

JOURNEY = [
    {"do": "open", "id": BACK},          # no viewpoint: the exporter's framing
    {"do": "startTour", "id": TOUR},     # step 1: its viewpoint, its annotation opens
    {"do": "next"},                      # step 2: no viewpoint: its annotation's (framed) view
    {"do": "next"},                      # step 3: a viewpoint, no annotation
    {"do": "open", "id": GLAZE},         # a visitor's click pauses the tour and flies
    {"do": "language", "tag": "zh-Hans"},
]
EYE_TOLERANCE_M = 0.01
ANGLE_TOLERANCE_DEG = 0.5


def play_in_preview(window: Any, qtbot: Any) -> list[dict]:
    window.action_visitor_preview.setChecked(True)
    overlay, viewport = window.visitor_overlay, window.viewport
    qtbot.waitUntil(lambda: overlay.bar.isVisible(), timeout=10000)
    poses = []
    for step in JOURNEY:
        if step["do"] == "open":
            overlay.open_annotation(step["id"])
        elif step["do"] == "startTour":
            assert overlay.start_tour(step["id"])
        elif step["do"] == "next":
            overlay.tour_player.next()
        else:
            overlay.set_language(step["tag"])
        viewport.finish_flight()
        cam, player = viewport.camera_state(), overlay.tour_player
        poses.append({"do": step["do"], "eye": list(cam["eye"]), "target": list(cam["target"]),
                      "annotation": overlay.current_annotation,
                      "tour": {"step": player.index, "paused": player.paused} if player.active else None,
                      "language": overlay.language})
    return poses


def angle_deg(a: dict, b: dict) -> float:
    da = np.subtract(a["target"], a["eye"])
    db = np.subtract(b["target"], b["eye"])
    cos = float(da @ db / (np.linalg.norm(da) * np.linalg.norm(db)))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def test_preview_and_viewer_agree_step_by_step(make_window, qtbot, tmp_path: Path) -> None:
    bundle = export_viewer_bundle(tmp_path, "web")
    project = tmp_path / "web-project" / "gallery.vitrine"
    window = make_window()
    assert window.open_project(project)
    preview = play_in_preview(window, qtbot)

    script = tmp_path / "journey.json"
    script.write_text(json.dumps(JOURNEY), encoding="utf-8")
    result = run_check(bundle, "journey", tmp_path, "--journey", str(script))
    assert result["pass"], result
    viewer = result["poses"]

    assert len(preview) == len(viewer) == len(JOURNEY)
    for n, (p, v) in enumerate(zip(preview, viewer)):
        where = f"step {n + 1} ({JOURNEY[n]['do']}): preview {p} viewer {v}"
        assert p["annotation"] == v["annotation"], where
        assert p["tour"] == v["tour"], where
        assert p["language"] == v["language"], where
        assert np.linalg.norm(np.subtract(p["eye"], v["eye"])) < EYE_TOLERANCE_M, where
        assert np.linalg.norm(np.subtract(p["target"], v["target"])) < EYE_TOLERANCE_M, where
        assert angle_deg(p, v) < ANGLE_TOLERANCE_DEG, where
    # the journey exercised the rules, not a camera that never moved
    assert [p["annotation"] for p in preview] == [BACK, GLAZE, preview[2]["annotation"], None, GLAZE, GLAZE]
    assert preview[4]["tour"]["paused"] and not preview[3]["tour"]["paused"]
    assert len({tuple(np.round(p["eye"], 3)) for p in preview}) >= 4
