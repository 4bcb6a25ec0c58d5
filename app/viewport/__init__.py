"""The editor's OpenGL viewport, in three parts: ``renderer`` (one adapter per kind of
object, ``adapters.ADAPTERS``), ``interaction`` (input to commands, Qt-free) and the widget
``ViewportWidget`` (observes the document through the relay); plus the camera, LOD,
picking and GPU helpers they share."""
from __future__ import annotations

__all__ = ["ViewportWidget"]


def __getattr__(name: str):
    if name == "ViewportWidget":
        from .viewport_widget import ViewportWidget
        return ViewportWidget
    raise AttributeError(name)
