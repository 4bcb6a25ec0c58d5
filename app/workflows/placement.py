"""Placing artifacts in the exhibit: free floor space, a plinth sized to each object, facing
the start view, and the start view reframed to show everything (unless set by hand).

No Qt. The geometry is in :mod:`vitrine.scenes.layout`; this module reads the document and
builds commands. Commands are run as they are built (``CompositeCommand.add_and_run``) so each
sees the ones before it; pushing the returned macro then adds it to the history as ONE step.
"""
from __future__ import annotations

import math
from typing import Any, Optional, Sequence

import numpy as np

from vitrine.scenes.editing.commands import Command, CompositeCommand, SetProperty
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Artifact, Plinth, Room, Transform, Viewpoint
from vitrine.scenes.editing.furniture_commands import AddPlinth, AddViewpoint, UpdateViewpoint
from vitrine.scenes.layout.footprints import CLEARANCE, Rect, box_footprint, find_free_spot, world_box
from vitrine.scenes.layout.framing import DEFAULT_DIRECTION, frame_boxes
from vitrine.scenes.layout.mounting import plinth_size, stands_on_floor
from vitrine.scenes.layout.quaternions import yaw_quaternion

Box = tuple[np.ndarray, np.ndarray]
WALL_KEEP_OUT = 0.3  # metres of floor kept free along the walls (visitors walk there)
START_VIEW_NAME = {"en": "Start view", "zh-Hans": "起始视图"}
SUPPORT_TOLERANCE = 0.01  # an object within 1 cm of a plinth top stands on it


def artifact_dimensions(doc: ExhibitDocument, artifact: Artifact) -> tuple[float, float, float]:
    """The prepared model's (x, y, z) extents in metres; a 0.3 m cube when unknown."""
    asset = doc.asset(artifact.asset_id)
    dims = tuple(float(v) for v in asset.dimensions) if asset is not None else (0.0, 0.0, 0.0)
    return dims if min(dims) > 0 else (0.3, 0.3, 0.3)  # type: ignore[return-value]


def artifact_box(doc: ExhibitDocument, artifact: Artifact, transform: Optional[Transform] = None) -> Box:
    """(min, max) world box in metres of an artifact (with ``transform`` instead of its own)."""
    t = transform or artifact.transform
    return world_box(artifact_dimensions(doc, artifact), t.translation, t.rotation, t.scale)


def plinth_box(plinth: Plinth) -> Box:
    """(min, max) world box in metres of a plinth (size about the centre of its base)."""
    t = plinth.transform
    w, h, d = plinth.size
    return world_box((w, h, d), t.translation, t.rotation, t.scale)


def plinth_under(doc: ExhibitDocument, artifact: Artifact) -> Optional[Plinth]:
    """The plinth the artifact stands on: its top within 1 cm of the artifact's base and the
    artifact's centre above its footprint."""
    x, y, z = artifact.transform.translation
    for plinth in doc.exhibit.plinths:
        lo, hi = plinth_box(plinth)
        if abs(hi[1] - y) <= SUPPORT_TOLERANCE and lo[0] <= x <= hi[0] and lo[2] <= z <= hi[2]:
            return plinth
    return None


def occupied_footprints(doc: ExhibitDocument, exclude: Sequence[str] = ()) -> list[Rect]:
    """Floor rectangles taken by artifacts and plinths (ids in ``exclude`` left out)."""
    skip = set(exclude)
    rects = [box_footprint(*artifact_box(doc, a)) for a in doc.exhibit.artifacts if a.id not in skip]
    rects += [box_footprint(*plinth_box(p)) for p in doc.exhibit.plinths if p.id not in skip]
    return rects


def room_bounds(room: Optional[Room]) -> Optional[Rect]:
    """The floor area artifacts may stand on: the room less a walkway along the walls."""
    if room is None:
        return None
    return Rect(0.0, 0.0, max(0.1, room.width - 2 * WALL_KEEP_OUT), max(0.1, room.depth - 2 * WALL_KEEP_OUT))


def start_view_direction(doc: ExhibitDocument) -> np.ndarray:
    """Unit vector from the start view's target to its eye (default: from +z, a little above)."""
    vp = doc.find(doc.exhibit.start_viewpoint_id) if doc.exhibit.start_viewpoint_id else None
    if isinstance(vp, Viewpoint):
        d = np.asarray(vp.eye, dtype=float) - np.asarray(vp.target, dtype=float)
        if np.linalg.norm(d) > 1e-6:
            return d / np.linalg.norm(d)
    return np.asarray(DEFAULT_DIRECTION, dtype=float)


def facing_yaw(doc: ExhibitDocument) -> float:
    """Heading (rad about +Y) that turns a model's front (+z) towards the start view."""
    d = start_view_direction(doc)
    return math.atan2(float(d[0]), float(d[2])) if abs(d[0]) + abs(d[2]) > 1e-6 else 0.0


def exhibit_boxes(doc: ExhibitDocument) -> list[Box]:
    return [artifact_box(doc, a) for a in doc.exhibit.artifacts if a.visible] + \
        [plinth_box(p) for p in doc.exhibit.plinths]


