"""The OpenGL viewport: rendering, picking, pins, selection, LOD, camera (Xvfb + Mesa)."""
from __future__ import annotations

import math
import os
from dataclasses import replace

import numpy as np
import pytest
import trimesh

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not os.environ.get("DISPLAY"),
                       reason="needs an X display with OpenGL (run under Xvfb: Xvfb :99 & DISPLAY=:99)"),
]

W, H = 480, 360
BG_PROBE = (5, 5)


# ---------------------------------------------------------------- helpers
def _store_level(project, mesh, level="original"):
    from vitrine.scenes.exhibit_model import AssetLevel
    sha, rel = project.store_asset_bytes(mesh.export(file_type="glb"), "glb")
    faces = len(getattr(mesh, "faces", ()))
    points = 0 if faces else len(mesh.vertices)
    return sha, AssetLevel(level=level, file=rel, sha256=sha, faces=faces, points=points)


def add_scan(project, levels: dict, translation=(0.0, 0.0, 0.0), rotation=(0.0, 0.0, 0.0, 1.0),
             kind="mesh"):
    """Store each level's GLB, add the Asset and an Artifact; returns the artifact."""
    from vitrine.scenes.editing.artifact_commands import import_scan_command
    from vitrine.scenes.exhibit_model import Artifact, Asset, Transform
    stored = [_store_level(project, m, name) for name, m in levels.items()]
    asset_id = stored[-1][0]
    asset = Asset(id=asset_id, original_name="scan.glb", file=stored[-1][1].file, format="glb", kind=kind,
                  levels=[lv for _, lv in stored])
    art = Artifact(name="Scan", asset_id=asset_id,
                   transform=Transform(translation=tuple(translation), rotation=tuple(rotation)))
    doc = project.document
    doc.history.push(import_scan_command(doc, asset, art))
    return doc.get(art.id)


@pytest.fixture
def project(tmp_path):
    from vitrine.scenes.storage.project_store import Project
    return Project.create(tmp_path / "exhibit", title="Test")


@pytest.fixture
def sphere():
    return trimesh.creation.icosphere(subdivisions=3, radius=0.2)  # 1280 faces


@pytest.fixture
def make_view(qtbot):
    def make(project):
        from vitrine.app.workflows.editor_session import EditorSession
        from vitrine.app.viewport.viewport_widget import ViewportWidget
        session = EditorSession(project)
        view = ViewportWidget(session)
        qtbot.addWidget(view)
        view.resize(W, H)
        view.show()
        qtbot.waitExposed(view)
        return session, view
    return make


def pixel(img, x, y):
    c = img.pixelColor(int(round(x)), int(round(y)))
    return np.array([c.red(), c.green(), c.blue()], float)


def look_at_artifact(view, target, distance=1.2):
    t = np.asarray(target, float)
    view.set_camera(tuple(t + np.array([0.0, 0.25, distance])), tuple(t))


def distance_to_mesh(mesh, point):
    tris = mesh.triangles
    closest = trimesh.triangles.closest_point(tris, np.tile(np.asarray(point, float), (len(tris), 1)))
    return float(np.min(np.linalg.norm(closest - np.asarray(point, float), axis=1)))


def centre_world(art, mesh):
    from vitrine.app.viewport.math3d import transform_matrix
    return (transform_matrix(art.transform) @ np.append(mesh.bounds.mean(axis=0), 1.0))[:3]


