"""Commands on guided tours and their steps."""
from __future__ import annotations

from typing import Any, Optional

from vitrine.scenes.editing.commands import AddObject, MoveObject, RemoveObject, SetProperty
from vitrine.scenes.document import DELETE, ExhibitDocument
from vitrine.scenes.exhibit_model import Measurement, MediaAudio, Tour, TourStep


class AddTour(AddObject):
    label = "Add Tour"

    def __init__(self, doc: ExhibitDocument, tour: Tour) -> None:
        super().__init__(doc, "tours", tour)


class RenameTour(SetProperty):
    label = "Rename Tour"

    def __init__(self, doc: ExhibitDocument, tour_id: str, language: str, title: str) -> None:
        super().__init__(doc, tour_id, ("title", language), title if title else DELETE)


class DeleteTour(RemoveObject):
    label = "Delete Tour"

    def __init__(self, doc: ExhibitDocument, tour_id: str) -> None:
        super().__init__(doc, "tours", tour_id)


class AddTourStep(AddObject):
    label = "Add Tour Step"

    def __init__(self, doc: ExhibitDocument, tour_id: str, step: TourStep, index: Optional[int] = None) -> None:
        super().__init__(doc, "steps", step, owner_id=tour_id, index=index)


class RemoveTourStep(RemoveObject):
    label = "Remove Tour Step"

    def __init__(self, doc: ExhibitDocument, step_id: str) -> None:
        super().__init__(doc, "steps", step_id)


class ReorderTourSteps(MoveObject):
    """Move one step of a tour to ``new_index``."""

    label = "Reorder Tour Steps"

    def __init__(self, doc: ExhibitDocument, step_id: str, new_index: int) -> None:
        super().__init__(doc, "steps", step_id, new_index)


class EditTourStep(SetProperty):
    """Set a step's ``viewpoint_id``, ``annotation_id`` or ``duration`` (seconds)."""

    label = "Edit Tour Step"

    def __init__(self, doc: ExhibitDocument, step_id: str, field: str, value: Any) -> None:
        if field not in ("viewpoint_id", "annotation_id", "duration"):
            raise ValueError(f"not a tour step field: {field}")
        if field == "duration" and not float(value) > 0:
            raise ValueError("a step's duration must be positive")
        super().__init__(doc, step_id, (field,), value)


class EditNarration(SetProperty):
    label = "Edit Narration"

    def __init__(self, doc: ExhibitDocument, step_id: str, language: str, text: str) -> None:
        super().__init__(doc, step_id, ("narration", language), text if text else DELETE)


class SetNarrationAudio(SetProperty):
    label = "Set Narration Audio"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, step_id: str, language: str, audio: Optional[MediaAudio]) -> None:
        super().__init__(doc, step_id, ("audio", language), audio if audio is not None else DELETE)


class SetStepMeasurement(SetProperty):
    """Save (or with None remove) a measuring-tape distance shown during a tour step."""

    label = "Save Measurement"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, step_id: str, measurement: Optional[Measurement]) -> None:
        super().__init__(doc, step_id, ("measurement",), measurement)
