"""One mesh level as a USDZ for AR Quick Look: metres (metersPerUnit 1), Y up, one Mesh with a
bound UsdPreviewSurface (the base colour texture when the level has one, else the average vertex
colour), packaged with UsdUtils.CreateNewARKitUsdzPackage so it passes ARKit's rules.  A
multi-atlas level gets one material (and texture) per atlas, each bound to a GeomSubset of
the faces that use it (family "materialBind", a partition of the faces)."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image
from pxr import Gf, Sdf, Usd, UsdGeom, UsdShade, UsdUtils, Vt

from vitrine.assets.formats.glb_arrays import MeshData


def _colour(mesh: MeshData) -> tuple[float, float, float]:
    """Linear-ish diffuse colour 0..1: the vertex colours' mean, else the material's factor."""
    if mesh.colors is not None and len(mesh.colors):
        rgb = mesh.colors[:, :3].astype(np.float64).mean(axis=0) / 255.0
    else:
        rgb = np.asarray(mesh.base_color[:3], np.float64)
    return tuple(float(c) for c in np.clip(rgb, 0.0, 1.0))


def _texture_png(image: Image.Image | None) -> bytes:
    """A base colour texture as PNG (ARKit reads PNG and JPEG; PNG keeps it lossless)."""
    if image is None:
        raise ValueError("no texture")
    buf = io.BytesIO()
    image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB").save(buf, "PNG", optimize=False)
    return buf.getvalue()


def _material(stage: Usd.Stage, mesh: MeshData, textured: bool, *, name: str = "Surface",
              texture_file: str = "0/basecolor.png") -> UsdShade.Material:
    path = f"/Root/Materials/{name}"
    mat = UsdShade.Material.Define(stage, path)
    shader = UsdShade.Shader.Define(stage, f"{path}/PreviewSurface")
    shader.CreateIdAttr("UsdPreviewSurface")
    shader.CreateInput("roughness", Sdf.ValueTypeNames.Float).Set(0.7)
    shader.CreateInput("metallic", Sdf.ValueTypeNames.Float).Set(0.0)
    diffuse = shader.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f)
    if textured:
        reader = UsdShade.Shader.Define(stage, f"{path}/StReader")
        reader.CreateIdAttr("UsdPrimvarReader_float2")
        st_name = mat.CreateInput("frame:stPrimvarName", Sdf.ValueTypeNames.String)
        st_name.Set("st")
        reader.CreateInput("varname", Sdf.ValueTypeNames.String).ConnectToSource(st_name)
        tex = UsdShade.Shader.Define(stage, f"{path}/BaseColor")
        tex.CreateIdAttr("UsdUVTexture")
        tex.CreateInput("file", Sdf.ValueTypeNames.Asset).Set(texture_file)
        tex.CreateInput("sourceColorSpace", Sdf.ValueTypeNames.Token).Set("sRGB")
        tex.CreateInput("wrapS", Sdf.ValueTypeNames.Token).Set("repeat")
        tex.CreateInput("wrapT", Sdf.ValueTypeNames.Token).Set("repeat")
        tex.CreateInput("st", Sdf.ValueTypeNames.Float2).ConnectToSource(reader.ConnectableAPI(), "result")
        tex.CreateOutput("rgb", Sdf.ValueTypeNames.Float3)
        diffuse.ConnectToSource(tex.ConnectableAPI(), "rgb")
    else:
        diffuse.Set(Gf.Vec3f(*_colour(mesh)))
    mat.CreateSurfaceOutput().ConnectToSource(shader.ConnectableAPI(), "surface")
    return mat


def _bind_atlases(stage: Usd.Stage, geom: UsdGeom.Mesh, mesh: MeshData, folder: Path) -> None:
    """One textured material per atlas, bound to the GeomSubset of the faces using it."""
    UsdShade.MaterialBindingAPI.Apply(geom.GetPrim())
    for k, material in enumerate(mesh.materials):
        faces = np.flatnonzero(mesh.face_materials == k).astype(np.int32)
        if not len(faces):
            continue
        (folder / "0" / f"atlas{k}.png").write_bytes(_texture_png(material.texture))
        mat = _material(stage, mesh, True, name=f"Atlas{k}", texture_file=f"0/atlas{k}.png")
        subset = UsdGeom.Subset.CreateGeomSubset(geom, f"atlas{k}", UsdGeom.Tokens.face,
                                                 Vt.IntArray.FromNumpy(faces), "materialBind")
        UsdShade.MaterialBindingAPI.Apply(subset.GetPrim()).Bind(mat)
    UsdGeom.Subset.SetFamilyType(geom, "materialBind", UsdGeom.Tokens.partition)


def write_usdz(mesh: MeshData, out: Path, *, name: str = "Artifact") -> Path:
    """Write ``mesh`` (triangles; positions (n, 3) metres, Y up, standing on y = 0) to ``out``
    (a .usdz). UVs follow glTF (v down) and are flipped for USD (v up)."""
    if mesh.is_points or mesh.triangles is None or not len(mesh.triangles):
        raise ValueError("AR Quick Look shows surfaces only (this level is a point cloud)")
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="vitrine-usdz-") as tmp:
        src = Path(tmp) / "model.usdc"
        stage = Usd.Stage.CreateNew(str(src))
        UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.y)
        UsdGeom.SetStageMetersPerUnit(stage, 1.0)
        root = UsdGeom.Xform.Define(stage, "/Root")
        stage.SetDefaultPrim(root.GetPrim())
        Usd.ModelAPI(root.GetPrim()).SetKind("component")
        root.GetPrim().SetDocumentation(name)
        geom = UsdGeom.Mesh.Define(stage, "/Root/Geom")
        pts = np.asarray(mesh.positions, np.float32)
        tris = np.asarray(mesh.triangles, np.int32)
        geom.CreatePointsAttr(Vt.Vec3fArray.FromNumpy(pts))
        geom.CreateFaceVertexCountsAttr(Vt.IntArray.FromNumpy(np.full(len(tris), 3, np.int32)))
        geom.CreateFaceVertexIndicesAttr(Vt.IntArray.FromNumpy(tris.reshape(-1)))
        geom.CreateSubdivisionSchemeAttr(UsdGeom.Tokens.none)
        geom.CreateOrientationAttr(UsdGeom.Tokens.rightHanded)  # glTF winding is counter-clockwise
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        geom.CreateExtentAttr(Vt.Vec3fArray([Gf.Vec3f(*map(float, lo)), Gf.Vec3f(*map(float, hi))]))
        if mesh.normals is not None:
            geom.CreateNormalsAttr(Vt.Vec3fArray.FromNumpy(np.asarray(mesh.normals, np.float32)))
            geom.SetNormalsInterpolation(UsdGeom.Tokens.vertex)
        pv = UsdGeom.PrimvarsAPI(geom)
        colour = _colour(mesh)
        pv.CreatePrimvar("displayColor", Sdf.ValueTypeNames.Color3fArray, UsdGeom.Tokens.constant).Set(
            Vt.Vec3fArray([Gf.Vec3f(*colour)]))
        textured = mesh.texture is not None and mesh.uvs is not None
        if textured:
            uv = np.asarray(mesh.uvs, np.float32).copy()
            uv[:, 1] = 1.0 - uv[:, 1]
            pv.CreatePrimvar("st", Sdf.ValueTypeNames.TexCoord2fArray, UsdGeom.Tokens.vertex).Set(
                Vt.Vec2fArray.FromNumpy(uv))
            (Path(tmp) / "0").mkdir()
        if textured and mesh.is_multi_material:
            _bind_atlases(stage, geom, mesh, Path(tmp))
        else:
            if textured:
                (Path(tmp) / "0" / "basecolor.png").write_bytes(_texture_png(mesh.texture))
            mat = _material(stage, mesh, textured)
            UsdShade.MaterialBindingAPI.Apply(geom.GetPrim()).Bind(mat)
        stage.GetRootLayer().Save()
        del stage
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.exists():
            out.unlink()
        if not UsdUtils.CreateNewARKitUsdzPackage(Sdf.AssetPath(str(src)), str(out)):
            raise ValueError("USD could not package the model as an ARKit USDZ")
    return out
