"""Exit statuses and the user-facing error of the ``vitrine`` command line.

A module of its own so that the entry point and every command family import it, and
neither imports the other (no import circle).
"""
from __future__ import annotations

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2 unless given."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_BAD_INPUT", "CliError"]