# ---------------------------------------------------------------- rendering
def test_artifact_appears_where_projected(project, sphere, make_view):
    from vitrine.scenes.editing.artifact_commands import SetArtifactVisibility
    art = add_scan(project, {"original": sphere}, translation=(0.3, 0.5, -0.2))
    session, view = make_view(project)
    look_at_artifact(view, (0.3, 0.7, -0.2))
    p = view.project_to_screen(centre_world(art, sphere))
    assert p is not None and 0 < p.x() < W and 0 < p.y() < H
    with_art = view.grab_image()
    project.document.history.push(SetArtifactVisibility(project.document, art.id, False))
    without = view.grab_image()
    assert np.abs(pixel(with_art, p.x(), p.y()) - pixel(without, p.x(), p.y())).sum() > 30
    # the gradient background shows at the top corner either way
    assert np.abs(pixel(with_art, *BG_PROBE) - pixel(without, *BG_PROBE)).sum() < 3
    # and the object is lit and shaded, not a flat silhouette
    img = with_art
    r = 0.6 * (view.project_to_screen(centre_world(art, sphere) + np.array([0.2, 0, 0])).x() - p.x())
    samples = [pixel(img, p.x() + dx * r, p.y() + dy * r).mean() for dx, dy in ((-1, -1), (1, 1), (0, 0))]
    assert max(samples) - min(samples) > 12


def test_frame_rendered_signal_and_no_polling(project, sphere, make_view, qtbot):
    add_scan(project, {"original": sphere})
    session, view = make_view(project)
    with qtbot.waitSignal(view.frameRendered, timeout=3000) as blocker:
        view.update()
    assert blocker.args[0] >= 0.0
    # an idle viewport does not repaint by itself
    frames = []
    view.frameRendered.connect(frames.append)
    qtbot.wait(300)
    assert len(frames) <= 1


def test_selection_highlight_changes_pixels(project, sphere, make_view):
    art = add_scan(project, {"original": sphere}, translation=(0.0, 0.4, 0.0))
    session, view = make_view(project)
    look_at_artifact(view, (0.0, 0.6, 0.0))
    p = view.project_to_screen(centre_world(art, sphere))
    before = view.grab_image()
    session.selection.set([art.id])
    after = view.grab_image()
    assert np.abs(pixel(before, p.x(), p.y()) - pixel(after, p.x(), p.y())).sum() > 15
    # visitor preview hides the highlight again
    view.set_visitor_preview(True)
    preview = view.grab_image()
    assert np.abs(pixel(before, p.x(), p.y()) - pixel(preview, p.x(), p.y())).sum() < 6


def test_point_cloud_renders(project, make_view):
    rng = np.random.default_rng(1)
    pts = rng.normal(size=(4000, 3))
    pts = pts / np.linalg.norm(pts, axis=1)[:, None] * 0.15
    colors = np.tile(np.array([[250, 40, 40, 255]], np.uint8), (len(pts), 1))
    cloud = trimesh.PointCloud(pts, colors=colors)
    art = add_scan(project, {"original": cloud}, translation=(0.0, 0.5, 0.0), kind="points")
    art.display.point_size = 0.02
    session, view = make_view(project)
    look_at_artifact(view, (0.0, 0.5, 0.0), distance=0.8)
    img = view.grab_image()
    p = view.project_to_screen((0.0, 0.5, 0.0))
    # reddish points appear somewhere around the centre
    found = False
    for dx in range(-40, 41, 4):
        for dy in range(-40, 41, 4):
            c = pixel(img, p.x() + dx, p.y() + dy)
            if c[0] > 120 and c[0] > c[1] + 60:
                found = True
    assert found
    assert view.drawn_level(art.id) == "original"


