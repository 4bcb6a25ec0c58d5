"""The kiosk profile refuses to export with accessibility problems (issue 15), as it does for missing
rights; the web profile exports and lists them as warnings; `vitrine validate` prints them."""
from __future__ import annotations

import pytest

from vitrine.app.cli import main
from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.exporters.errors import ExportError
from vitrine.scenes.checks.accessibility_checks import READABLE_BODY_CHARS

from .conftest import make_project


def _inaccessible(tmp_path):
    """make_project with its annotation's image alt text removed and its narration's captions dropped."""
    project = make_project(tmp_path / "p")
    ann = next(a for a in project.document.exhibit.annotations if a.image)
    ann.image.alt = {}
    for clip in ann.audio.values():
        clip.captions = None
    ann.body["en"] = "word " * (READABLE_BODY_CHARS // 5 + 1)
    project.save()
    return project, ann


def test_kiosk_refuses_missing_alt_text_captions_and_long_text(tmp_path, viewer_dir):
    project, ann = _inaccessible(tmp_path)
    with pytest.raises(ExportError) as info:
        export_bundle(project, tmp_path / "kiosk", profile="kiosk", viewer_dir=viewer_dir)
    assert "the kiosk profile needs alt text, captions and readable text; 3 accessibility problem(s)" in str(info.value)
    assert info.value.details == [
        f"the image of annotation '{ann.title['en']}' has no alt text",
        f"the en audio of annotation '{ann.title['en']}' has no captions",
        f"the en text of annotation '{ann.title['en']}' has {len(ann.body['en'].strip()):,} characters; "
        f"keep it under {READABLE_BODY_CHARS:,} to be readable",
    ]
    assert not (tmp_path / "kiosk").exists()


def test_web_exports_with_accessibility_warnings(tmp_path, viewer_dir):
    project, ann = _inaccessible(tmp_path)
    rep = export_bundle(project, tmp_path / "web", viewer_dir=viewer_dir)
    assert f"accessibility: the image of annotation '{ann.title['en']}' has no alt text" in rep.warnings
    assert (tmp_path / "web" / "index.html").is_file()


def test_cli_validate_and_kiosk_export_name_the_problems(tmp_path, capsys):
    project, ann = _inaccessible(tmp_path)
    assert main(["validate", str(project.path)]) == 1
    out = capsys.readouterr().out
    assert f"warning: missing-alt-text: the image of annotation '{ann.title['en']}' has no alt text [{ann.id}]" in out
    assert f"warning: missing-captions: the en audio of annotation '{ann.title['en']}' has no captions [{ann.id}]" in out
    assert main(["export", str(project.path), "--out", str(tmp_path / "k"), "--profile", "kiosk"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"  the image of annotation '{ann.title['en']}' has no alt text" in err.splitlines()
    assert any(ln.startswith("vitrine: ") and ln.endswith("3 accessibility problem(s)") for ln in err.splitlines())
