"""XLIFF 2.0 files for translators: writing an exhibit's units, reading a translated file.

Written with xml.etree, so text is escaped; characters XML 1.0 cannot carry (controls, lone
surrogates) become U+FFFD, and carriage returns are written as ``&#13;`` so that newlines
survive. Reading refuses what an attacker could use against the parser: any DTD or entity
declaration (entity expansion, external entities), files over :data:`MAX_XLIFF_BYTES`, and
anything that is not UTF-8.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from vitrine.scenes.exhibit_model import Exhibit
from .caption_units import caption_units
from .language_tags import LanguageTagError, check_tag
from .units import TranslationUnit, translatable_units

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_XLIFF_BYTES = 16 * 1024 * 1024  # an exhibit's texts are kilobytes; 16 MiB is generous
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)


class XliffError(ValueError):
    """A file that cannot be imported; the message is one line (without the file name)."""


def xml_text(text: str) -> str:
    """``text`` as XML 1.0 can carry it (unrepresentable characters become U+FFFD)."""
    return _NOT_XML_CHAR.sub("\ufffd", text)


def comparable(text: str) -> str:
    """The form in which a unit's source is compared with the project's current text: what
    survives XML (line ends normalised, as XML parsers and CAT tools do)."""
    return xml_text(text).replace("\r\n", "\n").replace("\r", "\n")


def write_xliff(exhibit: Exhibit, target: str, *, original: str = "exhibit.json",
                root: Optional[Path] = None) -> bytes:
    """An XLIFF 2.0 document (UTF-8 bytes) with every translatable unit of ``exhibit`` from its
    first language to ``target``; existing translations are filled in as targets. With the
    project folder ``root``, the cues of source-language captions files are units too."""
    check_tag(target)
    source = exhibit.languages[0]
    if target == source:
        raise XliffError(f"{target} is the exhibit's source language; choose another target")
    ET.register_namespace("", XLIFF_NS)
    q = lambda tag: f"{{{XLIFF_NS}}}{tag}"  # noqa: E731
    xliff = ET.Element(q("xliff"), {"version": "2.0", "srcLang": source, "trgLang": target})
    file_el = ET.SubElement(xliff, q("file"), {"id": "exhibit", "original": original,
                                               f"{{{XML_NS}}}space": "preserve"})
    rows = [(u.id, u.note, u.text(source), u.text(target)) for u in translatable_units(exhibit)]
    if root is not None:
        rows += [(c.id, c.note, c.source, c.target or "") for c in caption_units(exhibit, root, target)]
    for uid, note, source_text, target_text in rows:
        unit_el = ET.SubElement(file_el, q("unit"), {"id": uid})
        notes = ET.SubElement(unit_el, q("notes"))
        ET.SubElement(notes, q("note"), {"category": "context"}).text = xml_text(note)
        translated = target_text.strip() != ""
        seg = ET.SubElement(unit_el, q("segment"), {"state": "translated" if translated else "initial"})
        ET.SubElement(seg, q("source")).text = xml_text(source_text)
        if translated:
            ET.SubElement(seg, q("target")).text = xml_text(target_text)
    ET.indent(xliff, space="  ")
    body = ET.tostring(xliff, encoding="unicode")
    # a literal CR in text would be read back as LF; the character reference keeps it
    body = body.replace("\r", "&#13;")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


@dataclass
class XliffUnit:
    id: str
    source: str
    target: Optional[str]


@dataclass
class XliffFile:
    """What a translated file holds: languages and its units in file order."""

    source_language: str
    target_language: str
    units: list[XliffUnit] = field(default_factory=list)


def parse_xliff(data: bytes) -> XliffFile:
    """Read an XLIFF 2.0 file, refusing anything unsafe or malformed (:class:`XliffError`)."""
    if len(data) > MAX_XLIFF_BYTES:
        raise XliffError(f"the file is {len(data)} bytes; the limit is {MAX_XLIFF_BYTES} bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:512]:
        raise XliffError("the file is not UTF-8 (XLIFF files for Vitrine must be UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise XliffError(f"the file is not UTF-8 (byte {exc.start})") from None
    if _DECLARATION.search(text):
        raise XliffError("the file declares a DTD or entities, which are refused (entity expansion attacks)")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # the encoding it names was just checked
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise XliffError(f"not well-formed XML ({exc})") from None
    if root.tag != f"{{{XLIFF_NS}}}xliff":
        raise XliffError(f"not an XLIFF 2.0 document (root element {_local(root.tag)!r}, namespace "
                         f"{_namespace(root.tag) or 'none'}; expected {XLIFF_NS})")
    version = root.get("version", "")
    if version != "2.0" and not version.startswith("2."):
        raise XliffError(f"XLIFF version {version or '(none)'} is not supported; export again to get XLIFF 2.0")
    try:
        src = check_tag(root.get("srcLang", ""))
        trg = check_tag(root.get("trgLang", ""))
    except LanguageTagError as exc:
        raise XliffError(f"srcLang/trgLang: {exc}") from None
    out = XliffFile(src, trg)
    seen: set[str] = set()
    for unit_el in root.iter(f"{{{XLIFF_NS}}}unit"):
        uid = unit_el.get("id", "")
        if not uid:
            raise XliffError("a <unit> has no id")
        if uid in seen:
            raise XliffError(f"unit {uid} appears twice")
        seen.add(uid)
        segments = unit_el.findall(f"{{{XLIFF_NS}}}segment")
        if len(segments) != 1:
            raise XliffError(f"unit {uid} has {len(segments)} segments; Vitrine writes exactly one "
                             "(do not split or merge segments)")
        source_el = segments[0].find(f"{{{XLIFF_NS}}}source")
        if source_el is None:
            raise XliffError(f"unit {uid} has no <source>")
        target_el = segments[0].find(f"{{{XLIFF_NS}}}target")
        target = None if target_el is None else "".join(target_el.itertext())
        out.units.append(XliffUnit(uid, "".join(source_el.itertext()), target))
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


__all__ = ["MAX_XLIFF_BYTES", "XLIFF_NS", "XliffError", "XliffFile", "XliffUnit", "comparable",
           "parse_xliff", "write_xliff", "xml_text", "TranslationUnit"]
