"""Posters rendered at export time with no display (issue 13, part 1): posters/<slug>.webp per
artifact and posters/exhibit.webp, listed and signed; the object is drawn (its pixels differ from
the background), at the promised sizes; the framing rule keeps every subject inside both fields."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
from PIL import Image

from vitrine.exporters.posters.framing import box_corners, camera_basis, framed_eye, pull_back
from vitrine.exporters.posters.raster import LightSpec, Shape, project, render


def _white_light():
    return [LightSpec("ambient", np.ones(3), 0.6, np.zeros(3), np.zeros(3)),
            LightSpec("directional", np.ones(3), 2.0, np.array([2.0, 4.0, 3.0]), np.zeros(3))]


def test_raster_draws_a_square_where_it_projects_and_nearer_wins():
    bg = np.zeros((64, 64, 3), np.uint8)
    quad = np.array([[-0.5, -0.5, 0], [0.5, -0.5, 0], [0.5, 0.5, 0], [-0.5, 0.5, 0]], float)
    red = Shape(quad, np.array([[0, 1, 2], [0, 2, 3]]), np.array([[1.0, 0, 0]] * 2))
    near_quad = quad * 0.25 + [0, 0, 0.5]  # small and nearer the eye: must cover the red one
    green = Shape(near_quad, np.array([[0, 1, 2], [0, 2, 3]]), np.array([[0, 1.0, 0]] * 2))
    eye, target, up = np.array([0, 0, 3.0]), np.zeros(3), np.array([0, 1.0, 0])
    image, covered = render([green, red], _white_light(), eye, target, up, 0.8, 64, 64, bg)
    assert covered[32, 32] and image[32, 32, 1] > 100 and image[32, 32, 0] == 0  # green in front
    # the red square's projected corner bounds its coverage (1 px tolerance for pixel centres)
    corners = project(quad, eye, target, up, 0.8, 64, 64)
    x0, x1 = corners[:, 0].min(), corners[:, 0].max()
    ys, xs = np.nonzero(covered)
    assert abs(xs.min() - x0) <= 1 and abs(xs.max() + 1 - x1) <= 1
    assert image[5, 5].tolist() == [0, 0, 0]  # background untouched
    assert image[ys[0], xs[0] + 1, 0] > 100


@pytest.mark.parametrize("aspect", [390 / 844, 844 / 390, 820 / 1180, 1440 / 900, 3840 / 2160])
def test_framing_fits_both_fields_of_view(aspect):
    lo, hi = np.array([-2.0, 0, -0.3]), np.array([2.0, 1.2, 0.3])  # a wide row of artifacts
    eye, target, up, fov = np.array([0, 1.2, 1.5]), np.array([0, 0.6, 0]), np.array([0, 1.0, 0]), 0.8
    new_eye = framed_eye(eye, target, up, fov, aspect, box_corners(lo, hi))
    right, upv, fwd = camera_basis(new_eye, target, up)
    rel = box_corners(lo, hi) - new_eye
    x, y, z = rel @ right, rel @ upv, rel @ fwd
    assert (z > 0).all()
    assert (np.abs(y) / z <= math.tan(fov / 2) + 1e-9).all()
    assert (np.abs(x) / z <= math.tan(fov / 2) * aspect + 1e-9).all()
    # the direction of view is kept, and the eye moved only as far as needed (a corner touches the margin)
    assert np.allclose(camera_basis(eye, target, up)[2], fwd)
    assert pull_back(new_eye, target, up, fov, aspect, box_corners(lo, hi)) == pytest.approx(0, abs=1e-9)
    # a view that already frames its subject is left alone
    assert pull_back(new_eye - fwd, target, up, fov, aspect, box_corners(lo, hi)) == 0


def test_portrait_needs_a_longer_pull_back_than_landscape():
    corners = box_corners([-2.0, 0, -0.3], [2.0, 1.2, 0.3])
    args = (np.array([0, 1.2, 1.5]), np.array([0, 0.6, 0]), np.array([0, 1.0, 0]), 0.8)
    assert pull_back(*args, 390 / 844, corners) > pull_back(*args, 1440 / 900, corners) > 0


def test_export_writes_signed_posters_showing_the_objects(bundle):
    folder, _rep = bundle
    manifest = {f["path"] for f in json.loads((folder / "manifest.json").read_text("utf-8"))["files"]}
    doc = json.loads((folder / "exhibit.json").read_text("utf-8"))
    slugs = {a["models"][0]["file"].split("/")[1] for a in doc["artifacts"]}
    assert slugs
    for slug in sorted(slugs):
        rel = f"posters/{slug}.webp"
        assert rel in manifest
        img = Image.open(folder / rel)
        assert img.format == "WEBP" and img.size == (512, 512)
        _assert_drawn(np.asarray(img.convert("RGB"), int), slug)
    img = Image.open(folder / "posters" / "exhibit.webp")
    assert img.format == "WEBP" and img.size == (1200, 630) and "posters/exhibit.webp" in manifest
    _assert_drawn(np.asarray(img.convert("RGB"), int), "exhibit")
    assert (folder / "posters" / "exhibit.webp").stat().st_size < 60_000  # shown before the first frame


def _assert_drawn(px: np.ndarray, name: str) -> None:
    """Not blank: a good share of pixels differs clearly from the background at the top corners."""
    h, w, _ = px.shape
    bg = px[2, 2]
    differs = np.abs(px - bg).sum(axis=2) > 40
    share = differs.mean()
    assert 0.02 < share < 0.95, f"{name}: {share:.3f} of the pixels differ from the background"
    # the object sits in the middle of an artifact poster
    ys, xs = np.nonzero(differs)
    assert abs(np.median(xs) - w / 2) < w / 4, name


def test_point_clouds_and_missing_lights_still_draw():
    """A point cloud is drawn as small facing triangles; no lights -> the viewer's defaults."""
    from vitrine.exporters.posters.output import _points_as_triangles
    from vitrine.assets.formats.glb_arrays import MeshData
    pts = MeshData(positions=np.random.default_rng(0).random((200, 3)).astype(np.float32))
    tri = _points_as_triangles(pts, 0.01, np.array([1.0, 0, 0]), np.array([0, 1.0, 0]))
    assert tri.triangles.shape == (200, 3) and len(tri.positions) == 600
