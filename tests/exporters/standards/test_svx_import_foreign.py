"""import-svx of a scene as Voyager writes it (not one of ours): centimetres, a plain GLB off the
origin, a model pose, texts in two Voyager languages, Voyager's default lights and a tour."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import trimesh

from vitrine.app.workflows.svx_import import import_svx
from vitrine.exporters.standards.svx_geometry import view_to_orbit
from vitrine.exporters.standards.svx_schema import first_error, svx_validator

CORNER_CM = [10.0, 45.0, 5.0]  # a corner of the box below, in the GLB's own centimetres


def foreign_scene(folder: Path) -> Path:
    box = trimesh.creation.box(extents=(20.0, 30.0, 10.0))  # centimetres, centred at (0, 30, 0)
    box.apply_translation((0.0, 30.0, 0.0))
    (folder / "box-high.glb").write_bytes(trimesh.Scene(box).export(file_type="glb"))
    orbit, offset = view_to_orbit((0.0, 50.0, 200.0), (0.0, 30.0, 0.0))  # centimetres
    doc = {
        "asset": {"type": "application/si-dpo-3d.document+json", "version": "1.0", "generator": "Voyager"},
        "scene": 0,
        "scenes": [{"nodes": [0, 1, 3], "setup": 0, "meta": 0, "units": "cm"}],
        "nodes": [{"translation": [0, 0, 15], "camera": 0},
                  {"name": "Lights", "children": [2]},
                  {"name": "Key", "light": 0, "translation": [0, 0, 2],
                   "rotation": [0.4829741, -0.1070728, 0.1880998, 0.8484633]},
                  {"name": "Box", "model": 0, "meta": 1, "translation": [100.0, 0.0, 0.0]}],
        "cameras": [{"type": "perspective", "perspective": {"yfov": 52, "znear": 0.1, "zfar": 100000}}],
        "lights": [{"type": "directional", "color": [1, 0.95, 0.9], "intensity": 1}],
        "metas": [{"collection": {"titles": {"EN": "Boxes", "DE": "Kisten"}}},
                  {"collection": {"titles": {"EN": "A box"}, "identifier": "B-1"}}],
        "setups": [{
            "units": "cm",
            "navigation": {"type": "Orbit", "orbit": {"orbit": orbit, "offset": offset}},
            "tours": [{"titles": {"EN": "Round the box", "DE": "Um die Kiste"},
                       "steps": [{"id": "s1", "titles": {"EN": "Front"}}, {"id": "s2", "titles": {"DE": "Oben"}}]}],
            "snapshots": {"features": ["navigation"],
                          "targets": ["scenes/0/setup/navigation/orbit", "scenes/0/setup/navigation/offset"],
                          "states": [{"id": "s1", "values": [orbit, offset]},
                                     {"id": "s2", "values": [[-89, 0, 0], [0, 0, 300]]}]},
        }],
        "models": [{"units": "cm", "derivatives": [
            {"usage": "Web3D", "quality": "High", "assets": [{"uri": "box-high.glb", "type": "Model"}]}],
            "annotations": [{"id": "a1", "titles": {"EN": "Corner", "DE": "Ecke"}, "leads": {"EN": "Sharp."},
                             "position": CORNER_CM, "direction": [0, 1, 0]}]}],
    }
    assert first_error(svx_validator(), doc) is None
    path = folder / "boxes.svx.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_voyager_scene_in_centimetres_lands_in_metres(tmp_path):
    result = import_svx(foreign_scene(tmp_path), tmp_path / "boxes")
    ex = result.project.document.exhibit
    assert (result.artifacts, result.annotations, result.tours) == (1, 1, 1)
    assert ex.languages == ["en", "de"] and ex.title == {"en": "Boxes", "de": "Kisten"}
    (art,) = ex.artifacts
    assert art.name == "Box" and art.record.identifier == "B-1"
    asset = result.project.document.asset(art.asset_id)
    assert np.allclose(sorted(asset.dimensions), [0.1, 0.2, 0.3], atol=1e-6)
    # the box's corner at (10, 45, 5) cm, moved 100 cm along x, is at (1.1, 0.45, 0.05) m
    (ann,) = ex.annotations
    world = np.asarray(ann.point) * art.transform.scale + art.transform.translation
    assert np.allclose(world, [1.1, 0.45, 0.05], atol=1e-6)
    assert ann.title == {"en": "Corner", "de": "Ecke"} and ann.body == {"en": "Sharp."}
    start = next(v for v in ex.viewpoints if v.id == ex.start_viewpoint_id)
    assert np.allclose(start.eye, [0.0, 0.5, 2.0], atol=1e-6)
    assert start.fov == np.radians(52)
    (tour,) = ex.tours
    assert tour.title == {"en": "Round the box", "de": "Um die Kiste"}
    assert [s.narration for s in tour.steps] == [{"en": "Front"}, {"de": "Oben"}]
    assert all(s.viewpoint_id for s in tour.steps)
    (light,) = ex.lights
    assert light.type == "directional" and light.color == "#fff2e6"
