"""Levels of detail: quadric simplification (meshoptimizer) and point subsampling.

meshoptimizer simplifies the index buffer only, so every kept vertex keeps its
own colour, UV and normal; vertices that share a position but differ in
attributes (UV seams) are treated as seams and kept in place.
"""
from __future__ import annotations

import ctypes
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import meshoptimizer
import meshoptimizer.simplifier
import numpy as np
import trimesh

from vitrine.assets.levels.level_table import FACE_BUDGETS, POINT_BUDGETS, TEXTURE_SIDES
from vitrine.assets.progress import CancelToken, ProgressFn, report, sub_progress

# Budgets and texture sizes come from assets/levels/levels.json (shared with the web viewer).
LOD_BUDGETS: dict[str, int] = FACE_BUDGETS
TEXTURE_SIZES: dict[str, int | None] = TEXTURE_SIDES
# Attribute weights relative to positions (which meshoptimizer normalises to a
# unit box): colour/UV changes of ~0.1 cost about as much as a 1 % shape error.
_COLOR_WEIGHT = 0.5
_UV_WEIGHT = 1.0
# Above this size the mesh is simplified in slabs, on several cores at once.
# Slabs of ~125k faces keep meshoptimizer's per-vertex tables in cache: on
# the 1M-face benchmark mesh 8 slabs cost ~35 % less CPU than one pass even
# on a single core, so the slab count does not follow the core count.
_PARALLEL_MIN_FACES = 400_000
_FACES_PER_SLAB = 125_000
_MAX_CHUNKS = 8
# Each slab stops this factor above its share of the target; the final
# whole-mesh pass (seam locks freed) makes the last, globally ordered collapses.
_SLAB_OVERSHOOT = 1.3
# A mesh of at least _PRESIMPLIFY_MIN_FACES, more than this factor above its target, is
# first thinned by meshoptimizer's sloppy (vertex-grid) simplifier to the factor x the
# target: a few tenths of a second for a 4.3M-face scan, where the quadric simplifier
# spends most of its time on collapses too small to see at the target.  Smaller meshes
# (the coarser levels) skip it: it saves little there and the grid shows in a thumbnail.
# Not for UV-mapped meshes: the grid ignores seams.
_PRESIMPLIFY_FACTOR = 2
_PRESIMPLIFY_MIN_FACES = 1_000_000


def _simplify_with_attributes_fn():
    """meshopt_simplifyWithAttributes with proper argtypes.

    The PyPI wrapper 0.2.30a0 declares none for this function, so its Python
    wrapper fails on the float argument; lib[...] returns a private function
    object, so setting argtypes here changes nothing for other callers.
    """
    fn = meshoptimizer.simplifier.lib["meshopt_simplifyWithAttributes"]
    P = ctypes.POINTER
    fn.argtypes = [P(ctypes.c_uint), P(ctypes.c_uint), ctypes.c_size_t, P(ctypes.c_float), ctypes.c_size_t,
                   ctypes.c_size_t, P(ctypes.c_float), ctypes.c_size_t, P(ctypes.c_float), ctypes.c_size_t,
                   P(ctypes.c_ubyte), ctypes.c_size_t, ctypes.c_float, ctypes.c_uint, P(ctypes.c_float)]
    fn.restype = ctypes.c_size_t
    return fn


_SIMPLIFY_ATTR = _simplify_with_attributes_fn()


def _meshopt(indices: np.ndarray, positions: np.ndarray, attrs: np.ndarray, weights: np.ndarray,
             target_index_count: int, options: int, lock: np.ndarray | None = None) -> np.ndarray:
    """One meshoptimizer run (releases the GIL); returns the kept index buffer (k,) uint32."""
    P = ctypes.POINTER
    dest = np.empty(len(indices), np.uint32)
    n = _SIMPLIFY_ATTR(
        dest.ctypes.data_as(P(ctypes.c_uint)), indices.ctypes.data_as(P(ctypes.c_uint)), len(indices),
        positions.ctypes.data_as(P(ctypes.c_float)), len(positions), positions.strides[0],
        attrs.ctypes.data_as(P(ctypes.c_float)), attrs.strides[0], weights.ctypes.data_as(P(ctypes.c_float)),
        len(weights), None if lock is None else lock.ctypes.data_as(P(ctypes.c_ubyte)),
        int(target_index_count), 1.0, options, None)
    return dest[:int(n)]


