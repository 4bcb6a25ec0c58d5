"""Writing a self-contained WebXR bundle from a project: ``export_bundle``.

The bundle is assembled in a temporary folder beside the target and renamed
into place at the end, so an export that is killed or cancelled never leaves a
half bundle where a good one was. The layout is the contract with the viewer in
exporters/viewer (index.html, viewer.js/css, exhibit.json, data/, models/, media/,
manifest.json + manifest.sig + publisher-key.json, credits.html).
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import json
import ctypes
import os
import sys
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from vitrine.assets.formats.glb_arrays import MeshData, read_glb_arrays
from vitrine.assets.progress import CancelToken, Cancelled, ProgressFn, report
from vitrine.assets.scan_errors import ScanError
from vitrine.scenes.storage.atomic_files import replacing
from vitrine.scenes.exhibit_model import Artifact, Asset, AssetLevel, Exhibit, Rights
from vitrine.scenes.storage.project_store import Project, ProjectError
from vitrine.scenes.storage.safe_paths import UnsafePathError, safe_file_name, slugify
from vitrine.scenes.translations.language_tags import direction
from vitrine.scenes.checks.accessibility_checks import ACCESSIBILITY_CODES
from vitrine.scenes.checks.validation import find_problems
from vitrine.scenes.version import generator_name

from vitrine.exporters.bundle_outputs import write_outputs
from vitrine.exporters.bundle_outputs.context import BundleContext
from vitrine.exporters.pages.credits_page import render_credits
from vitrine.exporters.pages.html_text import html_safe
from vitrine.exporters.errors import ExportError
from vitrine.exporters.export_messages import ExportMessage
from vitrine.exporters.bundle.glb_compression import GlbSettings, compress_mesh
from vitrine.exporters.trust.manifest import MANIFEST_NAME, PUBLIC_KEY_NAME, write_signed_manifest
from vitrine.exporters.document.object_metadata import model_copyright, xmp_packet
from vitrine.exporters.publication import register
from vitrine.exporters.publication.marking import marker_for
from vitrine.exporters.publication.museum_secret import derive_secret
from vitrine.exporters.publication.policy import texture_limit
from vitrine.exporters.publication.publishing import Publication, new_export_id
from vitrine.exporters.trust.signing_keys import load_or_create_key
from vitrine.exporters.trust.store import own_rotations
from vitrine.assets.levels.level_table import LEVEL_ORDER
from vitrine.exporters.document.viewer_contract import check_document
from vitrine.exporters.document.viewer_document import build_viewer_document, document_json, exhibit_script

VIEWER_DIR = Path(__file__).resolve().parents[1] / "viewer"
PROFILES = ("web", "kiosk")
WEB_ORIGINAL_LIMIT = 1_000_000  # faces + points above which the web profile leaves out 'original'
CAPTIONS_EMBED_LIMIT = 1 << 20  # bytes; WebVTT for a narration clip is a few KiB
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def _read_level(path: Path) -> MeshData:
    """A stored level's arrays; ExportError naming the file when it is missing or damaged."""
    try:
        return read_glb_arrays(path)
    except ScanError as exc:
        raise ExportError(f"{path}: stored level cannot be read ({exc.cause})") from None


@dataclass
class ExportReport:
    """What an export wrote: folder and zip, files and bytes, warnings, and the signing key used."""

    out_dir: Optional[Path] = None
    zip_path: Optional[Path] = None
    profile: str = "web"
    files: int = 0
    bytes: int = 0
    models: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    key_path: Optional[Path] = None
    key_created: bool = False
    fingerprint: str = ""
    seconds: float = 0.0
    export_id: str = ""
    recipient: str = ""
    published: list[str] = field(default_factory=list)  # one line per artifact: what it publishes


# exporters/viewer/build.mjs writes these into dist/; each is copied, listed and signed.
VIEWER_BUILT_FILES = ("viewer-first.js", "viewer.js", "viewer-ui.js", "viewer.css")


