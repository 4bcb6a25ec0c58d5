"""records/<slug>.dc.xml (Dublin Core in oai_dc) and records/<slug>.lido.xml (LIDO 1.1): the
structure LIDO requires, and hostile record text that still parses and is carried."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from vitrine.exporters.standards.dublin_core import DC, OAI_DC, dublin_core_xml
from vitrine.exporters.standards.lido_record import LIDO, lido_xml
from vitrine.scenes.exhibit_model import Artifact, ArtifactRights, ObjectRecord, Rights

L = f"{{{LIDO}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HOSTILE = "</dc:title><script>alert(\"x\")</script> & 'quoted' ]]> \x07bell\x1b\x00"
CARRIED = "</dc:title><script>alert(\"x\")</script> & 'quoted' ]]> bell"


def hostile_artifact() -> Artifact:
    return Artifact(name="Bowl", record=ObjectRecord(
        identifier="INV<1>&2", uri="https://museum.example/objects/1?a=1&b=2",
        title={"en": HOSTILE, "zh-Hans": "碗 <b>"}, maker="Maker \"M\" & Sons", date="c. 1900\x0c",
        materials=["clay & <glaze>"], dimensions_catalogued="10 × 20 cm", institution="Museum & Co",
        credit_line="Gift of <A>", description={"en": "Desc & more"}, classification="ceramics"),
        rights=ArtifactRights(object=Rights("http://rightsstatements.org/vocab/NoC-US/1.0/", "Museum & Co"),
                              model=Rights("https://creativecommons.org/licenses/by/4.0/", "Lab <3>")))


def test_dublin_core_carries_hostile_text_and_parses():
    root = ET.fromstring(dublin_core_xml(hostile_artifact(), ["models/bowl/low.glb"]))
    assert root.tag == f"{{{OAI_DC}}}dc"
    titles = {t.get(XML_LANG): t.text for t in root.findall(f"{{{DC}}}title")}
    assert titles == {"en": CARRIED, "zh-Hans": "碗 <b>"}
    assert [e.text for e in root.findall(f"{{{DC}}}identifier")] == ["INV<1>&2", "https://museum.example/objects/1?a=1&b=2"]
    assert root.find(f"{{{DC}}}creator").text == "Maker \"M\" & Sons"
    assert root.find(f"{{{DC}}}date").text == "c. 1900"
    assert "clay & <glaze>" in [e.text for e in root.findall(f"{{{DC}}}format")]
    assert "http://rightsstatements.org/vocab/NoC-US/1.0/" in [e.text for e in root.findall(f"{{{DC}}}rights")]
    assert [e.text for e in root.findall(f"{{{DC}}}relation")] == ["models/bowl/low.glb"]
    # only DC elements inside the wrapper
    assert {c.tag.split("}")[0] + "}" for c in root} == {f"{{{DC}}}"}


def test_lido_has_the_required_elements_in_order_and_carries_hostile_text():
    root = ET.fromstring(lido_xml(hostile_artifact(), ["models/bowl/low.glb", "models/bowl/high.glb"]))
    assert root.tag == L + "lidoWrap"
    lido = root.find(L + "lido")
    assert [c.tag.removeprefix(L) for c in lido] == ["lidoRecID", "category", "descriptiveMetadata",
                                                      "administrativeMetadata"]
    assert lido.find(L + "lidoRecID").text == "INV<1>&2" and lido.find(L + "lidoRecID").get(L + "type")
    desc = lido.find(L + "descriptiveMetadata")
    assert desc.get(XML_LANG) == "en"
    assert [c.tag.removeprefix(L) for c in desc] == ["objectClassificationWrap", "objectIdentificationWrap", "eventWrap"]
    wt = desc.find(f"{L}objectClassificationWrap/{L}objectWorkTypeWrap/{L}objectWorkType/{L}term")
    assert wt.text == "ceramics"
    ident = desc.find(L + "objectIdentificationWrap")
    assert [c.tag.removeprefix(L) for c in ident] == ["titleWrap", "repositoryWrap", "objectDescriptionWrap",
                                                       "objectMeasurementsWrap"]
    values = ident.findall(f"{L}titleWrap/{L}titleSet/{L}appellationValue")
    assert [(v.get(XML_LANG), v.text) for v in values] == [("en", CARRIED), ("zh-Hans", "碗 <b>")]
    assert values[0].get(L + "pref") == "preferred"
    admin = lido.find(L + "administrativeMetadata")
    assert [c.tag.removeprefix(L) for c in admin] == ["rightsWorkWrap", "recordWrap", "resourceWrap"]
    record = admin.find(L + "recordWrap")
    assert [c.tag.removeprefix(L) for c in record][:3] == ["recordID", "recordType", "recordSource"]
    assert record.find(f"{L}recordSource/{L}legalBodyName/{L}appellationValue").text == "Museum & Co"
    assert admin.find(f"{L}rightsWorkWrap/{L}rightsWorkSet/{L}rightsType/{L}conceptID").text == \
        "http://rightsstatements.org/vocab/NoC-US/1.0/"
    links = [e.text for e in admin.iter(L + "linkResource")]
    assert links == ["models/bowl/low.glb", "models/bowl/high.glb"]
    assert admin.find(f"{L}resourceWrap/{L}resourceSet/{L}rightsResource/{L}rightsHolder/{L}legalBodyName/"
                      f"{L}appellationValue").text == "Lab <3>"


def test_an_empty_record_still_has_every_required_lido_element():
    root = ET.fromstring(lido_xml(Artifact(name="Untitled"), []))
    for path in ("lido/lidoRecID", "lido/descriptiveMetadata/objectClassificationWrap/objectWorkTypeWrap/objectWorkType",
                 "lido/descriptiveMetadata/objectIdentificationWrap/titleWrap/titleSet/appellationValue",
                 "lido/administrativeMetadata/rightsWorkWrap", "lido/administrativeMetadata/recordWrap/recordID",
                 "lido/administrativeMetadata/recordWrap/recordType/term",
                 "lido/administrativeMetadata/recordWrap/recordSource/legalBodyName/appellationValue"):
        el = root.find("/".join(L + p for p in path.split("/")))
        assert el is not None and (len(el) or (el.text or "").strip()), path


def test_every_published_artifact_has_both_records_in_the_signed_bundle(tiny_project, bundle):
    import json
    out, _ = bundle
    manifest = json.dumps(json.loads((out / "manifest.json").read_text("utf-8")))
    for slug in ("painted-vase", "globe", "bunny-points"):
        for kind in ("dc", "lido"):
            rel = f"records/{slug}.{kind}.xml"
            assert rel in manifest
            ET.parse(out / rel)
    dc = ET.parse(out / "records/painted-vase.dc.xml").getroot()
    assert dc.find(f"{{{DC}}}identifier").text == "INV.0"
    relations = [e.text for e in dc.findall(f"{{{DC}}}relation")]
    assert relations and all((out / r).is_file() for r in relations)


@pytest.mark.parametrize("ch", ["\x00", "\x08", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_no_control_character_breaks_either_record(ch):
    art = Artifact(name="x", record=ObjectRecord(title={"en": f"a{ch}b"}, maker=f"m{ch}"))
    for data in (dublin_core_xml(art, []), lido_xml(art, [])):
        text = ET.tostring(ET.fromstring(data), encoding="unicode")
        assert ">ab<" in text
