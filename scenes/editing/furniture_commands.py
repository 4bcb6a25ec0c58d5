"""Commands on display furniture, lights and viewpoints."""
from __future__ import annotations

from typing import Any, Optional

from vitrine.scenes.editing.commands import AddObject, CompositeCommand, RemoveObject, SetProperty
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Light, Plinth, Transform, Viewpoint


class AddPlinth(AddObject):
    label = "Add Plinth"

    def __init__(self, doc: ExhibitDocument, plinth: Plinth) -> None:
        super().__init__(doc, "plinths", plinth)


class MovePlinth(SetProperty):
    label = "Move Plinth"

    def __init__(self, doc: ExhibitDocument, plinth_id: str, transform: Transform) -> None:
        super().__init__(doc, plinth_id, ("transform",), transform)


class ResizePlinth(SetProperty):
    """Set (width, height, depth) in metres."""

    label = "Resize Plinth"

    def __init__(self, doc: ExhibitDocument, plinth_id: str, size: tuple[float, float, float]) -> None:
        if min(size) <= 0:
            raise ValueError("plinth sizes must be positive")
        super().__init__(doc, plinth_id, ("size",), tuple(float(s) for s in size))


class SetPlinthStyle(SetProperty):
    """Set a plinth's ``shape`` ('box' or 'cylinder') or ``color``."""

    label = "Change Plinth"

    def __init__(self, doc: ExhibitDocument, plinth_id: str, field: str, value: str) -> None:
        if field not in ("shape", "color"):
            raise ValueError(f"not a plinth style field: {field}")
        super().__init__(doc, plinth_id, (field,), value)


class DeletePlinth(RemoveObject):
    label = "Delete Plinth"

    def __init__(self, doc: ExhibitDocument, plinth_id: str) -> None:
        super().__init__(doc, "plinths", plinth_id)


class AddLight(AddObject):
    label = "Add Light"

    def __init__(self, doc: ExhibitDocument, light: Light) -> None:
        super().__init__(doc, "lights", light)


class EditLight(SetProperty):
    """Set one light field: type, color, intensity, position, target, angle (rad), range (m)."""

    label = "Edit Light"

    def __init__(self, doc: ExhibitDocument, light_id: str, field: str, value: Any) -> None:
        super().__init__(doc, light_id, (field,), value)


class DeleteLight(RemoveObject):
    label = "Delete Light"

    def __init__(self, doc: ExhibitDocument, light_id: str) -> None:
        super().__init__(doc, "lights", light_id)


class AddViewpoint(AddObject):
    label = "Add Viewpoint"

    def __init__(self, doc: ExhibitDocument, viewpoint: Viewpoint) -> None:
        super().__init__(doc, "viewpoints", viewpoint)


class UpdateViewpoint(CompositeCommand):
    """Replace a viewpoint's camera: eye and target (m), up, vertical fov (rad)."""

    def __init__(self, doc: ExhibitDocument, viewpoint_id: str, eye: Any, target: Any,
                 up: Any = (0.0, 1.0, 0.0), fov: Optional[float] = None) -> None:
        current: Viewpoint = doc.get(viewpoint_id)
        values = {"eye": tuple(map(float, eye)), "target": tuple(map(float, target)),
                  "up": tuple(map(float, up)), "fov": float(fov if fov is not None else current.fov)}
        super().__init__("Update Viewpoint",
                         [SetProperty(doc, viewpoint_id, (k,), v) for k, v in values.items()])


class RenameViewpoint(SetProperty):
    label = "Rename Viewpoint"

    def __init__(self, doc: ExhibitDocument, viewpoint_id: str, language: str, name: str) -> None:
        super().__init__(doc, viewpoint_id, ("name", language), name)


def delete_viewpoint(doc: ExhibitDocument, viewpoint_id: str) -> CompositeCommand:
    """Delete a viewpoint, clearing annotations, tour steps and the start view that used it."""
    children: list[Any] = []
    for ann in doc.exhibit.annotations:
        if ann.viewpoint_id == viewpoint_id:
            children.append(SetProperty(doc, ann.id, ("viewpoint_id",), None))
    for tour in doc.exhibit.tours:
        for step in tour.steps:
            if step.viewpoint_id == viewpoint_id:
                children.append(SetProperty(doc, step.id, ("viewpoint_id",), None))
    if doc.exhibit.start_viewpoint_id == viewpoint_id:
        children.append(SetProperty(doc, doc.exhibit.id, ("start_viewpoint_id",), None))
    children.append(RemoveObject(doc, "viewpoints", viewpoint_id))
    return CompositeCommand("Delete Viewpoint", children)
