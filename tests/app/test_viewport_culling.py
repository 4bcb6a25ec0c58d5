"""Back-face culling and normal-cone clusters only ever skip triangles that cannot be seen."""
from __future__ import annotations

import os

import numpy as np
import pytest
import trimesh


def test_closed_orientation_detects_open_inverted_and_inconsistent_meshes():
    from vitrine.app.viewport.gpu import closed_orientation
    ball = trimesh.creation.icosphere(subdivisions=2)
    assert closed_orientation(ball.faces, ball.vertices) == 1
    inverted = ball.faces[:, ::-1]
    assert closed_orientation(inverted, ball.vertices) == -1
    assert closed_orientation(ball.faces[1:], ball.vertices) == 0        # a hole
    flipped = ball.faces.copy()
    flipped[0] = flipped[0, ::-1]
    assert closed_orientation(flipped, ball.vertices) == 0               # one face wound the other way


@pytest.mark.parametrize("orientation", [1, -1])
def test_skipped_clusters_hold_only_back_facing_triangles(orientation):
    from vitrine.app.viewport.clusters import build_clusters, visible_ranges
    ball = trimesh.creation.icosphere(subdivisions=5, radius=0.2)
    faces = ball.faces if orientation > 0 else ball.faces[:, ::-1]
    idx, clusters = build_clusters(np.ascontiguousarray(faces, np.uint32).ravel(), ball.vertices, orientation)
    assert sorted(map(tuple, np.sort(idx.reshape(-1, 3), axis=1))) == \
        sorted(map(tuple, np.sort(faces, axis=1)))                       # same triangles, reordered
    v = ball.vertices
    for eye in (np.array([0.0, 0.0, 1.0]), np.array([0.5, 0.4, -0.3]), np.array([0.0, 0.21, 0.05])):
        counts, offsets, n = visible_ranges(clusters, eye)
        drawn = np.zeros(len(idx) // 3, bool)
        for c, o in zip(counts, offsets):
            first = (o or 0) // 4                                          # byte offset (c_void_p 0 is None)
            drawn[first // 3:(first + c) // 3] = True
        f = idx.reshape(-1, 3)
        normal = np.cross(v[f[:, 1]] - v[f[:, 0]], v[f[:, 2]] - v[f[:, 0]]) * orientation
        front = np.einsum("ij,ij->i", normal, eye - v[f[:, 0]]) > 0
        assert drawn[front].all()
        assert (~drawn).sum() > 0.2 * len(drawn)                          # and it does skip a lot


@pytest.mark.gui
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs an X display with OpenGL")
def test_culled_closed_mesh_renders_like_the_two_sided_one(tmp_path, qtbot):
    """A closed 80k-face ball (culled, clusters skipped) looks the same as the same ball with
    one hidden face removed (open, so drawn two-sided without any culling)."""
    from tests.app.test_viewport import add_scan
    from vitrine.app.workflows.editor_session import EditorSession
    from vitrine.app.viewport.viewport_widget import ViewportWidget
    from vitrine.scenes.storage.project_store import Project
    ball = trimesh.creation.icosphere(subdivisions=6, radius=0.2)
    back = int(np.argmin(ball.triangles_center[:, 2]))                   # faces away from the camera
    holed = trimesh.Trimesh(ball.vertices, np.delete(ball.faces, back, axis=0), process=False)
    images = []
    for i, mesh in enumerate((ball, holed)):
        project = Project.create(tmp_path / f"p{i}")
        add_scan(project, {"original": mesh}, translation=(0.0, 0.5, 0.0))
        view = ViewportWidget(EditorSession(project))
        qtbot.addWidget(view)
        view.resize(320, 240)
        view.show()
        qtbot.waitExposed(view)
        view.set_camera((0.1, 0.6, 0.9), (0.0, 0.5, 0.0))
        view.grab_image()
        view.wait_for_loads(60)
        img = view.grab_image()
        mb = next(iter(view.renderer.uploaded_meshes().values()))
        assert bool(mb.closed) == (i == 0) and (mb.clusters is not None) == (i == 0)
        ptr = img.constBits()
        images.append(np.frombuffer(ptr, np.uint8, img.sizeInBytes()).reshape(img.height(), -1)[:, :img.width() * 4]
                      .astype(int))
    assert np.abs(images[0] - images[1]).max() <= 2
