"""Rights for every medium: an annotation's image, and its audio with captions, get a
statement, holder and attribution in the Annotations panel; once they are filled,
``vitrine validate`` passes again."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog

from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
from vitrine.scenes.editing.annotation_commands import SetAnnotationAudio, SetAnnotationImage
from vitrine.scenes.exhibit_model import Rights

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]
REPO = Path(__file__).resolve().parents[2]
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def _validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitrine.app.cli", "validate", str(project)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def _fill(editor, uri: str, holder: str, attribution: str) -> None:
    editor.statement.setEditText(uri)
    editor.statement.lineEdit().editingFinished.emit()
    editor.holder.setText(holder)
    editor.holder.editingFinished.emit()
    editor.attribution.setText(attribution)
    editor.attribution.editingFinished.emit()


def test_image_and_audio_rights_are_set_in_the_panel_and_validate_passes(make_window, tmp_path, monkeypatch) -> None:
    project_path = write_sample_exhibit(tmp_path / "sample.vitrine").path
    window = make_window()
    assert window.open_project(project_path)
    doc = window.session.document
    ann = doc.exhibit.annotations[0]
    # start from an annotation without media (the sample's come with their rights filled)
    window.relay.push(SetAnnotationImage(doc, ann.id, None))
    for lang in list(ann.audio):
        window.relay.push(SetAnnotationAudio(doc, ann.id, lang, None))
    window.relay.select([ann.id])
    panel = window.annotation_panel
    assert not panel.image_rights.isEnabled()  # nothing to state rights for yet
    png, mp3, vtt = tmp_path / "photo.png", tmp_path / "talk.mp3", tmp_path / "talk.vtt"
    Image.new("RGB", (8, 8), "red").save(png)
    mp3.write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00")
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", encoding="utf-8")
    chosen = iter([str(png), str(mp3), str(vtt)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (next(chosen), "")))
    panel._choose_image()
    panel.audio_lang.setCurrentText("en")
    panel._choose_audio()
    panel._choose_captions()
    window.save()
    result = _validate(project_path)
    assert result.returncode == 1
    assert "the image of annotation" in result.stdout and "the en audio of annotation" in result.stdout
    # alt text is its own check (issue 15): give the picture one in every language
    from dataclasses import replace
    image = doc.find(ann.id).image
    doc.history.push(SetAnnotationImage(doc, ann.id, replace(image, alt={lang: "A meander frieze"
                                                                          for lang in doc.exhibit.languages})))

    _fill(panel.image_rights, CC_BY, "Museum of the North", "Photo: A. Curator")
    _fill(panel.audio_rights, "http://rightsstatements.org/vocab/InC/1.0/", "Museum of the North", "Voice: B. Guide")
    ann = doc.find(ann.id)
    assert ann.image.rights == Rights(CC_BY, "Museum of the North", "Photo: A. Curator")
    assert ann.audio["en"].rights.statement_uri == "http://rightsstatements.org/vocab/InC/1.0/"
    assert ann.audio["en"].captions  # the captions stay with their audio
    window.save()
    result = _validate(project_path)
    assert result.returncode == 0, result.stdout + result.stderr

    window.action_undo.trigger()  # the audio's attribution
    assert doc.find(ann.id).audio["en"].rights.attribution == ""
    assert panel.audio_rights.attribution.text() == ""


def test_tour_narration_audio_without_rights_is_a_problem() -> None:
    from vitrine.scenes.exhibit_model import Exhibit, MediaAudio, Tour, TourStep
    from vitrine.scenes.checks.validation import find_problems
    step = TourStep(audio={"zh-Hans": MediaAudio(file="media/a.mp3")})
    ex = Exhibit(title={"en": "t", "zh-Hans": "t"}, tours=[Tour(title={"en": "Walk", "zh-Hans": "漫步"}, steps=[step])])
    problems = [p for p in find_problems(ex) if p.code == "missing-rights"]
    assert [p.object_id for p in problems] == [step.id]
    step.audio["zh-Hans"].rights = Rights(CC_BY)
    assert not [p for p in find_problems(ex) if p.code == "missing-rights"]
