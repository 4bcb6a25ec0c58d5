"""Bad input always ends in a one-line ScanError naming the file, quickly and without big allocations."""
from __future__ import annotations

import time
from pathlib import Path
import tracemalloc

import numpy as np
import pytest
import trimesh

from vitrine.assets.scan_errors import ScanError, ScanTooLarge
from vitrine.assets.scan_loading import load_scan, peek_counts

from .sample_files import make_glb, tetra, write_ply


def _raises_one_line(path, match: str | None = None) -> ScanError:
    with pytest.raises(ScanError) as info:
        load_scan(path)
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(path.name + ": "), msg
    if match:
        assert match in msg, msg
    return info.value


def test_empty_file(tmp_path):
    path = tmp_path / "empty.ply"
    path.write_bytes(b"")
    _raises_one_line(path, "empty")


def test_missing_file(tmp_path):
    _raises_one_line(tmp_path / "nothing here.obj", "does not exist")


@pytest.mark.parametrize("encoding", ["ascii", "binary_little_endian"])
def test_truncated_ply(tmp_path, encoding):
    mesh = trimesh.creation.icosphere(2)
    path = write_ply(tmp_path / "full.ply", mesh.vertices, mesh.faces, encoding=encoding)
    data = path.read_bytes()
    cut = tmp_path / "cut.ply"
    cut.write_bytes(data[: len(data) * 2 // 3])
    _raises_one_line(cut)


def test_lying_header_claiming_two_billion_faces_is_refused_fast(tmp_path):
    v, f = tetra()
    path = write_ply(tmp_path / "bunny.ply", v, f, face_count_override=2_000_000_000)
    tracemalloc.start()
    start = time.perf_counter()
    err = _raises_one_line(path, "2,000,000,000")
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "bytes" in str(err)
    assert elapsed < 0.5 and peak < 20_000_000


def test_too_many_faces_for_the_limit_raises_scan_too_large(tmp_path):
    mesh = trimesh.creation.icosphere(2)
    path = write_ply(tmp_path / "big.ply", mesh.vertices, mesh.faces)
    with pytest.raises(ScanTooLarge) as info:
        load_scan(path, max_faces=100)
    assert info.value.claimed_faces == len(mesh.faces) and "100" in str(info.value)


def test_nan_coordinates(tmp_path):
    v, f = tetra()
    v[2, 1] = np.nan
    _raises_one_line(write_ply(tmp_path / "nan.ply", v, f), "NaN")


def test_out_of_range_indices(tmp_path):
    v, f = tetra()
    f[1, 2] = 99
    _raises_one_line(write_ply(tmp_path / "idx.ply", v, f), "outside")


def test_out_of_range_indices_in_obj(tmp_path):
    path = tmp_path / "bad.obj"
    path.write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 7\n")
    with pytest.raises(ScanError) as info:
        load_scan(path)
    assert str(info.value).startswith("bad.obj: ")


def test_jpeg_renamed_ply_names_the_real_type(tmp_path):
    path = tmp_path / "photo.ply"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    _raises_one_line(path, "JPEG")


def test_bit_flipped_binary_ply(tmp_path):
    mesh = trimesh.creation.icosphere(2)
    path = write_ply(tmp_path / "flip.ply", mesh.vertices, mesh.faces)
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(3)
    body = data.index(b"end_header") + 11
    # Flip high bits in the face block so indices point far outside the vertices.
    face_start = body + 12 * len(mesh.vertices)
    for pos in rng.integers(face_start, len(data), 50):
        data[pos] ^= 0x80
    path.write_bytes(bytes(data))
    _raises_one_line(path)


def test_binary_stl_with_lying_triangle_count(tmp_path):
    data = bytearray(trimesh.creation.box().export(file_type="stl"))
    data[80:84] = (2_000_000_000).to_bytes(4, "little")
    path = tmp_path / "box.stl"
    path.write_bytes(bytes(data))
    _raises_one_line(path, "2,000,000,000")


def test_glb_accessor_overrunning_its_buffer(tmp_path):
    doc = {"asset": {"version": "2.0"}, "buffers": [{"byteLength": 36}],
           "bufferViews": [{"buffer": 0, "byteLength": 36}],
           "accessors": [{"bufferView": 0, "componentType": 5126, "count": 1_000_000_000, "type": "VEC3"}],
           "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}]}
    path = tmp_path / "lie.glb"
    path.write_bytes(make_glb(doc, bytes(36)))
    _raises_one_line(path, "1,000,000,000")
    with pytest.raises(ScanError):
        peek_counts(path)


def test_text_garbage_obj(tmp_path):
    path = tmp_path / "junk.obj"
    path.write_bytes(b"\x00\x01binary junk" * 10)
    _raises_one_line(path)


def test_ascii_ply_with_header_only_is_truncated_not_garbage(tmp_path):
    path = tmp_path / "hollow.ply"
    path.write_bytes(b"ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\n"
                     b"property float z\nend_header\n\n")
    _raises_one_line(path)


def test_ascii_ply_with_words_in_the_body(tmp_path):
    path = tmp_path / "words.ply"
    path.write_bytes(b"ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\n"
                     b"property float z\nend_header\n1 two 3\n")
    _raises_one_line(path, "not a number")


def test_obj_with_more_faces_than_the_limit(tmp_path):
    path = tmp_path / "many.obj"
    path.write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\n" + "f 1 2 3\n" * 5)
    with pytest.raises(ScanTooLarge) as info:
        load_scan(path, max_faces=3)
    assert info.value.claimed_faces == 5


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and /dev/urandom")
def test_obj_naming_devices_as_material_or_texture_does_not_hang(tmp_path):
    (tmp_path / "m.mtl").write_text("newmtl x\nmap_Kd /dev/zero\n")
    (tmp_path / "dev.obj").write_text("mtllib /dev/urandom\nmtllib m.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\n"
                                      "vt 0 0\nvt 1 0\nvt 0 1\nusemtl x\nf 1/1 2/2 3/3\n")
    start = time.perf_counter()
    scan = load_scan(tmp_path / "dev.obj")
    assert time.perf_counter() - start < 10
    codes = {p.code for p in scan.problems}
    assert {"missing_material", "missing_texture"} <= codes
