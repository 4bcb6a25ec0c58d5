"""Importing a scan into a project: the original kept byte-identical, prepared levels of
detail stored by content hash, every processing step recorded with hashes in and out.

No Qt: the editor runs :func:`import_scan` on a worker thread and pushes the returned
command on the GUI thread; the CLI pushes and saves it directly.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from vitrine.assets.progress import CancelToken, ProgressFn, report, sub_progress
from vitrine.assets.templated_text import TemplatedText
from vitrine.scenes.editing.artifact_commands import import_scan_command
from vitrine.scenes.editing.commands import CompositeCommand
from vitrine.scenes.exhibit_model import Artifact, Asset, AssetLevel, ProcessingStep
from vitrine.scenes.storage.project_store import Project
from vitrine.scenes.version import tool_name

UNIT_CHOICES = ("auto", "mm", "cm", "m", "in")
UP_CHOICES = ("auto", "x", "y", "z")


@dataclass
class ImportResult:
    """What an import produced; push ``command`` to add the artifact (one undo step)."""

    command: CompositeCommand
    artifact_id: str
    asset_id: str
    report: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def _tool() -> str:
    return tool_name()


def memory_face_limit(bytes_per_face: int = 400, reserve: float = 0.5) -> int:
    """The most faces a simplified import may load: half the memory available now, at a
    generous estimate of the bytes a loaded, prepared and simplified face costs."""
    available = 8 * 2**30
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    available = int(line.split()[1]) * 1024
                    break
    except OSError:
        pass
    return max(1_000_000, int(available * reserve / bytes_per_face))


@dataclass
class PreparedLevel:
    """One level of detail as stored: a GLB (metres, +Y up) and what it holds."""

    name: str
    glb: bytes
    sha256: str
    faces: int
    points: int
    texture_size: Optional[int]


@dataclass
class PreparedScan:
    """A scan prepared but not yet stored anywhere: what a project or a collection keeps.

    ``processing`` records every step with the SHA-256 of its input and output; ``inspection``
    is JSON-safe; ``dimensions`` are the prepared extents in metres (x, y, z)."""

    source_name: str
    format: str
    kind: str  # "mesh" or "points"
    original_sha256: str
    units: str
    up_axis: str
    dimensions: tuple[float, float, float]
    inspection: dict[str, Any]
    levels: list[PreparedLevel]
    processing: list[ProcessingStep]
    warnings: list[str] = field(default_factory=list)


def import_scan(project: Project, scan_path: Path | str, *, name: Optional[str] = None,
                units: str = "auto", up: str = "auto", progress: Optional[ProgressFn] = None,
                cancel: Optional[CancelToken] = None, max_faces: Optional[int] = None,
                simplified: bool = False) -> ImportResult:
    """Load, inspect, prepare (metres, Y up, standing at the origin), repair and build levels
    of detail for a scan, storing everything in ``project``; returns the command to add it.

    Scans over ``max_faces`` (20 million by default) raise ``ScanTooLarge`` before they are
    read; ``simplified=True`` is the curator's answer to that: the scan is read if memory
    allows, simplified at once to the 'high' budget, and only simplified levels are kept
    for display (the original file is still stored byte-identical).
    Raises ``vitrine.assets.scan_errors.ScanError`` for bad input and ``Cancelled`` when cancelled.
    The document is not changed until the caller pushes ``result.command``.
    """
    prepared = prepare_scan(scan_path, units=units, up=up, progress=progress, cancel=cancel,
                            max_faces=max_faces, simplified=simplified)
    report(progress, 0.95, "Storing the scan", cancel)
    result = store_prepared(project, prepared, Path(scan_path), name=name)
    report(progress, 1.0, "Imported", cancel)
    return result


def store_prepared(project: Project, prepared: PreparedScan, original: Path, *,
                   name: Optional[str] = None) -> ImportResult:
    """Store ``prepared`` (its original file ``original`` byte-identical, its levels by content
    hash) in ``project``; returns the command that adds an artifact showing it."""
    try:
        original_sha, original_rel = project.store_asset_file(original, expected_sha256=prepared.original_sha256)
    except ValueError:
        raise ValueError(f"{original}: changed while it was being prepared") from None
    stored = []
    for level in prepared.levels:
        sha, rel = project.store_asset_bytes(level.glb, "glb")
        stored.append(AssetLevel(level.name, rel, sha, level.faces, level.points, level.texture_size))
    warnings = list(prepared.warnings)
    asset = Asset(id=original_sha, original_name=prepared.source_name, file=original_rel, format=prepared.format,
                  kind=prepared.kind, units=prepared.units, up_axis=prepared.up_axis,
                  dimensions=prepared.dimensions, levels=stored, inspection=prepared.inspection,
                  processing=list(prepared.processing))
    existing = project.document.asset(original_sha)
    if existing is not None:
        asset = existing
        warnings.append(TemplatedText("{file}: this scan is already in the project; a new artifact reuses it",
                                      file=prepared.source_name))
    artifact = Artifact(name=name or _display_name(Path(prepared.source_name)), asset_id=asset.id)
    command = import_scan_command(project.document, asset, artifact)
    return ImportResult(command, artifact.id, asset.id, prepared.inspection, warnings)


def prepare_scan(scan_path: Path | str, *, units: str = "auto", up: str = "auto",
                 progress: Optional[ProgressFn] = None, cancel: Optional[CancelToken] = None,
                 max_faces: Optional[int] = None, simplified: bool = False) -> PreparedScan:
    """Load, inspect, prepare, repair and build the levels of detail of one scan, keeping the
    results in memory (see :func:`import_scan` for the options). Needs no project: batch
    preparation runs it on any worker. The level files are byte-identical for the same input."""
    from vitrine.app.workflows.heap_reuse import heap_reuse

    with heap_reuse():
        return _prepare_scan(scan_path, units=units, up=up, progress=progress, cancel=cancel,
                             max_faces=max_faces, simplified=simplified)


def _prepare_scan(scan_path: Path | str, *, units: str, up: str, progress: Optional[ProgressFn],
                  cancel: Optional[CancelToken], max_faces: Optional[int], simplified: bool) -> PreparedScan:
    from vitrine.assets.formats.glb_io import glb_bytes
    from vitrine.assets.inspection import inspect_scan_and_adjacency
    from vitrine.assets.levels.level_of_detail import LOD_BUDGETS, build_levels
    from vitrine.assets.geometry.mesh_repair import repair_mesh
    from vitrine.assets.preparation import prepare_mesh
    from vitrine.assets.scan_loading import load_scan
    from vitrine.scenes.storage.project_store import sha256_file

    if units not in UNIT_CHOICES:
        raise ValueError(f"units must be one of {', '.join(UNIT_CHOICES)}")
    if up not in UP_CHOICES:
        raise ValueError(f"up must be one of {', '.join(UP_CHOICES)}")
    scan_path = Path(scan_path)
    report(progress, 0.0, f"Reading {scan_path.name}", cancel)
    load_kwargs: dict[str, Any] = {"progress": sub_progress(progress, 0.0, 0.3), "cancel": cancel}
    if simplified:
        load_kwargs["max_faces"] = max(max_faces or 0, memory_face_limit())
    elif max_faces is not None:
        load_kwargs["max_faces"] = max_faces
    scan = load_scan(scan_path, **load_kwargs)
    # The edge sort is done once: inspection's adjacency is handed to the winding repair.
    inspection, adjacency = inspect_scan_and_adjacency(scan)
    warnings: list[str] = []
    chosen_units = inspection["units_guess"] if units == "auto" else units
    if chosen_units == "unknown":
        chosen_units = "m"
        # a TemplatedText: the CLI prints the English, the editor's status line translates it
        warnings.append(TemplatedText("{file}: units could not be guessed ({reason}); "
                                      "metres assumed — correct them in the Inspector or with --units",
                                      file=scan_path.name, reason=inspection.get("units_reason", "")))
    chosen_up = inspection.get("up_axis_guess", "y") if up == "auto" else up

    report(progress, 0.3, "Hashing the original", cancel)
    original_sha = sha256_file(scan_path)
    steps: list[ProcessingStep] = [ProcessingStep(
        "import", {"file": scan_path.name, "format": scan.format}, original_sha, original_sha, _tool(), _now())]

    # The scan is not used after this: prepare and repair it in place (no copies at scan scale).
    geometry = prepare_mesh(scan.geometry, units=chosen_units, up_axis=chosen_up, copy=False)
    prepare_params = {"units": chosen_units, "up_axis": chosen_up, "recentre": "base on floor"}
    if scan.mesh is not None:
        geometry, repair_report = repair_mesh(geometry, copy=False, topology=inspection.get("topology"),
                                              adjacency=adjacency)
        prepare_params["repair"] = repair_report
    del adjacency  # (3m,) sorted half-edges: not needed by the levels
    simplified_from = 0
    if simplified and scan.mesh is not None and len(geometry.faces) > LOD_BUDGETS["high"]:
        from vitrine.assets.levels.level_of_detail import simplify_mesh
        report(progress, 0.35, "Simplifying the scan", cancel)
        simplified_from = len(geometry.faces)
        geometry = simplify_mesh(geometry, LOD_BUDGETS["high"], progress=sub_progress(progress, 0.35, 0.5),
                                 cancel=cancel)
        warnings.append(TemplatedText("{file}: {before} faces simplified to {after} on import; the original file "
                                      "is kept unchanged in the project", file=scan_path.name,
                                      before=f"{simplified_from:,}", after=f"{len(geometry.faces):,}"))
    report(progress, 0.5, "Building levels of detail", cancel)
    levels = build_levels(geometry, progress=sub_progress(progress, 0.5, 0.9), cancel=cancel)
    if simplified_from:
        levels[0].name = "high"  # the full-detail level was not kept

    prepared: list[PreparedLevel] = []
    previous_sha = original_sha
    for level in levels:
        report(progress, 0.9, f"Writing level '{level.name}'", cancel)
        # a multi-atlas level: one image per atlas, sharing the level's texel budget
        glb = glb_bytes(level.geometry, texture=_level_texture(level.geometry, level.texture_size),
                        atlas_side=level.texture_size)
        sha = hashlib.sha256(glb).hexdigest()
        prepared.append(PreparedLevel(level.name, glb, sha, level.faces, level.points, level.texture_size))
        if level is levels[0]:
            if simplified_from:
                prepare_params["simplified_from_faces"] = simplified_from
                prepare_params["simplified_to_faces"] = level.faces
            steps.append(ProcessingStep("prepare", prepare_params, original_sha, sha, _tool(), _now()))
        else:
            # each level is simplified from the previous, finer one
            steps.append(ProcessingStep(
                "simplify" if scan.mesh is not None else "subsample",
                {"target": level.faces or level.points, "texture_size": level.texture_size},
                previous_sha, sha, _tool(), _now()))
        previous_sha = sha

    extent = _extent(geometry)
    return PreparedScan(source_name=scan_path.name, format=scan.format,
                        kind="mesh" if scan.mesh is not None else "points", original_sha256=original_sha,
                        units=chosen_units, up_axis=chosen_up, dimensions=extent,
                        inspection=_json_safe(inspection), levels=prepared, processing=steps, warnings=warnings)


def _extent(geometry: Any) -> tuple[float, float, float]:
    """Bounding-box size (x, y, z) in metres of the faces' vertices (all points of a cloud).

    Computed per column from the vertex array: trimesh's cached ``extents`` first hashes the
    whole (just repaired) mesh to check its cache, ~0.6 s at 4.3M faces."""
    import numpy as np

    verts = np.asarray(getattr(geometry, "vertices", np.zeros((0, 3))), np.float64)
    faces = getattr(geometry, "faces", None)
    if faces is not None and len(verts):
        used = np.zeros(len(verts), bool)
        used[np.asarray(faces).ravel()] = True
        if not used.all():
            verts = verts[used]
    if len(verts) == 0:
        return (0.0, 0.0, 0.0)
    return tuple(float(verts[:, i].max() - verts[:, i].min()) for i in range(3))  # type: ignore[return-value]


def _level_texture(geometry: Any, max_side: Optional[int]) -> Any:
    """The geometry's base-colour image resized to ``max_side`` pixels, or None to keep it."""
    from vitrine.assets.texturing.textures import resize_texture
    material = getattr(getattr(geometry, "visual", None), "material", None)
    image = getattr(material, "baseColorTexture", None) or getattr(material, "image", None)
    if image is None or max_side is None or getattr(geometry.visual, "uv", None) is None:
        return None
    if max(image.size) <= max_side:
        return None
    return resize_texture(image, max_side)


def _display_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Scan"


def _json_safe(value: Any) -> Any:
    """Inspection reports are stored in exhibit.json: plain numbers, strings, lists, dicts."""
    import math
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item"):
        return _json_safe(value.item())
    return value
