"""A small software rasteriser (numpy only): z-buffered triangles with flat Lambert shading,
for poster images rendered at export time without a display or GPU.

Conventions: positions in metres, world space, Y up; field of view in radians (vertical);
colours are linear-ish floats in 0..1 per channel, images are (height, width, 3) uint8.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .framing import camera_basis

SMALL = 6  # triangles whose screen box is at most SMALL px wide and high are filled all at once
BATCH_SIDES = (SMALL, 12, 24, 48, 96)  # px: screen-box sides up to which triangles are filled in batches
BATCH_PIXELS = 1_500_000  # pixel tests per batch (memory: about 100 bytes each)


@dataclass
class Shape:
    """One mesh to draw: ``positions`` (n, 3) float metres in world space, ``triangles`` (m, 3)
    int indices, ``colors`` (m, 3) float 0..1, one albedo per triangle."""

    positions: np.ndarray
    triangles: np.ndarray
    colors: np.ndarray


@dataclass
class LightSpec:
    """``kind`` 'ambient', 'directional', 'point' or 'spot'; ``color`` (3,) 0..1; ``position``
    and ``target`` (3,) metres (a directional light shines from position towards target)."""

    kind: str
    color: np.ndarray
    intensity: float
    position: np.ndarray
    target: np.ndarray


def shade(shapes: list[Shape], lights: list[LightSpec]) -> list[np.ndarray]:
    """Per-triangle shaded colours (m, 3) for each shape: albedo x (ambient + sum of Lambert
    terms), with two-sided normals (scans are often open). Intensities follow the viewer's
    scale, where ambient 0.6 + directional 2.0 reads as a well-lit object."""
    out = []
    for s in shapes:
        tri = s.positions[s.triangles]  # (m, 3, 3)
        n = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
        n /= np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)
        centre = tri.mean(axis=1)
        light = np.zeros((len(tri), 3))
        for L in lights:
            strength = L.color * L.intensity
            if L.kind == "ambient":
                light += strength * 0.5
                continue
            if L.kind == "directional":
                d = np.broadcast_to(L.position - L.target, centre.shape)
            else:
                d = L.position - centre
            d = d / np.maximum(np.linalg.norm(d, axis=-1, keepdims=True), 1e-12)
            light += np.abs((n * d).sum(axis=1))[:, None] * strength * 0.38
        out.append(np.clip(s.colors * light, 0.0, 1.0))
    return out


def project(points: np.ndarray, eye, target, up, fov_v: float, width: int, height: int) -> np.ndarray:
    """Screen coordinates (n, 3): x, y in pixels (y down) and the depth along the line of sight (m)."""
    right, upv, fwd = camera_basis(eye, target, up)
    rel = np.asarray(points, float) - np.asarray(eye, float)
    z = rel @ fwd
    f = (height / 2) / math.tan(fov_v / 2)
    zs = np.where(z > 1e-6, z, 1e-6)
    return np.column_stack([width / 2 + (rel @ right) * f / zs, height / 2 - (rel @ upv) * f / zs, z])


def render(shapes: list[Shape], lights: list[LightSpec], eye, target, up, fov_v: float,
           width: int, height: int, background: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(image (h, w, 3) uint8, coverage (h, w) bool) of ``shapes`` seen from ``eye``.

    ``background`` is (h, w, 3) uint8 (a gradient, say). Triangles behind the eye or too near
    it are skipped (no clipping: a poster's camera stands outside the exhibit's objects)."""
    colours = shade(shapes, lights)
    zbuf = np.full(height * width, np.inf)
    cbuf = np.zeros((height * width, 3))
    near = 1e-3
    for s, col in zip(shapes, colours):
        if not len(s.triangles):
            continue
        scr = project(s.positions, eye, target, up, fov_v, width, height)
        tri = scr[s.triangles]  # (m, 3, 3)
        keep = (tri[:, :, 2] > near).all(axis=1)
        lo, hi = tri[:, :, :2].min(axis=1), tri[:, :, :2].max(axis=1)
        keep &= (hi[:, 0] >= 0) & (lo[:, 0] < width) & (hi[:, 1] >= 0) & (lo[:, 1] < height)
        tri, col, lo, hi = tri[keep], col[keep], lo[keep], hi[keep]
        side = (hi - lo).max(axis=1)
        # Triangles in batches by the size of their screen box (each batch tests a grid as large as
        # its largest box): a per-triangle loop over a scan's thousands of mid-sized faces was most
        # of an export's time. Only the few huge ones (a floor, a wall) are filled one by one.
        done = np.zeros(len(tri), bool)
        for limit in BATCH_SIDES:
            pick = ~done & (side <= limit)
            _fill(tri[pick], col[pick], zbuf, cbuf, width, height, limit + 2)
            done |= pick
        for t, c in zip(tri[~done], col[~done]):
            _fill_one(t, c, zbuf, cbuf, width, height)
    covered = np.isfinite(zbuf)
    image = background.reshape(-1, 3).astype(float) / 255.0
    image[covered] = cbuf[covered]
    # gamma: shading is done in linear light, the poster is sRGB-ish
    out = np.where(covered[:, None], np.power(image, 1 / 1.6), image)
    return (np.clip(out, 0, 1) * 255 + 0.5).astype(np.uint8).reshape(height, width, 3), covered.reshape(height, width)


