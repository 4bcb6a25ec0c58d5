"""Bringing a translated XLIFF file into the document, as one undoable command.

A unit is imported when its source still equals the project's current source text; units
whose source changed since the export are refused and listed (the translator translated
something that is no longer there). Units whose ids are not in the exhibit make the whole
file refused: it belongs to another exhibit or the object was deleted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from vitrine.scenes.editing.commands import Command, CompositeCommand, SetProperty
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.editing.exhibit_commands import SetLanguages
from vitrine.scenes.exhibit_model import MediaAudio
from vitrine.scenes.storage.serialization import clone
from .caption_units import CaptionUnit, Cue, caption_units, read_cues, write_vtt
from .units import TranslationUnit, exhibit_units
from .xliff_format import XliffError, XliffFile, XliffUnit, comparable

StoreMedia = Callable[[str, bytes], str]  # (file name, bytes) -> project-relative path in media/


@dataclass
class RefusedUnit:
    unit_id: str
    note: str
    reason: str

    def __str__(self) -> str:
        return f"{self.unit_id} ({self.note}): {self.reason}"


@dataclass
class ImportPlan:
    """What importing a file would do: the command (None when nothing changes), counts, refusals."""

    language: str
    command: Optional[Command]
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    refused: list[RefusedUnit] = field(default_factory=list)
    adds_language: bool = False


def plan_import(doc: ExhibitDocument, xliff: XliffFile, *, root: Optional[Path] = None,
                store_media: Optional[StoreMedia] = None) -> ImportPlan:
    """Check ``xliff`` against the document and build (not run) the command that imports it.
    With the project folder ``root`` and ``store_media``, caption cues are imported as new
    captions files (written before the command is built). Raises :class:`XliffError` when the
    file as a whole does not fit this exhibit."""
    ex = doc.exhibit
    source = ex.languages[0]
    target = xliff.target_language
    if xliff.source_language != source:
        raise XliffError(f"the file translates from {xliff.source_language}, but this exhibit's source "
                         f"language is {source}")
    if target == source:
        raise XliffError(f"the file's target language {target} is the exhibit's source language")
    units: dict[str, TranslationUnit] = {u.id: u for u in exhibit_units(ex)}
    captions: dict[str, CaptionUnit] = {}
    if root is not None and store_media is not None:
        captions = {c.id: c for c in caption_units(ex, root, target)}
    unknown = [u.id for u in xliff.units if u.id not in units and u.id not in captions]
    if unknown:
        more = f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""
        raise XliffError(f"unit {unknown[0]!r}{more} is not in this exhibit (another exhibit's file, "
                         "or the object was deleted since the export)")
    plan = ImportPlan(target, None, adds_language=target not in ex.languages)
    children: list[Command] = []
    cue_units: list[XliffUnit] = []
    for xu in xliff.units:
        if xu.id in captions:
            cue_units.append(xu)
            continue
        unit = units[xu.id]
        if xu.target is None or not xu.target.strip():
            plan.untranslated.append(xu.id)
            continue
        if comparable(unit.text(source)) != comparable(xu.source):
            reason = "its source text was deleted" if not unit.text(source) else "its source text changed since the export"
            plan.refused.append(RefusedUnit(xu.id, unit.note, reason))
            continue
        if unit.text(target) == xu.target:
            plan.unchanged.append(xu.id)
            continue
        children.append(SetProperty(doc, unit.object_id, (*unit.path, target), xu.target))
        plan.updated.append(xu.id)
    if cue_units:
        children += _caption_commands(doc, plan, cue_units, captions, target, root, store_media)
    if plan.adds_language and (children or plan.unchanged):
        children.append(SetLanguages(doc, [*ex.languages, target]))
    if children:
        plan.command = CompositeCommand(f"Import {target} Translations", children)
    return plan


def _caption_commands(doc: ExhibitDocument, plan: ImportPlan, cue_units: list[XliffUnit],
                      captions: dict[str, CaptionUnit], target: str, root: Path,
                      store_media: StoreMedia) -> list[Command]:
    """New captions files for the owners whose every cue is translated, attached to the same
    recording for ``target``."""
    by_owner: dict[str, dict[int, tuple[XliffUnit, CaptionUnit]]] = {}
    for xu in cue_units:
        cu = captions[xu.id]
        by_owner.setdefault(cu.owner_id, {})[cu.number] = (xu, cu)
    commands: list[Command] = []
    for owner_id, given in by_owner.items():
        expected = {c.number: c for c in captions.values() if c.owner_id == owner_id}
        ids = [captions_id for captions_id, c in captions.items() if c.owner_id == owner_id and c.number in given]
        refused_here = []
        translated: dict[int, str] = {}
        for number, (xu, cu) in given.items():
            if xu.target is None or not xu.target.strip():
                continue
            if comparable(cu.source) != comparable(xu.source):
                refused_here.append(RefusedUnit(xu.id, cu.note, "its source text changed since the export"))
            else:
                translated[number] = xu.target
        if not translated and not refused_here:
            plan.untranslated += ids
            continue
        owner = doc.get(owner_id)
        source_audio = next(iter(expected.values())).audio
        theirs = owner.audio.get(target)
        reason = None
        if refused_here:
            plan.refused += refused_here
            reason = "another cue of these captions was refused"
        elif set(translated) != set(expected):
            reason = "the other cues of these captions are not translated"
        elif theirs is not None and theirs.file != source_audio.file:
            reason = f"the {target} audio is a recording of its own; attach its captions in the editor"
        if reason:
            plan.refused += [RefusedUnit(given[n][0].id, given[n][1].note, reason)
                             for n in sorted(translated)]
            continue
        if all(c.target == translated[n] for n, c in expected.items()):
            plan.unchanged += ids
            continue
        cues = read_cues(root, source_audio.captions)
        out = [Cue(c.timing, translated.get(n, c.text)) for n, c in enumerate(cues, 1)]
        stem = Path(source_audio.captions).stem
        rel = store_media(f"{stem}.{target}.vtt", write_vtt(out).encode("utf-8"))
        if theirs is not None:
            commands.append(SetProperty(doc, owner_id, ("audio", target, "captions"), rel))
        else:
            commands.append(SetProperty(doc, owner_id, ("audio", target), MediaAudio(
                file=source_audio.file, captions=rel, rights=clone(source_audio.rights))))
        plan.updated += ids
    return commands


def import_translations(doc: ExhibitDocument, xliff: XliffFile, *, root: Optional[Path] = None,
                        store_media: Optional[StoreMedia] = None) -> ImportPlan:
    """Plan and run the import as one undo step; returns the plan (with what was refused)."""
    plan = plan_import(doc, xliff, root=root, store_media=store_media)
    if plan.command is not None:
        doc.history.push(plan.command)
    return plan
