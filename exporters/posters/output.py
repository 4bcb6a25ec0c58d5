"""The bundle output that writes poster images: ``posters/<slug>.webp`` for each artifact
(512 x 512, the artifact alone, seen from the front and a little above) and
``posters/exhibit.webp`` (1200 x 630, the start view framed for that aspect). index.html shows
the exhibit poster at once, until the viewer's first frame replaces it; other outputs (IIIF
thumbnails, Open Graph) reference these exact paths.

Each poster draws the artifact's coarsest published level, read from the project's stored
level (the GLB in the bundle is meshopt-encoded), with the exhibit's lights (or the viewer's
defaults), vertex colours, or the texture's average colour.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import trimesh
from PIL import Image

from vitrine.assets.formats.glb_arrays import MeshData, read_glb_arrays
from vitrine.assets.levels.level_table import level_rank
from vitrine.scenes.exhibit_model import Artifact, Exhibit, Transform

from vitrine.exporters.errors import ExportError
from vitrine.exporters.document.visitor_rules import default_lights
from .framing import box_corners, camera_basis, framed_eye
from .raster import LightSpec, Shape, render

if TYPE_CHECKING:  # bundle_outputs registers this module: no import back at run time
    from vitrine.exporters.bundle_outputs.context import BundleContext

ARTIFACT_SIZE = (512, 512)
EXHIBIT_SIZE = (1200, 630)
WEBP_QUALITY = 72
FLOOR_SEGMENTS = 48


def colour(hex_text: str, fallback=(0.8, 0.8, 0.8)) -> np.ndarray:
    """'#rrggbb' as floats (3,) in 0..1."""
    try:
        t = hex_text.lstrip("#")
        return np.array([int(t[i:i + 2], 16) / 255.0 for i in (0, 2, 4)])
    except (ValueError, AttributeError, IndexError):
        return np.array(fallback, float)


def place(positions: np.ndarray, transform: Transform) -> np.ndarray:
    """Model-local points (n, 3) in world space: scale, rotate by the (x, y, z, w) quaternion, translate."""
    p = np.asarray(positions, float) * np.asarray(transform.scale, float)
    x, y, z, w = transform.rotation
    norm = math.sqrt(x * x + y * y + z * z + w * w) or 1.0
    u, w = np.array([x, y, z]) / norm, w / norm
    t = 2.0 * np.cross(u, p)
    return p + w * t + np.cross(u, t) + np.asarray(transform.translation, float)


def _mean_colour(texture) -> np.ndarray | None:
    """A texture's average colour (3,) in 0..1, or None when it cannot be decoded."""
    try:
        small = texture.convert("RGB").resize((16, 16))
    except OSError:
        return None  # an undecodable texture: the base colour alone
    return np.asarray(small, float).reshape(-1, 3).mean(axis=0) / 255.0


def _albedo(mesh: MeshData) -> np.ndarray:
    """Per-triangle albedo (m, 3): vertex colours, else the texture's mean colour (each atlas's
    own for a multi-atlas level), times the base colour."""
    base = np.asarray(mesh.base_color[:3], float)
    if mesh.colors is not None and len(mesh.colors) == len(mesh.positions):
        per_vertex = mesh.colors[:, :3].astype(float) / 255.0
        return per_vertex[mesh.triangles].mean(axis=1) * base
    if mesh.is_multi_material:
        rows = []
        for material in mesh.materials:
            mean = None if material.texture is None else _mean_colour(material.texture)
            rows.append(np.asarray(material.base_color[:3], float) * (1.0 if mean is None else mean))
        return np.array(rows)[mesh.face_materials]
    if mesh.texture is not None:
        mean = _mean_colour(mesh.texture)
        if mean is not None:
            base = base * mean
    return np.broadcast_to(base, (len(mesh.triangles), 3)).copy()


