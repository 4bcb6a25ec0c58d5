"""GL state that Qt's own drawing assumes, restored between Vitrine's passes and Qt's.

QPainter on a GL paint device uploads glyphs into its glyph-cache texture with
glTexSubImage2D and relies on OpenGL's default pixel-store state: rows aligned to 4 bytes
(GL_UNPACK_ALIGNMENT 4, no row length, no skips) and texture unit 0 active. A texture upload
that sets GL_UNPACK_ALIGNMENT to 1 (RGBA rows of any width) and leaves it there makes every
glyph cached afterwards read with the wrong row stride: text drawn after a textured scan
came out slanted and smeared. Every pass that changes this state puts the default back.
"""
from __future__ import annotations

from OpenGL import GL

# (parameter, OpenGL's initial value)
PIXEL_STORE_DEFAULTS = (
    (GL.GL_UNPACK_ALIGNMENT, 4), (GL.GL_UNPACK_ROW_LENGTH, 0), (GL.GL_UNPACK_SKIP_ROWS, 0),
    (GL.GL_UNPACK_SKIP_PIXELS, 0), (GL.GL_PACK_ALIGNMENT, 4), (GL.GL_PACK_ROW_LENGTH, 0),
    (GL.GL_PACK_SKIP_ROWS, 0), (GL.GL_PACK_SKIP_PIXELS, 0),
)


def restore_pixel_store() -> None:
    """Set every pack/unpack parameter back to OpenGL's initial value."""
    for name, value in PIXEL_STORE_DEFAULTS:
        GL.glPixelStorei(name, value)


def restore_for_qt() -> None:
    """Leave the context as Qt's painter expects it: default pixel store, texture unit 0
    active with no texture bound, no program, no vertex array, no depth test or blending."""
    restore_pixel_store()
    GL.glActiveTexture(GL.GL_TEXTURE0)
    GL.glBindTexture(GL.GL_TEXTURE_2D, 0)
    GL.glUseProgram(0)
    GL.glBindVertexArray(0)
    GL.glDisable(GL.GL_DEPTH_TEST)
    GL.glDisable(GL.GL_BLEND)
