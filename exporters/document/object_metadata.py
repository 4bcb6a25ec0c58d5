"""An artifact's catalogue record as Dublin Core (KHR_xmp_json_ld) and its model's copyright line."""
from __future__ import annotations

from typing import Any

from typing import Optional

from vitrine.scenes.exhibit_model import Artifact, Asset, Rights

DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def rights_text(rights: Rights) -> str:
    """One line for a rights statement: attribution or holder, then the statement URI."""
    who = rights.attribution.strip() or rights.holder.strip()
    uri = rights.statement_uri.strip()
    return " — ".join(x for x in (who, uri) if x)


def _alt(text: dict[str, str]) -> dict[str, Any]:
    """A language alternative (rdf:Alt) of localised text."""
    out: dict[str, Any] = {"@type": "rdf:Alt"}
    for n, (lang, value) in enumerate((k, v) for k, v in text.items() if v):
        out[f"rdf:_{n + 1}"] = {"@language": lang, "@value": value}
    return out


def measured_dimensions(artifact: Artifact, asset: Optional[Asset]) -> str:
    """Width × height × depth of the object as measured from its prepared scan (metres in the
    document, shown in cm), with the artifact's display scale applied; '' if unknown."""
    if asset is None or not any(asset.dimensions):
        return ""
    sizes = [abs(d * s) * 100.0 for d, s in zip(asset.dimensions, artifact.transform.scale)]
    return " × ".join(f"{v:.1f}" for v in sizes) + " cm (w × h × d, measured from the 3D scan)"


def xmp_packet(artifact: Artifact, asset: Optional[Asset] = None) -> dict[str, Any]:
    """The KHR_xmp_json_ld packet describing the physical object and the model's rights."""
    rec = artifact.record
    packet: dict[str, Any] = {"@context": {"dc": DC, "dcterms": DCTERMS, "rdf": RDF}}
    title = rec.title if any(rec.title.values()) else ({"x-default": artifact.name} if artifact.name else {})
    if title:
        packet["dc:title"] = _alt(title)
    if rec.identifier:
        packet["dc:identifier"] = rec.identifier
    if rec.maker:
        packet["dc:creator"] = {"@list": [rec.maker]}
    if rec.date:
        packet["dc:date"] = rec.date
    if any(rec.description.values()):
        packet["dc:description"] = _alt(rec.description)
    if rec.materials:
        packet["dcterms:medium"] = {"@set": list(rec.materials)}
    extents = [x for x in (rec.dimensions_catalogued, measured_dimensions(artifact, asset)) if x]
    if extents:
        packet["dcterms:extent"] = {"@set": extents}
    if rec.institution:
        packet["dc:publisher"] = rec.institution
    if rec.uri:
        packet["dcterms:source"] = rec.uri
    model = artifact.rights.model
    if model.statement_uri:
        packet["dc:rights"] = model.statement_uri
    holder = model.holder or model.attribution
    if holder:
        packet["dcterms:rightsHolder"] = holder
    packet["dc:format"] = "model/gltf-binary"
    return packet


def model_copyright(artifact: Artifact) -> str:
    """``asset.copyright`` of the artifact's GLBs: the model's rights holder or attribution."""
    return rights_text(artifact.rights.model)