def _viewer_files(viewer_dir: Path) -> tuple[Path, tuple[Path, ...]]:
    """The page template and the built files copied into every bundle (viewer-first.js, the small
    first script; viewer.js, three.js and the viewer it loads after the first view; viewer-ui.js,
    the rest viewer.js loads after its first frame; viewer.css)."""
    template = viewer_dir / "src" / "index.template.html"
    built = tuple(viewer_dir / "dist" / name for name in VIEWER_BUILT_FILES)
    missing = [p for p in built if not p.is_file()]
    if missing:
        if (viewer_dir / "build.mjs").is_file():  # a source checkout: the developer builds it
            raise ExportError(f"{missing[0]}: the viewer is not built (run 'npm ci && npm run build' in {viewer_dir})")
        # an installed copy: the wheel's build step ships dist/, so this install is incomplete
        raise ExportError(f"{missing[0]}: this Vitrine installation lacks its built web viewer; reinstall it "
                          "from a wheel or sdist built with Node.js available")
    if not template.is_file():
        raise ExportError(f"{template}: the viewer's page template is missing")
    return template, built


def fill_template(template: str, values: dict[str, str]) -> tuple[str, list[str]]:
    """Replace ``{{NAME}}`` with HTML-escaped values; returns (page, unknown placeholder names)."""
    unknown: list[str] = []

    def sub(m: re.Match) -> str:
        if m.group(1) in values:
            return html.escape(values[m.group(1)], quote=True)
        unknown.append(m.group(1))
        return ""

    return _PLACEHOLDER.sub(sub, template), unknown


def _choose_levels(asset: Asset, allowed: list[AssetLevel], profile: str, wanted: Optional[list[str]],
                   warnings: list[str]) -> list[AssetLevel]:
    levels = [lv for lv in allowed if lv.level in LEVEL_ORDER]
    if wanted:
        chosen = [lv for lv in levels if lv.level in wanted]
        if not chosen and levels:
            warnings.append(ExportMessage("scan '{name}' has none of the levels {levels}; "
                                          "exported its coarsest level instead",
                                          name=asset.original_name, levels=", ".join(wanted)))
            chosen = [min(levels, key=lambda lv: LEVEL_ORDER.index(lv.level))]
        return chosen
    if profile == "web" and len(levels) > 1:
        huge = [lv for lv in levels if lv.level == "original" and lv.faces + lv.points > WEB_ORIGINAL_LIMIT]
        levels = [lv for lv in levels if lv not in huge]
    return levels


def _problems(exhibit: Exhibit, project: Project, profile: str, warnings: list[str]) -> None:
    problems = find_problems(exhibit, project.path)
    blocking = [p for p in problems if p.severity == "error" and p.code in
                ("missing-asset", "missing-file", "unsafe-path", "duplicate-id", "bad-id")]
    if blocking:
        raise ExportError(f"{project.path}: the project has {len(blocking)} error(s) to fix before export",
                          [p.message for p in blocking])
    rights = [p for p in problems if p.code == "missing-rights"]
    if rights and profile == "kiosk":
        raise ExportError(f"{project.path}: the kiosk profile needs a rights statement for every published "
                          f"item; {len(rights)} missing", [p.message for p in rights])
    access = [p for p in problems if p.code in ACCESSIBILITY_CODES]
    if access and profile == "kiosk":  # a kiosk is the museum's own public terminal: no exceptions
        raise ExportError(f"{project.path}: the kiosk profile needs alt text, captions and readable text; "
                          f"{len(access)} accessibility problem(s)", [p.message for p in access])
    warnings.extend(f"no rights statement: {p.message}" for p in rights)
    warnings.extend(f"accessibility: {p.message}" for p in access)
    warnings.extend(p.message for p in problems if p.code == "orphan-annotation")