def test_textured_and_vertex_coloured_meshes_render(project, make_view):
    from PIL import Image
    box = trimesh.creation.box((0.3, 0.3, 0.3))
    box.visual = box.visual.to_texture() if hasattr(box.visual, "to_texture") else box.visual
    uv = np.c_[box.vertices[:, 0] + 0.5, box.vertices[:, 1] + 0.5]
    img = Image.new("RGB", (8, 8), (20, 200, 30))
    box.visual = trimesh.visual.TextureVisuals(uv=uv, image=img)
    tex_art = add_scan(project, {"original": box}, translation=(-0.25, 0.5, 0.0))
    ball = trimesh.creation.icosphere(2, radius=0.15)
    ball.visual.vertex_colors = np.tile([30, 40, 230, 255], (len(ball.vertices), 1)).astype(np.uint8)
    col_art = add_scan(project, {"original": ball}, translation=(0.25, 0.5, 0.0))
    session, view = make_view(project)
    view.set_camera((0.0, 0.6, 1.4), (0.0, 0.5, 0.0))
    shot = view.grab_image()
    g = pixel(shot, *_xy(view.project_to_screen(centre_world(tex_art, box) + np.array([0, 0, 0.15]))))
    b = pixel(shot, *_xy(view.project_to_screen(centre_world(col_art, ball) + np.array([0, 0, 0.15]))))
    assert g[1] > g[0] + 40 and g[1] > g[2] + 40, g
    assert b[2] > b[0] + 40 and b[2] > b[1] + 30, b


def _xy(p):
    return p.x(), p.y()


# ---------------------------------------------------------------- picking and pins
def test_click_emits_object_clicked(project, sphere, make_view, qtbot):
    from PySide6.QtCore import QPoint, Qt
    art = add_scan(project, {"original": sphere}, translation=(0.0, 0.5, 0.0))
    session, view = make_view(project)
    look_at_artifact(view, (0.0, 0.7, 0.0))
    p = view.project_to_screen(centre_world(art, sphere))
    with qtbot.waitSignal(view.objectClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(p.x()), int(p.y())))
    assert blocker.args == [art.id]
    with qtbot.waitSignal(view.objectClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert blocker.args == [""]


def test_pin_mode_click_places_pin_on_surface_in_local_frame(project, sphere, make_view, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from vitrine.scenes.layout.quaternions import quat_from_axis_angle
    rot = quat_from_axis_angle((0, 1, 0), 0.7)
    art = add_scan(project, {"original": sphere}, translation=(0.4, 0.6, -0.3), rotation=rot)
    session, view = make_view(project)
    look_at_artifact(view, (0.4, 0.8, -0.3))
    view.set_pin_mode(True)
    p = view.project_to_screen(centre_world(art, sphere) + np.array([0.05, 0.05, 0.0]))
    with qtbot.waitSignal(view.pinPlaced, timeout=3000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(p.x()), int(p.y())))
    art_id, point, normal = blocker.args
    assert art_id == art.id
    assert len(point) == 3 and len(normal) == 3
    assert distance_to_mesh(sphere, point) < 1e-4
    # normal points outward (local frame) and is unit length
    assert abs(np.linalg.norm(normal) - 1) < 1e-6
    assert np.dot(normal, np.asarray(point) / np.linalg.norm(point)) > 0.9


def test_pin_follows_moved_artifact(project, sphere, make_view):
    from vitrine.scenes.editing.annotation_commands import PinAnnotation
    from vitrine.scenes.editing.artifact_commands import MoveArtifact
    from vitrine.scenes.exhibit_model import Annotation
    art = add_scan(project, {"original": sphere}, translation=(0.0, 0.5, 0.0))
    doc = project.document
    point = (0.0, 0.0, 0.2)
    ann = Annotation(artifact_id=art.id, point=point, normal=(0.0, 0.0, 1.0))
    doc.history.push(PinAnnotation(doc, ann))
    session, view = make_view(project)
    view.set_camera((0.0, 0.6, 1.6), (0.1, 0.5, 0.0))
    before = view.project_to_screen((0.0, 0.5, 0.2))
    img0 = view.grab_image()
    doc.history.push(MoveArtifact(doc, art.id, replace(art.transform, translation=(0.3, 0.5, 0.0))))
    after = view.project_to_screen((0.3, 0.5, 0.2))
    img1 = view.grab_image()
    assert after.x() - before.x() > 40
    marker = np.array([0xF2, 0xB1, 0x34], float)
    assert np.abs(pixel(img0, before.x() - 4, before.y() - 4) - marker).sum() < 60
    assert np.abs(pixel(img1, after.x() - 4, after.y() - 4) - marker).sum() < 60
    assert np.abs(pixel(img1, before.x() - 4, before.y() - 4) - marker).sum() > 60
    # picking hits the pin at its new place
    hit = view.pick(after.x(), after.y())
    assert hit is not None and hit.kind == "annotation" and hit.object_id == ann.id


def test_drag_selected_artifact_moves_it_onto_plinth_in_one_undo(project, sphere, make_view, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from vitrine.scenes.exhibit_model import Plinth, Transform
    from vitrine.scenes.editing.furniture_commands import AddPlinth
    doc = project.document
    art = add_scan(project, {"original": sphere}, translation=(-0.6, 0.2, 0.0))
    doc.history.push(AddPlinth(doc, Plinth(size=(0.5, 0.8, 0.5), transform=Transform(translation=(0.5, 0.0, 0.0)))))
    session, view = make_view(project)
    view.set_camera((0.0, 1.8, 2.4), (0.0, 0.3, 0.0))
    session.selection.set([art.id])
    doc.history.seal()
    undo_depth = doc.history.index
    start = view.project_to_screen((-0.6, 0.2, 0.0))
    end = view.project_to_screen((0.5, 0.2, 0.0))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(int(start.x()), int(start.y())))
    for i in range(1, 11):
        x = start.x() + (end.x() - start.x()) * i / 10
        y = start.y() + (end.y() - start.y()) * i / 10
        qtbot.mouseMove(view, QPoint(int(x), int(y)))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(int(end.x()), int(end.y())))
    t = doc.get(art.id).transform.translation
    assert abs(t[0] - 0.5) < 0.08 and abs(t[2]) < 0.08
    # the sphere's base (y = -0.2 locally) sits on the plinth's top at 0.8 m
    assert abs(t[1] - 1.0) < 1e-6
    assert doc.history.index == undo_depth + 1
    doc.history.undo()
    assert doc.get(art.id).transform.translation == (-0.6, 0.2, 0.0)


