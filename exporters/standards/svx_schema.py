"""Voyager's JSON Schemas for SVX, read from the standards folder beside the clone.

The schemas are Smithsonian's (Apache 2.0) and are not copied into Vitrine: they are read from
``../shared/standards/voyager-svx/`` beside the repository (or ``VITRINE_STANDARDS_DIR``) and
registered by their ``$id`` so that the ``$ref``s between them resolve offline.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional

import jsonschema
from referencing import Registry, Resource

REPO = Path(__file__).resolve().parents[2]
SCHEMA_NAMES = ("document", "meta", "model", "setup", "common")


def standards_dir() -> Path:
    """Where the standards material lives (``VITRINE_STANDARDS_DIR`` or ../shared/standards)."""
    env = os.environ.get("VITRINE_STANDARDS_DIR")
    return Path(env) if env else (REPO / ".." / "shared" / "standards").resolve()


def svx_validator(folder: Optional[Path] = None) -> Optional[jsonschema.protocols.Validator]:
    """A Draft 7 validator for SVX documents, or None when the schemas are not there."""
    folder = folder or standards_dir() / "voyager-svx"
    if not (folder / "document.schema.json").is_file():
        return None
    schemas = {name: json.loads((folder / f"{name}.schema.json").read_text("utf-8")) for name in SCHEMA_NAMES}
    registry: Registry = Registry()
    for schema in schemas.values():
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    return jsonschema.Draft7Validator(schemas["document"], registry=registry,
                                      format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def first_error(validator: jsonschema.protocols.Validator, doc: Any) -> Optional[str]:
    """One line for the first schema error in ``doc`` ("$.models[0].units: 'x' is not one of …"),
    None when it is valid."""
    errors = sorted(validator.iter_errors(doc), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return None
    e = errors[0]
    where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
    return f"{where}: {e.message[:160]}"
