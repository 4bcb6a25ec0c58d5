"""The editor draws a multi-atlas level with one texture per atlas (issue 17): each quarter of a
four-atlas sheet shows its own atlas's colour, none packed into one image."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from tests.assets.atlas_scans import ATLAS_COLOURS, write_atlas_obj

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not os.environ.get("DISPLAY"),
                       reason="needs an X display with OpenGL (run under Xvfb: Xvfb :99 & DISPLAY=:99)"),
]


@pytest.fixture
def atlas_project(tmp_path: Path):
    from vitrine.app.cli import main
    from vitrine.scenes.storage.project_store import Project
    obj = write_atlas_obj(tmp_path / "scan", cells=40, side=64)
    project = Project.create(tmp_path / "museum", title="Atlases")
    assert main(["add", str(project.path), str(obj), "--units", "m", "--up", "y"]) == 0
    return Project.open(project.path)


def test_stored_level_reads_back_with_one_upload_image_per_atlas(atlas_project):
    from vitrine.app.viewport.gpu import prepare_geometry
    from vitrine.app.workflows.editor_session import EditorSession
    session = EditorSession(atlas_project)
    asset = atlas_project.document.exhibit.assets[0]
    data = prepare_geometry(session.geometry(asset.id, "original"))
    assert data.image is None and len(data.atlas_images) == 4 and [w for _, w, _ in data.atlas_images] == [64] * 4
    # the ranges cover every triangle once, each range one atlas
    assert sum(c for _, c in data.atlas_ranges) == len(data.indices)
    assert [f for f, _ in data.atlas_ranges] == list(np.cumsum([0] + [c for _, c in data.atlas_ranges[:-1]]))
    for (first, count), (raw, w, h) in zip(data.atlas_ranges, data.atlas_images):
        rgba = np.frombuffer(raw, np.uint8).reshape(h, w, 4)
        centre = data.positions[data.indices[first:first + count].reshape(-1, 3)].mean(axis=1)
        quarter = (centre[:, 0] > 0).astype(int) + 2 * (centre[:, 1] > 0.5).astype(int)
        assert len(set(quarter.tolist())) == 1  # one atlas, one quarter
        assert np.abs(rgba[h // 2, w // 2, :3].astype(int) - ATLAS_COLOURS[quarter[0]]).max() < 12


def test_viewport_shows_each_atlas_on_its_quarter(atlas_project, qtbot):
    from vitrine.app.viewport.viewport_widget import ViewportWidget
    from vitrine.app.workflows.editor_session import EditorSession
    session = EditorSession(atlas_project)
    view = ViewportWidget(session)
    qtbot.addWidget(view)
    view.resize(480, 360)
    view.show()
    qtbot.waitExposed(view)
    view.set_camera((0.0, 0.5, 1.6), (0.0, 0.5, 0.0))
    shot = view.grab_image()
    for q, rgb in enumerate(ATLAS_COLOURS):
        # a point inside quarter q, on the sheet (z ~ 0)
        x, y = (-0.25 if q % 2 == 0 else 0.25), (0.25 if q < 2 else 0.75)
        p = view.project_to_screen(np.array([x, y, 0.05]))
        c = shot.pixelColor(int(round(p.x())), int(round(p.y())))
        got = np.array([c.red(), c.green(), c.blue()], float)
        target = np.asarray(rgb, float)
        # lighting scales brightness: compare the colour's direction
        assert got @ target / (np.linalg.norm(got) * np.linalg.norm(target) + 1e-9) > 0.97, (q, got)
