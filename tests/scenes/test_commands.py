"""Commands: random sequences undo to the identical document, merging, composites, signals."""
from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vitrine.scenes.editing import annotation_commands as ac
from vitrine.scenes.editing import artifact_commands as arc
from vitrine.scenes.editing import exhibit_commands as ec
from vitrine.scenes.editing import furniture_commands as fc
from vitrine.scenes.editing import tour_commands as tc
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import (
    Annotation, Artifact, Asset, Light, MediaImage, Plinth, Rights, Tour, TourStep, Transform, Viewpoint,
)


def starting_document() -> ExhibitDocument:
    doc = ExhibitDocument()
    ex = doc.exhibit
    ex.assets.append(Asset(id="a" * 64, file="assets/x.ply"))
    ex.artifacts += [Artifact(name="Vase", asset_id="a" * 64), Artifact(name="Bust", asset_id="a" * 64)]
    ex.viewpoints += [Viewpoint(name={"en": "Front"}), Viewpoint(name={"en": "Side"})]
    ex.annotations += [Annotation(artifact_id=ex.artifacts[0].id, title={"en": "Lip"}, viewpoint_id=ex.viewpoints[0].id),
                       Annotation(artifact_id=ex.artifacts[1].id, title={"en": "Nose", "zh-Hans": "鼻"})]
    ex.tours.append(Tour(title={"en": "Tour"}, steps=[
        TourStep(viewpoint_id=ex.viewpoints[0].id, annotation_id=ex.annotations[0].id),
        TourStep(viewpoint_id=ex.viewpoints[1].id, annotation_id=ex.annotations[1].id),
        TourStep(viewpoint_id=ex.viewpoints[1].id)]))
    ex.plinths.append(Plinth(name="Plinth"))
    ex.lights.append(Light(name="Key"))
    return doc


def _pick(draw, items):
    return draw(st.sampled_from(items)) if items else None


@st.composite
def a_command(draw, doc: ExhibitDocument):
    """Build one valid command against the document's current state."""
    ex = doc.exhibit
    art = _pick(draw, ex.artifacts)
    ann = _pick(draw, ex.annotations)
    vp = _pick(draw, ex.viewpoints)
    tour = _pick(draw, ex.tours)
    step = _pick(draw, [s for t in ex.tours for s in t.steps])
    plinth = _pick(draw, ex.plinths)
    lang = draw(st.sampled_from(["en", "zh-Hans", "fr"]))
    word = draw(st.text(max_size=8))
    num = draw(st.floats(-5, 5, allow_nan=False))
    options = [
        lambda: ec.EditExhibitText(doc, "title", lang, word),
        lambda: ec.SetLanguages(doc, draw(st.lists(st.sampled_from(["en", "zh-Hans", "fr"]), min_size=1, unique=True))),
        lambda: arc.AddArtifact(doc, Artifact(name=word, asset_id="a" * 64)),
        lambda: fc.AddPlinth(doc, Plinth(size=(0.5, abs(num) + 0.1, 0.5))),
        lambda: fc.AddLight(doc, Light(intensity=abs(num))),
        lambda: fc.AddViewpoint(doc, Viewpoint(eye=(num, 1.6, 2.0))),
        lambda: tc.AddTour(doc, Tour(title={lang: word})),
    ]
    if art:
        options += [
            lambda: arc.MoveArtifact(doc, art.id, Transform(translation=(num, 0.0, -num))),
            lambda: arc.delete_artifact(doc, art.id),
            lambda: arc.duplicate_artifact(doc, art.id),
            lambda: arc.SetArtifactVisibility(doc, art.id, draw(st.booleans())),
            lambda: arc.SetDisplaySetting(doc, art.id, "roughness", abs(num) / 5),
            lambda: arc.EditObjectRecord(doc, art.id, "title", word, language=lang),
            lambda: arc.EditArtifactRights(doc, art.id, "model", Rights(word, word, word)),
            lambda: ec.RenameObject(doc, art.id, word),
            lambda: ac.PinAnnotation(doc, Annotation(artifact_id=art.id, point=(num, 0, 0), normal=(0, 0, 1))),
        ]
    if ann:
        options += [
            lambda: ac.EditAnnotationText(doc, ann.id, "body", lang, word),
            lambda: ac.MoveAnnotationPin(doc, ann.id, (num, num, 0), (1, num, 0)),
            lambda: ac.SetAnnotationImage(doc, ann.id, MediaImage(file="media/a.png", alt={lang: word})),
            lambda: ac.SetAnnotationViewpoint(doc, ann.id, vp.id if vp else None),
            lambda: ac.delete_annotation(doc, ann.id),
        ]
    if vp:
        options += [lambda: fc.UpdateViewpoint(doc, vp.id, (num, 1, 1), (0, 1, 0)),
                    lambda: fc.delete_viewpoint(doc, vp.id)]
    if tour:
        options += [lambda: tc.AddTourStep(doc, tour.id, TourStep(viewpoint_id=vp.id if vp else None)),
                    lambda: tc.RenameTour(doc, tour.id, lang, word)]
    if step:
        options += [lambda: tc.ReorderTourSteps(doc, step.id, draw(st.integers(0, 4))),
                    lambda: tc.RemoveTourStep(doc, step.id),
                    lambda: tc.EditNarration(doc, step.id, lang, word),
                    lambda: tc.EditTourStep(doc, step.id, "duration", abs(num) + 1)]
    if plinth:
        options += [lambda: fc.ResizePlinth(doc, plinth.id, (0.4, abs(num) + 0.1, 0.4)),
                    lambda: fc.DeletePlinth(doc, plinth.id)]
    return draw(st.sampled_from(options))()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_command_sequences_undo_to_the_identical_document(data) -> None:
    doc = starting_document()
    initial = copy.deepcopy(doc.exhibit)
    for _ in range(data.draw(st.integers(1, 25))):
        doc.history.push(data.draw(a_command(doc)))
        if data.draw(st.booleans()):
            doc.history.seal()
    final = copy.deepcopy(doc.exhibit)
    steps = doc.history.index
    while doc.history.undo():
        pass
    assert doc.exhibit == initial
    for _ in range(steps):
        assert doc.history.redo()
    assert doc.exhibit == final
    assert doc.history.undo_all() == steps
    assert doc.exhibit == initial


