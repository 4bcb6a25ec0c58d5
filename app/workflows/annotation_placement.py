"""Building the command that pins a new annotation where the curator clicked (Qt-free).

Shared by the viewport's interaction layer (a click in pin mode) and the main window's
``pin_annotation`` slot, so both make the same annotation: titled "New annotation" in the
exhibit's first language, at a surface point and normal in the artifact's own frame.
"""
from __future__ import annotations

from typing import Iterable, Optional

from vitrine.scenes.editing.annotation_commands import PinAnnotation
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation

NEW_ANNOTATION = {"en": "New annotation", "zh": "新注释"}


def pin_annotation_command(doc: ExhibitDocument, artifact_id: str, point: Iterable[float],
                           normal: Iterable[float]) -> Optional[PinAnnotation]:
    """A ``PinAnnotation`` for a new annotation on ``artifact_id`` at ``point`` (3, m) with
    ``normal`` (3, unit), both in the artifact's frame; None if there is no such artifact.
    The new annotation's id is the command's ``object_id``."""
    if doc.find(artifact_id) is None:
        return None
    lang = doc.exhibit.languages[0]
    title = NEW_ANNOTATION.get(lang.split("-")[0], NEW_ANNOTATION["en"])
    annotation = Annotation(artifact_id=artifact_id, point=tuple(float(c) for c in point),
                            normal=tuple(float(c) for c in normal), title={lang: title})
    return PinAnnotation(doc, annotation)
