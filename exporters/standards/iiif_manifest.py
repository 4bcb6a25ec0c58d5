"""``iiif/manifest.json``: the exhibit as an IIIF Presentation 3 manifest.

One Canvas per published artifact, painted with one of its GLBs as a ``Model`` resource
(``model/gltf-binary``), its poster (``posters/<slug>.webp``, when the bundle has one) as the
thumbnail, and its annotations as ``commenting`` annotations with one TextualBody per language
targeting the Canvas (Presentation 3 has no 3D coordinates to pin them to). Descriptive
properties are given in every exhibit language. Resource ids are absolute: under the export's
public URL, or under ``https://vitrine.invalid/<exhibit id>/`` (a reserved name that never
resolves) when the export was given none.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from vitrine.scenes.storage.exhibit_format import escape_lone_surrogates
from vitrine.scenes.exhibit_model import Exhibit

if TYPE_CHECKING:  # the outputs list imports this module: no import at run time
    from vitrine.exporters.bundle_outputs.context import BundleContext

MANIFEST_PATH = "iiif/manifest.json"
CONTEXT = "http://iiif.io/api/presentation/3/context.json"
# which published level a Canvas paints: light enough for a web viewer, fine enough to look at
PAINT_ORDER = ("medium", "high", "low", "original", "thumbnail")
# property labels in the languages Vitrine ships; other languages get the English word
LABELS = {
    "institution": {"en": "Institution", "zh-Hans": "机构"},
    "credits": {"en": "Credits", "zh-Hans": "致谢"},
    "attribution": {"en": "Attribution", "zh-Hans": "署名"},
    "identifier": {"en": "Identifier", "zh-Hans": "编号"},
    "maker": {"en": "Maker", "zh-Hans": "制作者"},
    "date": {"en": "Date", "zh-Hans": "年代"},
    "materials": {"en": "Materials", "zh-Hans": "材质"},
    "dimensions": {"en": "Dimensions", "zh-Hans": "尺寸"},
    "classification": {"en": "Classification", "zh-Hans": "类别"},
    "model_rights": {"en": "3D model rights", "zh-Hans": "三维模型权利"},
}


def base_url(public_url: str, exhibit_id: str) -> str:
    """The absolute URL the bundle's files are addressed under (ends with '/')."""
    parts = urlsplit(public_url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return public_url if public_url.endswith("/") else public_url + "/"
    return f"https://vitrine.invalid/{quote(exhibit_id, safe='')}/"


def _label(key: str, languages: list[str]) -> dict[str, list[str]]:
    words = LABELS[key]
    return {lang: [words.get(lang, words["en"])] for lang in languages}


def _texts(text: dict[str, str], languages: list[str], fallback: str = "") -> dict[str, list[str]]:
    """A language map in every exhibit language that has text; ``fallback`` (untranslated,
    e.g. a name) for the languages that have none."""
    out = {lang: [text[lang]] for lang in languages if text.get(lang)}
    for lang, value in text.items():  # texts in further languages are kept too
        if value and lang not in out:
            out[lang] = [value]
    if fallback:
        for lang in languages:
            out.setdefault(lang, [fallback])
    return out or {"none": [fallback or "-"]}


def _same(value: str, languages: list[str]) -> dict[str, list[str]]:
    return {lang: [value] for lang in languages}


def _rights_uri(uri: str) -> str | None:
    parts = urlsplit(uri or "")
    return uri if parts.scheme in ("http", "https") and parts.netloc else None


def build_manifest(exhibit: Exhibit, models: dict[str, list[dict]], base: str,
                   posters: dict[str, str]) -> dict[str, Any]:
    """The manifest object. ``models``: artifact id -> published model entries ({level, file, …});
    ``posters``: artifact id -> bundle path of its poster image; ``base``: absolute URL (ends
    with '/') the bundle's paths are resolved against."""
    langs = list(exhibit.languages) or ["en"]
    title = next((v for v in exhibit.title.values() if v), "Exhibit")
    manifest: dict[str, Any] = {
        "@context": CONTEXT, "id": base + MANIFEST_PATH, "type": "Manifest",
        "label": _texts(exhibit.title, langs, title),
    }
    if any(exhibit.description.values()):
        manifest["summary"] = _texts(exhibit.description, langs)
    metadata = []
    if exhibit.institution:
        metadata.append({"label": _label("institution", langs), "value": _same(exhibit.institution, langs)})
    if exhibit.credits:
        metadata.append({"label": _label("credits", langs), "value": _same(exhibit.credits, langs)})
    if metadata:
        manifest["metadata"] = metadata
    rights = _rights_uri(exhibit.rights.statement_uri)
    if rights:
        manifest["rights"] = rights
    statement = exhibit.rights.attribution or exhibit.rights.holder or exhibit.institution
    if statement:
        manifest["requiredStatement"] = {"label": _label("attribution", langs), "value": _same(statement, langs)}
    if exhibit.institution:
        manifest["provider"] = [{"id": base + "credits.html", "type": "Agent",
                                 "label": _same(exhibit.institution, langs),
                                 "homepage": [{"id": base + "index.html", "type": "Text", "format": "text/html",
                                               "label": _texts(exhibit.title, langs, title)}]}]
    anns: dict[str, list] = {}
    for ann in exhibit.annotations:
        anns.setdefault(ann.artifact_id, []).append(ann)
    canvases = []
    for art in exhibit.artifacts:
        entries = models.get(art.id)
        if not entries:
            continue
        by_level = {e["level"]: e for e in entries}
        entry = next((by_level[lv] for lv in PAINT_ORDER if lv in by_level), entries[0])
        slug = entry["file"].split("/")[1]
        cid = f"{base}iiif/canvas/{slug}"
        canvas: dict[str, Any] = {
            "id": cid, "type": "Canvas", "label": _texts(art.record.title, langs, art.name or slug),
            "items": [{"id": f"{cid}/page/1", "type": "AnnotationPage", "items": [{
                "id": f"{cid}/page/1/model", "type": "Annotation", "motivation": "painting",
                "body": {"id": base + entry["file"], "type": "Model", "format": "model/gltf-binary"},
                "target": cid}]}],
        }
        meta = _record_metadata(art, langs)
        if meta:
            canvas["metadata"] = meta
        if any(art.record.description.values()):
            canvas["summary"] = _texts(art.record.description, langs)
        art_rights = _rights_uri(art.rights.model.statement_uri)
        if art_rights:
            canvas["rights"] = art_rights
        if art.id in posters:
            canvas["thumbnail"] = [{"id": base + posters[art.id], "type": "Image", "format": "image/webp"}]
        comments = []
        for n, ann in enumerate(anns.get(art.id, []), 1):
            bodies = []
            for lang in dict.fromkeys([*langs, *ann.title, *ann.body]):
                text = "\n\n".join(t for t in (ann.title.get(lang, ""), ann.body.get(lang, "")) if t)
                if text:
                    bodies.append({"type": "TextualBody", "value": text, "language": lang, "format": "text/plain"})
            if bodies:
                comments.append({"id": f"{cid}/annotations/{n}", "type": "Annotation", "motivation": "commenting",
                                 "body": bodies, "target": cid})
        if comments:
            canvas["annotations"] = [{"id": f"{cid}/annotations", "type": "AnnotationPage", "items": comments}]
        canvases.append(canvas)
    manifest["items"] = canvases
    return manifest


def _record_metadata(art: Any, langs: list[str]) -> list[dict[str, Any]]:
    rec = art.record
    pairs = [("identifier", rec.identifier), ("maker", rec.maker), ("date", rec.date),
             ("materials", ", ".join(rec.materials)), ("dimensions", rec.dimensions_catalogued),
             ("classification", rec.classification), ("institution", rec.institution),
             ("model_rights", art.rights.model.statement_uri)]
    return [{"label": _label(key, langs), "value": _same(value, langs)} for key, value in pairs if value]


def write_iiif_manifest(ctx: "BundleContext") -> None:
    """Bundle output: write ``iiif/manifest.json`` (after the posters, when there are any)."""
    posters = {}
    for art_id, entries in ctx.models.items():
        if entries:
            rel = f"posters/{entries[0]['file'].split('/')[1]}.webp"
            if (ctx.root / rel).is_file():
                posters[art_id] = rel
    base = base_url(ctx.public_url, ctx.exhibit.id)
    doc = build_manifest(ctx.exhibit, ctx.models, base, posters)
    path = ctx.root / MANIFEST_PATH
    path.parent.mkdir(exist_ok=True)
    path.write_text(escape_lone_surrogates(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)) + "\n",
                    encoding="utf-8")
