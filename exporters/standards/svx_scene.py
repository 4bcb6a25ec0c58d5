"""``scene.svx.json``: the exhibit as a Smithsonian Voyager scene (SVX document).

Lengths are metres: the setup's and every model's ``units`` are "m", node translations and
annotation positions are in metres, annotation positions and directions in the artifact's own
frame (the GLBs are in that frame too). Voyager's camera field of view and orbit angles are in
degrees. Texts go in Voyager's languages (see languages.py); what Voyager cannot hold is listed
in the export report, one line per kind.
"""
from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any, Optional

from vitrine.scenes.storage.exhibit_format import escape_lone_surrogates
from vitrine.scenes.exhibit_model import Exhibit, Light, Viewpoint

from vitrine.exporters.export_messages import ExportMessage
from .languages import VOYAGER_LANGUAGES, to_voyager_texts, voyager_key
from .svx_geometry import hex_to_rgb, look_rotation, view_to_orbit

if TYPE_CHECKING:  # the outputs list imports this module: no import at run time
    from vitrine.exporters.bundle_outputs.context import BundleContext

SVX_NAME = "scene.svx.json"
SVX_MIME = "application/si-dpo-3d.document+json"
# Vitrine's levels of detail -> Voyager's derivative quality names (model.schema.json enum)
QUALITY = {"thumbnail": "Thumb", "low": "Low", "medium": "Medium", "high": "High", "original": "Highest"}
LEVEL_OF_QUALITY = {v: k for k, v in QUALITY.items()}
ORBIT_TARGET = "scenes/0/setup/navigation/orbit"
OFFSET_TARGET = "scenes/0/setup/navigation/offset"


def _first(texts: dict[str, str]) -> str:
    return next(iter(texts.values()), "")


def _light_component(light: Light) -> dict[str, Any]:
    comp: dict[str, Any] = {"type": light.type, "color": hex_to_rgb(light.color),
                            "intensity": max(0.0, float(light.intensity))}
    if light.type == "point":
        comp["point"] = {"distance": max(0.0, float(light.range))}
    elif light.type == "spot":
        comp["spot"] = {"distance": max(0.0, float(light.range)), "angle": round(math.degrees(light.angle), 6)}
    return comp


def _start_view(exhibit: Exhibit) -> Viewpoint:
    views = {v.id: v for v in exhibit.viewpoints}
    return views.get(exhibit.start_viewpoint_id or "") or (exhibit.viewpoints[0] if exhibit.viewpoints else Viewpoint())


def _collection(exhibit: Exhibit, left_out: set[str]) -> dict[str, Any]:
    titles = to_voyager_texts(exhibit.title, left_out)
    out: dict[str, Any] = {"title": _first(titles), "titles": titles,
                           "descriptions": to_voyager_texts(exhibit.description, left_out),
                           "institution": exhibit.institution, "credits": exhibit.credits,
                           "rights": exhibit.rights.statement_uri, "rightsHolder": exhibit.rights.holder,
                           "attribution": exhibit.rights.attribution,
                           "languages": list(exhibit.languages)}
    return {k: v for k, v in out.items() if v}


def _record_collection(art: Any, left_out: set[str]) -> dict[str, Any]:
    rec = art.record
    titles = to_voyager_texts(rec.title, left_out)
    out: dict[str, Any] = {"title": _first(titles) or art.name, "titles": titles, "identifier": rec.identifier,
                           "uri": rec.uri, "maker": rec.maker, "date": rec.date, "materials": list(rec.materials),
                           "dimensions": rec.dimensions_catalogued, "institution": rec.institution,
                           "creditLine": rec.credit_line, "classification": rec.classification,
                           "descriptions": to_voyager_texts(rec.description, left_out),
                           "rights": art.rights.object.statement_uri, "rightsHolder": art.rights.object.holder,
                           "rightsAttribution": art.rights.object.attribution,
                           "modelRights": art.rights.model.statement_uri,
                           "modelRightsHolder": art.rights.model.holder,
                           "modelAttribution": art.rights.model.attribution}
    return {k: v for k, v in out.items() if v}


