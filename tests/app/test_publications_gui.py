"""The editor's publication controls: the Record and Rights panel's Publication group and the
File ▸ Publications dialog (register table, Verify naming the first bad entry)."""
from __future__ import annotations

from pathlib import Path

import pytest

from vitrine.exporters.publication.register import append_entry, register_path
from vitrine.exporters.trust.signing_keys import load_or_create_key
from vitrine.scenes.editing.artifact_commands import import_scan_command
from vitrine.scenes.exhibit_model import Artifact, Asset, PublicationSettings

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]

IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/"


def _project_with_artifact(window, tmp_path: Path) -> str:
    window.new_project(tmp_path / "p")
    asset = Asset(id="b" * 64, original_name="bowl.ply", file="assets/bowl.ply", format="ply")
    artifact = Artifact(name="Bowl", asset_id=asset.id)
    artifact.rights.model.statement_uri = IN_COPYRIGHT
    window.relay.push(import_scan_command(window.session.document, asset, artifact))
    return artifact.id


def test_publication_group_raises_the_level_and_withholds_nothing_the_rights_forbid(make_window, tmp_path) -> None:
    window = make_window()
    art_id = _project_with_artifact(window, tmp_path)
    window.relay.select([art_id])
    editor = window.record_panel.publication
    assert "(high)" in editor.level.itemText(0)  # in copyright: the rights default is 'high'
    assert "'high'" in editor.effect.text() and "do not allow reuse" in editor.effect.text()
    editor.level.setCurrentIndex(editor.level.findData("original"))
    editor.level.activated.emit(editor.level.currentIndex())
    art = window.session.document.find(art_id)
    assert art.publication == PublicationSettings(max_level="original", allow_download=None)
    assert "'original'" in editor.effect.text()
    assert window.action_undo.text().replace("&", "") == "Undo Change Publication Policy"
    window.action_undo.trigger()
    assert window.session.document.find(art_id).publication == PublicationSettings()
    assert editor.level.currentIndex() == 0


def test_publications_dialog_lists_exports_and_verify_names_an_edited_entry(make_window, tmp_path) -> None:
    from vitrine.app.dialogs.publications_dialog import PublicationsDialog
    window = make_window()
    _project_with_artifact(window, tmp_path)
    assert window.action_publications in window.menu_file.actions() and window.action_publications.isEnabled()
    project_dir = window.project.path
    key, _ = load_or_create_key()
    for n, who in enumerate(("Partner museum", "Kiosk 2"), 1):
        append_entry(project_dir, key, {"export_id": f"{n:032x}", "recipient": who, "profile": "web",
                                        "exported_at": f"2026-12-0{n}T09:00:00Z", "manifest_sha256": "0" * 64,
                                        "artifacts": [{"artifact_id": "art-0123456789ab", "name": "Bowl",
                                                       "levels": [{"level": "high", "asset_sha256": "1" * 64}]}]})
    dialog = PublicationsDialog(project_dir, window)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["Partner museum", "Kiosk 2"]
    assert dialog.table.item(0, 3).text() == f"{1:032x}" and dialog.table.item(1, 4).text() == "Bowl (high)"
    dialog.verify_button.click()
    assert dialog.status.text().startswith("Verified: 2 entries")
    path = register_path(project_dir)
    path.write_text(path.read_text("utf-8").replace("Kiosk 2", "Kiosk 9"), encoding="utf-8")
    dialog.reload()
    dialog.verify_button.click()
    assert dialog.status.text() == ("Not sound: line 2: changed after it was written "
                                    "(its hash does not match its content)")
    assert dialog.table.selectionModel().isRowSelected(1)
    dialog.close()


def test_export_dialog_names_the_recipient_and_the_export_is_registered(make_window, tmp_path, qtbot,
                                                                        monkeypatch) -> None:
    from vitrine.app.dialogs.export_dialog import ExportDialog
    from vitrine.exporters.publication.register import read_entries
    from tests.exporters.conftest import REAL_VIEWER, make_project, real_viewer_built
    dialog = ExportDialog(str(tmp_path / "out"))
    dialog.recipient.setText("  Partner museum  ")
    dialog.max_level.setCurrentIndex(dialog.max_level.findData("low"))
    options = dialog.options()
    assert options["recipient"] == "Partner museum" and options["max_level"] == "low"
    assert real_viewer_built(), f"build the viewer first ({REAL_VIEWER})"
    project = make_project(tmp_path)
    window = make_window()
    assert window.open_project(project.path)
    job = window.export_bundle(**options)
    with qtbot.waitSignal(job.succeeded, timeout=60000) as blocker:
        pass
    report = blocker.args[0]
    entry = read_entries(project.path)[-1]
    assert (entry["recipient"], entry["export_id"]) == ("Partner museum", report.export_id)
    assert all(lv["level"] in ("thumbnail", "low") or lv["faces"] + lv["points"] <= 30_000
               for art in entry["artifacts"] for lv in art["levels"])
