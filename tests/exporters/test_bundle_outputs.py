"""Further bundle outputs are written before signing: what they write is listed and signed."""
from __future__ import annotations

import json

import pytest


def test_an_output_is_signed_and_sees_the_document(tiny_project, viewer_dir, tmp_path, monkeypatch):
    from vitrine.exporters import bundle_outputs
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.exporters.trust.manifest import verify_bundle
    seen = {}

    def write_note(ctx):
        seen["title"] = ctx.document["title"]
        seen["url"] = ctx.public_url
        (ctx.root / "notes").mkdir()
        (ctx.root / "notes" / "hello.txt").write_text("hello", encoding="utf-8")
        ctx.report.warnings.append("note written")

    # after the registered outputs (every bundle carries its standards files: see tests/bundle_contract.py)
    monkeypatch.setattr(bundle_outputs, "OUTPUTS", [*bundle_outputs.OUTPUTS, ("note", write_note)])
    rep = export_bundle(tiny_project, tmp_path / "b", viewer_dir=viewer_dir, public_url="https://example.org/x/")
    assert seen == {"title": json.loads((tmp_path / "b" / "exhibit.json").read_text("utf-8"))["title"],
                    "url": "https://example.org/x/"}
    assert "note written" in rep.warnings
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text("utf-8"))
    assert "notes/hello.txt" in json.dumps(manifest)
    assert verify_bundle(tmp_path / "b").ok
    (tmp_path / "b" / "notes" / "hello.txt").write_text("changed", encoding="utf-8")
    assert not verify_bundle(tmp_path / "b").ok


def test_an_output_that_fails_leaves_no_bundle(tiny_project, viewer_dir, tmp_path, monkeypatch):
    from vitrine.exporters import bundle_outputs
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    from vitrine.exporters.errors import ExportError

    def refuse(ctx):
        raise ExportError("scene.svx.json: cannot describe this exhibit")

    monkeypatch.setattr(bundle_outputs, "OUTPUTS", [("refuse", refuse)])
    with pytest.raises(ExportError, match="cannot describe this exhibit"):
        export_bundle(tiny_project, tmp_path / "b", viewer_dir=viewer_dir)
    assert not (tmp_path / "b").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.partial")]
