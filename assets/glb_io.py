"""Plain (uncompressed) GLB files: how levels of detail are stored in a project."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import BinaryIO

import numpy as np
import trimesh
from PIL import Image

from .scan_errors import ScanError


def glb_bytes(geometry: trimesh.Trimesh | trimesh.PointCloud, *, texture: Image.Image | None = None) -> bytes:
    """Encode a prepared mesh (UVs + texture, or vertex colours RGBA) or a point
    cloud (a POINTS primitive, colours kept) as GLB bytes.

    ``texture`` replaces the mesh's base-colour image (e.g. a resized copy);
    it needs the mesh to have UVs.
    """
    geom = geometry.copy()
    if texture is not None:
        uv = getattr(geom.visual, "uv", None)
        if uv is None:
            raise ValueError("a texture needs a mesh with UV coordinates")
        material = trimesh.visual.material.PBRMaterial(baseColorTexture=texture, metallicFactor=0.0,
                                                       roughnessFactor=0.9)
        geom.visual = trimesh.visual.TextureVisuals(uv=uv, material=material)
    scene = trimesh.Scene(geom)
    return scene.export(file_type="glb")


def write_glb(geometry: trimesh.Trimesh | trimesh.PointCloud, path_or_file: str | Path | BinaryIO, *,
              texture: Image.Image | None = None) -> str:
    """Write ``geometry`` as GLB to a path or binary file object; return the bytes' sha256 hex digest."""
    data = glb_bytes(geometry, texture=texture)
    if isinstance(path_or_file, (str, Path)):
        Path(path_or_file).write_bytes(data)
    else:
        path_or_file.write(data)
    return hashlib.sha256(data).hexdigest()


def read_glb(path_or_bytes: str | Path | bytes) -> trimesh.Trimesh | trimesh.PointCloud:
    """Read a GLB written by :func:`write_glb` back as one Trimesh or PointCloud (vertices unmerged)."""
    name = "<bytes>" if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    try:
        data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
        scene = trimesh.load(io.BytesIO(data), file_type="glb", process=False, force="scene")
        geoms = scene.dump(concatenate=False) if hasattr(scene, "dump") else [scene]
    except Exception as exc:  # noqa: BLE001 - trimesh raises many types on corrupt data
        raise ScanError(name, f"the GLB could not be read ({exc.__class__.__name__}: {exc})") from None
    geoms = [g for g in geoms if isinstance(g, (trimesh.Trimesh, trimesh.PointCloud))]
    if not geoms:
        raise ScanError(name, "the GLB holds no mesh or point cloud")
    if len(geoms) == 1:
        return geoms[0]
    if all(isinstance(g, trimesh.PointCloud) for g in geoms):
        cols = [np.asarray(g.colors) for g in geoms]
        return trimesh.PointCloud(np.vstack([g.vertices for g in geoms]),
                                  colors=np.vstack(cols) if all(len(c) for c in cols) else None)
    return trimesh.util.concatenate([g for g in geoms if isinstance(g, trimesh.Trimesh)])
