"""Make a Vitrine project from a Smithsonian Voyager scene (SVX): its models through the ordinary
scan import, its annotations, tours (snapshot camera moves become viewpoints), lights and start
view. Qt-free; the CLI's ``vitrine import-svx`` and the editor call ``import_svx``.

Bad input (not JSON, not a Voyager scene, a model path that leaves the scene's folder, a missing
or unreadable model) raises ``SvxImportError`` with one line, and nothing is written: the project
is built in a hidden folder beside the target and renamed into place only when complete.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import numpy as np
from scipy.spatial.transform import Rotation

from vitrine.exporters.standards.languages import VOYAGER_LANGUAGES, bcp47_tag, from_voyager_texts
from vitrine.exporters.standards.svx_geometry import forward_point, orbit_to_view, rgb_to_hex, rotate
from vitrine.exporters.standards.svx_scene import LEVEL_OF_QUALITY
from vitrine.exporters.standards.svx_schema import first_error, svx_validator
from vitrine.scenes.exhibit_model import (
    LIGHT_TYPES, Annotation, ArtifactRights, Light, Marker, Rights, Tour, TourStep, Transform, Viewpoint,
)
from vitrine.scenes.storage.project_store import PROJECT_SUFFIX, Project

UNIT_METRES = {"mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0, "in": 0.0254, "ft": 0.3048, "yd": 0.9144,
               "mi": 1609.344}
IMPORTABLE_UNITS = ("mm", "cm", "m", "in")  # what the scan import converts itself
QUALITY_PREFERENCE = ("Highest", "High", "Medium", "Low", "Thumb", "AR")
MAX_NODE_DEPTH = 32


class SvxImportError(Exception):
    """A Voyager scene that cannot be imported; ``str()`` is one line naming the file."""


@dataclass
class SvxImportResult:
    """What ``import_svx`` made: the project (saved) and counts, and warnings (one line each)."""

    project: Project
    artifacts: int = 0
    annotations: int = 0
    tours: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class _ModelPlan:
    name: str
    file: Path
    uri: str
    units: str
    node: dict[str, Any]
    model: dict[str, Any]


def read_svx(path: Path) -> dict[str, Any]:
    """The SVX document at ``path``, checked against Voyager's schemas when they are available
    (and for the fields this import relies on in any case). Raises SvxImportError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SvxImportError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SvxImportError(f"{path}: not UTF-8 text, so not a Voyager scene") from None
    except json.JSONDecodeError as exc:
        raise SvxImportError(f"{path}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    validator = svx_validator()
    if validator is not None:
        error = first_error(validator, doc)
        if error:
            raise SvxImportError(f"{path}: not a valid Voyager scene ({error})")
    if not isinstance(doc, dict) or doc.get("asset", {}).get("type") != "application/si-dpo-3d.document+json":
        raise SvxImportError(f"{path}: not a Voyager scene (asset.type is not application/si-dpo-3d.document+json)")
    return doc


def _item(doc: dict, key: str, index: Any, path: Path, what: str) -> dict[str, Any]:
    items = doc.get(key) or []
    if not isinstance(index, int) or not 0 <= index < len(items) or not isinstance(items[index], dict):
        raise SvxImportError(f"{path}: not a valid Voyager scene ({what} refers to {key}[{index}], which does not exist)")
    return items[index]


def _scene_nodes(doc: dict, scene: dict, path: Path) -> list[tuple[int, dict]]:
    """(index, node) of every node under the scene's roots, depth first, each once."""
    out: list[tuple[int, dict]] = []
    seen: set[int] = set()

    def walk(index: Any, depth: int) -> None:
        node = _item(doc, "nodes", index, path, "the scene")
        if index in seen or depth > MAX_NODE_DEPTH:
            return
        seen.add(index)
        out.append((index, node))
        for child in node.get("children") or []:
            walk(child, depth + 1)

    for root in scene.get("nodes") or []:
        walk(root, 0)
    return out


def _model_file(svx: Path, model: dict, index: int) -> tuple[str, Path]:
    """The bundle-relative uri and resolved path of a model's best glTF derivative."""
    candidates = []
    for d in model.get("derivatives") or []:
        for asset in d.get("assets") or []:
            if asset.get("type") == "Model" and isinstance(asset.get("uri"), str):
                rank = QUALITY_PREFERENCE.index(d["quality"]) if d.get("quality") in QUALITY_PREFERENCE else 99
                usage = 0 if d.get("usage", "Web3D") == "Web3D" else 1
                candidates.append((usage, rank, asset["uri"]))
    if not candidates:
        raise SvxImportError(f"{svx}: model {index} has no derivative with a Model asset")
    uri = sorted(candidates)[0][2]
    folder = svx.parent.resolve()
    if "://" in uri or uri.startswith(("/", "\\")) or ":" in uri.split("/")[0] or ".." in uri.replace("\\", "/").split("/"):
        raise SvxImportError(f"{svx}: model {index} file '{uri}' is outside the scene's folder")
    target = (folder / uri).resolve()
    if not target.is_relative_to(folder):
        raise SvxImportError(f"{svx}: model {index} file '{uri}' is outside the scene's folder")
    if not target.is_file():
        raise SvxImportError(f"{svx}: model {index} file '{uri}' is missing")
    if target.suffix.lower() not in (".glb", ".gltf"):
        raise SvxImportError(f"{svx}: model {index} file '{uri}' is not a glTF model (.glb or .gltf)")
    return uri, target


def _vec(value: Any, n: int, default: tuple[float, ...]) -> tuple[float, ...]:
    if isinstance(value, list) and len(value) == n and all(isinstance(v, (int, float)) for v in value):
        return tuple(float(v) for v in value)
    return default


def _texts(obj: dict, plural: str, singular: str, lang: str) -> dict[str, str]:
    texts = from_voyager_texts(obj.get(plural))
    if not texts and isinstance(obj.get(singular), str) and obj[singular]:
        texts = {lang: obj[singular]}
    return texts


def _rights(collection: dict, uri: str, holder: str, attribution: str) -> Rights:
    """Rights from the collection fields Vitrine writes (other scenes usually have none)."""
    def text(key: str) -> str:
        value = collection.get(key)
        return value if isinstance(value, str) else ""
    return Rights(statement_uri=text(uri), holder=text(holder), attribution=text(attribution))


def _languages(doc: dict) -> list[str]:
    """Exhibit languages: every Voyager key used in the document, in Voyager's order."""
    used: set[str] = set()

    def visit(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            if key in ("titles", "leads", "intros", "descriptions", "imageAltText"):
                used.update(k.upper() for k in value if isinstance(k, str))
            for k, v in value.items():
                visit(v, k)
        elif isinstance(value, list):
            for v in value:
                visit(v)

    visit(doc)
    return [bcp47_tag(k) for k in VOYAGER_LANGUAGES if k in used] or ["en"]  # type: ignore[misc]


def _plan(svx: Path, doc: dict) -> tuple[dict, dict, list[_ModelPlan], list[tuple[dict, dict]], Optional[dict]]:
    """Everything checked before anything is written: scene, setup, models, lights, camera."""
    scene = _item(doc, "scenes", doc.get("scene", 0), svx, "scene")
    setup = _item(doc, "setups", scene["setup"], svx, "the scene") if "setup" in scene else {}
    default_units = setup.get("units") if setup.get("units") in UNIT_METRES else "m"
    models, lights, camera = [], [], None
    for index, node in _scene_nodes(doc, scene, svx):
        if "model" in node:
            model = _item(doc, "models", node["model"], svx, f"node {index}")
            uri, file = _model_file(svx, model, node["model"])
            units = model.get("units") if model.get("units") in UNIT_METRES else default_units
            models.append(_ModelPlan(str(node.get("name") or Path(uri).stem), file, uri, units, node, model))
        if "light" in node:
            lights.append((node, _item(doc, "lights", node["light"], svx, f"node {index}")))
        if "camera" in node and camera is None:
            camera = _item(doc, "cameras", node["camera"], svx, f"node {index}")
    return scene, setup, models, lights, camera


def _readable_model(plan: _ModelPlan, scratch: Path, warnings: list[str]) -> Path:
    """The model file: the scan import now decodes meshopt-compressed GLBs (Vitrine's and
    gltfpack's output) itself, colours and textures included."""
    return plan.file


def import_svx(svx_path: Path | str, project_path: Path | str, progress: Any = None) -> SvxImportResult:
    """Make the project ``project_path`` (a new folder, ``.vitrine`` added) from ``svx_path``.
    Raises SvxImportError (one line) and writes nothing on bad input."""
    svx = Path(svx_path)
    final = Path(project_path)
    if final.suffix != PROJECT_SUFFIX:
        final = final.with_name(final.name + PROJECT_SUFFIX)
    if not svx.is_file():
        raise SvxImportError(f"{svx}: no such file")
    if final.exists():
        raise SvxImportError(f"{final}: already exists; import-svx makes a new project")
    doc = read_svx(svx)
    scene, setup, models, lights, camera = _plan(svx, doc)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.stem}.importing-{uuid.uuid4().hex[:8]}{PROJECT_SUFFIX}")
    try:
        result = _build(svx, doc, scene, setup, models, lights, camera, tmp, progress)
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.project = Project.open(final)
    return result


def _build(svx: Path, doc: dict, scene: dict, setup: dict, models: list[_ModelPlan], lights: list,
           camera: Optional[dict], tmp: Path, progress: Any) -> SvxImportResult:
    from vitrine.app.workflows.project_import import import_scan
    from vitrine.assets.preparation import preparation_matrix
    from vitrine.assets.scan_errors import ScanError
    from vitrine.assets.scan_loading import load_scan

    languages = _languages(doc)
    lang = languages[0]
    meta = _item(doc, "metas", scene["meta"], svx, "the scene") if isinstance(scene.get("meta"), int) else {}
    collection = meta.get("collection") if isinstance(meta.get("collection"), dict) else {}
    title = _texts(collection, "titles", "title", lang) or ({lang: scene["name"]} if scene.get("name") else {lang: svx.stem})
    project = Project.create(tmp, languages=languages)
    ex = project.document.exhibit
    ex.title = title
    ex.institution = str(collection.get("institution") or "")
    ex.rights = _rights(collection, "rights", "rightsHolder", "attribution")
    ex.description = _texts(collection, "descriptions", "description", lang)
    result = SvxImportResult(project=project)
    scene_m = UNIT_METRES.get(setup.get("units", "m"), 1.0)

    for plan in models:
        import_units = plan.units if plan.units in IMPORTABLE_UNITS else "m"
        try:
            with tempfile.TemporaryDirectory(prefix="vitrine-svx-") as scratch:
                file = _readable_model(plan, Path(scratch), result.warnings)
                imported = import_scan(project, file, name=plan.name, units=import_units, up="y", progress=progress)
                scan = load_scan(file)
        except ScanError as exc:
            raise SvxImportError(f"{svx}: model file '{plan.uri}': {exc.cause}") from None
        project.document.history.push(imported.command)
        result.warnings.extend(imported.warnings)
        prep = preparation_matrix(np.asarray(scan.geometry.vertices), units=import_units, up_axis="y")
        s_imp, t = prep[0, 0], prep[:3, 3]
        f = UNIT_METRES[plan.units] / s_imp  # what the scan import did not convert (ft, km, …)
        node = plan.node
        q_n = _vec(node.get("rotation"), 4, (0.0, 0.0, 0.0, 1.0))
        s_n = _vec(node.get("scale"), 3, (1.0, 1.0, 1.0))
        t_n = np.asarray(_vec(node.get("translation"), 3, (0.0, 0.0, 0.0))) * scene_m
        q_m = _vec(plan.model.get("rotation"), 4, (0.0, 0.0, 0.0, 1.0))
        t_m = np.asarray(_vec(plan.model.get("translation"), 3, (0.0, 0.0, 0.0))) * UNIT_METRES[plan.units]
        q = (Rotation.from_quat(q_n) * Rotation.from_quat(q_m)).as_quat()
        scale = np.asarray(s_n) * f
        translation = t_n + rotate(q_n, np.asarray(s_n) * t_m) - Rotation.from_quat(q).apply(scale * t)
        art = next(a for a in ex.artifacts if a.id == imported.artifact_id)
        art.transform = Transform(tuple(float(v) for v in translation), tuple(float(v) for v in q),
                                  tuple(float(v) for v in scale))
        rec_meta = _item(doc, "metas", node["meta"], svx, "a model node") if isinstance(node.get("meta"), int) else {}
        rec = rec_meta.get("collection") if isinstance(rec_meta.get("collection"), dict) else {}
        art.record.title = _texts(rec, "titles", "title", lang) or {lang: plan.name}
        for key, attr in (("identifier", "identifier"), ("uri", "uri"), ("maker", "maker"), ("date", "date"),
                          ("institution", "institution"), ("classification", "classification")):
            if isinstance(rec.get(key), str):
                setattr(art.record, attr, rec[key])
        art.rights = ArtifactRights(object=_rights(rec, "rights", "rightsHolder", "rightsAttribution"),
                                    model=_rights(rec, "modelRights", "modelRightsHolder", "modelAttribution"))
        for n, a in enumerate(plan.model.get("annotations") or [], 1):
            point = np.asarray(_vec(a.get("position"), 3, (0.0, 0.0, 0.0))) * s_imp + t
            normal = np.asarray(_vec(a.get("direction"), 3, (0.0, 1.0, 0.0)))
            normal = normal / (np.linalg.norm(normal) or 1.0)
            ex.annotations.append(Annotation(
                artifact_id=art.id, point=tuple(float(v) for v in point), normal=tuple(float(v) for v in normal),
                title=_texts(a, "titles", "title", lang), body=_texts(a, "leads", "lead", lang),
                marker=Marker(number=n), tags=[str(x) for x in a.get("tags") or []]))
            result.annotations += 1
        result.artifacts += 1
        levels = {LEVEL_OF_QUALITY.get(d.get("quality"), "") for d in plan.model.get("derivatives") or []}
        if len(levels - {""}) > 1:
            result.warnings.append(f"{plan.uri}: one derivative imported; Vitrine builds its own levels of detail")

    fov = 0.8
    if camera and isinstance(camera.get("perspective"), dict):
        yfov = camera["perspective"].get("yfov")
        if isinstance(yfov, (int, float)) and 0 < yfov < 180:
            fov = math.radians(yfov)

    def view(orbit: Any, offset: Any, name: dict[str, str]) -> Optional[Viewpoint]:
        o, off = _vec(orbit, 3, ()), _vec(offset, 3, ())
        if not o or not off:
            return None
        eye, target = orbit_to_view(o, np.asarray(off) * scene_m)
        vp = Viewpoint(name=name, eye=eye, target=target, fov=fov)
        ex.viewpoints.append(vp)
        return vp

    nav = setup.get("navigation") if isinstance(setup.get("navigation"), dict) else {}
    orbit = nav.get("orbit") if isinstance(nav.get("orbit"), dict) else {}
    start = view(orbit.get("orbit"), orbit.get("offset"), {lang: "Start"})
    if start:
        ex.start_viewpoint_id = start.id

    for node, light in lights:
        kind = light.get("type") if light.get("type") in LIGHT_TYPES else None
        if kind is None:
            result.warnings.append(f"{svx.name}: a {light.get('type')} light has no Vitrine equivalent; left out")
            continue
        position = tuple(float(v) * scene_m for v in _vec(node.get("translation"), 3, (0.0, 0.0, 0.0)))
        extra = light.get(kind) if isinstance(light.get(kind), dict) else {}
        ex.lights.append(Light(
            name=str(node.get("name") or kind), type=kind, color=rgb_to_hex(light.get("color", [1, 1, 1])),
            intensity=float(light.get("intensity", 1.0)), position=position,  # type: ignore[arg-type]
            target=forward_point(position, _vec(node.get("rotation"), 4, (0.0, 0.0, 0.0, 1.0))),
            angle=math.radians(float(extra.get("angle", 34.4))) if kind == "spot" else 0.6,
            range=float(extra.get("distance", 0.0)) * scene_m))

    snapshots = setup.get("snapshots") if isinstance(setup.get("snapshots"), dict) else {}
    targets = [str(t) for t in snapshots.get("targets") or []]
    orbit_i = next((i for i, t in enumerate(targets) if t.endswith("navigation/orbit")), None)
    offset_i = next((i for i, t in enumerate(targets) if t.endswith("navigation/offset")), None)
    states = {s.get("id"): s.get("values") or [] for s in snapshots.get("states") or [] if isinstance(s, dict)}
    for tour in setup.get("tours") or []:
        steps = []
        for step in tour.get("steps") or []:
            values = states.get(step.get("id"), [])
            narration = _texts(step, "titles", "title", lang)
            vp = None
            if orbit_i is not None and offset_i is not None and max(orbit_i, offset_i) < len(values):
                vp = view(values[orbit_i], values[offset_i], dict(narration) or {lang: "Tour step"})
            steps.append(TourStep(viewpoint_id=vp.id if vp else None, narration=narration))
        ex.tours.append(Tour(title=_texts(tour, "titles", "title", lang), steps=steps))
        result.tours += 1
    project.save()
    return result
