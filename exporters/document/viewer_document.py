"""The viewer document (``exhibit.json``): the exhibit reduced to what visitors see.

No asset-store paths and no processing internals: artifacts carry their bundle
model files (ordered coarse to fine), record and rights; media paths are
rewritten to bundle paths. Its shape is published as
``exporters/viewer/viewer-document.schema.json`` (see exporters/document/viewer_contract.py).
"""
from __future__ import annotations

import json
from typing import Any, Callable, Optional

from vitrine.assets.levels.level_table import level_rank
from vitrine.scenes.exhibit_model import Annotation, Exhibit, Measurement, MediaAudio, MediaImage, TourStep, Transform
from vitrine.scenes.storage.exhibit_format import escape_lone_surrogates
from vitrine.scenes.storage.serialization import to_dict

from vitrine.exporters.document.viewer_contract import VIEWER_DOCUMENT_VERSION
from vitrine.exporters.document.visitor_rules import annotation_view, pin_world_point

MediaMap = Callable[[str], str]
TextOf = Callable[[str], Optional[str]]


def _audio(audio: dict[str, MediaAudio], media: MediaMap, text_of: Optional[TextOf]) -> dict[str, Any]:
    out = {}
    for lang, clip in audio.items():
        d = to_dict(clip)
        d["file"] = media(clip.file)
        d["captions"] = media(clip.captions) if clip.captions else None
        # The WebVTT text itself, beside its path: from file:// Chromium refuses a <track src>
        # (cross-origin), so the viewer makes the track from a blob: URL of this text instead.
        d["captions_text"] = text_of(d["captions"]) if d["captions"] and text_of else None
        out[lang] = d
    return out


def _image(image: Optional[MediaImage], media: MediaMap) -> Optional[dict[str, Any]]:
    if image is None:
        return None
    d = to_dict(image)
    d["file"] = media(image.file)
    return d


def _measurement(m: Optional[Measurement], transforms: dict[str, Transform]) -> Optional[dict[str, Any]]:
    """A saved tape measurement in world metres for the viewer (None when its artifact is gone)."""
    transform = transforms.get(m.artifact_id) if m is not None else None
    if m is None or transform is None:
        return None
    a, b = pin_world_point(transform, m.a), pin_world_point(transform, m.b)
    return {"artifact_id": m.artifact_id, "a": [float(v) for v in a], "b": [float(v) for v in b],
            "metres": float(((a - b) ** 2).sum() ** 0.5)}


def _annotation(ann: Annotation, media: MediaMap, text_of: Optional[TextOf], view: Optional[dict],
                transforms: dict[str, Transform]) -> dict[str, Any]:
    d = to_dict(ann)
    d["measurement"] = _measurement(ann.measurement, transforms)
    d["image"] = _image(ann.image, media)
    d["audio"] = _audio(ann.audio, media, text_of)
    # Where opening it flies (its viewpoint, else the shared framing rule): computed once here,
    # so the viewer and the editor's preview (same function) take visitors to the same place.
    d["view"] = view
    return d


def _step(step: TourStep, media: MediaMap, text_of: Optional[TextOf], transforms: dict[str, Transform]) -> dict[str, Any]:
    d = to_dict(step)
    d["measurement"] = _measurement(step.measurement, transforms)
    d["audio"] = _audio(step.audio, media, text_of)
    return d