class _MediaCopier:
    """Copies project media into ``media/`` with safe unique names, remembering each mapping."""

    def __init__(self, project: Project, root: Path) -> None:
        self.project, self.root = project, root
        self.mapping: dict[str, str] = {}
        self.used: set[str] = set()

    def __call__(self, rel: str) -> str:
        if rel in self.mapping:
            return self.mapping[rel]
        try:
            source = self.project.resolve(rel)
        except UnsafePathError as exc:
            raise ExportError(f"{self.project.path}: {exc}") from None
        name = safe_file_name(Path(rel).name)
        stem, dot, ext = name.rpartition(".")
        candidate, n = f"media/{name}", 2
        while candidate.lower() in self.used:
            candidate = f"media/{stem}-{n}.{ext}" if dot else f"media/{name}-{n}"
            n += 1
        self.used.add(candidate.lower())
        (self.root / "media").mkdir(exist_ok=True)
        try:
            shutil.copyfile(source, self.root / candidate)
        except OSError as exc:
            raise ExportError(f"{source}: cannot copy media ({exc.strerror or exc})") from None
        self.mapping[rel] = candidate
        return candidate

    def text(self, bundle_path: str) -> Optional[str]:
        """A copied captions file's text, for embedding in exhibit.json (see viewer_document).
        Undecodable bytes become U+FFFD, as a browser would show them; a file over
        CAPTIONS_EMBED_LIMIT is left to its <track src> (works over http only)."""
        path = self.root / bundle_path
        if path.stat().st_size > CAPTIONS_EMBED_LIMIT:
            return None
        return path.read_bytes().decode("utf-8", errors="replace")


def _media_rights(exhibit: Exhibit) -> list[tuple[str, Rights]]:
    out: list[tuple[str, Rights]] = []
    for ann in exhibit.annotations:
        name = next((v for v in ann.title.values() if v), ann.id)
        if ann.image:
            out.append((f"Image: {name}" + (f" ({ann.image.credit})" if ann.image.credit else ""), ann.image.rights))
        for lang, audio in ann.audio.items():
            out.append((f"Audio ({lang}): {name}", audio.rights))
        out.append((f"Text: {name}", ann.rights))
    for tour in exhibit.tours:
        tname = next((v for v in tour.title.values() if v), tour.id)
        for n, step in enumerate(tour.steps, 1):
            for lang, audio in step.audio.items():
                out.append((f"Narration ({lang}): {tname}, step {n}", audio.rights))
    return out


def _slugs(artifacts: list[Artifact]) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for art in artifacts:
        base = slugify(art.name or art.record.identifier, fallback="artifact")
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[art.id] = slug
    return out


def _write_models(project: Project, exhibit: Exhibit, root: Path, profile: str, levels: Optional[list[str]],
                  generator: str, rep: ExportReport, progress: Optional[ProgressFn],
                  cancel: Optional[CancelToken], pub: Publication, secret: bytes) -> dict[str, list[dict]]:
    assets = {a.id: a for a in exhibit.assets}
    slugs = _slugs(exhibit.artifacts)
    jobs = []
    for art in exhibit.artifacts:
        asset = assets[art.asset_id]
        chosen = _choose_levels(asset, pub.allowed_levels(art, asset.levels), profile, levels, rep.warnings)
        if not chosen and asset.levels:
            raise ExportError(f"{project.path}: no level of '{art.name}' fits its publication limit "
                              f"'{pub.policies[art.id].max_level}' (prepare smaller levels or raise the limit)")
        if not chosen:
            raise ExportError(f"{project.path}: scan '{asset.original_name}' of '{art.name}' has no prepared levels")
        jobs.extend((art, lv) for lv in chosen)
    marker = marker_for(secret, pub.export_id)
    pub.marked = True
    models: dict[str, list[dict]] = {}
    for n, (art, lv) in enumerate(jobs):
        report(progress, 0.05 + 0.8 * n / max(1, len(jobs)), f"compressing {art.name} ({lv.level})", cancel)
        mesh = _read_level(project.resolve(lv.file))
        mesh = marker.apply(mesh, art.id)  # before compression, so quantisation is applied on top of it
        cap = pub.policies[art.id].max_level
        settings = GlbSettings(texture_max=texture_limit(lv, cap))
        try:
            data = compress_mesh(mesh, name=art.name or art.id, generator=generator,
                                 copyright_text=model_copyright(art), xmp_packet=xmp_packet(art, assets.get(art.asset_id)),
                                 settings=settings)
        except ValueError as exc:
            raise ExportError(f"{project.resolve(lv.file)}: cannot compress level '{lv.level}' ({exc})") from None
        rel = f"models/{slugs[art.id]}/{lv.level}.glb"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        b64 = base64.b64encode(data).decode("ascii")
        key = json.dumps(rel, ensure_ascii=False)
        (root / f"{rel}.js").write_text(
            f'(window.VITRINE_MODEL_DATA = window.VITRINE_MODEL_DATA || {{}})[{key}] = "{b64}";\n', encoding="utf-8")
        entry = {"level": lv.level, "file": rel, "faces": 0 if mesh.is_points else int(len(mesh.triangles)),
                 "points": int(len(mesh.positions)) if mesh.is_points else 0, "bytes": len(data),
                 "sha256": hashlib.sha256(data).hexdigest()}
        models.setdefault(art.id, []).append(entry)
        rep.models.append(entry)
        side = max(mesh.texture.size) if mesh.texture is not None else None
        pub.record(art.id, lv, entry, min(side, settings.texture_max or side) if side else None)
    return models


