"""`vitrine verify`, `vitrine export`, `vitrine keys new` and `vitrine serve` behaviour."""
from __future__ import annotations

import json
import shutil
import threading
import urllib.request
import zipfile
from pathlib import Path

import pytest

from vitrine.app.cli import main
from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.signing_keys import new_key
from vitrine.scenes.storage.project_store import Project

from .conftest import make_project


@pytest.fixture
def fresh(bundle, tmp_path: Path) -> Path:
    out = tmp_path / "copy"
    shutil.copytree(bundle[0], out)
    return out


def test_verify_fresh_bundle_exits_0(fresh, capsys):
    assert main(["verify", str(fresh)]) == 0
    assert "ok:" in capsys.readouterr().out


@pytest.mark.parametrize("rel", ["index.html", "models/painted-vase/low.glb", "exhibit.json", "data/exhibit.js",
                                 "viewer.js", "credits.html", "publisher-key.json", "manifest.json",
                                 "models/globe/medium.glb.js"])
def test_verify_names_a_changed_file(fresh, rel, capsys):
    path = fresh / rel
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert main(["verify", str(fresh)]) == 1
    out = capsys.readouterr().out
    if rel == "manifest.json":
        assert "signature: manifest.sig does not match manifest.json and publisher-key.json" in out
    else:
        assert f"changed: {rel}" in out


def test_verify_reports_missing_and_unlisted_files(fresh, capsys):
    (fresh / "credits.html").unlink()
    (fresh / "models" / "extra.glb").write_bytes(b"glTF")
    assert main(["verify", str(fresh)]) == 1
    out = capsys.readouterr().out
    assert "missing: credits.html" in out and "not listed in the manifest: models/extra.glb" in out


def test_verify_reports_a_bundle_signed_by_another_key(fresh, tmp_path, monkeypatch, capsys):
    original_key = fresh / "publisher-key.json"
    saved = tmp_path / "ours.json"
    shutil.copy(original_key, saved)
    ours = json.loads(saved.read_text())["fingerprint"]
    assert main(["verify", str(fresh), "--key", str(saved)]) == 0
    assert main(["verify", str(fresh), "--fingerprint", ours]) == 0
    # a re-signed bundle with someone else's key: self-consistent, but not ours
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "other"))
    from vitrine.exporters.trust.manifest import write_signed_manifest
    other = new_key()
    (fresh / "publisher-key.json").write_text(json.dumps(other.public.to_json()))
    write_signed_manifest(fresh, other, generator="x", created="now", institution="Imposter")
    capsys.readouterr()
    assert main(["verify", str(fresh)]) == 0  # this machine's own key (the config folder holding 'other')
    assert capsys.readouterr().out.endswith(f"signed by {other.public.fingerprint} (trusted: your signing key)\n")
    assert main(["verify", str(fresh), "--key", str(saved)]) == 1  # --key accepts only that key
    assert capsys.readouterr().out == (f"untrusted: signed by {other.public.fingerprint}, "
                                       f"not the key given with --key ({ours})\n")


def test_export_cli_warns_for_missing_rights_and_kiosk_refuses(tmp_path, viewer_dir, monkeypatch, capsys):
    import vitrine.exporters.bundle.bundle_writer as bw
    monkeypatch.setattr(bw, "VIEWER_DIR", viewer_dir)
    project = make_project(tmp_path, rights=False)
    assert main(["export", str(project.path), "--out", str(tmp_path / "web")]) == 0
    err = capsys.readouterr().err
    assert "warning: no rights statement" in err and "Painted Vase" in err
    assert main(["export", str(project.path), "--out", str(tmp_path / "kiosk"), "--profile", "kiosk"]) == 2
    err = capsys.readouterr().err
    assert "kiosk" in err and "Traceback" not in err and "the image of annotation 'Rim'" in err
    assert not (tmp_path / "kiosk").exists()


