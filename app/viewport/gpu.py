"""GPU resources: shader programs, mesh buffers and textures (PyOpenGL, 3.3 core).

``prepare_geometry`` turns a trimesh object into flat arrays (CPU work, safe in a
worker thread); ``MeshBuffers.upload`` puts them into a VAO with VBOs and a uint32
index buffer once (needs the GL context). Drawing a mesh is then a handful of GL
calls, with no per-frame numpy on big arrays.
"""
from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
from OpenGL import GL

from .clusters import MIN_FACES as CLUSTER_MIN_FACES
from .clusters import build_clusters, visible_ranges


# --- shader programs ----------------------------------------------------------------
class ShaderError(RuntimeError):
    pass


def _compile(kind: int, source: str) -> int:
    shader = GL.glCreateShader(kind)
    GL.glShaderSource(shader, source)
    GL.glCompileShader(shader)
    if not GL.glGetShaderiv(shader, GL.GL_COMPILE_STATUS):
        log = GL.glGetShaderInfoLog(shader)
        raise ShaderError(log.decode(errors="replace") if isinstance(log, bytes) else str(log))
    return shader


class Program:
    def __init__(self, vs: str, fs: str) -> None:
        v = _compile(GL.GL_VERTEX_SHADER, vs)
        f = _compile(GL.GL_FRAGMENT_SHADER, fs)
        self.id = GL.glCreateProgram()
        GL.glAttachShader(self.id, v)
        GL.glAttachShader(self.id, f)
        GL.glLinkProgram(self.id)
        GL.glDeleteShader(v)
        GL.glDeleteShader(f)
        if not GL.glGetProgramiv(self.id, GL.GL_LINK_STATUS):
            log = GL.glGetProgramInfoLog(self.id)
            raise ShaderError(log.decode(errors="replace") if isinstance(log, bytes) else str(log))
        self._loc: dict[str, int] = {}

    def use(self) -> None:
        GL.glUseProgram(self.id)

    def loc(self, name: str) -> int:
        loc = self._loc.get(name)
        if loc is None:
            loc = self._loc[name] = GL.glGetUniformLocation(self.id, name)
        return loc

    def set_mat4(self, name: str, m: np.ndarray) -> None:
        GL.glUniformMatrix4fv(self.loc(name), 1, GL.GL_TRUE, np.ascontiguousarray(m, np.float32))

    def set_mat3(self, name: str, m: np.ndarray) -> None:
        GL.glUniformMatrix3fv(self.loc(name), 1, GL.GL_TRUE, np.ascontiguousarray(m, np.float32))

    def set_f(self, name: str, *v: float) -> None:
        loc = self.loc(name)
        (GL.glUniform1f, GL.glUniform2f, GL.glUniform3f, GL.glUniform4f)[len(v) - 1](loc, *v)

    def set_i(self, name: str, v: int) -> None:
        GL.glUniform1i(self.loc(name), int(v))

    def set_vec3_array(self, name: str, values: np.ndarray) -> None:
        GL.glUniform3fv(self.loc(name), len(values), np.ascontiguousarray(values, np.float32))

    def set_f_array(self, name: str, values: np.ndarray) -> None:
        GL.glUniform1fv(self.loc(name), len(values), np.ascontiguousarray(values, np.float32))

    def set_i_array(self, name: str, values: np.ndarray) -> None:
        GL.glUniform1iv(self.loc(name), len(values), np.ascontiguousarray(values, np.int32))

    def delete(self) -> None:
        GL.glDeleteProgram(self.id)