def test_a_drag_is_one_undo_step_and_sealing_starts_a_new_one() -> None:
    doc = starting_document()
    art = doc.exhibit.artifacts[0]
    for x in range(10):
        doc.history.push(arc.MoveArtifact(doc, art.id, Transform(translation=(x * 0.1, 0, 0))))
    doc.history.seal()
    doc.history.push(arc.MoveArtifact(doc, art.id, Transform(translation=(5.0, 0, 0))))
    assert doc.history.index == 2
    assert doc.history.undo_label == "Move Artifact"
    doc.history.undo()
    assert doc.get(art.id).transform.translation == pytest.approx((0.9, 0, 0))
    doc.history.undo()
    assert doc.get(art.id).transform.translation == (0.0, 0.0, 0.0)


def test_edits_of_different_properties_do_not_merge() -> None:
    doc = starting_document()
    ann = doc.exhibit.annotations[0]
    doc.history.push(ac.EditAnnotationText(doc, ann.id, "title", "en", "A"))
    doc.history.push(ac.EditAnnotationText(doc, ann.id, "title", "en", "Ab"))
    doc.history.push(ac.EditAnnotationText(doc, ann.id, "title", "zh-Hans", "甲"))
    assert doc.history.index == 2
    assert doc.get(ann.id).title == {"en": "Ab", "zh-Hans": "甲"}


def test_deleting_an_artifact_takes_its_annotations_and_undo_restores_them_in_place() -> None:
    doc = starting_document()
    art = doc.exhibit.artifacts[0]
    before = copy.deepcopy(doc.exhibit)
    doc.history.push(arc.delete_artifact(doc, art.id))
    assert doc.find(art.id) is None
    assert not doc.annotations_of(art.id)
    assert doc.exhibit.tours[0].steps[0].annotation_id is None
    assert doc.history.undo_label == "Delete Artifact"
    doc.history.undo()
    assert doc.exhibit == before


def test_signals_say_exactly_what_changed() -> None:
    doc = starting_document()
    seen = []
    doc.object_changed.connect(lambda *a: seen.append(("changed",) + a))
    doc.object_added.connect(lambda kind, obj, owner: seen.append(("added", kind, obj.id, owner)))
    doc.object_removed.connect(lambda *a: seen.append(("removed",) + a))
    doc.order_changed.connect(lambda *a: seen.append(("order",) + a))
    ann = doc.exhibit.annotations[1]
    tour = doc.exhibit.tours[0]
    doc.history.push(ac.EditAnnotationText(doc, ann.id, "title", "en", "Nose tip"))
    doc.history.push(tc.ReorderTourSteps(doc, tour.steps[2].id, 0))
    step = TourStep()
    doc.history.push(tc.AddTourStep(doc, tour.id, step))
    doc.history.undo()
    assert seen == [("changed", "annotation", ann.id, ("title", "en")), ("order", "tour_step", tour.id),
                    ("added", "tour_step", step.id, tour.id), ("removed", "tour_step", step.id, tour.id)]


def test_clean_state_tracks_saves_through_undo_and_merges() -> None:
    doc = starting_document()
    art = doc.exhibit.artifacts[0]
    assert doc.history.is_clean
    doc.history.push(arc.MoveArtifact(doc, art.id, Transform(translation=(1, 0, 0))))
    assert not doc.history.is_clean
    doc.history.set_clean()
    doc.history.push(arc.MoveArtifact(doc, art.id, Transform(translation=(2, 0, 0))))
    assert not doc.history.is_clean
    doc.history.undo()
    assert doc.history.is_clean


def test_commands_refuse_impossible_requests() -> None:
    doc = starting_document()
    with pytest.raises(ValueError):
        ac.PinAnnotation(doc, Annotation(artifact_id="art-000000000000"))
    with pytest.raises(ValueError):
        ac.PinAnnotation(doc, Annotation(artifact_id=doc.exhibit.artifacts[0].id, normal=(0, 0, 0)))
    with pytest.raises(ValueError):
        arc.AddArtifact(doc, doc.exhibit.artifacts[0])  # the same id twice
    with pytest.raises(ValueError):
        ec.SetLanguages(doc, [])
    assert doc.history.index == 0
