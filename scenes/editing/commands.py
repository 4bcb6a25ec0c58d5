"""The command base classes: one small class per user intent builds on these.

A command captures what it needs when it is built (old values are read from the
document at construction), so ``execute`` and ``undo`` are exact inverses.
Commands hold their own deep copies of values; the document never shares
mutable state with a command's caller.
"""
from __future__ import annotations

from typing import Any, Optional, Sequence

from vitrine.scenes.document import DELETE, ExhibitDocument
from vitrine.scenes.storage.serialization import clone


class Command:
    """A reversible change. Subclasses set ``label`` (shown as "Undo <label>")."""

    label = "Edit"
    mergeable = False

    def execute(self, doc: ExhibitDocument) -> None:
        raise NotImplementedError

    def undo(self, doc: ExhibitDocument) -> None:
        raise NotImplementedError

    def merge_with(self, other: "Command") -> bool:
        """Absorb ``other`` (already executed) into this step; True if merged."""
        return False


class SetProperty(Command):
    """Set the value at ``path`` (field names, dict keys) inside object ``target_id``.

    ``value`` may be :data:`vitrine.scenes.document.DELETE` to remove a dict key. Consecutive
    SetProperty commands of the same class on the same target and path merge.
    """

    label = "Change Property"
    mergeable = True

    def __init__(self, doc: ExhibitDocument, target_id: str, path: Sequence[Any], value: Any,
                 label: Optional[str] = None) -> None:
        self.target_id = target_id
        self.path = tuple(path)
        if not self.path:
            raise ValueError("SetProperty needs a non-empty path")
        self.old_value = clone(doc.get_path(target_id, self.path))
        self.new_value = clone(value) if value is not DELETE else DELETE
        if label:
            self.label = label

    def execute(self, doc: ExhibitDocument) -> None:
        doc._apply_set(self.target_id, self.path, clone(self.new_value) if self.new_value is not DELETE else DELETE)

    def undo(self, doc: ExhibitDocument) -> None:
        doc._apply_set(self.target_id, self.path, clone(self.old_value) if self.old_value is not DELETE else DELETE)

    def merge_with(self, other: Command) -> bool:
        if type(other) is not type(self) or not isinstance(other, SetProperty):
            return False
        if other.target_id != self.target_id or other.path != self.path:
            return False
        self.new_value = other.new_value
        return True


class AddObject(Command):
    """Insert ``obj`` into list ``attr`` of ``owner_id`` (the exhibit or a tour)."""

    label = "Add"

    def __init__(self, doc: ExhibitDocument, attr: str, obj: Any, *, owner_id: Optional[str] = None,
                 index: Optional[int] = None, label: Optional[str] = None) -> None:
        self.owner_id = owner_id or doc.exhibit.id
        self.attr = attr
        self.obj = clone(obj)
        self.index = index if index is not None else len(doc.collection(self.owner_id, attr))
        if doc.find(obj.id) is not None:
            raise ValueError(f"id {obj.id!r} is already in the document")
        if label:
            self.label = label

    @property
    def object_id(self) -> str:
        return self.obj.id

    def execute(self, doc: ExhibitDocument) -> None:
        doc._apply_insert(self.owner_id, self.attr, self.index, clone(self.obj))

    def undo(self, doc: ExhibitDocument) -> None:
        doc._apply_remove(self.owner_id, self.attr, self.obj.id)


class RemoveObject(Command):
    """Remove object ``obj_id`` from its list, remembering where it was."""

    label = "Delete"

    def __init__(self, doc: ExhibitDocument, attr: str, obj_id: str, *, owner_id: Optional[str] = None,
                 label: Optional[str] = None) -> None:
        self.owner_id = owner_id or doc.owner_of(obj_id)
        self.attr = attr
        items = doc.collection(self.owner_id, attr)
        index = next((i for i, o in enumerate(items) if o.id == obj_id), None)
        if index is None:
            raise ValueError(f"no {attr} item with id {obj_id!r}")
        self.index = index
        self.obj = clone(items[index])
        if label:
            self.label = label

    def execute(self, doc: ExhibitDocument) -> None:
        doc._apply_remove(self.owner_id, self.attr, self.obj.id)

    def undo(self, doc: ExhibitDocument) -> None:
        doc._apply_insert(self.owner_id, self.attr, self.index, clone(self.obj))


class MoveObject(Command):
    """Move object ``obj_id`` to ``new_index`` within its list (reordering)."""

    label = "Reorder"

    def __init__(self, doc: ExhibitDocument, attr: str, obj_id: str, new_index: int, *,
                 owner_id: Optional[str] = None, label: Optional[str] = None) -> None:
        self.owner_id = owner_id or doc.owner_of(obj_id)
        self.attr = attr
        self.obj_id = obj_id
        items = doc.collection(self.owner_id, attr)
        self.old_index = next(i for i, o in enumerate(items) if o.id == obj_id)
        self.new_index = max(0, min(new_index, len(items) - 1))
        if label:
            self.label = label

    def execute(self, doc: ExhibitDocument) -> None:
        doc._apply_move(self.owner_id, self.attr, self.obj_id, self.new_index)

    def undo(self, doc: ExhibitDocument) -> None:
        doc._apply_move(self.owner_id, self.attr, self.obj_id, self.old_index)


class CompositeCommand(Command):
    """Several commands as one undo step; children are built against the state left by
    the ones before them, so build them with :meth:`add_and_run` or pass them pre-built
    only when they are independent."""

    def __init__(self, label: str, children: Optional[list[Command]] = None) -> None:
        self.label = label
        self.children: list[Command] = list(children or [])
        self._executed_prefix = 0

    def add_and_run(self, doc: ExhibitDocument, command: Command) -> None:
        """Run ``command`` now (so later children see its effect) and keep it."""
        command.execute(doc)
        self.children.append(command)
        self._executed_prefix = len(self.children)

    def execute(self, doc: ExhibitDocument) -> None:
        # children run by add_and_run are already applied on the first execute
        for child in self.children[self._executed_prefix:]:
            child.execute(doc)
        self._executed_prefix = 0

    def undo(self, doc: ExhibitDocument) -> None:
        for child in reversed(self.children):
            child.undo(doc)
