"""Project files honour the user's umask (colleagues on a shared drive can read them), as
``open()`` would; they are no longer written 0600."""
from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from vitrine.scenes.storage.atomic_files import atomic_write, current_umask
from vitrine.scenes.editing.exhibit_commands import EditExhibitText
from vitrine.scenes.storage.project_store import BACKUP_NAME, DOCUMENT_NAME, RECOVERY_NAME, Project


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_saved_project_files_get_the_mode_the_umask_gives(tmp_path: Path, mask: int, expected: int) -> None:
    with umask(mask):
        project = Project.create(tmp_path / "shared.vitrine", title="Shared")
        project.document.history.push(EditExhibitText(project.document, "title", "en", "Shared drive"))
        project.save()
        project.save()  # the second save keeps a backup of the first
        _, rel = project.store_asset_bytes(b"solid\nendsolid\n", ".stl")
        project.write_recovery()
        written = [project.path / DOCUMENT_NAME, project.path / BACKUP_NAME, project.path / RECOVERY_NAME,
                   project.resolve(rel)]
        assert {str(p.relative_to(tmp_path)): oct(mode_of(p)) for p in written} == \
            {str(p.relative_to(tmp_path)): oct(expected) for p in written}


def test_an_explicit_mode_wins_over_the_umask(tmp_path: Path) -> None:
    with umask(0o000):
        atomic_write(tmp_path / "secret", b"x", mode=0o600)
        atomic_write(tmp_path / "open", b"x")
    assert (mode_of(tmp_path / "secret"), mode_of(tmp_path / "open")) == (0o600, 0o666)


def test_reading_the_umask_leaves_it_as_it_was() -> None:
    with umask(0o027):
        assert current_umask() == 0o027
        assert current_umask() == 0o027
