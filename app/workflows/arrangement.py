"""Arranging a selection of artifacts: row, arc, grid, along a wall; align, distribute; snap
to the plinth or floor below and to the nearest wall. No Qt.

An artifact moves with the plinth it stands on (a "unit"); each arrangement is ONE undo step
(a CompositeCommand). Geometry: :mod:`vitrine.scenes.layout.arrangements`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import numpy as np

from vitrine.scenes.editing.commands import CompositeCommand, SetProperty
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import WALLS, Artifact, Plinth, Room, Transform
from vitrine.scenes.layout import arrangements as geo
from vitrine.scenes.layout.footprints import Rect, box_footprint
from vitrine.scenes.layout.mounting import hanging_base
from vitrine.scenes.layout.quaternions import quat_multiply, quaternion_yaw, yaw_quaternion
from vitrine.scenes.layout.room_walls import wall_frame, wall_length

from .placement import artifact_box, artifact_dimensions, facing_yaw, plinth_box, plinth_under

LAYOUTS = ("row", "arc", "grid", "wall")
LABELS = {"row": "Arrange in a Row", "arc": "Arrange in an Arc", "grid": "Arrange in a Grid",
          "wall": "Hang on a Wall", "align": "Align", "distribute": "Distribute",
          "snap": "Snap to Support", "snap_wall": "Snap to Wall"}


@dataclass
class Unit:
    """An artifact and the plinth it stands on (moved together); ``rect`` their footprint."""

    artifact: Artifact
    plinth: Optional[Plinth]
    rect: Rect


def units(doc: ExhibitDocument, artifact_ids: Sequence[str]) -> list[Unit]:
    """The selected artifacts (other ids ignored) with their plinths, in selection order."""
    out = []
    for aid in artifact_ids:
        art = doc.find(aid)
        if not isinstance(art, Artifact):
            continue
        plinth = plinth_under(doc, art)
        rect = box_footprint(*(plinth_box(plinth) if plinth is not None else artifact_box(doc, art)))
        out.append(Unit(art, plinth, rect))
    return out


def _rotate_about(t: Transform, pivot: tuple[float, float], dyaw: float, dx: float, dz: float) -> Transform:
    """``t`` turned by ``dyaw`` rad about the vertical through ``pivot`` (x, z), then moved by (dx, dz)."""
    x, y, z = t.translation
    c, s = math.cos(dyaw), math.sin(dyaw)
    rx, rz = x - pivot[0], z - pivot[1]
    nx, nz = pivot[0] + c * rx + s * rz, pivot[1] - s * rx + c * rz
    q = quat_multiply(yaw_quaternion(dyaw), t.rotation)
    return Transform((nx + dx, y, nz + dz), q, tuple(t.scale))


def _move_unit(doc: ExhibitDocument, macro: CompositeCommand, unit: Unit, spot: geo.Spot) -> None:
    dyaw = 0.0 if spot.yaw is None else spot.yaw - quaternion_yaw(unit.artifact.transform.rotation)
    pivot = (unit.rect.cx, unit.rect.cz)
    # turning about the footprint's centre keeps that centre where it is; then move it to the spot
    dx, dz = spot.x - pivot[0], spot.z - pivot[1]
    macro.add_and_run(doc, SetProperty(doc, unit.artifact.id, ("transform",),
                                       _rotate_about(unit.artifact.transform, pivot, dyaw, dx, dz)))
    if unit.plinth is not None:
        macro.add_and_run(doc, SetProperty(doc, unit.plinth.id, ("transform",),
                                           _rotate_about(unit.plinth.transform, pivot, dyaw, dx, dz)))


def _apply(doc: ExhibitDocument, label: str, chosen: list[Unit], spots: Sequence[geo.Spot]) -> CompositeCommand:
    macro = CompositeCommand(label)
    for unit, spot in zip(chosen, spots):
        _move_unit(doc, macro, unit, spot)
    return macro


def arrange(doc: ExhibitDocument, artifact_ids: Sequence[str], layout: str) -> CompositeCommand:
    """Row (left to right in selection order), arc or grid, facing the start view; or 'wall':
    hung along the room's back wall. Run now; push the result (one undo step)."""
    if layout == "wall":
        return hang_on_wall(doc, artifact_ids, "back")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}")
    chosen = units(doc, artifact_ids)
    rects = [u.rect for u in chosen]
    yaw = facing_yaw(doc)
    spots: list[geo.Spot]
    if layout == "row":
        spots = geo.row(rects, yaw=yaw)
    elif layout == "grid":
        spots = geo.grid(rects, yaw=yaw)
    else:
        spots = [geo.Spot(s.x, s.z, (s.yaw or 0.0) + yaw) for s in geo.arc(rects)]
    # footprints are measured at the current heading; a turn changes them, so re-measure after
    # turning in place and lay out again (one more pass is enough: a heading does not change twice)
    if any(s.yaw is not None for s in spots):
        macro = CompositeCommand(LABELS[layout])
        for unit, spot in zip(chosen, spots):
            _move_unit(doc, macro, unit, geo.Spot(unit.rect.cx, unit.rect.cz, spot.yaw))
        turned = units(doc, [u.artifact.id for u in chosen])
        rects = [u.rect for u in turned]
        again = geo.row(rects, yaw=None) if layout == "row" else geo.grid(rects, yaw=None) if layout == "grid" \
            else [geo.Spot(s.x, s.z) for s in geo.arc(rects)]
        for unit, spot in zip(turned, again):
            _move_unit(doc, macro, unit, geo.Spot(spot.x, spot.z))
        return macro
    return _apply(doc, LABELS[layout], chosen, spots)


