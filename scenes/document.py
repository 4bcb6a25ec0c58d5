"""The observable exhibit document: the model, lookup by id, and change signals.

Views connect to the signals and never poll. Only commands (``vitrine.scenes.editing.commands``)
call the ``_apply_*`` methods, so every change can be undone.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from vitrine.scenes.exhibit_model import (
    Annotation, Artifact, Asset, Exhibit, Light, Plinth, Tour, TourStep, Viewpoint,
)
from vitrine.scenes.editing.history import CommandStack
from vitrine.scenes.observable import Signal

KIND_OF_TYPE: dict[type, str] = {
    Exhibit: "exhibit", Asset: "asset", Artifact: "artifact", Plinth: "plinth", Light: "light",
    Viewpoint: "viewpoint", Annotation: "annotation", Tour: "tour", TourStep: "tour_step",
}
TOP_LEVEL_COLLECTIONS = {
    "assets": "asset", "artifacts": "artifact", "plinths": "plinth", "lights": "light",
    "viewpoints": "viewpoint", "annotations": "annotation", "tours": "tour",
}

class _Delete:
    """Singleton marker; copies of it are itself, so commands may deep-copy values freely."""

    def __copy__(self) -> "_Delete":
        return self

    def __deepcopy__(self, memo: dict) -> "_Delete":
        return self

    def __repr__(self) -> str:
        return "DELETE"


DELETE = _Delete()
"""Value for ``SetProperty`` that removes a key from a dict (e.g. one language's text)."""


class DocumentError(LookupError):
    """A command referred to an object or path the document does not have."""


class ExhibitDocument:
    """Holds an :class:`Exhibit` and tells observers, in fine detail, what changed.

    Signals (arguments):
      ``object_added(kind, obj, owner_id)``, ``object_removed(kind, obj_id, owner_id)``,
      ``object_changed(kind, obj_id, path)`` where ``path`` is a tuple of field names/keys,
      ``order_changed(kind, owner_id)``, ``reset()`` when the whole document was replaced.
    ``owner_id`` is the exhibit's id for top-level objects, or the tour's id for tour steps.
    """

    def __init__(self, exhibit: Optional[Exhibit] = None) -> None:
        self.exhibit = exhibit if exhibit is not None else Exhibit()
        self.object_added = Signal("object_added")
        self.object_removed = Signal("object_removed")
        self.object_changed = Signal("object_changed")
        self.order_changed = Signal("order_changed")
        self.reset = Signal("reset")
        self.history = CommandStack(self)

    # --- lookup -----------------------------------------------------------------
    def iter_objects(self) -> Iterator[Any]:
        """Every identified object: the exhibit, top-level objects, and tour steps."""
        yield self.exhibit
        for attr in TOP_LEVEL_COLLECTIONS:
            for obj in getattr(self.exhibit, attr):
                yield obj
                if isinstance(obj, Tour):
                    yield from obj.steps

    def find(self, obj_id: str) -> Any:
        """The object with this id, or None."""
        for obj in self.iter_objects():
            if getattr(obj, "id", None) == obj_id:
                return obj
        return None

    def get(self, obj_id: str) -> Any:
        obj = self.find(obj_id)
        if obj is None:
            raise DocumentError(f"no object with id {obj_id!r}")
        return obj

    def owner_of(self, obj_id: str) -> str:
        """Id of the object holding ``obj_id`` in a list (the exhibit, or a tour)."""
        for tour in self.exhibit.tours:
            if any(step.id == obj_id for step in tour.steps):
                return tour.id
        return self.exhibit.id

    def collection(self, owner_id: str, attr: str) -> list[Any]:
        owner = self.get(owner_id)
        value = getattr(owner, attr, None)
        if not isinstance(value, list):
            raise DocumentError(f"{owner_id!r} has no list {attr!r}")
        return value

    def annotations_of(self, artifact_id: str) -> list[Annotation]:
        return [a for a in self.exhibit.annotations if a.artifact_id == artifact_id]

    def asset(self, asset_id: str) -> Optional[Asset]:
        return next((a for a in self.exhibit.assets if a.id == asset_id), None)

    @staticmethod
    def kind(obj: Any) -> str:
        return KIND_OF_TYPE.get(type(obj), type(obj).__name__.lower())

    # --- mutation (commands only) ------------------------------------------------
    def _apply_set(self, obj_id: str, path: tuple[Any, ...], value: Any) -> None:
        obj = self.get(obj_id)
        parent = obj
        for key in path[:-1]:
            parent = parent[key] if isinstance(parent, dict) else getattr(parent, key)
        last = path[-1]
        if isinstance(parent, dict):
            if value is DELETE:
                parent.pop(last, None)
            else:
                parent[last] = value
        else:
            if not hasattr(parent, last):
                raise DocumentError(f"{type(parent).__name__} has no field {last!r}")
            setattr(parent, last, value)
        self.object_changed.emit(self.kind(obj), obj_id, tuple(path))

    def _apply_insert(self, owner_id: str, attr: str, index: int, obj: Any) -> None:
        items = self.collection(owner_id, attr)
        items.insert(index, obj)
        self.object_added.emit(self.kind(obj), obj, owner_id)

    def _apply_remove(self, owner_id: str, attr: str, obj_id: str) -> tuple[int, Any]:
        items = self.collection(owner_id, attr)
        for index, obj in enumerate(items):
            if obj.id == obj_id:
                del items[index]
                self.object_removed.emit(self.kind(obj), obj_id, owner_id)
                return index, obj
        raise DocumentError(f"no {attr[:-1]} with id {obj_id!r}")

    def _apply_move(self, owner_id: str, attr: str, obj_id: str, new_index: int) -> int:
        items = self.collection(owner_id, attr)
        old_index = next(i for i, o in enumerate(items) if o.id == obj_id)
        obj = items.pop(old_index)
        items.insert(max(0, min(new_index, len(items))), obj)
        self.order_changed.emit(self.kind(obj), owner_id)
        return old_index

    def replace_exhibit(self, exhibit: Exhibit) -> None:
        """Swap the whole exhibit (open, restore); clears history and emits ``reset``."""
        self.exhibit = exhibit
        self.history.clear()
        self.reset.emit()

    def get_path(self, obj_id: str, path: tuple[Any, ...]) -> Any:
        """The value at ``path`` in object ``obj_id`` (``DELETE`` for an absent dict key)."""
        value: Any = self.get(obj_id)
        for key in path:
            if isinstance(value, dict):
                if key not in value:
                    return DELETE
                value = value[key]
            else:
                value = getattr(value, key)
        return value
