"""Mutated scan files end in a ScanError or a valid Scan, never another exception."""
from __future__ import annotations

import numpy as np
import pytest
import trimesh
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan

from .sample_files import write_ply

_MESH = trimesh.creation.icosphere(1)


def _seed_files(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("seeds")
    cols = np.full((len(_MESH.vertices), 4), 200, np.uint8)
    return {
        "ply": write_ply(folder / "s.ply", _MESH.vertices, _MESH.faces, colors=cols).read_bytes(),
        "ascii.ply": write_ply(folder / "a.ply", _MESH.vertices, _MESH.faces, encoding="ascii").read_bytes(),
        "stl": _MESH.export(file_type="stl"),
        "obj": _MESH.export(file_type="obj").encode(),
    }


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return _seed_files(tmp_path_factory)


mutation = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255),
                              st.sampled_from(["flip", "set", "cut", "insert"])), min_size=1, max_size=6)


def _mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for where, value, op in ops:
        if not buf:
            break
        i = int(where * len(buf))
        if op == "flip":
            buf[i] ^= 1 << (value % 8)
        elif op == "set":
            buf[i] = value
        elif op == "cut":
            del buf[i:]
        else:
            buf[i:i] = bytes([value]) * (value % 9 + 1)
    return bytes(buf)


def _check(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        scan = load_scan(path, max_faces=1_000_000)
    except ScanError as err:
        assert "\n" not in str(err) and str(err).startswith(name + ": ")
        return
    geom = scan.geometry
    assert (scan.mesh is None) != (scan.points is None)
    assert np.isfinite(geom.vertices).all()
    if scan.mesh is not None:
        assert scan.mesh.faces.max() < len(scan.mesh.vertices)


_SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("family", ["ply", "ascii.ply", "stl", "obj"])
def test_mutated_files_never_crash(tmp_path, seeds, family):
    ext = family.split(".")[-1]

    @_SETTINGS
    @given(ops=mutation)
    def run(ops):
        _check(tmp_path, f"fuzz.{ext}", _mutate(seeds[family], ops))

    run()
