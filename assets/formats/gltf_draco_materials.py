"""Materials of Draco-compressed glTF primitives (KHR_draco_mesh_compression), which trimesh
does not load: each primitive keeps its own material, so a scan with several atlases keeps
one atlas per distinct image (issue 17) instead of every part showing the first image."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image
from trimesh.visual.material import PBRMaterial

from vitrine.assets.formats.gltf_primitives import apply_texture_transform, base_colour_transform
from vitrine.assets.scan_errors import ScanError
from vitrine.assets.texturing.texture_images import open_image

__all__ = ["DracoMaterials"]


class DracoMaterials:
    """glTF material index -> trimesh PBRMaterial, images opened lazily (header only; the
    loader decodes them bounded, by each atlas's share) and shared by image index, so two
    primitives whose textures use one image get one atlas.

    ``read_uri(uri) -> bytes`` reads an external or data: image beside the glTF."""

    def __init__(self, path: Path, doc: dict, buffers: list, read_uri) -> None:
        self.path, self.doc, self.buffers, self.read_uri = path, doc, buffers, read_uri
        self._images: dict[int, Image.Image | None] = {}
        self._materials: dict[int, PBRMaterial | None] = {}

    def _image(self, index: int) -> Image.Image | None:
        if index not in self._images:
            self._images[index] = self._open(index)
        return self._images[index]

    def _open(self, index: int) -> Image.Image | None:
        try:
            img = self.doc["images"][index]
            if "bufferView" in img:
                v = self.doc["bufferViews"][img["bufferView"]]
                start = int(v.get("byteOffset", 0))
                blob = bytes(self.buffers[v["buffer"]][start:start + int(v["byteLength"])])
            else:
                blob = self.read_uri(img["uri"])
        except (ScanError, KeyError, IndexError, TypeError, ValueError):
            return None  # a missing image: untextured, as trimesh leaves it
        try:  # over the pixel limit: ScanError naming the image, as for every other format
            return open_image(blob, f"{self.path.name} image {img.get('name') or index}")
        except (OSError, ValueError, SyntaxError):
            return None  # an unreadable image: untextured, as trimesh leaves it

    def material(self, index) -> PBRMaterial | None:
        """The material (base colour texture and factor) of glTF material ``index``, or None."""
        if not isinstance(index, int):
            return None
        if index not in self._materials:
            try:
                pbr = (self.doc["materials"][index] or {}).get("pbrMetallicRoughness", {})
                info = pbr.get("baseColorTexture")
                image = None
                if isinstance(info, dict):
                    image = self._image(self.doc["textures"][info["index"]]["source"])
                factor = np.asarray(pbr.get("baseColorFactor", [1, 1, 1, 1]), float)
                self._materials[index] = PBRMaterial(
                    baseColorTexture=image, baseColorFactor=np.round(np.clip(factor, 0, 1) * 255).astype(np.uint8),
                    metallicFactor=0.0, roughnessFactor=0.9)
            except (KeyError, IndexError, TypeError, ValueError, AttributeError):
                self._materials[index] = None
        return self._materials[index]

    def texcoords(self, index, uv: np.ndarray) -> np.ndarray:
        """(n, 2) UVs in trimesh's convention (origin bottom-left) after the material's
        KHR_texture_transform, from glTF's (origin top-left)."""
        t = base_colour_transform(self.doc, index)
        uv = apply_texture_transform(np.asarray(uv, float), t) if t is not None else np.asarray(uv, float)
        return np.column_stack([uv[:, 0], 1 - uv[:, 1]])
