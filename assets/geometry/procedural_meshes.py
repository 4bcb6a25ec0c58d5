"""Meshes the project makes itself for its sample exhibit (no third-party scan data).

All are deterministic, in metres, Y-up, centred in x/z with the base on y = 0,
and a few tens of thousands of faces at most.
"""
from __future__ import annotations

import numpy as np
import trimesh
from PIL import Image, ImageDraw, ImageFilter

_TERRACOTTA = (184, 98, 56)
_BLACK_GLAZE = (30, 22, 18)


def _vessel_profile(t: np.ndarray) -> np.ndarray:
    """Radius (m) of an amphora-like vessel at height fraction ``t`` (0 foot .. 1 lip)."""
    foot = 0.045 + 0.02 * np.exp(-((t - 0.03) / 0.03) ** 2)
    body = 0.115 * np.exp(-((t - 0.42) / 0.24) ** 2)
    neck = 0.038 + 0.012 * np.exp(-((t - 0.98) / 0.035) ** 2)
    taper = np.clip((t - 0.05) / 0.12, 0, 1)
    return np.maximum(foot * (1 - taper) + (body + neck * (t > 0.6)) * taper, neck)


def _vessel_texture(size: int = 512) -> Image.Image:
    """Terracotta with black-glaze bands and a meander (Greek key) frieze; v=0 is the foot."""
    img = Image.new("RGB", (size, size), _TERRACOTTA)
    draw = ImageDraw.Draw(img)

    def band(v0: float, v1: float) -> None:
        # Image rows run top-down while v runs foot-up.
        draw.rectangle([0, int((1 - v1) * size), size, int((1 - v0) * size)], fill=_BLACK_GLAZE)

    for v0, v1 in ((0.0, 0.06), (0.30, 0.32), (0.52, 0.54), (0.90, 1.0)):
        band(v0, v1)
    top, bottom = int((1 - 0.50) * size), int((1 - 0.34) * size)
    h = bottom - top
    unit = h  # one square key per frieze height, repeated around the vessel
    for x0 in range(0, size, unit):
        s = unit / 6
        pts = [(x0 + s, bottom - s), (x0 + s, top + s), (x0 + 5 * s, top + s), (x0 + 5 * s, bottom - 2 * s),
               (x0 + 3 * s, bottom - 2 * s), (x0 + 3 * s, top + 3 * s)]
        draw.line(pts, fill=_BLACK_GLAZE, width=max(2, int(s * 0.7)))
        draw.line([(x0, bottom - s), (x0 + unit, bottom - s)], fill=_BLACK_GLAZE, width=max(2, int(s * 0.5)))
    for i in range(24):  # tongue pattern on the shoulder
        x = (i + 0.5) * size / 24
        draw.ellipse([x - 7, (1 - 0.66) * size - 14, x + 7, (1 - 0.66) * size + 14], fill=_BLACK_GLAZE)
    return img


def lathe_vessel(segments: int = 128, rings: int = 96) -> trimesh.Trimesh:
    """A turned amphora (0.36 m tall) with UVs and a painted texture in its material.

    The seam column is duplicated so UVs wrap without stretching; the base is
    closed by a cap, the mouth is open.
    """
    height = 0.36
    t = np.linspace(0.0, 1.0, rings)
    radius = _vessel_profile(t)
    theta = np.linspace(0.0, 2 * np.pi, segments + 1)
    r, th = np.meshgrid(radius, theta, indexing="ij")
    verts = np.column_stack([(r * np.cos(th)).ravel(), np.repeat(t * height, segments + 1),
                             (-r * np.sin(th)).ravel()])
    uv = np.column_stack([np.tile(theta / (2 * np.pi), rings), np.repeat(t, segments + 1)])
    cols = segments + 1
    i, j = np.meshgrid(np.arange(rings - 1), np.arange(segments), indexing="ij")
    a = (i * cols + j).ravel()
    b, c, d = a + 1, a + cols, a + cols + 1
    faces = np.vstack([np.column_stack([a, b, d]), np.column_stack([a, d, c])])
    centre = len(verts)
    verts = np.vstack([verts, [0.0, 0.0, 0.0]])
    uv = np.vstack([uv, [0.5, 0.0]])
    ring0 = np.arange(segments)
    faces = np.vstack([faces, np.column_stack([np.full(segments, centre), ring0 + 1, ring0])])
    material = trimesh.visual.material.SimpleMaterial(image=_vessel_texture(), diffuse=(255, 255, 255, 255))
    mesh = trimesh.Trimesh(verts, faces, process=False,
                           visual=trimesh.visual.TextureVisuals(uv=uv, material=material))
    trimesh.repair.fix_normals(mesh)
    return mesh


def _glyph_height(nx: int, ny: int) -> np.ndarray:
    """Relief height field in 0..1 (ny, nx): rows of glyph-like marks, smoothed like chisel work."""
    rng = np.random.default_rng(7)  # fixed seed: the sample must be identical on every machine
    scale = 4
    img = Image.new("L", (nx * scale, ny * scale), 0)
    draw = ImageDraw.Draw(img)
    rows, per_row = 4, 7
    margin = 0.08
    cw = (1 - 2 * margin) * nx * scale / per_row
    ch = (1 - 2 * margin) * ny * scale / rows
    for r in range(rows):
        for c in range(per_row):
            x0 = margin * nx * scale + c * cw + cw * 0.15
            y0 = margin * ny * scale + r * ch + ch * 0.15
            w, h = cw * 0.7, ch * 0.7
            for _ in range(rng.integers(2, 4)):
                kind = rng.integers(0, 3)
                ax, ay = x0 + rng.random() * w * 0.5, y0 + rng.random() * h * 0.5
                if kind == 0:
                    draw.ellipse([ax, ay, ax + w * 0.5, ay + h * 0.5], outline=255, width=int(scale * 1.5))
                elif kind == 1:
                    draw.line([ax, ay, ax + w * 0.5, ay + h * 0.5], fill=255, width=int(scale * 1.5))
                else:
                    draw.rectangle([ax, ay, ax + w * 0.4, ay + h * 0.15], fill=255)
    frame = int(margin * 0.5 * nx * scale)
    draw.rectangle([frame, frame, nx * scale - frame, ny * scale - frame], outline=255, width=scale * 2)
    img = img.filter(ImageFilter.GaussianBlur(scale * 0.8)).resize((nx, ny), Image.BILINEAR)
    return np.asarray(img, np.float64) / 255.0