def viewpoint_from_camera(camera: dict[str, Any], name: dict[str, str]) -> Viewpoint:
    """A new viewpoint named ``name`` ({language: text}) where the viewport's camera stands:
    ``camera`` as the viewport's camera_state() ({eye, target, up: 3 floats in metres, fov:
    radians}; keys it lacks keep the viewpoint's defaults)."""
    vp = Viewpoint(name=name)
    for key in ("eye", "target", "up"):
        if key in camera:
            setattr(vp, key, tuple(float(c) for c in camera[key]))
    if "fov" in camera:
        vp.fov = float(camera["fov"])
    return vp


def reframe_start_view(doc: ExhibitDocument, macro: CompositeCommand) -> None:
    """Frame every artifact in the start view (run into ``macro``), unless the curator set
    the start view by hand; creates the start viewpoint when there is none."""
    if doc.exhibit.start_view_manual:
        return
    direction = start_view_direction(doc)
    vp = doc.find(doc.exhibit.start_viewpoint_id) if doc.exhibit.start_viewpoint_id else None
    fov = vp.fov if isinstance(vp, Viewpoint) else Viewpoint().fov
    eye, target = frame_boxes(exhibit_boxes(doc), fov=fov, direction=direction)
    if isinstance(vp, Viewpoint):
        macro.add_and_run(doc, UpdateViewpoint(doc, vp.id, eye, target, (0.0, 1.0, 0.0), fov))
        return
    names = {lang: START_VIEW_NAME.get(lang, START_VIEW_NAME["en"]) for lang in doc.exhibit.languages}
    new_vp = Viewpoint(name=names, eye=eye, target=target, fov=fov)
    macro.add_and_run(doc, AddViewpoint(doc, new_vp))
    macro.add_and_run(doc, SetProperty(doc, doc.exhibit.id, ("start_viewpoint_id",), new_vp.id))


def _preferred_spot(doc: ExhibitDocument, occupied: list[Rect], width: float, new_id: str) -> tuple[float, float]:
    """Beside those already placed: right of the rightmost, in the row of the latest one."""
    if not occupied:
        return (0.0, 0.0)
    others = [a for a in doc.exhibit.artifacts if a.id != new_id and a.mount != "wall"]
    latest = others[-1] if others else None
    row_z = float(latest.transform.translation[2]) if latest is not None else 0.0
    return (max(r.x1 for r in occupied) + CLEARANCE + width / 2, row_z)


def place_artifact(doc: ExhibitDocument, macro: CompositeCommand, artifact_id: str,
                   drop_point: Optional[tuple[float, float]] = None) -> None:
    """Stand a (new) artifact in free floor space, on its own plinth or on the floor, facing
    the start view, then reframe the start view; every change is run into ``macro``.
    ``drop_point`` (x, z) m: where the curator dropped it (moved to the nearest free space)."""
    artifact: Artifact = doc.get(artifact_id)
    yaw = facing_yaw(doc)
    rotation = yaw_quaternion(yaw)
    scale = artifact.transform.scale
    dims = artifact_dimensions(doc, artifact)
    scaled = tuple(abs(float(dims[i]) * float(scale[i])) for i in range(3))
    on_floor = stands_on_floor(scaled)
    if on_floor:
        base = None
        lo, hi = world_box(dims, (0.0, 0.0, 0.0), rotation, scale)
    else:
        base = plinth_size((scaled[0], scaled[2]), scaled[1])
        lo, hi = world_box(base, (0.0, 0.0, 0.0), rotation, (1.0, 1.0, 1.0))
    footprint = box_footprint(lo, hi)
    occupied = occupied_footprints(doc, exclude=[artifact_id])
    bounds = room_bounds(doc.exhibit.environment.room)
    preferred = drop_point if drop_point is not None else _preferred_spot(doc, occupied, footprint.width, artifact_id)
    spot = find_free_spot((footprint.width, footprint.depth), occupied, preferred, bounds=bounds)
    if spot is None and bounds is not None:  # the room is full: place outside rather than overlap
        spot = find_free_spot((footprint.width, footprint.depth), occupied, preferred)
    assert spot is not None  # without bounds some spot is always free
    x = spot[0] - footprint.cx
    z = spot[1] - footprint.cz
    y = 0.0
    if base is not None:
        plinth = Plinth(name=f"{artifact.name} plinth".strip(), size=base,
                        transform=Transform((x, 0.0, z), rotation, (1.0, 1.0, 1.0)))
        macro.add_and_run(doc, AddPlinth(doc, plinth))
        y = base[1]
    transform = Transform((x, y, z), rotation, tuple(scale))
    macro.add_and_run(doc, SetProperty(doc, artifact_id, ("transform",), transform))
    macro.add_and_run(doc, SetProperty(doc, artifact_id, ("mount",), "floor" if on_floor else "plinth"))
    reframe_start_view(doc, macro)


def placed_import_command(doc: ExhibitDocument, import_command: Command, artifact_id: str,
                          drop_point: Optional[tuple[float, float]] = None) -> CompositeCommand:
    """The import (asset + artifact) and its placement as one undo step. The changes are made
    now; push the result onto the history (which then records it without running it twice)."""
    macro = CompositeCommand(getattr(import_command, "label", "Import Scan"))
    macro.add_and_run(doc, import_command)
    place_artifact(doc, macro, artifact_id, drop_point)
    return macro


def layout_summary(doc: ExhibitDocument) -> list[dict[str, Any]]:
    """Per artifact: id, mount and floor footprint (for reports and tests)."""
    return [{"id": a.id, "mount": a.mount, "footprint": box_footprint(*artifact_box(doc, a))}
            for a in doc.exhibit.artifacts]
