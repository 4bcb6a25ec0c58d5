"""One adapter per kind of object the viewport shows, and the registry that maps each
model class to the adapter class that draws it (napari's idea: a plain dict).

The renderer makes one instance per adapter class (the artifact adapter draws artifacts
and their assets' levels) and routes each document change to the adapter registered for
the changed object's class. Classes the 3D view does not show map to ``NotDrawn`` so that
the registry stays complete: a test checks it covers every kind the document has.
"""
from __future__ import annotations

from vitrine.app.workflows.editor_session import Selection
from vitrine.scenes.exhibit_model import Annotation, Artifact, Asset, Exhibit, Light, Plinth, Room, Tour, TourStep, Viewpoint

from .artifacts import ArtifactAdapter
from .base import Adapter, Frame, NotDrawn
from .environment import EnvironmentAdapter
from .lights import LightAdapter
from .pins import PinAdapter
from .plinths import PlinthAdapter
from .room import RoomAdapter
from .selection import SelectionAdapter

ADAPTERS: dict[type, type[Adapter]] = {
    Artifact: ArtifactAdapter,
    Asset: ArtifactAdapter,          # an asset's levels are drawn where its artifacts stand
    Plinth: PlinthAdapter,
    Room: RoomAdapter,               # the exhibit's room (environment.room): floor and walls
    Light: LightAdapter,
    Annotation: PinAdapter,
    Exhibit: EnvironmentAdapter,     # background, floor and grid are the exhibit's environment
    Selection: SelectionAdapter,     # the session's selection: highlight and gizmo
    Viewpoint: NotDrawn,
    Tour: NotDrawn,
    TourStep: NotDrawn,
}

# the 3D pass, in order: opaque objects first (plinths and artifacts share the mesh program),
# then the environment (its background only shades pixels nothing covers); then the overlay
DRAW_ORDER: tuple[type, ...] = (Plinth, Room, Artifact, Exhibit)
AFTER_DRAW_ORDER: tuple[type, ...] = (Annotation,)
OVERLAY_ORDER: tuple[type, ...] = (Selection, Annotation)

__all__ = ["ADAPTERS", "AFTER_DRAW_ORDER", "Adapter", "ArtifactAdapter", "DRAW_ORDER", "EnvironmentAdapter",
           "Frame", "LightAdapter", "NotDrawn", "OVERLAY_ORDER", "PinAdapter", "PlinthAdapter", "RoomAdapter",
           "SelectionAdapter"]
