"""Fixtures for exporter tests: tiny projects with stored GLB levels, a viewer, a signing key."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pytest
import trimesh
from PIL import Image

from vitrine.scenes.exhibit_model import (
    Annotation, Artifact, ArtifactRights, Asset, AssetLevel, CaptureProvenance, MediaAudio, MediaImage,
    ObjectRecord, ProcessingStep, Rights, Tour, TourStep, Viewpoint,
)
from vitrine.scenes.storage.project_store import Project

REPO = Path(__file__).resolve().parents[2]
REAL_VIEWER = REPO / "exporters" / "viewer"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
STUB_TEMPLATE = ('<!DOCTYPE html><html lang="{{LANG}}"><head><meta charset="utf-8"><title>{{TITLE}}</title>'
                 '<link rel="stylesheet" href="viewer.css"></head><body><script src="data/exhibit.js"></script>'
                 '<script src="data/manifest.js"></script><script src="viewer.js"></script></body></html>\n')


def real_viewer_built() -> bool:
    return (REAL_VIEWER / "dist" / "viewer.js").is_file() and (REAL_VIEWER / "src" / "index.template.html").is_file()


@pytest.fixture(scope="session")
def viewer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real built viewer when present, otherwise a stub with the same files."""
    if real_viewer_built():
        return REAL_VIEWER
    root = tmp_path_factory.mktemp("viewer")
    (root / "src").mkdir()
    (root / "dist").mkdir()
    (root / "src" / "index.template.html").write_text(STUB_TEMPLATE, encoding="utf-8")
    (root / "dist" / "viewer.js").write_text("/* stub viewer */\n")
    (root / "dist" / "viewer-ui.js").write_text("/* stub rest of the viewer */\n")
    (root / "dist" / "viewer.css").write_text("/* stub */\n")
    return root


def _glb(geometry) -> bytes:
    return trimesh.Scene(geometry).export(file_type="glb")


def coloured_box() -> trimesh.Trimesh:
    box = trimesh.creation.box(extents=(0.2, 0.3, 0.1))
    box.apply_translation((0, 0.15, 0))
    rng = np.random.default_rng(1)
    box.visual.vertex_colors = rng.integers(0, 255, (len(box.vertices), 4), dtype=np.uint8)
    return box


def textured_sphere() -> trimesh.Trimesh:
    sphere = trimesh.creation.uv_sphere(radius=0.1, count=(16, 16))
    sphere.apply_translation((0, 0.1, 0))
    uv = np.column_stack([(sphere.vertices[:, 0] + 0.1) / 0.2, (sphere.vertices[:, 1]) / 0.2]).clip(0, 1)
    img = Image.fromarray(np.random.default_rng(2).integers(0, 255, (64, 64, 3), dtype=np.uint8), "RGB")
    sphere.visual = trimesh.visual.TextureVisuals(uv=uv, image=img)
    return sphere


def point_cloud() -> trimesh.PointCloud:
    rng = np.random.default_rng(3)
    pts = rng.random((500, 3)) * (0.1, 0.2, 0.1)
    colors = rng.integers(0, 255, (500, 4), dtype=np.uint8)
    return trimesh.PointCloud(pts, colors=colors)


def _add_asset(project: Project, name: str, geometry, kind: str, levels: tuple[str, ...]) -> Asset:
    data = _glb(geometry)
    sha, rel = project.store_asset_bytes(data, "glb")
    faces = 0 if kind == "points" else len(geometry.faces)
    points = len(geometry.vertices) if kind == "points" else 0
    ext = geometry.bounds[1] - geometry.bounds[0]
    asset = Asset(id=hashlib.sha256(name.encode()).hexdigest(), original_name=name, file=rel, format="glb",
                  kind=kind, dimensions=tuple(float(x) for x in ext),
                  levels=[AssetLevel(level=lv, file=rel, sha256=sha, faces=faces, points=points) for lv in levels],
                  capture=CaptureProvenance(captured_by="Lab <b>team</b>", equipment="Artec Leo"),
                  processing=[ProcessingStep(operation="decimate", parameters={"target": 1000}, tool="Vitrine 0.1")])
    project.document.exhibit.assets.append(asset)
    return asset


