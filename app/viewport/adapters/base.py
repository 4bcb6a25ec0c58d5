"""What every adapter offers the renderer, and the per-frame context they draw with.

An adapter draws one kind of object (``adapters.ADAPTERS`` maps model classes to adapter
classes) and owns the GPU resources it needs. The renderer calls it in three phases:
GL life (``initialize_gl`` / ``release_gl``, context current), document changes
(``added`` / ``removed`` / ``changed`` / ``reset``: drop what that change made stale,
nothing else), and the frame (``draw`` into the bound framebuffer, ``after_draw`` while its
depth is still bound, ``overlay`` for QPainter work over the GL frame).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol

import numpy as np

if TYPE_CHECKING:
    from ..camera import OrbitCamera
    from ..gpu import Program
    from ..programs import ProgramCache
    from ..view_state import ViewState


class LightSource(Protocol):
    """What a frame needs of the lights (``lights.LightAdapter`` is one)."""

    def rows(self, exhibit: Any, camera: Any) -> list: ...
    def set_uniforms(self, p: Any, exhibit: Any, rows: list) -> None: ...


class Adapter:
    """Base adapter: every hook does nothing. ``scene`` is the renderer (session, camera,
    state, host size, and the other adapters through ``scene.adapter(model_class)``)."""

    #: the adapter's objects take part in the scene's bounding sphere (camera framing)
    affects_bounds = False
    #: further model classes whose changes make this adapter's caches stale
    also_follows: tuple[type, ...] = ()

    def __init__(self, scene: Any) -> None:
        self.scene = scene

    # GL life (context current)
    def initialize_gl(self) -> None:
        pass

    def release_gl(self) -> None:
        pass

    # document changes
    def added(self, kind: str, obj: Any) -> None:
        pass

    def removed(self, kind: str, obj_id: str) -> None:
        pass

    def changed(self, kind: str, obj_id: str, path: tuple) -> None:
        pass

    def reset(self) -> None:
        pass

    # geometry
    def sphere_of(self, obj: Any) -> Optional[tuple[np.ndarray, float]]:
        """World bounding sphere (centre (3,), radius m) of one of the adapter's objects,
        for framing a selection; None when it has no extent in the view."""
        return None

    # the frame
    def draw(self, frame: "Frame") -> None:
        pass

    def after_draw(self, frame: "Frame", fb_scale: float, fb_w: int, fb_h: int) -> None:
        pass

    def overlay(self, frame: "Frame") -> Optional[Callable[[Any], None]]:
        """A function painting with a QPainter over the frame, or None when there is
        nothing to paint (then no QPainter is begun at all: on a GL device that costs)."""
        return None


class NotDrawn(Adapter):
    """For document objects the 3D view does not show (viewpoints are camera poses, tours
    and their steps are sequences of them): listed so the registry is complete."""


@dataclass
class Frame:
    """One frame being drawn: matrices, pass size, quality, and the mesh program in use.

    ``viewport_h`` is the pass height in framebuffer pixels (points are sized by it);
    ``fast`` is the cheaper shading drawn while the camera moves."""

    exhibit: Any
    view: np.ndarray          # (4, 4) world -> eye
    proj: np.ndarray          # (4, 4) eye -> clip
    viewport_h: int
    fast: bool
    camera: "OrbitCamera"
    state: "ViewState"
    programs: "ProgramCache"
    lights: LightSource
    program: Optional["Program"] = None
    _mesh_key: Optional[tuple[bool, bool]] = None
    _rows: Optional[list] = field(default=None, repr=False)

    def mesh_program(self, points: bool, plain: bool) -> "Program":
        """The mesh program for (points, plain), begun (matrices, eye, lights) only when
        it differs from the one in use: plinths and plain meshes share one."""
        if self.program is None or self._mesh_key != (points, plain):
            if self._rows is None:
                self._rows = self.lights.rows(self.exhibit, self.camera)
            self._mesh_key = (points, plain)
            p = self.programs.mesh(len(self._rows), points, self.fast, plain)
            p.use()
            p.set_mat4("u_view", self.view)
            p.set_mat4("u_proj", self.proj)
            p.set_mat4("u_viewproj", self.proj @ self.view)
            p.set_f("u_eye", *self.camera.eye)
            p.set_f("u_viewport_h", float(self.viewport_h))
            p.set_i("u_texture", 0)
            p.set_i("u_flat", 0)
            self.lights.set_uniforms(p, self.exhibit, self._rows)
            self.program = p
        return self.program

    def plain_surface_program(self, roughness: float) -> "Program":
        """The plain mesh program set for a lit, untextured, dielectric surface of one colour
        (plinths, the room's walls and floor) with ``roughness`` in [0, 1]."""
        p = self.mesh_program(False, True)
        p.set_i("u_use_vcolor", 0)
        p.set_i("u_use_texture", 0)
        p.set_i("u_lit", 1)
        p.set_i("u_points", 0)
        p.set_f("u_roughness", roughness)
        p.set_f("u_metalness", 0.0)
        return p
