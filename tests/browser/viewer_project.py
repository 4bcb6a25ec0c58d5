"""The project behind the browser checks, exported by the real exporter (never hand-written).

Two objects on plinths: a painted vase (two levels, three pins: one in front with a picture,
narration and captions, one behind it, hidden from the start view) and a bronze box; three
lights, two viewpoints and a three-step tour. ``hostile=True`` puts markup in the curator text
(the XSS check). Ids are fixed so the checks can name what they expect.
"""
from __future__ import annotations

import hashlib
import io
import math
import struct
import wave
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image

from vitrine.scenes.exhibit_model import (
    Annotation, Artifact, ArtifactRights, Asset, AssetLevel, Background, Environment, Floor, Light, Marker,
    Measurement, MediaAudio, MediaImage, ObjectRecord, Plinth, Rights, Tour, TourStep, Transform, Viewpoint,
)
from vitrine.scenes.storage.project_store import Project

ROOT = Path(__file__).resolve().parents[2]
VIEWER_DIR = ROOT / "exporters" / "viewer"
VASE, BOX = "art-7a5e00000001", "art-b0c500000002"
GLAZE, BACK, LID = "ann-61a2e0000001", "ann-bac000000002", "ann-11d000000003"
VP_OVERVIEW, VP_VASE = "vp-0e1e00000001", "vp-7a5e00000001"
TOUR = "tour-0000000000a1"
CAPTION = "The glaze ran while firing."
HOSTILE = {"title": "</title><script>alert(1)</script>", "ann": "<img src=x onerror=alert(1)>",
           "body": '<script>alert(1)</script> & "quotes" <b>bold</b>', "narration": "<svg onload=alert(1)>",
           "alt": '"><img src=x onerror=alert(2)>'}
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
# the drip's length, saved in the Glaze annotation (vase-local metres: 0.25 m up its front)
GLAZE_TAPE = ((0.0, 0.05, 0.1), (0.0, 0.30, 0.1))


def _rights() -> Rights:
    return Rights(statement_uri=CC_BY, holder="Fixture Museum", attribution="© Fixture Museum")


def _coloured(mesh: trimesh.Trimesh, rgba: tuple[int, int, int, int]) -> trimesh.Trimesh:
    mesh.visual.vertex_colors = np.tile(np.array(rgba, dtype=np.uint8), (len(mesh.vertices), 1))
    return mesh


def _vase(sections: int) -> trimesh.Trimesh:
    """A 0.2 m wide, 0.35 m tall cylinder standing on y = 0 (metres)."""
    mesh = trimesh.creation.cylinder(radius=0.1, height=0.35, sections=sections,
                                     transform=trimesh.transformations.rotation_matrix(-math.pi / 2, (1, 0, 0)))
    mesh.apply_translation((0, 0.175, 0))
    return _coloured(mesh, (181, 87, 46, 255))


def _box() -> trimesh.Trimesh:
    mesh = trimesh.creation.box(extents=(0.3, 0.2, 0.2))
    mesh.apply_translation((0, 0.1, 0))
    return _coloured(mesh, (59, 110, 166, 255))


def _asset(project: Project, name: str, levels: dict[str, trimesh.Trimesh]) -> Asset:
    stored = []
    for level, mesh in levels.items():
        data = trimesh.Scene(mesh).export(file_type="glb")
        sha, rel = project.store_asset_bytes(data, "glb")
        stored.append(AssetLevel(level=level, file=rel, sha256=sha, faces=len(mesh.faces)))
    finest = list(levels.values())[-1]
    asset = Asset(id=hashlib.sha256(name.encode()).hexdigest(), original_name=name, file=stored[-1].file,
                  format="glb", kind="mesh", dimensions=tuple(float(x) for x in finest.extents), levels=stored)
    project.document.exhibit.assets.append(asset)
    return asset