def _media(project: Project, tmp: Path, name: str, data: bytes) -> str:
    src = tmp / name
    src.write_bytes(data)
    return project.store_media_file(src)


def make_project(root: Path, *, rights: bool = True, title: str = "Tiny <script>alert(1)</script> show") -> Project:
    """A project with a coloured box, a textured sphere and a point cloud, an annotation with
    image + audio + captions, a viewpoint and a tour."""
    project = Project.create(root / "tiny.vitrine", title=title, languages=["en", "zh-Hans"])
    ex = project.document.exhibit
    ex.title["zh-Hans"] = "小展"
    ex.institution = "Museum & Co"
    ex.credits = "Curated by <i>A. Curator</i>"
    ex.rights = Rights(statement_uri=CC_BY, holder="Museum & Co")
    r = Rights(statement_uri=CC_BY if rights else "", holder="Museum & Co", attribution="Photo: Museum & Co")
    specs = [("Painted Vase", "vase.ply", coloured_box(), "mesh", ("low", "thumbnail", "original")),
             ("Globe", "globe.obj", textured_sphere(), "mesh", ("medium",)),
             ("Bunny points", "bunny.ply", point_cloud(), "points", ("low",))]
    for n, (name, fname, geom, kind, levels) in enumerate(specs):
        asset = _add_asset(project, fname, geom, kind, levels)
        ex.artifacts.append(Artifact(name=name, asset_id=asset.id,
                                     record=ObjectRecord(identifier=f"INV.{n}", title={"en": name}, maker="Unknown",
                                                         date="c. 1900", institution="Museum & Co"),
                                     rights=ArtifactRights(object=Rights(**vars(r)), model=Rights(**vars(r)))))
    tmp = root / "incoming"
    tmp.mkdir()
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "PNG")
    image = _media(project, tmp, "detail photo.png", buf.getvalue())
    audio = _media(project, tmp, "note.wav", b"RIFF0000WAVEfmt ")
    captions = _media(project, tmp, "note.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n")
    vp = Viewpoint(name={"en": "Front"})
    ex.viewpoints.append(vp)
    ex.start_viewpoint_id = vp.id
    ann = Annotation(artifact_id=ex.artifacts[0].id, point=(0.0, 0.3, 0.05), title={"en": "Rim", "zh-Hans": "口沿"},
                     body={"en": "A chipped rim.", "zh-Hans": "口沿有缺口。"},
                     image=MediaImage(file=image, alt={"en": "detail", "zh-Hans": "细节"}, rights=Rights(**vars(r))),
                     audio={"en": MediaAudio(file=audio, captions=captions, rights=Rights(**vars(r)))},
                     viewpoint_id=vp.id, rights=Rights(**vars(r)))
    ex.annotations.append(ann)
    ex.tours.append(Tour(title={"en": "Highlights"}, steps=[
        TourStep(viewpoint_id=vp.id, annotation_id=ann.id, narration={"en": "Look here."},
                 audio={"en": MediaAudio(file=audio, captions=captions, rights=Rights(**vars(r)))})]))
    project.save()
    return Project.open(project.path)


@pytest.fixture(scope="module")
def tiny_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("proj"))


@pytest.fixture(scope="module")
def bundle(tiny_project: Project, viewer_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """(bundle folder, report) of the tiny project exported with the web profile."""
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    out = tmp_path_factory.mktemp("out") / "tiny-bundle"
    rep = export_bundle(tiny_project, out, viewer_dir=viewer_dir)
    return out, rep


@pytest.fixture
def bundle_copy(bundle, tmp_path: Path) -> Path:
    """A copy of the web bundle (signed by this test session's own key) to attack."""
    import shutil
    out = tmp_path / "copy"
    shutil.copytree(bundle[0], out)
    return out


@pytest.fixture
def it_machine(bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Switch to another machine (IT's, or a kiosk) that holds no signing key and trusts the museum's
    key under the name 'City Museum'; returns the museum's fingerprint."""
    from vitrine.exporters.trust.store import TrustStore
    monkeypatch.setenv("VITRINE_CONFIG_DIR", str(tmp_path / "it-config"))
    store = TrustStore.load()
    store.trust(bundle[1].fingerprint, "City Museum")
    store.save()
    return bundle[1].fingerprint
