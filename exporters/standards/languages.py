"""Voyager's language keys and BCP-47 tags.

Voyager keys its texts by its own upper-case codes (EN, ES, DE, NL, JA, FR, IT, HAW, AR), one per
language with no regions or scripts; Vitrine keys them by BCP-47 tags (``en``, ``zh-Hans``, …).
"""
from __future__ import annotations

VOYAGER_LANGUAGES: tuple[str, ...] = ("EN", "ES", "DE", "NL", "JA", "FR", "IT", "HAW", "AR")


def voyager_key(tag: str) -> str | None:
    """Voyager's key for a BCP-47 tag by its primary language subtag (``en-GB`` -> ``EN``), or
    None when Voyager has no such language (``zh-Hans``)."""
    primary = tag.split("-", 1)[0].strip().upper()
    return primary if primary in VOYAGER_LANGUAGES else None


def bcp47_tag(key: str) -> str | None:
    """The BCP-47 tag for a Voyager key (``HAW`` -> ``haw``), None for an unknown key."""
    key = key.strip().upper()
    return key.lower() if key in VOYAGER_LANGUAGES else None


def to_voyager_texts(text: dict[str, str], left_out: set[str]) -> dict[str, str]:
    """``text`` (tag -> text) keyed by Voyager keys. The first tag of a Voyager language wins
    (``en`` before ``en-GB``); tags Voyager cannot hold, and shadowed ones, are added to
    ``left_out``. Empty texts are dropped."""
    out: dict[str, str] = {}
    for tag, value in text.items():
        if not value:
            continue
        key = voyager_key(tag)
        if key is None or key in out:
            left_out.add(tag)
            continue
        out[key] = value
    return out


def from_voyager_texts(texts: object) -> dict[str, str]:
    """A Voyager ``titles``/``leads`` object as tag -> text; unknown keys and non-text values are
    skipped."""
    out: dict[str, str] = {}
    if isinstance(texts, dict):
        for key, value in texts.items():
            tag = bcp47_tag(str(key))
            if tag and isinstance(value, str) and value:
                out[tag] = value
    return out
