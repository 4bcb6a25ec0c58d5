"""NaN and infinite coordinates in files trimesh reads (OBJ, STL, OFF).

trimesh drops the faces that touch a non-finite vertex without a word, so a scan with a
broken vertex would import with holes nobody was told about.  The PLY and glTF readers
keep every vertex and the loader refuses non-finite ones; this check gives the text and
STL formats the same refusal, before trimesh parses them.
"""
from __future__ import annotations

import re

import numpy as np

# quick look first with bytes.find (memory speed; a case-blind regex ran at ~10 MB/s): the
# spellings C, Python, NumPy and scanner software print
_SPELLINGS = (b"nan", b"NaN", b"NAN", b"inf", b"Inf", b"INF")
_OBJ_VERTEX = re.compile(rb"^[ \t]*v[ \t]+([^\r\n]*)", re.M)
_STL_VERTEX = re.compile(rb"^[ \t]*vertex[ \t]+([^\r\n]*)", re.M | re.I)
_NON_FINITE = re.compile(rb"(?:^|[ \t])[+-]?(?:nan|inf)", re.I)
_STL_RECORD = np.dtype([("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])


def _positions(data: bytes, word: bytes) -> list[int]:
    out, i = [], data.find(word)
    while i >= 0 and len(out) < 100_000:
        out.append(i)
        i = data.find(word, i + 1)
    return out


def non_finite_vertices(format_name: str, data: bytes) -> tuple[int, int] | None:
    """(vertices with a NaN or infinite coordinate, vertices) in an OBJ, STL or OFF file's
    bytes, or None when all are finite (or the format is not one of those).

    A binary STL counts each triangle corner; the text formats count vertex lines.
    """
    if format_name == "STL" and len(data) >= 84:
        n = int.from_bytes(data[80:84], "little")
        if 84 + 50 * n == len(data):  # binary, even when its header starts with "solid"
            corners = np.frombuffer(data, _STL_RECORD, n, 84)["v"].reshape(-1, 3)
            finite = np.isfinite(corners).all(axis=1)
            return None if finite.all() else (int(np.count_nonzero(~finite)), len(corners))
    if format_name not in ("OBJ", "STL", "OFF"):
        return None
    hits = sorted({i for word in _SPELLINGS for i in _positions(data, word)})
    if not hits:
        return None
    if format_name == "OFF":
        lines = [ln.split(b"#")[0].strip() for ln in data.splitlines()]
        lines = [ln for ln in lines if ln]
        tokens = b" ".join(lines[:3]).split()
        try:
            nv = int(tokens[1]) if tokens[0].upper().endswith(b"OFF") else int(tokens[0])
        except (IndexError, ValueError):
            return None  # the loader reports the malformed header
        first = 2 if tokens[0].upper().endswith(b"OFF") and len(lines[0].split()) == 1 else 1
        values = lines[first:first + nv]
        bad = sum(1 for v in values if _NON_FINITE.search(v))
        return (bad, len(values)) if bad else None
    # only the lines the hits land on are parsed (a comment or a material named "info" is no vertex)
    pattern = _OBJ_VERTEX if format_name == "OBJ" else _STL_VERTEX
    lines = {data.rfind(b"\n", 0, i) + 1 for i in hits}
    bad = 0
    for start in lines:
        end = data.find(b"\n", start)
        m = pattern.match(data, start, len(data) if end < 0 else end)
        bad += bool(m and _NON_FINITE.search(m.group(1)))
    if not bad:
        return None
    total = sum(1 for _ in pattern.finditer(data))  # match by match: no list of every vertex line
    return bad, total

__all__ = ["non_finite_vertices"]
