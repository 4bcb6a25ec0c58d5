"""A project with four scans placed by the layout (two on plinths, one on the floor...)."""
from __future__ import annotations

from pathlib import Path

import pytest
import trimesh

from vitrine.app.workflows.placement import placed_import_command
from vitrine.app.workflows.project_import import import_scan
from vitrine.scenes.storage.project_store import Project


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "arr.vitrine", title="Arrange")
    doc = project.document
    for name, size in (("a", (0.3, 0.4, 0.3)), ("b", (0.6, 1.4, 0.6)), ("c", (0.2, 0.2, 0.5)), ("d", (0.4, 0.3, 0.1))):
        path = tmp_path / f"{name}.stl"
        trimesh.creation.box(extents=size).export(path)
        result = import_scan(project, path, units="m", up="y", name=name)
        doc.history.push(placed_import_command(doc, result.command, result.artifact_id))
    return project
