"""Translation units: every text of an exhibit that exists per language.

A unit is one localised field ({language: text} dict) of one object. Its id is the object's
id and the field path joined with dots (``ann-1a2b3c4d5e6f.title``,
``ann-1a2b3c4d5e6f.image.alt``, ``art-….record.description``), which is stable across
edits and a valid XML NMTOKEN as XLIFF 2.0 requires for unit ids.

Audio captions are WebVTT files chosen per language (``audio[lang].captions``), so they are
not units: a translated caption track is a file the curator attaches.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from vitrine.scenes.exhibit_model import Exhibit


@dataclass(frozen=True)
class TranslationUnit:
    """``path`` leads from the object to its {language: text} dict; ``note`` says where the
    text appears, for the translator; ``texts`` is a copy of the dict."""

    object_id: str
    path: tuple[str, ...]
    note: str
    texts: dict[str, str]

    @property
    def id(self) -> str:
        return ".".join((self.object_id, *self.path))

    def text(self, language: str) -> str:
        return self.texts.get(language, "") or ""


def exhibit_units(exhibit: Exhibit) -> list[TranslationUnit]:
    """Every localised field of the exhibit in document order, with or without text."""
    return list(_iter_units(exhibit))


def _iter_units(ex: Exhibit) -> Iterator[TranslationUnit]:
    def unit(obj_id: str, path: tuple[str, ...], note: str, texts: dict) -> TranslationUnit:
        return TranslationUnit(obj_id, path, note, dict(texts or {}))

    src = ex.languages[0] if ex.languages else "en"

    def name(texts: dict, fallback: str) -> str:
        return (texts or {}).get(src) or next(iter((texts or {}).values()), "") or fallback

    yield unit(ex.id, ("title",), "Exhibit: title", ex.title)
    yield unit(ex.id, ("description",), "Exhibit: description", ex.description)
    artifact_names: dict[str, str] = {}
    for n, art in enumerate(ex.artifacts, 1):
        label = art.name or name(art.record.title, f"artifact {n}")
        artifact_names[art.id] = label
        yield unit(art.id, ("record", "title"), f"Artifact '{label}': catalogue record title", art.record.title)
        yield unit(art.id, ("record", "description"), f"Artifact '{label}': catalogue record description",
                   art.record.description)
    for n, vp in enumerate(ex.viewpoints, 1):
        yield unit(vp.id, ("name",), f"Viewpoint {n}: name shown to visitors", vp.name)
    count_on: dict[str, int] = {}
    for ann in ex.annotations:
        count_on[ann.artifact_id] = count_on.get(ann.artifact_id, 0) + 1
        where = f"Annotation {count_on[ann.artifact_id]} on '{artifact_names.get(ann.artifact_id, 'an artifact')}'"
        yield unit(ann.id, ("title",), f"{where}: title", ann.title)
        yield unit(ann.id, ("body",), f"{where}: text", ann.body)
        if ann.image is not None:
            yield unit(ann.id, ("image", "alt"), f"{where}: alternative text of its image (for screen readers)",
                       ann.image.alt)
    for n, tour in enumerate(ex.tours, 1):
        tname = name(tour.title, f"tour {n}")
        yield unit(tour.id, ("title",), f"Tour '{tname}': title", tour.title)
        for k, step in enumerate(tour.steps, 1):
            yield unit(step.id, ("narration",), f"Tour '{tname}', step {k}: narration", step.narration)


def translatable_units(exhibit: Exhibit) -> list[TranslationUnit]:
    """The units that have text in the exhibit's source (first) language."""
    src = exhibit.languages[0]
    return [u for u in exhibit_units(exhibit) if u.text(src).strip()]


def missing_units(exhibit: Exhibit, language: str) -> list[TranslationUnit]:
    """Translatable units with no text in ``language``."""
    return [u for u in translatable_units(exhibit) if not u.text(language).strip()]


@dataclass(frozen=True)
class Completeness:
    """How much of the exhibit exists in one language: ``translated`` of ``total`` units."""

    language: str
    translated: int
    total: int

    @property
    def missing(self) -> int:
        return self.total - self.translated

    @property
    def percent(self) -> int:
        """Whole percent, rounded down so that 100 means nothing is missing."""
        return 100 if self.total == 0 else (100 * self.translated) // self.total


def completeness(exhibit: Exhibit) -> list[Completeness]:
    """One entry per exhibit language, in the exhibit's order (the source language is 100%)."""
    units = translatable_units(exhibit)
    result = []
    for lang in exhibit.languages:
        done = sum(1 for u in units if u.text(lang).strip())
        result.append(Completeness(lang, done, len(units)))
    return result