def _points_as_triangles(mesh: MeshData, size: float, right: np.ndarray, up: np.ndarray) -> MeshData:
    """A point cloud as one small camera-facing triangle per point (``size`` metres)."""
    p = mesh.positions.astype(float)
    pos = np.concatenate([p - (right + up) * size / 2, p + right * size / 2, p + up * size / 2])
    n = len(p)
    tris = np.column_stack([np.arange(n), np.arange(n) + n, np.arange(n) + 2 * n])
    colors = None if mesh.colors is None else np.concatenate([mesh.colors] * 3)
    return MeshData(positions=pos, triangles=tris, colors=colors, base_color=mesh.base_color)


class PosterScene:
    """The exhibit's artifacts (coarsest published level), plinths and floor, in world space."""

    def __init__(self, ctx: "BundleContext") -> None:
        self.exhibit: Exhibit = ctx.exhibit
        assets = {a.id: a for a in self.exhibit.assets}
        self.meshes: dict[str, MeshData] = {}
        self.slugs: dict[str, str] = {}
        for art in self.exhibit.artifacts:
            entries = ctx.models.get(art.id) or []
            if not entries:
                continue
            first = min(entries, key=lambda e: level_rank(e["level"]))
            self.slugs[art.id] = first["file"].split("/")[1]
            level = next((lv for lv in assets[art.asset_id].levels if lv.level == first["level"]), None)
            if level is None:
                continue
            path = ctx.project.resolve(level.file)
            try:
                self.meshes[art.id] = read_glb_arrays(path)
            except Exception as exc:  # noqa: BLE001 (the reader raises several kinds for bad files)
                raise ExportError(f"{path}: cannot render its poster ({exc})") from None
        self.lights = [LightSpec(l.type, colour(l.color, (1, 1, 1)), float(l.intensity), np.asarray(l.position, float),
                                 np.asarray(l.target, float)) for l in (self.exhibit.lights or default_lights())]
        bg = self.exhibit.environment.background
        cols = bg.colors or ["#20242a"]
        self.sky = (colour(cols[0]), colour(cols[-1] if bg.kind == "gradient" else cols[0]))

    def artifact_shape(self, art: Artifact, right: np.ndarray, up: np.ndarray) -> Shape | None:
        mesh = self.meshes.get(art.id)
        if mesh is None or not len(mesh.positions):
            return None
        if mesh.is_points:
            ext = np.ptp(mesh.positions, axis=0).max() if len(mesh.positions) else 0.1
            mesh = _points_as_triangles(mesh, max(float(ext) / 120, 1e-4), right, up)
        return Shape(place(mesh.positions, art.transform), mesh.triangles.astype(np.int64), _albedo(mesh))

    def box_of(self, art: Artifact) -> tuple[np.ndarray, np.ndarray] | None:
        mesh = self.meshes.get(art.id)
        if mesh is None or not len(mesh.positions):
            return None
        world = place(mesh.positions, art.transform)
        return world.min(axis=0), world.max(axis=0)

    def furniture(self) -> list[Shape]:
        shapes = []
        for p in self.exhibit.plinths:
            w, h, d = (float(v) for v in p.size)
            if p.shape == "cylinder":
                m = trimesh.creation.cylinder(radius=w / 2, height=h, sections=24)
                m.apply_transform(trimesh.transformations.rotation_matrix(-math.pi / 2, (1, 0, 0)))
            else:
                m = trimesh.creation.box(extents=(w, h, d))
            m.apply_translation((0, h / 2, 0))
            shapes.append(Shape(place(m.vertices, p.transform), np.asarray(m.faces, np.int64),
                                np.broadcast_to(colour(p.color), (len(m.faces), 3)).copy()))
        floor = self.exhibit.environment.floor
        if floor.visible and floor.radius > 0:
            a = np.linspace(0, 2 * math.pi, FLOOR_SEGMENTS, endpoint=False)
            ring = np.column_stack([np.cos(a) * floor.radius, np.zeros_like(a), np.sin(a) * floor.radius])
            pos = np.vstack([[0.0, 0.0, 0.0], ring])
            tris = np.column_stack([np.zeros(FLOOR_SEGMENTS, int), 1 + np.arange(FLOOR_SEGMENTS),
                                    1 + (np.arange(FLOOR_SEGMENTS) + 1) % FLOOR_SEGMENTS])
            shapes.append(Shape(pos, tris, np.broadcast_to(colour(floor.color), (FLOOR_SEGMENTS, 3)).copy()))
        return shapes

    def background(self, width: int, height: int) -> np.ndarray:
        """A vertical gradient (h, w, 3) uint8 from the first background colour (top) to the last."""
        t = np.linspace(0, 1, height)[:, None, None]
        img = (1 - t) * self.sky[0] + t * self.sky[1]
        return (np.broadcast_to(img, (height, width, 3)) * 255 + 0.5).astype(np.uint8)