def _barycentric(tri: np.ndarray, px: np.ndarray, py: np.ndarray):
    """Barycentric weights of pixel centres (px, py: (k, p)) in triangles tri (k, 3, 3)."""
    (x0, y0), (x1, y1), (x2, y2) = (tri[:, i, :2].T[..., None] for i in range(3))
    det = (y1 - y2) * (x0 - x2) + (x2 - x1) * (y0 - y2)
    det = np.where(np.abs(det) < 1e-12, np.nan, det)
    w0 = ((y1 - y2) * (px - x2) + (x2 - x1) * (py - y2)) / det
    w1 = ((y2 - y0) * (px - x2) + (x0 - x2) * (py - y2)) / det
    return w0, w1, 1 - w0 - w1


def _fill(tri, col, zbuf, cbuf, width, height, span) -> None:
    """Fill many small triangles at once: each tests a span x span grid of pixels from its box."""
    if not len(tri):
        return
    step = max(1, BATCH_PIXELS // (span * span))  # bounds the (k, span * span) arrays
    for chunk in range(0, len(tri), step):
        t, c = tri[chunk:chunk + step], col[chunk:chunk + step]
        x0 = np.floor(t[:, :, 0].min(axis=1)).astype(int)
        y0 = np.floor(t[:, :, 1].min(axis=1)).astype(int)
        gx, gy = np.meshgrid(np.arange(span), np.arange(span))
        px = x0[:, None] + gx.ravel()[None, :]
        py = y0[:, None] + gy.ravel()[None, :]
        _scatter(t, c, px, py, zbuf, cbuf, width, height)


def _fill_one(t, c, zbuf, cbuf, width, height) -> None:
    x0, y0 = (max(0, int(math.floor(v))) for v in t[:, :2].min(axis=0))
    x1, y1 = (min(lim - 1, int(math.ceil(v))) for v, lim in zip(t[:, :2].max(axis=0), (width, height)))
    if x1 < x0 or y1 < y0:
        return
    gx, gy = np.meshgrid(np.arange(x0, x1 + 1), np.arange(y0, y1 + 1))
    _scatter(t[None], c[None], gx.ravel()[None, :], gy.ravel()[None, :], zbuf, cbuf, width, height)


def _scatter(t, c, px, py, zbuf, cbuf, width, height) -> None:
    """Depth-test pixels (px, py: (k, p) ints) against triangles t (k, 3, 3) and write the nearest."""
    w0, w1, w2 = _barycentric(t, px + 0.5, py + 0.5)
    inside = (w0 >= 0) & (w1 >= 0) & (w2 >= 0) & (px >= 0) & (px < width) & (py >= 0) & (py < height)
    # perspective-correct depth: interpolate 1/z
    inv = w0 / t[:, 0, 2][:, None] + w1 / t[:, 1, 2][:, None] + w2 / t[:, 2, 2][:, None]
    k, p = np.nonzero(inside)
    if not len(k):
        return
    depth = 1.0 / inv[k, p]
    flat = py[k, p] * width + px[k, p]
    order = np.lexsort((depth, flat))  # per pixel, nearest first
    flat, depth, k = flat[order], depth[order], k[order]
    first = np.ones(len(flat), bool)
    first[1:] = flat[1:] != flat[:-1]
    flat, depth, k = flat[first], depth[first], k[first]
    nearer = depth < zbuf[flat]
    zbuf[flat[nearer]] = depth[nearer]
    cbuf[flat[nearer]] = c[k[nearer]]
