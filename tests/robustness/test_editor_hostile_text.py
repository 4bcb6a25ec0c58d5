"""The editor window with hostile curator text: every panel and the visitor preview show it
literally (never as rich text), a 100,000-character body is edited without a freeze, and
Save / reopen keep every string exactly. Text fields stop at the schema's limits."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel

from vitrine.scenes.exhibit_model import Annotation, Artifact, Tour
from vitrine.scenes.storage.project_store import Project
from vitrine.scenes.storage.serialization import to_dict
from tests.app.editor_fixtures import *  # noqa: F401,F403 - window fixtures
from tests.app.editor_fixtures import NEEDS_DISPLAY

from .hostile_payloads import LONG, PAYLOADS
from .hostile_project import hostile_project

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]
REPO = Path(__file__).resolve().parents[2]
# The project folder's name is the window title: markup, Qt's "[*]" placeholder, bidi, emoji.
HOSTILE_NAME = "<img src=x onerror=alert(1)> [*] &amp; \u202eRLO 👩\u200d👩\u200d👧"


def build_project(tmp: Path) -> Path:
    """hostile_project plus the fields it leaves plain: tour title and narration (100,000
    characters in zh-Hans), credits, an artifact name with NUL; copied to a hostile name."""
    project = hostile_project(tmp / "src")
    ex = project.document.exhibit
    ex.credits = LONG
    ex.tours[0].title = {"en": PAYLOADS[4], "zh-Hans": PAYLOADS[33]}
    ex.tours[0].steps[0].narration = {"en": PAYLOADS[1], "zh-Hans": LONG}
    ex.artifacts[1].name = PAYLOADS[32]  # NUL, bell, escape
    project.save()
    return Path(shutil.copytree(project.path, tmp / f"{HOSTILE_NAME}.vitrine"))


def curator_strings(exhibit: Any) -> set[str]:
    out: set[str] = set()

    def walk(v: Any) -> None:
        if isinstance(v, str) and len(v) > 2:
            out.add(v)
        elif isinstance(v, dict):
            [walk(x) for x in v.values()]
        elif isinstance(v, list):
            [walk(x) for x in v]
    walk(to_dict(exhibit))
    return out


def check_labels(window: Any, strings: set[str], where: str) -> int:
    """No label renders markup: any text with '<' is shown as PlainText; curator text always is."""
    checked = 0
    for lab in window.findChildren(QLabel):
        text = lab.text()
        if not text:
            continue
        checked += 1
        curator = text in strings or any(s in text for s in PAYLOADS[:29] if len(s) > 8)
        rich = lab.textFormat() == Qt.TextFormat.RichText or (
            lab.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
        assert not (rich and ("<" in text or curator)), (where, lab.objectName(), text[:60])
    return checked


def as_lines(text: str) -> str:
    """A plain text edit shows any line break as \\n (its own paragraphs); the document keeps
    the original \\r\\n until the curator edits that text (checked by the reopen at the end)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_tooltip(widget: Any, expected: str) -> None:
    """Tooltips are rich text when they look like it: curator text must come back literally."""
    from PySide6.QtGui import QTextDocument
    tip = widget.toolTip()
    if GuiQt.mightBeRichText(tip):
        doc = QTextDocument()
        doc.setHtml(tip)
        tip = doc.toPlainText()
    assert expected in tip or as_lines(expected) in tip, (tip[:60], expected[:60])


