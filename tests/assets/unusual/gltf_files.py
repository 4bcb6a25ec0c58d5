"""glTF and GLB writers for the corpus (all valid, some unusual): index types, no indices, node
transforms and cycles, no scene, KHR_mesh_quantization, sparse accessors, strips and fans,
interleaved views, embedded PNG/JPEG/WebP/KTX2 textures, external files with Chinese names,
KHR_texture_transform (gltfpack's layout) and a scaled point cloud."""
from __future__ import annotations

import base64
from pathlib import Path

import numpy as np

from ..sample_files import make_glb
from .common import TF, TV, Writer, image_bytes, split_glb
from .gltf_builder import GltfBuilder, tetra_primitive


def gltf_indices(index_type: int | None, ext: str = "glb") -> Writer:
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        if index_type is None:  # non-indexed: three vertices per triangle
            g.mesh([{"attributes": {"POSITION": g.accessor(TV[TF].reshape(-1, 3), 5126, "VEC3", minmax=True)}}])
        else:
            g.mesh([tetra_primitive(g, index_type)])
        name = f"indices-{index_type or 'none'}.{ext}"
        return g.glb(folder / name) if ext == "glb" else g.gltf(folder / name)
    return write


def gltf_external(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([tetra_primitive(g)], translation=[0, 0, 2])
    return g.gltf(folder / "external.gltf", uri="tetra%20data.bin")


def gltf_nodes(folder: Path) -> Path:
    """Three nodes: a parent with scale 0.001 (millimetre data), a child translated, a rotated sibling."""
    g = GltfBuilder()
    g.mesh([tetra_primitive(g)], scale=[0.001, 0.001, 0.001], children=[])
    g.doc["meshes"].append(g.doc["meshes"][0])
    g.doc["nodes"].append({"mesh": 0, "translation": [1000, 0, 0]})
    g.doc["nodes"][0]["children"] = [1]
    g.doc["nodes"].append({"mesh": 0, "rotation": [0, 0.7071068, 0, 0.7071068], "translation": [0, 3, 0]})
    g.doc["scenes"][0]["nodes"] = [0, 2]
    return g.glb(folder / "nodes.glb")


def gltf_quantized(folder: Path) -> Path:
    """KHR_mesh_quantization: int16 positions (not normalised) scaled by the node, uint8 normalised UVs."""
    g = GltfBuilder()
    pos = g.accessor((TV * 1000).astype(np.int16), 5122, "VEC3", minmax=True)
    uv = g.accessor(np.array([[0, 0], [255, 0], [0, 255], [255, 255]]), 5121, "VEC2", normalized=True)
    g.doc["images"] = [{"bufferView": g.view(image_bytes("PNG")), "mimeType": "image/png"}]
    g.doc["textures"] = [{"source": 0}]
    g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}]
    g.mesh([{"attributes": {"POSITION": pos, "TEXCOORD_0": uv}, "indices": g.accessor(TF.ravel(), 5123, "SCALAR"),
             "material": 0}], scale=[0.001, 0.001, 0.001])
    g.doc["extensionsUsed"] = g.doc["extensionsRequired"] = ["KHR_mesh_quantization"]
    return g.glb(folder / "quantized.glb")


def gltf_sparse(folder: Path) -> Path:
    """A sparse accessor moving vertex 3 of a tetrahedron from z=1 to z=2."""
    g = GltfBuilder()
    prim = tetra_primitive(g)
    acc = g.doc["accessors"][prim["attributes"]["POSITION"]]
    acc["max"] = [1, 1, 2]
    acc["sparse"] = {"count": 1, "indices": {"bufferView": g.view(np.array([3], "<u2").tobytes()), "componentType": 5123},
                     "values": {"bufferView": g.view(np.array([0, 0, 2], "<f4").tobytes())}}
    g.mesh([prim])
    return g.glb(folder / "sparse.glb")


