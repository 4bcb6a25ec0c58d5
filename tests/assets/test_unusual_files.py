"""Scans as other museums' software writes them import with what they hold; broken and hostile
ones are refused with one line naming the file and the reason (corpus: unusual/corpus.py)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan

from .unusual.corpus import INVALID, VALID
from .unusual.hostile_files import ply_texture_outside, symlinked_texture


@pytest.mark.parametrize("case", sorted(VALID))
def test_valid_unusual_file_imports_with_what_it_holds(tmp_path: Path, case: str) -> None:
    writer, expected = VALID[case]
    scan = load_scan(writer(tmp_path))
    if "points" in expected:
        assert scan.mesh is None and len(scan.points.vertices) == expected["points"]
        if "max_extent" in expected:  # node transforms apply to clouds too
            assert np.allclose(np.ptp(scan.points.vertices, axis=0), expected["max_extent"])
        return
    mesh = scan.mesh
    assert len(mesh.faces) == expected["faces"]
    if "vertices" in expected:
        assert len(mesh.vertices) == expected["vertices"]
    if "colors" in expected:
        assert mesh.visual.kind == "vertex"
        colours = {tuple(int(x) for x in c) for c in np.asarray(mesh.visual.vertex_colors)}
        assert expected["colors"] in colours
    if expected.get("uv"):
        uv = np.asarray(mesh.visual.uv)
        assert uv.shape == (len(mesh.vertices), 2) and np.isfinite(uv).all()
        assert uv.min() >= -1e-6 and uv.max() <= 1 + 1e-6 and np.ptp(uv) > 0.5
    if "texture" in expected:
        assert scan.texture is not None and scan.texture.size == expected["texture"]
    if "max_z" in expected:
        assert mesh.vertices[:, 2].max() == pytest.approx(expected["max_z"])
    assert not [p for p in scan.problems if p.severity == "error"]


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_file_is_refused_in_one_line_naming_it(tmp_path: Path, case: str) -> None:
    writer, reason = INVALID[case]
    path = writer(tmp_path)
    with pytest.raises(ScanError) as info:
        load_scan(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path.name}: "), message
    assert reason in message, message
    assert "Error" not in message and "Traceback" not in message, message


def test_negative_obj_indices_count_back_from_where_they_stand(tmp_path: Path) -> None:
    """'f -4 -3 -2 -1' after the second group's vertices names those four, not the first four."""
    scan = load_scan(VALID["obj negative indices, o/g"][0](tmp_path))
    corners = {tuple(v) for v in np.asarray(scan.mesh.vertices)}
    assert corners == {tuple(v) for v in [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0],
                                          [0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]]}


def test_gltf_node_scale_and_rotation_are_applied(tmp_path: Path) -> None:
    scan = load_scan(VALID["glb nodes with transforms"][0](tmp_path))
    lo, hi = scan.mesh.bounds
    # parent scaled to millimetres (0..0.001), its child 1000 mm along x, a sibling turned 90° about y, 3 m up
    assert hi[0] == pytest.approx(1.001) and hi[1] == pytest.approx(4.0) and lo[2] == pytest.approx(-1.0)


def test_texture_outside_the_folder_is_not_read(tmp_path: Path) -> None:
    """A symlink beside an OBJ leading out of its folder, and a PLY TextureFile with an absolute
    path: the geometry imports, the texture is a placeholder and a warning says why."""
    for writer, name in ((symlinked_texture, "'tex.png'"), (ply_texture_outside, "'/etc/hostname.png'")):
        sub = tmp_path / writer.__name__
        sub.mkdir()
        scan = load_scan(writer(sub))
        warnings = [p.message for p in scan.problems if p.code == "missing_texture"]
        assert warnings == [f"texture {name} is outside the scan's folder and is not read; "
                            "a placeholder checker texture is used"]
        assert scan.texture is not None and scan.texture.getpixel((0, 0)) != (1, 2, 3)


