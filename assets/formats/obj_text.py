"""OBJ text that trimesh 5.2 misreads, rewritten before it parses it.

- A UTF-8 byte order mark (Windows tools write one) glues itself to the first keyword:
  ``\\ufeffv 0 0 0`` is not a vertex, so every face index after it is off by one and the
  import fails with an index error.
- Negative (relative) indices, ``f -4 -3 -2 -1``, count back from the face's own line;
  trimesh counts them back from the end of the file, so every group but the last one is
  silently drawn with the wrong vertices.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

_BOM = b"\xef\xbb\xbf"
# a face or line element holding a negative index ("f -1 -2 -3", "f 1/-1 ...")
_NEGATIVE = re.compile(rb"^[ \t]*[fl][ \t][^\n]*?(?:^|[ \t/])-\d", re.M)
# bytes.find runs at memory speed where that regex takes seconds over a large scan, so the
# regex only sees the lines that hold "f -", "/-" or "l -"
_COUNTED = {b"v": 0, b"vt": 1, b"vn": 2}


def normalised_obj(data: bytes) -> bytes | None:
    """``data`` without a BOM and with relative indices made absolute; None when unchanged."""
    changed = data.startswith(_BOM)
    if changed:
        data = data[len(_BOM):]
    if not _has_negative_index(data):
        return data if changed else None
    return _absolute_indices(data)


def _has_negative_index(data: bytes) -> bool:
    if data.find(b"f -") < 0 and data.find(b"f\t-") < 0 and data.find(b"/-") < 0 and data.find(b"l -") < 0:
        return False  # (a face mixing absolute and relative indices, "f 1 -1 2", is not written by any tool)
    for hint in (b"f -", b"f\t-", b"/-", b"l -"):
        i = data.find(hint)
        while i >= 0:
            start = data.rfind(b"\n", 0, i) + 1
            end = data.find(b"\n", i)
            if _NEGATIVE.match(data, start, len(data) if end < 0 else end):
                return True
            i = data.find(hint, i + 1)
            if i - start > 1 << 20:  # many hits in comments or names: scan line by line instead
                return _NEGATIVE.search(data) is not None
    return False


def _absolute_indices(data: bytes) -> bytes:
    counts = [0, 0, 0]  # v, vt, vn seen so far
    out = []
    for line in data.splitlines(keepends=True):
        stripped = line.lstrip()
        key = stripped.split(None, 1)[0] if stripped.strip() else b""
        if key in _COUNTED:
            counts[_COUNTED[key]] += 1
        elif key in (b"f", b"l") and b"-" in line:
            tokens = stripped.split()
            fixed = [key]
            for token in tokens[1:]:
                parts = token.split(b"/")
                for k, part in enumerate(parts[:3]):
                    if part.startswith(b"-") and part[1:].isdigit():
                        parts[k] = str(counts[k] + 1 + int(part)).encode()
                fixed.append(b"/".join(parts))
            ending = line[len(line.rstrip(b"\r\n")):]
            line = b" ".join(fixed) + ending
        out.append(line)
    return b"".join(out)


def obj_source(path: Path, fixed: bytes | None) -> str | io.BytesIO:
    """What to hand trimesh.load: the file's path, or the rewritten text (with an explicit
    resolver, names in it still resolve beside ``path``)."""
    return str(path) if fixed is None else io.BytesIO(fixed)


__all__ = ["normalised_obj", "obj_source"]