def gltf_mode(mode: int) -> Writer:
    """A square as a triangle strip (mode 5) or a fan (mode 6): two triangles."""
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        sq = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], float) if mode == 5 else \
            np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], float)
        g.mesh([{"attributes": {"POSITION": g.accessor(sq, 5126, "VEC3", minmax=True)},
                 "indices": g.accessor(np.arange(4), 5123, "SCALAR"), "mode": mode}])
        return g.glb(folder / f"mode-{mode}.glb")
    return write


def gltf_textured(fmt: str, *, extension: str | None = None, mime: str | None = None) -> Writer:
    """An embedded image (PNG, JPEG, WebP via EXT_texture_webp, KTX2 via KHR_texture_basisu)
    with KHR_materials_* extensions on the material."""
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        prim = tetra_primitive(g)
        prim["attributes"]["TEXCOORD_0"] = g.accessor(np.array([[0, 0], [1, 0], [0, 1], [1, 1]]), 5126, "VEC2")
        prim["material"] = 0
        blob = b"\xabKTX 20\xbb\r\n\x1a\n" + bytes(64) if fmt == "KTX2" else image_bytes(fmt)
        g.doc["images"] = [{"bufferView": g.view(blob), "mimeType": mime or f"image/{fmt.lower()}"}]
        tex = {"source": 0} if extension is None else {"extensions": {extension: {"source": 0}}}
        g.doc["textures"] = [tex]
        g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}},
                               "extensions": {"KHR_materials_emissive_strength": {"emissiveStrength": 2},
                                              "KHR_materials_clearcoat": {"clearcoatFactor": 0.5}}}]
        used = ["KHR_materials_emissive_strength", "KHR_materials_clearcoat"]
        if extension:
            used.append(extension)
            g.doc["extensionsRequired"] = [extension]
        g.doc["extensionsUsed"] = used
        g.mesh([prim])
        return g.glb(folder / f"texture-{fmt.lower()}.glb")
    return write


def gltf_webp_with_fallback(folder: Path) -> Path:
    """A texture in EXT_texture_webp with a plain PNG ``source`` fallback (extensionsUsed only)."""
    path = gltf_textured("PNG")(folder)
    doc, binary = split_glb(path.read_bytes())
    webp = image_bytes("WEBP")
    view = len(doc["bufferViews"])
    pad = b"\0" * (-len(binary) % 4)
    doc["bufferViews"].append({"buffer": 0, "byteOffset": len(binary) + len(pad), "byteLength": len(webp)})
    doc["images"].append({"bufferView": view, "mimeType": "image/webp"})
    doc["textures"][0]["extensions"] = {"EXT_texture_webp": {"source": 1}}
    doc["extensionsUsed"].append("EXT_texture_webp")
    binary += pad + webp
    doc["buffers"][0]["byteLength"] = len(binary)
    out = folder / "webp-fallback.glb"
    out.write_bytes(make_glb(doc, binary))
    return out


def gltf_external_image(folder: Path, *, data_uri: bool = False) -> Path:
    """Buffer in a .bin named in Chinese with spaces (percent-encoded URI), texture as a PNG
    file beside it, or as a data: URI."""
    g = GltfBuilder()
    prim = tetra_primitive(g)
    prim["attributes"]["TEXCOORD_0"] = g.accessor(np.array([[0, 0], [1, 0], [0, 1], [1, 1]]), 5126, "VEC2")
    prim["material"] = 0
    png = image_bytes("PNG", (4, 2))
    if data_uri:
        g.doc["images"] = [{"uri": "data:image/png;base64," + base64.b64encode(png).decode()}]
    else:
        (folder / "纹理 1.png").write_bytes(png)
        g.doc["images"] = [{"uri": "%E7%BA%B9%E7%90%86%201.png"}]
    g.doc["textures"] = [{"source": 0}]
    g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}]
    g.mesh([prim])
    return g.gltf(folder / ("data-image.gltf" if data_uri else "青铜 鼎.gltf"),
                  uri=None if data_uri else "%E6%95%B0%E6%8D%AE%20%E6%96%87%E4%BB%B6.bin")


