"""The editor's OpenGL viewport (``ViewportWidget``) and its camera, LOD and picking helpers."""
from __future__ import annotations

__all__ = ["ViewportWidget"]


def __getattr__(name: str):
    if name == "ViewportWidget":
        from .viewport_widget import ViewportWidget
        return ViewportWidget
    raise AttributeError(name)