def export_bundle(project: Project | str | Path, out_dir: str | Path, *, profile: str = "web",
                  make_zip: bool = False, progress: Optional[ProgressFn] = None,
                  cancel: Optional[CancelToken] = None, levels: Optional[list[str]] = None,
                  viewer_dir: Optional[Path] = None, now: Optional[Callable[[], _dt.datetime]] = None,
                  recipient: str = "", max_level: Optional[str] = None, public_url: str = "") -> ExportReport:
    """Export ``project`` as a signed bundle folder ``out_dir`` (and ``out_dir``.zip when ``make_zip``).

    ``recipient`` names who receives this export: the bundle gets a new export id, every model
    carries the recipient's mark, and the project's publication register gets a signed entry.
    ``max_level`` caps the finest level published (see exporters/publication/policy.py).
    ``public_url`` says where the web bundle will live (for links back to it; "" when unknown).

    ``progress(fraction 0..1, message)`` and ``cancel`` work as in :mod:`vitrine.assets.progress`;
    a cancelled export raises :class:`Cancelled` and leaves any existing bundle untouched.
    Bad input raises :class:`ExportError` (one line, with ``details``).
    """
    started = time.perf_counter()
    if profile not in PROFILES:
        raise ExportError(f"unknown profile {profile!r} (use web or kiosk)")
    if not isinstance(project, Project):
        project = Project.open(project)
    out_dir = Path(out_dir).absolute()
    exhibit = project.document.exhibit
    if out_dir.resolve() == project.path.resolve() or project.path.resolve() in out_dir.resolve().parents:
        raise ExportError(f"{out_dir}: export the bundle outside the project folder")
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / MANIFEST_NAME).is_file())):
        raise ExportError(f"{out_dir}: exists and is not a Vitrine bundle; choose an empty or new folder")
    template, viewer_built = _viewer_files(viewer_dir or VIEWER_DIR)
    pub = Publication(new_export_id(), recipient.strip(), max_level)
    rep = ExportReport(profile=profile, export_id=pub.export_id, recipient=pub.recipient)
    _problems(exhibit, project, profile, rep.warnings)
    register.check_appendable(project.path)
    report(progress, 0.0, "preparing", cancel)
    key, created_key = load_or_create_key()
    rep.key_path, rep.key_created, rep.fingerprint = key.path, created_key, key.public.fingerprint
    generator = generator_name()
    created = (now() if now else _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0).isoformat()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    try:
        models = _write_models(project, exhibit, tmp, profile, levels, generator, rep, progress, cancel,
                               pub, derive_secret(key))
        rep.published = pub.summary_lines(exhibit)
        report(progress, 0.86, "writing the exhibit", cancel)
        media = _MediaCopier(project, tmp)
        bundle_info = {"profile": profile, "idle_timeout": 120, "attract": "rotate", "generator": generator,
                       "created": created, "publisher": {"institution": exhibit.institution,
                                                         "fingerprint": rep.fingerprint},
                       "export_id": pub.export_id}
        doc = build_viewer_document(exhibit, models, media, bundle_info, captions_text=media.text,
                                    downloads=pub.downloads(exhibit, models))
        check_document(doc)  # never ship a document the viewer's published schema does not describe
        doc_text = document_json(doc)
        (tmp / "data").mkdir(exist_ok=True)
        (tmp / "exhibit.json").write_text(doc_text, encoding="utf-8")
        (tmp / "data" / "exhibit.js").write_text(exhibit_script(doc_text), encoding="utf-8")
        for built in viewer_built:
            shutil.copyfile(built, tmp / built.name)
        lang = exhibit.languages[0] if exhibit.languages else "en"
        title = exhibit.title.get(lang) or next((v for v in exhibit.title.values() if v), "Exhibit")
        page, unknown = fill_template(template.read_text("utf-8"), {
            "TITLE": title, "LANG": lang, "DESCRIPTION": exhibit.description.get(lang, ""),
            "INSTITUTION": exhibit.institution, "GENERATOR": generator, "CREATED": created,
            "FINGERPRINT": rep.fingerprint, "PROFILE": profile, "DIR": direction(lang)})
        if unknown:
            rep.warnings.append(ExportMessage("index.template.html: placeholders left empty: {names}",
                                              names=", ".join(sorted(set(unknown)))))
        (tmp / "index.html").write_text(html_safe(page), encoding="utf-8")
        (tmp / "credits.html").write_text(html_safe(render_credits(exhibit, fingerprint=rep.fingerprint,
                                                                    generator=generator, created=created,
                                                                    media_rights=_media_rights(exhibit))),
                                          encoding="utf-8")
        report(progress, 0.9, "writing further outputs", cancel)
        write_outputs(BundleContext(project=project, exhibit=exhibit, root=tmp, document=doc, models=models,
                                    profile=profile, generator=generator, created=created, report=rep,
                                    public_url=public_url))
        rotations = own_rotations(key.public)  # so that machines trusting an older key accept this one
        (tmp / PUBLIC_KEY_NAME).write_text(json.dumps({**key.public.to_json(), "rotations": rotations}, indent=1) + "\n",
                                           encoding="utf-8")
        report(progress, 0.92, "signing", cancel)
        write_signed_manifest(tmp, key, generator=generator, created=created, institution=exhibit.institution,
                              rotations=rotations)
        for path in tmp.rglob("*"):
            if path.is_file():
                rep.files += 1
                rep.bytes += path.stat().st_size
        report(progress, 0.95, "finishing", cancel)
        if make_zip:
            rep.zip_path = write_zip(tmp, out_dir.with_name(out_dir.name + ".zip"), out_dir.name)
        register.append_entry(project.path, key, pub.register_fields(exhibit, profile, created, tmp / MANIFEST_NAME))
        _swap_into_place(tmp, out_dir)
        rep.out_dir = out_dir
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report(progress, 1.0, "done")
    rep.seconds = time.perf_counter() - started
    return rep