def gltf_no_scene(folder: Path) -> Path:
    """Nodes but no ``scenes``/``scene`` (allowed: the file is a library); its meshes are the scan."""
    g = GltfBuilder()
    g.mesh([tetra_primitive(g)])
    del g.doc["scenes"], g.doc["scene"]
    return g.glb(folder / "no-scene.glb")


def gltf_interleaved(folder: Path) -> Path:
    """POSITION and NORMAL interleaved in one bufferView with byteStride 24 (Sketchfab, Blender
    with some settings), and COLOR_0 as normalised uint8 RGBA."""
    g = GltfBuilder()
    normals = TV - TV.mean(axis=0)
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    inter = np.hstack([TV, normals]).astype("<f4")
    view = g.view(inter.tobytes())
    g.doc["bufferViews"][view]["byteStride"] = 24
    g.doc["accessors"] += [{"bufferView": view, "byteOffset": 0, "componentType": 5126, "count": 4, "type": "VEC3",
                            "min": TV.min(axis=0).tolist(), "max": TV.max(axis=0).tolist()},
                           {"bufferView": view, "byteOffset": 12, "componentType": 5126, "count": 4, "type": "VEC3"}]
    colour = g.accessor(np.array([[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 0, 255]]),
                        5121, "VEC4", normalized=True)
    g.mesh([{"attributes": {"POSITION": 0, "NORMAL": 1, "COLOR_0": colour},
             "indices": g.accessor(TF.ravel(), 5123, "SCALAR")}])
    return g.glb(folder / "interleaved.glb")


def gltf_node_cycle(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([tetra_primitive(g)], children=[1])
    g.doc["nodes"].append({"children": [0]})
    return g.glb(folder / "cycle.glb")


def gltf_texture_transform(folder: Path) -> Path:
    """gltfpack's layout: UVs as normalised uint16 and the base colour texture's
    KHR_texture_transform (offset 0.25, 0.5; scale 0.5, 0.25) mapping them back."""
    g = GltfBuilder()
    prim = tetra_primitive(g)
    q = np.array([[0, 0], [65535, 0], [0, 65535], [65535, 65535]])
    prim["attributes"]["TEXCOORD_0"] = g.accessor(q, 5123, "VEC2", normalized=True)
    prim["material"] = 0
    g.doc["images"] = [{"bufferView": g.view(image_bytes("PNG")), "mimeType": "image/png"}]
    g.doc["textures"] = [{"source": 0}]
    g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0, "extensions": {
        "KHR_texture_transform": {"offset": [0.25, 0.5], "scale": [0.5, 0.25]}}}}}]
    g.doc["extensionsUsed"] = ["KHR_mesh_quantization", "KHR_texture_transform"]
    g.doc["extensionsRequired"] = ["KHR_mesh_quantization"]
    g.mesh([prim])
    return g.glb(folder / "texture-transform.glb")


def gltf_points_scaled(folder: Path) -> Path:
    """A POINTS primitive (a point cloud) of int16 millimetre positions under a node scaled by 0.001."""
    g = GltfBuilder()
    pts = np.array([[0, 0, 0], [1000, 0, 0], [0, 2000, 0], [0, 0, 3000], [500, 500, 500]])
    g.mesh([{"attributes": {"POSITION": g.accessor(pts, 5122, "VEC3", minmax=True),
                            "COLOR_0": g.accessor(np.tile([255, 0, 0, 255], (5, 1)), 5121, "VEC4", normalized=True)},
             "mode": 0}], scale=[0.001, 0.001, 0.001])
    g.doc["extensionsUsed"] = g.doc["extensionsRequired"] = ["KHR_mesh_quantization"]
    return g.glb(folder / "points.glb")


def gltf_data_uri_image(folder: Path) -> Path:
    """``gltf_external_image`` with the texture as a data: URI."""
    return gltf_external_image(folder, data_uri=True)