# ---------------------------------------------------------------- camera and LOD
def test_view_presets_change_camera_state(project, sphere, make_view, qtbot):
    add_scan(project, {"original": sphere}, translation=(0.0, 0.5, 0.0))
    session, view = make_view(project)
    states = {}
    for name in ("front", "side", "top", "perspective"):
        with qtbot.waitSignal(view.cameraChanged, timeout=1000):
            view.set_view_preset(name)
        states[name] = view.camera_state()
    eye = {k: np.asarray(s["eye"]) - np.asarray(s["target"]) for k, s in states.items()}
    assert abs(eye["front"][0]) < 1e-9 and eye["front"][2] > 0
    assert eye["side"][0] > 0 and abs(eye["side"][2]) < 1e-9
    assert eye["top"][1] > 0 and abs(eye["top"][0]) < 1e-9 and abs(eye["top"][2]) < 1e-9
    assert len({tuple(np.round(e, 6)) for e in eye.values()}) == 4
    view.set_camera((1, 2, 3), (0, 1, 0), fov=0.6)
    s = view.camera_state()
    assert s["eye"] == (1.0, 2.0, 3.0) and s["target"] == (0.0, 1.0, 0.0) and abs(s["fov"] - 0.6) < 1e-9


def test_keyboard_and_wheel_navigation(project, sphere, make_view, qtbot):
    from PySide6.QtCore import Qt
    add_scan(project, {"original": sphere}, translation=(0.0, 0.5, 0.0))
    session, view = make_view(project)
    s0 = view.camera_state()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    s1 = view.camera_state()
    assert s1["eye"] != s0["eye"] and s1["target"] == s0["target"]
    d1 = np.linalg.norm(np.subtract(s1["eye"], s1["target"]))
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    d2 = np.linalg.norm(np.subtract(view.camera_state()["eye"], view.camera_state()["target"]))
    assert d2 < d1
    qtbot.keyClick(view, Qt.Key.Key_7)
    s = view.camera_state()
    assert s["eye"][1] - s["target"][1] > 0.1


