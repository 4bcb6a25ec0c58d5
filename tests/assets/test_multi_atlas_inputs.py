"""Multi-atlas scans in the input forms not seen before (issue 17): an OBJ whose atlases are
partly missing or unreadable keeps the atlases that load (the broken one gets the placeholder
checker as its own atlas, one warning naming the file)."""
from __future__ import annotations

import numpy as np
import pytest

from tests.assets.atlas_scans import ATLAS_COLOURS, write_atlas_obj
from vitrine.assets.scan_loading import load_scan
from vitrine.assets.texturing.atlases import face_atlases
from vitrine.assets.texturing.textures import placeholder_texture


def _corner_colour(image) -> tuple[int, ...]:
    return tuple(int(c) for c in np.asarray(image.convert("RGB"))[0, 0])


@pytest.mark.parametrize("broken, how, reason", [(2, "delete", "is not found"), (1, "garbage", "is unreadable")])
def test_obj_with_one_broken_atlas_keeps_the_other_three(tmp_path, broken, how, reason):
    obj = write_atlas_obj(tmp_path, cells=8, side=32)
    target = tmp_path / f"atlas_{broken}.png"
    if how == "delete":
        target.unlink()
    else:
        target.write_bytes(b"not an image at all")
    scan = load_scan(obj)
    assert len(scan.atlases) == 4
    checker = np.asarray(placeholder_texture())
    kept = [_corner_colour(a) for a in scan.atlases if a.size == (32, 32)]
    stand_ins = [a for a in scan.atlases if a.size != (32, 32)]
    assert sorted(kept) == sorted(c for q, c in enumerate(ATLAS_COLOURS) if q != broken)
    assert len(stand_ins) == 1 and np.array_equal(np.asarray(stand_ins[0].convert("RGB")), checker)
    # every atlas keeps its own quarter of the faces (8 × 8 squares, 2 triangles each, / 4)
    assert np.bincount(face_atlases(scan.mesh)).tolist() == [32] * 4
    warnings = [p.message for p in scan.problems if p.severity == "warning"]
    assert warnings == [f"texture 'atlas_{broken}.png' {reason}; a placeholder checker texture is used"]


def test_obj_with_all_atlases_missing_has_one_placeholder_texture(tmp_path):
    obj = write_atlas_obj(tmp_path, cells=8, side=32)
    for q in range(4):
        (tmp_path / f"atlas_{q}.png").unlink()
    scan = load_scan(obj)
    # four identical stand-ins are one image: no atlases, the mesh is textured by the checker
    assert scan.atlases == [] and scan.texture is not None and scan.texture.size == (256, 256)
    assert len([p for p in scan.problems if p.code == "missing_texture"]) == 4