def build_svx(exhibit: Exhibit, models: dict[str, list[dict]], generator: str,
              media_of: Optional[dict[str, str]] = None) -> tuple[dict[str, Any], list[str]]:
    """The SVX document for ``exhibit`` and the report lines of what it leaves out.

    ``models`` maps artifact id to its published model entries ({level, file, faces, bytes, …},
    ``file`` bundle-relative); artifacts without models are left out. ``media_of`` maps an
    annotation id to its image's bundle path.
    """
    left_out: set[str] = set()
    other: list[str] = []
    nodes: list[dict[str, Any]] = []
    metas: list[dict[str, Any]] = [{"collection": _collection(exhibit, left_out)}]

    start = _start_view(exhibit)
    nodes.append({"name": "Camera", "camera": 0, "translation": [float(v) for v in start.eye],
                  "rotation": look_rotation(start.eye, start.target)})
    cameras = [{"type": "perspective", "perspective": {"yfov": round(math.degrees(start.fov), 6),
                                                       "znear": 0.01, "zfar": 1000.0}}]
    roots = [0]

    lights = []
    if exhibit.lights:
        group = len(nodes)
        nodes.append({"name": "Lights", "children": []})
        roots.append(group)
        for light in exhibit.lights:
            node: dict[str, Any] = {"name": light.name or light.type, "light": len(lights),
                                    "translation": [float(v) for v in light.position]}
            if light.type in ("directional", "spot"):
                node["rotation"] = look_rotation(light.position, light.target)
            nodes[group]["children"].append(len(nodes))
            nodes.append(node)
            lights.append(_light_component(light))

    svx_models: list[dict[str, Any]] = []
    anns_by_art: dict[str, list] = {}
    for ann in exhibit.annotations:
        anns_by_art.setdefault(ann.artifact_id, []).append(ann)
    for art in exhibit.artifacts:
        entries = models.get(art.id)
        if not entries:
            continue
        derivatives = []
        for e in entries:
            asset: dict[str, Any] = {"uri": e["file"], "type": "Model", "mimeType": "model/gltf-binary"}
            if e.get("bytes"):
                asset["byteSize"] = int(e["bytes"])
            if e.get("faces"):
                asset["numFaces"] = int(e["faces"])
            derivatives.append({"usage": "Web3D", "quality": QUALITY.get(e["level"], "Medium"), "assets": [asset]})
        annotations = []
        for ann in anns_by_art.get(art.id, []):
            titles = to_voyager_texts(ann.title, left_out)
            leads = to_voyager_texts(ann.body, left_out)
            a: dict[str, Any] = {"id": ann.id, "title": _first(titles), "titles": titles, "lead": _first(leads),
                                 "leads": leads, "marker": str(ann.marker.number),
                                 "position": [float(v) for v in ann.point],
                                 "direction": [float(v) for v in ann.normal], "visible": True}
            if ann.tags:
                a["tags"] = list(ann.tags)
            image = (media_of or {}).get(ann.id)
            if image:
                a["imageUri"] = image
                alt = to_voyager_texts(ann.image.alt, left_out) if ann.image else {}
                if alt:
                    a["imageAltText"] = alt
            if ann.audio:
                other.append(ExportMessage("annotation audio (Voyager's audio needs its own clip list)"))
            annotations.append(a)
        model: dict[str, Any] = {"units": "m", "derivatives": derivatives}
        if annotations:
            model["annotations"] = annotations
        t = art.transform
        roots.append(len(nodes))
        nodes.append({"name": art.name or art.id, "model": len(svx_models), "meta": len(metas),
                      "translation": [float(v) for v in t.translation], "rotation": [float(v) for v in t.rotation],
                      "scale": [float(v) for v in t.scale]})
        metas.append({"collection": _record_collection(art, left_out)})
        svx_models.append(model)

    views = {v.id: v for v in exhibit.viewpoints}
    tours, states = [], []
    for tour in exhibit.tours:
        titles = to_voyager_texts(tour.title, left_out)
        steps = []
        for step in tour.steps:
            view = views.get(step.viewpoint_id or "") or start
            orbit, offset = view_to_orbit(view.eye, view.target)
            narration = to_voyager_texts(step.narration, left_out)
            steps.append({"id": step.id, "title": _first(narration), "titles": narration})
            states.append({"id": step.id, "curve": "EaseQuadInOut", "duration": 2, "threshold": 0.5,
                           "values": [orbit, offset]})
            if step.annotation_id:
                other.append(ExportMessage("tour steps' annotations (a Voyager tour step is a camera move)"))
            if step.audio:
                other.append(ExportMessage("tour narration audio"))
        tours.append({"title": _first(titles), "titles": titles, "steps": steps})

    orbit, offset = view_to_orbit(start.eye, start.target)
    env = exhibit.environment
    colors = [hex_to_rgb(c) for c in (env.background.colors or ["#000000"])]
    language = next((voyager_key(t) for t in exhibit.languages if voyager_key(t)), "EN")
    setup: dict[str, Any] = {
        "units": "m",
        "interface": {"visible": True, "logo": False, "menu": True, "tools": True},
        "viewer": {"shader": "Default", "exposure": 1, "gamma": 2, "annotationsVisible": bool(exhibit.annotations)},
        "reader": {"enabled": False, "position": "Overlay"},
        "navigation": {"type": "Orbit", "enabled": True, "autoZoom": False, "autoRotation": False,
                       "lightsFollowCamera": False, "orbit": {"orbit": orbit, "offset": offset}},
        "background": {"style": "LinearGradient" if len(colors) > 1 else "Solid",
                       "color0": colors[0], "color1": colors[-1]},
        "floor": {"visible": env.floor.visible, "position": [0.0, 0.0, 0.0], "size": 2 * env.floor.radius,
                  "color": hex_to_rgb(env.floor.color), "opacity": 1, "receiveShadow": False},
        "language": {"language": language},
    }
    if tours:
        setup["tours"] = tours
        setup["snapshots"] = {"features": ["navigation"], "targets": [ORBIT_TARGET, OFFSET_TARGET],
                              "states": states}

    doc: dict[str, Any] = {
        "asset": {"type": SVX_MIME, "version": "1.0", "generator": generator,
                  "copyright": exhibit.rights.attribution or exhibit.rights.holder or exhibit.institution},
        "scene": 0,
        "scenes": [{"name": _first(to_voyager_texts(exhibit.title, left_out)) or "Exhibit", "units": "m",
                    "nodes": roots, "setup": 0, "meta": 0}],
        "nodes": nodes, "cameras": cameras, "metas": metas, "setups": [setup],
    }
    if lights:
        doc["lights"] = lights
    if svx_models:
        doc["models"] = svx_models
    return doc, _left_out_lines(left_out, other, exhibit)


