"""Headers that claim billions of elements are refused before anything big is allocated.

Each file is tiny but its header claims ~4 billion vertices/faces/triangles; the
load must end in a ScanError quickly with a small ``tracemalloc`` peak (numpy
allocations are traced too).  A loader that trusted the count would try to
allocate tens of GiB and fail with MemoryError or be killed.
"""
from __future__ import annotations

import json
import struct
import time
import tracemalloc
from pathlib import Path

import pytest

from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan, peek_counts

from .fuzz_seeds import glb_from, gltf_document, tetra_buffer

BILLIONS = 4_000_000_000
MAX_PEAK = 50 * 2**20


def _ply(n_vertex: int, n_face: int, encoding: str = "binary_little_endian") -> bytes:
    head = (f"ply\nformat {encoding} 1.0\nelement vertex {n_vertex}\nproperty float x\nproperty float y\n"
            f"property float z\nelement face {n_face}\nproperty list uchar int vertex_indices\nend_header\n")
    return head.encode() + b"\0" * 64


def _gltf_lie(field: str) -> dict:
    pos, idx = tetra_buffer()
    doc = gltf_document(len(pos), len(idx), uri="data.bin", image_uri=None)
    if field == "accessor":
        doc["accessors"][0]["count"] = BILLIONS
    elif field == "indices":
        doc["accessors"][1]["count"] = BILLIONS
    elif field == "bufferView":
        doc["bufferViews"][0]["byteLength"] = BILLIONS * 12
        doc["buffers"][0]["byteLength"] = BILLIONS * 12
    return doc


def _cases(folder: Path) -> dict[str, Path]:
    pos, idx = tetra_buffer()
    (folder / "data.bin").write_bytes(pos + idx)
    files = {
        "ply-vertices.ply": _ply(BILLIONS, 1),
        "ply-faces.ply": _ply(3, BILLIONS),
        "ply-ascii-faces.ply": _ply(3, BILLIONS, "ascii"),
        "ply-big-endian-vertices.ply": _ply(2**32 - 1, 0, "binary_big_endian"),
        "off-vertices.off": f"OFF\n{BILLIONS} 1 0\n0 0 0\n".encode(),
        "off-faces.off": f"OFF\n3 {BILLIONS} 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n".encode(),
        "stl-triangles.stl": b"\0" * 80 + struct.pack("<I", BILLIONS) + b"\0" * 100,
        "gltf-accessor.gltf": json.dumps(_gltf_lie("accessor")).encode(),
        "gltf-indices.gltf": json.dumps(_gltf_lie("indices")).encode(),
        "gltf-bufferview.gltf": json.dumps(_gltf_lie("bufferView")).encode(),
    }
    for field in ("accessor", "bufferView"):
        doc = _gltf_lie(field)
        del doc["buffers"][0]["uri"]
        files[f"glb-{field}.glb"] = glb_from(doc, pos + idx)
    # A GLB whose BIN chunk header claims 4 GiB.
    glb = bytearray(glb_from(gltf_document(len(pos), len(idx), uri=None, image_uri=None), pos + idx))
    clen = struct.unpack_from("<I", glb, 12)[0]
    struct.pack_into("<I", glb, 20 + clen, 2**32 - 4)
    files["glb-bin-chunk.glb"] = bytes(glb)
    out = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


@pytest.fixture(scope="module")
def lying_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _cases(tmp_path_factory.mktemp("huge"))


NAMES = ["ply-vertices.ply", "ply-faces.ply", "ply-ascii-faces.ply", "ply-big-endian-vertices.ply",
         "off-vertices.off", "off-faces.off", "stl-triangles.stl", "gltf-accessor.gltf", "gltf-indices.gltf",
         "gltf-bufferview.gltf", "glb-accessor.glb", "glb-bufferView.glb", "glb-bin-chunk.glb"]


@pytest.mark.parametrize("name", NAMES)
def test_claimed_billions_are_refused_before_allocation(lying_files: dict[str, Path], name: str) -> None:
    path = lying_files[name]
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ScanError) as caught:
            load_scan(path)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    print(f"{name}: {seconds * 1000:.1f} ms, tracemalloc peak {peak / 2**20:.2f} MiB: {message}")
    assert message.startswith(name + ": ") and "\n" not in message
    assert "memory" not in message.lower(), "the loader tried to allocate what the header claimed"
    assert peak < MAX_PEAK
    assert seconds < 5.0  # hang check: refusing a header needs no body parsing


@pytest.mark.parametrize("name", ["ply-faces.ply", "off-faces.off", "stl-triangles.stl", "gltf-accessor.gltf",
                                  "glb-bin-chunk.glb"])
def test_header_peek_refuses_without_reading_the_body(lying_files: dict[str, Path], name: str) -> None:
    """The import dialog's cheap peek already refuses the lie (it reads at most the first MiB)."""
    with pytest.raises(ScanError):
        peek_counts(lying_files[name])
