"""Deterministic mutations of scan files: generic byte damage plus format-aware lies.

``mutate(family, seeds, index, master_seed)`` always returns the same bytes for
the same arguments, so a crashing input can be regenerated and saved by the
parent process after the worker that loaded it died.
"""
from __future__ import annotations

import json
import random
import re
import struct

from .fuzz_seeds import Seed, jpeg_bytes

HUGE_COUNTS = (2**31 - 1, 2**32 - 1, 2**32, 4_000_000_000, 10**12, 2**63 - 1, 10**30)
BAD_NUMBERS = (b"nan", b"-nan", b"inf", b"-inf", b"1e309", b"-1e309", b"99999999999999999999", b"-1",
               b"0", b"0x10", b"1e-400", b"3.4e38", b"", b"--1", b"1..2")
EVIL_URIS = ("missing.bin", "../../../../etc/passwd", "/etc/passwd", "/dev/zero", "/dev/urandom", "file:///etc/passwd",
             "http://127.0.0.1:9/x.bin", "data:,", "data:application/octet-stream;base64,!!!", "%00", "",
             "a" * 5000, "model%20data.bin?x", ".", "/", "\u202etxt.bin")


# -- generic byte damage ---------------------------------------------------------

def _generic(rng: random.Random, data: bytes, other: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        n = len(buf)
        op = rng.randrange(9)
        i = rng.randrange(n) if n else 0
        if op == 0 and n:        # truncation
            del buf[rng.randrange(n):]
        elif op == 1 and n:      # bit flips
            for _ in range(rng.randint(1, 8)):
                buf[rng.randrange(n)] ^= 1 << rng.randrange(8)
        elif op == 2 and n:      # random byte
            buf[i] = rng.randrange(256)
        elif op == 3:            # insertion of random or repeated bytes
            blob = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))) if rng.random() < .5 \
                else bytes([rng.randrange(256)]) * rng.randint(1, 300)
            buf[i:i] = blob
        elif op == 4 and n:      # deletion of a range
            del buf[i:i + rng.randint(1, 64)]
        elif op == 5 and n:      # duplicate a chunk
            j = rng.randrange(n)
            buf[i:i] = buf[j:j + rng.randint(1, 200)]
        elif op == 6 and other:  # splice with another seed of the family
            j = rng.randrange(len(other))
            buf = buf[:i] + bytearray(other[j:])
        elif op == 7:            # a special byte that parsers treat specially
            buf[i:i] = rng.choice([b"\x00", b"\xff\xff\xff\xff", b"\r", b"\n\n", b"#", b"\xef\xbb\xbf", b"\xc3", b"\x80"])
        elif op == 8 and n:      # replace a number in text with a hostile one
            buf = bytearray(_replace_number(rng, bytes(buf)))
    return bytes(buf)


_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _replace_number(rng: random.Random, data: bytes) -> bytes:
    found = list(_NUMBER.finditer(data[:200_000]))
    if not found:
        return data
    m = rng.choice(found)
    repl = rng.choice(BAD_NUMBERS) if rng.random() < .6 else str(rng.choice(HUGE_COUNTS)).encode()
    return data[:m.start()] + repl + data[m.end():]


# -- format-aware lies -----------------------------------------------------------

