"""Caption cues as translation units: exported per cue, imported as a new captions file only when
every cue is translated, and never over a target language's own recording."""
from __future__ import annotations

from pathlib import Path

from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation, Artifact, Exhibit, MediaAudio
from vitrine.scenes.translations.caption_units import parse_vtt
from vitrine.scenes.translations.translation_import import import_translations
from vitrine.scenes.translations.xliff_format import XliffFile, XliffUnit, parse_xliff, write_xliff

VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nFirst line\nsecond line\n\nNOTE a note\n\n00:01.000 --> 00:02.500 align:start\nTwo\n"


def setup(tmp_path: Path, own_fr_recording: bool = False):
    (tmp_path / "media").mkdir(parents=True)
    (tmp_path / "media" / "c.vtt").write_text(VTT, encoding="utf-8")
    art = Artifact(name="Vase")
    audio = {"en": MediaAudio(file="media/a.wav", captions="media/c.vtt")}
    if own_fr_recording:
        audio["fr"] = MediaAudio(file="media/fr.wav")
    ann = Annotation(artifact_id=art.id, title={"en": "Rim"}, audio=audio)
    doc = ExhibitDocument(Exhibit(languages=["en"], title={"en": "T"}, artifacts=[art], annotations=[ann]))
    stored: dict[str, bytes] = {}

    def store(name: str, data: bytes) -> str:
        stored[f"media/{name}"] = data
        (tmp_path / "media" / name).write_bytes(data)
        return f"media/{name}"
    return doc, ann, store, stored


def cue_file(ann_id: str, targets: dict[int, str]) -> XliffFile:
    sources = {1: "First line\nsecond line", 2: "Two"}
    return XliffFile("en", "fr", [XliffUnit(f"{ann_id}.captions.{n}", sources[n], targets.get(n)) for n in (1, 2)])


def test_cues_are_units_and_come_back_as_a_captions_file_with_the_timings(tmp_path: Path) -> None:
    doc, ann, store, stored = setup(tmp_path)
    data = write_xliff(doc.exhibit, "fr", root=tmp_path)
    units = {u.id: u for u in parse_xliff(data).units}
    assert units[f"{ann.id}.captions.1"].source == "First line\nsecond line"
    assert units[f"{ann.id}.captions.2"].source == "Two" and units[f"{ann.id}.captions.2"].target is None
    hostile = "Deux\n\n00:09.000 --> 00:10.000\ninjected"
    plan = import_translations(doc, cue_file(ann.id, {1: "Première\nseconde", 2: hostile}), root=tmp_path,
                               store_media=store)
    assert plan.refused == [] and len(plan.updated) == 2
    assert ann.audio["fr"].file == "media/a.wav" and ann.audio["fr"].captions == "media/c.fr.vtt"
    cues = parse_vtt(stored["media/c.fr.vtt"].decode())
    assert [(c.timing, c.text) for c in cues] == [("00:00.000 --> 00:01.000", "Première\nseconde"),
                                                  ("00:01.000 --> 00:02.500 align:start",
                                                   "Deux\n00:09.000 -> 00:10.000\ninjected")]
    assert doc.history.undo() and "fr" not in ann.audio


def test_partly_translated_captions_and_own_recordings_are_refused(tmp_path: Path) -> None:
    doc, ann, store, stored = setup(tmp_path)
    plan = import_translations(doc, cue_file(ann.id, {1: "Première"}), root=tmp_path, store_media=store)
    assert [(r.unit_id, r.reason) for r in plan.refused] == [
        (f"{ann.id}.captions.1", "the other cues of these captions are not translated")]
    assert "fr" not in ann.audio and not stored
    doc, ann, store, stored = setup(tmp_path / "own", own_fr_recording=True)
    plan = import_translations(doc, cue_file(ann.id, {1: "Un", 2: "Deux"}), root=tmp_path / "own", store_media=store)
    assert {r.reason for r in plan.refused} == {"the fr audio is a recording of its own; attach its captions in the editor"}
    assert ann.audio["fr"].captions is None and not stored
