"""Links out of a project or bundle are never followed into an export, a verify or a server,
and zip exports are zip-slip safe. (`..` and absolute stored paths are covered in
tests/scenes/test_project_store.py; these are the cases it does not cover.)"""
from __future__ import annotations

import os
import stat
import threading
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from vitrine.exporters.bundle.bundle_writer import export_bundle, write_zip
from vitrine.exporters.errors import ExportError
from vitrine.exporters.trust.manifest import verify_bundle
from vitrine.exporters.delivery.static_server import make_server, url_of
from vitrine.scenes.storage.project_store import Project
from tests.exporters.conftest import make_project

SECRET = b"TOP-SECRET root:x:0:0 outside the project"


@pytest.fixture(autouse=True)
def _keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "b"
    export_bundle(make_project(tmp_path / "p"), out)
    return out


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_media_symlink_out_of_the_project_is_refused_by_export(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_bytes(SECRET)
    project = make_project(tmp_path / "p")
    os.symlink(secret, project.path / "media" / "innocent.png")
    project.document.exhibit.annotations[0].image.file = "media/innocent.png"
    project.save()
    out = tmp_path / "out" / "bundle"
    with pytest.raises(ExportError) as caught:
        export_bundle(Project.open(project.path), out)
    text = str(caught.value) + " ".join(getattr(caught.value, "details", []) or [])
    assert "innocent.png" in text and "\n" not in str(caught.value)
    assert not out.exists()
    for leftover in (tmp_path / "out").rglob("*"):  # no partial folder kept a copy
        assert not leftover.is_file() or SECRET not in leftover.read_bytes()


def test_verify_reports_a_symlink_planted_in_a_bundle(bundle: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_bytes(SECRET)
    os.symlink(secret, bundle / "media" / "extra.txt")
    result = verify_bundle(bundle)
    assert not result.ok
    assert any("media/extra.txt" in line for line in result.lines())


def test_server_does_not_follow_a_symlink_out(bundle: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_bytes(SECRET)
    os.symlink(secret, bundle / "leak.txt")
    os.symlink(tmp_path, bundle / "up")
    server = make_server(bundle, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = url_of(server).rsplit("/", 1)[0]  # url_of names index.html
        for path in ("/leak.txt", "/up/passwd", "/../passwd", "/%2e%2e/passwd"):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(base + path, timeout=10).read()
            assert caught.value.code == 404, path
        assert urllib.request.urlopen(base + "/index.html", timeout=10).status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_zip_entries_are_relative_and_never_links(bundle: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_bytes(SECRET)
    os.symlink(secret, bundle / "media" / "link.txt")
    zpath = write_zip(bundle, tmp_path / "b.zip", "../../evil/b")
    with zipfile.ZipFile(zpath) as zf:
        names = zf.namelist()
        assert names and all(not n.startswith("/") and ".." not in n.split("/") and "\\" not in n for n in names)
        tops = {n.split("/")[0] for n in names}
        assert len(tops) == 1 and ".." not in tops
        for info in zf.infolist():
            assert not stat.S_ISLNK(info.external_attr >> 16), info.filename
        assert not any(n.endswith("link.txt") for n in names)
        assert all(SECRET not in zf.read(n) for n in names)


def test_export_zip_matches_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out" / "z"
    rep = export_bundle(make_project(tmp_path / "p"), out, make_zip=True)
    with zipfile.ZipFile(rep.zip_path) as zf:
        names = sorted(n.split("/", 1)[1] for n in zf.namelist())
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert names == files
