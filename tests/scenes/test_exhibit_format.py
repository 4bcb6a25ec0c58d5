"""exhibit.json: round trips, schema errors with their JSON path, migrations, the schema kept in step."""
from __future__ import annotations

import dataclasses
import json
import typing

import pytest
from hypothesis import HealthCheck, given, settings

from vitrine.scenes import exhibit_model
from vitrine.scenes.storage.exhibit_format import DocumentError, exhibit_schema, exhibit_to_json, parse_exhibit, schema_issues
from vitrine.scenes.exhibit_model import Annotation, Exhibit
from vitrine.scenes.storage.migrations import MigrationError, NewerVersionError, migrate
from vitrine.scenes.storage.serialization import from_dict, to_dict

from .exhibit_strategies import exhibits


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exhibits)
def test_document_to_json_and_back_gives_an_equal_document(exhibit: Exhibit) -> None:
    text = exhibit_to_json(exhibit)
    assert schema_issues(json.loads(text)) == []
    again, migrated = parse_exhibit(text)
    assert migrated == []
    assert again == exhibit
    assert exhibit_to_json(again) == text


def test_schema_errors_name_the_json_path() -> None:
    data = to_dict(Exhibit(annotations=[Annotation(artifact_id="art-0123456789ab")]))
    data["annotations"][0]["title"] = {"en": 42}
    data["lights"] = [{"id": "lgt-0123456789ab", "type": "laser"}]
    with pytest.raises(DocumentError) as info:
        parse_exhibit(json.dumps(data))
    paths = [issue.path for issue in info.value.issues]
    assert "$.annotations[0].title.en" in paths
    assert "$.lights[0].type" in paths
    assert "$.annotations[0].title.en" in str(info.value)


@pytest.mark.parametrize("text, fragment", [
    ("", "not valid JSON"),
    ("{", "not valid JSON"),
    ("[1, 2]", "not an exhibit document"),
    ('{"schema_version": 1, "id": "exh-0123456789ab", "title": {}, "languages": ["en"], "artifacts": [], "x": NaN}',
     "NaN"),
    ("[" * 100000, "not valid JSON"),
])
def test_unreadable_documents_are_refused_with_a_reason(text: str, fragment: str) -> None:
    with pytest.raises(DocumentError) as info:
        parse_exhibit(text)
    assert fragment in str(info.value)


def test_path_escapes_are_refused_by_the_schema() -> None:
    for bad in ("../outside.png", "/etc/passwd", "media/../../x.png", "C:/x.png", "media\\x.png"):
        data = to_dict(Exhibit(annotations=[Annotation(artifact_id="art-0123456789ab")]))
        data["annotations"][0]["image"] = {"file": bad}
        issues = schema_issues(data)
        assert any(i.path.startswith("$.annotations[0].image") for i in issues), bad


def test_an_older_document_is_migrated_through_each_step() -> None:
    def v1_to_v2(data):
        data["title"] = {"en": data.pop("name")}
        return data

    def v2_to_v3(data):
        data.setdefault("tours", [])
        return data

    old = {"schema_version": 1, "name": "Old exhibit"}
    new, passed = migrate(old, current=3, migrations={1: v1_to_v2, 2: v2_to_v3})
    assert passed == [1, 2]
    assert new == {"schema_version": 3, "title": {"en": "Old exhibit"}, "tours": []}
    assert old == {"schema_version": 1, "name": "Old exhibit"}  # the input is not modified


def test_newer_documents_are_refused_and_missing_migrations_reported() -> None:
    with pytest.raises(NewerVersionError, match="newer Vitrine"):
        migrate({"schema_version": 99})
    with pytest.raises(MigrationError, match="no migration from format version 0"):
        migrate({"schema_version": 0}, current=1, migrations={})
    with pytest.raises(MigrationError):
        migrate({"schema_version": "one"})


def _dataclass_types() -> list[type]:
    return [obj for obj in vars(exhibit_model).values()
            if isinstance(obj, type) and dataclasses.is_dataclass(obj)]


def test_schema_and_model_list_the_same_fields() -> None:
    """The schema is written by hand; this keeps it in step with the dataclasses."""
    schema = exhibit_schema()
    defs = schema["$defs"]
    names = {"Exhibit": schema, "Artifact": defs["artifact"], "Plinth": defs["plinth"], "Light": defs["light"],
             "Viewpoint": defs["viewpoint"], "Annotation": defs["annotation"], "TourStep": defs["tour_step"],
             "Tour": defs["tour"], "Asset": defs["asset"], "AssetLevel": defs["asset_level"], "Rights": defs["rights"],
             "Transform": defs["transform"], "ObjectRecord": defs["record"], "DisplaySettings": defs["display"],
             "MediaImage": defs["image"], "MediaAudio": defs["audio"], "CaptureProvenance": defs["capture"],
             "ProcessingStep": defs["processing_step"], "ArtifactRights": defs["artifact_rights"],
             "Environment": defs["environment"], "Background": defs["environment"]["properties"]["background"],
             "Floor": defs["environment"]["properties"]["floor"], "Marker": defs["annotation"]["properties"]["marker"],
             "PublicationSettings": defs["publication"], "Measurement": defs["measurement"], "Room": defs["room"],
             "Opening": defs["opening"]}
    assert {t.__name__ for t in _dataclass_types()} == set(names)
    for cls in _dataclass_types():
        fields = {f.name for f in dataclasses.fields(cls)}
        assert fields == set(names[cls.__name__]["properties"]), cls.__name__


def test_defaults_validate_and_vectors_come_back_as_tuples() -> None:
    ex = from_dict(Exhibit, json.loads(exhibit_to_json(Exhibit())))
    assert isinstance(ex.environment.background.colors, list)
    plain = to_dict(Exhibit())
    assert schema_issues(plain) == []
    assert typing.get_type_hints(Exhibit)["languages"] == list[str]