# --- geometry on the CPU --------------------------------------------------------------
@dataclass
class GeometryData:
    """Flat arrays ready for upload; ``kind`` is 'mesh' or 'points'."""

    kind: str
    positions: np.ndarray                  # (n, 3) float32
    normals: Optional[np.ndarray] = None   # (n, 3) float32
    colors: Optional[np.ndarray] = None    # (n, 4) uint8
    uvs: Optional[np.ndarray] = None       # (n, 2) float32
    indices: Optional[np.ndarray] = None   # (m*3,) uint32
    image: Optional[tuple[bytes, int, int]] = None  # RGBA, width, height, rows bottom-up
    base_color: tuple[float, float, float, float] = (0.78, 0.76, 0.72, 1.0)
    bounds_min: tuple[float, float, float] = (0.0, 0.0, 0.0)
    bounds_max: tuple[float, float, float] = (0.0, 0.0, 0.0)
    # positions (float32) and normals (GL_INT_2_10_10_10_REV) interleaved, 16 bytes a vertex;
    # filled by compact_vertices() in the loader thread, else built at upload
    interleaved: Optional[np.ndarray] = None
    # +1: a closed surface wound counter-clockwise seen from outside, -1: closed but wound
    # the other way, 0: open or inconsistent (both sides can be seen, so never cull)
    closed: int = 0
    clusters: Optional[Any] = None   # clusters.Clusters of a big closed mesh (indices reordered)
    # a multi-atlas mesh: one image (as ``image``) per atlas, and the (first index, index
    # count) of each atlas's triangles in ``indices`` (sorted by atlas); ``image`` is None
    atlas_images: Optional[list[tuple[bytes, int, int]]] = None
    atlas_ranges: Optional[list[tuple[int, int]]] = None

    @property
    def faces(self) -> int:
        return 0 if self.indices is None else len(self.indices) // 3


