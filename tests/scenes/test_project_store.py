"""The project on disk: atomic saves with backup, recovery, refusal of newer files,
dangling references listed not dropped, stored paths kept inside the folder."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from vitrine.scenes.editing.artifact_commands import AddArtifact, MoveArtifact
from vitrine.scenes.editing.exhibit_commands import EditExhibitText
from vitrine.scenes.exhibit_model import Annotation, Artifact, Asset, AssetLevel, MediaImage, Transform
from vitrine.scenes.storage.project_store import BACKUP_NAME, DOCUMENT_NAME, Project, ProjectError
from vitrine.scenes.storage.safe_paths import UnsafePathError, check_relative, resolve_inside, safe_file_name, slugify


def test_create_save_open_round_trip(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "Museum", title="Bronzes", languages=["zh-Hans", "en"])
    assert project.path.name == "Museum.vitrine"
    assert {p.name for p in project.path.iterdir()} == {"exhibit.json", "assets", "media"}
    doc = project.document
    doc.history.push(EditExhibitText(doc, "title", "en", "Bronzes"))
    assert project.is_modified
    project.save()
    assert not project.is_modified
    again = Project.open(project.path)
    assert again.document.exhibit == doc.exhibit
    assert again.document.exhibit.languages == ["zh-Hans", "en"]


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    Project.create(tmp_path / "a.vitrine")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_path / "a.vitrine")


def test_save_keeps_the_previous_version_as_a_backup(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p")
    doc = project.document
    first = (project.path / DOCUMENT_NAME).read_bytes()
    doc.history.push(EditExhibitText(doc, "title", "en", "Second"))
    project.save()
    assert (project.path / BACKUP_NAME).read_bytes() == first
    assert json.loads((project.path / DOCUMENT_NAME).read_text())["title"] == {"en": "Second"}
    assert not [p for p in project.path.iterdir() if p.name.endswith(".tmp")]


def test_newer_documents_are_refused_and_left_untouched(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p")
    path = project.path / DOCUMENT_NAME
    data = json.loads(path.read_text())
    data["schema_version"] = 7
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="newer Vitrine.*left untouched"):
        Project.open(project.path)
    assert path.read_bytes() == before


def test_corrupt_documents_name_the_file_and_the_backup(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p")
    project.save()
    (project.path / DOCUMENT_NAME).write_text('{"schema_version": 1, "id": "exh-0123456789ab", "title": {}, "lang')
    with pytest.raises(ProjectError) as info:
        Project.open(project.path)
    message = str(info.value)
    assert str(project.path / DOCUMENT_NAME) in message and "not valid JSON" in message and BACKUP_NAME in message
    assert "\n" not in message


def test_dangling_references_are_listed_and_nothing_is_dropped(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p")
    ex = project.document.exhibit
    ex.assets.append(Asset(id="b" * 64, file="assets/" + "b" * 64 + ".ply", original_name="vase.ply",
                           levels=[AssetLevel("low", "assets/low.glb")]))
    art = Artifact(name="Vase", asset_id="b" * 64)
    ex.artifacts.append(art)
    ex.annotations.append(Annotation(artifact_id="art-0000deadbeef", title={"en": "Lost"}))
    ex.annotations.append(Annotation(artifact_id=art.id, title={"en": "Pic"}, image=MediaImage(file="media/gone.png")))
    project.save()
    again = Project.open(project.path)
    codes = sorted(p.code for p in again.problems)
    assert "orphan-annotation" in codes and codes.count("missing-file") == 3
    assert len(again.document.exhibit.annotations) == 2
    orphan = next(p for p in again.problems if p.code == "orphan-annotation")
    assert orphan.object_id == ex.annotations[0].id


def test_recovery_file_restores_unsaved_edits(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p")
    doc = project.document
    art = Artifact(name="Vase")
    doc.history.push(AddArtifact(doc, art))
    project.save()
    doc.history.push(MoveArtifact(doc, art.id, Transform(translation=(1.5, 0, 0))))
    project.write_recovery()
    del project  # the editor crashed here

    reopened = Project.open(tmp_path / "p.vitrine")
    assert reopened.document.get(art.id).transform.translation == (0.0, 0.0, 0.0)
    assert reopened.recovery() is not None
    reopened.restore_recovery()
    assert reopened.document.get(art.id).transform.translation == (1.5, 0.0, 0.0)
    assert reopened.is_modified
    reopened.save()
    assert reopened.recovery() is None


def test_content_addressed_assets_are_written_once(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p")
    scan = tmp_path / "扫描 scan.ply"
    scan.write_bytes(b"ply\nformat ascii 1.0\nend_header\n")
    digest, rel = project.store_asset_file(scan)
    stored = project.resolve(rel)
    assert stored.read_bytes() == scan.read_bytes() and digest in rel
    mtime = stored.stat().st_mtime_ns
    assert project.store_asset_file(scan) == (digest, rel)
    assert stored.stat().st_mtime_ns == mtime
    media = project.store_media_file(scan)
    assert media.startswith("media/") and "扫描" in media


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "a/../../x", "C:\\x", "C:/x", "a\\..\\x", "", "a\x00b"])
def test_stored_paths_may_not_escape(tmp_path: Path, bad: str) -> None:
    with pytest.raises(UnsafePathError):
        resolve_inside(tmp_path, bad)


def test_links_out_of_the_project_are_refused(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    os.symlink(outside, project.path / "media" / "link.png")
    with pytest.raises(UnsafePathError, match="outside"):
        project.resolve("media/link.png")
    ex = project.document.exhibit
    ex.artifacts.append(Artifact(name="A"))
    ex.annotations.append(Annotation(artifact_id=ex.artifacts[0].id, image=MediaImage(file="media/link.png")))
    assert any(p.code == "unsafe-path" for p in project.validate())


def test_safe_names() -> None:
    assert check_relative("media/./a.png").as_posix() == "media/a.png"
    assert safe_file_name("../../etc/pass wd.PNG") == "pass wd.png"
    assert safe_file_name("..\\..\\x.mp3") == "x.mp3"
    assert safe_file_name("...") == "file"
    assert safe_file_name("青铜器 照片.jpg") == "青铜器 照片.jpg"
    assert slugify("Bust of Laurana!") == "bust-of-laurana"
    assert slugify("青铜器", "artifact") == "artifact"
