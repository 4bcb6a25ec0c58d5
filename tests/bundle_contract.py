"""Every bundle the test suite exports is checked against the viewer document schema.

``validate_bundle`` reads what an export wrote (exhibit.json and its script copy
data/exhibit.js) and validates it against exporters/viewer/viewer-document.schema.json.
``tests/conftest.py`` installs ``checking_exports`` for the whole session, so every
``export_bundle`` call in any test (exporter, CLI, editor) is checked before the bundle is put
in place, and so is its Voyager scene (scene.svx.json against Voyager's JSON Schemas): a test that exports something the viewer's contract does not describe fails.
"""
from __future__ import annotations

from vitrine.exporters.document.viewer_document import exhibit_script

import contextlib
import json
from pathlib import Path
from typing import Any, Iterator

import jsonschema

from vitrine.exporters.document.viewer_contract import SCHEMA_FILE

checked: list[Path] = []  # bundle folders validated in this session (newest last)


class BundleContractError(AssertionError):
    """An exported bundle breaks the viewer document contract."""


def validate_bundle(folder: Path) -> dict[str, Any]:
    """The bundle's exhibit.json as an object, after checking it against the published schema and
    that data/exhibit.js carries exactly the same document. Raises BundleContractError."""
    text = (folder / "exhibit.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(map(str, e.path)))
    if errors:
        e = errors[0]
        raise BundleContractError(f"{folder}/exhibit.json breaks the viewer schema at "
                                  f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    script = (folder / "data" / "exhibit.js").read_text(encoding="utf-8")
    if script != exhibit_script(text):
        raise BundleContractError(f"{folder}/data/exhibit.js is not exactly exhibit.json as a script")
    validate_svx(folder)
    checked.append(folder)
    return doc


def validate_svx(folder: Path) -> dict[str, Any]:
    """The bundle's scene.svx.json, after checking it against Voyager's JSON Schemas (read from
    ../shared/standards/voyager-svx). Raises BundleContractError; when the schemas are not beside
    the clone, the document must still be JSON naming the SVX media type."""
    from vitrine.exporters.standards.svx_schema import first_error, svx_validator
    path = folder / "scene.svx.json"
    if not path.is_file():
        raise BundleContractError(f"{folder}: no scene.svx.json")
    svx = json.loads(path.read_text(encoding="utf-8"))
    validator = svx_validator()
    if validator is not None:
        error = first_error(validator, svx)
        if error:
            raise BundleContractError(f"{path} breaks Voyager's schema at {error}")
    elif svx.get("asset", {}).get("type") != "application/si-dpo-3d.document+json":
        raise BundleContractError(f"{path} is not an SVX document")
    return svx


@contextlib.contextmanager
def checking_exports() -> Iterator[None]:
    """While active, every export is validated just before it is put in place (the writer's
    ``_swap_into_place`` is the one step every export passes through)."""
    from vitrine.exporters.bundle import bundle_writer
    original = bundle_writer._swap_into_place

    def checked_swap(tmp: Path, out_dir: Path) -> None:
        validate_bundle(tmp)
        original(tmp, out_dir)

    bundle_writer._swap_into_place = checked_swap
    try:
        yield
    finally:
        bundle_writer._swap_into_place = original
