"""`vitrine batch`: a folder mixing good and broken scans is prepared into a collection; one
failure never stops the batch; a rerun skips finished work; results are byte-identical with one
worker, two, or a dask cluster; `vitrine add --from` takes a prepared scan without reprocessing."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from vitrine.app.cli import main


def _catalogue(out: Path) -> dict[str, dict]:
    data = json.loads((out / "catalogue.json").read_text("utf-8"))
    assert data["format"] == "vitrine-collection" and data["version"] == 1
    return {Path(e["source"]).name: e for e in data["entries"]}


def _levels(out: Path) -> dict[str, list[tuple[str, str, int]]]:
    return {name: [(lv["name"], lv["sha256"], lv["faces"]) for lv in e["levels"]] for name, e in _catalogue(out).items()}


def test_mixed_folder_prepares_good_scans_and_reports_broken_ones(mixed_folder, tmp_path, capsys):
    out = tmp_path / "collection"
    assert main(["batch", str(mixed_folder), "--out", str(out), "--workers", "2"]) == 1
    entries = _catalogue(out)
    assert sorted(entries) == ["box.obj", "broken.ply", "bunny.stl", "empty.stl", "sphere.ply"]  # no .mtl/.png/.txt
    assert {n for n, e in entries.items() if e["status"] == "prepared"} == {"box.obj", "bunny.stl", "sphere.ply"}
    assert entries["broken.ply"]["error"] == "broken.ply: is not a PLY file: it does not start with 'ply'"
    assert entries["empty.stl"]["error"] == "empty.stl: the file is empty"
    for name in ("box.obj", "bunny.stl", "sphere.ply"):
        e = entries[name]
        src = Path(e["source"]).read_bytes()
        assert e["asset_id"] == hashlib.sha256(src).hexdigest()
        assert (out / e["original"]).read_bytes() == src
        assert e["summary"]["faces"] > 0 and e["levels"]
        for lv in e["levels"]:
            assert hashlib.sha256((out / lv["file"]).read_bytes()).hexdigest() == lv["sha256"]
            assert lv["file"] == f"levels/{lv['sha256']}.glb"
    # the OBJ's texture travelled with it: its finest level carries an image
    glb = (out / entries["box.obj"]["levels"][0]["file"]).read_bytes()
    gltf = json.loads(glb[20:20 + int.from_bytes(glb[12:16], "little")])
    assert len(gltf["images"]) == 1 and "baseColorTexture" in gltf["materials"][0]["pbrMetallicRoughness"]
    err = capsys.readouterr().err
    assert "failed" in err and "broken.ply: is not a PLY file" in err


def test_a_second_run_skips_prepared_scans_and_retries_failures(mixed_folder, tmp_path, capsys):
    out = tmp_path / "collection"
    main(["batch", str(mixed_folder), "--out", str(out)])
    before = {p.name: p.stat().st_mtime_ns for p in (out / "levels").iterdir()}
    capsys.readouterr()
    assert main(["batch", str(mixed_folder), "--out", str(out), "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert (summary["prepared"], summary["skipped"], summary["failed"]) == (0, 3, 2)
    assert {p.name: p.stat().st_mtime_ns for p in (out / "levels").iterdir()} == before
    (mixed_folder / "broken.ply").unlink()  # the curator removed it: now everything is prepared
    (mixed_folder / "empty.stl").unlink()
    assert main(["batch", str(mixed_folder), "--out", str(out)]) == 0


def test_a_run_killed_midway_resumes(mixed_folder, tmp_path):
    """What a kill leaves: level files written, the catalogue without that scan's entry (it is
    written last). The rerun prepares exactly the missing scan."""
    out = tmp_path / "collection"
    main(["batch", str(mixed_folder), "--out", str(out)])
    data = json.loads((out / "catalogue.json").read_text("utf-8"))
    data["entries"] = [e for e in data["entries"] if not e["source"].endswith("sphere.ply")]
    (out / "catalogue.json").write_text(json.dumps(data), encoding="utf-8")
    from vitrine.app.workflows.batch_runner import run_batch
    summary = run_batch([mixed_folder], out, workers=1)
    assert [Path(s).name for s in summary.prepared] == ["sphere.ply"]
    assert len(summary.skipped) == 2


def test_a_changed_scan_is_prepared_again(mixed_folder, tmp_path):
    import trimesh
    out = tmp_path / "collection"
    from vitrine.app.workflows.batch_runner import run_batch
    run_batch([mixed_folder / "bunny.stl"], out, workers=1)
    trimesh.creation.box(extents=(0.1, 0.1, 0.4)).export(mixed_folder / "bunny.stl")
    summary = run_batch([mixed_folder / "bunny.stl"], out, workers=1)
    assert [Path(s).name for s in summary.prepared] == ["bunny.stl"]
    assert _catalogue(out)["bunny.stl"]["asset_id"] == hashlib.sha256((mixed_folder / "bunny.stl").read_bytes()).hexdigest()


def test_results_are_identical_with_any_number_of_workers_and_on_dask(mixed_folder, tmp_path):
    from distributed import LocalCluster
    from vitrine.app.workflows.batch_runner import run_batch
    run_batch([mixed_folder], tmp_path / "one", workers=1)
    run_batch([mixed_folder], tmp_path / "two", workers=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_batch([mixed_folder], tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert len(summary.prepared) == 3 and len(summary.failed) == 2
    reference = _levels(tmp_path / "one")
    assert _levels(tmp_path / "two") == reference and _levels(tmp_path / "dask") == reference
    files = {p.name: p.read_bytes() for p in (tmp_path / "one" / "levels").iterdir()}
    for other in ("two", "dask"):
        assert {p.name: p.read_bytes() for p in (tmp_path / other / "levels").iterdir()} == files
    assert _catalogue(tmp_path / "dask")["broken.ply"]["error"] == _catalogue(tmp_path / "one")["broken.ply"]["error"]


def test_add_from_collection_without_reprocessing(mixed_folder, tmp_path, capsys, monkeypatch):
    from vitrine.scenes.storage.project_store import Project
    out = tmp_path / "collection"
    main(["batch", str(mixed_folder / "bunny.stl"), "--out", str(out)])
    entry = _catalogue(out)["bunny.stl"]
    assert main(["new", str(tmp_path / "show")]) == 0
    import vitrine.app.workflows.project_import as project_import

    def no_preparing(*a, **k):
        raise AssertionError("reprocessed")
    monkeypatch.setattr(project_import, "prepare_scan", no_preparing)
    capsys.readouterr()
    assert main(["add", str(tmp_path / "show.vitrine"), "--from", str(out), entry["asset_id"][:10],
                 "--name", "Bunny"]) == 0
    project = Project.open(tmp_path / "show.vitrine")
    [artifact] = project.document.exhibit.artifacts
    asset = project.document.asset(artifact.asset_id)
    assert artifact.name == "Bunny" and asset.id == entry["asset_id"]
    assert [lv.sha256 for lv in asset.levels] == [lv["sha256"] for lv in entry["levels"]]
    assert project.resolve(asset.file).read_bytes() == (mixed_folder / "bunny.stl").read_bytes()


def test_add_from_a_tampered_collection_is_refused(mixed_folder, tmp_path, capsys):
    from vitrine.scenes.storage.project_store import Project
    out = tmp_path / "collection"
    main(["batch", str(mixed_folder / "bunny.stl"), "--out", str(out)])
    entry = _catalogue(out)["bunny.stl"]
    main(["new", str(tmp_path / "show")])
    level = out / entry["levels"][0]["file"]
    level.write_bytes(level.read_bytes()[:-4] + b"EVIL")
    saved = (tmp_path / "show.vitrine" / "exhibit.json").read_bytes()
    capsys.readouterr()
    assert main(["add", str(tmp_path / "show.vitrine"), "--from", str(out), entry["asset_id"]]) == 2
    assert capsys.readouterr().err == f"vitrine: {level}: does not match the catalogue (changed or damaged)\n"
    assert (tmp_path / "show.vitrine" / "exhibit.json").read_bytes() == saved
    assert not Project.open(tmp_path / "show.vitrine").document.exhibit.artifacts


@pytest.mark.parametrize("argv, message", [
    (["--workers", "0"], "vitrine: --workers 0: give a number of processes above 0\n"),
    (["--scheduler", "10.0.0.5:8786"], "vitrine: --scheduler 10.0.0.5:8786: give the scheduler's address, e.g. tcp://HOST:8786\n"),
])
def test_batch_usage_errors(mixed_folder, tmp_path, capsys, argv, message):
    capsys.readouterr()
    assert main(["batch", str(mixed_folder), "--out", str(tmp_path / "c"), *argv]) == 2
    assert capsys.readouterr().err == message
    assert not (tmp_path / "c").exists()


def test_batch_refuses_bad_places(mixed_folder, tmp_path, capsys):
    capsys.readouterr()
    assert main(["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "c")]) == 2
    assert capsys.readouterr().err == f"vitrine: {tmp_path / 'nope'}: no such file or folder\n"
    assert main(["batch", str(mixed_folder), "--out", str(mixed_folder)]) == 2
    assert capsys.readouterr().err == (f"vitrine: {mixed_folder}: exists and is not a Vitrine collection; "
                                       "choose an empty or new folder\n")
    assert main(["batch", str(mixed_folder), "--out", str(tmp_path / "c"), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vitrine: tcp://127.0.0.1:9: cannot reach the dask scheduler (") and err.count("\n") == 1
