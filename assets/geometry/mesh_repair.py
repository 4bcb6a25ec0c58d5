"""Conservative clean-up of scanned meshes that keeps colours and UVs, vectorised for scan scale.

Each step is one sort or one bincount over int64 keys (numpy), skipped when the
inspection already counted nothing to do; orientation is :mod:`.winding`'s
connected-component check rather than trimesh's Python graph walk.
"""
from __future__ import annotations

import numpy as np
import trimesh

from vitrine.assets.inspection import mesh_topology
from vitrine.assets.geometry.duplicates import duplicate_vertex_map, repeated_faces
from vitrine.assets.geometry.edge_adjacency import EdgeAdjacency
from vitrine.assets.texturing.atlases import vertex_atlases
from vitrine.assets.geometry.winding import flip_faces, orientation_flips


def _boundary_loops(faces: np.ndarray) -> list[list[int]]:
    """Closed boundary loops, each ordered so that fan triangles face outwards."""
    directed = faces[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2)
    keys = set(map(tuple, directed.tolist()))
    succ: dict[int, int] = {}
    ambiguous: set[int] = set()
    for a, b in directed.tolist():
        if (b, a) not in keys:
            # Hole polygons run against the surrounding faces' edges.
            if b in succ:
                ambiguous.add(b)
            succ[b] = a
    loops, seen = [], set()
    for start in succ:
        if start in seen or start in ambiguous:
            continue
        loop, v = [], start
        while v not in seen and v in succ and v not in ambiguous:
            seen.add(v)
            loop.append(v)
            v = succ[v]
        if v == start and len(loop) >= 3:
            loops.append(loop)
    return loops


def _vertex_rows(mesh: trimesh.Trimesh) -> np.ndarray:
    """(n, k) uint32 rows of everything that must match for two vertices to merge:
    position bits, plus UV bits, RGBA and the atlas index when present (normals are recomputed anyway)."""
    parts = [np.ascontiguousarray(mesh.vertices, np.float64).view(np.uint32).reshape(len(mesh.vertices), -1)]
    visual = mesh.visual
    uv = getattr(visual, "uv", None)
    if uv is not None and len(uv) == len(mesh.vertices):
        parts.append(np.ascontiguousarray(uv, np.float64).view(np.uint32).reshape(len(uv), -1))
    if getattr(visual, "kind", None) == "vertex":
        rgba = np.ascontiguousarray(visual.vertex_colors, np.uint8)
        parts.append(rgba.view(np.uint32).reshape(len(rgba), -1))
    atlas = vertex_atlases(mesh)
    if atlas is not None:  # same position and UV in two atlases are two different texels
        parts.append(atlas.astype(np.uint32).reshape(-1, 1))
    return parts[0] if len(parts) == 1 else np.hstack(parts)


def _merge_vertices(mesh: trimesh.Trimesh, faces: np.ndarray) -> int:
    """Point ``faces`` (m, 3) at one vertex per identical (position, UV, colour); in place.
    Returns how many vertices became unused by it."""
    mapping = duplicate_vertex_map(_vertex_rows(mesh))
    if mapping is None:
        return 0
    np.take(mapping, faces, out=faces)
    return int(np.count_nonzero(mapping != np.arange(len(mapping))))


def _welded(mesh: trimesh.Trimesh, faces: np.ndarray) -> np.ndarray:
    """``faces`` (m, 3) joined across UV seams (vertices at one position), so that a
    textured scan is oriented as one surface rather than patch by patch."""
    if getattr(mesh.visual, "uv", None) is None:
        return faces
    verts = np.ascontiguousarray(mesh.vertices, np.float64)
    mapping = duplicate_vertex_map(verts.view(np.uint32).reshape(len(verts), -1))
    return faces if mapping is None else mapping[faces]