def _presimplify(indices: np.ndarray, positions: np.ndarray, target_index_count: int) -> np.ndarray:
    """(k,) uint32: ``indices`` thinned by meshopt_simplifySloppy to about ``target_index_count``
    (vertices are picked from the input, never moved; attributes need no change)."""
    dest = np.empty(len(indices), np.uint32)
    n = meshoptimizer.simplify_sloppy(dest, indices, positions, target_index_count=int(target_index_count),
                                      target_error=1.0)
    return dest[:int(n)]


def _seam_vertices(positions: np.ndarray) -> np.ndarray:
    """(n,) uint8: 1 for vertices whose exact position another vertex index shares (UV seams)."""
    rows = np.ascontiguousarray(positions).view(np.dtype((np.void, positions.dtype.itemsize * 3))).ravel()
    order = np.argsort(rows, kind="stable")
    same = rows[order[1:]] == rows[order[:-1]]
    flag = np.zeros(len(rows), np.uint8)
    flag[order[1:][same]] = 1
    flag[order[:-1][same]] = 1
    return flag


def _slabs(faces: np.ndarray, positions: np.ndarray, chunks: int,
           base_lock: np.ndarray | None) -> tuple[list[np.ndarray], np.ndarray]:
    """Index buffers of ``chunks`` slabs of near-equal face count along the longest
    axis, and the lock flags (base_lock plus every vertex two slabs share).

    One radix sort by slab number and one gather, rather than a boolean mask
    over all faces per slab; cuts come from a sample of face positions."""
    # Per-column extents: numpy's axis-0 reduction over 3 columns is ~15x slower.
    axis = int(np.argmax([np.ptp(positions[:, i]) for i in range(3)]))
    coord = np.ascontiguousarray(positions[:, axis])
    key = coord[faces[:, 0]] + coord[faces[:, 1]] + coord[faces[:, 2]]
    cuts = np.quantile(key[::max(1, len(key) // 100_000)], np.arange(1, chunks) / chunks)
    part = np.searchsorted(cuts, key).astype(np.uint8)
    ends = np.cumsum(np.bincount(part, minlength=chunks)) * 3
    flat = faces[np.argsort(part, kind="stable")].ravel()
    owner = np.full(len(positions), -1, np.int8)
    lock = np.zeros(len(positions), np.uint8) if base_lock is None else base_lock.copy()
    parts = []
    for k, (start, end) in enumerate(zip(np.concatenate(([0], ends[:-1])), ends)):
        idx = flat[start:end]
        prev = owner[idx]
        lock[idx[(prev >= 0) & (prev != k)]] = 1
        owner[idx] = k
        parts.append(idx)
    return parts, lock


def _simplify_parallel(faces: np.ndarray, positions: np.ndarray, attrs: np.ndarray, weights: np.ndarray,
                       target_index_count: int, options: int, chunks: int,
                       base_lock: np.ndarray | None = None) -> np.ndarray:
    """Simplify ``chunks`` slabs of the mesh (one thread per core), then the whole.

    Faces are split at quantiles of their position along the longest axis;
    vertices shared by two slabs are locked so the slabs stay stitched.  Each
    slab stops at _SLAB_OVERSHOOT x its share of the target, and a final pass
    over the (small) merged result frees the locked seams and hits the target.
    """
    parts, lock = _slabs(faces, positions, chunks, base_lock)
    total = len(faces) * 3
    sparse = options | meshoptimizer.SIMPLIFY_SPARSE

    def one(idx: np.ndarray) -> np.ndarray:
        share = int(target_index_count * _SLAB_OVERSHOOT * len(idx) / total) // 3 * 3
        return _meshopt(idx, positions, attrs, weights, share, sparse, lock)

    with ThreadPoolExecutor(max_workers=min(chunks, os.cpu_count() or 1)) as pool:
        merged = np.concatenate(list(pool.map(one, parts)))
    if len(merged) <= target_index_count:
        return merged
    return _meshopt(merged, positions, attrs, weights, target_index_count, sparse, base_lock)


@dataclass
class Level:
    """One level of detail: ``geometry`` in the input's units and axes."""

    name: str
    geometry: trimesh.Trimesh | trimesh.PointCloud
    faces: int
    points: int
    texture_size: int | None = None


def _attributes(mesh: trimesh.Trimesh) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(vertex colours (n, 4) uint8 or None, UVs (n, 2) float or None)."""
    visual = mesh.visual
    uv = getattr(visual, "uv", None)
    uv = np.asarray(uv, np.float64) if uv is not None and len(uv) == len(mesh.vertices) else None
    colors = None
    if getattr(visual, "kind", None) == "vertex":
        colors = np.asarray(visual.vertex_colors, np.uint8)
    return colors, uv


def simplify_mesh(mesh: trimesh.Trimesh, target_faces: int, *, lock_border: bool = True,
                  progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> trimesh.Trimesh:
    """Simplify to about ``target_faces`` triangles with meshoptimizer's quadric simplifier.

    Vertex colours (RGBA) and UVs are carried through and weigh in the error
    metric.  UV-seam vertices (one position, several indices) are locked so
    the two sides of a seam cannot drift apart into cracks, and open borders
    are locked; each lock is dropped (seams first) only when it would keep the
    result above 1.2 × the target.  Without the seam lock meshoptimizer's own
    seam handling applies, which can leave small cracks on heavily cut atlases.
    Returns a new mesh (the input is untouched, even when already small).
    """
    report(progress, 0.0, "Simplifying", cancel)
    faces = np.ascontiguousarray(mesh.faces, np.uint32)
    if len(faces) <= target_faces:
        return mesh.copy()
    positions = np.ascontiguousarray(mesh.vertices, np.float32)
    indices = faces.ravel()
    colors, uv = _attributes(mesh)
    attrs, weights = [], []
    if colors is not None:
        attrs.append(colors.astype(np.float32) / 255.0)
        weights += [_COLOR_WEIGHT] * 4
    if uv is not None:
        attrs.append(uv.astype(np.float32))
        weights += [_UV_WEIGHT] * 2
    target = int(target_faces) * 3
    if uv is None and len(faces) >= _PRESIMPLIFY_MIN_FACES and len(faces) > _PRESIMPLIFY_FACTOR * target_faces:
        report(progress, 0.05, "Simplifying", cancel)
        indices = _presimplify(indices, positions, _PRESIMPLIFY_FACTOR * target)
        faces = indices.reshape(-1, 3)
    # A zero-width attribute block makes simplifyWithAttributes act as plain simplify.
    attr_block = np.ascontiguousarray(np.hstack(attrs), np.float32) if attrs else np.zeros((len(positions), 1),
                                                                                            np.float32)
    weight_block = np.asarray(weights, np.float32)
    slabs = min(_MAX_CHUNKS, max(2, len(faces) // _FACES_PER_SLAB))
    seams = _seam_vertices(positions) if uv is not None else None

    def run(options: int, lock: np.ndarray | None) -> np.ndarray:
        if len(faces) >= _PARALLEL_MIN_FACES:
            return _simplify_parallel(faces, positions, attr_block, weight_block, target, options, slabs, lock)
        return _meshopt(indices, positions, attr_block, weight_block, target, options, lock)

    # Fallbacks in order of what they give up: seam locking (photogrammetry
    # atlases can have so many seam vertices that the budget is unreachable),
    # then border locking.
    attempts = [(b, lk) for b in ([True, False] if lock_border else [False])
                for lk in ([seams, None] if seams is not None else [None])]
    result = np.zeros(0, np.uint32)
    for step, (lock_b, lock) in enumerate(attempts):
        result = run(meshoptimizer.SIMPLIFY_LOCK_BORDER if lock_b else 0, lock)
        report(progress, 0.2 + 0.6 * (step + 1) / len(attempts), "Simplifying", cancel)
        if len(result) <= 1.2 * target:
            break
    report(progress, 0.9, "Compacting vertices", cancel)
    out = _compact(mesh, result.reshape(-1, 3).astype(np.int64), colors, uv)
    report(progress, 1.0, "Simplified", cancel)
    return out


def _compact(mesh: trimesh.Trimesh, faces: np.ndarray, colors: np.ndarray | None,
             uv: np.ndarray | None) -> trimesh.Trimesh:
    """Build a mesh with only the vertices ``faces`` uses, carrying attributes along."""
    # A mask and a running count rather than np.unique (a hash table in numpy >= 2.3):
    # the same ascending vertex order, so the output is unchanged.
    mask = np.zeros(len(mesh.vertices), bool)
    mask[faces.ravel()] = True
    used = np.flatnonzero(mask)
    new_faces = (np.cumsum(mask) - 1)[faces]
    # per-vertex attributes (a multi-atlas mesh's atlas index) follow their vertices
    kept = {k: np.asarray(v)[used] for k, v in mesh.vertex_attributes.items() if len(v) == len(mesh.vertices)}
    out = trimesh.Trimesh(np.asarray(mesh.vertices)[used], new_faces, process=False, vertex_attributes=kept)
    if uv is not None:
        material = getattr(mesh.visual, "material", None)
        out.visual = trimesh.visual.TextureVisuals(uv=uv[used], material=material)
    elif colors is not None:
        out.visual = trimesh.visual.ColorVisuals(out, vertex_colors=colors[used])
    return out


def subsample_points(cloud: trimesh.PointCloud, target_points: int) -> trimesh.PointCloud:
    """Spatially even subset of about ``target_points`` points (colours kept), via meshoptimizer."""
    verts = np.ascontiguousarray(cloud.vertices, np.float32)
    if len(verts) <= target_points:
        return trimesh.PointCloud(np.array(cloud.vertices), colors=_cloud_colors(cloud))
    colors = _cloud_colors(cloud)
    dest = np.empty(len(verts), np.uint32)
    if colors is not None:
        n = meshoptimizer.simplify_points(dest, verts, np.ascontiguousarray(colors[:, :3], np.float32) / 255.0,
                                          target_vertex_count=int(target_points))
    else:
        n = meshoptimizer.simplify_points(dest, verts, target_vertex_count=int(target_points))
    keep = np.sort(dest[:n])
    return trimesh.PointCloud(np.asarray(cloud.vertices)[keep],
                              colors=None if colors is None else colors[keep])


def _cloud_colors(cloud: trimesh.PointCloud) -> np.ndarray | None:
    cols = cloud.colors
    return np.asarray(cols, np.uint8) if cols is not None and len(cols) == len(cloud.vertices) else None


def build_levels(geometry: trimesh.Trimesh | trimesh.PointCloud, *, budgets: dict[str, int] | None = None,
                 progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> list[Level]:
    """The 'original' level (the input itself) then one level per budget below the input's size.

    Budgets are faces for meshes (default LOD_BUDGETS) and points for point
    clouds (default POINT_BUDGETS); a budget at or above the input's count is
    skipped rather than duplicating the input.  Each mesh level is simplified
    from the previous one, which is faster and visually equivalent.
    """
    is_mesh = isinstance(geometry, trimesh.Trimesh)
    budgets = budgets if budgets is not None else (LOD_BUDGETS if is_mesh else POINT_BUDGETS)
    count = len(geometry.faces) if is_mesh else len(geometry.vertices)
    levels = [_level("original", geometry)]
    todo = [(name, b) for name, b in sorted(budgets.items(), key=lambda kv: -kv[1]) if b < count]
    source = geometry
    for i, (name, budget) in enumerate(todo):
        step = sub_progress(progress, i / len(todo), (i + 1) / len(todo))
        report(step, 0.0, f"Building level '{name}'", cancel)
        if is_mesh:
            source = simplify_mesh(source, budget, progress=step, cancel=cancel)
        else:
            source = subsample_points(source, budget)
        levels.append(_level(name, source))
    report(progress, 1.0, "Levels built", cancel)
    return levels


def _level(name: str, geom: trimesh.Trimesh | trimesh.PointCloud) -> Level:
    if isinstance(geom, trimesh.Trimesh):
        return Level(name, geom, int(len(geom.faces)), 0, TEXTURE_SIZES.get(name))
    return Level(name, geom, 0, int(len(geom.vertices)), TEXTURE_SIZES.get(name))
