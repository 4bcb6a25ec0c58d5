"""Text that XML 1.0 can carry. ElementTree escapes <, & and quotes, but writes control
characters as they are, which no XML parser accepts: they are dropped here."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# characters outside XML 1.0's Char production (C0 controls but tab/LF/CR, surrogates, U+FFFE/F)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xml_safe(text: object) -> str:
    """``text`` as a string XML 1.0 can hold (control characters and lone surrogates dropped)."""
    return _NOT_XML.sub("", str(text))


def sub(parent: ET.Element, tag: str, text: object = None, attrib: dict[str, str] | None = None) -> ET.Element:
    """A child element of ``parent`` with safe text and attributes."""
    el = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in (attrib or {}).items()})
    if text is not None:
        el.text = xml_safe(text)
    return el


def to_bytes(root: ET.Element) -> bytes:
    """The document as indented UTF-8 with an XML declaration."""
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
