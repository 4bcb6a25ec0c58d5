"""Errors raised by the exporter for bad input; the CLI prints them as one line (exit 2)."""
from __future__ import annotations


class ExportError(Exception):
    """An export, verification or key operation cannot go on; the message is one line.

    ``details`` lists further lines (for example every item that lacks rights).
    """

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = list(details or [])