def fast_vertex_normals(vertices: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Area-weighted vertex normals with bincount (much faster than np.add.at), float32."""
    v = np.asarray(vertices, np.float32)
    f = np.asarray(faces, np.int64)
    fn = np.cross(v[f[:, 1]] - v[f[:, 0]], v[f[:, 2]] - v[f[:, 0]])
    n = len(v)
    out = np.empty((n, 3), np.float32)
    flat = f.ravel()
    for k in range(3):
        w = np.repeat(fn[:, k], 3)
        out[:, k] = np.bincount(flat, weights=w, minlength=n)[:n]
    length = np.linalg.norm(out, axis=1)
    length[length == 0] = 1.0
    out /= length[:, None]
    return out


def _material_image(visual: Any) -> Any:
    material = getattr(visual, "material", None)
    if material is None:
        return None
    for attr in ("baseColorTexture", "image"):
        img = getattr(material, attr, None)
        if img is not None:
            return img
    return None


def _material_color(visual: Any) -> Optional[tuple[float, float, float, float]]:
    material = getattr(visual, "material", None)
    if material is None:
        return None
    c = getattr(material, "baseColorFactor", None)
    if c is None:
        c = getattr(material, "main_color", None)
    if c is None:
        return None
    c = np.asarray(c, np.float64).ravel()
    if len(c) < 3:
        return None
    if c.max() > 1.0:
        c = c / 255.0
    return (float(c[0]), float(c[1]), float(c[2]), float(c[3]) if len(c) > 3 else 1.0)


def prepare_geometry(geom: Any) -> GeometryData:
    """Flatten a ``trimesh.Trimesh`` or ``trimesh.PointCloud`` into upload-ready arrays."""
    import trimesh

    from vitrine.assets.texturing.atlases import is_multi_atlas

    if isinstance(geom, trimesh.PointCloud):
        pos = np.ascontiguousarray(geom.vertices, np.float32)
        colors = None
        c = getattr(geom, "colors", None)
        if c is not None and len(c) == len(pos):
            colors = np.ascontiguousarray(c, np.uint8)
            if colors.shape[1] == 3:
                colors = np.hstack([colors, np.full((len(colors), 1), 255, np.uint8)])
        normals = None
        vn = geom.metadata.get("vertex_normals") if isinstance(geom.metadata, dict) else None
        if vn is not None and len(vn) == len(pos):
            normals = np.ascontiguousarray(vn, np.float32)
        data = GeometryData("points", pos, normals=normals, colors=colors)
    else:
        pos = np.ascontiguousarray(geom.vertices, np.float32)
        faces = np.asarray(geom.faces)
        if "vertex_normals" in geom._cache:
            normals = np.ascontiguousarray(geom.vertex_normals, np.float32)
        else:
            normals = fast_vertex_normals(pos, faces)
        data = GeometryData("mesh", pos, normals=normals,
                            indices=np.ascontiguousarray(faces, np.uint32).ravel())
        visual = geom.visual
        kind = getattr(visual, "kind", None)
        if is_multi_atlas(geom):
            _prepare_atlases(geom, data)
        elif kind == "texture":
            uv = getattr(visual, "uv", None)
            img = _material_image(visual)
            if uv is not None and len(uv) == len(pos):
                data.uvs = np.ascontiguousarray(uv, np.float32)
                if img is not None:
                    img = img.convert("RGBA").transpose(1)  # FLIP_TOP_BOTTOM: GL rows go bottom-up
                    data.image = (img.tobytes(), img.width, img.height)
            mc = _material_color(visual)
            if mc is not None:
                data.base_color = mc if data.image is None else (1.0, 1.0, 1.0, mc[3])
            elif data.image is not None:
                data.base_color = (1.0, 1.0, 1.0, 1.0)
        elif kind in ("vertex", "face"):
            vc = np.asarray(visual.vertex_colors, np.uint8)
            if len(vc) == len(pos):
                data.colors = np.ascontiguousarray(vc)
                data.base_color = (1.0, 1.0, 1.0, 1.0)
    if len(pos):
        data.bounds_min = tuple(float(c) for c in pos.min(axis=0))
        data.bounds_max = tuple(float(c) for c in pos.max(axis=0))
    return compact_vertices(data)


def _prepare_atlases(geom: Any, data: GeometryData) -> None:
    """Triangles sorted by atlas, one RGBA image (rows bottom-up) and index range per atlas."""
    from vitrine.assets.texturing.atlases import atlas_images, face_atlases
    per_face = face_atlases(geom)
    order = np.argsort(per_face, kind="stable")
    data.indices = np.ascontiguousarray(np.asarray(geom.faces)[order], np.uint32).ravel()
    counts = np.bincount(per_face, minlength=len(atlas_images(geom)))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    data.atlas_ranges = [(int(s) * 3, int(c) * 3) for s, c in zip(starts, counts)]
    data.uvs = np.ascontiguousarray(geom.visual.uv, np.float32)
    data.atlas_images = []
    for img in atlas_images(geom):
        img = img.convert("RGBA").transpose(1)  # FLIP_TOP_BOTTOM: GL rows go bottom-up
        data.atlas_images.append((img.tobytes(), img.width, img.height))
    data.base_color = (1.0, 1.0, 1.0, 1.0)


INTERLEAVED = np.dtype([("p", np.float32, 3), ("n", np.uint32)])
CACHE_OPTIMIZE_MIN_FACES = 20_000   # below this the index order hardly matters


def pack_normals(normals: np.ndarray) -> np.ndarray:
    """Unit normals → GL_INT_2_10_10_10_REV words (signed normalised 10-bit x, y, z).

    4 bytes instead of 12 a vertex: llvmpipe's vertex fetch is memory bound on big scans."""
    q = np.clip(np.rint(np.asarray(normals, np.float32) * 511.0), -511, 511).astype(np.int32) & 0x3FF
    return (q[:, 0] | (q[:, 1] << 10) | (q[:, 2] << 20)).astype(np.uint32)


def closed_orientation(indices: np.ndarray, vertices: np.ndarray) -> int:
    """+1 / -1 when the triangles form closed surfaces with consistent winding (outward /
    inward by the sign of the enclosed volume), else 0.

    Closed and consistent: every directed edge occurs once and its reverse occurs too.
    O(n log n) on the edge keys (~0.3 s per million faces), so it runs in the loader thread."""
    f = np.asarray(indices, np.int64).reshape(-1, 3)
    if not len(f):
        return 0
    n = int(f.max()) + 1
    a = np.concatenate([f[:, 0], f[:, 1], f[:, 2]])
    b = np.concatenate([f[:, 1], f[:, 2], f[:, 0]])
    key = np.sort(a * n + b)
    if bool((key[1:] == key[:-1]).any()):
        return 0   # a directed edge twice: inconsistent winding or non-manifold
    rkey = b * n + a
    i = np.minimum(np.searchsorted(key, rkey), len(key) - 1)
    if not bool((key[i] == rkey).all()):
        return 0   # a boundary edge: the surface is open (its inside can be seen)
    v = np.asarray(vertices, np.float64)
    vol = float(np.einsum("ij,ij->i", v[f[:, 0]], np.cross(v[f[:, 1]], v[f[:, 2]])).sum())
    return 1 if vol > 0 else (-1 if vol < 0 else 0)


def compact_vertices(data: GeometryData) -> GeometryData:
    """Interleave positions with packed normals and reorder the triangles for the
    post-transform vertex cache (meshoptimizer's FIFO variant: ~0.3 s per million faces,
    against ~1.7 s for the LRU one, for the same llvmpipe frame time). CPU only, thread-safe."""
    if data.normals is not None and data.interleaved is None:
        inter = np.empty(len(data.positions), INTERLEAVED)
        inter["p"] = data.positions
        inter["n"] = pack_normals(data.normals)
        data.interleaved = inter
    if data.kind == "mesh" and data.indices is not None:
        data.closed = closed_orientation(data.indices, data.positions)
    if data.indices is not None and data.faces >= CACHE_OPTIMIZE_MIN_FACES:
        try:
            import meshoptimizer
        except ImportError:  # the original order still draws correctly, just slower
            return data
        out = np.empty_like(data.indices)
        # each atlas's range is reordered on its own, so the ranges stay whole
        for first, count in data.atlas_ranges or [(0, len(data.indices))]:
            meshoptimizer.optimize_vertex_cache_fifo(out[first:first + count], data.indices[first:first + count],
                                                     count, len(data.positions), 16)
        data.indices = out
    # clusters regroup all triangles, which would mix the atlases' ranges
    if data.closed and data.faces >= CLUSTER_MIN_FACES and data.atlas_ranges is None:
        # stable regrouping: the cache-friendly order survives inside each cluster
        data.indices, data.clusters = build_clusters(data.indices, data.positions, data.closed)
    return data


def grid_lines_geometry(radius: float) -> GeometryData:
    """Floor grid as line segments inside a disc of ``radius`` metres: major lines every
    metre, fine ones every 10 cm, the x and z axes tinted. Position y carries the weight."""
    segs: list[tuple[float, float, float, float, float]] = []  # (u, along_min, along_max, weight, axis)
    n = int(math.floor(radius / 0.1))
    for k in range(-n, n + 1):
        u = k * 0.1
        half = math.sqrt(max(radius * radius - u * u, 0.0))
        if half <= 0:
            continue
        weight = 1.0 if k % 10 == 0 else 0.35
        segs.append((u, -half, half, weight, 1.0 if k == 0 else 0.0))
    pos, col = [], []
    plain, red, blue = (0, 0, 0, 255), (191, 77, 77, 0), (77, 102, 204, 0)
    # major lines first: a moving frame draws only those (see grid_major_vertex_count)
    segs.sort(key=lambda seg: seg[3] < 1.0)
    for u, a, b, weight, axis in segs:
        # along x at z = u (the x axis when u = 0), and along z at x = u
        pos += [(a, weight, u), (b, weight, u), (u, weight, a), (u, weight, b)]
        col += [red if axis else plain] * 2 + [blue if axis else plain] * 2
    return GeometryData("mesh", np.array(pos, np.float32), colors=np.array(col, np.uint8))


def grid_major_vertex_count(radius: float) -> int:
    """Vertices of the major (1 m) lines at the start of ``grid_lines_geometry(radius)``."""
    n = int(math.floor(radius / 0.1))
    # same test as grid_lines_geometry's "half <= 0: skip"
    return 4 * sum(1 for k in range(-n, n + 1) if k % 10 == 0 and radius * radius - (k * 0.1) ** 2 > 0)


# --- geometry on the GPU ---------------------------------------------------------------
class MeshBuffers:
    """A VAO with position/normal/colour/uv VBOs, a uint32 index buffer and a texture."""

    def __init__(self, data: GeometryData) -> None:
        self.kind = data.kind
        self.count = len(data.indices) if data.indices is not None else len(data.positions)
        self.faces = data.faces
        self.points = len(data.positions) if data.kind == "points" else 0
        self.has_colors = data.colors is not None
        self.has_normals = data.normals is not None
        self.closed = data.closed
        self.clusters = data.clusters
        self.base_color = data.base_color
        self.bounds_min = data.bounds_min
        self.bounds_max = data.bounds_max
        self.texture = 0
        self.buffers: list[int] = []
        self.vao = GL.glGenVertexArrays(1)
        GL.glBindVertexArray(self.vao)
        if data.normals is not None:
            inter = data.interleaved
            if inter is None:
                inter = np.empty(len(data.positions), INTERLEAVED)
                inter["p"] = data.positions
                inter["n"] = pack_normals(data.normals)
            vbo = GL.glGenBuffers(1)
            self.buffers.append(vbo)
            GL.glBindBuffer(GL.GL_ARRAY_BUFFER, vbo)
            GL.glBufferData(GL.GL_ARRAY_BUFFER, inter.nbytes, inter, GL.GL_STATIC_DRAW)
            GL.glEnableVertexAttribArray(0)
            GL.glVertexAttribPointer(0, 3, GL.GL_FLOAT, GL.GL_FALSE, 16, ctypes.c_void_p(0))
            GL.glEnableVertexAttribArray(1)
            GL.glVertexAttribPointer(1, 4, GL.GL_INT_2_10_10_10_REV, GL.GL_TRUE, 16, ctypes.c_void_p(12))
        else:
            self._attribute(0, data.positions, 3, GL.GL_FLOAT, False)
        if data.colors is not None:
            self._attribute(2, data.colors, 4, GL.GL_UNSIGNED_BYTE, True)
        if data.uvs is not None:
            self._attribute(3, data.uvs, 2, GL.GL_FLOAT, False)
        if data.indices is not None:
            ebo = GL.glGenBuffers(1)
            self.buffers.append(ebo)
            GL.glBindBuffer(GL.GL_ELEMENT_ARRAY_BUFFER, ebo)
            GL.glBufferData(GL.GL_ELEMENT_ARRAY_BUFFER, data.indices.nbytes, data.indices, GL.GL_STATIC_DRAW)
        GL.glBindVertexArray(0)
        GL.glBindBuffer(GL.GL_ARRAY_BUFFER, 0)
        if data.image is not None and data.uvs is not None:
            raw, w, h = data.image
            self.texture = upload_texture(raw, w, h)
        # a multi-atlas mesh: draw() binds each atlas's texture for its own range of triangles
        self.atlas_ranges = data.atlas_ranges if data.atlas_images and data.uvs is not None else None
        self.atlas_textures = [upload_texture(*image) for image in data.atlas_images] if self.atlas_ranges else []
        if self.atlas_textures:
            self.texture = self.atlas_textures[0]

    def _attribute(self, index: int, array: np.ndarray, size: int, gltype: int, normalized: bool) -> None:
        vbo = GL.glGenBuffers(1)
        self.buffers.append(vbo)
        GL.glBindBuffer(GL.GL_ARRAY_BUFFER, vbo)
        GL.glBufferData(GL.GL_ARRAY_BUFFER, array.nbytes, np.ascontiguousarray(array), GL.GL_STATIC_DRAW)
        GL.glEnableVertexAttribArray(index)
        GL.glVertexAttribPointer(index, size, gltype, GL.GL_TRUE if normalized else GL.GL_FALSE, 0,
                                 ctypes.c_void_p(0))

    @property
    def has_texture(self) -> bool:
        return bool(self.texture)

    def draw(self, eye_local: Optional[np.ndarray] = None) -> None:
        """Draw everything; with ``eye_local`` (the eye in the mesh's frame, only passed
        while back faces are culled) clusters facing entirely away are skipped."""
        GL.glBindVertexArray(self.vao)
        if self.kind == "points":
            GL.glDrawArrays(GL.GL_POINTS, 0, self.count)
        elif self.atlas_ranges:
            GL.glActiveTexture(GL.GL_TEXTURE0)
            for texture, (first, count) in zip(self.atlas_textures, self.atlas_ranges):
                if count:
                    GL.glBindTexture(GL.GL_TEXTURE_2D, texture)
                    GL.glDrawElements(GL.GL_TRIANGLES, count, GL.GL_UNSIGNED_INT, ctypes.c_void_p(first * 4))
        elif eye_local is not None and self.clusters is not None:
            ranges = visible_ranges(self.clusters, eye_local)
            if ranges is not None:
                counts, offsets, n = ranges
                GL.glMultiDrawElements(GL.GL_TRIANGLES, counts, GL.GL_UNSIGNED_INT, offsets, n)
        else:
            GL.glDrawElements(GL.GL_TRIANGLES, self.count, GL.GL_UNSIGNED_INT, None)

    def delete(self) -> None:
        if self.buffers:
            GL.glDeleteBuffers(len(self.buffers), self.buffers)
            self.buffers = []
        if self.vao:
            GL.glDeleteVertexArrays(1, [self.vao])
            self.vao = 0
        if self.atlas_textures:
            GL.glDeleteTextures(len(self.atlas_textures), self.atlas_textures)
            self.atlas_textures = []
        elif self.texture:
            GL.glDeleteTextures(1, [self.texture])
        self.texture = 0


def upload_texture(raw: bytes, width: int, height: int) -> int:
    tex = GL.glGenTextures(1)
    GL.glBindTexture(GL.GL_TEXTURE_2D, tex)
    GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1)
    GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_SRGB8_ALPHA8, width, height, 0, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE, raw)
    GL.glGenerateMipmap(GL.GL_TEXTURE_2D)
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_LINEAR_MIPMAP_LINEAR)
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_LINEAR)
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_REPEAT)
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_REPEAT)
    GL.glBindTexture(GL.GL_TEXTURE_2D, 0)
    GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)  # Qt's glyph uploads assume the default (see gl_state.py)
    return tex


