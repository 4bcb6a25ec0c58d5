"""vitrine import-svx: a Voyager scene becomes a project (round trip through an exported bundle),
and malformed scenes get one line, exit 2, and no project."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from vitrine.app.cli.entry import main
from vitrine.scenes.storage.project_store import Project


@pytest.fixture(scope="module")
def round_trip(bundle, viewer_dir, tmp_path_factory):
    """(imported project, its bundle folder) from the tiny project's exported scene.svx.json."""
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    root = tmp_path_factory.mktemp("svx")
    assert main(["import-svx", str(bundle[0] / "scene.svx.json"), str(root / "back")]) == 0
    project = Project.open(root / "back.vitrine")
    out = root / "again"
    export_bundle(project, out, viewer_dir=viewer_dir)
    return project, out


def test_round_trip_keeps_artifacts_annotations_and_tours(tiny_project, round_trip):
    before = tiny_project.document.exhibit
    project, out = round_trip
    after = project.document.exhibit
    assert [a.name for a in after.artifacts] == [a.name for a in before.artifacts]
    assert [a.title.get("en") for a in after.annotations] == [a.title.get("en") for a in before.annotations]
    assert [a.body.get("en") for a in after.annotations] == [a.body.get("en") for a in before.annotations]
    assert [t.title for t in after.tours] == [{"en": t.title["en"]} for t in before.tours]
    assert [len(t.steps) for t in after.tours] == [len(t.steps) for t in before.tours]
    assert after.title == {"en": before.title["en"]}
    assert after.rights == before.rights
    assert [a.rights for a in after.artifacts] == [b.rights for b in before.artifacts]
    assert [a.record.identifier for a in after.artifacts] == [b.record.identifier for b in before.artifacts]
    again = json.loads((out / "scene.svx.json").read_text("utf-8"))
    assert len(again["models"]) == len(before.artifacts)
    assert sum(len(m.get("annotations", [])) for m in again["models"]) == len(before.annotations)
    assert [t["titles"] for t in again["setups"][0]["tours"]] == [{"EN": t.title["en"]} for t in before.tours]
    doc = json.loads((out / "exhibit.json").read_text("utf-8"))
    assert [a["name"] for a in doc["artifacts"]] == [a.name for a in before.artifacts]


def _world(transform, points) -> np.ndarray:
    """(n, 3) points of an artifact's own frame placed in the exhibit (metres)."""
    from scipy.spatial.transform import Rotation
    local = np.asarray(points, float) * np.asarray(transform.scale)
    return Rotation.from_quat(transform.rotation).apply(local) + np.asarray(transform.translation)


def _world_bounds(project, art) -> np.ndarray:
    from vitrine.assets.formats.glb_arrays import read_glb_arrays
    asset = project.document.asset(art.asset_id)
    pts = read_glb_arrays(project.resolve(asset.levels[0].file)).positions
    world = _world(art.transform, pts)
    return np.stack([world.min(axis=0), world.max(axis=0)])


def test_round_trip_keeps_models_and_pins_in_place(tiny_project, round_trip):
    before = tiny_project.document.exhibit
    project = round_trip[0]
    after = project.document.exhibit
    # the exported GLBs are imported again and re-centred: the transforms make up for it, so every
    # model stands where it stood (within the bundle's quantisation) and the pins stay on them
    for a, b in zip(after.artifacts, before.artifacts):
        assert np.allclose(_world_bounds(project, a), _world_bounds(tiny_project, b), atol=2e-3), a.name
    pin_after = _world(after.artifacts[0].transform, [after.annotations[0].point])
    pin_before = _world(before.artifacts[0].transform, [before.annotations[0].point])
    assert np.allclose(pin_after, pin_before, atol=2e-3)
    assert np.allclose(after.annotations[0].normal, before.annotations[0].normal, atol=1e-6)
    start = next(v for v in after.viewpoints if v.id == after.start_viewpoint_id)
    assert np.allclose(start.eye, before.viewpoints[0].eye, atol=1e-5)
    assert start.fov == pytest.approx(before.viewpoints[0].fov)


@pytest.fixture
def scene_folder(bundle, tmp_path) -> Path:
    """A copy of the bundle's scene and models to break."""
    folder = tmp_path / "scene"
    folder.mkdir()
    shutil.copy(bundle[0] / "scene.svx.json", folder / "scene.svx.json")
    shutil.copytree(bundle[0] / "models", folder / "models")
    return folder