def artifact_poster(scene: PosterScene, art: Artifact, size=ARTIFACT_SIZE) -> Image.Image | None:
    """The artifact alone, framed from the front and a little above; None when it has no mesh."""
    box = scene.box_of(art)
    if box is None:
        return None
    lo, hi = box
    centre = (lo + hi) / 2
    up = np.array([0.0, 1.0, 0.0])
    eye = centre + np.array([0.0, 0.35, 1.0]) * 1e-3  # pulled back to fit below
    fov = 0.8
    eye = framed_eye(eye, centre, up, fov, size[0] / size[1], box_corners(lo, hi))
    right, upv, _f = camera_basis(eye, centre, up)
    shape = scene.artifact_shape(art, right, upv)
    image, _cov = render([shape], scene.lights, eye, centre, up, fov, size[0], size[1], scene.background(*size))
    return Image.fromarray(image, "RGB")


def start_view(exhibit: Exhibit) -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
    """(eye, target, up, fov) of the exhibit's start viewpoint (or its first), None when it has none."""
    vps = {v.id: v for v in exhibit.viewpoints}
    vp = vps.get(exhibit.start_viewpoint_id or "") or (exhibit.viewpoints[0] if exhibit.viewpoints else None)
    if vp is None:
        return None
    return np.asarray(vp.eye, float), np.asarray(vp.target, float), np.asarray(vp.up, float), float(vp.fov)


def exhibit_poster(scene: PosterScene, size=EXHIBIT_SIZE) -> Image.Image:
    """The start view at ``size``, every visible artifact framed (the viewer's framing rule)."""
    boxes = [b for art in scene.exhibit.artifacts if art.visible and (b := scene.box_of(art)) is not None]
    corners = np.vstack([box_corners(lo, hi) for lo, hi in boxes]) if boxes else box_corners([-0.5, 0, -0.5], [0.5, 1.5, 0.5])
    view = start_view(scene.exhibit)
    if view is None:  # the viewer's automatic view: above and in front of everything
        lo, hi = corners.min(axis=0), corners.max(axis=0)
        c, r = (lo + hi) / 2, max(0.3, float(np.linalg.norm(hi - lo)) / 2)
        view = (c + np.array([0.0, r * 0.5, r * 2.4]), c, np.array([0.0, 1.0, 0.0]), 0.8)
    eye, target, up, fov = view
    eye = framed_eye(eye, target, up, fov, size[0] / size[1], corners)
    right, upv, _f = camera_basis(eye, target, up)
    shapes = [s for art in scene.exhibit.artifacts if art.visible and (s := scene.artifact_shape(art, right, upv))]
    image, _cov = render(shapes + scene.furniture(), scene.lights, eye, target, up, fov, size[0], size[1],
                         scene.background(*size))
    return Image.fromarray(image, "RGB")


def write_posters(ctx: "BundleContext") -> None:
    """Write posters/<slug>.webp per artifact and posters/exhibit.webp into the bundle."""
    scene = PosterScene(ctx)
    out = ctx.root / "posters"
    out.mkdir(exist_ok=True)
    for art in ctx.exhibit.artifacts:
        slug = scene.slugs.get(art.id)
        img = artifact_poster(scene, art) if slug else None
        if img is not None:
            _save(img, out / f"{slug}.webp")
    _save(exhibit_poster(scene), out / "exhibit.webp")
    ctx.extras["posters"] = {"exhibit": "posters/exhibit.webp",
                             **{a: f"posters/{s}.webp" for a, s in scene.slugs.items()}}


def _save(img: Image.Image, path: Path) -> None:
    img.save(path, "WEBP", quality=WEBP_QUALITY, method=6)
