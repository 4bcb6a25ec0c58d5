"""Progress reporting and cooperative cancellation for long scan operations."""
from __future__ import annotations

import threading
from typing import Callable

ProgressFn = Callable[[float, str], None]


class Cancelled(Exception):
    """Raised inside a long operation after its CancelToken was cancelled."""


class CancelToken:
    """A flag another thread (e.g. the UI) sets to ask an operation to stop.

    Operations poll it at safe points and raise :class:`Cancelled`; they never
    leave half-written results behind.
    """

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("operation cancelled")


def report(progress: ProgressFn | None, fraction: float, message: str,
           cancel: CancelToken | None = None) -> None:
    """Check for cancellation, then call ``progress`` with a fraction clamped to 0..1."""
    if cancel is not None:
        cancel.raise_if_cancelled()
    if progress is not None:
        progress(min(1.0, max(0.0, float(fraction))), message)


def sub_progress(progress: ProgressFn | None, start: float, end: float) -> ProgressFn | None:
    """Map a sub-step's 0..1 progress onto ``start..end`` of the caller's range."""
    if progress is None:
        return None

    def _inner(fraction: float, message: str) -> None:
        progress(start + (end - start) * min(1.0, max(0.0, fraction)), message)

    return _inner
