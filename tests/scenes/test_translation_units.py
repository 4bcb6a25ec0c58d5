"""Translation units, language tags and XLIFF 2.0 writing/reading (no Qt, no CLI)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation, Artifact, Exhibit, MediaImage, Tour, TourStep
from vitrine.scenes.translations.language_tags import LanguageTagError, check_tag, direction, is_rtl
from vitrine.scenes.translations.translation_import import import_translations
from vitrine.scenes.translations.units import completeness, exhibit_units, missing_units
from vitrine.scenes.translations.xliff_format import XLIFF_NS, XliffError, parse_xliff, write_xliff

NS = {"x": XLIFF_NS}


def small_exhibit() -> Exhibit:
    art = Artifact(name="Painted vase")
    ex = Exhibit(title={"en": "Vases", "zh-Hans": "花瓶"}, description={"en": "Two lines\nof text"},
                 artifacts=[art])
    ex.annotations = [
        Annotation(artifact_id=art.id, title={"en": "Rim"}, body={"en": "A <b> & \"quoted\" rim\r\nCRLF"}),
        Annotation(artifact_id=art.id, title={"en": "Foot"}, body={"en": "The foot"},
                   image=MediaImage(file="media/foot.png", alt={"en": "A foot ring"})),
    ]
    ex.tours = [Tour(title={"en": "Walk"}, steps=[TourStep(narration={"en": "Look here."})])]
    return ex


@pytest.mark.parametrize("tag", ["en", "zh-Hans", "fr-CA", "sr-Latn-RS", "de-CH-1996", "ar", "bo", "es-419"])
def test_valid_tags(tag: str) -> None:
    assert check_tag(tag) == tag


@pytest.mark.parametrize("tag", ["", "english", "e", "en_US", "en-", "zh-Hans-", "x-klingon", "en-US-u-ca",
                                 "<script>", "en\n"])
def test_nonsense_tags_are_refused(tag: str) -> None:
    with pytest.raises(LanguageTagError, match="not a BCP-47 language tag"):
        check_tag(tag)


@pytest.mark.parametrize("tag,rtl", [("ar", True), ("he-IL", True), ("fa", True), ("az-Arab", True),
                                     ("ug-Latn", False), ("en", False), ("zh-Hans", False), ("bo", False)])
def test_direction(tag: str, rtl: bool) -> None:
    assert is_rtl(tag) is rtl
    assert direction(tag) == ("rtl" if rtl else "ltr")


def test_units_have_stable_ids_notes_and_cover_every_localised_field() -> None:
    ex = small_exhibit()
    units = {u.id: u for u in exhibit_units(ex)}
    ann2 = ex.annotations[1]
    assert units[f"{ann2.id}.title"].note == "Annotation 2 on 'Painted vase': title"
    assert units[f"{ann2.id}.image.alt"].text("en") == "A foot ring"
    assert f"{ex.tours[0].steps[0].id}.narration" in units
    assert f"{ex.artifacts[0].id}.record.title" in units
    assert [u.id for u in exhibit_units(ex)] == list(units)  # same order, same ids each time
    missing = missing_units(ex, "zh-Hans")
    assert f"{ex.id}.title" not in {u.id for u in missing} and len(missing) == 8
    zh = {c.language: c for c in completeness(ex)}["zh-Hans"]
    assert (zh.translated, zh.total, zh.missing, zh.percent) == (1, 9, 8, 11)


def test_xliff_is_valid_shape_with_targets_and_survives_hostile_text() -> None:
    ex = small_exhibit()
    ex.annotations[0].title["fr"] = "Lèvre"
    ex.title["en"] = "Vases\x00\x1b ]]> </source><target>pwned</target>"
    data = write_xliff(ex, "fr")
    root = ET.fromstring(data)
    assert (root.get("srcLang"), root.get("trgLang"), root.get("version")) == ("en", "fr", "2.0")
    units = {u.get("id"): u for u in root.iterfind(".//x:unit", NS)}
    rim = units[f"{ex.annotations[0].id}.title"]
    assert rim.find("x:segment/x:target", NS).text == "Lèvre"
    assert rim.find("x:segment", NS).get("state") == "translated"
    title = units[f"{ex.id}.title"].find("x:segment/x:source", NS).text
    assert title == "Vases\ufffd\ufffd ]]> </source><target>pwned</target>"
    assert units[f"{ex.id}.title"].find("x:segment/x:target", NS) is None
    body = units[f"{ex.annotations[0].id}.body"].find("x:segment/x:source", NS).text
    assert body == "A <b> & \"quoted\" rim\r\nCRLF"  # CR survives, newline survives
    assert parse_xliff(data).units[1].source == "Two lines\nof text"


def fill(data: bytes, text_for: dict[str, str]) -> bytes:
    ET.register_namespace("", XLIFF_NS)
    root = ET.fromstring(data)
    for unit in root.iterfind(".//x:unit", NS):
        seg = unit.find("x:segment", NS)
        if unit.get("id") in text_for:
            tgt = seg.find("x:target", NS)
            if tgt is None:
                tgt = ET.SubElement(seg, f"{{{XLIFF_NS}}}target")
            tgt.text = text_for[unit.get("id")]
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def test_import_updates_through_one_undoable_command_and_refuses_changed_sources() -> None:
    ex = small_exhibit()
    doc = ExhibitDocument(ex)
    data = write_xliff(ex, "ar")
    ann1, ann2 = ex.annotations
    filled = fill(data, {f"{ann1.id}.title": "حافة", f"{ann2.id}.title": "القدم",
                         f"{ann1.id}.body": "نص\nسطر ثان"})
    ann2.title["en"] = "Foot ring"  # the curator edited the source after the export
    plan = import_translations(doc, parse_xliff(filled))
    assert plan.updated == [f"{ann1.id}.title", f"{ann1.id}.body"]
    assert [r.unit_id for r in plan.refused] == [f"{ann2.id}.title"]
    assert "source text changed" in str(plan.refused[0])
    assert ann1.title["ar"] == "حافة" and ann1.body["ar"] == "نص\nسطر ثان" and "ar" not in ann2.title
    assert ex.languages == ["en", "zh-Hans", "ar"]
    assert doc.history.undo() and "ar" not in ann1.title and ex.languages == ["en", "zh-Hans"]
    assert not doc.history.can_undo


def test_file_level_refusals() -> None:
    ex = small_exhibit()
    doc = ExhibitDocument(ex)
    data = write_xliff(ex, "fr")
    other = small_exhibit()
    with pytest.raises(XliffError, match="is not in this exhibit"):
        import_translations(ExhibitDocument(other), parse_xliff(data))
    with pytest.raises(XliffError, match="translates from de"):
        import_translations(doc, parse_xliff(data.replace(b'srcLang="en"', b'srcLang="de"')))
    with pytest.raises(XliffError, match="source language"):
        write_xliff(ex, "en")
    assert not doc.history.can_undo and "fr" not in ex.languages


@pytest.mark.parametrize("data,message", [
    (b"this is not xml", "not well-formed XML"),
    (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
     b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">&lol2;</xliff>',
     "declares a DTD or entities"),
    (b'<!doctype x SYSTEM "file:///etc/passwd"><x/>', "declares a DTD"),
    ('<?xml version="1.0" encoding="UTF-16"?><x/>'.encode("utf-16"), "not UTF-8"),
    (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>', "not an XLIFF 2.0 document"),
    (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="3.0" srcLang="en" trgLang="fr"/>',
     "version 3.0 is not supported"),
    (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="french!"/>',
     "not a BCP-47 language tag"),
    (b'<x>' + b"a" * (16 * 1024 * 1024) + b"</x>", "the limit is"),
])
def test_malformed_files_are_refused_with_one_reason(data: bytes, message: str) -> None:
    with pytest.raises(XliffError, match=message) as info:
        parse_xliff(data)
    assert "\n" not in str(info.value)
