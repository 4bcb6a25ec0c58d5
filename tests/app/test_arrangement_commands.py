"""Arranging placed artifacts in the document: plinths move with their artifacts, each
arrangement is one undo step, walls need a room."""
from __future__ import annotations

import pytest

from vitrine.app.workflows import arrangement
from vitrine.app.workflows.placement import artifact_box, plinth_box, plinth_under
from vitrine.scenes.editing.commands import SetProperty
from vitrine.scenes.exhibit_model import Room
from vitrine.scenes.layout.footprints import CLEARANCE, box_footprint, overlaps
from vitrine.scenes.storage.serialization import to_dict

from tests.app.layout_fixtures import project  # noqa: F401  (fixture: four placed artifacts)


def footprints(doc):
    out = []
    for art in doc.exhibit.artifacts:
        plinth = plinth_under(doc, art)
        out.append(box_footprint(*(plinth_box(plinth) if plinth else artifact_box(doc, art))))
    return out


@pytest.mark.parametrize("layout", ["row", "arc", "grid"])
def test_each_layout_is_one_undo_step_and_plinths_stay_under_their_artifacts(project, layout) -> None:
    doc = project.document
    ids = [a.id for a in doc.exhibit.artifacts]
    before = to_dict(doc.exhibit)
    on_plinth = {a.id for a in doc.exhibit.artifacts if plinth_under(doc, a) is not None}
    doc.history.push(arrangement.arrange(doc, ids, layout))
    assert {a.id for a in doc.exhibit.artifacts if plinth_under(doc, a) is not None} == on_plinth
    rects = footprints(doc)
    if layout != "arc":  # arcs turn footprints; their spacing is tested on the pure function
        assert all(not overlaps(a, b, CLEARANCE - 1e-6) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert to_dict(doc.exhibit) != before
    doc.history.undo()
    assert to_dict(doc.exhibit) == before


def test_align_front_lines_up_the_front_edges_and_undoes_at_once(project) -> None:
    doc = project.document
    ids = [a.id for a in doc.exhibit.artifacts]
    doc.history.push(arrangement.arrange(doc, ids, "grid"))
    after_grid = to_dict(doc.exhibit)
    doc.history.push(arrangement.align(doc, ids, "front"))
    fronts = {round(r.z1, 6) for r in footprints(doc)}
    assert len(fronts) == 1
    doc.history.undo()
    assert to_dict(doc.exhibit) == after_grid


def test_snap_to_support_stands_a_lifted_artifact_on_its_plinth(project) -> None:
    doc = project.document
    art = next(a for a in doc.exhibit.artifacts if a.mount == "plinth")
    plinth = plinth_under(doc, art)
    t = art.transform
    doc.history.push(SetProperty(doc, art.id, ("transform", "translation"), (t.translation[0], 2.0, t.translation[2])))
    doc.history.push(arrangement.snap_to_support(doc, [art.id]))
    assert artifact_box(doc, art)[0][1] == pytest.approx(plinth_box(plinth)[1][1])


def test_hanging_needs_a_room_and_then_faces_into_it(project) -> None:
    doc = project.document
    ids = [a.id for a in doc.exhibit.artifacts][:2]
    with pytest.raises(ValueError, match="no room"):
        arrangement.hang_on_wall(doc, ids, "back")
    doc.history.push(SetProperty(doc, doc.exhibit.id, ("environment", "room"), Room(width=8.0, depth=6.0)))
    doc.history.push(arrangement.hang_on_wall(doc, ids, "left"))
    for aid in ids:
        art = doc.get(aid)
        lo, hi = artifact_box(doc, art)
        assert art.mount == "wall"
        assert lo[0] == pytest.approx(-4.0, abs=1e-6)  # back against the left wall at x = -4
        assert (lo[1] + hi[1]) / 2 == pytest.approx(1.45, abs=1e-6) or lo[1] == pytest.approx(0.3)
        q = art.transform.rotation
        front_x = 2 * (q[0] * q[2] + q[1] * q[3])
        assert front_x == pytest.approx(1.0)  # its front (+z) turned to +x: into the room
    assert doc.history.undo_label == "Hang on a Wall"
