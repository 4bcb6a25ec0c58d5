"""Read back a GLB this exporter wrote (EXT_meshopt_compression + KHR_mesh_quantization +
KHR_texture_transform) as flat arrays, so later outputs work from exactly the published
(recipient-marked) geometry rather than re-deriving it.

The scan pipeline's own glTF normalisation decodes the meshopt views, turns normalised
attributes into floats and bakes each material's texture transform into its UVs: one decoder
for scans and for published models."""
from __future__ import annotations

from pathlib import Path

from vitrine.assets.formats.glb_arrays import MeshData, mesh_from_gltf
from vitrine.assets.formats.gltf_loading import split_glb
from vitrine.assets.formats.gltf_primitives import normalised_glb


def read_bundle_glb(path: Path) -> MeshData:
    """The merged mesh of a bundle GLB: positions (n, 3) float32 metres (dequantised by the node
    transform), UVs (n, 2) with the base colour texture's KHR_texture_transform applied."""
    path = Path(path)
    doc, binary = split_glb(path, path.read_bytes())
    plain = normalised_glb(path, doc, [binary])
    if plain is not None:
        doc, binary = split_glb(path, plain)
    return mesh_from_gltf(doc, binary)
