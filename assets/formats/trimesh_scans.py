"""What trimesh loaded, as a :class:`Scan`: shared by the format registry (STL, OFF, OBJ)
and the glTF loader, so neither has to import the other."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image

from vitrine.assets.scan_errors import scan_error
from vitrine.assets.texturing.atlases import atlas_images, merge_textured_parts
from vitrine.assets.texturing.atlas_budget import atlas_sizes
from vitrine.assets.texturing.texture_images import MAX_DECODED_SIDE, MAX_TEXTURE_PIXELS, bounded_texture
from vitrine.assets.scan_model import Problem, Scan


# All the atlases of one scan decode to at most this many texels together (16384² = 768 MiB of
# RGB, what one texture at the pixel limit costs); each gets a share (atlas_budget).
MAX_ATLAS_TEXELS = MAX_TEXTURE_PIXELS


def scan_from_loaded(path: Path, name: str, loaded, problems: list[Problem]) -> Scan:
    """Turn what ``trimesh.load`` returned (mesh, scene or points) into a Scan.

    A scene's meshes are baked into one mesh with their node transforms (the file's units);
    ``problems`` (the loader's findings so far) is extended and kept by the Scan."""
    parts: dict[str, trimesh.Trimesh] = {}
    # Bound textures before any copy: copying a material decodes its (lazy) image in full.
    meshes = [g for g in (loaded.geometry.values() if isinstance(loaded, trimesh.Scene) else [loaded])
              if isinstance(g, trimesh.Trimesh)]
    sides = _decode_sides(meshes)
    # An image shared by several parts is decoded once and put into all of them before the
    # next is decoded: the full-size decode of one 16k PNG (768 MiB) is freed before the next.
    sharing: dict[int, list[trimesh.Trimesh]] = {}
    for geom in meshes:
        sharing.setdefault(id(mesh_texture(geom)), []).append(geom)
    for group in sharing.values():
        decoded: dict[int, Image.Image] = {}
        for geom in group:
            _bounded_material_image(geom, path, sides, decoded)
    if isinstance(loaded, trimesh.Scene):
        for node in loaded.graph.nodes_geometry:
            transform, geom_name = loaded.graph[node]
            geom = loaded.geometry[geom_name]
            if isinstance(geom, trimesh.Trimesh):
                # A single instance at identity needs no copy (a scan-scale mesh would double).
                single = sum(1 for n in loaded.graph.nodes_geometry if loaded.graph[n][1] == geom_name) == 1
                parts[str(node)] = geom if single and np.allclose(transform, np.eye(4)) else \
                    geom.copy().apply_transform(transform)
        if not parts:
            # with its node's transform (a quantised cloud is stored as integers scaled by its node)
            clouds = [(loaded.graph[n][0], loaded.geometry[loaded.graph[n][1]]) for n in loaded.graph.nodes_geometry
                      if isinstance(loaded.geometry[loaded.graph[n][1]], trimesh.PointCloud)]
            if clouds:
                transform, cloud = clouds[0]
                loaded = cloud if np.allclose(transform, np.eye(4)) else cloud.copy().apply_transform(transform)
            else:
                raise scan_error(path, "the file holds no triangle mesh")
        else:
            # several atlases stay several (trimesh's concatenate would pack them into one image)
            loaded = next(iter(parts.values())) if len(parts) == 1 else \
                merge_textured_parts(list(parts.values())) or trimesh.util.concatenate(list(parts.values()))
    if isinstance(loaded, trimesh.PointCloud):
        problems.append(Problem.of("info", "point_cloud", "the file holds no faces: it is a point cloud of {count} points",
                                   count=f"{len(loaded.vertices):,}"))
        return Scan(path, name, points=loaded, problems=problems)
    if not isinstance(loaded, trimesh.Trimesh) or len(loaded.faces) == 0:
        raise scan_error(path, "the file holds no valid triangles (faces with NaN, infinite or missing vertices are dropped)")
    scan = Scan(path, name, mesh=loaded, problems=problems, parts=parts if len(parts) > 1 else {})
    scan.atlases = atlas_images(loaded)
    scan.texture = scan.atlases[0] if scan.atlases else mesh_texture(loaded)
    scan.has_normals = "vertex_normals" in loaded._cache.cache
    return scan


def _decode_sides(meshes: list[trimesh.Trimesh]) -> dict[int, int]:
    """id(image) -> the longest side it may be decoded at: every atlas of a multi-atlas scan
    gets its share of MAX_ATLAS_TEXELS (by header sizes, before anything is decoded), so 16
    atlases of 16k² decode to 4096² each (768 MiB of RGB in all), not to 8192² (3 GiB)."""
    images = {id(img): img for img in (mesh_texture(m) for m in meshes) if img is not None}
    if len(images) < 2:
        return {}
    side = math.isqrt(MAX_ATLAS_TEXELS)
    shares = atlas_sizes([img.size for img in images.values()], side)
    return {key: max(1, max(share)) for key, share in zip(images, shares)}


def _bounded_material_image(mesh: trimesh.Trimesh, path: Path, sides: dict[int, int] | None = None,
                            decoded: dict[int, Image.Image] | None = None) -> Image.Image | None:
    """The mesh's base-colour image decoded at most MAX_DECODED_SIDE px (or its share of the
    atlases' total, ``sides`` by id(image); JPEG by draft: trimesh opens images lazily, so a
    16k JPEG is never decoded at full size) and put back into the material.  ``decoded``
    (id(image) -> bounded image) keeps an image shared by several meshes shared, decoded once."""
    image = mesh_texture(mesh)
    if image is None:
        return None
    decoded = {} if decoded is None else decoded
    if id(image) not in decoded:
        name = image.info.get("file_path") or f"{path.name} texture"
        decoded[id(image)] = bounded_texture(image, name, min(MAX_DECODED_SIDE, (sides or {}).get(id(image), MAX_DECODED_SIDE)))
    bounded = decoded[id(image)]
    mat = mesh.visual.material
    if getattr(mat, "baseColorTexture", None) is image:
        mat.baseColorTexture = bounded
    elif getattr(mat, "image", None) is image:
        mat.image = bounded
    return bounded


def mesh_texture(mesh: trimesh.Trimesh) -> Image.Image | None:
    """The base-colour image of a textured mesh, else None."""
    mat = getattr(mesh.visual, "material", None)
    img = getattr(mat, "baseColorTexture", None) or getattr(mat, "image", None)
    return img if isinstance(img, Image.Image) else None


__all__ = ["scan_from_loaded", "mesh_texture"]
