"""Every real scan comes out upright: the up axis each one needs was read off side views of
its points (igea: a head on a neck cut, +Y; nefertiti: a bust on a flat base, +Z; gargoyle:
a statue on a rock, +Y; the bunnies: +Y; the mask: glTF, +Y) and is asserted here."""
from __future__ import annotations

from pathlib import Path

import pytest

from vitrine.assets.inspection import inspect_scan
from vitrine.assets.scan_loading import load_scan

SCANS = Path("/work/shared/scans")
UPRIGHT = {
    "igea/igea.ply": "y",
    "nefertiti/nefertiti.obj": "z",
    "gargoyle/gargoyle.ply": "y",
    "stanford-bunny/bunny.obj": "y",
    "stanford-bunny/bunny.stl": "y",
    "stanford-bunny/bunny-points.ply": "y",
    "balinese-mask/mask.glb": "y",
}


def test_every_scan_in_the_shared_folder_is_listed():
    found = {str(p.relative_to(SCANS)) for p in SCANS.rglob("*") if p.suffix.lower() in
             {".ply", ".obj", ".stl", ".glb", ".gltf", ".off"}}
    assert found == set(UPRIGHT)


@pytest.mark.parametrize("name", sorted(UPRIGHT))
def test_scan_comes_out_upright(name):
    report = inspect_scan(load_scan(SCANS / name))
    assert report["up_axis_guess"] == UPRIGHT[name], report["up_axis_reason"]
    assert report["up_axis_reason"].endswith(".")


@pytest.mark.parametrize("name", ["igea/igea.ply", "nefertiti/nefertiti.obj", "gargoyle/gargoyle.ply"])
def test_the_shape_decides_not_the_file_convention(name):
    report = inspect_scan(load_scan(SCANS / name))
    assert report["up_axis_reason"].startswith("The scan stands stably on ")


def test_a_scan_turned_upside_down_is_found_upside_down():
    import numpy as np
    scan = load_scan(SCANS / "stanford-bunny" / "bunny.stl")
    scan.mesh.vertices = scan.mesh.vertices * np.array([1.0, -1.0, -1.0])  # 180° about X
    assert inspect_scan(scan)["up_axis_guess"] == "-y"
