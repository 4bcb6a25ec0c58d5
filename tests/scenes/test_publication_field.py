"""The artifact's publication policy field: schema version 2, the 1 -> 2 migration, the undoable command."""
from __future__ import annotations

import json

import pytest

from vitrine.scenes.editing.artifact_commands import SetPublication
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.storage.exhibit_format import DocumentError, exhibit_to_json, parse_exhibit
from vitrine.scenes.exhibit_model import SCHEMA_VERSION, Artifact, Exhibit, PublicationSettings
from vitrine.scenes.editing.history import CommandStack
from vitrine.scenes.storage.migrations import migrate

V1 = {"schema_version": 1, "id": "exh-0123456789ab", "title": {"en": "Old"}, "languages": ["en"],
      "artifacts": [{"id": "art-0123456789ab", "name": "Vase"}]}


def test_a_version_1_document_opens_with_the_rights_default_policy() -> None:
    ex, passed = parse_exhibit(json.dumps(V1))
    assert passed == list(range(1, SCHEMA_VERSION))  # through version 2 and any later ones
    assert ex.schema_version == SCHEMA_VERSION
    assert ex.artifacts[0].publication == PublicationSettings(max_level=None, allow_download=None)
    data, _ = migrate(json.loads(json.dumps(V1)))
    assert data["artifacts"][0]["publication"] == {"max_level": None, "allow_download": None}
    assert "publication" not in V1["artifacts"][0]  # the input is not modified


def test_the_schema_refuses_an_unknown_level_and_a_non_boolean_download() -> None:
    for bad in ({"max_level": "ultra"}, {"allow_download": "yes"}, {"max_level": "high", "extra": 1}):
        doc = dict(V1, schema_version=SCHEMA_VERSION, artifacts=[{"id": "art-0123456789ab", "publication": bad}])
        with pytest.raises(DocumentError, match="publication"):
            parse_exhibit(json.dumps(doc))


def test_set_publication_is_undoable_and_round_trips() -> None:
    art = Artifact(name="Vase")
    doc = ExhibitDocument(Exhibit(artifacts=[art]))
    history = CommandStack(doc)
    history.push(SetPublication(doc, art.id, PublicationSettings(max_level="medium", allow_download=False)))
    assert doc.get(art.id).publication == PublicationSettings("medium", False)
    again, _ = parse_exhibit(exhibit_to_json(doc.exhibit, validate=True))
    assert again.artifacts[0].publication == PublicationSettings("medium", False)
    history.undo()
    assert doc.get(art.id).publication == PublicationSettings()
    with pytest.raises(ValueError, match="unknown level"):
        SetPublication(doc, art.id, PublicationSettings(max_level="ultra"))
