"""A scan over the face limit is not loaded by surprise: the CLI says how to import it
simplified, the editor offers it, and the simplified import keeps the original file."""
from __future__ import annotations

from pathlib import Path

import pytest

from vitrine.app.cli import main

from .editor_fixtures import *  # noqa: F401,F403  (window factory, isolated settings, dialogs)


@pytest.fixture
def small_budgets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scale the level-of-detail budgets down so a small mesh plays the part of a huge scan."""
    from vitrine.assets.levels.level_of_detail import LOD_BUDGETS
    for name, faces in {"high": 2000, "medium": 1000, "low": 500, "thumbnail": 200}.items():
        monkeypatch.setitem(LOD_BUDGETS, name, faces)


@pytest.fixture
def big_scan(tmp_path: Path) -> Path:
    import trimesh
    path = tmp_path / "statue.stl"
    path.write_bytes(trimesh.creation.icosphere(subdivisions=4, radius=400.0).export(file_type="stl"))  # 5,120 faces
    return path


def test_cli_refuses_then_imports_simplified(tmp_path: Path, big_scan: Path, small_budgets, capsys) -> None:
    from vitrine.scenes.storage.project_store import Project
    project = Project.create(tmp_path / "p")
    assert main(["add", str(project.path), str(big_scan), "--max-faces", "3000"]) == 2
    err = capsys.readouterr().err
    assert "statue.stl" in err and "5,120" in err and "--simplified" in err
    assert Project.open(project.path).document.exhibit.artifacts == []

    assert main(["add", str(project.path), str(big_scan), "--max-faces", "3000", "--simplified"]) == 0
    reopened = Project.open(project.path)
    asset = reopened.document.exhibit.assets[0]
    levels = {lv.level: lv.faces for lv in asset.levels}
    assert "original" not in levels and levels["high"] <= 2000
    assert reopened.resolve(asset.file).read_bytes() == big_scan.read_bytes()
    prepare = next(step for step in asset.processing if step.operation == "prepare")
    assert prepare.parameters["simplified_from_faces"] == 5120


@pytest.mark.gui
def test_editor_offers_a_simplified_import(make_window, tmp_path: Path, big_scan: Path, small_budgets,
                                           qtbot, dialogs, monkeypatch) -> None:
    if not __import__("os").environ.get("DISPLAY"):
        pytest.skip("needs a display (Xvfb)")
    from PySide6.QtWidgets import QMessageBox
    import vitrine.app.workflows.project_import as project_import
    real = project_import.import_scan
    monkeypatch.setattr(project_import, "import_scan",
                        lambda *a, **k: real(*a, **{**k, "max_faces": k.get("max_faces") or 3000}))
    window = make_window()
    window.new_project(tmp_path / "p")
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.import_scan(big_scan)
    doc = window.session.document
    qtbot.waitUntil(lambda: len(doc.exhibit.artifacts) == 1, timeout=60000)
    assert dialogs.questions and "5,120" in dialogs.questions[0]
    assert {lv.level for lv in doc.exhibit.assets[0].levels} >= {"high"}
