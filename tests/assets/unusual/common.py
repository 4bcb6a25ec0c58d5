"""Pieces every corpus writer shares: the ``Writer`` type, the tetrahedron and unit cube the
files hold, raw and truncated files, and small encoded images.

A ``Writer`` makes one file in the folder it is given and returns the file's path; writers are
deterministic (the same bytes on every call)."""
from __future__ import annotations

import io
import json
import struct
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from ..sample_files import tetra

Writer = Callable[[Path], Path]

# A unit cube (metres) as 8 vertices (8, 3) and 6 quads (6, 4) (outward, counter-clockwise) -
# quads are what photogrammetry and CAD exports often hold.
CUBE_V = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]], float)
CUBE_QUADS = np.array([[0, 3, 2, 1], [4, 5, 6, 7], [0, 1, 5, 4], [1, 2, 6, 5], [2, 3, 7, 6], [3, 0, 4, 7]])
# The tetrahedron: vertices (4, 3) in metres, faces (4, 3) indices.
TV, TF = tetra()


def raw(name: str, data: bytes) -> Writer:
    """A file named ``name`` holding exactly ``data``."""
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return write


def truncated(writer: Writer, fraction: float, name: str) -> Writer:
    """The first ``fraction`` (0..1) of what ``writer`` makes (written whole in ``_whole-<name>``)."""
    def write(folder: Path) -> Path:
        sub = folder / f"_whole-{name}"
        sub.mkdir(exist_ok=True)
        data = writer(sub).read_bytes()
        path = folder / name
        path.write_bytes(data[:max(1, int(len(data) * fraction))])
        return path
    return write


def image_bytes(fmt: str, size: tuple[int, int] = (8, 4)) -> bytes:
    """A plain red image of ``size`` (width, height) pixels encoded as ``fmt`` (PIL's name)."""
    buf = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(buf, fmt)
    return buf.getvalue()


def split_glb(glb: bytes) -> tuple[dict, bytes]:
    """A GLB's JSON document and its BIN chunk."""
    clen = struct.unpack_from("<I", glb, 12)[0]
    doc = json.loads(glb[20:20 + clen])
    blen = struct.unpack_from("<I", glb, 20 + clen)[0]
    return doc, glb[28 + clen:28 + clen + blen]
