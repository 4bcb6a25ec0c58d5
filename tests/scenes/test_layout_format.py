"""Format version 3: room, artifact mount and the start-view flag; version 2 migrates."""
from __future__ import annotations

import json

import pytest

from vitrine.scenes.storage.exhibit_format import DocumentError, exhibit_to_json, parse_exhibit
from vitrine.scenes.exhibit_model import Exhibit, Opening, Room

V2 = {"schema_version": 2, "id": "exh-0123456789ab", "title": {"en": "Old"}, "languages": ["en"],
      "artifacts": [{"id": "art-0123456789ab", "name": "Vase"}],
      "viewpoints": [{"id": "vp-0123456789ab"}], "start_viewpoint_id": "vp-0123456789ab"}


def test_a_version_2_start_view_counts_as_set_by_hand_and_none_does_not() -> None:
    ex, passed = parse_exhibit(json.dumps(V2))
    assert 2 in passed and ex.start_view_manual is True
    assert ex.artifacts[0].mount is None and ex.environment.room is None
    ex, _ = parse_exhibit(json.dumps(dict(V2, viewpoints=[], start_viewpoint_id=None)))
    assert ex.start_view_manual is False


def test_a_room_with_openings_round_trips() -> None:
    ex = Exhibit(title={"en": "Hall"})
    ex.environment.room = Room(width=10.0, depth=7.5, openings=[Opening("left", -1.0, 1.5, 2.4)])
    ex.artifacts = []
    again, _ = parse_exhibit(exhibit_to_json(ex, validate=True))
    assert again.environment.room == ex.environment.room


@pytest.mark.parametrize("bad, where", [
    ({"wall": "ceiling"}, "$.environment.room.openings[0].wall"),
    ({"wall": "left", "width": 0}, "$.environment.room.openings[0].width"),
])
def test_the_schema_refuses_a_bad_opening(bad, where) -> None:
    data = dict(V2, schema_version=3, environment={"room": {"width": 8, "depth": 6, "openings": [bad]}})
    with pytest.raises(DocumentError) as info:
        parse_exhibit(json.dumps(data))
    assert info.value.issues[0].path == where


def test_the_schema_refuses_an_unknown_mount() -> None:
    data = dict(V2, schema_version=3, artifacts=[{"id": "art-0123456789ab", "mount": "ceiling"}])
    with pytest.raises(DocumentError, match=r"\$\.artifacts\[0\]\.mount"):
        parse_exhibit(json.dumps(data))


def test_validation_names_a_wall_mount_without_a_room_and_an_artifact_outside_the_room() -> None:
    from vitrine.scenes.exhibit_model import Artifact, Transform
    from vitrine.scenes.checks.validation import find_problems
    ex = Exhibit(title={"en": "t"}, artifacts=[Artifact(name="Relief", mount="wall"),
                                              Artifact(name="Urn", transform=Transform((5.0, 0.0, 0.0)))])
    codes = [(p.code, p.object_id) for p in find_problems(ex) if p.code in ("wall-without-room", "outside-room")]
    assert codes == [("wall-without-room", ex.artifacts[0].id)]
    ex.environment.room = Room(width=8.0, depth=6.0)
    codes = [(p.code, p.object_id) for p in find_problems(ex) if p.code in ("wall-without-room", "outside-room")]
    assert codes == [("outside-room", ex.artifacts[1].id)]
