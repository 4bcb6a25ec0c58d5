"""Accessibility problems a curator can fix (issue 15): pictures without alt text, narration without
captions, annotation text too long to read at a plinth.

They are warnings in the Problems panel and ``vitrine validate``; the kiosk profile refuses to export
with any of them (exporters/bundle/bundle_writer.py), as it does for missing rights.
"""
from __future__ import annotations

from typing import Iterator

from vitrine.scenes.exhibit_model import Exhibit, MediaAudio

# Characters per language in one annotation's body. About 200 English words, a minute or two of
# reading while standing; beyond that the panel scrolls on a phone and visitors stop reading
# (museum label guidance keeps object labels well under this). Counted without surrounding space.
READABLE_BODY_CHARS = 1200

# The codes below, for scripts and for the kiosk's refusal.
ACCESSIBILITY_CODES = ("missing-alt-text", "missing-captions", "long-text")


def accessibility_problems(ex: Exhibit) -> Iterator[tuple[str, str, str, str, dict[str, str]]]:
    """(severity, code, message template, object_id, template arguments) for each problem;
    validation.find_problems makes them Problems (the editor translates the template)."""
    langs = list(ex.languages)
    for ann in ex.annotations:
        name = _first(ann.title)
        if ann.image is not None and ann.image.file:
            missing = [lang for lang in langs if not (ann.image.alt.get(lang) or "").strip()]
            if len(missing) == len(langs):
                yield ("warning", "missing-alt-text", "the image of annotation '{annotation}' has no alt text", ann.id,
                       {"annotation": name})
            elif missing:
                yield ("warning", "missing-alt-text", "the image of annotation '{annotation}' has no alt text in {languages}",
                       ann.id, {"annotation": name, "languages": ", ".join(missing)})
        for lang in _uncaptioned(ann.audio):
            yield ("warning", "missing-captions", "the {language} audio of annotation '{annotation}' has no captions",
                   ann.id, {"language": lang, "annotation": name})
        for lang, text in sorted(ann.body.items()):
            n = len((text or "").strip())
            if n > READABLE_BODY_CHARS:
                yield ("warning", "long-text",
                       "the {language} text of annotation '{annotation}' has {count} characters; keep it under "
                       "{limit} to be readable", ann.id,
                       {"language": lang, "annotation": name, "count": f"{n:,}", "limit": f"{READABLE_BODY_CHARS:,}"})
    for tour in ex.tours:
        for n, step in enumerate(tour.steps, 1):
            for lang in _uncaptioned(step.audio):
                yield ("warning", "missing-captions",
                       "the {language} narration of step {step} of tour '{tour}' has no captions", step.id,
                       {"language": lang, "step": str(n), "tour": _first(tour.title)})


def _uncaptioned(audio: dict[str, MediaAudio]) -> list[str]:
    return [lang for lang, clip in sorted(audio.items()) if clip.file and not clip.captions]


def _first(text: dict[str, str]) -> str:
    return next(iter(text.values()), "untitled") if text else "untitled"  # as validation names objects
