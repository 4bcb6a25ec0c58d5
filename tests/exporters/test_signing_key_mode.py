"""The signing key stays private (0600) whatever the umask, while the bundle and its zip,
like project files, get what the umask gives."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.exporters.trust.signing_keys import key_path, load_or_create_key

from .conftest import make_project


def test_the_signing_key_is_0600_even_under_an_open_umask(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "cfg"))
    old = os.umask(0o000)
    try:
        _, created = load_or_create_key()
    finally:
        os.umask(old)
    assert created
    assert oct(stat.S_IMODE(key_path().stat().st_mode)) == oct(0o600)
    assert oct(stat.S_IMODE(key_path().parent.stat().st_mode)) == oct(0o700)


def test_the_zip_beside_a_bundle_follows_the_umask(tmp_path: Path, monkeypatch, viewer_dir) -> None:
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "cfg"))
    project = make_project(tmp_path)
    old = os.umask(0o022)
    try:
        export_bundle(project, tmp_path / "bundle", viewer_dir=viewer_dir, make_zip=True)
    finally:
        os.umask(old)
    assert oct(stat.S_IMODE((tmp_path / "bundle.zip").stat().st_mode)) == oct(0o644)
    assert oct(stat.S_IMODE(key_path().stat().st_mode)) == oct(0o600)
