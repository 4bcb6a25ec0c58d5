"""The command line: exit status 0/1/2, one clear line on stderr, never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vitrine.app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitrine.app.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120)


def assert_clean_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_new_info_validate(tmp_path: Path, capsys) -> None:
    target = tmp_path / "青铜 bronzes"
    assert main(["new", str(target), "--title", "Bronzes", "--languages", "en,zh-Hans,fr"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.name == "青铜 bronzes.vitrine"
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["languages"] == ["en", "zh-Hans", "fr"] and info["title"] == {"en": "Bronzes"}
    assert main(["validate", str(path)]) == 0  # only 'info' problems (missing translations)
    assert "missing-translation" in capsys.readouterr().out


def test_validate_exits_1_when_problems_are_found(tmp_path: Path, capsys) -> None:
    from vitrine.scenes.exhibit_model import Annotation
    from vitrine.scenes.storage.project_store import Project
    project = Project.create(tmp_path / "p")
    project.document.exhibit.annotations.append(Annotation(artifact_id="art-00000000dead"))
    project.save()
    assert main(["validate", str(project.path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in report["problems"] if p["severity"] == "error"] == ["orphan-annotation"]


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    assert_clean_error(run_cli("info", str(tmp_path / "nowhere.vitrine")), "nowhere.vitrine", "no such project")
    broken = tmp_path / "broken.vitrine"
    broken.mkdir()
    (broken / "exhibit.json").write_text("{ this is not json")
    assert_clean_error(run_cli("info", str(broken)), "exhibit.json", "not valid JSON")
    assert_clean_error(run_cli("new", str(tmp_path / "x"), "--languages", "english!"), "BCP-47")
    jpeg = tmp_path / "photo.ply"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)
    assert_clean_error(run_cli("inspect", str(jpeg)), "photo.ply")


def test_usage_errors_exit_2() -> None:
    proc = run_cli("frobnicate")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "invalid choice" in proc.stderr


def test_add_imports_a_scan_and_a_failed_import_leaves_the_project_as_it_was(tmp_path: Path, capsys) -> None:
    import trimesh
    from vitrine.scenes.storage.project_store import Project
    project = Project.create(tmp_path / "p")
    scan = tmp_path / "花瓶 vase.stl"
    scan.write_bytes(trimesh.creation.icosphere(subdivisions=3, radius=50.0).export(file_type="stl"))
    assert main(["add", str(project.path), str(scan), "--name", "Vase"]) == 0
    art_id = capsys.readouterr().out.strip()
    reopened = Project.open(project.path)
    art = reopened.document.get(art_id)
    asset = reopened.document.asset(art.asset_id)
    assert art.name == "Vase" and asset.units == "mm" and asset.original_name == "花瓶 vase.stl"
    assert reopened.resolve(asset.file).read_bytes() == scan.read_bytes()  # the original, byte-identical
    assert max(asset.dimensions) == pytest.approx(0.1, rel=0.02)  # 100 mm -> 0.1 m
    before = (project.path / "exhibit.json").read_bytes()
    truncated = tmp_path / "cut.stl"
    truncated.write_bytes(scan.read_bytes()[:300])
    assert_clean_error(run_cli("add", str(project.path), str(truncated)), "cut.stl")
    assert (project.path / "exhibit.json").read_bytes() == before


def test_sample_exhibit_is_complete(tmp_path: Path) -> None:
    from vitrine.scenes.storage.project_store import Project
    assert main(["sample", str(tmp_path / "sample")]) == 0
    project = Project.open(tmp_path / "sample.vitrine")
    ex = project.document.exhibit
    assert len(ex.artifacts) >= 2 and len(ex.plinths) >= 2 and ex.lights
    assert len(ex.annotations) >= 3
    for ann in ex.annotations:
        assert ann.title.get("en") and ann.title.get("zh-Hans") and ann.body.get("zh-Hans")
    assert len(ex.tours) == 1 and len(ex.tours[0].steps) == 3
    assert [p for p in project.problems if p.severity in ("error", "warning")] == []
    # every annotation lies on its artifact's prepared surface
    import numpy as np
    from vitrine.assets.formats.glb_io import read_glb
    from vitrine.assets.geometry.surface_picking import SurfacePicker
    for ann in ex.annotations:
        asset = project.document.asset(project.document.get(ann.artifact_id).asset_id)
        mesh = read_glb(project.resolve(next(lv.file for lv in asset.levels if lv.level == "original")))
        hit = SurfacePicker(mesh).closest_point(np.array(ann.point))
        assert np.linalg.norm(hit.point - np.array(ann.point)) < 1e-4
