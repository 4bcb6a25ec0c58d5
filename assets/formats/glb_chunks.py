"""GLB bytes from a glTF JSON document and its BIN chunk: the one packer for stored levels,
normalised scans and published models."""
from __future__ import annotations

import json
import struct

GLB_MAGIC, JSON_CHUNK, BIN_CHUNK = 0x46546C67, 0x4E4F534A, 0x004E4942


def pack_glb(doc: dict, binary: bytes | bytearray, *, ensure_ascii: bool = True) -> bytes:
    """GLB bytes of ``doc`` (compact JSON, space padded) and ``binary`` (zero padded), both to
    4 bytes. ``ensure_ascii=False`` keeps non-ASCII text as UTF-8 instead of \\u escapes."""
    js = json.dumps(doc, ensure_ascii=ensure_ascii, separators=(",", ":")).encode("utf-8")
    js += b" " * (-len(js) % 4)
    binary = bytes(binary) + b"\0" * (-len(binary) % 4)
    total = 12 + 8 + len(js) + 8 + len(binary)
    return (struct.pack("<III", GLB_MAGIC, 2, total) + struct.pack("<II", len(js), JSON_CHUNK) + js
            + struct.pack("<II", len(binary), BIN_CHUNK) + binary)
