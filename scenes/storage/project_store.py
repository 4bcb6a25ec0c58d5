"""A project on disk: ``NAME.vitrine/`` with ``exhibit.json``, ``assets/`` and ``media/``.

* Saves are atomic: a temporary file in the same folder, flushed and fsynced,
  renamed over ``exhibit.json``; the previous version is kept as ``exhibit.json.bak``.
  Killed at any moment, the project opens with the old or the new state.
* Unsaved edits go to a recovery file ``.recovery.json`` (also written atomically).
* Assets are stored by content hash and never modified once written.
"""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from vitrine.scenes.storage.atomic_files import CHUNK, atomic_copy, atomic_write
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.storage.exhibit_format import DocumentError, exhibit_to_json, parse_exhibit
from vitrine.scenes.exhibit_model import Exhibit
from vitrine.scenes.storage.migrations import MigrationError, NewerVersionError
from vitrine.scenes.storage.safe_paths import UnsafePathError, resolve_inside, safe_file_name
from vitrine.scenes.checks.validation import Problem, find_problems

DOCUMENT_NAME = "exhibit.json"
BACKUP_NAME = "exhibit.json.bak"
RECOVERY_NAME = ".recovery.json"
PROJECT_SUFFIX = ".vitrine"


class ProjectError(Exception):
    """A project cannot be opened or saved; the message is one line naming the file."""

    def __init__(self, message: str, details: Optional[list[str]] = None) -> None:
        super().__init__(message)
        self.details = details or []


def _asset_rel(digest: str, ext: str) -> str:
    """Where a content-addressed asset lives in a project: ``assets/<sha256>[.ext]``."""
    return f"assets/{digest}.{ext}" if ext else f"assets/{digest}"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class RecoveryInfo:
    """Unsaved edits found beside a project after a crash."""

    path: Path
    saved_at: float


