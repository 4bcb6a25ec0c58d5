"""One GLB reader: stored levels are read into flat arrays by assets/, behind the scan
loader's guards. Each attack is a damaged or hostile level file; the refusal is exact."""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from vitrine.assets.formats.glb_arrays import read_glb_arrays
from vitrine.assets.formats.glb_io import glb_bytes, read_glb
from vitrine.assets.formats.glb_chunks import pack_glb
from vitrine.assets.formats.gltf_loading import split_glb
from vitrine.assets.geometry.procedural_meshes import relief_tablet
from vitrine.assets.scan_errors import ScanError




@pytest.fixture
def level(tmp_path: Path) -> tuple[Path, dict, bytes]:
    """A real stored level (vertex colours), its JSON and BIN chunk."""
    data = glb_bytes(relief_tablet(12, 8))
    doc, binary = split_glb(Path("level.glb"), data)
    path = tmp_path / "high.glb"
    path.write_bytes(data)
    return path, doc, binary


def test_a_stored_level_reads_back_its_geometry(level) -> None:
    path, _, _ = level
    mesh = relief_tablet(12, 8)
    arrays = read_glb_arrays(path)
    assert arrays.triangles is not None and arrays.triangles.shape == (len(mesh.faces), 3)
    corners = arrays.positions[arrays.triangles.reshape(-1)].reshape(-1, 3, 3)
    assert np.allclose(corners, mesh.vertices[mesh.faces], atol=1e-6)
    assert arrays.colors is not None and arrays.colors.shape == (len(arrays.positions), 4)


def test_an_accessor_claiming_more_than_its_buffer_is_refused(level, tmp_path: Path) -> None:
    _, doc, binary = level
    doc["accessors"][doc["meshes"][0]["primitives"][0]["attributes"]["POSITION"]]["count"] = 10**9
    bad = tmp_path / "overrun.glb"
    bad.write_bytes(pack_glb(doc, binary))
    with pytest.raises(ScanError, match=r"^overrun\.glb: accessor \d+ claims 1,000,000,000 elements but its "
                                        r"bufferView holds [\d,]+ bytes$"):
        read_glb_arrays(bad)
    with pytest.raises(ScanError, match="claims 1,000,000,000 elements"):
        read_glb(bad)  # the trimesh path is guarded the same way


def test_a_header_longer_than_the_file_is_refused(level, tmp_path: Path) -> None:
    path, _, _ = level
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, 8, len(data) * 100)
    bad = tmp_path / "long.glb"
    bad.write_bytes(bytes(data))
    with pytest.raises(ScanError) as err:
        read_glb_arrays(bad)
    assert str(err.value) == f"long.glb: the GLB header claims {len(data) * 100:,} bytes but the file holds {len(data):,} bytes"


def test_face_indices_past_the_vertices_are_refused(level, tmp_path: Path) -> None:
    _, doc, binary = level
    prim = doc["meshes"][0]["primitives"][0]
    acc = doc["accessors"][prim["indices"]]
    view = doc["bufferViews"][acc["bufferView"]]
    start = view.get("byteOffset", 0) + acc.get("byteOffset", 0)
    patched = bytearray(binary)
    width = {5121: 1, 5123: 2, 5125: 4}[acc["componentType"]]
    patched[start:start + width] = (2 ** (8 * width) - 1).to_bytes(width, "little")
    bad = tmp_path / "indices.glb"
    bad.write_bytes(pack_glb(doc, bytes(patched)))
    with pytest.raises(ScanError) as err:
        read_glb_arrays(bad)
    assert str(err.value) == "indices.glb: the GLB cannot be read (ValueError: a primitive has face indices outside its vertices)"


def test_a_node_that_is_its_own_child_does_not_loop(level, tmp_path: Path) -> None:
    _, doc, binary = level
    doc["nodes"][0]["children"] = [0]
    looped = tmp_path / "loop.glb"
    looped.write_bytes(pack_glb(doc, binary))
    assert len(read_glb_arrays(looped).triangles) == len(relief_tablet(12, 8).faces)


def test_a_missing_level_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ScanError) as err:
        read_glb_arrays(tmp_path / "gone.glb")
    assert str(err.value) == "gone.glb: the file is missing"


def test_the_exporter_refuses_a_damaged_level_naming_it(tmp_path: Path) -> None:
    import re

    from vitrine.exporters import export_bundle
    from vitrine.exporters.errors import ExportError
    from tests.exporters.conftest import make_project
    project = make_project(tmp_path)
    sizes = {}
    for asset in project.document.exhibit.assets:
        for lv in asset.levels:
            path = project.resolve(lv.file)
            data = bytearray(path.read_bytes())
            struct.pack_into("<I", data, 8, len(data) + 1)  # the header claims one byte too many
            path.write_bytes(bytes(data))
            sizes[str(path)] = len(data)
    with pytest.raises(ExportError) as err:
        export_bundle(project, tmp_path / "out")
    found = re.fullmatch(r"(.+): stored level cannot be read \(the GLB header claims ([\d,]+) bytes "
                         r"but the file holds ([\d,]+) bytes\)", str(err.value))
    assert found, str(err.value)
    size = sizes[found.group(1)]
    assert (found.group(2), found.group(3)) == (f"{size + 1:,}", f"{size:,}")