# --- built-in shapes (unit size; plinths scale them) ------------------------------------
def box_geometry() -> GeometryData:
    """Unit box, x and z in [-0.5, 0.5], y in [0, 1] (base centre at the origin), flat normals."""
    faces_def = [
        ((1, 0, 0), [(0.5, 0, -0.5), (0.5, 1, -0.5), (0.5, 1, 0.5), (0.5, 0, 0.5)]),
        ((-1, 0, 0), [(-0.5, 0, 0.5), (-0.5, 1, 0.5), (-0.5, 1, -0.5), (-0.5, 0, -0.5)]),
        ((0, 1, 0), [(-0.5, 1, -0.5), (-0.5, 1, 0.5), (0.5, 1, 0.5), (0.5, 1, -0.5)]),
        ((0, -1, 0), [(-0.5, 0, 0.5), (-0.5, 0, -0.5), (0.5, 0, -0.5), (0.5, 0, 0.5)]),
        ((0, 0, 1), [(0.5, 0, 0.5), (0.5, 1, 0.5), (-0.5, 1, 0.5), (-0.5, 0, 0.5)]),
        ((0, 0, -1), [(-0.5, 0, -0.5), (-0.5, 1, -0.5), (0.5, 1, -0.5), (0.5, 0, -0.5)]),
    ]
    pos, nrm, idx = [], [], []
    for n, quad in faces_def:
        b = len(pos)
        pos += quad
        nrm += [n] * 4
        idx += [b, b + 1, b + 2, b, b + 2, b + 3]
    return GeometryData("mesh", np.array(pos, np.float32), normals=np.array(nrm, np.float32),
                        indices=np.array(idx, np.uint32), base_color=(1, 1, 1, 1),
                        bounds_min=(-0.5, 0, -0.5), bounds_max=(0.5, 1, 0.5))