class Project:
    """An open project: its folder, its document and the problems found when opening."""

    def __init__(self, path: Path, document: ExhibitDocument, problems: Optional[list[Problem]] = None,
                 migrated_from: Optional[list[int]] = None) -> None:
        self.path = Path(path)
        self.document = document
        self.problems = problems or []
        self.migrated_from = migrated_from or []

    # --- creating and opening -------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, *, title: str = "", languages: Optional[list[str]] = None,
               exhibit: Optional[Exhibit] = None) -> "Project":
        """Make a new project folder (refusing to overwrite one) and save it."""
        path = Path(path)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        if (path / DOCUMENT_NAME).exists():
            raise ProjectError(f"{path}: a project already exists there")
        if path.exists() and any(path.iterdir()):
            raise ProjectError(f"{path}: the folder exists and is not empty")
        if exhibit is None:
            exhibit = Exhibit()
            if languages:
                exhibit.languages = list(languages)
            if title:
                exhibit.title = {exhibit.languages[0]: title}
        try:
            for sub in ("", "assets", "media"):
                (path / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"{path}: cannot create the project folder ({exc.strerror})") from None
        project = cls(path, ExhibitDocument(exhibit))
        project.save()
        return project

    @classmethod
    def open(cls, path: Path | str) -> "Project":
        """Open, migrate and validate a project; dangling references become ``problems``."""
        path = Path(path)
        if path.is_file() and path.name == DOCUMENT_NAME:
            path = path.parent
        doc_path = path / DOCUMENT_NAME
        if not path.is_dir():
            raise ProjectError(f"{path}: no such project folder")
        if not doc_path.is_file():
            raise ProjectError(f"{doc_path}: missing (is this a Vitrine project?)")
        try:
            raw = doc_path.read_bytes()
        except OSError as exc:
            raise ProjectError(f"{doc_path}: cannot read ({exc.strerror})") from None
        try:
            exhibit, migrated = parse_exhibit(raw)
        except NewerVersionError as exc:
            raise ProjectError(f"{doc_path}: {exc}; it was left untouched") from None
        except (DocumentError, MigrationError) as exc:
            hint = f" (a backup is at {path / BACKUP_NAME})" if (path / BACKUP_NAME).is_file() else ""
            details = [str(i) for i in getattr(exc, "issues", [])]
            raise ProjectError(f"{doc_path}: {exc}{hint}", details) from None
        project = cls(path, ExhibitDocument(exhibit), migrated_from=migrated)
        project.problems = project.validate()
        return project

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        """Atomically write ``exhibit.json``, keeping the previous one as a backup."""
        doc_path = self.path / DOCUMENT_NAME
        try:
            data = exhibit_to_json(self.document.exhibit, validate=True).encode("utf-8")
        except DocumentError as exc:
            raise ProjectError(f"{doc_path}: cannot save: {exc}; nothing was overwritten",
                               [str(i) for i in exc.issues]) from None
        try:
            if doc_path.is_file():
                atomic_write(self.path / BACKUP_NAME, doc_path.read_bytes())
            atomic_write(doc_path, data)
        except OSError as exc:
            raise ProjectError(f"{doc_path}: cannot save ({exc.strerror}); nothing was overwritten") from None
        self.discard_recovery()
        self.document.history.set_clean()

    def save_as(self, new_path: Path | str) -> None:
        """Copy the project's stored files to a new folder and save the document there."""
        new_path = Path(new_path)
        if new_path.suffix != PROJECT_SUFFIX:
            new_path = new_path.with_name(new_path.name + PROJECT_SUFFIX)
        if new_path.resolve() == self.path.resolve():
            self.save()
            return
        if (new_path / DOCUMENT_NAME).exists():
            raise ProjectError(f"{new_path}: a project already exists there")
        for sub in ("assets", "media"):
            src = self.path / sub
            if src.is_dir():
                shutil.copytree(src, new_path / sub, dirs_exist_ok=True, symlinks=False)
            (new_path / sub).mkdir(parents=True, exist_ok=True)
        self.path = new_path
        self.save()

    # --- recovery --------------------------------------------------------------------------
    def write_recovery(self) -> None:
        """Autosave unsaved edits beside the project (never over ``exhibit.json``)."""
        data = exhibit_to_json(self.document.exhibit).encode("utf-8")
        atomic_write(self.path / RECOVERY_NAME, data)

    def recovery(self) -> Optional[RecoveryInfo]:
        path = self.path / RECOVERY_NAME
        if not path.is_file():
            return None
        return RecoveryInfo(path, path.stat().st_mtime)

    def restore_recovery(self) -> None:
        """Load the autosaved edits as unsaved changes (the saved file stays as it was)."""
        info = self.recovery()
        if info is None:
            raise ProjectError(f"{self.path}: no autosaved changes to restore")
        try:
            exhibit, _ = parse_exhibit(info.path.read_bytes())
        except (DocumentError, MigrationError, NewerVersionError, OSError) as exc:
            raise ProjectError(f"{info.path}: the autosaved changes cannot be read ({exc})") from None
        self.document.replace_exhibit(exhibit)
        self.document.history._clean_index = None  # restored edits are unsaved
        self.document.history.changed.emit()
        self.problems = self.validate()

    def discard_recovery(self) -> None:
        try:
            (self.path / RECOVERY_NAME).unlink()
        except FileNotFoundError:
            pass

    # --- stored files -----------------------------------------------------------------------
    def resolve(self, rel: str) -> Path:
        """Absolute path of a stored relative path; raises UnsafePathError if it escapes."""
        return resolve_inside(self.path, rel)

    def store_asset_file(self, source: Path | str, extension: Optional[str] = None, *,
                         expected_sha256: Optional[str] = None) -> tuple[str, str]:
        """Copy a file into ``assets/`` under its SHA-256; returns (sha256, relative path).

        A file already stored is left untouched (write-once).  With ``expected_sha256`` (the
        hash taken when the file was read) a new file is hashed while it is copied, one read
        instead of two, and ``ValueError`` is raised, nothing stored, when it has changed."""
        source = Path(source)
        ext = (extension or source.suffix).lower().lstrip(".")
        if expected_sha256 is not None:
            rel = _asset_rel(expected_sha256, ext)
            target = self.resolve(rel)
            digest = sha256_file(source) if target.exists() else \
                atomic_copy(source, target, expected_sha256=expected_sha256)
            if digest != expected_sha256:
                raise ValueError(f"{source.name}: its bytes are not those expected (SHA-256 differs)")
            return digest, rel
        digest = sha256_file(source)
        rel = _asset_rel(digest, ext)
        target = self.resolve(rel)
        if not target.exists():
            atomic_copy(source, target)
        return digest, rel

    def store_asset_bytes(self, data: bytes, extension: str) -> tuple[str, str]:
        """Store derived bytes (a level of detail, a texture) by content hash."""
        digest = hashlib.sha256(data).hexdigest()
        rel = _asset_rel(digest, extension.lstrip("."))
        target = self.resolve(rel)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
        return digest, rel

    def store_media_file(self, source: Path | str) -> str:
        """Copy an image, audio or captions file into ``media/``; returns its relative path."""
        source = Path(source)
        digest = sha256_file(source)
        rel = f"media/{digest[:12]}-{safe_file_name(source.name)}"
        target = self.resolve(rel)
        if not target.exists():
            atomic_copy(source, target)
        return rel

    # --- checks ------------------------------------------------------------------------------------
    def validate(self) -> list[Problem]:
        """Problems with the document and its stored files (nothing is dropped)."""
        return find_problems(self.document.exhibit, self.path)

    @property
    def name(self) -> str:
        return self.path.name[: -len(PROJECT_SUFFIX)] if self.path.name.endswith(PROJECT_SUFFIX) else self.path.name

    @property
    def is_modified(self) -> bool:
        return not self.document.history.is_clean


def summary(project: Project) -> dict:
    """A JSON-ready overview used by ``vitrine info``."""
    ex = project.document.exhibit
    return {
        "path": str(project.path),
        "title": ex.title,
        "languages": ex.languages,
        "institution": ex.institution,
        "schema_version": ex.schema_version,
        "assets": len(ex.assets),
        "artifacts": [{"id": a.id, "name": a.name, "asset_id": a.asset_id} for a in ex.artifacts],
        "plinths": len(ex.plinths),
        "lights": len(ex.lights),
        "viewpoints": len(ex.viewpoints),
        "annotations": len(ex.annotations),
        "tours": [{"id": t.id, "title": t.title, "steps": len(t.steps)} for t in ex.tours],
        "problems": len(project.problems),
        "recovery_available": project.recovery() is not None,
    }

