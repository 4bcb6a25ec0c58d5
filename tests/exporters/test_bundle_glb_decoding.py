"""Reading a bundle's meshopt-compressed GLB (and a gltfpack -cc re-compression) back to geometry."""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from vitrine.assets.levels.meshopt_glb import read_compressed_glb, uses_meshopt
from vitrine.assets.scan_errors import ScanError
from vitrine.assets.formats.glb_arrays import read_glb_arrays as read_level

GLTFPACK = Path(__file__).resolve().parents[2] / "exporters" / "viewer" / "node_modules" / ".bin" / "gltfpack"


def _stored(project, slug: str):
    art = next(a for a in project.document.exhibit.artifacts if a.name == slug)
    asset = next(a for a in project.document.exhibit.assets if a.id == art.asset_id)
    return read_level(project.resolve(asset.levels[0].file))


@pytest.mark.parametrize("rel, name", [("models/globe/medium.glb", "Globe"),
                                       ("models/bunny-points/low.glb", "Bunny points")])
def test_bundle_models_decode_to_their_stored_geometry(bundle, tiny_project, rel: str, name: str) -> None:
    out, _ = bundle
    data = (out / rel).read_bytes()
    assert uses_meshopt(data)
    mesh = read_compressed_glb(out / rel)
    stored = _stored(tiny_project, name)
    diag = float(np.linalg.norm(np.ptp(stored.positions, axis=0)))
    # every decoded point lies within quantisation + mark of a stored point (order may differ)
    from scipy.spatial import cKDTree
    dist, _ = cKDTree(stored.positions).query(mesh.positions)
    assert len(mesh.positions) == len(stored.positions) and dist.max() < 2e-3 * diag
    assert (mesh.triangles is None) == (stored.triangles is None)
    if mesh.triangles is not None:
        assert mesh.triangles.shape == stored.triangles.shape and mesh.triangles.max() < len(mesh.positions)


def test_a_gltfpack_recompression_decodes_too(bundle, tmp_path: Path) -> None:
    out, _ = bundle
    target = tmp_path / "repacked.glb"
    subprocess.run([str(GLTFPACK), "-i", str(out / "models/globe/medium.glb"), "-o", str(target), "-cc"],
                   check=True, capture_output=True, timeout=60)
    mesh = read_compressed_glb(target)
    assert uses_meshopt(target.read_bytes()) and len(mesh.positions) > 100 and mesh.triangles is not None
    assert np.allclose(np.ptp(mesh.positions, axis=0), (0.2, 0.2, 0.2), atol=0.01)


def test_a_truncated_compressed_glb_is_one_clear_error(bundle, tmp_path: Path) -> None:
    out, _ = bundle
    bad = tmp_path / "cut.glb"
    bad.write_bytes((out / "models/globe/medium.glb").read_bytes()[:600])
    with pytest.raises(ScanError, match=r"cut\.glb: "):
        read_compressed_glb(bad)
