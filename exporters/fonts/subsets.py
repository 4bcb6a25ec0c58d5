"""Per-script font subsets holding exactly the characters an exhibit shows.

Characters of no single script (punctuation like '،' or '。', combining marks) go with the
scripts of the text they appear in, so an Arabic comma comes with the Arabic subset; ASCII
and Latin-1 are never put in a subset so that a subset's unicode-range never takes over the
page's Latin text.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from fontTools import subset
from fontTools.ttLib import TTFont

from .script_fonts import ScriptFont, font_for, script_group

__all__ = ["FontSubset", "SubsetPlan", "characters_by_script", "make_subset", "plan_subsets", "unicode_range"]

_LATIN_LIMIT = 0x250  # Basic Latin .. Latin Extended-B: system fonts draw these


@dataclass
class FontSubset:
    """One written subset: ``chars`` it must contain, ``data`` the WOFF2 bytes."""

    font: ScriptFont
    chars: frozenset[str]
    code: str = ""  # ISO 15924 script code ('Hani' for CJK)
    optional: frozenset[str] = frozenset()  # added when the font has them (the viewer's own labels)
    data: bytes = b""
    unmapped: frozenset[str] = frozenset()  # characters the font does not have

    @property
    def file_name(self) -> str:
        family = self.font.path.stem.split("-")[0] if self.font.path else "missing"
        return f"{family}-{self.font.key}.woff2"


@dataclass
class SubsetPlan:
    subsets: list[FontSubset] = field(default_factory=list)
    missing: list[ScriptFont] = field(default_factory=list)  # scripts used with no installed font


def characters_by_script(texts: Iterable[str]) -> dict[str, set[str]]:
    """Script code -> the characters shown in that script, from every text in ``texts``."""
    groups: dict[str, set[str]] = {}
    for text in texts:
        own: dict[str, Optional[str]] = {ch: script_group(ch) for ch in set(text)}
        present = {g for g in own.values() if g}
        for ch, group in own.items():
            if group:
                groups.setdefault(group, set()).add(ch)
            elif ord(ch) >= _LATIN_LIMIT and not ch.isspace():
                for g in present:  # shared punctuation and marks follow the text's scripts
                    groups.setdefault(g, set()).add(ch)
    return groups


def plan_subsets(texts: Iterable[str], languages: list[str]) -> SubsetPlan:
    """Which subsets to write (not yet subset) and which scripts have no installed font."""
    plan = SubsetPlan()
    for code, chars in sorted(characters_by_script(texts).items()):
        font = font_for(code, languages)
        if font.path is None:
            plan.missing.append(font)
        else:
            plan.subsets.append(FontSubset(font, frozenset(chars), code))
    return plan


def make_subset(item: FontSubset) -> FontSubset:
    """Fill ``item.data`` with a WOFF2 subset (layout features kept except for CJK: Arabic joining, marks);
    ``item.chars`` becomes what the subset draws: the required characters it has, and those of
    ``item.optional`` it has."""
    data, unmapped, drawn = _subset_bytes(str(item.font.path), item.font.face, "".join(sorted(item.chars)),
                                          "".join(sorted(item.optional - item.chars)))
    item.data, item.unmapped, item.chars = data, frozenset(unmapped), frozenset(drawn)
    return item


@lru_cache(maxsize=32)  # the same exhibit exported twice in one process subsets once
def _subset_bytes(path: str, face: Optional[str], text: str, optional: str) -> tuple[bytes, str, str]:
    font = _open_face(Path(path), face)
    cmap = font.getBestCmap()
    unmapped = "".join(ch for ch in text if ord(ch) not in cmap)
    text = "".join(ch for ch in text + optional if ord(ch) in cmap)
    options = subset.Options()
    options.flavor = "woff2"
    # Arabic, Indic, Tibetan… need their shaping features (joining forms, marks). A CJK face needs
    # none for horizontal text, and its closure (vertical and regional forms) would triple the glyphs.
    options.layout_features = [] if face else ["*"]
    options.hinting = False  # screens in museums are high-resolution; hints double the size
    options.desubroutinize = True
    # copyright and the SIL Open Font License notice (13, 14) travel with every copy, as the OFL asks
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue(), unmapped, text


def _open_face(path: Path, face: Optional[str]) -> TTFont:
    if path.suffix.lower() != ".ttc":
        return TTFont(path)
    for number in range(32):
        try:
            probe = TTFont(path, fontNumber=number, lazy=True)
        except Exception:  # past the last face of the collection
            break
        if face is None or probe["name"].getDebugName(1) == face:
            return TTFont(path, fontNumber=number)
    return TTFont(path, fontNumber=0)


def unicode_range(chars: Iterable[str]) -> str:
    """CSS ``unicode-range`` for ``chars``: code points merged into runs (``U+627-629, U+644``)."""
    points = sorted({ord(c) for c in chars})
    runs: list[str] = []
    start = prev = None
    for p in points + [None]:
        if start is not None and p is not None and p == prev + 1:
            prev = p
            continue
        if start is not None:
            runs.append(f"U+{start:X}" if start == prev else f"U+{start:X}-{prev:X}")
        start = prev = p
    return ", ".join(runs)
