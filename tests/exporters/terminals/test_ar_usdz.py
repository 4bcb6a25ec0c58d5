"""Every mesh artifact gets models/<slug>/ar.usdz: metres, Y up, a bound UsdPreviewSurface, made
from the bundle's own marked GLB, valid by USD's own validators, listed and signed."""
from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest
from pxr import Usd, UsdGeom, UsdShade, UsdValidation

from tests.exporters.glb_decode import positions_in_metres, split


def _doc(bundle):
    return json.loads((bundle[0] / "exhibit.json").read_text("utf-8"))


def _stage(path):
    return Usd.Stage.Open(str(path))


def test_each_mesh_artifact_has_a_listed_signed_usdz(bundle):
    from vitrine.exporters.trust.manifest import verify_bundle
    doc = _doc(bundle)
    manifest = json.dumps(json.loads((bundle[0] / "manifest.json").read_text("utf-8")))
    ars = {a["name"]: a["ar"] for a in doc["artifacts"]}
    assert ars["Bunny points"] is None  # AR Quick Look has no point clouds
    for name in ("Painted Vase", "Globe"):
        ar = ars[name]
        assert ar["usdz"].endswith("/ar.usdz") and ar["usdz"].startswith("models/")
        assert (bundle[0] / ar["usdz"]).stat().st_size == ar["bytes"]
        assert ar["usdz"] in manifest
    assert ars["Painted Vase"]["level"] == "original"  # finest level within the face budget
    assert verify_bundle(bundle[0]).ok
    # the data/exhibit.js copy carries the same document (file:// reads it)
    js = (bundle[0] / "data" / "exhibit.js").read_text("utf-8")
    assert json.loads(json.loads(js.split("=", 1)[1].split(";\n", 1)[0])) == doc


@pytest.mark.parametrize("name", ["Painted Vase", "Globe"])
def test_usdz_passes_usd_validators(bundle, name):
    ar = next(a["ar"] for a in _doc(bundle)["artifacts"] if a["name"] == name)
    path = str(bundle[0] / ar["usdz"])
    # usd-core 26.11 has no ComplianceChecker any more: UsdValidation runs every registered validator, including usdUtilsValidators' USDZ package rules
    registry = UsdValidation.ValidationRegistry()
    validators = registry.GetOrLoadAllValidators()
    names = {v.GetMetadata().name for v in validators}
    assert {"usdUtilsValidators:UsdzPackageValidator", "usdUtilsValidators:FileExtensionValidator",
            "usdUtilsValidators:PackageEncapsulationValidator"} <= names
    ctx = UsdValidation.ValidationContext(validators)
    errors = [e for e in ctx.Validate(_stage(path)) if e.GetType() == UsdValidation.ValidationErrorType.Error]
    assert [e.GetMessage() for e in errors] == []
    assert len(validators) >= 25  # all of them ran, not an empty set


def test_usdz_is_metres_y_up_with_a_bound_material(bundle):
    doc = _doc(bundle)
    globe = next(a for a in doc["artifacts"] if a["name"] == "Globe")
    stage = _stage(bundle[0] / globe["ar"]["usdz"])
    assert UsdGeom.GetStageUpAxis(stage) == UsdGeom.Tokens.y
    assert UsdGeom.GetStageMetersPerUnit(stage) == 1.0
    mesh = UsdGeom.Mesh(stage.GetPrimAtPath("/Root/Geom"))
    pts = np.asarray(mesh.GetPointsAttr().Get())
    # the published GLB's geometry (dequantised), not a re-derived one: same points, same order
    glb = positions_in_metres(*split((bundle[0] / next(m["file"] for m in globe["models"]
                                                        if m["level"] == globe["ar"]["level"])).read_bytes()))
    assert pts.shape == glb.shape and np.allclose(pts, glb, atol=1e-6)
    assert pts[:, 1].min() == pytest.approx(0.0, abs=1e-3) and pts[:, 1].max() == pytest.approx(0.2, abs=1e-3)
    material, _ = UsdShade.MaterialBindingAPI(mesh.GetPrim()).ComputeBoundMaterial()
    assert material
    shader = material.ComputeSurfaceSource()[0]
    assert shader.GetIdAttr().Get() == "UsdPreviewSurface"
    tex = shader.GetInput("diffuseColor").GetConnectedSources()[0][0].source
    assert UsdShade.Shader(tex.GetPrim()).GetIdAttr().Get() == "UsdUVTexture"  # the globe's texture
    with zipfile.ZipFile(bundle[0] / globe["ar"]["usdz"]) as z:
        assert z.namelist()[0].endswith(".usdc") and any(n.endswith(".png") for n in z.namelist())


def test_untextured_artifact_gets_its_average_vertex_colour(bundle):
    vase = next(a for a in _doc(bundle)["artifacts"] if a["name"] == "Painted Vase")
    stage = _stage(bundle[0] / vase["ar"]["usdz"])
    mesh = UsdGeom.Mesh(stage.GetPrimAtPath("/Root/Geom"))
    material, _ = UsdShade.MaterialBindingAPI(mesh.GetPrim()).ComputeBoundMaterial()
    colour = np.asarray(material.ComputeSurfaceSource()[0].GetInput("diffuseColor").Get())
    shown = np.asarray(UsdGeom.PrimvarsAPI(mesh).GetPrimvar("displayColor").Get()[0])
    assert np.allclose(colour, shown)
    # the fixture's box: 8 vertices with random colours from default_rng(1) (tests/exporters/conftest.py)
    expected = np.random.default_rng(1).integers(0, 255, (8, 4), dtype=np.uint8)[:, :3].mean(axis=0) / 255.0
    assert np.allclose(colour, expected, atol=2 / 255)
