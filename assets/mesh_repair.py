"""Conservative clean-up of scanned meshes that keeps colours and UVs."""
from __future__ import annotations

import numpy as np
import trimesh

from .inspection import mesh_topology


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


def repair_mesh(mesh: trimesh.Trimesh, *, fill_holes: bool = False,
                max_hole_edges: int = 64) -> tuple[trimesh.Trimesh, dict]:
    """Clean a copy of ``mesh``; returns (repaired mesh, report dict of counts).

    Merges duplicate vertices (not across UV seams), drops degenerate and
    duplicate faces and unused vertices, makes winding consistent and normals
    point outwards, and with ``fill_holes`` closes boundary loops of at most
    ``max_hole_edges`` edges with fan triangles (no new vertices, so colours
    and UVs need no invention).
    """
    out = mesh.copy()
    before_v, before_f = len(out.vertices), len(out.faces)
    out.merge_vertices(merge_tex=False, merge_norm=True)
    merged = before_v - len(out.vertices)
    keep = out.nondegenerate_faces()
    degenerate = int(np.count_nonzero(~keep))
    out.update_faces(keep)
    unique = out.unique_faces()
    duplicate = int(len(out.faces) - np.count_nonzero(unique))
    out.update_faces(unique)
    out.remove_unreferenced_vertices()
    filled = 0
    if fill_holes and len(out.faces):
        new = []
        for loop in _boundary_loops(np.asarray(out.faces)):
            if len(loop) <= max_hole_edges:
                new.extend((loop[0], loop[i], loop[i + 1]) for i in range(1, len(loop) - 1))
                filled += 1
        if new:
            visual = out.visual.copy()
            out = trimesh.Trimesh(out.vertices, np.vstack([out.faces, np.asarray(new, np.int64)]),
                                  visual=visual, process=False)
    trimesh.repair.fix_normals(out, multibody=True)
    topo = mesh_topology(out, weld=getattr(out.visual, "uv", None) is not None)
    report = {"vertices_before": before_v, "faces_before": before_f,
              "vertices": int(len(out.vertices)), "faces": int(len(out.faces)),
              "vertices_merged": int(merged), "degenerate_faces_removed": degenerate,
              "duplicate_faces_removed": duplicate, "holes_filled": filled,
              "holes_left": topo["holes"], "watertight": topo["watertight"]}
    return out, report
