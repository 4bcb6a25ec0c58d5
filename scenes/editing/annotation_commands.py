"""Commands on annotations: pin, move the pin, text per language, media, marker, delete."""
from __future__ import annotations

from typing import Any, Optional

from vitrine.scenes.editing.commands import AddObject, CompositeCommand, RemoveObject, SetProperty
from vitrine.scenes.document import DELETE, ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation, Measurement, MediaAudio, MediaImage

Vec3 = tuple[float, float, float]


def _unit(v: Any) -> Vec3:
    x, y, z = (float(c) for c in v)
    n = (x * x + y * y + z * z) ** 0.5
    if not n or n != n:
        raise ValueError("a pin's normal must be a non-zero vector")
    return (x / n, y / n, z / n)


class PinAnnotation(AddObject):
    """Pin a new annotation on an artifact at a surface point with its normal (model-local)."""

    label = "Pin Annotation"

    def __init__(self, doc: ExhibitDocument, annotation: Annotation) -> None:
        if doc.find(annotation.artifact_id) is None:
            raise ValueError(f"no artifact {annotation.artifact_id!r} to pin to")
        annotation.normal = _unit(annotation.normal)
        if annotation.marker.number == 1 and doc.exhibit.annotations:
            annotation.marker.number = 1 + max(a.marker.number for a in doc.exhibit.annotations)
        super().__init__(doc, "annotations", annotation)


class MoveAnnotationPin(SetProperty):
    """Move a pin along the surface: new point and normal in the artifact's frame; drags merge."""

    label = "Move Pin"

    def __init__(self, doc: ExhibitDocument, annotation_id: str, point: Vec3, normal: Vec3) -> None:
        super().__init__(doc, annotation_id, ("point",), tuple(float(c) for c in point))
        self.normal_command = SetProperty(doc, annotation_id, ("normal",), _unit(normal))

    def execute(self, doc: ExhibitDocument) -> None:
        super().execute(doc)
        self.normal_command.execute(doc)

    def undo(self, doc: ExhibitDocument) -> None:
        self.normal_command.undo(doc)
        super().undo(doc)

    def merge_with(self, other: Any) -> bool:
        if super().merge_with(other):
            self.normal_command.new_value = other.normal_command.new_value
            return True
        return False


class EditAnnotationText(SetProperty):
    """Set an annotation's ``title`` or ``body`` in one language ('' removes that language)."""

    label = "Edit Annotation Text"

    def __init__(self, doc: ExhibitDocument, annotation_id: str, field: str, language: str, text: str) -> None:
        if field not in ("title", "body"):
            raise ValueError(f"not an annotation text field: {field}")
        super().__init__(doc, annotation_id, (field, language), text if text else DELETE)


class SetAnnotationImage(SetProperty):
    label = "Set Annotation Image"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, annotation_id: str, image: Optional[MediaImage]) -> None:
        super().__init__(doc, annotation_id, ("image",), image)


class SetAnnotationAudio(SetProperty):
    """Set (or with None remove) the audio clip of one language."""

    label = "Set Annotation Audio"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, annotation_id: str, language: str, audio: Optional[MediaAudio]) -> None:
        super().__init__(doc, annotation_id, ("audio", language), audio if audio is not None else DELETE)


class SetAnnotationViewpoint(SetProperty):
    label = "Set Annotation Viewpoint"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, annotation_id: str, viewpoint_id: Optional[str]) -> None:
        super().__init__(doc, annotation_id, ("viewpoint_id",), viewpoint_id)


class SetAnnotationMarker(SetProperty):
    """Set the marker's ``number`` or ``color``."""

    label = "Change Marker"

    def __init__(self, doc: ExhibitDocument, annotation_id: str, field: str, value: Any) -> None:
        super().__init__(doc, annotation_id, ("marker", field), value)


class SetAnnotationTags(SetProperty):
    label = "Edit Tags"

    def __init__(self, doc: ExhibitDocument, annotation_id: str, tags: list[str]) -> None:
        super().__init__(doc, annotation_id, ("tags",), [t for t in tags if t])


def delete_annotation(doc: ExhibitDocument, annotation_id: str) -> CompositeCommand:
    """Delete an annotation, clearing tour steps that opened it."""
    children: list[Any] = []
    for tour in doc.exhibit.tours:
        for step in tour.steps:
            if step.annotation_id == annotation_id:
                children.append(SetProperty(doc, step.id, ("annotation_id",), None))
    children.append(RemoveObject(doc, "annotations", annotation_id))
    return CompositeCommand("Delete Annotation", children)


class SetAnnotationMeasurement(SetProperty):
    """Save (or with None remove) a measuring-tape distance shown with the annotation."""

    label = "Save Measurement"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, annotation_id: str, measurement: Optional[Measurement]) -> None:
        super().__init__(doc, annotation_id, ("measurement",), measurement)
