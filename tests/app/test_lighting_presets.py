"""Lighting presets write the document's lights (shared by preview and viewer); one undo step;
the editor's preview shades with the lights aimed where the curator looks when there are more
than its shaders take."""
from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

from tests.app.layout_fixtures import project  # noqa: F401  (fixture: four placed artifacts)
from vitrine.app.viewport import shaders
from vitrine.app.viewport.adapters.lights import LightAdapter
from vitrine.app.workflows.arrangement import apply_lighting_preset
from vitrine.app.workflows.placement import artifact_box
from vitrine.scenes.storage.exhibit_format import exhibit_to_json
from vitrine.scenes.storage.serialization import to_dict


def test_spots_preset_lights_every_artifact_inside_its_cone_and_undoes_at_once(project) -> None:  # noqa: F811
    doc = project.document
    before = to_dict(doc.exhibit.lights)
    doc.history.push(apply_lighting_preset(doc, "spots"))
    spots = [l for l in doc.exhibit.lights if l.type == "spot"]
    assert len(spots) == len(doc.exhibit.artifacts)
    for art, spot in zip(doc.exhibit.artifacts, spots):
        lo, hi = artifact_box(doc, art)
        axis = np.subtract(spot.target, spot.position)
        axis /= np.linalg.norm(axis)
        for corner in [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]:
            to = np.subtract(corner, spot.position)
            assert math.acos(float(to @ axis) / np.linalg.norm(to)) < spot.angle
    exhibit_to_json(doc.exhibit, validate=True)  # the schema accepts every preset light
    assert doc.history.undo_label == "Apply Lighting Preset"
    doc.history.undo()
    assert to_dict(doc.exhibit.lights) == before


def test_raking_light_grazes_at_a_low_angle(project) -> None:  # noqa: F811
    doc = project.document
    doc.history.push(apply_lighting_preset(doc, "raking"))
    rake = next(l for l in doc.exhibit.lights if l.name == "Raking light")
    d = np.subtract(rake.position, rake.target)
    elevation = math.degrees(math.asin(d[1] / np.linalg.norm(d)))
    assert 5 < elevation < 20
    doc.history.push(apply_lighting_preset(doc, "gallery"))
    key = next(l for l in doc.exhibit.lights if l.type == "directional")
    r, g, b = (int(key.color[i:i + 2], 16) for i in (1, 3, 5))
    assert r > g > b  # warm


def test_the_preview_keeps_the_spots_aimed_nearest_the_view(project) -> None:  # noqa: F811
    doc = project.document
    doc.history.push(apply_lighting_preset(doc, "spots"))
    assert len([l for l in doc.exhibit.lights if l.type != "ambient"]) > shaders.MAX_LIGHTS - 1
    adapter = LightAdapter(SimpleNamespace())
    last = doc.exhibit.artifacts[-1]
    lo, hi = artifact_box(doc, last)
    rows = adapter.rows(doc.exhibit, SimpleNamespace(target=(lo + hi) / 2))
    assert len(rows) <= shaders.MAX_LIGHTS
    spot = next(l for l in doc.exhibit.lights if l.name == f"Spot: {last.name}")
    assert any(np.allclose(r[1], spot.position) for r in rows)
