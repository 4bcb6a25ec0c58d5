"""kill -9 during scan import and during export: the project always opens with its last
saved state intact, and a bundle that was good stays good (or is replaced by a complete one)."""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

ROUNDS = int(os.environ.get("VITRINE_KILL_ROUNDS_IMPORT_EXPORT", "100"))


def _no_fsync() -> None:
    # fsync guards against power loss, not process death: the page cache outlives a killed
    # process. Skipping it in the victim makes each round fast without changing what is tested.
    os.fsync = lambda fd: None


def _import_forever(project_dir: str, scan: str) -> None:
    _no_fsync()
    from vitrine.app.workflows.project_import import import_scan
    from vitrine.scenes.storage.project_store import Project
    project = Project.open(project_dir)
    while True:
        result = import_scan(project, scan, units="mm", up="z")
        project.document.history.push(result.command)
        project.save()


def _export_forever(project_dir: str, out: str) -> None:
    _no_fsync()
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.scenes.storage.project_store import Project
    project = Project.open(project_dir)
    while True:
        export_bundle(project, out)


def _context() -> multiprocessing.context.BaseContext:
    # a fork server starts children from a clean, preloaded process: quick, and safe even
    # when this test process has Qt threads running
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([
        "vitrine.app.workflows.project_import", "vitrine.exporters.bundle.bundle_writer", "vitrine.scenes.storage.project_store", "vitrine.assets.scan_loading",
        "vitrine.assets.inspection", "vitrine.assets.levels.level_of_detail", "vitrine.assets.geometry.mesh_repair", "vitrine.assets.preparation",
        "vitrine.assets.formats.glb_io", "vitrine.assets.texturing.textures", "vitrine.exporters.bundle.glb_compression", "vitrine.exporters.trust.manifest"])
    return ctx


def _kill_after(ctx, target, args, delay: float) -> None:
    proc = ctx.Process(target=target, args=args, daemon=True)
    proc.start()
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(10)


@pytest.fixture
def scan_file(tmp_path: Path) -> Path:
    import trimesh
    path = tmp_path / "vase.stl"
    path.write_bytes(trimesh.creation.icosphere(subdivisions=4, radius=60.0).export(file_type="stl"))
    return path


def test_kill_during_import_leaves_the_saved_project_intact(tmp_path: Path, scan_file: Path) -> None:
    from vitrine.scenes.storage.project_store import Project
    project = Project.create(tmp_path / "imports")
    ctx = _context()
    rng = random.Random(7)
    counts = []
    for _ in range(ROUNDS):
        _kill_after(ctx, _import_forever, (str(project.path), str(scan_file)), rng.uniform(0.02, 0.6))
        reopened = Project.open(project.path)  # never raises
        ex = reopened.document.exhibit
        counts.append(len(ex.artifacts))
        # every artifact saved refers to a complete, stored scan and levels
        assert not [p for p in reopened.problems if p.code in ("missing-asset", "missing-file")]
        for asset in ex.assets:
            assert reopened.resolve(asset.file).read_bytes() == scan_file.read_bytes()
    assert counts == sorted(counts)  # nothing saved is ever lost
    leftovers = [p for p in (project.path / "assets").iterdir() if p.name.startswith(".")]
    print(f"{ROUNDS} kills during import: {counts[-1]} imports completed; "
          f"{len(leftovers)} temporary files left beside the store (never under a final name)")


def test_kill_during_export_keeps_a_good_bundle_good(tmp_path: Path, scan_file: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from vitrine.app.workflows.project_import import import_scan
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.exporters.trust.manifest import verify_bundle
    from vitrine.scenes.storage.project_store import Project
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "config"))  # children inherit it
    project = Project.create(tmp_path / "exports")
    project.document.history.push(import_scan(project, scan_file, units="mm", up="z").command)
    project.save()
    out = tmp_path / "bundle"
    export_bundle(project, out)
    ctx = _context()
    rng = random.Random(11)
    states = {"intact": 0, "moved aside": 0}
    for _ in range(ROUNDS):
        _kill_after(ctx, _export_forever, (str(project.path), str(out)), rng.uniform(0.02, 0.5))
        if out.exists():
            assert verify_bundle(out).ok, verify_bundle(out).lines()
            states["intact"] += 1
        else:
            # killed between the two renames of the swap: the previous bundle is kept beside it
            aside = [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.old-")]
            assert aside and verify_bundle(aside[0]).ok
            os.replace(aside[0], out)
            states["moved aside"] += 1
    print(f"{ROUNDS} kills during export: {states}")
