"""Scan thumbnails (import dialog, Assets dock) are drawn in numpy and handed to Qt once: a Qt
call per triangle or pixel is slow, and PySide6 6.12 drops a reference to None on each Qt call
that returns nothing, so a long session of such calls aborts the interpreter."""
from __future__ import annotations

import sys

import numpy as np
import trimesh


def test_thumbnails_show_the_object_and_spare_none(qapp):
    from vitrine.app.dialogs.import_dialog import standing_thumbnail
    from vitrine.app.panels.asset_panel import silhouette
    sphere = trimesh.creation.icosphere(subdivisions=5)  # 20,480 faces
    before = sys.getrefcount(None)
    for _ in range(3):
        shaded = standing_thumbnail(sphere.vertices, sphere.faces, 160).toImage()
        dots = silhouette(sphere.vertices, 72).toImage()
    assert before - sys.getrefcount(None) < 100  # per-triangle drawing lost ~3 per face
    centre, corner = shaded.pixelColor(80, 80), shaded.pixelColor(2, 2)
    assert (corner.red(), corner.green(), corner.blue()) == (40, 43, 50)
    assert centre.red() > 100 and abs(centre.red() - corner.red()) > 40  # the lit sphere, not background
    lit = sum(dots.pixelColor(x, y) != dots.pixelColor(0, 0) for x in range(0, 72, 3) for y in range(0, 72, 3))
    assert lit > 150  # of 576 samples: the disc of the sphere's vertices
    edge = np.array([shaded.pixelColor(x, 80).red() for x in range(160)])
    assert (edge > 60).sum() > 80  # it fills most of the width
