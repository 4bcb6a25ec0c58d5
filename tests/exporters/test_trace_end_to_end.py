"""End to end: two exports to different recipients, copies of their models (straight from the
bundle, or decompressed, re-indexed, moved and saved as PLY/OBJ/STL) traced to the right recipient;
an unmarked level and another model match nothing; a corrupt file is one line, exit 2."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import trimesh

from vitrine.app.cli import main
from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.assets.levels.meshopt_glb import read_compressed_glb
from vitrine.scenes.exhibit_model import Artifact, ArtifactRights, Rights
from vitrine.scenes.storage.project_store import Project

from .conftest import CC_BY, _add_asset


def _bumpy(seed: int, subdivisions: int = 4) -> trimesh.Trimesh:
    """A lumpy sphere (~0.2 m) with a few thousand vertices: enough surface cells for the mark."""
    mesh = trimesh.creation.icosphere(subdivisions=subdivisions, radius=0.1)
    rng = np.random.default_rng(seed)
    v = mesh.vertices
    bumps = sum(rng.uniform(0.005, 0.015) * np.sin(rng.uniform(10, 30) * (v @ rng.normal(size=3)) + rng.uniform(0, 6))
                for _ in range(4))
    mesh.vertices = v * (1 + bumps / 0.1)[:, None] * (1.0, 1.4, 0.8)
    return mesh


@pytest.fixture(scope="module")
def traced(tmp_path_factory, viewer_dir):
    root = tmp_path_factory.mktemp("trace")
    project = Project.create(root / "museum.vitrine", title="Trace", languages=["en"])
    ex = project.document.exhibit
    for name, seed in (("Lion", 1), ("Urn", 2)):
        asset = _add_asset(project, f"{name}.ply", _bumpy(seed), "mesh", ("high",))
        ex.artifacts.append(Artifact(name=name, asset_id=asset.id, rights=ArtifactRights(
            object=Rights(statement_uri=CC_BY), model=Rights(statement_uri=CC_BY))))
    project.save()
    project = Project.open(project.path)
    reports = {who: export_bundle(project, root / who, viewer_dir=viewer_dir, recipient=who)
               for who in ("Partner A", "Partner B")}
    return project, root, reports


def _trace(project: Project, suspect: Path, capsys) -> tuple[int, dict]:
    status = main(["trace", str(project.path), str(suspect), "--json"])
    captured = capsys.readouterr()
    return status, (json.loads(captured.out) if captured.out.strip() else {"stderr": captured.err})


def _lion(project: Project) -> Artifact:
    return project.document.exhibit.artifacts[0]


@pytest.mark.parametrize("who", ["Partner A", "Partner B"])
def test_a_glb_straight_from_each_bundle_names_its_recipient(traced, who: str, capsys) -> None:
    project, root, reports = traced
    status, result = _trace(project, root / who / "models" / "lion" / "high.glb", capsys)
    assert status == 0, result
    assert result["match"] is True and result["recipient"] == who
    assert result["export_id"] == reports[who].export_id and result["artifact_id"] == _lion(project).id
    assert result["exported_at"].endswith("Z") and result["confidence"] <= 1e-6
    assert main(["trace", str(project.path), str(root / who / "models" / "lion" / "high.glb")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"match: exported to {who} on {result['exported_at']} (export id {result['export_id']}, "
                        "profile web)")
    assert lines[1] == f"artifact: Lion ({result['artifact_id']}), level high"
    assert lines[2].startswith("false-match probability ") and lines[2].endswith("a match needs <= 1e-06)")


def _transformed_copy(root: Path, who: str, file_type: str, seed: int) -> Path:
    """Decompressed, vertices shuffled and re-indexed, rotated, scaled x1000 (mm) and moved."""
    mesh = read_compressed_glb(root / who / "models" / "urn" / "high.glb")
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(mesh.positions))
    inverse = np.argsort(order)
    faces = inverse[mesh.triangles]
    rotation = trimesh.transformations.random_rotation_matrix(rng.random(3))
    copy = trimesh.Trimesh(mesh.positions[order].astype(np.float64), faces, process=False)
    copy.apply_transform(rotation)
    copy.apply_scale(1000.0)
    copy.apply_translation((120.0, -40.0, 7.5))
    path = root / f"copy-{who.replace(' ', '')}-{seed}.{file_type}"
    copy.export(path)
    return path


@pytest.mark.parametrize("who, file_type, seed", [("Partner A", "ply", 1), ("Partner B", "obj", 2),
                                                  ("Partner B", "stl", 3)])
def test_a_moved_rescaled_reindexed_copy_in_another_format_names_its_recipient(traced, who, file_type, seed,
                                                                               capsys) -> None:
    project, root, reports = traced
    status, result = _trace(project, _transformed_copy(root, who, file_type, seed), capsys)
    assert status == 0, result
    assert (result["recipient"], result["export_id"]) == (who, reports[who].export_id)
    assert result["artifact_id"] == project.document.exhibit.artifacts[1].id


def test_the_unmarked_stored_level_matches_nothing(traced, capsys) -> None:
    project, root, _ = traced
    asset = project.document.exhibit.assets[0]
    status, result = _trace(project, project.resolve(asset.levels[0].file), capsys)
    assert status == 1 and result["match"] is False
    assert result["artifact_id"] == _lion(project).id  # it is the lion, but carries no mark
    assert result["recipient"] is None and result["confidence"] > 1e-6
    assert "carries no recipient's mark" in result["reason"]


def test_another_model_matches_nothing(traced, capsys) -> None:
    project, root, _ = traced
    other = root / "other.ply"
    trimesh.creation.torus(0.1, 0.03).export(other)
    status, result = _trace(project, other, capsys)
    assert status == 1 and result["match"] is False and result["recipient"] is None
    assert "none of this project's artifacts" in result["reason"]


def test_a_corrupt_suspect_is_one_line_and_exit_2(traced, capsys) -> None:
    project, root, _ = traced
    bad = root / "broken.ply"
    bad.write_bytes(b"ply\nformat binary_little_endian 1.0\nelement vertex 99999999\nend_header\n\x00\x01")
    status = main(["trace", str(project.path), str(bad)])
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(("vitrine: broken.ply: ", f"vitrine: {bad}: ")), lines


def test_exports_signed_by_a_retired_key_still_trace_and_verify(tmp_path: Path, viewer_dir: Path, monkeypatch,
                                                                capsys) -> None:
    """After a key rotation the old private key lives in retired-keys/<hex>.pem (trust contract):
    tracing derives that export's mark secret from it; without it, tracing says which key is missing."""
    from vitrine.exporters.publication.museum_secret import retired_key_path
    from vitrine.exporters.trust.signing_keys import key_path, new_key
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "config"))
    project = Project.create(tmp_path / "rot.vitrine", title="Rotation", languages=["en"])
    asset = _add_asset(project, "lion.ply", _bumpy(1), "mesh", ("high",))
    project.document.exhibit.artifacts.append(Artifact(name="Lion", asset_id=asset.id))
    project.save()
    old = export_bundle(project, tmp_path / "old", viewer_dir=viewer_dir, recipient="Before rotation")
    retired = retired_key_path(old.fingerprint)
    retired.parent.mkdir(parents=True)
    key_path().rename(retired)
    new = new_key()
    assert new.public.fingerprint != old.fingerprint
    export_bundle(project, tmp_path / "new", viewer_dir=viewer_dir, recipient="After rotation")
    assert main(["publications", str(project.path), "--verify"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("ok: 2 entries")
    status, result = _trace(project, tmp_path / "old" / "models" / "lion" / "high.glb", capsys)
    assert status == 0 and result["recipient"] == "Before rotation" and result["export_id"] == old.export_id
    retired.unlink()
    status, result = _trace(project, tmp_path / "old" / "models" / "lion" / "high.glb", capsys)
    assert status == 1 and result["match"] is False
    # without the old key this computer can neither vouch for the entry nor derive its mark secret
    assert any(old.fingerprint in w for w in result["warnings"]), result