def _png() -> bytes:
    y, x = np.mgrid[0:48, 0:64]
    rgb = np.stack([180 + x * 60 // 64, 90 + y * 80 // 48, np.full_like(x, 50)], axis=-1).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, "PNG")
    return buf.getvalue()


def _wav(seconds: float = 1.0, rate: int = 8000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("B", 128 + round(40 * math.sin(i / rate * 2 * math.pi * 440)))
                               for i in range(int(seconds * rate))))
    return buf.getvalue()


def _media(project: Project, incoming: Path, name: str, data: bytes) -> str:
    path = incoming / name
    path.write_bytes(data)
    return project.store_media_file(path)


def make_viewer_project(root: Path, *, hostile: bool = False) -> Project:
    """The browser checks' project in ``root``/gallery.vitrine (saved and reopened)."""
    x = HOSTILE if hostile else None
    project = Project.create(root / "gallery.vitrine", title=x["title"] if x else "Test Gallery",
                             languages=["en", "zh-Hans"])
    ex = project.document.exhibit
    ex.title["zh-Hans"] = "测试展厅"
    ex.description = {"en": "Two objects on plinths.", "zh-Hans": "两个展台上的物品。"}
    ex.institution = "Fixture Museum"
    ex.credits = "Scans: Fixture Museum imaging team.\n\nViewer: Vitrine."
    ex.rights = _rights()
    ex.environment = Environment(Background("gradient", ["#34404e", "#101216"]), Floor(True, "#5a5650", 6.0))
    vase = _asset(project, "vase.ply", {"low": _vase(8), "medium": _vase(40)})
    box = _asset(project, "box.ply", {"low": _box()})
    art_rights = ArtifactRights(object=_rights(), model=_rights())
    half = math.pi / 12
    ex.artifacts += [
        Artifact(id=VASE, name="Painted vase", asset_id=vase.id, transform=Transform(translation=(-0.6, 1.0, 0.0)),
                 record=ObjectRecord(identifier="FM.1920.4", title={"en": "Painted vase", "zh-Hans": "彩绘花瓶"},
                                     maker="Unknown potter", date="c. 1750", materials=["earthenware", "slip"],
                                     institution="Fixture Museum"), rights=art_rights),
        Artifact(id=BOX, name="Bronze box", asset_id=box.id,
                 transform=Transform(translation=(0.6, 0.9, 0.0), rotation=(0.0, math.sin(half), 0.0, math.cos(half))),
                 record=ObjectRecord(identifier="FM.1931.2", title={"en": "Bronze box"}), rights=art_rights),
    ]
    ex.plinths += [
        Plinth(id="pln-0000000000a1", name="Plinth 1", shape="box", size=(0.45, 1.0, 0.45), color="#e8e4dc",
               transform=Transform(translation=(-0.6, 0.0, 0.0))),
        Plinth(id="pln-0000000000a2", name="Plinth 2", shape="cylinder", size=(0.5, 0.9, 0.5), color="#d8d2c6",
               transform=Transform(translation=(0.6, 0.0, 0.0))),
    ]
    ex.lights += [
        Light(id="lgt-0000000000a1", type="ambient", color="#ffffff", intensity=0.8),
        Light(id="lgt-0000000000a2", type="directional", color="#fff4e0", intensity=2.5, position=(2, 4, 3),
              target=(0, 1, 0)),
        Light(id="lgt-0000000000a3", type="spot", color="#ffffff", intensity=20, position=(0, 3, 1.5),
              target=(0, 1, 0), angle=0.6, range=8),
    ]
    ex.viewpoints += [
        Viewpoint(id=VP_OVERVIEW, name={"en": "Overview", "zh-Hans": "全景"}, eye=(0, 1.55, 2.4),
                  target=(0, 1.05, 0), fov=0.75),
        Viewpoint(id=VP_VASE, name={"en": "The vase", "zh-Hans": "花瓶"}, eye=(-0.5, 1.3, 0.85),
                  target=(-0.6, 1.17, 0), fov=0.75),
    ]
    ex.start_viewpoint_id = VP_OVERVIEW
    incoming = root / "incoming"
    incoming.mkdir()
    image = _media(project, incoming, "glaze.png", _png())
    audio = _media(project, incoming, "glaze-en.wav", _wav())
    captions = _media(project, incoming, "glaze-en.vtt",
                      f"WEBVTT\n\n00:00.000 --> 00:01.000\n{CAPTION}\n".encode())
    ex.annotations += [
        Annotation(id=GLAZE, artifact_id=VASE, point=(0, 0.2, 0.1), normal=(0, 0, 1),
                   title={"en": x["ann"] if x else "Glaze drips", "zh-Hans": "釉滴"},
                   body={"en": x["body"] if x else "The glaze ran while firing.\n\nSee the drips near the foot.",
                         "zh-Hans": "烧制时釉料流动。\n\n注意底部附近的釉滴。"},
                   image=MediaImage(file=image, alt={"en": x["alt"] if x else "Close-up of glaze drips",
                                                     "zh-Hans": "釉滴特写"},
                                    credit="Photo: Fixture Museum", rights=_rights()),
                   audio={"en": MediaAudio(file=audio, captions=captions, rights=_rights())},
                   viewpoint_id=VP_VASE, marker=Marker(1, "#d9534f"), tags=["glaze"], rights=_rights(),
                   measurement=Measurement(VASE, *GLAZE_TAPE)),
        Annotation(id=BACK, artifact_id=VASE, point=(0, 0.2, -0.1), normal=(0, 0, -1),
                   title={"en": "Maker's mark", "zh-Hans": "制作者标记"},
                   body={"en": "A stamp on the back.", "zh-Hans": "背面的印章。"},
                   marker=Marker(2, "#5bc0de"), rights=_rights()),
        Annotation(id=LID, artifact_id=BOX, point=(0, 0.1, 0.1), normal=(0, 0, 1),
                   title={"en": "Hinged lid", "zh-Hans": "铰链盖"},
                   body={"en": "The lid still opens.", "zh-Hans": "盖子仍然可以打开。"},
                   marker=Marker(3, "#5cb85c"), rights=_rights()),
    ]
    ex.tours.append(Tour(id=TOUR, title={"en": "Highlights", "zh-Hans": "精选"}, steps=[
        TourStep(id="stp-0000000000a1", viewpoint_id=VP_VASE, annotation_id=GLAZE,
                 narration={"en": x["narration"] if x else "Start with the vase.", "zh-Hans": "从花瓶开始。"},
                 duration=6),
        # no viewpoint: the step shows its annotation's view (the lid has none: the framing rule)
        TourStep(id="stp-0000000000a2", viewpoint_id=None, annotation_id=LID,
                 narration={"en": "Now the box.", "zh-Hans": "现在看盒子。"}, duration=6),
        TourStep(id="stp-0000000000a3", viewpoint_id=VP_OVERVIEW, narration={"en": "Thank you.", "zh-Hans": "谢谢。"},
                 duration=4),
    ]))
    project.save()
    return Project.open(project.path)


def export_viewer_bundle(root: Path, name: str, *, profile: str = "web", hostile: bool = False) -> Path:
    """Make the project under ``root``/``name``-project and export it to ``root``/``name``."""
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    project_root = root / f"{name}-project"
    project_root.mkdir(parents=True)
    project = make_viewer_project(project_root, hostile=hostile)
    return export_bundle(project, root / name, profile=profile, viewer_dir=VIEWER_DIR).out_dir
