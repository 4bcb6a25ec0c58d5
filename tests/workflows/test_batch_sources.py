"""Which files are scans, and which companions travel with them."""
from __future__ import annotations

from pathlib import Path

from vitrine.app.workflows.batch_sources import companions, find_scans


def test_scans_are_found_and_companions_are_not_scans(mixed_folder: Path):
    scans, problems = find_scans([mixed_folder])
    assert [p.relative_to(mixed_folder.resolve()).as_posix() for p in scans] == [
        "box.obj", "broken.ply", "bunny.stl", "empty.stl", "nested/sphere.ply"]
    assert problems == []
    assert [p.name for p in companions(mixed_folder / "box.obj")] == ["box.mtl", "albedo.png"]


def test_references_that_leave_the_folder_are_not_followed(tmp_path: Path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG")
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "a.mtl").write_text("newmtl m\nmap_Kd ../secret.png\nmap_Kd /etc/passwd\n", encoding="utf-8")
    (scans / "a.obj").write_text("mtllib a.mtl\nv 0 0 0\n", encoding="utf-8")
    (scans / "b.gltf").write_text('{"buffers": [{"uri": "../secret.png"}, {"uri": "data:,x"}], "images": [{"uri": "b%20c.png"}]}',
                                  encoding="utf-8")
    (scans / "b c.png").write_bytes(b"\x89PNG")
    assert [p.name for p in companions(scans / "a.obj")] == ["a.mtl"]
    assert [p.name for p in companions(scans / "b.gltf")] == ["b c.png"]


def test_sources_that_are_not_scans_are_named(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    scans, problems = find_scans([tmp_path / "notes.txt", tmp_path / "gone"])
    assert scans == []
    assert problems[0].startswith(f"{tmp_path / 'notes.txt'}: not a scan format (")
    assert problems[1] == f"{tmp_path / 'gone'}: no such file or folder"
