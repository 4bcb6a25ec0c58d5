"""Swapping the images of a GLB, re-laying its buffer views out: shared by the level writers
(:mod:`.glb_io` for one texture, :mod:`.atlas_glb` for one per atlas)."""
from __future__ import annotations

from pathlib import Path

from vitrine.assets.formats.glb_chunks import pack_glb
from vitrine.assets.formats.gltf_loading import split_glb
from vitrine.assets.texturing.textures import EncodedTexture

__all__ = ["swap_images"]


def swap_images(glb: bytes, textures: dict[int, EncodedTexture]) -> bytes:
    """Replace the bytes of the GLB's images (image index -> new bytes), re-laying the buffer
    views out."""
    doc, binary = split_glb(Path("level.glb"), glb)
    targets = {doc["images"][i]["bufferView"]: t for i, t in textures.items()}
    out = bytearray()
    for i, view in enumerate(doc["bufferViews"]):
        start = view.get("byteOffset", 0)
        blob = targets[i].data if i in targets else binary[start:start + view["byteLength"]]
        out += b"\0" * (-len(out) % 4)  # accessors need 4-byte aligned views
        view["byteOffset"] = len(out)
        view["byteLength"] = len(blob)
        out += blob
    doc["buffers"][0]["byteLength"] = len(out)
    for i, texture in textures.items():
        doc["images"][i]["mimeType"] = texture.mime_type
    return pack_glb(doc, bytes(out))