def _refused(svx: Path, project: Path, capsys) -> str:
    assert main(["import-svx", str(svx), str(project)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("vitrine: ") and "Traceback" not in err
    assert not project.with_name(project.name + ".vitrine").exists()
    assert not [p for p in project.parent.iterdir() if ".importing-" in p.name]
    return err


def _edit(svx: Path, change) -> None:
    doc = json.loads(svx.read_text("utf-8"))
    change(doc)
    svx.write_text(json.dumps(doc), encoding="utf-8")


def test_not_json_is_refused(scene_folder, tmp_path, capsys):
    svx = scene_folder / "scene.svx.json"
    svx.write_text('{"asset": ', encoding="utf-8")
    assert "not JSON (Expecting value at line 1 column 11)" in _refused(svx, tmp_path / "p", capsys)


def test_a_document_against_voyagers_schema_is_refused(scene_folder, tmp_path, capsys):
    svx = scene_folder / "scene.svx.json"
    _edit(svx, lambda d: d["models"][0].update(units="cubits"))
    err = _refused(svx, tmp_path / "p", capsys)
    assert "not a valid Voyager scene ($.models[0].units: 'cubits' is not one of" in err


def test_another_json_document_is_refused(scene_folder, tmp_path, capsys):
    svx = scene_folder / "scene.svx.json"
    svx.write_text(json.dumps({"asset": {"type": "model/gltf+json", "version": "2.0"}, "scene": 0, "scenes": []}))
    assert "not a valid Voyager scene ($.asset.type:" in _refused(svx, tmp_path / "p", capsys)


@pytest.mark.parametrize("uri", ["../outside.glb", "/etc/passwd.glb", "models/../../outside.glb",
                                 "https://evil.example/m.glb", "C:/x.glb"])
def test_a_model_path_escaping_the_folder_is_refused(scene_folder, tmp_path, capsys, uri):
    (tmp_path / "outside.glb").write_bytes((scene_folder / "models/globe/medium.glb").read_bytes())
    svx = scene_folder / "scene.svx.json"
    _edit(svx, lambda d: d["models"][1]["derivatives"][0]["assets"][0].update(uri=uri))
    assert f"model 1 file '{uri}' is outside the scene's folder" in _refused(svx, tmp_path / "p", capsys)


def test_a_link_out_of_the_folder_is_refused(scene_folder, tmp_path, capsys):
    (tmp_path / "outside.glb").write_bytes((scene_folder / "models/globe/medium.glb").read_bytes())
    (scene_folder / "models" / "link.glb").symlink_to(tmp_path / "outside.glb")
    svx = scene_folder / "scene.svx.json"
    _edit(svx, lambda d: d["models"][1]["derivatives"][0]["assets"][0].update(uri="models/link.glb"))
    assert "model 1 file 'models/link.glb' is outside the scene's folder" in _refused(svx, tmp_path / "p", capsys)


def test_a_missing_glb_is_refused_before_anything_is_imported(scene_folder, tmp_path, capsys):
    (scene_folder / "models" / "bunny-points" / "low.glb").unlink()
    svx = scene_folder / "scene.svx.json"
    assert "model 2 file 'models/bunny-points/low.glb' is missing" in _refused(svx, tmp_path / "p", capsys)


def test_a_damaged_glb_is_refused_and_leaves_no_project(scene_folder, tmp_path, capsys):
    (scene_folder / "models" / "bunny-points" / "low.glb").write_bytes(b"glTF\x02\x00\x00\x00garbage")
    svx = scene_folder / "scene.svx.json"
    assert "model file 'models/bunny-points/low.glb':" in _refused(svx, tmp_path / "p", capsys)


def test_an_existing_project_is_left_unchanged(scene_folder, tmp_path, capsys):
    existing = Project.create(tmp_path / "p.vitrine", title="Mine")
    before = (existing.path / "exhibit.json").read_bytes()
    assert main(["import-svx", str(scene_folder / "scene.svx.json"), str(existing.path)]) == 2
    assert "already exists; import-svx makes a new project" in capsys.readouterr().err
    assert (existing.path / "exhibit.json").read_bytes() == before
