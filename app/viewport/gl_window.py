"""The GL surface behind ``ViewportWidget``: a ``QOpenGLWindow`` and offscreen render targets.

Why a window and not a ``QOpenGLWidget``: a QOpenGLWidget renders into an FBO that Qt
then composites into the top-level window's backing store every frame. On Mesa llvmpipe
(no GPU) that composition is a full-screen textured draw plus readbacks, measured at
~40-60 ms for an *empty* 1280×720 frame, against ~11 ms for a QOpenGLWindow embedded with
``QWidget.createWindowContainer`` that draws straight into its own window surface.

``GLWindow`` only owns the surface; everything it receives (GL callbacks, input events)
is forwarded to its owner, so the owner keeps one code path for both real events and the
synthetic ones tests send to the widget.
"""
from __future__ import annotations

import ctypes
from typing import Any, Optional

import numpy as np
from OpenGL import GL
from PySide6.QtGui import QImage
from PySide6.QtOpenGL import QOpenGLWindow


class GLWindow(QOpenGLWindow):
    """Draws directly into its window surface (NoPartialUpdate: no extra FBO) for ``owner``."""

    def __init__(self, owner: Any) -> None:
        super().__init__(QOpenGLWindow.UpdateBehavior.NoPartialUpdate)
        self._owner = owner

    # GL callbacks
    def initializeGL(self) -> None:  # noqa: N802
        self._owner._initialize_gl()

    def resizeGL(self, w: int, h: int) -> None:  # noqa: N802
        pass  # the frame reads the size itself each time

    def paintGL(self) -> None:  # noqa: N802
        self._owner._paint_window()

    # input: real events land on the native window; hand them to the widget's handlers
    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._owner.mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self._owner.mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._owner.mouseReleaseEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        self._owner.wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self._owner.keyPressEvent(event)

    def event(self, ev) -> bool:
        from PySide6.QtCore import QEvent
        if ev.type() == QEvent.Type.NativeGesture:
            return self._owner.event(ev)
        return super().event(ev)


class RenderTarget:
    """An FBO with an RGBA8 colour and a depth24/stencil8 renderbuffer (needs a current context).

    Used for the reduced-resolution frames while the camera moves (blitted up to the
    window with linear filtering) and for ``grab_image`` (read back with glReadPixels).
    """

    def __init__(self) -> None:
        self.fbo = 0
        self.color = 0
        self.depth = 0
        self.size = (0, 0)

    def ensure(self, w: int, h: int) -> None:
        """(Re)allocate storage for w×h pixels; a no-op when the size is unchanged."""
        if self.fbo and self.size == (w, h):
            return
        if not self.fbo:
            self.fbo = GL.glGenFramebuffers(1)
            self.color, self.depth = (int(x) for x in GL.glGenRenderbuffers(2))
        GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, self.color)
        GL.glRenderbufferStorage(GL.GL_RENDERBUFFER, GL.GL_RGBA8, w, h)
        GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, self.depth)
        GL.glRenderbufferStorage(GL.GL_RENDERBUFFER, GL.GL_DEPTH24_STENCIL8, w, h)
        GL.glBindRenderbuffer(GL.GL_RENDERBUFFER, 0)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self.fbo)
        GL.glFramebufferRenderbuffer(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_RENDERBUFFER, self.color)
        GL.glFramebufferRenderbuffer(GL.GL_FRAMEBUFFER, GL.GL_DEPTH_STENCIL_ATTACHMENT, GL.GL_RENDERBUFFER,
                                     self.depth)
        self.size = (w, h)

    def delete(self) -> None:
        if self.fbo:
            GL.glDeleteFramebuffers(1, [self.fbo])
            GL.glDeleteRenderbuffers(2, [self.color, self.depth])
        self.fbo = self.color = self.depth = 0
        self.size = (0, 0)


def blit(src_fbo: int, src_size: tuple[int, int], dst_fbo: int, dst_size: tuple[int, int]) -> None:
    """Upscale the colour of one framebuffer onto another with bilinear filtering."""
    GL.glBindFramebuffer(GL.GL_READ_FRAMEBUFFER, src_fbo)
    GL.glBindFramebuffer(GL.GL_DRAW_FRAMEBUFFER, dst_fbo)
    GL.glBlitFramebuffer(0, 0, src_size[0], src_size[1], 0, 0, dst_size[0], dst_size[1],
                         GL.GL_COLOR_BUFFER_BIT, GL.GL_LINEAR)
    GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, dst_fbo)


def read_image(w: int, h: int) -> QImage:
    """The bound framebuffer's colour as a top-down QImage (RGBA8888 → RGB32 semantics)."""
    GL.glPixelStorei(GL.GL_PACK_ALIGNMENT, 1)
    raw = GL.glReadPixels(0, 0, w, h, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE)
    GL.glPixelStorei(GL.GL_PACK_ALIGNMENT, 4)  # the default, which Qt's own readbacks assume
    arr = np.frombuffer(raw, np.uint8).reshape(h, w, 4)[::-1].copy()
    arr[..., 3] = 255  # the frame is opaque; alpha left by blending must not leak into the image
    img = QImage(arr.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
    return img.copy()  # own the pixels (arr goes out of scope)


def read_depths(points: list[tuple[int, int]], h: int, w: int, radius: int = 1,
                resolve: Optional[RenderTarget] = None) -> list[Optional[float]]:
    """Window-space depth [0, 1] around each (x, y) pixel (top-down y) of the bound
    framebuffer: the farthest in a (2r+1)² block, so a pin on a silhouette is not hidden
    by a neighbouring pixel of the surface. None where the block is off-screen, or for
    every point when the frame's depth cannot be read.

    Depth cannot be read from a multisampled framebuffer (a window surface with 4×
    multisampling, as Mesa gives on a real display): glReadPixels(GL_DEPTH_COMPONENT) fails
    there with GL_INVALID_OPERATION (1282). The depth is then first resolved into
    ``resolve``, a single-sampled target of the same size (a depth blit with GL_NEAREST)."""
    current = int(GL.glGetIntegerv(GL.GL_FRAMEBUFFER_BINDING))
    try:
        if int(GL.glGetIntegerv(GL.GL_SAMPLE_BUFFERS)):
            if resolve is None:
                return [None] * len(points)
            resolve.ensure(w, h)
            GL.glBindFramebuffer(GL.GL_READ_FRAMEBUFFER, current)
            GL.glBindFramebuffer(GL.GL_DRAW_FRAMEBUFFER, resolve.fbo)
            GL.glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL.GL_DEPTH_BUFFER_BIT, GL.GL_NEAREST)
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, resolve.fbo)
        return _read_depth_blocks(points, h, w, radius)
    except GL.GLError:
        # a surface without a readable depth buffer: no pin counts as covered, nothing is raised
        return [None] * len(points)
    finally:
        GL.glPixelStorei(GL.GL_PACK_ALIGNMENT, 4)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, current)


def _read_depth_blocks(points: list[tuple[int, int]], h: int, w: int, radius: int) -> list[Optional[float]]:
    out: list[Optional[float]] = []
    size = 2 * radius + 1
    buf = (ctypes.c_float * (size * size))()
    GL.glPixelStorei(GL.GL_PACK_ALIGNMENT, 1)
    for x, y in points:
        gx, gy = x - radius, (h - 1 - y) - radius
        if gx < 0 or gy < 0 or gx + size > w or gy + size > h:
            out.append(None)
            continue
        GL.glReadPixels(gx, gy, size, size, GL.GL_DEPTH_COMPONENT, GL.GL_FLOAT, buf)
        out.append(float(max(buf)))
    return out