def align(doc: ExhibitDocument, artifact_ids: Sequence[str], mode: str) -> CompositeCommand:
    chosen = units(doc, artifact_ids)
    return _apply(doc, LABELS["align"], chosen, geo.align([u.rect for u in chosen], mode))


def distribute(doc: ExhibitDocument, artifact_ids: Sequence[str], axis: str = "x") -> CompositeCommand:
    chosen = units(doc, artifact_ids)
    return _apply(doc, LABELS["distribute"], chosen, geo.distribute([u.rect for u in chosen], axis))


def snap_to_support(doc: ExhibitDocument, artifact_ids: Sequence[str]) -> CompositeCommand:
    """Stand each artifact on the top of the plinth under its centre, or on the floor."""
    macro = CompositeCommand(LABELS["snap"])
    for aid in artifact_ids:
        art = doc.find(aid)
        if not isinstance(art, Artifact):
            continue
        x, _, z = art.transform.translation
        lo, _ = artifact_box(doc, art)
        support, mount = 0.0, "floor"
        for plinth in doc.exhibit.plinths:
            plo, phi = plinth_box(plinth)
            if plo[0] <= x <= phi[0] and plo[2] <= z <= phi[2]:
                support, mount = float(phi[1]), "plinth"
        dy = support - float(lo[1])  # the model's lowest point, whatever its rotation
        t = art.transform
        macro.add_and_run(doc, SetProperty(doc, aid, ("transform",),
                                           Transform((t.translation[0], t.translation[1] + dy, t.translation[2]),
                                                     t.rotation, t.scale)))
        macro.add_and_run(doc, SetProperty(doc, aid, ("mount",), mount))
    return macro


def _room(doc: ExhibitDocument) -> Room:
    room = doc.exhibit.environment.room
    if room is None:
        raise ValueError("the exhibit has no room: add one (Arrange > Room…) to hang artifacts on its walls")
    return room


def _hang(doc: ExhibitDocument, macro: CompositeCommand, art: Artifact, room: Room, wall: str, u: float) -> None:
    """Hang ``art`` on ``wall`` at ``u`` (m along it): back against the wall, front (+z) facing in,
    its centre on the hanging line."""
    c, udir, n = wall_frame(room, wall)
    yaw = math.atan2(float(n[0]), float(n[2]))
    rotation = yaw_quaternion(yaw)
    dims = artifact_dimensions(doc, art)
    scale = art.transform.scale
    depth, height = abs(dims[2] * scale[2]), abs(dims[1] * scale[1])
    pos = c + udir * u + n * (depth / 2)
    macro.add_and_run(doc, SetProperty(doc, art.id, ("transform",),
                                       Transform((float(pos[0]), hanging_base(height), float(pos[2])), rotation, tuple(scale))))
    macro.add_and_run(doc, SetProperty(doc, art.id, ("mount",), "wall"))


