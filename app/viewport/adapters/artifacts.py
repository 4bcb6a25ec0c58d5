"""Artifacts: their assets' levels of detail drawn at the artifacts' transforms, the LOD
choice per artifact, back-face and cluster culling, and surface picking (CPU ray casts
through ``vitrine.assets.geometry.surface_picking.SurfacePicker``)."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
from OpenGL import GL

from ..gpu import MeshBuffers
from ..lod import SCENE_MOTION_BUDGET, choose_level, fit_scene_budget, level_counts, screen_radius_px
from ..math3d import hex_to_rgb, normal_matrix, normalize, transform_matrix
from ..picking import PickResult, make_surface_picker, pick_artifact, ray_sphere
from .artifact_levels import LevelStore
from .base import Adapter, Frame
from .lights import linear_rgb


class ArtifactAdapter(Adapter):
    """Owns the uploaded levels (``LevelStore``), model matrices and surface pickers."""

    affects_bounds = True

    def __init__(self, scene: Any) -> None:
        super().__init__(scene)
        self.levels = LevelStore(scene.session, scene.request_update)
        self._models: dict[str, np.ndarray] = {}
        self._pickers: dict[tuple[str, str], Any] = {}
        self.drawn_level: dict[str, str] = {}

    # ------------------------------------------------------------------ GL life
    def release_gl(self) -> None:
        self.levels.drop_asset(None)
        self.levels.collect()

    # ------------------------------------------------------------------ document changes
    def removed(self, kind: str, obj_id: str) -> None:
        if kind == "artifact":
            self._models.pop(obj_id, None)
            self.drawn_level.pop(obj_id, None)
            self._release_unused_assets()
        elif kind == "asset":
            self._forget_asset(obj_id)

    def changed(self, kind: str, obj_id: str, path: tuple) -> None:
        if kind == "asset" and path and path[0] == "levels":
            self._forget_asset(obj_id)
        elif kind == "artifact":
            self._models.pop(obj_id, None)
            if path and path[0] == "asset_id":
                self._release_unused_assets()

    def reset(self) -> None:
        self.levels.drop_asset(None)
        self._pickers.clear()
        self._models.clear()
        self.drawn_level.clear()

    def _forget_asset(self, asset_id: str) -> None:
        self.levels.drop_asset(asset_id)
        for key in [k for k in self._pickers if k[0] == asset_id]:
            del self._pickers[key]

    def _release_unused_assets(self) -> None:
        doc = self.scene.session.document
        self.levels.release_unused({a.asset_id for a in doc.exhibit.artifacts} if doc else set())

    # ------------------------------------------------------------------ geometry
    def model(self, artifact) -> np.ndarray:
        """(4, 4) model matrix of an artifact (cached until it changes)."""
        m = self._models.get(artifact.id)
        if m is None:
            m = self._models[artifact.id] = transform_matrix(artifact.transform)
        return m

    def sphere_of(self, artifact) -> Optional[tuple[np.ndarray, float]]:
        """World bounding sphere (centre (3,), radius m), or None before its bounds are known."""
        b = self.levels.local_bounds(artifact.asset_id)
        if b is None:
            return None
        m = self.model(artifact)
        c = (m @ np.append((b[0] + b[1]) / 2, 1.0))[:3]
        scale = float(np.max(np.linalg.norm(m[:3, :3], axis=0)))
        return c, float(np.linalg.norm(b[1] - b[0]) / 2 * scale)

    def spheres(self, exhibit) -> list[tuple[np.ndarray, float]]:
        return [s for s in (self.sphere_of(a) for a in exhibit.artifacts) if s]

    def level_counts(self, artifact) -> list[tuple[str, int]]:
        session = self.scene.session
        doc = session.document
        asset = doc.asset(artifact.asset_id) if doc else None
        if asset is None:
            return []
        return level_counts(asset, session.available_levels(asset.id))

    def choose_level_for(self, artifact, moving: bool) -> Optional[str]:
        """The level the LOD policy wants for an artifact at the current camera."""
        levels = self.level_counts(artifact)
        if not levels:
            return None
        camera = self.scene.camera
        sphere = self.sphere_of(artifact)
        radius_px = float("inf")
        if sphere is not None:
            depth = float(np.dot(sphere[0] - camera.eye, camera.forward))
            dist = float(np.linalg.norm(sphere[0] - camera.eye))
            radius_px = screen_radius_px(max(depth, dist * 0.5), sphere[1], camera.fov, self.scene.host.height())
        return choose_level(levels, radius_px, moving, artifact.display.lod)

    # ------------------------------------------------------------------ drawing
    def _draw_list(self, exhibit, moving: bool) -> list[tuple[Any, MeshBuffers]]:
        """Choose a level per visible artifact and return what to draw (uploading as needed)."""
        wanted: dict[str, tuple[Any, int, list[tuple[str, int]]]] = {}
        for art in exhibit.artifacts:
            if not art.visible:
                continue
            levels = self.level_counts(art)
            if not levels:
                continue
            name = self.choose_level_for(art, moving)
            names = [n for n, _ in levels]
            wanted[art.id] = (art, names.index(name) if name in names else 0, levels)
        if moving and len(wanted) > 1:
            fitted = fit_scene_budget({k: (v[1], v[2]) for k, v in wanted.items()}, SCENE_MOTION_BUDGET)
            wanted = {k: (v[0], fitted[k], v[2]) for k, v in wanted.items()}
        out = []
        for art, idx, levels in wanted.values():
            mb = self.levels.buffers_for(art.asset_id, levels, idx)
            if mb is not None:
                self.drawn_level[art.id] = self.levels.level_of(art.asset_id, levels, mb)
                out.append((art, mb))
        return out

    def draw(self, frame: Frame) -> None:
        if frame.exhibit is None:
            return
        draw_list = self._draw_list(frame.exhibit, frame.state.moving)
        if not draw_list:
            return
        GL.glEnable(GL.GL_PROGRAM_POINT_SIZE)
        highlight = self.scene.selection.highlight
        # meshes before point clouds (program switch), each group nearest first: early depth
        # rejection then skips the shading of whatever lies behind (overdraw is the cost here)
        eye = frame.camera.eye
        draw_list.sort(key=lambda am: (am[1].kind == "points", am[1].has_colors or am[1].has_texture,
                                       float(np.linalg.norm(self.model(am[0])[:3, 3] - eye))))
        for art, mb in draw_list:
            disp = art.display
            plain = disp.color_override or not (mb.has_colors or mb.has_texture)
            p = frame.mesh_program(mb.kind == "points", bool(plain))
            model = self.model(art)
            p.set_mat4("u_model", model)
            p.set_mat3("u_normal_mat", normal_matrix(model))
            base = mb.base_color
            if disp.color_override:
                base = (*hex_to_rgb(disp.color_override), base[3])
            p.set_f("u_base_color", *linear_rgb(base[:3]), base[3])
            p.set_i("u_use_vcolor", 1 if (mb.has_colors and not disp.color_override) else 0)
            p.set_i("u_use_texture", 1 if (mb.has_texture and not disp.color_override) else 0)
            p.set_f("u_roughness", float(disp.roughness))
            p.set_f("u_metalness", float(disp.metalness))
            p.set_f("u_highlight", *highlight(art.id))
            if mb.kind == "points":
                scale = float(np.mean(np.linalg.norm(model[:3, :3], axis=0)))
                p.set_i("u_points", 1)
                p.set_i("u_lit", 1 if mb.has_normals else 0)
                p.set_f("u_point_size", float(disp.point_size) * scale)
            else:
                p.set_i("u_points", 0)
                p.set_i("u_lit", 1)
            if mb.has_texture:
                GL.glActiveTexture(GL.GL_TEXTURE0)
                GL.glBindTexture(GL.GL_TEXTURE_2D, mb.texture)
            mb.draw(self._set_culling(art, mb, model, eye))
        GL.glDisable(GL.GL_CULL_FACE)
        GL.glBindTexture(GL.GL_TEXTURE_2D, 0)

    def _set_culling(self, art, mb: MeshBuffers, model: np.ndarray, eye: np.ndarray) -> Optional[np.ndarray]:
        """Cull back faces of closed, consistently wound meshes seen from outside; returns
        the eye in the mesh's frame when its normal-cone clusters may be skipped too.

        Their back faces can never show, and on llvmpipe skipping them halves triangle
        setup and rasterisation. Open scans (the usual case for coarse levels) and point
        clouds are drawn two-sided; so is everything while the eye is inside the
        artifact's bounding sphere."""
        closed = getattr(mb, "closed", 0)
        sphere = self.sphere_of(art) if closed else None
        if not closed or mb.kind != "mesh" or sphere is None or float(np.linalg.norm(eye - sphere[0])) <= sphere[1]:
            GL.glDisable(GL.GL_CULL_FACE)
            return None
        linear = model[:3, :3]
        # a mirroring model matrix flips the winding seen on screen
        if float(np.linalg.det(linear)) < 0:
            closed = -closed
        GL.glEnable(GL.GL_CULL_FACE)
        GL.glCullFace(GL.GL_BACK if closed > 0 else GL.GL_FRONT)
        # the cone test holds in the mesh's frame only if the model keeps angles (rotation,
        # uniform scale, mirror): a sheared or stretched artifact draws all its clusters
        gram = linear.T @ linear
        if not np.allclose(gram, np.eye(3) * gram[0, 0], rtol=1e-4, atol=1e-9 * max(gram[0, 0], 1e-12)):
            return None
        return (np.linalg.inv(model) @ np.append(eye, 1.0))[:3]

    # ------------------------------------------------------------------ picking
    def pick(self, exhibit, origin: np.ndarray, direction: np.ndarray, fine: bool = False) -> list[PickResult]:
        """Every visible artifact the world ray hits (the drawn level, or the finest with ``fine``)."""
        hits = []
        for art in exhibit.artifacts:
            if art.visible:
                hit = self.pick_one(art, origin, direction, fine=fine)
                if hit is not None:
                    hits.append(hit)
        return hits

    def pick_one(self, art, origin, direction, fine: bool = False) -> Optional[PickResult]:
        sphere = self.sphere_of(art)
        if sphere is not None and not ray_sphere(origin, direction, sphere[0], sphere[1] * 1.01):
            return None
        levels = self.scene.session.available_levels(art.asset_id)
        if not levels:
            return None
        level = levels[-1] if fine else (self.drawn_level.get(art.id) or levels[-1])
        picker = self._picker(art.asset_id, level)
        if picker is None:
            return self._pick_points(art, level, origin, direction)
        return pick_artifact(art.id, picker, self.model(art), origin, direction)

    def _picker(self, asset_id: str, level: str):
        key = (asset_id, level)
        if key not in self._pickers:
            geom = self.scene.session.geometry(asset_id, level)
            self._pickers[key] = make_surface_picker(geom) if geom is not None and hasattr(geom, "faces") \
                and len(getattr(geom, "faces", ())) else None
        return self._pickers[key]

    def _pick_points(self, art, level, origin, direction) -> Optional[PickResult]:
        """A point cloud is hit at its point nearest the ray (within a few point sizes)."""
        geom = self.scene.session.geometry(art.asset_id, level)
        if geom is None or not len(geom.vertices):
            return None
        m = self.model(art)
        inv = np.linalg.inv(m)
        o = (inv @ np.append(origin, 1.0))[:3]
        d = normalize(inv[:3, :3] @ direction)
        v = np.asarray(geom.vertices, float)
        rel = v - o
        t = rel @ d
        perp = np.linalg.norm(rel - t[:, None] * d[None, :], axis=1)
        tol = max(art.display.point_size * 3, float(np.linalg.norm(v.max(0) - v.min(0))) * 0.01)
        ok = (perp < tol) & (t > 0)
        if not ok.any():
            return None
        i = int(np.argmin(np.where(ok, t, np.inf)))
        pw = (m @ np.append(v[i], 1.0))[:3]
        n_local = tuple(float(c) for c in -d)
        return PickResult("artifact", art.id, float(np.linalg.norm(pw - origin)), tuple(pw),
                          tuple(normalize(-direction)), tuple(float(c) for c in v[i]), n_local)
