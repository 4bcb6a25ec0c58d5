"""A minimal signal: views connect callbacks and the document emits; nothing polls."""
from __future__ import annotations

from typing import Any, Callable


class Signal:
    """Callbacks called in connection order with the emitted arguments."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._slots: list[Callable[..., Any]] = []
        self._blocked = 0

    def connect(self, slot: Callable[..., Any]) -> Callable[..., Any]:
        if slot not in self._slots:
            self._slots.append(slot)
        return slot

    def disconnect(self, slot: Callable[..., Any]) -> None:
        if slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        if self._blocked:
            return
        for slot in list(self._slots):
            slot(*args)

    def block(self) -> None:
        self._blocked += 1

    def unblock(self) -> None:
        self._blocked = max(0, self._blocked - 1)

    def __len__(self) -> int:
        return len(self._slots)