def cylinder_geometry(segments: int = 48) -> GeometryData:
    """Unit cylinder, diameter 1 (radius 0.5), y in [0, 1], smooth sides and flat caps."""
    a = np.linspace(0, 2 * np.pi, segments, endpoint=False)
    cx, cz = np.cos(a) * 0.5, np.sin(a) * 0.5
    pos, nrm, idx = [], [], []
    for i in range(segments):  # sides
        pos += [(cx[i], 0, cz[i]), (cx[i], 1, cz[i])]
        nrm += [(np.cos(a[i]), 0, np.sin(a[i]))] * 2
    for i in range(segments):
        j = (i + 1) % segments
        idx += [2 * i, 2 * j, 2 * j + 1, 2 * i, 2 * j + 1, 2 * i + 1]
    for y, ny in ((1.0, 1.0), (0.0, -1.0)):  # caps
        c = len(pos)
        pos.append((0, y, 0))
        nrm.append((0, ny, 0))
        for i in range(segments):
            pos.append((cx[i], y, cz[i]))
            nrm.append((0, ny, 0))
        for i in range(segments):
            j = (i + 1) % segments
            idx += [c, c + 1 + j, c + 1 + i] if ny > 0 else [c, c + 1 + i, c + 1 + j]
    return GeometryData("mesh", np.array(pos, np.float32), normals=np.array(nrm, np.float32),
                        indices=np.array(idx, np.uint32), base_color=(1, 1, 1, 1),
                        bounds_min=(-0.5, 0, -0.5), bounds_max=(0.5, 1, 0.5))


def quad_geometry() -> GeometryData:
    """A square in the y = 0 plane, x and z in [-1, 1] (the floor, scaled by its radius)."""
    pos = np.array([(-1, 0, -1), (-1, 0, 1), (1, 0, 1), (1, 0, -1)], np.float32)
    return GeometryData("mesh", pos, indices=np.array([0, 1, 2, 0, 2, 3], np.uint32))


def lines_geometry(positions: np.ndarray, colors: np.ndarray) -> GeometryData:
    """Unindexed coloured geometry (for gizmos), drawn as triangles."""
    return GeometryData("mesh", np.ascontiguousarray(positions, np.float32),
                        colors=np.ascontiguousarray(colors, np.uint8))
