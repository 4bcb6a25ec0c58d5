"""A multi-atlas level as a plain GLB: one textured primitive (and material, and image) per
atlas, each atlas resized to its share of the level's texel budget
(:func:`vitrine.assets.texturing.atlas_budget.atlas_sizes`).

As :func:`vitrine.assets.formats.glb_io.glb_bytes` does for one texture, trimesh writes the
geometry with a 1×1 stand-in per atlas, then each stand-in is replaced by the encoded atlas
(JPEG when opaque, PNG with transparency).  Stand-ins differ in colour, so that trimesh
cannot merge two of them, and are matched back to their atlas by that colour.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image
from trimesh.visual.material import PBRMaterial

from vitrine.assets.formats.glb_packing import swap_images
from vitrine.assets.formats.gltf_loading import split_glb
from vitrine.assets.texturing.atlas_budget import atlas_sizes
from vitrine.assets.texturing.atlases import atlas_images, atlas_parts
from vitrine.assets.texturing.textures import EncodedTexture, encode_texture

__all__ = ["atlas_glb_bytes", "level_atlases"]


def _stand_in(k: int) -> Image.Image:
    return Image.new("RGB", (1, 1), (k % 256, k // 256, 77))


def level_atlases(images: list[Image.Image], side: int | None) -> list[Image.Image]:
    """``images`` resized to their share of a level whose longest texture side is ``side`` px
    (None keeps them); an atlas already at its share is returned as is (no copy)."""
    sizes = atlas_sizes([im.size for im in images], side)
    return [im if im.size == size else im.resize(size, Image.LANCZOS) for im, size in zip(images, sizes)]


def atlas_glb_bytes(mesh: trimesh.Trimesh, side: int | None) -> bytes:
    """GLB bytes of a prepared multi-atlas mesh (metres, Y up): one primitive per atlas that
    still has faces, the images of those atlases sharing the level's budget for ``side``
    (None: unchanged)."""
    vertices = np.asarray(mesh.vertices)
    uv = np.asarray(mesh.visual.uv)
    normals = np.asarray(mesh.vertex_normals) if "vertex_normals" in mesh._cache.cache else None
    parts = atlas_parts(mesh)
    everything = atlas_images(mesh)
    images = level_atlases([everything[k] for k, _, _ in parts], side)
    scene = trimesh.Scene()
    encoded: dict[tuple[int, int, int], EncodedTexture] = {}
    for (k, used, faces), image in zip(parts, images):
        part = trimesh.Trimesh(vertices[used], faces, vertex_normals=None if normals is None else normals[used],
                               process=False)
        material = PBRMaterial(baseColorTexture=_stand_in(k), metallicFactor=0.0, roughnessFactor=0.9)
        part.visual = trimesh.visual.TextureVisuals(uv=uv[used], material=material)
        scene.add_geometry(part, geom_name=f"atlas{k}")
        encoded[_stand_in(k).getpixel((0, 0))] = encode_texture(image, None, power_of_two=False)
    data = scene.export(file_type="glb")
    return swap_images(data, _image_slots(data, encoded))


def _image_slots(glb: bytes, encoded: dict[tuple[int, int, int], EncodedTexture]) -> dict[int, EncodedTexture]:
    """Image index in ``glb`` -> the encoded atlas whose stand-in (by its colour) it holds."""
    doc, binary = split_glb(Path("level.glb"), glb)
    slots = {}
    for i, image in enumerate(doc.get("images", [])):
        view = doc["bufferViews"][image["bufferView"]]
        start = view.get("byteOffset", 0)
        pixel = Image.open(io.BytesIO(binary[start:start + view["byteLength"]])).convert("RGB").getpixel((0, 0))
        slots[i] = encoded[pixel]
    if len(slots) != len(encoded):
        raise ValueError("the GLB writer merged two atlases")
    return slots