def test_lod_picks_coarser_levels_when_far(project, make_view):
    from vitrine.app.viewport.lod import choose_level
    fine = trimesh.creation.icosphere(subdivisions=5, radius=0.2)   # 20480 faces
    coarse = trimesh.creation.icosphere(subdivisions=2, radius=0.2)  # 320 faces
    art = add_scan(project, {"low": coarse, "original": fine}, translation=(0.0, 0.5, 0.0))
    session, view = make_view(project)
    view.set_camera((0.0, 0.5, 0.7), (0.0, 0.5, 0.0))
    view.grab_image()
    assert view.choose_level_for(art, moving=False) == "original"
    assert view.drawn_level(art.id) == "original"
    view.set_camera((0.0, 0.5, 60.0), (0.0, 0.5, 0.0))
    view.grab_image()
    assert view.choose_level_for(art, moving=False) == "low"
    assert view.drawn_level(art.id) == "low"
    # while the camera moves, a coarser level is wanted than when still
    levels = [("thumbnail", 5_000), ("low", 30_000), ("medium", 150_000), ("high", 500_000), ("original", 2_000_000)]
    assert choose_level(levels, 600.0, moving=False) in ("high", "original")
    assert choose_level(levels, 600.0, moving=True) in ("low", "medium")
    assert choose_level(levels, 10.0, moving=False) == "thumbnail"
    assert choose_level(levels, 600.0, forced="low") == "low"


def test_fly_to_viewpoint_and_frame_selection(project, sphere, make_view, qtbot):
    from vitrine.scenes.exhibit_model import Viewpoint
    from vitrine.scenes.editing.furniture_commands import AddViewpoint
    doc = project.document
    art = add_scan(project, {"original": sphere}, translation=(1.0, 0.5, 0.0))
    vp = Viewpoint(eye=(2.0, 1.5, 2.0), target=(1.0, 0.5, 0.0), fov=0.7)
    doc.history.push(AddViewpoint(doc, vp))
    session, view = make_view(project)
    assert view.fly_to_viewpoint(vp.id)
    qtbot.waitUntil(lambda: np.allclose(view.camera_state()["eye"], vp.eye, atol=1e-6), timeout=3000)
    session.selection.set([art.id])
    view.frame_selection()
    s = view.camera_state()
    assert np.allclose(s["target"], centre_world(art, sphere), atol=1e-6)


def test_follows_project_changes(project, sphere, make_view, tmp_path):
    from vitrine.scenes.storage.project_store import Project
    add_scan(project, {"original": sphere})
    session, view = make_view(project)
    view.grab_image()
    other = Project.create(tmp_path / "other")
    session.set_project(other)
    img = view.grab_image()
    assert not img.isNull()
    session.set_project(None)
    assert not view.grab_image().isNull()


# ---------------------------------------------------------------- camera maths (no GL needed, but same module)
def test_camera_project_and_ray_agree():
    from vitrine.app.viewport.camera import OrbitCamera
    cam = OrbitCamera()
    cam.set((1.0, 1.2, 2.0), (0.1, 0.8, -0.3), fov=0.9)
    for p in ((0.0, 0.5, 0.0), (0.4, 1.1, -0.5)):
        x, y, depth = cam.project(p, 640, 480)
        o, d = cam.ray(x, y, 640, 480)
        q = o + d * np.dot(np.asarray(p) - o, d)
        assert np.linalg.norm(q - np.asarray(p)) < 1e-9
    cam.orbit(0.3, 0.2)
    assert abs(cam.distance - math.dist((1.0, 1.2, 2.0), (0.1, 0.8, -0.3))) < 1e-9
