"""Undo/redo: a stack of commands with merging of consecutive edits of one property.

Merging is by intent, not by wall-clock time: consecutive changes of the same
property of the same object merge into one step (a drag is one undo) until the
stack is *sealed* — the editor seals when a gesture ends and on save.
"""
from __future__ import annotations

from typing import Any, Protocol

from vitrine.scenes.observable import Signal


class UndoableCommand(Protocol):
    """What the stack needs of a command (``vitrine.scenes.editing.commands.Command`` is one). A protocol,
    not an import, so that history, commands and document do not import each other in a circle."""

    label: str
    mergeable: bool

    def execute(self, doc: Any) -> None: ...
    def undo(self, doc: Any) -> None: ...
    def merge_with(self, other: Any) -> bool: ...


class StackedDocument(Protocol):
    """What the stack needs of its document (``vitrine.scenes.document.ExhibitDocument`` is one)."""

    reset: Signal
    object_added: Signal
    object_removed: Signal
    object_changed: Signal
    order_changed: Signal


class CommandStack:
    """Executes commands on a document and keeps them for undo and redo."""

    def __init__(self, document: StackedDocument) -> None:
        self._document = document
        self._done: list[UndoableCommand] = []
        self._undone: list[UndoableCommand] = []
        self._sealed = True
        self._clean_index: int | None = 0
        self.changed = Signal("history_changed")

    # --- state ------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    @property
    def index(self) -> int:
        return len(self._done)

    @property
    def is_clean(self) -> bool:
        """True when the document equals what was last saved (or opened)."""
        return self._clean_index == len(self._done)

    def set_clean(self) -> None:
        self._clean_index = len(self._done)
        self.seal()
        self.changed.emit()

    def seal(self) -> None:
        """End the current merge window: the next command starts a new undo step."""
        self._sealed = True

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean_index = 0
        self._sealed = True
        self.changed.emit()

    # --- operations ---------------------------------------------------------------
    def push(self, command: UndoableCommand) -> None:
        """Execute ``command`` and record it (merged into the previous step if it may)."""
        command.execute(self._document)
        top = self._done[-1] if self._done else None
        if top is not None and not self._sealed and not self._undone and top.merge_with(command):
            if self._clean_index == len(self._done):
                self._clean_index = None  # the saved state is no longer reachable by undo
        else:
            if self._clean_index is not None and self._clean_index > len(self._done):
                self._clean_index = None
            self._done.append(command)
        self._undone.clear()
        self._sealed = not command.mergeable
        self.changed.emit()

    def undo(self) -> bool:
        if not self._done:
            return False
        command = self._done.pop()
        command.undo(self._document)
        self._undone.append(command)
        self._sealed = True
        self.changed.emit()
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        command = self._undone.pop()
        command.execute(self._document)
        self._done.append(command)
        self._sealed = True
        self.changed.emit()
        return True

    def undo_all(self) -> int:
        """Undo to the start with fine-grained signals muted, then emit one ``reset``."""
        signals = self._document_signals()
        for s in signals:
            s.block()
        count = 0
        try:
            while self._done:
                command = self._done.pop()
                command.undo(self._document)
                self._undone.append(command)
                count += 1
        finally:
            for s in signals:
                s.unblock()
        self._sealed = True
        self._document.reset.emit()
        self.changed.emit()
        return count

    def _document_signals(self) -> list[Signal]:
        d = self._document
        return [d.object_added, d.object_removed, d.object_changed, d.order_changed]
