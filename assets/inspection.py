"""``inspect_scan``: a JSON-serialisable health report of a loaded scan.

Topology checks use one sort of int64 edge keys (vectorised numpy) rather than
trimesh's cached properties, so inspecting costs less than trimesh's own load.
Work is done per face-corner column and per coordinate: numpy's fancy indexing,
axis-1 sorts, np.cross and axis-0 reductions on (m, 3) arrays are 3-15x slower.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import trimesh
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from vitrine.assets.geometry.duplicates import duplicate_vertex_map, repeated_faces
from vitrine.assets.geometry.edge_adjacency import EdgeAdjacency, group_half_edges
from vitrine.assets.levels.level_of_detail import LOD_BUDGETS, POINT_BUDGETS
from vitrine.assets.scan_model import Problem, Scan
from vitrine.assets.templated_text import TemplatedText as T

# An artifact is typically 2 cm .. 3 m; these ranges map a max extent to a unit.
_MM_RANGE = (50.0, 5000.0)
_CM_RANGE = (5.0, 50.0)
_M_RANGE = (0.02, 1.0)
_AXES = "xyz"


def _unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique values and their counts (a plain sort: faster than np.unique's hashing here)."""
    s = np.sort(keys)
    if len(s) == 0:
        return s, np.zeros(0, np.int64)
    flag = np.empty(len(s), bool)
    flag[0] = True
    np.not_equal(s[1:], s[:-1], out=flag[1:])
    idx = np.flatnonzero(flag)
    return s[idx], np.diff(np.append(idx, len(s)))


