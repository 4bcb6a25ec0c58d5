"""What the viewport's three parts (renderer, interaction, widget) share about the view.

Five plain fields, written only by the widget (from the relay and its public setters) and
read by the renderer's adapters and the interaction layer. No Qt, no GL.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ViewState:
    """The view's modes. ``selected``: ids selected in the session; ``pin_mode``: a click
    places an annotation; ``visitor``: the visitor preview (no selection, grid or gizmo);
    ``moving``: the camera moved within the last ~200 ms (coarser levels, faster shading);
    ``measure_mode``: a click adds a point to the measuring tape."""

    selected: set[str] = field(default_factory=set)
    pin_mode: bool = False
    visitor: bool = False
    moving: bool = False
    measure_mode: bool = False
