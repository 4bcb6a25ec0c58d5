"""Storing a prepared scan: the original is hashed while it is copied (one read), and a scan
swapped on disk between preparation and storing is refused with nothing stored."""
from __future__ import annotations

from pathlib import Path

import pytest
import trimesh

from vitrine.app.workflows.project_import import prepare_scan, store_prepared
from vitrine.scenes.storage import project_store
from vitrine.scenes.storage.project_store import Project, sha256_file


def _scan(path: Path, subdivisions: int = 1) -> Path:
    trimesh.creation.icosphere(subdivisions=subdivisions, radius=0.1).export(path)
    return path


def test_the_original_is_read_once_while_stored(tmp_path, monkeypatch) -> None:
    scan = _scan(tmp_path / "pot.ply")
    prepared = prepare_scan(scan)
    project = Project.create(tmp_path / "p.vitrine")
    monkeypatch.setattr(project_store, "sha256_file", lambda p: pytest.fail(f"hashed {p} a second time"))
    result = store_prepared(project, prepared, scan)
    stored = project.resolve(f"assets/{prepared.original_sha256}.ply")
    assert result.asset_id == prepared.original_sha256 == sha256_file(stored)
    assert stored.read_bytes() == scan.read_bytes()


def test_a_scan_swapped_after_preparation_is_refused_and_nothing_is_stored(tmp_path) -> None:
    scan = _scan(tmp_path / "pot.ply")
    prepared = prepare_scan(scan)
    _scan(scan, subdivisions=2)  # another file under the same name, as an attacker would swap it
    project = Project.create(tmp_path / "p.vitrine")
    with pytest.raises(ValueError, match=r"pot\.ply: changed while it was being prepared$"):
        store_prepared(project, prepared, scan)
    assets = project.path / "assets"
    assert not assets.exists() or list(assets.iterdir()) == []  # no copy, no temporary file left


def test_a_swapped_scan_is_refused_when_its_hash_is_already_stored(tmp_path) -> None:
    scan = _scan(tmp_path / "pot.ply")
    prepared = prepare_scan(scan)
    project = Project.create(tmp_path / "p.vitrine")
    store_prepared(project, prepared, scan)
    stored = project.resolve(f"assets/{prepared.original_sha256}.ply")
    before = stored.read_bytes()
    _scan(scan, subdivisions=2)
    with pytest.raises(ValueError, match=r"changed while it was being prepared$"):
        store_prepared(project, prepared, scan)
    assert stored.read_bytes() == before