def _left_out_lines(tags: set[str], other: list[str], exhibit: Exhibit) -> list[str]:
    lines = []
    for tag in sorted(tags):
        why = (ExportMessage("Voyager has no Chinese") if tag.split("-")[0].lower() == "zh"
               else ExportMessage("Voyager's languages are {languages}, one text each",
                                  languages=" ".join(VOYAGER_LANGUAGES)))
        lines.append(ExportMessage("{file} leaves out: {language} texts ({why})", file=SVX_NAME, language=tag, why=why))
    if exhibit.plinths:
        other.append(ExportMessage("plinths (Voyager has no display furniture)"))
    for kind in dict.fromkeys(other):
        lines.append(ExportMessage("{file} leaves out: {what}", file=SVX_NAME, what=kind))
    return lines


def write_svx(ctx: "BundleContext") -> None:
    """Bundle output: write ``scene.svx.json`` and report what it leaves out."""
    media = {a["id"]: a["image"]["file"] for a in ctx.document.get("annotations", [])
             if isinstance(a.get("image"), dict) and a["image"].get("file")}
    doc, lines = build_svx(ctx.exhibit, ctx.models, ctx.generator, media)
    (ctx.root / SVX_NAME).write_text(escape_lone_surrogates(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)) + "\n",
                                     encoding="utf-8")
    ctx.report.warnings.extend(lines)
