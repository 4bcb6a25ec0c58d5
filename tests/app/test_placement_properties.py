"""Placement on the document, for random objects added one after another (with and without
a room): footprints (plinths included) never overlap, each stands on its plinth or the floor
by the rule, and every artifact is inside the start view."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vitrine.app.workflows.placement import artifact_box, place_artifact, plinth_box, plinth_under
from vitrine.scenes.editing.artifact_commands import AddArtifact, AddAsset
from vitrine.scenes.editing.commands import CompositeCommand
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Artifact, Asset, Exhibit, Room
from vitrine.scenes.layout.footprints import CLEARANCE, box_footprint, overlaps
from vitrine.scenes.layout.framing import in_frustum
from vitrine.scenes.layout.mounting import stands_on_floor

dims = st.tuples(st.floats(0.03, 1.6), st.floats(0.03, 2.2), st.floats(0.03, 1.6))


def build(sizes, room):
    doc = ExhibitDocument(Exhibit(title={"en": "t"}))
    if room:
        doc.exhibit.environment.room = Room(width=20.0, depth=20.0)
    for i, size in enumerate(sizes):
        asset = Asset(id=f"{i:064x}", file=f"assets/{i}.glb", dimensions=size)
        art = Artifact(name=f"a{i}", asset_id=asset.id)
        macro = CompositeCommand("Import Scan")
        macro.add_and_run(doc, AddAsset(doc, asset))
        macro.add_and_run(doc, AddArtifact(doc, art))
        place_artifact(doc, macro, art.id)
        doc.history.push(macro)
    return doc


@settings(max_examples=25, deadline=None)
@given(st.lists(dims, min_size=1, max_size=7), st.booleans())
def test_random_objects_never_overlap_and_all_are_in_the_start_view(sizes, room) -> None:
    doc = build(sizes, room)
    ex = doc.exhibit
    rects = []
    for art, size in zip(ex.artifacts, sizes):
        plinth = plinth_under(doc, art)
        assert (art.mount == "floor") == stands_on_floor(size)
        assert (plinth is None) == (art.mount == "floor")
        rects.append(box_footprint(*(plinth_box(plinth) if plinth else artifact_box(doc, art))))
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not overlaps(a, b, CLEARANCE - 1e-6), (a, b)
    if room:
        for r in rects:
            assert -10 <= r.x0 and r.x1 <= 10 and -10 <= r.z0 and r.z1 <= 10
    start = doc.get(ex.start_viewpoint_id)
    for art in ex.artifacts:
        lo, hi = artifact_box(doc, art)
        for c in [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]:
            assert in_frustum(c, start.eye, start.target, start.fov, aspect=1.0)
    # undoing every placement empties the exhibit again, one step each
    for _ in sizes:
        assert doc.history.undo()
    assert not ex.artifacts and not ex.plinths and not ex.viewpoints