def relief_tablet(nx: int = 150, ny: int = 100) -> trimesh.Trimesh:
    """A standing stone tablet 0.30 × 0.20 × ~0.03 m with carved glyphs, vertex colours RGBA.

    The carved face looks along +Z; carvings are recessed and darker.
    """
    width, height, thick, depth = 0.30, 0.20, 0.03, 0.004
    carve = _glyph_height(nx, ny)[::-1]  # image rows run top-down, y runs up
    xs = np.linspace(-width / 2, width / 2, nx)
    ys = np.linspace(0.0, height, ny)
    gx, gy = np.meshgrid(xs, ys)
    front = np.column_stack([gx.ravel(), gy.ravel(), (thick / 2 - depth * carve).ravel()])
    back = front.copy()
    back[:, 2] = -thick / 2
    verts = np.vstack([front, back])
    i, j = np.meshgrid(np.arange(ny - 1), np.arange(nx - 1), indexing="ij")
    a = (i * nx + j).ravel()
    b, c, d = a + 1, a + nx, a + nx + 1
    front_faces = np.vstack([np.column_stack([a, b, d]), np.column_stack([a, d, c])])
    back_faces = front_faces[:, ::-1] + len(front)
    # Sides: walk the grid border once and join front to back.
    border = np.concatenate([np.arange(nx), np.arange(1, ny) * nx + nx - 1,
                             (ny - 1) * nx + np.arange(nx - 2, -1, -1), np.arange(ny - 2, 0, -1) * nx])
    nb = np.roll(border, -1)
    off = len(front)
    sides = np.vstack([np.column_stack([border, border + off, nb]), np.column_stack([nb, border + off, nb + off])])
    faces = np.vstack([front_faces, back_faces, sides])
    stone = np.array([196, 186, 164], np.float64)
    shade = np.concatenate([1.0 - 0.45 * carve.ravel(), np.full(len(back), 0.85)])
    colors = np.column_stack([np.clip(stone[None] * shade[:, None], 0, 255), np.full(len(verts), 255)])
    mesh = trimesh.Trimesh(verts, faces, process=False, vertex_colors=colors.astype(np.uint8))
    trimesh.repair.fix_normals(mesh)
    return mesh


def _smooth_union_sdf(p: np.ndarray, blobs: list[tuple[tuple, tuple]], k: float = 0.02) -> np.ndarray:
    """Signed distance (approx., m) to a smooth union of ellipsoids (centre, radii)."""
    d = None
    for centre, radii in blobs:
        q = (p - np.asarray(centre)) / np.asarray(radii)
        di = (np.linalg.norm(q, axis=1) - 1.0) * min(radii)
        if d is None:
            d = di
        else:  # polynomial smooth-min: blends blobs into one sculpted form
            h = np.clip(0.5 + 0.5 * (di - d) / k, 0, 1)
            d = di * (1 - h) + d * h - k * h * (1 - h)
    return d


def figurine(subdivisions: int = 5) -> trimesh.Trimesh:
    """A bust-like figurine (about 0.25 m tall) of smoothly blended blobs, bronze vertex colours.

    Made by projecting a subdivided sphere onto the blob surface along rays
    from an inner centre (the form is star-shaped from there).
    """
    blobs = [((0, 0.035, 0), (0.09, 0.035, 0.06)),     # base plinth
             ((0, 0.10, 0), (0.085, 0.05, 0.05)),      # shoulders
             ((0, 0.15, 0), (0.03, 0.04, 0.03)),       # neck
             ((0, 0.205, 0.005), (0.045, 0.055, 0.05)),  # head
             ((0, 0.19, 0.05), (0.012, 0.018, 0.012))]  # nose
    centre = np.array([0.0, 0.11, 0.0])
    sphere = trimesh.creation.icosphere(subdivisions=subdivisions)
    dirs = sphere.vertices / np.linalg.norm(sphere.vertices, axis=1, keepdims=True)
    lo, hi = np.zeros(len(dirs)), np.full(len(dirs), 0.4)
    for _ in range(40):  # bisection for the boundary along each ray
        mid = (lo + hi) / 2
        inside = _smooth_union_sdf(centre + dirs * mid[:, None], blobs) < 0
        lo, hi = np.where(inside, mid, lo), np.where(inside, hi, mid)
    verts = centre + dirs * lo[:, None]
    # Project convention: x/z centred on the bounding box, base on y = 0.
    bmin, bmax = verts.min(axis=0), verts.max(axis=0)
    verts -= [(bmin[0] + bmax[0]) / 2, bmin[1], (bmin[2] + bmax[2]) / 2]
    tone = 0.75 + 0.25 * (verts[:, 1] / verts[:, 1].max())
    bronze = np.array([150, 105, 55], np.float64)
    colors = np.column_stack([np.clip(bronze[None] * tone[:, None], 0, 255), np.full(len(verts), 255)])
    mesh = trimesh.Trimesh(verts, sphere.faces, process=False, vertex_colors=colors.astype(np.uint8))
    trimesh.repair.fix_normals(mesh)
    return mesh