def _exchange_paths(a: Path, b: Path) -> bool:
    """Atomically swap two directory entries (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def _swap_into_place(tmp: Path, out_dir: Path) -> None:
    """Put the finished bundle at ``out_dir``. An old bundle there is swapped out in one atomic
    step where the system allows, so a reader (or a kill) never finds ``out_dir`` missing."""
    os.chmod(tmp, 0o755)
    if not out_dir.exists():
        os.replace(tmp, out_dir)
        return
    if _exchange_paths(tmp, out_dir):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old bundle
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.rmdir(old)
    os.replace(out_dir, old)
    try:
        os.replace(tmp, out_dir)
    except BaseException:
        os.replace(old, out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_zip(folder: Path, zip_path: Path, top: str) -> Path:
    """Zip ``folder`` as ``top/...`` entries (never absolute or '..'), written atomically."""
    top = safe_file_name(top) or "bundle"
    with replacing(zip_path) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                rel = path.relative_to(folder).as_posix()
                level = zipfile.ZIP_STORED if rel.endswith((".glb", ".jpg", ".png", ".mp3", ".ogg")) else zipfile.ZIP_DEFLATED
                zf.write(path, f"{top}/{rel}", compress_type=level)
    return zip_path


__all__ = ["ExportReport", "export_bundle", "write_zip", "generator_name", "Cancelled", "ProjectError"]