def _bad_faces(vertices: np.ndarray, faces: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(degenerate (m,) bool, duplicate (m,) bool): zero-area faces, and repeats of an
    earlier face with the same three corners (any order)."""
    a, b, c = (faces[:, i].astype(np.int64) for i in range(3))
    lo = np.minimum(np.minimum(a, b), c)
    hi = np.maximum(np.maximum(a, b), c)
    mid = a + b + c - lo - hi
    degenerate = (lo == mid) | (mid == hi)
    v = np.asarray(vertices, np.float64)
    ext = float(np.ptp(v, axis=0).max()) if len(v) else 0.0
    step = 1 << 20
    for s in range(0, len(faces), step):
        sl = slice(s, s + step)
        p = v[a[sl]]
        cross = np.cross(v[b[sl]] - p, v[c[sl]] - p)
        area2 = np.einsum("ij,ij->i", cross, cross)
        degenerate[sl] |= area2 <= (1e-12 * ext * ext) ** 2
    return degenerate, repeated_faces(lo, mid, hi)


def repair_mesh(mesh: trimesh.Trimesh, *, fill_holes: bool = False, max_hole_edges: int = 64,
                copy: bool = True, topology: dict | None = None,
                adjacency: EdgeAdjacency | None = None) -> tuple[trimesh.Trimesh, dict]:
    """Clean ``mesh`` (a copy, or the mesh itself with ``copy=False``); returns (repaired mesh,
    report dict of counts).

    Merges duplicate vertices (identical position, UV and colour: not across UV seams),
    drops degenerate and duplicate faces and unused vertices, makes winding consistent
    and normals point outwards (see :mod:`.winding`), and with ``fill_holes`` closes
    boundary loops of at most ``max_hole_edges`` edges with fan triangles (no new
    vertices, so colours and UVs need no invention).  ``topology`` is the inspection's
    topology dict for this mesh (``inspect_scan(...)['topology']``): when given, its
    counts skip steps with nothing to do and the final topology is not recomputed
    unless something changed.  ``adjacency`` is the same inspection's sorted edge adjacency
    (:func:`vitrine.assets.inspection.inspect_scan_and_adjacency`): when no face changed
    before the winding step and neither side welded UV seams, the winding reuses it instead
    of sorting the edges again ("inspect once").
    """
    out = mesh.copy() if copy else mesh
    before_v, before_f = len(out.vertices), len(out.faces)
    faces = np.array(out.faces, np.int64)  # one working copy; assigned back once
    merged = _merge_vertices(out, faces)
    degenerate = duplicate = 0
    if merged or topology is None or topology.get("degenerate_faces") or topology.get("duplicate_faces"):
        bad_area, repeated = _bad_faces(out.vertices, faces)
        degenerate = int(np.count_nonzero(bad_area))
        duplicate = int(np.count_nonzero(repeated & ~bad_area))
        if degenerate or duplicate:
            faces = faces[~(bad_area | repeated)]
    filled = 0
    if fill_holes and len(faces):
        new = []
        for loop in _boundary_loops(faces):
            if len(loop) <= max_hole_edges:
                new.extend((loop[0], loop[i], loop[i + 1]) for i in range(1, len(loop) - 1))
                filled += 1
        if new:
            faces = np.vstack([faces, np.asarray(new, np.int64)])
    if len(faces):
        welded = _welded(out, faces)
        # Valid only for the very faces inspected: nothing merged, dropped or added since.
        same = (adjacency is not None and welded is faces and not (merged or degenerate or duplicate or filled)
                and adjacency.matches(faces, welded=False))
        flip, _ = orientation_flips(np.asarray(out.vertices), welded, adjacency if same else None)
        del welded
        flip_faces(faces, flip)
    changed = merged or degenerate or duplicate or filled
    out.faces = faces
    unused = before_v - int(np.count_nonzero(np.bincount(faces.ravel(), minlength=before_v))) if len(faces) \
        else before_v
    if unused:
        out.remove_unreferenced_vertices()
    if topology is None or changed or unused:
        topo = mesh_topology(out, weld=getattr(out.visual, "uv", None) is not None)
    else:
        topo = topology
    report = {"vertices_before": before_v, "faces_before": before_f,
              "vertices": int(len(out.vertices)), "faces": int(len(out.faces)),
              "vertices_merged": int(merged), "degenerate_faces_removed": degenerate,
              "duplicate_faces_removed": duplicate, "holes_filled": filled,
              "holes_left": topo["holes"], "watertight": topo["watertight"]}
    return out, report