def _columns(faces: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The three corner columns of ``faces`` (m, 3) as contiguous int64 arrays:
    column-wise work avoids numpy's slow fancy indexing and axis-1 sorts on (m, 3)."""
    return tuple(np.ascontiguousarray(faces[:, i], np.int64) for i in range(3))  # type: ignore[return-value]


def _bounds(verts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-axis (min, max) of (n, 3) points; one column at a time is ~15x faster than
    numpy's strided axis-0 reduction over three columns."""
    cols = [verts[:, i] for i in range(verts.shape[1])]
    return np.array([c.min() for c in cols]), np.array([c.max() for c in cols])


def _edge_stats(cols: tuple[np.ndarray, ...], n_vertices: int,
                welded: bool = False) -> tuple[np.ndarray, np.ndarray, EdgeAdjacency]:
    """Unique undirected edges (k, 2), how many faces use each (k,), and the grouped
    half-edge adjacency they came from (handed on to the winding repair: one grouping)."""
    adjacency, edges = group_half_edges(cols, n_vertices, welded=welded)  # type: ignore[arg-type]
    return edges, adjacency.counts, adjacency


def _count_components(edges: np.ndarray, n: int) -> int:
    """Connected components of the graph of ``n`` nodes and ``edges`` (k, 2) sorted by (row, col).

    The CSR arrays are built directly (int32, already canonical) because
    scipy's coo->csr conversion spends most of its time validating int64 input.
    """
    if n == 0:
        return 0
    rows = edges[:, 0]
    indptr = np.zeros(n + 1, np.int32)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    g = csr_matrix((np.ones(len(rows), np.int8), edges[:, 1].astype(np.int32), indptr), shape=(n, n))
    return connected_components(g, directed=False)[0]


def _compact_ids(ids: np.ndarray, n: int) -> tuple[np.ndarray, int]:
    """Renumber the vertex ids used in ``ids`` to 0..k-1; returns (renumbered, k)."""
    used = np.zeros(n, bool)
    used[ids.ravel()] = True
    remap = np.cumsum(used) - 1
    return remap[ids], int(used.sum())


def _cross(v32: np.ndarray, cols: tuple[np.ndarray, ...]) -> np.ndarray:
    """Face cross products (m, 3) float32, per coordinate (np.cross on (m, 3) is ~3x slower)."""
    a, b, c = cols
    vx, vy, vz = (np.ascontiguousarray(v32[:, i]) for i in range(3))
    ax, ay, az = vx[a], vy[a], vz[a]
    bx, by, bz = vx[b] - ax, vy[b] - ay, vz[b] - az
    cx, cy, cz = vx[c] - ax, vy[c] - ay, vz[c] - az
    out = np.empty((len(a), 3), np.float32)
    np.subtract(by * cz, bz * cy, out=out[:, 0])
    np.subtract(bz * cx, bx * cz, out=out[:, 1])
    np.subtract(bx * cy, by * cx, out=out[:, 2])
    return out


def _face_checks(verts: np.ndarray, cols: tuple[np.ndarray, ...], scale: float) -> tuple[np.ndarray, int, int]:
    """(face cross products (m, 3) float32, degenerate face count, duplicate face count).
    ``scale`` is the largest extent of the vertices."""
    n = len(verts)
    a, b, c = cols
    # float32 halves memory traffic; precision is ample for areas and normals.
    cross = _cross(verts.astype(np.float32), cols)
    if len(a) == 0:
        return cross, 0, 0
    area2 = np.einsum("ij,ij->i", cross, cross)
    degenerate = (area2 <= (1e-12 * scale * scale) ** 2) | (a == b) | (b == c) | (a == c)
    # Sorted corners without an axis-1 sort: min, max, and the middle one by subtraction.
    lo, hi = np.minimum(np.minimum(a, b), c), np.maximum(np.maximum(a, b), c)
    mid = a + b + c - lo - hi
    duplicates = np.count_nonzero(repeated_faces(lo, mid, hi))
    return cross, int(np.count_nonzero(degenerate)), int(duplicates)


def _edge_checks(faces: np.ndarray, cols: tuple[np.ndarray, ...], n: int,
                 welded: bool = False) -> tuple[np.ndarray, int, int, int, EdgeAdjacency]:
    """(boundary edges (b, 2), hole count, component count, non-manifold edge count, adjacency)."""
    pairs, counts, adjacency = _edge_stats(cols, n, welded)
    boundary = pairs[counts == 1]
    holes = _count_components(*_compact_ids(boundary, n)) if len(boundary) else 0
    # Unreferenced vertices would each count as a component of their own.
    unreferenced = n - int(np.count_nonzero(np.bincount(faces.ravel(), minlength=n)))
    components = _count_components(pairs, n) - unreferenced
    return boundary, int(holes), int(components), int(np.count_nonzero(counts > 2)), adjacency


def _analyse(mesh: trimesh.Trimesh, weld: bool) -> tuple[dict, np.ndarray, EdgeAdjacency | None, np.ndarray]:
    """Topology counts plus (face cross products (m,3) float32, the sorted edge adjacency
    (for the winding repair; None without faces), boundary vertex positions (b,3)) reused
    by the up-axis guess.

    Face and edge checks run in two threads: NumPy's sorts and gathers
    release the GIL, so a second core cuts the wall time of large scans.
    """
    faces = np.asarray(mesh.faces, np.int64)
    verts = np.asarray(mesh.vertices, np.float64)
    welded = False
    if weld and len(verts):
        # Seam copies stay in the array unreferenced (the component count allows for them).
        mapping = duplicate_vertex_map(np.ascontiguousarray(verts).view(np.uint32).reshape(len(verts), -1))
        faces, welded = (faces, False) if mapping is None else (mapping[faces], True)
    n = len(verts)
    if len(faces) == 0:
        return ({"boundary_edges": 0, "holes": 0, "non_manifold_edges": 0, "degenerate_faces": 0,
                 "duplicate_faces": 0, "components": 0, "watertight": False},
                np.zeros((0, 3), np.float32), None, np.zeros((0, 3)))
    cols = _columns(faces)
    lo, hi = _bounds(verts)
    scale = float((hi - lo).max())
    if len(faces) >= 50_000:
        with ThreadPoolExecutor(max_workers=1) as pool:
            face_job = pool.submit(_face_checks, verts, cols, scale)
            boundary, holes, components, non_manifold, adjacency = _edge_checks(faces, cols, n, welded)
            cross, degenerate, duplicates = face_job.result()
    else:
        cross, degenerate, duplicates = _face_checks(verts, cols, scale)
        boundary, holes, components, non_manifold, adjacency = _edge_checks(faces, cols, n, welded)
    topo = {"boundary_edges": int(len(boundary)), "holes": holes, "non_manifold_edges": non_manifold,
            "degenerate_faces": degenerate, "duplicate_faces": duplicates,
            "components": components, "watertight": bool(len(boundary) == 0 and non_manifold == 0)}
    return topo, cross, adjacency, verts[_unique_counts(boundary.ravel())[0]] if len(boundary) else np.zeros((0, 3))


def mesh_topology(mesh: trimesh.Trimesh, *, weld: bool = False) -> dict:
    """Counts of boundary edges, holes (boundary loops), non-manifold edges,
    degenerate and duplicate faces, connected components, and watertightness.

    ``weld`` first joins vertices at identical positions, so that UV seams
    (split vertices) are not counted as holes.
    """
    return _analyse(mesh, weld)[0]


def guess_units(extent: np.ndarray, hint: str | None = None) -> tuple[str, str]:
    """Guess the file unit from the bounding-box extent (file units) -> (unit, reason sentence)."""
    size = float(np.max(extent)) if len(extent) else 0.0
    if hint == "m":
        return "m", T("glTF stores metres by specification (largest side {size} m).", size=f"{size:.3g}")
    if _MM_RANGE[0] <= size <= _MM_RANGE[1]:
        return "mm", T("The largest side is {size} units; read as millimetres that is a {metres} m object.",
                       size=f"{size:.4g}", metres=f"{size / 1000:.2f}")
    if _CM_RANGE[0] <= size < _CM_RANGE[1]:
        return "cm", T("The largest side is {size} units; read as centimetres that is a {metres} m object.",
                       size=f"{size:.4g}", metres=f"{size / 100:.2f}")
    if _M_RANGE[0] <= size <= _M_RANGE[1]:
        return "m", T("The largest side is {size} units, a plausible object size in metres.", size=f"{size:.3g}")
    if 1.0 < size < _CM_RANGE[0]:
        return "unknown", T("The largest side is {size} units: this looks like normalised data "
                            "(or an object of several metres); there is no clue to the real size.", size=f"{size:.3g}")
    return "unknown", T("The largest side is {size} units, implausible for an artifact in any usual unit.",
                         size=f"{size:.3g}")


def _down_evidence(verts: np.ndarray, faces: np.ndarray, cross: np.ndarray, bverts: np.ndarray,
                   lo: np.ndarray, hi: np.ndarray) -> tuple[dict[str, float], dict[str, np.ndarray]]:
    """Per signed axis ('x', '-x', ...: the one that would point up): the area of faces
    within 2 % of the lowest plane facing straight down, and the boundary vertices
    within 3 % of it (an open, unscanned base)."""
    ext = np.maximum(hi - lo, 1e-12)
    down: dict[str, float] = {}
    open_base: dict[str, np.ndarray] = {}
    for a in range(3):
        for sign, name in ((1.0, _AXES[a]), (-1.0, "-" + _AXES[a])):
            coord = verts[:, a] * sign
            base = lo[a] if sign > 0 else -hi[a]
            low = coord < base + 0.02 * ext[a]
            # Few vertices lie in the bottom slab: filter by one corner, then the others.
            cand = np.flatnonzero(low[faces[:, 0]])
            cand = cand[low[faces[cand, 1]] & low[faces[cand, 2]]]
            c = cross[cand].astype(np.float64)
            length = np.sqrt(np.einsum("ij,ij->i", c, c))
            facing = c[:, a] * sign < -0.95 * length
            down[name] = float(length[facing].sum()) / 2  # |cross| is twice the area
            open_base[name] = bverts[bverts[:, a] * sign < base + 0.03 * ext[a]]
    return down, open_base


def guess_up_axis(scan: Scan, _pre: tuple | None = None) -> tuple[str, str]:
    """Guess which file axis points up -> ('x'|'y'|'z'|'-x'|'-y'|'-z', reason sentence).

    glTF is Y-up by specification.  Otherwise the scan is set down on each of its six
    sides (see :mod:`.orientation`): a stable pose on a flat or open base wins (busts
    on a neck cut, vases on a foot, masks and reliefs on their back); without a
    clear winner the file convention decides.
    """
    from vitrine.assets.geometry.orientation import guess_up, rest_scores
    if scan.up_hint:
        return scan.up_hint, T("glTF is Y-up by specification.")
    geom = scan.geometry
    verts = np.asarray(geom.vertices, np.float64)
    conv = ("y", T("OBJ exporters usually write Y-up")) if scan.format == "OBJ" else \
        ("z", T("scanner software usually writes {format} Z-up", format=scan.format))
    if len(verts) < 4:
        return conv[0], T("Too few points to find a base; {convention}.", convention=conv[1])
    lo, hi = _bounds(verts)
    sample = verts[::max(1, len(verts) // 60_000)]
    down = open_base = None
    centre = sample.mean(axis=0)
    if scan.mesh is not None:
        topo, cross, _, bverts = _pre if _pre is not None else _analyse(scan.mesh, weld=False)
        faces = np.asarray(scan.mesh.faces)
        down, open_base = _down_evidence(verts, faces, cross, bverts, lo, hi)
        if topo.get("watertight") and len(faces):
            # Volume centroid of a closed mesh: sum of tetrahedra (origin, face) centroids.
            # Every k-th face estimates it well enough for "inside the footprint?", in
            # bounded memory at scan scale.
            part = faces[::max(1, len(faces) // 500_000)]
            sub = cross[::max(1, len(faces) // 500_000)].astype(np.float64)
            six_vol = np.einsum("ij,ij->i", verts[part[:, 0]], sub)
            if abs(six_vol.sum()) > 0:
                tet = (verts[part[:, 0]] + verts[part[:, 1]] + verts[part[:, 2]]) / 4.0
                centre = (tet * six_vol[:, None]).sum(axis=0) / six_vol.sum()
    scores = rest_scores(sample, centre, faces_down=down, open_base=open_base)
    found = guess_up(scores, conv[0])
    if found is not None:
        return found
    return conv[0], T("No stable pose on a clear flat or open base was found; {convention}.", convention=conv[1])


def inspect_scan(scan: Scan, *, target_faces: int = LOD_BUDGETS["high"],
                 target_points: int = POINT_BUDGETS["high"]) -> dict:
    """Report on a scan: counts, attributes, extent (file units), unit and up-axis
    guesses, topology, and problems as ``{severity, code, message}`` dicts."""
    return inspect_scan_and_adjacency(scan, target_faces=target_faces, target_points=target_points)[0]


def inspect_scan_and_adjacency(scan: Scan, *, target_faces: int = LOD_BUDGETS["high"],
                               target_points: int = POINT_BUDGETS["high"]) -> tuple[dict, EdgeAdjacency | None]:
    """:func:`inspect_scan`'s report plus the mesh's sorted edge adjacency (None for points or
    faces out of range), which ``repair_mesh(adjacency=...)`` reuses instead of sorting again."""
    geom = scan.geometry
    verts = np.asarray(geom.vertices, np.float64)
    problems = list(scan.problems)
    finite = np.ones(len(verts), bool) if np.isfinite(verts).all() else np.isfinite(verts).all(axis=1)
    if not finite.all():
        problems.append(Problem.of("error", "nonfinite_coordinates",
                                   "{count} vertices have NaN or infinite coordinates", count=f"{np.count_nonzero(~finite):,}"))
    good = verts if finite.all() else verts[finite]
    extent = np.subtract(*_bounds(good)[::-1]) if len(good) else np.zeros(3)
    mesh = scan.mesh
    report: dict = {
        "path": str(scan.path), "format": scan.format,
        "vertices": int(len(verts)) if mesh is not None else 0,
        "faces": int(len(mesh.faces)) if mesh is not None else 0,
        "points": int(len(verts)) if mesh is None else 0,
    }
    visual = getattr(mesh, "visual", None) if mesh is not None else None
    uv = getattr(visual, "uv", None)
    report["has_uv"] = uv is not None and len(uv) > 0
    report["has_texture"] = scan.texture is not None
    report["texture_size"] = list(scan.texture.size) if scan.texture is not None else None
    # a multi-atlas scan (one material and texture per atlas): how many; texture_size is the first's
    report["texture_atlases"] = len(scan.atlases) or (1 if scan.texture is not None else 0)
    if mesh is not None:
        report["has_vertex_colors"] = getattr(visual, "kind", None) == "vertex"
        report["has_normals"] = bool(scan.has_normals)
    else:
        cols = getattr(scan.points, "colors", None)
        report["has_vertex_colors"] = cols is not None and len(cols) == len(verts)
        report["has_normals"] = False
    report["extent"] = [float(x) for x in extent]
    report["units_guess"], report["units_reason"] = guess_units(extent, scan.units_hint)
    pre = None
    if mesh is not None:
        faces = np.asarray(mesh.faces)
        bad = (faces < 0) | (faces >= len(verts)) if len(faces) and (
            faces.min() < 0 or faces.max() >= len(verts)) else np.zeros(0, bool)
        if bad.any():
            problems.append(Problem.of("error", "index_out_of_range",
                                       "{count} face indices point outside the vertices", count=f"{np.count_nonzero(bad):,}"))
            topo = {"watertight": False, "components": 0}
        else:
            pre = _analyse(mesh, weld=report["has_uv"])
            topo = pre[0]
            problems.extend(_topology_problems(topo))
        if len(faces) > target_faces:
            problems.append(Problem.of("info", "too_large_for_target",
                                       "{count} faces is more than the {limit} a prepared mesh may have; it will be simplified",
                                       count=f"{len(faces):,}", limit=f"{target_faces:,}"))
        report["watertight"] = topo["watertight"]
        report["up_axis_guess"], report["up_axis_reason"] = _up_or_unknown(scan, pre, finite)
        report["components"] = topo["components"]
        report["topology"] = topo
    else:
        report["watertight"] = False
        report["components"] = 0
        report["up_axis_guess"], report["up_axis_reason"] = _up_or_unknown(scan, None, finite)
        if len(verts) > target_points:
            problems.append(Problem.of("info", "too_large_for_target", "{count} points is more than {limit}; it will be subsampled",
                                       count=f"{len(verts):,}", limit=f"{target_points:,}"))
    report["problems"] = [p.as_dict() for p in problems]
    return report, (pre[2] if pre is not None else None)


def _up_or_unknown(scan: Scan, pre: tuple | None, finite: np.ndarray) -> tuple[str, str]:
    if not finite.all() or (scan.mesh is not None and pre is None):
        return scan.up_hint or "y", "The geometry is invalid (NaN coordinates or bad indices); no guess is possible."
    return guess_up_axis(scan, pre)


def _topology_problems(topo: dict) -> list[Problem]:
    out = []
    if topo["boundary_edges"]:
        out.append(Problem.of("warning", "holes", "{holes} holes or open borders ({edges} boundary edges)",
                              holes=f"{topo['holes']:,}", edges=f"{topo['boundary_edges']:,}"))
    if topo["non_manifold_edges"]:
        out.append(Problem.of("warning", "non_manifold_edges", "{count} edges are shared by more than two faces",
                              count=f"{topo['non_manifold_edges']:,}"))
    if topo["degenerate_faces"]:
        out.append(Problem.of("warning", "degenerate_faces", "{count} faces have no area", count=f"{topo['degenerate_faces']:,}"))
    if topo["duplicate_faces"]:
        out.append(Problem.of("warning", "duplicate_faces", "{count} faces are duplicates", count=f"{topo['duplicate_faces']:,}"))
    if topo["components"] > 1:
        out.append(Problem.of("info", "components", "the mesh has {count} separate pieces", count=f"{topo['components']:,}"))
    return out


def format_report_text(report: dict) -> str:
    """Render an inspection report as a few lines of English for people."""
    lines = [f"{report.get('path', '')} ({report['format']})"]
    if report["faces"]:
        lines.append(f"  Mesh: {report['vertices']:,} vertices, {report['faces']:,} faces, "
                     f"{report['components']:,} piece(s), {'watertight' if report['watertight'] else 'not watertight'}")
    else:
        lines.append(f"  Point cloud: {report['points']:,} points")
    attrs = [name for key, name in (("has_uv", "UVs"), ("has_texture", "texture"),
                                    ("has_vertex_colors", "vertex colours"), ("has_normals", "normals")) if report[key]]
    if report.get("texture_size"):
        count = report.get("texture_atlases", 1)
        attrs[attrs.index("texture")] = ("texture {}×{}" if count <= 1 else f"{count} texture atlases (the first {{}}×{{}})"
                                         ).format(*report["texture_size"])
    lines.append(f"  Attributes: {', '.join(attrs) if attrs else 'none'}")
    ext = report["extent"]
    lines.append(f"  Size: {ext[0]:.4g} × {ext[1]:.4g} × {ext[2]:.4g} (file units)")
    lines.append(f"  Units: {report['units_guess']} — {report['units_reason']}")
    lines.append(f"  Up axis: {report['up_axis_guess'].upper()} — {report['up_axis_reason']}")
    probs = report["problems"]
    lines.append(f"  Problems: {'none' if not probs else len(probs)}")
    for p in probs:
        lines.append(f"    [{p['severity']}] {p['message']}")
    return "\n".join(lines)
