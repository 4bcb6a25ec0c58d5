"""Accessibility problems a curator can fix (issue 15): pictures without alt text, narration without
captions, annotation text too long to read at a plinth.

They are warnings in the Problems panel and ``vitrine validate``; the kiosk profile refuses to export
with any of them (exporters/bundle_writer.py), as it does for missing rights.
"""
from __future__ import annotations

from typing import Iterator

from .exhibit_model import Exhibit, MediaAudio

# Characters per language in one annotation's body. About 200 English words, a minute or two of
# reading while standing; beyond that the panel scrolls on a phone and visitors stop reading
# (museum label guidance keeps object labels well under this). Counted without surrounding space.
READABLE_BODY_CHARS = 1200

# The codes below, for scripts and for the kiosk's refusal.
ACCESSIBILITY_CODES = ("missing-alt-text", "missing-captions", "long-text")


def accessibility_problems(ex: Exhibit) -> Iterator[tuple[str, str, str, str]]:
    """(severity, code, message, object_id) for each problem; validation.find_problems makes them Problems."""
    langs = list(ex.languages)
    for ann in ex.annotations:
        name = _first(ann.title)
        if ann.image is not None and ann.image.file:
            missing = [lang for lang in langs if not (ann.image.alt.get(lang) or "").strip()]
            if len(missing) == len(langs):
                yield ("warning", "missing-alt-text", f"the image of annotation '{name}' has no alt text", ann.id)
            elif missing:
                yield ("warning", "missing-alt-text",
                              f"the image of annotation '{name}' has no alt text in {', '.join(missing)}", ann.id)
        for lang in _uncaptioned(ann.audio):
            yield ("warning", "missing-captions", f"the {lang} audio of annotation '{name}' has no captions", ann.id)
        for lang, text in sorted(ann.body.items()):
            n = len((text or "").strip())
            if n > READABLE_BODY_CHARS:
                yield ("warning", "long-text",
                              f"the {lang} text of annotation '{name}' has {n:,} characters; keep it under "
                              f"{READABLE_BODY_CHARS:,} to be readable", ann.id)
    for tour in ex.tours:
        for n, step in enumerate(tour.steps, 1):
            for lang in _uncaptioned(step.audio):
                yield ("warning", "missing-captions",
                              f"the {lang} narration of step {n} of tour '{_first(tour.title)}' has no captions", step.id)


def _uncaptioned(audio: dict[str, MediaAudio]) -> list[str]:
    return [lang for lang, clip in sorted(audio.items()) if clip.file and not clip.captions]


def _first(text: dict[str, str]) -> str:
    return next(iter(text.values()), "untitled") if text else "untitled"  # as validation names objects
