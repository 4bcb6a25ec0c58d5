"""Accessibility problems a curator sees (issue 15): missing alt text, missing captions and annotation
text over READABLE_BODY_CHARS are warnings in find_problems and `vitrine validate`, and the kiosk
profile refuses to export with them."""
from __future__ import annotations

import pytest

from vitrine.scenes.checks.accessibility_checks import READABLE_BODY_CHARS
from vitrine.scenes.exhibit_model import (Annotation, Exhibit, MediaAudio, MediaImage, Tour, TourStep)
from vitrine.scenes.checks.validation import find_problems


def _exhibit(**ann) -> Exhibit:
    ex = Exhibit(languages=["en", "zh-Hans"])
    ex.title = {"en": "Hall", "zh-Hans": "展厅"}
    ex.annotations.append(Annotation(id="ann-000000000001", title={"en": "Glaze", "zh-Hans": "釉"},
                                     body={"en": "Short.", "zh-Hans": "短。"}, **ann))
    return ex


def _access(ex: Exhibit) -> list[tuple[str, str, str, str]]:
    return [(p.severity, p.code, p.message, p.object_id) for p in find_problems(ex)
            if p.code in ("missing-alt-text", "missing-captions", "long-text")]


def test_image_without_alt_text_is_a_warning():
    ex = _exhibit(image=MediaImage(file="media/a.png", alt={}))
    assert _access(ex) == [("warning", "missing-alt-text", "the image of annotation 'Glaze' has no alt text", "ann-000000000001")]


def test_alt_text_missing_in_one_language_names_it():
    ex = _exhibit(image=MediaImage(file="media/a.png", alt={"en": "Drips", "zh-Hans": "  "}))
    assert _access(ex) == [("warning", "missing-alt-text", "the image of annotation 'Glaze' has no alt text in zh-Hans",
                            "ann-000000000001")]


def test_alt_text_in_every_language_is_no_problem():
    assert _access(_exhibit(image=MediaImage(file="media/a.png", alt={"en": "Drips", "zh-Hans": "釉滴"}))) == []


def test_audio_without_captions_is_a_warning_for_annotations_and_tour_steps():
    ex = _exhibit(audio={"en": MediaAudio(file="media/a.wav"), "zh-Hans": MediaAudio(file="media/b.wav", captions="media/b.vtt")})
    ex.tours.append(Tour(id="tour-000000000001", title={"en": "Highlights"}, steps=[
        TourStep(id="stp-000000000001", audio={"zh-Hans": MediaAudio(file="media/c.wav")})]))
    assert _access(ex) == [
        ("warning", "missing-captions", "the en audio of annotation 'Glaze' has no captions", "ann-000000000001"),
        ("warning", "missing-captions", "the zh-Hans narration of step 1 of tour 'Highlights' has no captions", "stp-000000000001")]


@pytest.mark.parametrize("extra, flagged", [(0, False), (1, True)])
def test_long_annotation_text_at_the_limit(extra, flagged):
    body = "x" * (READABLE_BODY_CHARS + extra)
    ex = _exhibit()
    ex.annotations[0].body = {"en": "Short.", "zh-Hans": body}
    expected = [("warning", "long-text", f"the zh-Hans text of annotation 'Glaze' has {READABLE_BODY_CHARS + 1:,} characters; "
                 f"keep it under {READABLE_BODY_CHARS:,} to be readable", "ann-000000000001")]
    assert _access(ex) == (expected if flagged else [])