def test_hostile_project_in_every_panel_and_the_preview(make_window, qtbot, tmp_path: Path, dialogs) -> None:
    path = build_project(tmp_path)
    window = make_window()
    assert window.open_project(path), dialogs.errors
    doc = window.session.document
    ex = doc.exhibit
    expected = to_dict(ex)
    strings = curator_strings(ex)
    langs = list(ex.languages)
    assert langs == ["en", "zh-Hans"]
    # Title: the name literally, Qt's [*] placeholder not eaten (only the modified marker is).
    assert window.windowHandle().title() == f"{HOSTILE_NAME} — Vitrine"

    check_outline(window, ex, langs)
    check_artifacts(window, ex, strings)
    check_annotations(window, ex, strings)
    check_tours(window, ex, strings)
    check_problems(window, strings)
    check_visitor_preview(window, ex, strings, langs)
    assert not dialogs.errors

    # A 100,000-character body, set and typed into through the panel: no freeze.
    first = ex.annotations[0]
    window.relay.select([first.id])
    body = window.annotation_panel.columns["en"].body
    started = time.monotonic()
    body.setPlainText(LONG[::-1])
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, "<b>!")
    elapsed = time.monotonic() - started
    assert first.body["en"] == LONG[::-1] + "<b>!" and elapsed < 10, elapsed
    expected = to_dict(ex)
    window.action_save.trigger()
    assert not dialogs.errors and not window.project.is_modified
    window.close()
    again = make_window()
    assert again.open_project(path), dialogs.errors
    assert to_dict(again.session.document.exhibit) == expected
    stored = json.loads((path / "exhibit.json").read_text("utf-8"))
    assert stored["credits"] == LONG and stored["artifacts"][1]["name"] == PAYLOADS[32]


def check_outline(window: Any, ex: Any, langs: list[str]) -> None:
    model = window.outline_panel.model
    for art in ex.artifacts:
        assert model.data(model.index_of(art.id)) == art.name
    for ann in ex.annotations:
        assert model.data(model.index_of(ann.id)) == f"{ann.marker.number}. {ann.title['en']}"
        assert model.data(model.index_of(ann.id), Qt.ItemDataRole.EditRole) == ann.title["en"]
    for tour in ex.tours:
        assert model.data(model.index_of(tour.id)) == tour.title["en"]


def check_artifacts(window: Any, ex: Any, strings: set[str]) -> None:
    inspector, record = window.inspector_panel, window.record_panel
    for art in ex.artifacts:
        window.relay.select([art.id])
        assert inspector.art_name.text() == art.name
        for name, edit in record.fields.items():
            assert edit.text() == getattr(art.record, name), name
        assert record.localized[("title", "en")].text() == art.record.title["en"]
        assert record.localized[("title", "zh-Hans")].text() == art.record.title["zh-Hans"]
        assert record.localized[("description", "en")].toPlainText() == as_lines(art.record.description.get("en", ""))
        assert record.object_rights.holder.text() == art.rights.object.holder
        assert record.object_rights.attribution.text() == art.rights.object.attribution
        assert record.object_rights.uri() == art.rights.object.statement_uri
        check_labels(window, strings, f"artifact {art.id}")


def check_annotations(window: Any, ex: Any, strings: set[str]) -> None:
    panel = window.annotation_panel
    for ann in ex.annotations:
        window.relay.select([ann.id])
        for lang, col in panel.columns.items():
            assert col.title.text() == ann.title.get(lang, ""), (lang, ann.title.get(lang, "")[:40])
            assert col.body.toPlainText() == as_lines(ann.body.get(lang, ""))
            assert col.alt.text() == (ann.image.alt.get(lang, "") if ann.image else "")
        assert panel.image_credit.text() == (ann.image.credit if ann.image else "")
    assert len(ex.annotations) > len(PAYLOADS)
    check_labels(window, strings, "annotations")


def check_tours(window: Any, ex: Any, strings: set[str]) -> None:
    panel = window.tour_panel
    tour = ex.tours[0]
    assert panel.tours.itemText(panel.tours.findData(tour.id)) == tour.title["en"]
    panel.steps.setCurrentIndex(panel.model.index(0))
    for lang, edit in panel.narration.items():
        # LONG (100,000 characters) is valid narration: it must not be cut at QLineEdit's 32,767
        assert edit.text() == tour.steps[0].narration[lang], (lang, len(edit.text()))
    assert panel.model.data(panel.model.index(0)).startswith(f"1. {tour.steps[0].narration['en']}  (")
    check_labels(window, strings, "tours")


