"""Commands behind the Edit menu: delete, duplicate, copy/cut/paste of any selected objects.

Built here, pushed by the window; each returns None when nothing applies.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Optional

from vitrine.scenes.editing.annotation_commands import delete_annotation
from vitrine.scenes.editing.artifact_commands import delete_artifact, duplicate_artifact
from vitrine.scenes.editing.commands import AddObject, Command, CompositeCommand, RemoveObject
from vitrine.scenes.document import TOP_LEVEL_COLLECTIONS, ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation, Artifact, Light, Plinth, Tour, Viewpoint
from vitrine.scenes.editing.furniture_commands import DeleteLight, DeletePlinth, delete_viewpoint
from vitrine.scenes.ids import new_id
from vitrine.scenes.storage.serialization import clone, from_dict, to_dict
from vitrine.scenes.editing.tour_commands import DeleteTour, RemoveTourStep

CLIPBOARD_MIME = "application/x-vitrine-objects"
ATTR_OF_KIND = {kind: attr for attr, kind in TOP_LEVEL_COLLECTIONS.items()}
COPYABLE: dict[str, type] = {"artifact": Artifact, "plinth": Plinth, "light": Light,
                             "viewpoint": Viewpoint, "annotation": Annotation, "tour": Tour}
ID_PREFIX = {"artifact": "art", "plinth": "pln", "light": "lgt", "viewpoint": "vp",
             "annotation": "ann", "tour": "tour"}


def delete_one(doc: ExhibitDocument, obj_id: str) -> Optional[Command]:
    """The command deleting one object with whatever refers to it."""
    obj = doc.find(obj_id)
    if obj is None:
        return None
    kind = doc.kind(obj)
    builders: dict[str, Callable[[], Command]] = {
        "artifact": lambda: delete_artifact(doc, obj_id),
        "plinth": lambda: DeletePlinth(doc, obj_id),
        "light": lambda: DeleteLight(doc, obj_id),
        "viewpoint": lambda: delete_viewpoint(doc, obj_id),
        "annotation": lambda: delete_annotation(doc, obj_id),
        "tour": lambda: DeleteTour(doc, obj_id),
        "tour_step": lambda: RemoveTourStep(doc, obj_id),
    }
    build = builders.get(kind)
    return build() if build else None


def _combine(doc: ExhibitDocument, label: str, builders: list[Callable[[], Optional[Command]]]) -> Optional[Command]:
    """One undo step from several commands, each built against the state the previous left.

    A single command is returned as is (keeping its own label). With several, they are
    run while building (``add_and_run``), which is what CompositeCommand expects.
    """
    if len(builders) == 1:
        return builders[0]()
    composite = CompositeCommand(label)
    for build in builders:
        command = build()
        if command is not None:
            composite.add_and_run(doc, command)
    if not composite.children:
        return None
    return composite


def delete_command(doc: ExhibitDocument, ids: list[str], label: str = "Delete") -> Optional[Command]:
    ids = [i for i in ids if doc.find(i) is not None and doc.kind(doc.find(i)) != "exhibit"]
    if not ids:
        return None
    # Later ids may be gone once earlier ones are deleted (an artifact takes its annotations).
    return _combine(doc, label, [lambda i=i: delete_one(doc, i) if doc.find(i) else None for i in ids])


def _fresh_copy(doc: ExhibitDocument, obj: Any, kind: str, offset: float) -> Any:
    copy = clone(obj)
    copy.id = new_id(ID_PREFIX[kind])
    if hasattr(copy, "transform"):
        t = copy.transform.translation
        copy.transform.translation = (t[0] + offset, t[1], t[2])
    if isinstance(copy, Tour):
        for step in copy.steps:
            step.id = new_id("stp")
    return copy


def duplicate_command(doc: ExhibitDocument, ids: list[str]) -> Optional[Command]:
    builders: list[Callable[[], Optional[Command]]] = []
    for obj_id in ids:
        obj = doc.find(obj_id)
        kind = doc.kind(obj) if obj is not None else ""
        if kind == "artifact":
            builders.append(lambda i=obj_id: duplicate_artifact(doc, i))
        elif kind in COPYABLE and kind != "annotation":
            builders.append(lambda o=obj, k=kind: AddObject(doc, ATTR_OF_KIND[k], _fresh_copy(doc, o, k, 0.3),
                                                            label="Duplicate"))
    return _combine(doc, "Duplicate", builders) if builders else None


def copy_payload(doc: ExhibitDocument, ids: list[str]) -> Optional[str]:
    """JSON for the clipboard: the selected objects (annotations travel with artifacts)."""
    items = []
    for obj_id in ids:
        obj = doc.find(obj_id)
        kind = doc.kind(obj) if obj is not None else ""
        if kind in COPYABLE:
            items.append({"kind": kind, "object": to_dict(obj)})
            if kind == "artifact":
                items += [{"kind": "annotation", "object": to_dict(a)} for a in doc.annotations_of(obj_id)]
    if not items:
        return None
    return json.dumps({"vitrine_clipboard": 1, "exhibit": doc.exhibit.id, "items": items})


def paste_command(doc: ExhibitDocument, payload: str) -> tuple[Optional[Command], list[str]]:
    """The command adding copies of the clipboard's objects, and the new top-level ids."""
    try:
        data = json.loads(payload)
        items = data["items"]
    except (ValueError, KeyError, TypeError):
        return None, []
    offset = 0.3 if data.get("exhibit") == doc.exhibit.id else 0.0
    new_ids: dict[str, str] = {}
    additions: list[tuple[str, Any]] = []
    for item in items:
        kind = item.get("kind")
        if kind not in COPYABLE:
            continue
        obj = from_dict(COPYABLE[kind], item.get("object", {}))
        if kind == "artifact" and doc.asset(obj.asset_id) is None:
            continue  # the scan is not in this project
        old_id = obj.id
        copy = _fresh_copy(doc, obj, kind, offset)
        if kind == "annotation":
            if obj.artifact_id not in new_ids:
                continue  # annotations are pasted only along with their artifact
            copy.artifact_id = new_ids[obj.artifact_id]
        new_ids[old_id] = copy.id
        additions.append((kind, copy))
    if not additions:
        return None, []
    command = CompositeCommand("Paste", [AddObject(doc, ATTR_OF_KIND[k], o) for k, o in additions])
    # AddObject children are independent (indices are list ends at build time), except
    # several into one list: give each its own index after the previous ones.
    counts: dict[str, int] = {}
    for child in command.children:
        assert isinstance(child, AddObject)
        child.index += counts.get(child.attr, 0)
        counts[child.attr] = counts.get(child.attr, 0) + 1
    return command, [o.id for k, o in additions if k != "annotation"]


def select_all_ids(doc: ExhibitDocument) -> list[str]:
    ex = doc.exhibit
    return [o.id for o in (*ex.artifacts, *ex.plinths, *ex.lights)]


__all__ = ["CLIPBOARD_MIME", "delete_command", "duplicate_command", "copy_payload", "paste_command",
           "select_all_ids", "RemoveObject"]
