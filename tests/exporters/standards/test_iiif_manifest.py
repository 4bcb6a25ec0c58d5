"""iiif/manifest.json: an IIIF Presentation 3 manifest validated with iiif-prezi3: one Canvas per
artifact painted with its GLB as a Model, poster as thumbnail, annotations as commenting
annotations, descriptive properties in every exhibit language."""
from __future__ import annotations

import json

import iiif_prezi3
import pydantic
import pytest

from vitrine.exporters.standards.iiif_manifest import base_url, build_manifest


def validated(data: dict) -> iiif_prezi3.Manifest:
    # model_validate, not Manifest(**data): the constructor runs helpers that fill in or convert
    # fields (a plain string label becomes a language map), which would hide our mistakes
    return iiif_prezi3.Manifest.model_validate(data)


@pytest.fixture(scope="module")
def manifest(bundle):
    data = json.loads((bundle[0] / "iiif" / "manifest.json").read_text("utf-8"))
    validated(data)
    return data


def test_the_bundles_manifest_validates_and_has_every_artifact(tiny_project, bundle, manifest):
    ex = tiny_project.document.exhibit
    assert manifest["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert manifest["label"] == {"en": [ex.title["en"]], "zh-Hans": ["小展"]}
    assert [c["label"]["en"] for c in manifest["items"]] == [["Painted Vase"], ["Globe"], ["Bunny points"]]
    for canvas in manifest["items"]:
        (painting,) = canvas["items"][0]["items"]
        assert painting["motivation"] == "painting" and painting["target"] == canvas["id"]
        body = painting["body"]
        assert body["type"] == "Model" and body["format"] == "model/gltf-binary"
        rel = body["id"].split("/", 4)[4]  # https://vitrine.invalid/<exhibit>/<bundle path>
        assert (bundle[0] / rel).is_file() and rel.endswith(".glb")


def test_rights_statement_and_provider_in_every_language(manifest):
    assert manifest["rights"] == "https://creativecommons.org/licenses/by/4.0/"
    assert manifest["requiredStatement"]["label"] == {"en": ["Attribution"], "zh-Hans": ["署名"]}
    assert set(manifest["requiredStatement"]["value"]) == {"en", "zh-Hans"}
    assert manifest["provider"][0]["label"] == {"en": ["Museum & Co"], "zh-Hans": ["Museum & Co"]}
    assert {m["label"]["en"][0] for m in manifest["metadata"]} == {"Institution", "Credits"}


def test_annotations_are_commenting_annotations_on_the_canvas(manifest):
    vase = manifest["items"][0]
    (page,) = vase["annotations"]
    (comment,) = page["items"]
    assert comment["motivation"] == "commenting" and comment["target"] == vase["id"]
    assert {b["language"]: b["value"] for b in comment["body"]} == {
        "en": "Rim\n\nA chipped rim.", "zh-Hans": "口沿\n\n口沿有缺口。"}


def test_a_poster_becomes_the_thumbnail_and_public_url_the_base(tiny_project):
    ex = tiny_project.document.exhibit
    art = ex.artifacts[0]
    models = {art.id: [{"level": "low", "file": "models/painted-vase/low.glb"}]}
    data = build_manifest(ex, models, base_url("https://museum.example/x", ex.id),
                          {art.id: "posters/painted-vase.webp"})
    validated(data)
    assert data["id"] == "https://museum.example/x/iiif/manifest.json"
    assert data["items"][0]["thumbnail"] == [{"id": "https://museum.example/x/posters/painted-vase.webp",
                                              "type": "Image", "format": "image/webp"}]
    assert data["items"][0]["items"][0]["items"][0]["body"]["id"] == "https://museum.example/x/models/painted-vase/low.glb"


def test_without_a_public_url_ids_are_under_a_name_that_never_resolves(tiny_project):
    assert base_url("", "exh_1") == "https://vitrine.invalid/exh_1/"
    assert base_url("file:///srv/x", "exh_1") == "https://vitrine.invalid/exh_1/"


def test_the_validator_catches_a_broken_manifest(manifest):
    broken = json.loads(json.dumps(manifest))
    broken["label"] = {"en": "a language map's values are lists"}
    with pytest.raises(pydantic.ValidationError):
        validated(broken)
    broken = json.loads(json.dumps(manifest))
    broken["items"][0]["id"] = "models/relative"
    with pytest.raises(pydantic.ValidationError):
        validated(broken)
    broken = json.loads(json.dumps(manifest))
    del broken["items"][0]["items"][0]["items"][0]["body"]["id"]
    with pytest.raises(pydantic.ValidationError):
        validated(broken)
