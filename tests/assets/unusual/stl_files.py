"""STL writers for the corpus: binary (one whose 80-byte header starts with "solid"), ASCII with
CRLF line ends, and an ASCII file of two solids, one named in Chinese."""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from .common import TF, TV, Writer


def stl_binary(name: str, header: bytes = b"binary STL from a scanner") -> Writer:
    def write(folder: Path) -> Path:
        tris = TV[TF].astype("<f4")
        rec = np.zeros(len(TF), [("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
        rec["v"] = tris
        path = folder / name
        path.write_bytes(header.ljust(80, b" ")[:80] + struct.pack("<I", len(TF)) + rec.tobytes())
        return path
    return write


def stl_ascii(folder: Path) -> Path:
    lines = ["solid tetra"]
    for a, b, c in TV[TF]:
        lines += ["  facet normal 0 0 0", "    outer loop", *(f"      vertex {x:e} {y:e} {z:e}" for x, y, z in (a, b, c)),
                  "    endloop", "  endfacet"]
    path = folder / "ascii.stl"
    path.write_bytes(("\r\n".join(lines + ["endsolid tetra"]) + "\r\n").encode())
    return path


def stl_bin_header_solid(folder: Path) -> Path:
    return stl_binary("solid-header.stl", b"solid exported by a scanner that writes 'solid' in binary")(folder)


def stl_two_solids(folder: Path) -> Path:
    path = stl_ascii(folder)
    text = path.read_bytes().decode()
    path.write_text(text + text.replace("tetra", "副本"), encoding="utf-8")
    return path
