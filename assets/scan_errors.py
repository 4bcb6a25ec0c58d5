"""Errors raised for bad scan input; ``str(err)`` is always one line naming the file."""
from __future__ import annotations

import json
import struct
from pathlib import Path


class ScanError(Exception):
    """A scan file that cannot be read. ``str()`` is one line: ``<file>: <cause>``."""

    def __init__(self, path: str | Path | None, cause: str, *, template: str = "",
                 args: dict[str, str] | None = None) -> None:
        name = Path(path).name if path is not None else "<scan>"
        # ``template`` is ``cause`` with {name} placeholders, ``template_args`` their values: the
        # editor translates the template (app/window/message_catalogue.py); "" when there is none.
        # (Not ``self.args``: Exception's own args must stay the message.)
        self.template = template
        self.template_args = dict(args or {})
        # Collapse newlines: the CLI prints str(err) as a single line.
        cause = " ".join(str(cause).split())
        super().__init__(f"{name}: {cause}")
        self.path = Path(path) if path is not None else None
        self.cause = cause


def scan_error(path: str | Path | None, template: str, cls: type = ScanError, **args: object) -> ScanError:
    """A ScanError (or ``cls``) whose cause is ``template`` filled with ``args`` (kept for translation)."""
    values = {k: str(v) for k, v in args.items()}
    return cls(path, template.format(**values), template=template, args=values)


class ScanTooLarge(ScanError):
    """The header claims more elements than allowed; the caller may offer a simplified import."""

    def __init__(self, path: str | Path | None, cause: str, *, claimed_faces: int,
                 max_faces: int, template: str = "", args: dict[str, str] | None = None) -> None:
        super().__init__(path, cause, template=template, args=args)
        self.claimed_faces = int(claimed_faces)
        self.max_faces = int(max_faces)


class UnsupportedFormat(ScanError):
    """The file is of a type (or uses an extension) this app does not read."""


def reason_of(exc: BaseException) -> str:
    """Why a parser failed, in words for a curator, without Python's exception class names
    ("KeyError: 'buffer'" reads as "the required entry 'buffer' is missing"); one line, at most
    160 characters."""
    msg = " ".join(str(exc).split())
    if isinstance(exc, json.JSONDecodeError):
        text = f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
    elif isinstance(exc, UnicodeDecodeError):
        text = "the text is not UTF-8"
    elif isinstance(exc, KeyError):
        text = f"the required entry {exc.args[0]!r} is missing" if exc.args else "a required entry is missing"
    elif isinstance(exc, IndexError):
        text = "an index is out of range" + (f" ({msg})" if msg and "out of range" not in msg else "")
    elif isinstance(exc, OverflowError):
        text = "a number is too large"
    elif isinstance(exc, ZeroDivisionError):
        text = "a size or count is zero where it cannot be"
    elif isinstance(exc, struct.error):
        text = "a binary record is cut short"
    elif isinstance(exc, TypeError):
        text = f"a value has the wrong type ({msg})" if msg else "a value has the wrong type"
    else:
        text = msg or "no details"
    return text[:160]
