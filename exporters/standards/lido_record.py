"""An artifact's object record as LIDO 1.1 (namespace http://www.lido-schema.org).

Elements are written in the order LIDO 1.1's schema requires, with its required ones always
present: lidoRecID, category, descriptiveMetadata (objectClassificationWrap/objectWorkTypeWrap,
objectIdentificationWrap/titleWrap), administrativeMetadata (rightsWorkWrap, recordWrap with
recordID, recordType and recordSource)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from vitrine.scenes.exhibit_model import Artifact

from .xml_text import XML_LANG, sub, to_bytes

LIDO = "http://www.lido-schema.org"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ET.register_namespace("lido", LIDO)
ET.register_namespace("xsi", XSI)
L = f"{{{LIDO}}}"
HUMAN_MADE_OBJECT = "http://www.cidoc-crm.org/cidoc-crm/E22_Human-Made_Object"


def _legal_body(parent: ET.Element, tag: str, name: str) -> None:
    body = sub(parent, L + tag)
    sub(sub(body, L + "legalBodyName"), L + "appellationValue", name or "unknown")


def lido_xml(art: Artifact, model_files: list[str], fallback_institution: str = "") -> bytes:
    """``records/<slug>.lido.xml``. ``model_files`` are the bundle's GLBs of the artifact
    (bundle-relative paths), listed as resources with the 3D model's rights."""
    rec = art.record
    institution = rec.institution or fallback_institution
    wrap = ET.Element(L + "lidoWrap", {f"{{{XSI}}}schemaLocation":
                                       f"{LIDO} http://www.lido-schema.org/schema/v1.1/lido-v1.1.xsd"})
    lido = sub(wrap, L + "lido")
    sub(lido, L + "lidoRecID", rec.identifier or art.id,
        {L + "type": "http://terminology.lido-schema.org/lido00100", L + "source": institution or "Vitrine"})
    cat = sub(lido, L + "category")
    sub(cat, L + "conceptID", HUMAN_MADE_OBJECT, {L + "type": "http://terminology.lido-schema.org/lido00099"})
    sub(cat, L + "term", "Human-made object", {XML_LANG: "en"})

    desc = sub(lido, L + "descriptiveMetadata", attrib={XML_LANG: "en"})
    work_type = sub(sub(sub(desc, L + "objectClassificationWrap"), L + "objectWorkTypeWrap"), L + "objectWorkType")
    sub(work_type, L + "term", rec.classification or "object")
    ident = sub(desc, L + "objectIdentificationWrap")
    title_set = sub(sub(ident, L + "titleWrap"), L + "titleSet")
    titles = {k: v for k, v in rec.title.items() if v} or {"und": art.name or art.id}
    for n, (lang, text) in enumerate(titles.items()):
        attrib = {XML_LANG: lang}
        if n == 0:
            attrib[L + "pref"] = "preferred"
        sub(title_set, L + "appellationValue", text, attrib)
    if institution or rec.identifier:
        repo = sub(sub(ident, L + "repositoryWrap"), L + "repositorySet")
        if institution:
            _legal_body(repo, "repositoryName", institution)
        if rec.identifier:
            sub(repo, L + "workID", rec.identifier, {L + "type": "http://terminology.lido-schema.org/lido00113"})
    if any(rec.description.values()):
        note = sub(sub(ident, L + "objectDescriptionWrap"), L + "objectDescriptionSet")
        for lang, text in rec.description.items():
            if text:
                sub(note, L + "descriptiveNoteValue", text, {XML_LANG: lang})
    if rec.dimensions_catalogued:
        meas = sub(sub(ident, L + "objectMeasurementsWrap"), L + "objectMeasurementsSet")
        sub(meas, L + "displayObjectMeasurements", rec.dimensions_catalogued)
    if rec.maker or rec.date or rec.materials:
        event = sub(sub(sub(desc, L + "eventWrap"), L + "eventSet"), L + "event")
        sub(sub(event, L + "eventType"), L + "term", "production", {XML_LANG: "en"})
        if rec.maker:
            sub(sub(event, L + "eventActor"), L + "displayActorInRole", rec.maker)
        if rec.date:
            sub(sub(event, L + "eventDate"), L + "displayDate", rec.date)
        if rec.materials:
            sub(sub(event, L + "eventMaterialsTech"), L + "displayMaterialsTech", ", ".join(rec.materials))

    admin = sub(lido, L + "administrativeMetadata", attrib={XML_LANG: "en"})
    rights = sub(sub(admin, L + "rightsWorkWrap"), L + "rightsWorkSet")
    rtype = sub(rights, L + "rightsType")
    if art.rights.object.statement_uri:
        sub(rtype, L + "conceptID", art.rights.object.statement_uri, {L + "type": "URI"})
    sub(rtype, L + "term", art.rights.object.statement_uri or "rights not evaluated")
    if art.rights.object.holder:
        _legal_body(rights, "rightsHolder", art.rights.object.holder)
    if rec.credit_line:
        sub(rights, L + "creditLine", rec.credit_line)
    record = sub(admin, L + "recordWrap")
    sub(record, L + "recordID", art.id, {L + "type": "http://terminology.lido-schema.org/lido00100"})
    sub(sub(record, L + "recordType"), L + "term", "item", {XML_LANG: "en"})
    _legal_body(record, "recordSource", institution)
    if rec.uri:
        sub(sub(record, L + "recordInfoSet"), L + "recordInfoLink", rec.uri)
    if model_files:
        res = sub(sub(admin, L + "resourceWrap"), L + "resourceSet")
        for path in model_files:
            rep = sub(res, L + "resourceRepresentation")
            sub(rep, L + "linkResource", path, {L + "formatResource": "model/gltf-binary"})
        sub(sub(res, L + "resourceType"), L + "term", "3D model", {XML_LANG: "en"})
        model_rights = sub(res, L + "rightsResource")
        mtype = sub(model_rights, L + "rightsType")
        sub(mtype, L + "term", art.rights.model.statement_uri or "rights not evaluated")
        if art.rights.model.holder:
            _legal_body(model_rights, "rightsHolder", art.rights.model.holder)
    return to_bytes(wrap)