def _ply(rng: random.Random, data: bytes) -> bytes:
    end = data.find(b"end_header\n")
    head, body = (data[:end + 11], data[end + 11:]) if end >= 0 else (data, b"")
    op = rng.randrange(6)
    if op == 0:   # a header count that claims billions
        els = list(re.finditer(rb"element (\w+) (\d+)", head))
        if els:
            m = rng.choice(els)
            head = head[:m.start(2)] + str(rng.choice(HUGE_COUNTS)).encode() + head[m.end(2):]
    elif op == 1:  # NaN / huge coordinates in a binary body
        if b"binary" in head and len(body) >= 12:
            bo = ">" if b"big_endian" in head else "<"
            at = rng.randrange(0, max(1, min(len(body) - 4, 200)), 4)
            val = rng.choice([float("nan"), float("inf"), -float("inf"), 3.4e38])
            body = body[:at] + struct.pack(bo + "f", val) + body[at + 4:]
        else:
            body = _replace_number(rng, body)
    elif op == 2:  # out-of-range or negative indices in the face lists (binary: near the end)
        if b"binary" in head and len(body) >= 8:
            bo = ">" if b"big_endian" in head else "<"
            at = len(body) - 4 * rng.randint(1, min(12, len(body) // 4))
            body = body[:at] + struct.pack(bo + "i", rng.choice([-1, 2**31 - 1, 12, 100000, -2**31])) + body[at + 4:]
        else:
            lines = body.split(b"\n")
            k = rng.randrange(max(1, len(lines) - 6), max(2, len(lines)))
            if k < len(lines):
                lines[k] = rng.choice([b"3 0 1 99999", b"3 -1 0 1", b"255 0 1 2", b"3 0 1", b"4294967295 0 1 2"])
            body = b"\n".join(lines)
    elif op == 3:  # switch the declared encoding
        head = re.sub(rb"format \w+", b"format " + rng.choice([b"ascii", b"binary_little_endian",
                                                              b"binary_big_endian", b"binary_middle_endian"]), head)
    elif op == 4:  # odd property types / list types
        head = head.replace(rng.choice([b"uchar int", b"float x", b"int vertex"]),
                            rng.choice([b"uint uint", b"double x", b"float vertex", b"char x", b"ushort vertex"]), 1)
    else:          # drop end_header or the body
        head, body = (head.replace(b"end_header", b"end_headr"), body) if rng.random() < .5 else (head, b"")
    return head + body


def _obj(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    op = rng.randrange(5)
    if op == 0:
        lines.append(rng.choice([b"f 1 2 99999", b"f -99999 1 2", b"f 0 1 2", b"f 1/99/1 2 3", b"f 1 2", b"f a b c"]))
    elif op == 1:
        lines.insert(0, rng.choice([b"v nan 0 0", b"v 1e309 0 0", b"v 0 0", b"v inf -inf nan", b"vt nan nan"]))
    elif op == 2:
        lines.insert(0, b"mtllib " + rng.choice(EVIL_URIS).encode())
    elif op == 3:
        lines = [ln.replace(b"usemtl", b"usemtl ../../x") for ln in lines]
    else:
        lines = lines * rng.randint(2, 5)
    return b"\n".join(lines)


def _stl(rng: random.Random, data: bytes) -> bytes:
    if data[:5] == b"solid":
        return _replace_number(rng, data) if rng.random() < .7 else data.replace(b"endloop", b"", 1)
    buf = bytearray(data)
    op = rng.randrange(4)
    if op == 0 and len(buf) >= 84:      # triangle count that lies
        buf[80:84] = struct.pack("<I", rng.choice([0, 1, 2**32 - 1, 2**31, (len(buf) - 84) // 50 + 1]))
    elif op == 1 and len(buf) >= 84 + 50:  # NaN vertex
        at = 84 + 12 + 4 * rng.randrange(9)
        buf[at:at + 4] = struct.pack("<f", rng.choice([float("nan"), float("inf"), 1e38]))
    elif op == 2:                       # a binary STL whose 80-byte header starts with "solid"
        buf[:5] = b"solid"
    else:
        del buf[84 + 50 * rng.randint(0, 5):]
    return bytes(buf)


def _off(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    op = rng.randrange(4)
    idx = next((i for i, ln in enumerate(lines) if ln and ln[0:1].isdigit()), 1)
    if op == 0 and idx < len(lines):
        lines[idx] = b" ".join(str(rng.choice((1,) + HUGE_COUNTS)).encode() for _ in range(3))
    elif op == 1:
        lines.append(rng.choice([b"3 0 1 99999", b"3 -1 0 1", b"1000000000 0 1 2", b"3 0 1", b"nan nan nan"]))
    elif op == 2:
        return _replace_number(rng, data)
    else:
        lines[0] = rng.choice([b"NOFF", b"STOFF", b"4OFF", b"OFF BINARY", b"off", b"OF"])
    return b"\n".join(lines)


def _json_lie(rng: random.Random, doc: dict) -> dict:
    """Structural lies in a glTF document: huge counts, bad indices, evil URIs, cycles."""
    doc = json.loads(json.dumps(doc))
    op = rng.randrange(9)
    acc, views = doc.get("accessors", []), doc.get("bufferViews", [])
    if op == 0 and acc:
        rng.choice(acc)["count"] = rng.choice(HUGE_COUNTS + (-1, 0, 1.5, "12", None))
    elif op == 1 and views:
        v = rng.choice(views)
        v[rng.choice(["byteLength", "byteOffset", "byteStride", "buffer"])] = rng.choice(HUGE_COUNTS + (-4, 99, 0, 3))
    elif op == 2 and acc:
        rng.choice(acc)[rng.choice(["bufferView", "componentType", "type", "byteOffset"])] = \
            rng.choice([99, -1, 5130, "VEC9", "MAT4", 2**40, None, [], {}])
    elif op == 3 and doc.get("buffers"):
        doc["buffers"][0]["uri"] = rng.choice(EVIL_URIS)
    elif op == 4:
        doc["images"] = [{"uri": rng.choice(EVIL_URIS)}]
        doc["textures"] = [{"source": rng.choice([0, 5, -1])}]
    elif op == 5 and doc.get("nodes"):
        doc["nodes"][-1]["children"] = [0, len(doc["nodes"]) - 1, rng.choice([7, -1])]  # cycles, bad indices
    elif op == 6:
        prim = doc["meshes"][0]["primitives"][0] if doc.get("meshes") else {}
        prim[rng.choice(["mode", "indices", "material"])] = rng.choice([0, 1, 2, 3, 5, 6, 7, 99, -1, None])
    elif op == 7:
        doc[rng.choice(["scene", "scenes", "meshes", "extensionsRequired"])] = rng.choice(
            [5, [], None, "x", ["EXT_meshopt_compression"], ["KHR_draco_mesh_compression"], [{"nodes": [9]}]])
    else:
        doc["buffers"] = doc.get("buffers", []) * rng.randint(0, 3)
    return doc


def _gltf(rng: random.Random, data: bytes) -> bytes:
    try:
        doc = json.loads(data)
    except ValueError:
        return data
    if not isinstance(doc, dict):
        return data
    text = json.dumps(_json_lie(rng, doc))
    if rng.random() < .1:  # lone surrogates and deep nesting: JSON permits both
        text = text[:-1] + ', "extras": {"s": "\\ud800", "deep": ' + "[" * 5000 + "]" * 5000 + "}}"
    return text.encode()


def _glb(rng: random.Random, data: bytes) -> bytes:
    if len(data) < 28 or data[:4] != b"glTF":
        return data
    clen = struct.unpack_from("<I", data, 12)[0]
    js, rest = data[20:20 + clen], data[20 + clen:]
    op = rng.randrange(5)
    if op == 0 and len(rest) >= 8:   # swap the JSON and BIN chunk lengths
        blen = struct.unpack_from("<I", rest, 0)[0]
        return data[:12] + struct.pack("<I", blen) + data[16:20] + js + struct.pack("<I", clen) + rest[4:]
    if op == 1:                      # header total / version / chunk length lies
        at, val = rng.choice([(8, rng.choice(HUGE_COUNTS[:4])), (4, rng.choice([1, 3, 0])), (12, rng.choice(HUGE_COUNTS[:4])),
                              (20 + clen, rng.choice((0,) + HUGE_COUNTS[:4]))])
        buf = bytearray(data)
        if at + 4 <= len(buf):
            buf[at:at + 4] = struct.pack("<I", min(val, 2**32 - 1))
        return bytes(buf)
    if op == 2 and len(rest) >= 8:   # wrong chunk type
        return data[:20 + clen] + rest[:4] + rng.choice([b"JSON", b"\0\0\0\0", b"BIN\0"]) + rest[8:]
    # Lie inside the JSON and rebuild consistent chunk framing, so the lie reaches the loader.
    try:
        doc = json.loads(js)
    except ValueError:
        return data
    new = json.dumps(_json_lie(rng, doc)).encode()
    new += b" " * (-len(new) % 4)
    body = struct.pack("<II", len(new), 0x4E4F534A) + new + rest
    return struct.pack("<4sII", b"glTF", 2, 12 + len(body)) + body


_AWARE = {"ply": _ply, "obj": _obj, "stl": _stl, "off": _off, "gltf": _gltf, "glb": _glb}
# Bytes of another kind under this family's extension: a renamed JPEG, PLY bytes named .obj, etc.
_FOREIGN = (b"ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nend_header\n0\n", b"glTF\x02\0\0\0\x0c\0\0\0",
            b"PK\x03\x04" + b"\0" * 40, b"%PDF-1.4\n", b"solid x\nfacet normal 0 0 1\n", b"OFF\n3 1 0\n", b"{}",
            b"[1,2,3]", b"\xef\xbb\xbf{\"asset\":{}}", b"RIFF\0\0\0\0WEBP", b"\0" * 100, b" \n\t\n")


def mutate(family: str, seeds: list[Seed], index: int, master_seed: int) -> tuple[str, bytes]:
    """The ``index``-th mutated file of ``family``: (description, bytes). Deterministic."""
    rng = random.Random(f"{master_seed}:{family}:{index}")
    label, data = seeds[index % len(seeds)]
    other = rng.choice(seeds)[1]
    roll = rng.random()
    if roll < 0.02:
        return f"{label}/empty", b""
    if roll < 0.06:
        foreign = jpeg_bytes() if rng.random() < .3 else rng.choice(_FOREIGN)
        return f"{label}/foreign", foreign
    if roll < 0.45:
        out = _AWARE[family](rng, data)
        if rng.random() < .3:
            out = _generic(rng, out, other)
        return f"{label}/aware", out
    return f"{label}/bytes", _generic(rng, data, other)
