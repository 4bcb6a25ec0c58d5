"""A bounded-memory PLY reader (ASCII, binary little/big endian).

Written here rather than using trimesh's PLY importer because that importer
silently drops triangle strips and other face elements (turning meshes into
point clouds) and trusts header counts before allocating.  Every count is
checked against the file size before any array is allocated.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from vitrine.assets.scan_errors import scan_error

_TYPES = {
    "char": "i1", "int8": "i1", "uchar": "u1", "uint8": "u1",
    "short": "i2", "int16": "i2", "ushort": "u2", "uint16": "u2",
    "int": "i4", "int32": "i4", "uint": "u4", "uint32": "u4",
    "float": "f4", "float32": "f4", "double": "f8", "float64": "f8",
}
_MAX_HEADER = 1 << 20
# Elements whose list property holds polygon indices.
FACE_ELEMENTS = ("face", "faces", "polygon", "polygons")


@dataclass
class PlyProperty:
    name: str
    dtype: str                 # numpy type code without byte order, e.g. 'f4'
    count_dtype: str | None = None   # set for list properties

    @property
    def is_list(self) -> bool:
        return self.count_dtype is not None


@dataclass
class PlyElement:
    name: str
    count: int
    properties: list[PlyProperty] = field(default_factory=list)

    def min_bytes(self, binary: bool) -> int:
        """Fewest bytes one element can occupy; used to expose lying counts."""
        total = 0
        min_items = 3 if self.name in FACE_ELEMENTS else 0
        for p in self.properties:
            if binary:
                total += np.dtype(p.count_dtype).itemsize if p.is_list else np.dtype(p.dtype).itemsize
                if p.is_list:
                    total += min_items * np.dtype(p.dtype).itemsize
            else:  # one character plus one separator per token
                total += 2 * (1 + min_items) if p.is_list else 2
        return total


@dataclass
class PlyHeader:
    encoding: str               # 'ascii' | 'binary_little_endian' | 'binary_big_endian'
    elements: list[PlyElement]
    comments: list[str]
    body_offset: int            # byte offset of the data after end_header

    @property
    def binary(self) -> bool:
        return self.encoding != "ascii"

    @property
    def byte_order(self) -> str:
        return ">" if self.encoding == "binary_big_endian" else "<"

    def element(self, name: str) -> PlyElement | None:
        return next((e for e in self.elements if e.name == name), None)


def read_header(path: Path, head: bytes, file_size: int) -> PlyHeader:
    """Parse and sanity-check a PLY header from the file's first bytes.

    Raises ScanError when the header is malformed or claims more data than
    ``file_size`` bytes can hold.
    """
    end = head.find(b"end_header")
    if not head.startswith(b"ply") or end < 0:
        if head.startswith(b"ply") and len(head) >= _MAX_HEADER:
            raise scan_error(path, "PLY header is larger than 1 MiB or has no end_header line")
        raise scan_error(path, "PLY header is incomplete (no end_header line); the file is truncated or not a PLY")
    nl = head.find(b"\n", end)
    body_offset = (nl + 1) if nl >= 0 else len(head)
    text = head[:end].decode("latin-1")
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n")]
    encoding = None
    elements: list[PlyElement] = []
    comments: list[str] = []
    for ln in lines[1:]:
        if not ln:
            continue
        parts = ln.split()
        key = parts[0]
        if key in ("comment", "obj_info"):
            comments.append(ln[len(key):].strip())
        elif key == "format":
            if len(parts) < 2 or parts[1] not in ("ascii", "binary_little_endian", "binary_big_endian"):
                raise scan_error(path, "unknown PLY format line {line}", line=repr(ln))
            encoding = parts[1]
        elif key == "element":
            if len(parts) != 3 or not parts[2].isdigit():
                raise scan_error(path, "malformed PLY element line {line}", line=repr(ln))
            elements.append(PlyElement(parts[1], int(parts[2])))
        elif key == "property":
            if not elements:
                raise scan_error(path, "PLY property before any element: {line}", line=repr(ln))
            if len(parts) == 5 and parts[1] == "list":
                # float items are MeshLab's per-corner texcoords; a float count is meaningless
                if parts[2] not in _TYPES or parts[3] not in _TYPES or _TYPES[parts[2]].startswith("f"):
                    raise scan_error(path, "unsupported PLY list property {line}", line=repr(ln))
                elements[-1].properties.append(PlyProperty(parts[4], _TYPES[parts[3]], _TYPES[parts[2]]))
            elif len(parts) == 3 and parts[1] in _TYPES:
                elements[-1].properties.append(PlyProperty(parts[2], _TYPES[parts[1]]))
            else:
                raise scan_error(path, "malformed PLY property line {line}", line=repr(ln))
        else:
            raise scan_error(path, "unexpected PLY header line {line}", line=repr(ln[:60]))
    if encoding is None:
        raise scan_error(path, "PLY header has no format line")
    header = PlyHeader(encoding, elements, comments, body_offset)
    available = file_size - body_offset
    needed = 0
    for el in elements:
        needed += el.count * el.min_bytes(header.binary)
        if needed > available:
            raise scan_error(path, "the header claims {count} {element} elements but the file holds only {size} bytes of data",
                             count=f"{el.count:,}", element=el.name, size=f"{available:,}")
    return header


def read_body(path: Path, header: PlyHeader, data: bytes) -> dict[str, dict[str, np.ndarray | list]]:
    """Read every element. Scalars become 1-D arrays; lists become a 2-D array
    when all rows have the same length, else a list of 1-D arrays."""
    if header.binary:
        return _read_binary(path, header, data)
    return _read_ascii(path, header, data)


def _read_binary(path: Path, header: PlyHeader, data: bytes) -> dict:
    bo = header.byte_order
    pos = header.body_offset
    out: dict[str, dict] = {}
    for el in header.elements:
        props = el.properties
        if not any(p.is_list for p in props):
            dt = np.dtype([(f"p{i}", bo + p.dtype) for i, p in enumerate(props)])
            need = dt.itemsize * el.count
            if pos + need > len(data):
                raise scan_error(path, "file is truncated inside the {element} element ({count} claimed, {present} present)",
                                 element=repr(el.name), count=f"{el.count:,}",
                                 present=f"{(len(data) - pos) // max(dt.itemsize, 1):,}")
            arr = np.frombuffer(data, dt, el.count, pos)
            pos += need
            out[el.name] = {p.name: arr[f"p{i}"] for i, p in enumerate(props)}
            continue
        result, pos = _read_binary_lists(path, el, bo, data, pos)
        out[el.name] = result
    return out


def _read_binary_lists(path: Path, el: PlyElement, bo: str, data: bytes, pos: int) -> tuple[dict, int]:
    if el.count == 0:
        return {p.name: (np.zeros((0, 3), np.int64) if p.is_list else np.zeros(0)) for p in el.properties}, pos
    # Fast path: every list in the element has the length of the first one
    # (true for triangle meshes), so one structured dtype reads it all.
    fields, k, off = [], 0, pos
    for i, p in enumerate(el.properties):
        if p.is_list:
            cdt = np.dtype(bo + p.count_dtype)
            if off + cdt.itemsize > len(data):
                raise scan_error(path, "file is truncated inside the {element} element", element=repr(el.name))
            n = int(np.frombuffer(data, cdt, 1, off)[0])
            fields.append((f"c{i}", cdt))
            fields.append((f"p{i}", np.dtype(bo + p.dtype), (n,)) if n else (f"p{i}", np.dtype(bo + p.dtype), (0,)))
            off += cdt.itemsize + n * np.dtype(p.dtype).itemsize
        else:
            fields.append((f"p{i}", np.dtype(bo + p.dtype)))
            off += np.dtype(p.dtype).itemsize
    dt = np.dtype(fields)
    if dt.itemsize and pos + dt.itemsize * el.count <= len(data):
        arr = np.frombuffer(data, dt, el.count, pos)
        uniform = all(
            np.all(arr[f"c{i}"] == arr[f"c{i}"][0]) for i, p in enumerate(el.properties) if p.is_list)
        if uniform:
            res = {p.name: arr[f"p{i}"] for i, p in enumerate(el.properties)}
            return res, pos + dt.itemsize * el.count
    # Slow path for mixed polygon sizes or strips: walk element by element.
    cols: dict[str, list] = {p.name: [] for p in el.properties}
    for _ in range(el.count):
        for p in el.properties:
            if p.is_list:
                cdt = np.dtype(bo + p.count_dtype)
                idt = np.dtype(bo + p.dtype)
                if pos + cdt.itemsize > len(data):
                    raise scan_error(path, "file is truncated inside the {element} element", element=repr(el.name))
                n = int(np.frombuffer(data, cdt, 1, pos)[0])
                pos += cdt.itemsize
                if n < 0 or pos + n * idt.itemsize > len(data):
                    raise scan_error(path, "a list in the {element} element claims {count} items past the end of the file",
                                     element=repr(el.name), count=f"{n:,}")
                cols[p.name].append(np.frombuffer(data, idt, n, pos))
                pos += n * idt.itemsize
            else:
                sdt = np.dtype(bo + p.dtype)
                if pos + sdt.itemsize > len(data):
                    raise scan_error(path, "file is truncated inside the {element} element", element=repr(el.name))
                cols[p.name].append(np.frombuffer(data, sdt, 1, pos)[0])
                pos += sdt.itemsize
    res = {p.name: (cols[p.name] if p.is_list else np.asarray(cols[p.name])) for p in el.properties}
    return res, pos


def _read_ascii(path: Path, header: PlyHeader, data: bytes) -> dict:
    # np.fromstring parses in C straight into one float array; str.split() would
    # hold a Python object per token (about 50 bytes each) for large files.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            text = data[header.body_offset:].decode("latin-1")
            # A whitespace-only string parses as [-1.0] in NumPy 2.x, so treat it as empty.
            tokens = np.zeros(0) if not text or text.isspace() else np.fromstring(text, np.float64, sep=" ")
    except (ValueError, DeprecationWarning):
        raise scan_error(path, "the ASCII PLY body holds a value that is not a number") from None
    pos = 0
    out: dict[str, dict] = {}
    for el in header.elements:
        props = el.properties
        if not any(p.is_list for p in props):
            need = len(props) * el.count
            if pos + need > len(tokens):
                raise scan_error(path, "file is truncated inside the {element} element", element=repr(el.name))
            block = tokens[pos:pos + need].reshape(el.count, len(props))
            pos += need
            # Tokens were parsed as float64; restore each property's declared type.
            out[el.name] = {p.name: block[:, i].astype(p.dtype) for i, p in enumerate(props)}
            continue
        out[el.name], pos = _read_ascii_lists(path, el, tokens, pos)
    return out


def _read_ascii_lists(path: Path, el: PlyElement, tokens: np.ndarray, pos: int) -> tuple[dict, int]:
    props = el.properties
    if el.count == 0:
        return {p.name: (np.zeros((0, 3), np.int64) if p.is_list else np.zeros(0)) for p in props}, pos
    # Fast path: every list has the length it has in the first element (all triangles, and
    # MeshLab's texcoord lists of six numbers with them), so the element is one 2-D block.
    lengths, stride, ok = [], 0, True
    for p in props:
        if p.is_list:
            n = tokens[pos + stride] if pos + stride < len(tokens) else -1
            if not (np.isfinite(n) and n == int(n) and 0 <= n < 1_000_000):
                ok = False
                break
            lengths.append(int(n))
            stride += 1 + int(n)
        else:
            lengths.append(None)
            stride += 1
    if ok and pos + stride * el.count <= len(tokens):
        block = tokens[pos:pos + stride * el.count].reshape(el.count, stride)
        res, col, same = {}, 0, True
        for p, n in zip(props, lengths):
            if n is None:
                res[p.name] = block[:, col].astype(p.dtype)
                col += 1
            else:
                same = same and bool(np.all(block[:, col] == n))
                res[p.name] = block[:, col + 1:col + 1 + n].astype(_list_type(p))
                col += 1 + n
        if same:
            return res, pos + stride * el.count
    cols: dict[str, list] = {p.name: [] for p in props}
    for _ in range(el.count):
        for p in props:
            if pos >= len(tokens):
                raise scan_error(path, "file is truncated inside the {element} element", element=repr(el.name))
            if p.is_list:
                n = tokens[pos]
                if not np.isfinite(n) or n != int(n) or n < 0 or pos + 1 + int(n) > len(tokens):
                    raise scan_error(path, "a list in the {element} element has an invalid length {length}",
                                     element=repr(el.name), length=f"{n:g}")
                cols[p.name].append(tokens[pos + 1:pos + 1 + int(n)].astype(_list_type(p)))
                pos += 1 + int(n)
            else:
                cols[p.name].append(tokens[pos])
                pos += 1
    return {p.name: (cols[p.name] if p.is_list else np.asarray(cols[p.name]).astype(p.dtype)) for p in props}, pos


def _list_type(p: PlyProperty) -> type:
    """Indices as int64, float items (texcoords) as float64."""
    return np.float64 if p.dtype.startswith("f") else np.int64


def polygons_to_triangles(lists: np.ndarray | list) -> np.ndarray:
    """Fan-triangulate polygons (n, k) or ragged lists into (m, 3) int64 indices."""
    if isinstance(lists, np.ndarray) and lists.ndim == 2:
        k = lists.shape[1]
        if k < 3:
            return np.zeros((0, 3), np.int64)
        arr = lists.astype(np.int64)
        fans = [arr[:, [0, j, j + 1]] for j in range(1, k - 1)]
        return np.concatenate(fans) if len(fans) > 1 else fans[0]
    tris = []
    for poly in lists:
        poly = np.asarray(poly, np.int64)
        for j in range(1, len(poly) - 1):
            tris.append((poly[0], poly[j], poly[j + 1]))
    return np.asarray(tris, np.int64).reshape(-1, 3)


def strips_to_triangles(strips: np.ndarray | list) -> np.ndarray:
    """Convert triangle strips (index lists, -1 restarts a strip) to (m, 3) triangles.

    Every second triangle of a strip is flipped so all keep the strip's winding;
    triangles with a repeated index (strip joins) are dropped.
    """
    seqs = strips if isinstance(strips, list) else list(np.asarray(strips))
    out = []
    for seq in seqs:
        seq = np.asarray(seq, np.int64).ravel()
        if seq.size < 3:
            continue
        # Split at restart markers, vectorised per sub-strip.
        cuts = np.flatnonzero(seq < 0)
        bounds = np.concatenate(([-1], cuts, [seq.size]))
        for a, b in zip(bounds[:-1], bounds[1:]):
            s = seq[a + 1:b]
            if s.size < 3:
                continue
            t = np.stack([s[:-2], s[1:-1], s[2:]], axis=1)
            odd = np.arange(len(t)) % 2 == 1
            t[odd] = t[odd][:, [1, 0, 2]]
            out.append(t)
    if not out:
        return np.zeros((0, 3), np.int64)
    tris = np.concatenate(out)
    keep = (tris[:, 0] != tris[:, 1]) & (tris[:, 1] != tris[:, 2]) & (tris[:, 0] != tris[:, 2])
    return tris[keep]

