"""Problems in an exhibit: dangling references, missing files, missing translations and rights,
and accessibility (alt text, captions, readable length: accessibility_checks.py).

Nothing is dropped: a project with problems still opens, and each problem names
the object concerned so the editor can select it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator, Optional

from vitrine.scenes.exhibit_model import Exhibit, Rights
from vitrine.scenes.checks.accessibility_checks import accessibility_problems
from vitrine.scenes.ids import is_valid_id
from vitrine.scenes.storage.safe_paths import UnsafePathError, resolve_inside


@dataclass(frozen=True)
class Problem:
    """``severity`` is 'error', 'warning' or 'info'; ``code`` is stable for scripts.

    ``message`` is English (what the CLI prints). ``template`` is the same sentence with
    ``{name}`` placeholders and ``args`` their values as (name, text) pairs: the editor
    translates the template (app/window/message_catalogue.py) and fills in the arguments,
    so a Problem reads in the UI's language. Problems built without a template show
    their English message everywhere."""

    severity: str
    code: str
    message: str
    object_id: Optional[str] = None
    template: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["args"] = dict(self.args)
        return d

    def __str__(self) -> str:
        where = f" [{self.object_id}]" if self.object_id else ""
        return f"{self.severity}: {self.code}: {self.message}{where}"


def problem(severity: str, code: str, template: str, object_id: Optional[str] = None, **args: object) -> Problem:
    """A Problem whose English message is ``template`` filled with ``args`` (kept for translation)."""
    values = {name: str(value) for name, value in args.items()}
    return Problem(severity, code, template.format(**values), object_id, template, tuple(sorted(values.items())))


def find_problems(exhibit: Exhibit, root: Optional[Path] = None) -> list[Problem]:
    """Every problem found; file checks run only when ``root`` (the project folder) is given."""
    problems = list(_reference_problems(exhibit))
    problems += list(_duplicate_ids(exhibit))
    problems += list(_translation_problems(exhibit))
    problems += list(_rights_problems(exhibit))
    problems += list(_layout_problems(exhibit))
    problems += [problem(sev, code, template, oid, **args)
                 for sev, code, template, oid, args in accessibility_problems(exhibit)]
    if root is not None:
        problems += list(_file_problems(exhibit, root))
    return problems


def _layout_problems(ex: Exhibit) -> Iterator[Problem]:
    """Artifacts hung on a wall when there is no room, or standing outside the room's floor."""
    room = ex.environment.room
    for art in ex.artifacts:
        x, _, z = art.transform.translation
        if art.mount == "wall" and room is None:
            yield problem("warning", "wall-without-room", "artifact '{artifact}' is mounted on a wall, but the exhibit has no room", art.id, artifact=art.name)
        elif room is not None and (abs(x) > room.width / 2 + 1e-6 or abs(z) > room.depth / 2 + 1e-6):
            yield problem("warning", "outside-room", "artifact '{artifact}' stands outside the room", art.id, artifact=art.name)


def _reference_problems(ex: Exhibit) -> Iterator[Problem]:
    assets = {a.id for a in ex.assets}
    artifacts = {a.id for a in ex.artifacts}
    viewpoints = {v.id for v in ex.viewpoints}
    annotations = {a.id for a in ex.annotations}
    for art in ex.artifacts:
        if art.asset_id not in assets:
            yield problem("error", "missing-asset", "artifact '{artifact}' refers to an asset that is not in the project", art.id, artifact=art.name)
    for ann in ex.annotations:
        if ann.artifact_id not in artifacts:
            yield problem("error", "orphan-annotation", "annotation '{annotation}' is pinned to an artifact that no longer exists", ann.id, annotation=_first(ann.title))
        if ann.viewpoint_id and ann.viewpoint_id not in viewpoints:
            yield problem("warning", "missing-viewpoint", "annotation '{annotation}' flies to a viewpoint that no longer exists", ann.id, annotation=_first(ann.title))
        if ann.measurement is not None and ann.measurement.artifact_id not in artifacts:
            yield problem("warning", "orphan-measurement", "annotation '{annotation}' shows a measurement on an artifact that no longer exists", ann.id, annotation=_first(ann.title))
    if ex.start_viewpoint_id and ex.start_viewpoint_id not in viewpoints:
        yield problem("warning", "missing-viewpoint", "the start view refers to a viewpoint that no longer exists", ex.id)
    for tour in ex.tours:
        if not tour.steps:
            yield problem("info", "empty-tour", "tour '{tour}' has no steps", tour.id, tour=_first(tour.title))
        for n, step in enumerate(tour.steps, 1):
            if step.viewpoint_id and step.viewpoint_id not in viewpoints:
                yield problem("warning", "missing-viewpoint", "step {step} of tour '{tour}' uses a viewpoint that no longer exists", step.id, step=n, tour=_first(tour.title))
            if step.annotation_id and step.annotation_id not in annotations:
                yield problem("warning", "missing-annotation", "step {step} of tour '{tour}' opens an annotation that no longer exists", step.id, step=n, tour=_first(tour.title))
            if step.measurement is not None and step.measurement.artifact_id not in artifacts:
                yield problem("warning", "orphan-measurement", "step {step} of tour '{tour}' shows a measurement on an artifact that no longer exists", step.id, step=n, tour=_first(tour.title))


