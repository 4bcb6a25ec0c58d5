"""How objects are named in lists: localised text picked for the UI, kinds in words."""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation, Artifact, Light, Plinth, Tour, TourStep, Viewpoint

KIND_NAMES = {
    "artifact": QT_TRANSLATE_NOOP("ObjectKinds", "Artifact"),
    "plinth": QT_TRANSLATE_NOOP("ObjectKinds", "Plinth"),
    "light": QT_TRANSLATE_NOOP("ObjectKinds", "Light"),
    "viewpoint": QT_TRANSLATE_NOOP("ObjectKinds", "Viewpoint"),
    "annotation": QT_TRANSLATE_NOOP("ObjectKinds", "Annotation"),
    "tour": QT_TRANSLATE_NOOP("ObjectKinds", "Tour"),
    "tour_step": QT_TRANSLATE_NOOP("ObjectKinds", "Tour step"),
    "asset": QT_TRANSLATE_NOOP("ObjectKinds", "Scan"),
    "exhibit": QT_TRANSLATE_NOOP("ObjectKinds", "Exhibit"),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("ObjectKinds", KIND_NAMES.get(kind, kind))


def localized(text: dict[str, str], languages: list[str], prefer: Optional[str] = None) -> str:
    """The text in ``prefer``, else the exhibit's first language that has it, else any."""
    if not text:
        return ""
    if prefer and text.get(prefer):
        return text[prefer]
    for lang in languages:
        if text.get(lang):
            return text[lang]
    return next((t for t in text.values() if t), "")


def ui_content_language(languages: list[str]) -> Optional[str]:
    """The exhibit language that matches the editor's UI language (zh-Hans, or another
    Simplified Chinese tag, while the UI is Chinese; English otherwise), or None when the
    exhibit has none, so callers fall back to its first language."""
    from vitrine.app.window.translations import current_language
    ui = current_language()
    for tag in languages:
        lower = tag.lower()
        if ui == "zh_CN" and lower.startswith("zh") and not any(t in lower for t in ("hant", "tw", "hk", "mo")):
            return tag
        if ui == "en" and lower.split("-")[0] == "en":
            return tag
    return None


def untitled() -> str:
    return QCoreApplication.translate("ObjectKinds", "(untitled)")


def display_name(doc: ExhibitDocument, obj: Any) -> str:
    """A short label for ``obj`` in the outline, problems and tour lists."""
    langs = doc.exhibit.languages
    ui = ui_content_language(langs)  # curators read titles in their UI language when the exhibit has it
    if isinstance(obj, (Artifact, Plinth, Light)):
        return obj.name or untitled()
    if isinstance(obj, Viewpoint):
        return localized(obj.name, langs, ui) or untitled()
    if isinstance(obj, Annotation):
        return f"{obj.marker.number}. {localized(obj.title, langs, ui) or untitled()}"
    if isinstance(obj, Tour):
        return localized(obj.title, langs, ui) or untitled()
    if isinstance(obj, TourStep):
        return localized(obj.narration, langs, ui) or untitled()
    return getattr(obj, "name", "") or getattr(obj, "original_name", "") or untitled()