def build_viewer_document(exhibit: Exhibit, models: dict[str, list[dict]], media: MediaMap,
                          bundle: dict[str, Any], captions_text: Optional[TextOf] = None,
                          downloads: Optional[dict[str, dict[str, Any]]] = None) -> dict[str, Any]:
    """The exhibit.json object.

    ``models`` maps artifact id to its model entries ({level, file, faces, points, bytes, sha256});
    artifacts without models are left out. ``media`` maps a project media path to its bundle path.
    ``captions_text`` maps a captions file's bundle path to its text (None: not embedded).
    ``downloads`` maps artifact id to its download offer ({file, level, bytes, format, license});
    an artifact without one gets ``"download": null`` (its rights do not allow reuse).
    """
    kinds = {a.id: a.kind for a in exhibit.assets}
    dims = {a.id: list(a.dimensions) for a in exhibit.assets}
    artifacts = []
    for art in exhibit.artifacts:
        if art.id not in models:
            continue
        entries = sorted(models[art.id], key=lambda m: level_rank(m["level"]))
        artifacts.append({
            "id": art.id, "name": art.name, "kind": kinds.get(art.asset_id, "mesh"), "visible": art.visible,
            "transform": to_dict(art.transform), "dimensions": dims.get(art.asset_id, [0.0, 0.0, 0.0]),
            "display": to_dict(art.display), "models": entries, "record": to_dict(art.record),
            "rights": to_dict(art.rights), "download": (downloads or {}).get(art.id),
        })
    shown = {a["id"] for a in artifacts}
    transforms = {a.id: a.transform for a in exhibit.artifacts}
    viewpoints = {v.id: v for v in exhibit.viewpoints}
    views = {a.id: annotation_view(a, transforms.get(a.artifact_id), viewpoints) for a in exhibit.annotations}
    return {
        "schema_version": VIEWER_DOCUMENT_VERSION,
        "id": exhibit.id,
        "title": dict(exhibit.title),
        "description": dict(exhibit.description),
        "languages": list(exhibit.languages),
        "institution": exhibit.institution,
        "credits": exhibit.credits,
        "rights": to_dict(exhibit.rights),
        "environment": to_dict(exhibit.environment),
        "artifacts": artifacts,
        "plinths": [to_dict(p) for p in exhibit.plinths],
        "lights": [to_dict(light) for light in exhibit.lights],
        "viewpoints": [to_dict(v) for v in exhibit.viewpoints],
        "start_viewpoint_id": exhibit.start_viewpoint_id,
        "annotations": [_annotation(a, media, captions_text, views[a.id], transforms)
                        for a in exhibit.annotations if a.artifact_id in shown],
        "tours": [{"id": t.id, "title": dict(t.title), "steps": [_step(s, media, captions_text, transforms) for s in t.steps]}
                  for t in exhibit.tours],
        "bundle": bundle,
    }


def document_json(doc: dict[str, Any]) -> str:
    """The exhibit.json text (UTF-8, stable, trailing newline)."""
    return escape_lone_surrogates(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)) + "\n"


def exhibit_script(json_text: str) -> str:
    """``data/exhibit.js``: the exact text of exhibit.json as a string (``VITRINE_EXHIBIT_JSON``).

    From file:// nothing can be read back, so the viewer hashes this string's UTF-8 against the
    signed manifest's entry for exhibit.json: an edited copy here is caught even on a USB stick.
    ASCII escapes keep the script's own bytes independent of the page's charset.

    It runs before viewer-first.js (index.html names it first, and it is small): over http it
    starts downloading the first level of each visible artifact (an embed page: of its artifact)
    into ``VITRINE_EARLY``, so those bytes arrive while the first script is still downloading and
    compiling; the first view (or viewer.js) takes the responses over, and viewer.js hashes them
    like any download (exhibit_loader.js).
    """
    doc = json.loads(json_text)
    first = {a["id"]: a["models"][0]["file"] for a in doc.get("artifacts", [])
             if a.get("visible", True) is not False and a.get("models")}
    return ("window.VITRINE_EXHIBIT_JSON = " + json.dumps(json_text, ensure_ascii=True) + ";\n"
            "window.VITRINE_EXHIBIT = JSON.parse(window.VITRINE_EXHIBIT_JSON);\n"
            + _EARLY_FETCH.replace("FIRST", json.dumps(first, ensure_ascii=True, sort_keys=True)))


# data/exhibit.js's early downloads (see exhibit_script); not from file:// (no fetch there) nor when
# the page forces script loading (?data=script).
_EARLY_FETCH = """(function (first) {
  if (location.protocol === "file:" || /[?&]data=script(&|$)/.test(location.search)) return;
  var root = document.getElementById("vitrine"), only = root && root.dataset.embedArtifact;
  var early = window.VITRINE_EARLY = {};
  Object.keys(first).forEach(function (id) {
    if (only && id !== only) return;
    var p = fetch(first[id]);
    p.catch(function () {}); // the viewer sees the failure when it takes the download over
    early[first[id]] = p;
  });
})(FIRST);
"""
