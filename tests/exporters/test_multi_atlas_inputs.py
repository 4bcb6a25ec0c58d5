"""What a visitor gets from a multi-material glTF input (issue 17): a Draco GLB with two
textures of one image, a transformed texture and a colour-only material, added with
``vitrine add`` and exported, publishes one material with its own image per distinct image
(and one for the colour), each part showing its own colour."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

from tests.assets.atlas_gltf import PART_COLOURS, write_multi_material_gltf
from tests.exporters.glb_decode import split
from vitrine.app.cli import main
from vitrine.exporters.ar.bundle_glb import read_bundle_glb
from vitrine.exporters.bundle.bundle_writer import export_bundle
from vitrine.scenes.exhibit_model import ArtifactRights, Rights
from vitrine.scenes.storage.project_store import Project

from .conftest import CC_BY


@pytest.fixture(scope="module")
def draco_export(tmp_path_factory, viewer_dir):
    root = tmp_path_factory.mktemp("draco_atlas")
    scan = write_multi_material_gltf(root / "scan", draco=True, glb=True, transform=True)
    project = Project.create(root / "museum.vitrine", title="Atlases", languages=["en"])
    assert main(["add", str(project.path), str(scan), "--name", "Sheet", "--units", "m", "--up", "y"]) == 0
    project = Project.open(project.path)
    art = project.document.exhibit.artifacts[0]
    art.rights = ArtifactRights(object=Rights(statement_uri=CC_BY), model=Rights(statement_uri=CC_BY))
    project.save()
    out = root / "bundle"
    export_bundle(Project.open(project.path), out, viewer_dir=viewer_dir)
    return out


def test_published_levels_keep_one_material_per_distinct_image_and_the_right_colours(draco_export):
    doc = json.loads((draco_export / "exhibit.json").read_text("utf-8"))
    models = doc["artifacts"][0]["models"]
    assert models
    for model in models:
        gltf, binary = split((draco_export / model["file"]).read_bytes())
        assert len(gltf["materials"]) == 3 and len(gltf["images"]) == 3
        images = []
        for image in gltf["images"]:
            view = gltf["bufferViews"][image["bufferView"]]
            start = view.get("byteOffset", 0)
            images.append(Image.open(io.BytesIO(binary[start:start + view["byteLength"]])).convert("RGB"))
        mesh = read_bundle_glb(draco_export / model["file"])
        assert mesh.is_multi_material
        # the sheet (1 m square) is centred on x and stands on y = 0: part q is its quarter q
        centroids = mesh.positions[mesh.triangles].mean(axis=1)
        part = (centroids[:, 0] > 0).astype(int) + 2 * (centroids[:, 1] > 0.5).astype(int)
        uv = mesh.uvs[mesh.triangles].mean(axis=1)
        got = np.zeros((len(mesh.triangles), 3))
        for k, rgb in enumerate(np.asarray(im, float) for im in images):
            h, w = rgb.shape[:2]
            own = mesh.face_materials == k
            got[own] = rgb[np.clip((uv[own, 1] % 1.0 * h).astype(int), 0, h - 1),
                           np.clip((uv[own, 0] % 1.0 * w).astype(int), 0, w - 1)]
        assert np.abs(got - np.asarray(PART_COLOURS, float)[part]).max() < 12  # JPEG, flat colours
