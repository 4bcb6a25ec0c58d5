"""An artifact's object record as simple Dublin Core in the OAI-PMH ``oai_dc`` wrapper."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from vitrine.scenes.exhibit_model import Artifact

from .xml_text import XML_LANG, sub, to_bytes

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)
ET.register_namespace("xsi", XSI)


def dublin_core_xml(art: Artifact, model_files: list[str]) -> bytes:
    """``records/<slug>.dc.xml``: title and description per language (xml:lang), creator,
    date, type (classification), format (materials, catalogued dimensions), identifiers,
    publisher (institution), rights of the object and of the 3D model, and the bundle's model
    files as relations (bundle-relative paths)."""
    rec = art.record
    root = ET.Element(f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"})

    def dc(name: str, value: str, lang: str | None = None) -> None:
        if value:
            sub(root, f"{{{DC}}}{name}", value, {XML_LANG: lang} if lang else None)

    titles = {k: v for k, v in rec.title.items() if v} or {"": art.name}
    for lang, text in titles.items():
        dc("title", text, lang or None)
    dc("creator", rec.maker)
    dc("date", rec.date)
    for lang, text in rec.description.items():
        dc("description", text, lang)
    dc("type", rec.classification)
    dc("type", "PhysicalObject")
    for material in rec.materials:
        dc("format", material)
    dc("format", rec.dimensions_catalogued)
    dc("identifier", rec.identifier)
    dc("identifier", rec.uri)
    dc("publisher", rec.institution)
    dc("rights", art.rights.object.statement_uri)
    if art.rights.object.holder:
        dc("rights", f"© {art.rights.object.holder}")
    dc("rights", rec.credit_line)
    for path in model_files:
        dc("relation", path)
    return to_bytes(root)