def test_export_refuses_bad_input_with_one_line(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope.vitrine"), "--out", str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "thesis.txt").write_text("keep me")
    project = make_project(tmp_path / "p")
    with pytest.raises(ExportError, match="not a Vitrine bundle"):
        export_bundle(project, tmp_path / "precious")
    assert (tmp_path / "precious" / "thesis.txt").read_text() == "keep me"


def test_kiosk_profile_and_levels(tiny_project, viewer_dir, tmp_path):
    rep = export_bundle(tiny_project, tmp_path / "k", profile="kiosk", levels=["low"], viewer_dir=viewer_dir)
    doc = json.loads((tmp_path / "k" / "exhibit.json").read_text())
    assert doc["bundle"]["profile"] == "kiosk"
    vase = next(a for a in doc["artifacts"] if a["name"] == "Painted Vase")
    assert [m["level"] for m in vase["models"]] == ["low"]
    assert any("none of the levels low" in w for w in rep.warnings)  # the globe only has 'medium'


def test_zip_has_only_safe_names(tiny_project, viewer_dir, tmp_path):
    rep = export_bundle(tiny_project, tmp_path / "z", make_zip=True, viewer_dir=viewer_dir)
    assert rep.zip_path == tmp_path / "z.zip" and (tmp_path / "z" / "index.html").is_file()
    with zipfile.ZipFile(rep.zip_path) as zf:
        names = zf.namelist()
        assert "z/index.html" in names and "z/manifest.sig" in names
        for n in names:
            assert not n.startswith("/") and ".." not in n.split("/") and "\\" not in n and ":" not in n
        assert zf.read("z/manifest.json") == (tmp_path / "z" / "manifest.json").read_bytes()


def test_export_over_existing_bundle_is_atomic(tiny_project, viewer_dir, tmp_path, monkeypatch):
    out = tmp_path / "b"
    export_bundle(tiny_project, out, viewer_dir=viewer_dir)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    import vitrine.exporters.bundle.bundle_writer as bw
    from vitrine.assets.progress import CancelToken, Cancelled

    def boom(*a, **k):
        raise RuntimeError("killed while signing")

    monkeypatch.setattr(bw, "write_signed_manifest", boom)
    with pytest.raises(RuntimeError):
        export_bundle(tiny_project, out, viewer_dir=viewer_dir)
    monkeypatch.undo()
    token = CancelToken()
    seen = []

    def progress(f, msg):
        seen.append(f)
        if f > 0.3:
            token.cancel()

    with pytest.raises(Cancelled):
        export_bundle(tiny_project, out, viewer_dir=viewer_dir, progress=progress, cancel=token)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    rep = export_bundle(tiny_project, out, viewer_dir=viewer_dir)  # a good export replaces it
    assert rep.out_dir == out and main(["verify", str(out)]) == 0


def test_keys_new_and_first_export_creates_key(tmp_path, monkeypatch, viewer_dir, capsys):
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "cfg"))
    import vitrine.exporters.bundle.bundle_writer as bw
    monkeypatch.setattr(bw, "VIEWER_DIR", viewer_dir)
    project = make_project(tmp_path)
    assert main(["export", str(project.path), "--out", str(tmp_path / "b")]) == 0
    err = capsys.readouterr().err
    assert "created a signing key at" in err and str(tmp_path / "cfg" / "signing-key.pem") in err
    assert main(["keys", "new"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["keys", "new", "--force"]) == 0
    assert "SHA256:" in capsys.readouterr().out
    assert (tmp_path / "cfg" / "signing-key.pem").stat().st_mode & 0o777 == 0o600


def test_static_server_mime_types_and_confinement(bundle):
    from vitrine.exporters.delivery.static_server import make_server, url_of
    out, _ = bundle
    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = url_of(server).rsplit("/", 1)[0]
        for rel, mime in [("models/painted-vase/low.glb", "model/gltf-binary"), ("viewer.js", "text/javascript"),
                          ("exhibit.json", "application/json"), ("index.html", "text/html")]:
            with urllib.request.urlopen(f"{base}/{rel}") as resp:
                assert resp.headers["Content-Type"].startswith(mime)
                assert resp.read() == (out / rel).read_bytes()
        vtt = next((out / "media").glob("*.vtt")).name
        with urllib.request.urlopen(f"{base}/media/{vtt}") as resp:
            assert resp.headers["Content-Type"].startswith("text/vtt")
        for bad in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/models/"):
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(base + bad)
            assert info.value.code == 404
    finally:
        server.shutdown()
        server.server_close()
