"""Bringing a translated XLIFF file into the document, as one undoable command.

A unit is imported when its source still equals the project's current source text; units
whose source changed since the export are refused and listed (the translator translated
something that is no longer there). Units whose ids are not in the exhibit make the whole
file refused: it belongs to another exhibit or the object was deleted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..commands import Command, CompositeCommand, SetProperty
from ..document import ExhibitDocument
from ..exhibit_commands import SetLanguages
from .units import TranslationUnit, exhibit_units
from .xliff_format import XliffError, XliffFile, comparable


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


def plan_import(doc: ExhibitDocument, xliff: XliffFile) -> ImportPlan:
    """Check ``xliff`` against the document and build (not run) the command that imports it.
    Raises :class:`XliffError` when the file as a whole does not fit this exhibit."""
    ex = doc.exhibit
    source = ex.languages[0]
    target = xliff.target_language
    if xliff.source_language != source:
        raise XliffError(f"the file translates from {xliff.source_language}, but this exhibit's source "
                         f"language is {source}")
    if target == source:
        raise XliffError(f"the file's target language {target} is the exhibit's source language")
    units: dict[str, TranslationUnit] = {u.id: u for u in exhibit_units(ex)}
    unknown = [u.id for u in xliff.units if u.id not in units]
    if unknown:
        more = f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""
        raise XliffError(f"unit {unknown[0]!r}{more} is not in this exhibit (another exhibit's file, "
                         "or the object was deleted since the export)")
    plan = ImportPlan(target, None, adds_language=target not in ex.languages)
    children: list[Command] = []
    for xu in xliff.units:
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
    if plan.adds_language and (children or plan.unchanged):
        children.append(SetLanguages(doc, [*ex.languages, target]))
    if children:
        plan.command = CompositeCommand(f"Import {target} Translations", children)
    return plan


def import_translations(doc: ExhibitDocument, xliff: XliffFile) -> ImportPlan:
    """Plan and run the import as one undo step; returns the plan (with what was refused)."""
    plan = plan_import(doc, xliff)
    if plan.command is not None:
        doc.history.push(plan.command)
    return plan
