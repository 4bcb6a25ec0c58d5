"""Plain (uncompressed) GLB files: how levels of detail are stored in a project.

trimesh writes the geometry (positions, UVs, RGBA vertex colours, POINTS for
clouds).  Its image path would store every texture as PNG (or re-save JPEGs at
quality 75), so the texture slot is written with a 1×1 stand-in and then
replaced by bytes from :func:`vitrine.assets.texturing.textures.encode_texture`: JPEG when
opaque, PNG when there is transparency.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import BinaryIO

import numpy as np
import trimesh
from PIL import Image

from vitrine.assets.formats.glb_packing import swap_images
from vitrine.assets.formats.gltf_loading import check_document, split_glb
from vitrine.assets.scan_errors import scan_error
from vitrine.assets.texturing.textures import EncodedTexture, encode_texture
from vitrine.assets.formats.trimesh_scans import mesh_texture
from vitrine.assets.formats.atlas_glb import atlas_glb_bytes
from vitrine.assets.texturing.atlases import is_multi_atlas, merge_textured_parts


def _swap_image(glb: bytes, texture: EncodedTexture) -> bytes:
    """Replace the bytes of the GLB's first image, re-laying the buffer views out."""
    return swap_images(glb, {0: texture})


def glb_bytes(geometry: trimesh.Trimesh | trimesh.PointCloud, *,
              texture: Image.Image | EncodedTexture | None = None, atlas_side: int | None = None) -> bytes:
    """Encode a prepared mesh (UVs + texture, or RGBA vertex colours) or a point
    cloud (a POINTS primitive, colours kept) as GLB bytes.

    ``texture`` replaces the mesh's base-colour image (e.g. a resized copy, or
    already encoded bytes); it needs a mesh with UVs.  Images are stored as
    JPEG when opaque and PNG when they have transparency.  A multi-atlas mesh
    (assets/texturing/atlases.py) is written with one primitive and image per atlas, the
    atlases sharing a texel budget of ``atlas_side``² (None: kept as they are).
    """
    if is_multi_atlas(geometry):
        if texture is not None:
            raise ValueError("a multi-atlas mesh keeps its own atlases: give atlas_side, not a texture")
        return atlas_glb_bytes(geometry, atlas_side)
    uv = getattr(getattr(geometry, "visual", None), "uv", None)
    if uv is not None:
        # A shallow mesh over the same arrays: geometry.copy() would deep-copy the material's
        # image (hundreds of MiB for a photogrammetry atlas) only to replace it below.
        normals = geometry.vertex_normals if "vertex_normals" in geometry._cache.cache else None
        geom = trimesh.Trimesh(geometry.vertices, geometry.faces, vertex_normals=normals, process=False)
    elif isinstance(geometry, trimesh.Trimesh):
        # Likewise a shallow mesh for colours: a 20M-face scan's copy would be ~700 MiB.
        # (metadata is shared, not copied: the export only reads it into 'extras').
        geom = trimesh.Trimesh(geometry.vertices, geometry.faces, process=False, metadata=geometry.metadata)
        geom.visual = geometry.visual.copy()
    else:
        geom = geometry.copy()
    encoded: EncodedTexture | None = None
    if texture is not None and uv is None:
        raise ValueError("a texture needs a mesh with UV coordinates")
    if uv is not None:
        source = texture if texture is not None else mesh_texture(geometry)
        if isinstance(source, EncodedTexture):
            encoded = source
        elif source is not None:
            encoded = encode_texture(source, None, power_of_two=False)
        stand_in = Image.new("RGB", (1, 1), (255, 255, 255)) if encoded is not None else None
        material = trimesh.visual.material.PBRMaterial(baseColorTexture=stand_in, metallicFactor=0.0,
                                                       roughnessFactor=0.9)
        geom.visual = trimesh.visual.TextureVisuals(uv=uv, material=material)
    data = trimesh.Scene(geom).export(file_type="glb")
    return _swap_image(data, encoded) if encoded is not None else data


def write_glb(geometry: trimesh.Trimesh | trimesh.PointCloud, path_or_file: str | Path | BinaryIO, *,
              texture: Image.Image | EncodedTexture | None = None, atlas_side: int | None = None) -> str:
    """Write ``geometry`` as GLB to a path or binary file object; return the bytes' sha256 hex digest."""
    data = glb_bytes(geometry, texture=texture, atlas_side=atlas_side)
    if isinstance(path_or_file, (str, Path)):
        Path(path_or_file).write_bytes(data)
    else:
        path_or_file.write(data)
    return hashlib.sha256(data).hexdigest()


def read_glb(path_or_bytes: str | Path | bytes) -> trimesh.Trimesh | trimesh.PointCloud:
    """Read a GLB written by :func:`write_glb` back as one Trimesh or PointCloud (vertices
    unmerged); a multi-atlas level comes back as a multi-atlas mesh (assets/texturing/atlases.py)."""
    name = "<bytes>" if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    try:
        data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    except OSError as exc:
        raise scan_error(name, "cannot be read ({reason})", reason=exc.strerror or exc) from None
    # the scan loader's guards first: trimesh trusts the declared lengths
    doc, binary = split_glb(Path(name), data)
    check_document(Path(name), doc, [len(binary)])
    try:
        scene = trimesh.load(io.BytesIO(data), file_type="glb", process=False, force="scene")
        geoms = scene.dump(concatenate=False) if hasattr(scene, "dump") else [scene]
    except Exception as exc:  # noqa: BLE001 - trimesh raises many types on corrupt data
        raise scan_error(name, "the GLB could not be read ({error})", error=f"{exc.__class__.__name__}: {exc}") from None
    geoms = [g for g in geoms if isinstance(g, (trimesh.Trimesh, trimesh.PointCloud))]
    if not geoms:
        raise scan_error(name, "the GLB holds no mesh or point cloud")
    if len(geoms) == 1:
        return geoms[0]
    if all(isinstance(g, trimesh.PointCloud) for g in geoms):
        cols = [np.asarray(g.colors) for g in geoms]
        return trimesh.PointCloud(np.vstack([g.vertices for g in geoms]),
                                  colors=np.vstack(cols) if all(len(c) for c in cols) else None)
    meshes = [g for g in geoms if isinstance(g, trimesh.Trimesh)]
    # a multi-atlas level (one textured primitive per atlas) keeps its atlases apart:
    # trimesh's concatenate would pack them into one image
    return merge_textured_parts(meshes) or trimesh.util.concatenate(meshes)
