"""Reading and writing ``exhibit.json``: schema validation, migration, (de)serialisation."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from vitrine.scenes.exhibit_model import SCHEMA_VERSION, Exhibit
from vitrine.scenes.storage.migrations import migrate
from vitrine.scenes.storage.serialization import from_dict, to_dict

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SchemaIssue:
    """One schema violation: a JSON path such as ``$.annotations[2].title`` and the problem."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DocumentError(ValueError):
    """The document cannot be read; ``issues`` lists schema violations, if any."""

    def __init__(self, message: str, issues: list[SchemaIssue] | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []


@lru_cache(maxsize=1)
def exhibit_schema() -> dict[str, Any]:
    """The published JSON Schema (``scenes/schema/exhibit.schema.json``)."""
    text = resources.files("vitrine.scenes").joinpath("schema/exhibit.schema.json").read_text("utf-8")
    return json.loads(text)


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local ``$ref`` replaced by its definition (the schema has no
    recursion); validation then skips reference resolution, several times faster."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline_refs(defs[ref[len("#/$defs/"):]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = exhibit_schema()
    return jsonschema.Draft202012Validator(_inline_refs(schema, schema["$defs"]))


def schema_issues(data: Any) -> list[SchemaIssue]:
    """Every schema violation in ``data``, sorted by path."""
    issues = [SchemaIssue(e.json_path, _short(e)) for e in _validator().iter_errors(data)]
    return sorted(issues, key=lambda i: i.path)


def _short(error: jsonschema.ValidationError) -> str:
    message = error.message
    return message if len(message) <= 200 else message[:197] + "..."


def _reject_constants(token: str) -> float:
    raise DocumentError(f"{token} is not a valid number in exhibit.json")


def parse_exhibit(text: str | bytes) -> tuple[Exhibit, list[int]]:
    """Parse, migrate and validate exhibit JSON; returns the exhibit and migrations applied."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"the document is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB")
    try:
        data = json.loads(text, parse_constant=_reject_constants)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DocumentError(f"not valid JSON ({exc})") from None
    except RecursionError:
        raise DocumentError("not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise DocumentError("not an exhibit document (the top level is not a JSON object)")
    data, passed = migrate(data)
    issues = schema_issues(data)
    if issues:
        first = issues[0]
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        raise DocumentError(f"does not match the exhibit schema: {first}{more}", issues)
    return from_dict(Exhibit, data), passed


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_lone_surrogates(json_text: str) -> str:
    """Write unpaired surrogates (valid in JSON, e.g. from a pasted or imported "\\ud800", but not
    encodable as UTF-8) as JSON ``\\uXXXX`` escapes, so a save never fails and reopening gives back
    exactly the same string. Only valid inside JSON string literals, where json.dumps puts them."""
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def exhibit_to_json(exhibit: Exhibit, *, validate: bool = False) -> str:
    """Serialise to the JSON text saved on disk (UTF-8, stable key order, trailing newline).

    With ``validate``, a document that opening would refuse raises DocumentError instead,
    so a save never writes a file that cannot be opened again."""
    data = to_dict(exhibit)
    data["schema_version"] = SCHEMA_VERSION
    if validate:
        issues = schema_issues(data)
        if issues:
            more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
            raise DocumentError(f"the exhibit does not match its schema: {issues[0]}{more}", issues)
    return escape_lone_surrogates(json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)) + "\n"
