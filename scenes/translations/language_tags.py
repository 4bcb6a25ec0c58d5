"""BCP-47 language tags: a syntax check and the writing direction of a tag.

Only the common subset of BCP-47 is accepted: language[-script][-region][-variant...]
(``en``, ``zh-Hans``, ``fr-CA``, ``sr-Latn-RS``, ``de-CH-1996``). Private-use and
extension subtags are refused because no viewer or font choice can use them.
"""
from __future__ import annotations

import re

TAG_PATTERN = re.compile(
    r"^(?P<language>[A-Za-z]{2,3})"
    r"(?:-(?P<script>[A-Za-z]{4}))?"
    r"(?:-(?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
)

# Scripts written right to left (ISO 15924), and languages whose default script is one of them.
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "mand", "samr", "rohg"})
RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb",
                           "syr", "arc", "prs", "azb", "lrc", "mzn", "glk", "bal"})


class LanguageTagError(ValueError):
    """A string that is not a usable BCP-47 tag; the message is one line for users."""


def is_valid_tag(tag: object) -> bool:
    return isinstance(tag, str) and len(tag) <= 35 and bool(TAG_PATTERN.fullmatch(tag))


def check_tag(tag: str) -> str:
    """``tag`` unchanged when valid; raises :class:`LanguageTagError` otherwise."""
    if not is_valid_tag(tag):
        shown = tag if isinstance(tag, str) and len(tag) <= 40 else repr(tag)[:40]
        raise LanguageTagError(f"{shown!r} is not a BCP-47 language tag (e.g. en, zh-Hans, fr-CA, ar)")
    return tag


def script_of(tag: str) -> str:
    """The explicit script subtag in lower case ('' when the tag has none)."""
    m = TAG_PATTERN.fullmatch(tag or "")
    return (m.group("script") or "").lower() if m else ""


def is_rtl(tag: str) -> bool:
    """True when text in ``tag`` is written right to left (``ar``, ``he-IL``, ``az-Arab``),
    False for left-to-right ones including an RTL language in a Latin script (``ug-Latn``)."""
    m = TAG_PATTERN.fullmatch(tag or "")
    if not m:
        return False
    script = (m.group("script") or "").lower()
    if script:
        return script in RTL_SCRIPTS
    return m.group("language").lower() in RTL_LANGUAGES


def direction(tag: str) -> str:
    """'rtl' or 'ltr', as HTML's ``dir`` attribute takes it."""
    return "rtl" if is_rtl(tag) else "ltr"