def _duplicate_ids(ex: Exhibit) -> Iterator[Problem]:
    seen: set[str] = set()
    objects = [*ex.artifacts, *ex.plinths, *ex.lights, *ex.viewpoints, *ex.annotations, *ex.tours,
               *(s for t in ex.tours for s in t.steps)]
    for obj in objects:
        if obj.id in seen:
            yield problem("error", "duplicate-id", "the id {id} is used twice", obj.id, id=obj.id)
        if not is_valid_id(obj.id):
            yield problem("error", "bad-id", "the id {id} is not a valid id", obj.id, id=repr(obj.id))
        seen.add(obj.id)


def _translation_problems(ex: Exhibit) -> Iterator[Problem]:
    langs = ex.languages
    for ann in ex.annotations:
        missing = [lang for lang in langs if not ann.title.get(lang)]
        if missing and ann.title:
            yield problem("info", "missing-translation", "annotation '{annotation}' has no title in {languages}", ann.id, annotation=_first(ann.title), languages=', '.join(missing))
        missing_body = [lang for lang in langs if not ann.body.get(lang)]
        if missing_body and ann.body:
            yield problem("info", "missing-translation", "annotation '{annotation}' has no text in {languages}", ann.id, annotation=_first(ann.title), languages=', '.join(missing_body))
    for tour in ex.tours:
        missing = [lang for lang in langs if not tour.title.get(lang)]
        if missing and tour.title:
            yield problem("info", "missing-translation", "tour '{tour}' has no title in {languages}", tour.id, tour=_first(tour.title), languages=', '.join(missing))
        for n, step in enumerate(tour.steps, 1):
            missing = [lang for lang in langs if not step.narration.get(lang)]
            if missing and step.narration:
                yield problem("info", "missing-translation", "step {step} of tour '{tour}' has no narration in {languages}", step.id, step=n, tour=_first(tour.title), languages=', '.join(missing))
    missing = [lang for lang in langs if not ex.title.get(lang)]
    if missing:
        yield problem("info", "missing-translation", "the exhibit has no title in {languages}", ex.id, languages=', '.join(missing))


def _missing_rights(r: Rights) -> bool:
    return not r.statement_uri.strip()


def _rights_problems(ex: Exhibit) -> Iterator[Problem]:
    for art in ex.artifacts:
        if _missing_rights(art.rights.model):
            yield problem("warning", "missing-rights", "the 3D model of '{artifact}' has no rights statement", art.id, artifact=art.name)
        if _missing_rights(art.rights.object):
            yield problem("warning", "missing-rights", "the object '{artifact}' has no rights statement", art.id, artifact=art.name)
    for ann in ex.annotations:
        if ann.image and _missing_rights(ann.image.rights):
            yield problem("warning", "missing-rights", "the image of annotation '{annotation}' has no rights statement", ann.id, annotation=_first(ann.title))
        for lang, audio in ann.audio.items():
            if _missing_rights(audio.rights):
                yield problem("warning", "missing-rights", "the {language} audio of annotation '{annotation}' has no rights statement", ann.id, language=lang, annotation=_first(ann.title))
    for tour in ex.tours:
        for n, step in enumerate(tour.steps, 1):
            for lang, audio in step.audio.items():
                if _missing_rights(audio.rights):
                    yield problem("warning", "missing-rights", "the {language} narration audio of step {step} of tour '{tour}' has no rights statement", step.id, language=lang, step=n, tour=_first(tour.title))


def _stored_paths(ex: Exhibit) -> Iterator[tuple[str, str, dict[str, str], str]]:
    """(relative path, what it is as a template and its arguments, owning object id) for
    every file the document refers to."""
    for asset in ex.assets:
        yield asset.file, "scan '{name}'", {"name": asset.original_name}, asset.id
        for level in asset.levels:
            yield level.file, "level '{level}' of '{name}'", {"level": level.level, "name": asset.original_name}, asset.id
    for ann in ex.annotations:
        if ann.image:
            yield ann.image.file, "annotation image", {}, ann.id
        for audio in ann.audio.values():
            yield audio.file, "annotation audio", {}, ann.id
            if audio.captions:
                yield audio.captions, "captions", {}, ann.id
    for tour in ex.tours:
        for step in tour.steps:
            for audio in step.audio.values():
                yield audio.file, "narration audio", {}, step.id
                if audio.captions:
                    yield audio.captions, "captions", {}, step.id


def _file_problems(ex: Exhibit, root: Path) -> Iterator[Problem]:
    for rel, what, what_args, owner in _stored_paths(ex):
        try:
            path = resolve_inside(root, rel)
        except UnsafePathError as exc:
            yield problem("error", "unsafe-path", what + ": {reason}", owner, reason=exc, **what_args)
            continue
        if not path.is_file():
            yield problem("error", "missing-file", what + " is missing: {path}", owner, path=rel, **what_args)


def _first(text: dict[str, str]) -> str:
    return next(iter(text.values()), "untitled") if text else "untitled"
