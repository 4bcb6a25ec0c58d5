"""Problems in an exhibit: dangling references, missing files, missing translations and rights,
and accessibility (alt text, captions, readable length: accessibility_checks.py).

Nothing is dropped: a project with problems still opens, and each problem names
the object concerned so the editor can select it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator, Optional

from .exhibit_model import Exhibit, Rights
from .accessibility_checks import accessibility_problems
from .ids import is_valid_id
from .safe_paths import UnsafePathError, resolve_inside


@dataclass(frozen=True)
class Problem:
    """``severity`` is 'error', 'warning' or 'info'; ``code`` is stable for scripts."""

    severity: str
    code: str
    message: str
    object_id: Optional[str] = None

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = f" [{self.object_id}]" if self.object_id else ""
        return f"{self.severity}: {self.code}: {self.message}{where}"


def find_problems(exhibit: Exhibit, root: Optional[Path] = None) -> list[Problem]:
    """Every problem found; file checks run only when ``root`` (the project folder) is given."""
    problems = list(_reference_problems(exhibit))
    problems += list(_duplicate_ids(exhibit))
    problems += list(_translation_problems(exhibit))
    problems += list(_rights_problems(exhibit))
    problems += [Problem(*found) for found in accessibility_problems(exhibit)]
    if root is not None:
        problems += list(_file_problems(exhibit, root))
    return problems


def _reference_problems(ex: Exhibit) -> Iterator[Problem]:
    assets = {a.id for a in ex.assets}
    artifacts = {a.id for a in ex.artifacts}
    viewpoints = {v.id for v in ex.viewpoints}
    annotations = {a.id for a in ex.annotations}
    for art in ex.artifacts:
        if art.asset_id not in assets:
            yield Problem("error", "missing-asset", f"artifact '{art.name}' refers to an asset that is not in the project", art.id)
    for ann in ex.annotations:
        if ann.artifact_id not in artifacts:
            yield Problem("error", "orphan-annotation", f"annotation '{_first(ann.title)}' is pinned to an artifact that no longer exists", ann.id)
        if ann.viewpoint_id and ann.viewpoint_id not in viewpoints:
            yield Problem("warning", "missing-viewpoint", f"annotation '{_first(ann.title)}' flies to a viewpoint that no longer exists", ann.id)
    if ex.start_viewpoint_id and ex.start_viewpoint_id not in viewpoints:
        yield Problem("warning", "missing-viewpoint", "the start view refers to a viewpoint that no longer exists", ex.id)
    for tour in ex.tours:
        if not tour.steps:
            yield Problem("info", "empty-tour", f"tour '{_first(tour.title)}' has no steps", tour.id)
        for n, step in enumerate(tour.steps, 1):
            if step.viewpoint_id and step.viewpoint_id not in viewpoints:
                yield Problem("warning", "missing-viewpoint", f"step {n} of tour '{_first(tour.title)}' uses a viewpoint that no longer exists", step.id)
            if step.annotation_id and step.annotation_id not in annotations:
                yield Problem("warning", "missing-annotation", f"step {n} of tour '{_first(tour.title)}' opens an annotation that no longer exists", step.id)


def _duplicate_ids(ex: Exhibit) -> Iterator[Problem]:
    seen: set[str] = set()
    objects = [*ex.artifacts, *ex.plinths, *ex.lights, *ex.viewpoints, *ex.annotations, *ex.tours,
               *(s for t in ex.tours for s in t.steps)]
    for obj in objects:
        if obj.id in seen:
            yield Problem("error", "duplicate-id", f"the id {obj.id} is used twice", obj.id)
        if not is_valid_id(obj.id):
            yield Problem("error", "bad-id", f"the id {obj.id!r} is not a valid id", obj.id)
        seen.add(obj.id)


def _translation_problems(ex: Exhibit) -> Iterator[Problem]:
    langs = ex.languages
    for ann in ex.annotations:
        missing = [lang for lang in langs if not ann.title.get(lang)]
        if missing and ann.title:
            yield Problem("info", "missing-translation", f"annotation '{_first(ann.title)}' has no title in {', '.join(missing)}", ann.id)
        missing_body = [lang for lang in langs if not ann.body.get(lang)]
        if missing_body and ann.body:
            yield Problem("info", "missing-translation", f"annotation '{_first(ann.title)}' has no text in {', '.join(missing_body)}", ann.id)
    missing = [lang for lang in langs if not ex.title.get(lang)]
    if missing:
        yield Problem("info", "missing-translation", f"the exhibit has no title in {', '.join(missing)}", ex.id)


def _missing_rights(r: Rights) -> bool:
    return not r.statement_uri.strip()


def _rights_problems(ex: Exhibit) -> Iterator[Problem]:
    for art in ex.artifacts:
        if _missing_rights(art.rights.model):
            yield Problem("warning", "missing-rights", f"the 3D model of '{art.name}' has no rights statement", art.id)
        if _missing_rights(art.rights.object):
            yield Problem("warning", "missing-rights", f"the object '{art.name}' has no rights statement", art.id)
    for ann in ex.annotations:
        if ann.image and _missing_rights(ann.image.rights):
            yield Problem("warning", "missing-rights", f"the image of annotation '{_first(ann.title)}' has no rights statement", ann.id)
        for lang, audio in ann.audio.items():
            if _missing_rights(audio.rights):
                yield Problem("warning", "missing-rights", f"the {lang} audio of annotation '{_first(ann.title)}' has no rights statement", ann.id)


def _stored_paths(ex: Exhibit) -> Iterator[tuple[str, str, str]]:
    """(relative path, what it is, owning object id) for every file the document refers to."""
    for asset in ex.assets:
        yield asset.file, f"scan '{asset.original_name}'", asset.id
        for level in asset.levels:
            yield level.file, f"level '{level.level}' of '{asset.original_name}'", asset.id
    for ann in ex.annotations:
        if ann.image:
            yield ann.image.file, "annotation image", ann.id
        for audio in ann.audio.values():
            yield audio.file, "annotation audio", ann.id
            if audio.captions:
                yield audio.captions, "captions", ann.id
    for tour in ex.tours:
        for step in tour.steps:
            for audio in step.audio.values():
                yield audio.file, "narration audio", step.id
                if audio.captions:
                    yield audio.captions, "captions", step.id


def _file_problems(ex: Exhibit, root: Path) -> Iterator[Problem]:
    for rel, what, owner in _stored_paths(ex):
        try:
            path = resolve_inside(root, rel)
        except UnsafePathError as exc:
            yield Problem("error", "unsafe-path", f"{what}: {exc}", owner)
            continue
        if not path.is_file():
            yield Problem("error", "missing-file", f"{what} is missing: {rel}", owner)


def _first(text: dict[str, str]) -> str:
    return next(iter(text.values()), "untitled") if text else "untitled"
