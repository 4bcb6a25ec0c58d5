"""The published contract of the viewer document: ``exporters/viewer/viewer-document.schema.json``.

The exporter validates every exhibit.json it writes against this schema (``check_document``),
and the test suite validates every bundle it exports with the same function, so a document
the viewer does not describe never leaves the exporter. The schema's ``schema_version`` const
is the viewer document's version (the viewer refuses another one with a clear notice).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from vitrine.exporters.errors import ExportError

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "viewer" / "viewer-document.schema.json"
_SCHEMA: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VIEWER_DOCUMENT_VERSION: int = int(_SCHEMA["properties"]["schema_version"]["const"])


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(_SCHEMA)
    cls.check_schema(_SCHEMA)
    return cls(_SCHEMA)


def document_errors(doc: Any) -> list[str]:
    """Every way ``doc`` breaks the schema, one line each (``$.json.path: reason``), in path order."""
    errors = sorted((_deepest(e) for e in _validator().iter_errors(doc)),
                    key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{e.json_path}: {_one_line(e.message)}" for e in errors]  # $.artifacts[0].models[1].level


def _deepest(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For an ``anyOf`` (value or null), the alternative's own error deepest in the document, so
    the message names the field that is wrong rather than the object around it."""
    while error.context:
        error = max(error.context, key=lambda e: len(e.absolute_path))
    return error


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())  # the offending value may hold curator text with line breaks
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_document(doc: Any, where: str = "exhibit.json") -> None:
    """Raise :class:`ExportError` naming ``where`` and the first failing JSON path when ``doc``
    does not match the viewer document schema (all failures in ``details``)."""
    errors = document_errors(doc)
    if errors:
        raise ExportError(f"{where}: the viewer document breaks its schema at {errors[0]}", errors)
