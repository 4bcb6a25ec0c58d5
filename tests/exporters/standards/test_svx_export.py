"""scene.svx.json: every bundle carries a Voyager scene valid against Voyager's JSON Schemas, with
the GLBs as derivatives, annotations, tours as snapshots, lights, the start view and metadata."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest

from tests.bundle_contract import BundleContractError, validate_svx
from vitrine.exporters.standards.svx_geometry import look_rotation, orbit_to_view, view_to_orbit
from vitrine.exporters.standards.svx_schema import first_error, svx_validator


@pytest.fixture(scope="module")
def svx(bundle):
    return validate_svx(bundle[0])


def test_the_voyager_schemas_are_read_from_beside_the_clone():
    validator = svx_validator()
    assert validator is not None, "../shared/standards/voyager-svx is missing"
    broken = {"asset": {"type": "application/si-dpo-3d.document+json", "version": "1.0"}, "scene": 0,
              "scenes": [{"nodes": [0]}], "nodes": [{"model": 0}],
              "models": [{"units": "furlongs", "derivatives": []}]}
    assert first_error(validator, broken).startswith("$.models[0].units: 'furlongs' is not one of")


def test_models_are_the_bundles_glbs_with_voyagers_quality_names(bundle, svx):
    folder = bundle[0]
    by_name = {svx["nodes"][i]["name"]: svx["models"][svx["nodes"][i]["model"]]
               for i in svx["scenes"][0]["nodes"] if "model" in svx["nodes"][i]}
    assert set(by_name) == {"Painted Vase", "Globe", "Bunny points"}
    vase = by_name["Painted Vase"]
    assert vase["units"] == "m"
    qualities = {d["quality"]: d["assets"][0]["uri"] for d in vase["derivatives"]}
    assert set(qualities) == {"Thumb", "Low", "Highest"}
    assert qualities["Highest"].endswith("/original.glb")
    for d in vase["derivatives"]:
        asset = d["assets"][0]
        assert asset["type"] == "Model" and (folder / asset["uri"]).stat().st_size == asset["byteSize"]


def test_annotations_carry_position_direction_and_english_but_not_chinese(tiny_project, bundle, svx):
    ann = tiny_project.document.exhibit.annotations[0]
    (model,) = [m for m in svx["models"] if m.get("annotations")]
    (a,) = model["annotations"]
    assert a["id"] == ann.id
    assert a["titles"] == {"EN": "Rim"} and a["leads"] == {"EN": "A chipped rim."}
    assert a["position"] == list(ann.point) and a["direction"] == list(ann.normal)
    assert "口沿" not in json.dumps(svx, ensure_ascii=False)
    assert "scene.svx.json leaves out: zh-Hans texts (Voyager has no Chinese)" in bundle[1].warnings
    assert sum("zh-Hans" in w for w in bundle[1].warnings if w.startswith("scene.svx.json")) == 1


def test_tours_are_snapshots_of_the_orbit(tiny_project, svx):
    ex = tiny_project.document.exhibit
    setup = svx["setups"][svx["scenes"][0]["setup"]]
    (tour,) = setup["tours"]
    assert tour["titles"] == {"EN": "Highlights"}
    step = tour["steps"][0]
    assert step["id"] == ex.tours[0].steps[0].id and step["titles"] == {"EN": "Look here."}
    snaps = setup["snapshots"]
    state = next(s for s in snaps["states"] if s["id"] == step["id"])
    orbit = state["values"][snaps["targets"].index("scenes/0/setup/navigation/orbit")]
    offset = state["values"][snaps["targets"].index("scenes/0/setup/navigation/offset")]
    eye, _target = orbit_to_view(orbit, offset)
    assert np.allclose(eye, ex.viewpoints[0].eye, atol=1e-5)


def test_lights_become_light_nodes_pointing_at_their_targets(tiny_project):
    from scipy.spatial.transform import Rotation
    from vitrine.exporters.standards.svx_scene import build_svx
    from vitrine.scenes.exhibit_model import Light, default_lights
    from vitrine.scenes.storage.serialization import clone
    ex = clone(tiny_project.document.exhibit)
    ex.lights = default_lights() + [Light(type="spot", position=(0, 3, 0), target=(0, 0, 0), angle=0.5, range=9)]
    doc, _ = build_svx(ex, {}, "test")
    assert first_error(svx_validator(), doc) is None
    assert [light["type"] for light in doc["lights"]] == ["ambient", "directional", "directional", "spot"]
    assert doc["lights"][3]["spot"] == {"distance": 9.0, "angle": pytest.approx(math.degrees(0.5))}
    spot_node = next(n for n in doc["nodes"] if n.get("light") == 3)
    assert np.allclose(Rotation.from_quat(spot_node["rotation"]).apply([0, 0, -1]), [0, -1, 0], atol=1e-6)
    assert doc["lights"][1]["intensity"] == 2.2


def test_start_view_and_collection_metadata(tiny_project, svx):
    ex = tiny_project.document.exhibit
    camera_node = next(n for n in svx["nodes"] if "camera" in n)
    assert camera_node["translation"] == list(ex.viewpoints[0].eye)
    assert svx["cameras"][0]["perspective"]["yfov"] == pytest.approx(math.degrees(ex.viewpoints[0].fov))
    collection = svx["metas"][svx["scenes"][0]["meta"]]["collection"]
    assert collection["titles"] == {"EN": ex.title["en"]} and collection["institution"] == "Museum & Co"
    assert svx["setups"][0]["units"] == "m"


@pytest.mark.parametrize("eye,target", [((0, 1.6, 3), (0, 1, 0)), ((2, 0.5, -1), (0.3, 0.4, 0.2)),
                                        ((-1, 3, 0.5), (0, 0, 0))])
def test_orbit_round_trip_keeps_the_eye_and_the_view_direction(eye, target):
    orbit, offset = view_to_orbit(eye, target)
    e2, t2 = orbit_to_view(orbit, offset)
    assert np.allclose(e2, eye, atol=1e-6)
    d1 = np.subtract(target, eye) / np.linalg.norm(np.subtract(target, eye))
    d2 = np.subtract(t2, e2) / np.linalg.norm(np.subtract(t2, e2))
    assert np.allclose(d1, d2, atol=1e-6)


def test_look_rotation_points_minus_z_at_the_target():
    from scipy.spatial.transform import Rotation
    q = look_rotation((2, 4, 3), (0, 0, 0))
    forward = Rotation.from_quat(q).apply([0, 0, -1])
    assert np.allclose(forward, -np.array([2, 4, 3]) / np.linalg.norm([2, 4, 3]), atol=1e-6)


def test_the_suite_wide_check_refuses_a_bundle_whose_svx_breaks_the_schema(bundle_copy):
    path = bundle_copy / "scene.svx.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["models"][0]["derivatives"][0]["quality"] = "Ultra"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(BundleContractError, match=r"quality: 'Ultra' is not one of"):
        validate_svx(bundle_copy)


def test_the_svx_is_listed_in_the_signed_manifest(bundle):
    manifest = json.loads((bundle[0] / "manifest.json").read_text("utf-8"))
    assert "scene.svx.json" in json.dumps(manifest)