def check_problems(window: Any, strings: set[str]) -> None:
    panel = window.problems_panel
    panel.refresh()
    model = panel.model
    for row, problem in enumerate(model.problems):
        assert model.data(model.index(row, 1)) == problem.message
    check_labels(window, strings, "problems")


def check_visitor_preview(window: Any, ex: Any, strings: set[str], langs: list[str]) -> None:
    window.action_visitor_preview.setChecked(True)
    overlay = window.visitor_overlay
    card = overlay.card
    for lang in langs:
        overlay.set_language(lang)
        for ann in ex.annotations:
            overlay.open_annotation(ann.id, fly=False)
            title, body = ann.title.get(lang) or ann.title["en"], ann.body.get(lang) or ann.body["en"]
            assert card.title.text() == title and card.body.text() == body
            assert card.title.textFormat() == card.body.textFormat() == Qt.TextFormat.PlainText
            check_tooltip(overlay.hotspots[ann.id], title)
            if ann.image is not None and ann.image.alt.get(lang):
                check_tooltip(card.image, ann.image.alt[lang])
        check_labels(window, strings, f"preview {lang}")
        assert overlay.start_tour(ex.tours[0].id)
        for index, step in enumerate(ex.tours[0].steps):
            assert overlay.tour_player.index == index
            assert overlay.narration.text() == (step.narration.get(lang) or step.narration["en"])
            assert overlay.narration.textFormat() == Qt.TextFormat.PlainText
            overlay.next_button.click()
        overlay.tour_player.stop()
    window.action_visitor_preview.setChecked(False)


def test_text_fields_stop_at_the_schema_limits(make_window, tmp_path: Path) -> None:
    """A curator cannot type what Save would refuse: short text stops at 2,000, a body
    pasted beyond 200,000 is cut with a visible note, and the project saves."""
    schema = json.loads((REPO / "scenes" / "schema" / "exhibit.schema.json").read_text("utf-8"))["$defs"]
    from vitrine.app.panels.property_widgets import LONGTEXT_MAX, TEXT_MAX
    assert (TEXT_MAX, LONGTEXT_MAX) == (schema["text"]["maxLength"], schema["longtext"]["maxLength"])
    path = hostile_project(tmp_path / "p", PAYLOADS[:3] * 12).path
    window = make_window()
    assert window.open_project(path)
    ex = window.session.document.exhibit
    window.relay.select([ex.artifacts[0].id])
    holder = window.record_panel.object_rights.holder
    holder.selectAll()
    holder.insert("h" * (TEXT_MAX + 500))  # a paste: QLineEdit keeps only what fits
    holder.editingFinished.emit()
    assert ex.artifacts[0].rights.object.holder == "h" * TEXT_MAX
    assert window.inspector_panel.art_name.maxLength() == TEXT_MAX
    ann = ex.annotations[0]
    window.relay.select([ann.id])
    col = window.annotation_panel.columns["en"]
    assert col.title.maxLength() == LONGTEXT_MAX and not col.too_long.isVisibleTo(window.annotation_panel)
    pasted = ("b" * 79 + "\n") * (LONGTEXT_MAX // 80 + 1)  # lines: a 200,000-character single line lays out slowly
    col.body.setPlainText(pasted)
    assert ann.body["en"] == pasted[:LONGTEXT_MAX] and col.too_long.isVisibleTo(window.annotation_panel)
    window.action_save.trigger()
    assert Project.open(path).document.exhibit.annotations[0].body["en"] == pasted[:LONGTEXT_MAX]


def test_problem_tooltips_show_markup_literally() -> None:
    from vitrine.app.panels.plain_text import plain_tooltip
    from PySide6.QtGui import Qt as GuiQt
    hostile = "missing-rights: <img src=/etc/passwd> of 'x'"
    shown = plain_tooltip(hostile)
    assert GuiQt.mightBeRichText(hostile)
    assert "<img" not in shown and "&lt;img" in shown
    assert plain_tooltip("plain words") == "plain words"
