"""Multi-atlas meshes: one material, with its own texture atlas, per part of a scan.

Photogrammetry tools export 4–16 texture atlases, one material each.  Merging them into one
image (trimesh packs materials on concatenation) loses detail: four 4096² atlases in one
4096² texture keep a quarter of the texels.  Here the parts are concatenated but each keeps
its atlas:

* ``mesh.vertex_attributes[ATLAS_KEY]`` is a (n,) uint16 atlas index per vertex.  Parts
  never share a vertex (a position used by two materials is two vertices, like a UV seam),
  so every triangle's three vertices have the same atlas and simplification, which only
  collapses a vertex onto a neighbour in one of its triangles, can never mix atlases:
  a face's atlas is its first vertex's.
* ``mesh.visual`` is a TextureVisuals with the UVs (n, 2) and a trimesh ``MultiMaterial``
  whose k-th material holds atlas k's image.

A mesh with one atlas stays an ordinary textured mesh (no attribute, one material).
"""
from __future__ import annotations

import numpy as np
import trimesh
from PIL import Image
from trimesh.visual.material import MultiMaterial, PBRMaterial

ATLAS_KEY = "atlas"

__all__ = ["ATLAS_KEY", "atlas_images", "vertex_atlases", "face_atlases", "is_multi_atlas",
           "merge_textured_parts", "atlas_parts", "with_atlases", "flat_colour_image"]


def material_image(material) -> Image.Image | None:
    """The base-colour image of one trimesh material (PBR or simple), else None."""
    img = getattr(material, "baseColorTexture", None) or getattr(material, "image", None)
    return img if isinstance(img, Image.Image) else None


def is_multi_atlas(mesh) -> bool:
    """True for a mesh built by :func:`merge_textured_parts` (several atlases)."""
    visual = getattr(mesh, "visual", None)
    return (isinstance(getattr(visual, "material", None), MultiMaterial)
            and ATLAS_KEY in getattr(mesh, "vertex_attributes", {})
            and getattr(visual, "uv", None) is not None)


def atlas_images(mesh) -> list[Image.Image]:
    """The atlas images of a multi-atlas mesh in atlas order, else []."""
    if not is_multi_atlas(mesh):
        return []
    return [material_image(m) for m in mesh.visual.material.materials]


def vertex_atlases(mesh) -> np.ndarray | None:
    """(n,) atlas index per vertex of a multi-atlas mesh, else None."""
    return np.asarray(mesh.vertex_attributes[ATLAS_KEY]) if is_multi_atlas(mesh) else None


def face_atlases(mesh) -> np.ndarray | None:
    """(m,) atlas index per face (its first vertex's), else None."""
    per_vertex = vertex_atlases(mesh)
    return None if per_vertex is None else per_vertex[np.asarray(mesh.faces)[:, 0]]


def with_atlases(vertices: np.ndarray, faces: np.ndarray, uv: np.ndarray, atlas: np.ndarray,
                 images: list[Image.Image], normals: np.ndarray | None = None) -> trimesh.Trimesh:
    """A multi-atlas mesh: ``vertices`` (n, 3), ``faces`` (m, 3), ``uv`` (n, 2), ``atlas`` (n,)
    indices into ``images``; ``normals`` (n, 3) unit vectors or None."""
    mesh = trimesh.Trimesh(vertices, faces, vertex_normals=normals, process=False, validate=False,
                           vertex_attributes={ATLAS_KEY: np.asarray(atlas, np.uint16)})
    materials = [PBRMaterial(baseColorTexture=img, metallicFactor=0.0, roughnessFactor=0.9) for img in images]
    mesh.visual = trimesh.visual.TextureVisuals(uv=np.asarray(uv, np.float64), material=MultiMaterial(materials))
    return mesh


def flat_colour_image(material) -> Image.Image | None:
    """A 4×4 image of an untextured material's base colour (glTF baseColorFactor, OBJ Kd),
    RGBA only when it is translucent; None when the material has no colour."""
    colour = getattr(material, "baseColorFactor", None)
    if colour is None:
        colour = getattr(material, "diffuse", None)
    if colour is None:
        return None
    rgba = tuple(int(c) for c in np.asarray(colour, np.uint8).reshape(-1)[:4])
    rgba = rgba + (255,) * (4 - len(rgba))
    return Image.new("RGBA", (4, 4), rgba) if rgba[3] < 255 else Image.new("RGB", (4, 4), rgba[:3])


def merge_textured_parts(parts: list[trimesh.Trimesh]) -> trimesh.Trimesh | None:
    """Concatenate ``parts`` into one multi-atlas mesh, one atlas per distinct image; None
    when that does not apply (fewer than two distinct images or none textured, or a part
    with vertex colours or without a material), so the caller merges as before.

    A part whose material has no texture (a glTF baseColorFactor, an OBJ Kd) next to textured
    ones gets its colour as a small atlas of its own (one per distinct colour) and UVs at its
    centre, instead of trimesh packing every texture into one image."""
    index: dict[object, Image.Image] = {}  # id(texture) or ("colour", mode, pixel) -> atlas image
    per_part: list = []
    uvs = []
    textured = False
    for part in parts:
        visual = part.visual
        material = getattr(visual, "material", None)
        if not isinstance(visual, trimesh.visual.TextureVisuals) or material is None:
            return None
        uv = visual.uv
        image = material_image(material)
        if image is not None:
            if uv is None or len(uv) != len(part.vertices):
                return None
            textured, key = True, id(image)
        else:
            image = flat_colour_image(material)
            if image is None:
                return None
            key = ("colour", image.mode, image.getpixel((0, 0)))
            uv = np.full((len(part.vertices), 2), 0.5)
        index.setdefault(key, image)
        per_part.append(key)
        uvs.append(np.asarray(uv, np.float64))
    if len(index) < 2 or not textured:
        return None
    # textures first: atlas 0 is what a one-texture view (inspection, poster) shows
    keys = sorted(index, key=lambda k: isinstance(k, tuple))
    images = [index[k] for k in keys]
    per_part = [keys.index(k) for k in per_part]
    offsets = np.cumsum([0] + [len(p.vertices) for p in parts[:-1]])
    vertices = np.concatenate([np.asarray(p.vertices, np.float64) for p in parts])
    faces = np.concatenate([np.asarray(p.faces, np.int64) + o for p, o in zip(parts, offsets)])
    uv = np.concatenate(uvs)
    atlas = np.concatenate([np.full(len(p.vertices), k, np.uint16) for p, k in zip(parts, per_part)])
    normals = None
    if all("vertex_normals" in p._cache.cache for p in parts):
        normals = np.concatenate([np.asarray(p.vertex_normals) for p in parts])
    return with_atlases(vertices, faces, uv, atlas, images, normals)


def atlas_parts(mesh: trimesh.Trimesh) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """For each atlas k that faces still use: (k, vertex indices (j,) int64 it uses, its
    faces (f, 3) re-indexed into those vertices).  Atlases without faces are left out."""
    faces = np.asarray(mesh.faces, np.int64)
    per_face = face_atlases(mesh)
    out = []
    for k in range(len(atlas_images(mesh))):
        own = faces[per_face == k]
        if len(own):
            used, inverse = np.unique(own, return_inverse=True)
            out.append((k, used, inverse.reshape(-1, 3)))
    return out