@pytest.mark.parametrize("case", sorted(c for c in VALID if not c.startswith("obj")))
def test_a_truncated_file_is_refused_in_one_line_or_still_whole(tmp_path: Path, case: str) -> None:
    """Cut each valid file at eight places: a one-line ScanError naming the file, or (an ASCII
    file cut in its last newline or end keyword, an STL cut after a whole solid) every face it
    held; never another exception.  (OBJ has no counts: a cut OBJ is a smaller valid one.)"""
    whole = VALID[case][0](tmp_path).read_bytes()
    path = tmp_path / f"cut{Path(VALID[case][0](tmp_path)).suffix}"
    for cut in sorted({1, 4, 12, 20, len(whole) // 3, len(whole) // 2, len(whole) - 8, len(whole) - 1}):
        path.write_bytes(whole[:cut])
        try:
            scan = load_scan(path)
        except ScanError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(f"{path.name}: "), (cut, str(exc))
            continue
        assert cut >= len(whole) - 8 or case == "stl ascii, two solids", cut
        faces = len(scan.mesh.faces) if scan.mesh is not None else None
        assert faces in (VALID[case][1].get("faces"), 4), (cut, faces)


def test_obj_rewrite_and_finite_check_read_only_what_they_must() -> None:
    from vitrine.assets.formats.finite_check import non_finite_vertices
    from vitrine.assets.formats.obj_text import normalised_obj

    text = b"v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nf 1/-1 2/-1 3/-1\n# info: nan\nv -1 -1 -1\nf\t-1 -2 -3\r\n"
    assert normalised_obj(text) == \
        b"v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nf 1/1 2/1 3/1\n# info: nan\nv -1 -1 -1\nf 4 3 2\r\n"
    assert normalised_obj(b"v -1 -2 -3\nf 1 1 1\n") is None  # negative coordinates are no indices
    assert normalised_obj(b"\xef\xbb\xbfv 0 0 0\n") == b"v 0 0 0\n"
    # a comment or a material named "info" is no vertex; a vertex line with NaN is
    assert non_finite_vertices("OBJ", b"mtllib info.mtl\n# nan\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n") is None
    assert non_finite_vertices("OBJ", b"v 0 0 0\nv 1 -Inf 0\nv 0 1 0\nv NaN 0 0\n") == (2, 4)


def test_a_mirrored_gltf_node_keeps_its_faces_outward(tmp_path: Path) -> None:
    """A node scaled by -1 (a mirrored copy, as for a pair of earrings) reverses the winding
    (glTF 2.0 §3.7.4): both copies must still enclose a positive volume."""
    from .unusual.gltf_builder import GltfBuilder, tetra_primitive
    g = GltfBuilder()
    g.mesh([tetra_primitive(g)], scale=[-1, 1, 1])
    g.mesh([tetra_primitive(g)], translation=[3, 0, 0])
    scan = load_scan(g.glb(tmp_path / "mirrored.glb"))
    assert [round(float(p.volume), 6) for p in scan.parts.values()] == [round(1 / 6, 6)] * 2


def test_texture_transform_is_baked_into_the_uvs(tmp_path: Path) -> None:
    """gltfpack output: normalised uint16 UVs mapped by KHR_texture_transform. Each corner lands
    where the transform puts it (trimesh's v runs bottom-up: v = 1 - glTF v)."""
    from vitrine.assets.formats.gltf_primitives import apply_texture_transform
    from .unusual.gltf_files import gltf_texture_transform
    uv = np.asarray(load_scan(gltf_texture_transform(tmp_path)).mesh.visual.uv)
    gltf_uv = np.column_stack([0.25 + 0.5 * np.array([0, 1, 0, 1.0]), 0.5 + 0.25 * np.array([0, 0, 1, 1.0])])
    assert np.allclose(uv, np.column_stack([gltf_uv[:, 0], 1 - gltf_uv[:, 1]]), atol=1e-6)
    turned = apply_texture_transform(np.array([[1.0, 0.0], [0.0, 1.0]]), {"rotation": np.pi / 2, "offset": [0.5, 0]})
    assert np.allclose(turned, [[0.5, 1.0], [-0.5, 0.0]])  # the spec's (column-major) rotation: u turns into +v
