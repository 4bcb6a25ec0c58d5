"""Text drawn over the 3D view stays legible whatever was drawn before it: a textured scan's
upload must not leave GL state (pixel-store alignment, bound textures) that Qt's glyph
cache then inherits; and pin occlusion reads depth even from a multisampled frame."""
from __future__ import annotations

import ctypes

import numpy as np
import pytest
import trimesh
from PIL import Image

from tests.app.test_viewport import W, H, add_scan, make_view, project  # noqa: F401 (fixtures)

pytestmark = pytest.mark.gui

HINT_REGION = (0, 0, 300, 28)  # x, y, w, h (logical px): the pin-mode hint, top left


def _region(img, rect) -> np.ndarray:
    x, y, w, h = rect
    part = img.copy(x, y, w, h).convertToFormat(img.Format.Format_RGB888)
    ptr = part.constBits()
    return np.frombuffer(ptr, np.uint8, count=part.sizeInBytes()).reshape(h, part.bytesPerLine())[:, : w * 3].astype(float)


def _textured_box() -> trimesh.Trimesh:
    """A box with a texture whose RGBA rows (53 px) are not a multiple of 8 bytes apart."""
    box = trimesh.creation.box(extents=(0.3, 0.3, 0.3))
    rng = np.random.default_rng(0)
    tex = Image.fromarray((rng.random((37, 53, 3)) * 255).astype(np.uint8))
    box.visual = trimesh.visual.TextureVisuals(uv=rng.random((len(box.vertices), 2)), image=tex)
    return box


def test_pin_mode_hint_after_a_textured_scan_matches_the_hint_before_any_mesh(tmp_path, make_view):
    from vitrine.scenes.storage.project_store import Project
    _, reference_view = make_view(Project.create(tmp_path / "empty", title="Empty"))
    reference_view.set_pin_mode(True)
    reference = _region(reference_view.grab_image(), HINT_REGION)
    assert reference.std() > 10  # there is text in the region

    project = Project.create(tmp_path / "textured", title="Textured")
    add_scan(project, {"original": _textured_box()}, translation=(0.0, 0.5, 0.0))
    _, view = make_view(project)
    view.set_camera((0.0, 0.5, 1.4), (0.0, 0.5, 0.0))
    view.wait_for_loads()
    view.grab_image()  # the textured mesh is uploaded and drawn first
    assert view.renderer.uploaded_meshes() and any(m.texture for m in view.renderer.uploaded_meshes().values())
    view.set_pin_mode(True)  # the hint's glyphs are cached only now, after the texture upload
    after = _region(view.grab_image(), HINT_REGION)
    diff = np.abs(after - reference)
    assert diff.mean() < 1.0 and np.percentile(diff, 99) < 40, (diff.mean(), diff.max())


def test_depths_are_read_from_a_multisampled_framebuffer(qtbot):
    from OpenGL import GL
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext
    from vitrine.app.viewport.gl_window import RenderTarget, read_depths

    context = QOpenGLContext()
    assert context.create()
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    assert context.makeCurrent(surface)
    w, h = 64, 48
    fbo = GL.glGenFramebuffers(1)
    color, depth = (int(x) for x in GL.glGenRenderbuffers(2))
    GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, color)
    GL.glRenderbufferStorageMultisample(GL.GL_RENDERBUFFER, 4, GL.GL_RGBA8, w, h)
    GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, depth)
    GL.glRenderbufferStorageMultisample(GL.GL_RENDERBUFFER, 4, GL.GL_DEPTH24_STENCIL8, w, h)
    GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo)
    GL.glFramebufferRenderbuffer(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_RENDERBUFFER, color)
    GL.glFramebufferRenderbuffer(GL.GL_FRAMEBUFFER, GL.GL_DEPTH_STENCIL_ATTACHMENT, GL.GL_RENDERBUFFER, depth)
    assert GL.glCheckFramebufferStatus(GL.GL_FRAMEBUFFER) == GL.GL_FRAMEBUFFER_COMPLETE
    assert int(GL.glGetIntegerv(GL.GL_SAMPLE_BUFFERS)) == 1
    GL.glClearDepth(0.25)
    GL.glClear(GL.GL_DEPTH_BUFFER_BIT)
    # the plain read is what failed with GL_INVALID_OPERATION (1282)
    with pytest.raises(GL.GLError) as failure:
        GL.glReadPixels(5, 5, 1, 1, GL.GL_DEPTH_COMPONENT, GL.GL_FLOAT, (ctypes.c_float * 1)())
    assert failure.value.err == 1282
    resolve = RenderTarget()
    depths = read_depths([(10, 10), (30, 20), (0, 0)], h, w, resolve=resolve)
    assert depths[0] == pytest.approx(0.25, abs=1e-3) and depths[1] == pytest.approx(0.25, abs=1e-3)
    assert depths[2] is None  # the 3×3 block would leave the frame
    assert int(GL.glGetIntegerv(GL.GL_FRAMEBUFFER_BINDING)) == fbo  # the frame's target is bound again
    assert read_depths([(10, 10)], h, w) == [None]  # no resolve target: nothing covered, nothing raised
    resolve.delete()
    GL.glDeleteFramebuffers(1, [fbo])
    GL.glDeleteRenderbuffers(2, [color, depth])
    context.doneCurrent()
