"""Export warnings and summary lines that the editor can translate.

An ``ExportMessage`` *is* the English line (a ``str``: the CLI prints it, JSON writes it, tests
compare it unchanged) and keeps beside it the ``template`` with ``{name}`` placeholders and the
``args`` that fill it, for app/dialogs/export_summary.py to show in the UI's language. An
argument may itself be an ExportMessage (a phrase inside a line), translated in its turn.
"""
from __future__ import annotations

from typing import Any


class ExportMessage(str):
    """An English line with its template and arguments (``template.format(**args) == self``)."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, **args: Any) -> "ExportMessage":
        line = super().__new__(cls, template.format(**{k: str(v) for k, v in args.items()}))
        line.template = template
        line.args = dict(args)
        return line

    def __reduce__(self) -> tuple:
        # keep the template across pickling (reports may travel between processes)
        return _rebuild, (self.template, self.args)


def _rebuild(template: str, args: dict[str, Any]) -> ExportMessage:
    return ExportMessage(template, **args)


__all__ = ["ExportMessage"]
