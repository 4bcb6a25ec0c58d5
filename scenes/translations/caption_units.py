"""Caption text as translation units: each cue of a WebVTT captions file in the source language.

A cue's unit id is the owner's (annotation or tour step) id, ``captions`` and the cue number
(``ann-1a2b3c4d5e6f.captions.2``). A translated file becomes a new captions file with the
source's timings, attached to the same recording for the target language; a target language
that has its own recording keeps its own captions (those units are refused on import).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from vitrine.scenes.exhibit_model import Exhibit, MediaAudio
from vitrine.scenes.storage.safe_paths import UnsafePathError, resolve_inside

MAX_CAPTIONS_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Cue:
    """``timing`` is the cue's timing line as written (``00:00.000 --> 00:02.000 align:start``)."""

    timing: str
    text: str


@dataclass(frozen=True)
class CaptionUnit:
    owner_id: str
    number: int  # 1-based cue number
    note: str
    source: str
    target: Optional[str]
    audio: MediaAudio  # the source language's audio entry

    @property
    def id(self) -> str:
        return f"{self.owner_id}.captions.{self.number}"


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file, in order (notes, styles and regions skipped)."""
    cues: list[Cue] = []
    for block in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n"):
        rows = [r for r in block.split("\n") if r.strip()]
        if not rows or rows[0].startswith(("WEBVTT", "NOTE", "STYLE", "REGION")):
            continue
        timing = next((i for i, r in enumerate(rows) if "-->" in r), None)
        if timing is not None:
            cues.append(Cue(rows[timing].strip(), "\n".join(rows[timing + 1:])))
    return cues


def write_vtt(cues: list[Cue]) -> str:
    """A WebVTT file with these cues; blank lines inside a cue text (which would end the cue)
    are dropped."""
    blocks = ["WEBVTT"]
    for cue in cues:
        text = "\n".join(line for line in cue.text.replace("\r\n", "\n").split("\n") if line.strip())
        blocks.append(f"{cue.timing}\n{text.replace('-->', '->')}")
    return "\n\n".join(blocks) + "\n"


def read_cues(root: Path, rel: Optional[str]) -> list[Cue]:
    """The cues of the captions file ``rel`` in the project (none if absent, unsafe or too big)."""
    if not rel:
        return []
    try:
        path = resolve_inside(root, rel)
        if not path.is_file() or path.stat().st_size > MAX_CAPTIONS_BYTES:
            return []
        return parse_vtt(path.read_text("utf-8", errors="replace"))
    except (OSError, UnsafePathError):
        return []


def _owners(ex: Exhibit) -> Iterator[tuple[Any, str]]:
    names = {a.id: a.name for a in ex.artifacts}
    count: dict[str, int] = {}
    for ann in ex.annotations:
        count[ann.artifact_id] = count.get(ann.artifact_id, 0) + 1
        yield ann, f"Annotation {count[ann.artifact_id]} on '{names.get(ann.artifact_id, 'an artifact')}'"
    src = ex.languages[0]
    for n, tour in enumerate(ex.tours, 1):
        tname = tour.title.get(src) or next(iter(tour.title.values()), "") or f"tour {n}"
        for k, step in enumerate(tour.steps, 1):
            yield step, f"Tour '{tname}', step {k}"


def caption_units(exhibit: Exhibit, root: Path, target: str) -> list[CaptionUnit]:
    """One unit per cue of each source-language captions file; targets from the target
    language's captions of the same recording when their cues line up."""
    src = exhibit.languages[0]
    units: list[CaptionUnit] = []
    for owner, where in _owners(exhibit):
        audio = owner.audio.get(src)
        if audio is None or not audio.captions:
            continue
        cues = read_cues(root, audio.captions)
        theirs = owner.audio.get(target)
        translated = read_cues(root, theirs.captions) if theirs is not None and theirs.file == audio.file else []
        aligned = len(translated) == len(cues) and all(a.timing == b.timing for a, b in zip(cues, translated))
        for n, cue in enumerate(cues, 1):
            if cue.text.strip():
                units.append(CaptionUnit(owner.id, n, f"{where}: audio captions, cue {n} ({cue.timing})",
                                         cue.text, translated[n - 1].text if aligned else None, audio))
    return units


def missing_captions(exhibit: Exhibit, root: Path, target: str) -> list[CaptionUnit]:
    """The source-language caption cues a visitor in ``target`` would not read in ``target``:
    those of recordings whose ``target`` captions are absent or do not line up cue for cue.
    A ``target`` recording of its own with captions of its own counts as translated (its cues
    need not match the source's); one without captions leaves every source cue missing."""
    own = {owner.id for owner, _ in _owners(exhibit) if _has_own_captions(owner, exhibit.languages[0], target, root)}
    return [u for u in caption_units(exhibit, root, target) if u.target is None and u.owner_id not in own]


def _has_own_captions(owner: Any, source: str, target: str, root: Path) -> bool:
    src, theirs = owner.audio.get(source), owner.audio.get(target)
    return (src is not None and theirs is not None and theirs.file != src.file
            and bool(read_cues(root, theirs.captions)))
