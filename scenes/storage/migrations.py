"""Migrations between versions of ``exhibit.json``.

Each migration takes the raw JSON data of version N and returns version N + 1.
A document of a newer version than this Vitrine knows is refused, untouched.
"""
from __future__ import annotations

from typing import Any, Callable

from vitrine.scenes.exhibit_model import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]



def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 gave artifacts a ``publication`` policy; a version-1 artifact follows its
    model's rights statement (both fields None), which is what version 1 exports did not
    have: they published every level. Copies the artifacts so the input stays untouched."""
    artifacts = data.get("artifacts")
    if isinstance(artifacts, list):
        data["artifacts"] = [dict(a, publication={"max_level": None, "allow_download": None})
                             if isinstance(a, dict) and "publication" not in a else a for a in artifacts]
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 added a room (absent: none), artifact ``mount`` (absent: not placed by the
    layout) and ``start_view_manual``: a version-2 start view was chosen by someone (a curator
    or code), so it is kept as set by hand; without one, placement may frame a new one."""
    data.setdefault("start_view_manual", data.get("start_viewpoint_id") is not None)
    return data


# from-version -> function producing from-version + 1.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3}


class NewerVersionError(ValueError):
    """The document was written by a newer Vitrine."""


class MigrationError(ValueError):
    """No migration path exists from the document's version."""


def document_version(data: dict[str, Any]) -> int:
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise MigrationError(f"schema_version must be a non-negative integer, found {version!r}")
    return version


def migrate(data: dict[str, Any], *, current: int = SCHEMA_VERSION,
            migrations: dict[int, Migration] | None = None) -> tuple[dict[str, Any], list[int]]:
    """Bring raw document data up to ``current``; returns the data and the versions passed through."""
    table = MIGRATIONS if migrations is None else migrations
    version = document_version(data)
    if version > current:
        raise NewerVersionError(
            f"written by a newer Vitrine (format version {version}; this version reads up to {current})")
    passed: list[int] = []
    while version < current:
        step = table.get(version)
        if step is None:
            raise MigrationError(f"no migration from format version {version}")
        data = step(dict(data))
        passed.append(version)
        version += 1
        data["schema_version"] = version
    return data, passed