def hang_on_wall(doc: ExhibitDocument, artifact_ids: Sequence[str], wall: str = "back") -> CompositeCommand:
    """Hang the selection side by side along ``wall``, centred on it (their plinths stay)."""
    if wall not in WALLS:
        raise ValueError(f"wall must be one of {', '.join(WALLS)}")
    room = _room(doc)
    arts = [a for a in (doc.find(i) for i in artifact_ids) if isinstance(a, Artifact)]
    widths = [abs(artifact_dimensions(doc, a)[0] * a.transform.scale[0]) for a in arts]
    macro = CompositeCommand(LABELS["wall"])
    for art, u in zip(arts, geo.along_wall(widths, wall_length(room, wall))):
        _hang(doc, macro, art, room, wall, u)
    return macro


def nearest_wall(room: Room, x: float, z: float) -> tuple[str, float]:
    """The wall nearest the floor point (x, z) m and the point's ``u`` along it."""
    best = None
    for wall in WALLS:
        c, udir, n = wall_frame(room, wall)
        rel = np.array([x, 0.0, z]) - c
        distance = float(rel @ n)
        if best is None or distance < best[0]:
            best = (distance, wall, float(rel @ udir))
    assert best is not None
    return best[1], best[2]


def snap_to_wall(doc: ExhibitDocument, artifact_ids: Sequence[str]) -> CompositeCommand:
    """Hang each artifact on the wall nearest to it, where it is along that wall."""
    room = _room(doc)
    macro = CompositeCommand(LABELS["snap_wall"])
    for aid in artifact_ids:
        art = doc.find(aid)
        if isinstance(art, Artifact):
            wall, u = nearest_wall(room, art.transform.translation[0], art.transform.translation[2])
            _hang(doc, macro, art, room, wall, u)
    return macro


ARRANGE_COMMANDS: dict[str, Callable[[ExhibitDocument, Sequence[str]], CompositeCommand]] = {
    "row": lambda d, ids: arrange(d, ids, "row"),
    "arc": lambda d, ids: arrange(d, ids, "arc"),
    "grid": lambda d, ids: arrange(d, ids, "grid"),
    "wall": lambda d, ids: hang_on_wall(d, ids, "back"),
    **{f"align_{m}": (lambda m: lambda d, ids: align(d, ids, m))(m) for m in geo.ALIGN_MODES},
    "distribute_x": lambda d, ids: distribute(d, ids, "x"),
    "distribute_z": lambda d, ids: distribute(d, ids, "z"),
    "snap": snap_to_support,
    "snap_wall": snap_to_wall,
}


def apply_lighting_preset(doc: ExhibitDocument, preset: str) -> CompositeCommand:
    """Replace the exhibit's lights by a preset ('gallery', 'raking', 'spots'), one undo step."""
    from vitrine.scenes.editing.commands import AddObject, RemoveObject
    from vitrine.scenes.layout import lighting_presets as presets

    from .placement import exhibit_boxes
    if preset not in presets.PRESETS:
        raise ValueError(f"preset must be one of {', '.join(presets.PRESETS)}")
    boxes = exhibit_boxes(doc)
    if preset == "gallery":
        lights = presets.gallery(boxes)
    elif preset == "raking":
        lights = presets.raking(boxes)
    else:
        lights = presets.spots(boxes, [(a.name, artifact_box(doc, a)) for a in doc.exhibit.artifacts if a.visible])
    macro = CompositeCommand("Apply Lighting Preset")
    for light in reversed(list(doc.exhibit.lights)):
        macro.add_and_run(doc, RemoveObject(doc, "lights", light.id))
    for light in lights:
        macro.add_and_run(doc, AddObject(doc, "lights", light))
    return macro
