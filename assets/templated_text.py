"""A line of English that the editor can translate.

A ``TemplatedText`` *is* the English line (a ``str``: the CLI prints it, JSON writes it, tests
compare it unchanged) and keeps beside it the ``template`` with ``{name}`` placeholders and the
``args`` that fill it, for app/window/message_catalogue.py to show in the UI's language. An
argument may itself be a TemplatedText (a phrase inside a line), translated in its turn.
Used for reasons in scan reports (unit and up-axis guesses) and, as ExportMessage, for the
exporter's warnings and summary lines.
"""
from __future__ import annotations

from typing import Any


class TemplatedText(str):
    """An English line with its template and arguments (``template.format(**args) == self``)."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, **args: Any) -> "TemplatedText":
        line = super().__new__(cls, template.format(**{k: str(v) for k, v in args.items()}))
        line.template = template
        line.args = dict(args)
        return line

    def __reduce__(self) -> tuple:
        # keep the template across pickling (reports travel between processes in batch imports)
        return _rebuild, (type(self), self.template, self.args)


def _rebuild(cls: type, template: str, args: dict[str, Any]) -> TemplatedText:
    return cls(template, **args)


__all__ = ["TemplatedText"]
