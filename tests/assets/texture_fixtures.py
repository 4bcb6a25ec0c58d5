"""Texture test files: a textured quad as OBJ+MTL or GLB, and a PNG header claiming any size."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose IHDR claims ``width`` × ``height`` RGB pixels but holds a few bytes of data
    (a decompression bomb's header: the size is believed until decoding)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + \
        chunk(b"IEND", b"")


def noise_image(side: int, seed: int = 0) -> Image.Image:
    """An RGB test image ``side`` px square with detail everywhere (JPEG cannot shrink it to nothing)."""
    small = np.random.default_rng(seed).integers(0, 255, (64, 64, 3), np.uint8)
    return Image.fromarray(small, "RGB").resize((side, side), Image.BILINEAR)


def quad() -> trimesh.Trimesh:
    v = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], float)
    uv = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], float)
    return trimesh.Trimesh(v, [[0, 1, 2], [0, 2, 3]], visual=trimesh.visual.TextureVisuals(uv=uv), process=False)


def write_obj(folder: Path, texture_name: str, texture_bytes: bytes | None = None) -> Path:
    """quad.obj + quad.mtl naming ``texture_name`` (written from ``texture_bytes`` when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    if texture_bytes is not None:
        (folder / texture_name).write_bytes(texture_bytes)
    (folder / "quad.mtl").write_text(f"newmtl skin\nKd 1 1 1\nmap_Kd {texture_name}\n")
    (folder / "quad.obj").write_text("mtllib quad.mtl\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\n"
                                     "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\nusemtl skin\nf 1/1 2/2 3/3\nf 1/1 3/3 4/4\n")
    return folder / "quad.obj"


def write_glb(path: Path, image_bytes: bytes, mime: str = "image/png") -> Path:
    """A one-quad GLB whose base colour is ``image_bytes`` embedded as-is (never decoded here)."""
    import json
    positions = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], np.float32).tobytes()
    uvs = np.array([[0, 1], [1, 1], [1, 0], [0, 0]], np.float32).tobytes()
    idx = np.array([0, 1, 2, 0, 2, 3], np.uint16).tobytes() + b"\x00\x00"
    img = image_bytes + b"\x00" * (-len(image_bytes) % 4)
    blob = positions + uvs + idx + img
    offs = [0, len(positions), len(positions) + len(uvs), len(positions) + len(uvs) + len(idx)]
    doc = {
        "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "TEXCOORD_0": 1}, "indices": 2, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}],
        "textures": [{"source": 0}], "images": [{"bufferView": 3, "mimeType": mime}],
        "buffers": [{"byteLength": len(blob)}],
        "bufferViews": [{"buffer": 0, "byteOffset": offs[0], "byteLength": len(positions)},
                        {"buffer": 0, "byteOffset": offs[1], "byteLength": len(uvs)},
                        {"buffer": 0, "byteOffset": offs[2], "byteLength": 12},
                        {"buffer": 0, "byteOffset": offs[3], "byteLength": len(image_bytes)}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3",
                       "min": [0, 0, 0], "max": [1, 1, 0]},
                      {"bufferView": 1, "componentType": 5126, "count": 4, "type": "VEC2"},
                      {"bufferView": 2, "componentType": 5123, "count": 6, "type": "SCALAR"}],
    }
    js = json.dumps(doc).encode()
    js += b" " * (-len(js) % 4)
    body = struct.pack("<I4s", len(js), b"JSON") + js + struct.pack("<I4s", len(blob), b"BIN\x00") + blob
    path.write_bytes(struct.pack("<4sII", b"glTF", 2, 12 + len(body)) + body)
    return path
