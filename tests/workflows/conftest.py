"""Folders of scans for batch preparation: good ones in several formats, broken ones, and an
OBJ whose material and texture are companions (not scans)."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest


def _textured_obj(folder: Path) -> None:
    import trimesh
    from PIL import Image
    mesh = trimesh.creation.box(extents=(0.2, 0.3, 0.1))
    uv = (mesh.vertices[:, [0, 1]] - mesh.vertices[:, [0, 1]].min(0)) / np.ptp(mesh.vertices[:, [0, 1]], axis=0)
    lines = [f"v {x} {y} {z}" for x, y, z in mesh.vertices] + [f"vt {u} {v}" for u, v in uv]
    lines += [f"f {a + 1}/{a + 1} {b + 1}/{b + 1} {c + 1}/{c + 1}" for a, b, c in mesh.faces]
    (folder / "tex").mkdir()
    Image.new("RGB", (64, 64), (200, 40, 30)).save(folder / "tex" / "albedo.png")
    (folder / "box.mtl").write_text("newmtl skin\nKd 1 1 1\nmap_Kd tex/albedo.png\n", encoding="utf-8")
    (folder / "box.obj").write_text("mtllib box.mtl\nusemtl skin\n" + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """good: bunny.stl, nested/sphere.ply, box.obj (+ box.mtl, tex/albedo.png);
    broken: broken.ply (text), empty.stl (0 bytes)."""
    import trimesh
    src = tmp_path / "scans"
    (src / "nested").mkdir(parents=True)
    trimesh.creation.icosphere(subdivisions=3, radius=0.1).export(src / "nested" / "sphere.ply")
    trimesh.creation.annulus(r_min=0.05, r_max=0.1, height=0.2).export(src / "bunny.stl")
    _textured_obj(src)
    (src / "broken.ply").write_text("this is not a ply file\n", encoding="utf-8")
    (src / "empty.stl").write_bytes(b"")
    (src / "notes.txt").write_text("catalogue notes", encoding="utf-8")
    return src


@pytest.fixture
def copy_of(tmp_path: Path):
    def copy(path: Path, name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(path, target)
        return target
    return copy
