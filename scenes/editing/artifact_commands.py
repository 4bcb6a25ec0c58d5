"""Commands on artifacts and their assets: add, delete, move, display, record, rights, capture."""
from __future__ import annotations

from typing import Any, Optional

from vitrine.scenes.editing.commands import AddObject, CompositeCommand, RemoveObject, SetProperty
from vitrine.scenes.document import DELETE, ExhibitDocument
from vitrine.scenes.exhibit_model import Artifact, Asset, CaptureProvenance, ProcessingStep, PublicationSettings, Rights, Transform
from vitrine.scenes.ids import new_id
from vitrine.scenes.storage.serialization import clone


class AddAsset(AddObject):
    label = "Import Scan"

    def __init__(self, doc: ExhibitDocument, asset: Asset) -> None:
        super().__init__(doc, "assets", asset)


class AddArtifact(AddObject):
    label = "Add Artifact"

    def __init__(self, doc: ExhibitDocument, artifact: Artifact) -> None:
        super().__init__(doc, "artifacts", artifact)


def import_scan_command(doc: ExhibitDocument, asset: Asset, artifact: Artifact) -> CompositeCommand:
    """One undo step that adds a scan's asset record (if new) and its artifact."""
    children: list[Any] = []
    if doc.asset(asset.id) is None:
        children.append(AddAsset(doc, asset))
    children.append(AddArtifact(doc, artifact))
    return CompositeCommand("Import Scan", children)


def delete_artifact(doc: ExhibitDocument, artifact_id: str) -> CompositeCommand:
    """Delete an artifact with its annotations, clearing tour steps that opened them."""
    annotation_ids = [a.id for a in doc.annotations_of(artifact_id)]  # document order
    doomed = set(annotation_ids)  # for membership only: never iterate a set (order varies by hash seed)
    children: list[Any] = []
    for tour in doc.exhibit.tours:
        for step in tour.steps:
            if step.annotation_id in doomed:
                children.append(SetProperty(doc, step.id, ("annotation_id",), None))
    # Each RemoveObject remembers its index as the list stands now. Removing from the end
    # first keeps the earlier indices valid; undo runs in reverse, re-inserting from the
    # front, so every annotation returns to exactly its old place.
    children += [RemoveObject(doc, "annotations", a) for a in reversed(annotation_ids)]
    children.append(RemoveObject(doc, "artifacts", artifact_id))
    return CompositeCommand("Delete Artifact", children)


def duplicate_artifact(doc: ExhibitDocument, artifact_id: str, offset: tuple[float, float, float] = (0.3, 0.0, 0.0)) -> CompositeCommand:
    """Copy an artifact (same asset, new id, shifted by ``offset`` metres) with its annotations."""
    source: Artifact = doc.get(artifact_id)
    copy = clone(source)
    copy.id = new_id("art")
    copy.name = f"{source.name} (copy)" if source.name else "Copy"
    t = copy.transform.translation
    copy.transform.translation = (t[0] + offset[0], t[1] + offset[1], t[2] + offset[2])
    children: list[Any] = [AddArtifact(doc, copy)]
    for ann in doc.annotations_of(artifact_id):
        dup = clone(ann)
        dup.id = new_id("ann")
        dup.artifact_id = copy.id
        children.append(AddObject(doc, "annotations", dup))
    return CompositeCommand("Duplicate Artifact", children)


class MoveArtifact(SetProperty):
    """Set an artifact's transform (translation m, rotation quaternion, scale); drags merge."""

    label = "Move Artifact"

    def __init__(self, doc: ExhibitDocument, artifact_id: str, transform: Transform) -> None:
        super().__init__(doc, artifact_id, ("transform",), transform)


class SetArtifactVisibility(SetProperty):
    label = "Show/Hide Artifact"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, artifact_id: str, visible: bool) -> None:
        super().__init__(doc, artifact_id, ("visible",), bool(visible))


class SetDisplaySetting(SetProperty):
    """Change one display setting: color_override, roughness, metalness, double_sided, lod, point_size."""

    label = "Change Display Setting"

    def __init__(self, doc: ExhibitDocument, artifact_id: str, field: str, value: Any) -> None:
        super().__init__(doc, artifact_id, ("display", field), value)


class EditObjectRecord(SetProperty):
    """Set one field of an artifact's object record; ``language`` for title/description."""

    label = "Edit Object Record"

    def __init__(self, doc: ExhibitDocument, artifact_id: str, field: str, value: Any,
                 language: Optional[str] = None) -> None:
        path: tuple[Any, ...] = ("record", field) if language is None else ("record", field, language)
        if language is not None and value == "":
            value = DELETE
        super().__init__(doc, artifact_id, path, value)


class EditArtifactRights(SetProperty):
    """Set the rights of the physical ``object`` or of the 3D ``model``."""

    label = "Edit Rights"

    def __init__(self, doc: ExhibitDocument, artifact_id: str, which: str, rights: Rights) -> None:
        if which not in ("object", "model"):
            raise ValueError("rights are for the 'object' or the 'model'")
        super().__init__(doc, artifact_id, ("rights", which), rights)


class SetPublication(SetProperty):
    """Raise or lower what bundles may publish of an artifact (finest level, download offer)."""

    label = "Change Publication Policy"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, artifact_id: str, publication: PublicationSettings) -> None:
        if publication.max_level not in (None, "original", "high", "medium", "low", "thumbnail"):
            raise ValueError(f"unknown level {publication.max_level!r}")
        super().__init__(doc, artifact_id, ("publication",), publication)


class EditCapture(SetProperty):
    """Set the capture provenance of an asset (who, when, equipment, software)."""

    label = "Edit Capture Details"

    def __init__(self, doc: ExhibitDocument, asset_id: str, capture: CaptureProvenance) -> None:
        super().__init__(doc, asset_id, ("capture",), capture)


class RecordProcessing(SetProperty):
    """Append processing steps and derived levels to an asset (e.g. regenerated levels)."""

    label = "Process Scan"
    mergeable = False

    def __init__(self, doc: ExhibitDocument, asset_id: str, steps: list[ProcessingStep],
                 levels: Optional[list[Any]] = None) -> None:
        asset: Asset = doc.get(asset_id)
        super().__init__(doc, asset_id, ("processing",), list(asset.processing) + list(steps))
        self.levels_command = SetProperty(doc, asset_id, ("levels",), levels) if levels is not None else None

    def execute(self, doc: ExhibitDocument) -> None:
        super().execute(doc)
        if self.levels_command:
            self.levels_command.execute(doc)

    def undo(self, doc: ExhibitDocument) -> None:
        if self.levels_command:
            self.levels_command.undo(doc)
        super().undo(doc)
