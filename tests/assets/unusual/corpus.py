"""The corpus cases, grouped by format, and ``write_all``.

``VALID`` maps a case name to ``(writer, expected)``: the writer makes the file in the folder
and returns its path; ``expected`` is what ``load_scan`` must find (``faces``, ``vertices``,
``points``, ``colors``, ``uv``, ``texture`` (w, h), ``max_z`` / ``max_extent`` in metres).
``INVALID`` maps a case name to ``(writer, reason)``: ``load_scan`` must raise a one-line
ScanError ``<file>: ...reason...``. ``write_all(folder)`` makes every file (for surveys by hand).
"""
from __future__ import annotations

from pathlib import Path

from . import gltf_files as gl
from . import hostile_files as bad
from .common import Writer, image_bytes, raw, truncated
from .meshopt_files import garble_first_64_bytes, meshopt_damaged, meshopt_glb
from .obj_files import CUBE_OBJ, OBJ_GROUPS, OBJ_NEGATIVE, OBJ_VERTEX_COLOURS, OBJ_VT3, obj_text
from .ply_files import (ply_basic, ply_colours, ply_cube_quads, ply_float64, ply_points_normals,
                        ply_texture_chinese, ply_textured, ply_wedge_texcoords)
from .stl_files import stl_ascii, stl_bin_header_solid, stl_binary, stl_two_solids

_TETRA = {"faces": 4, "vertices": 4}
_CUBE = {"faces": 12, "vertices": 8}
_RED = {"faces": 4, "vertices": 4, "colors": (255, 0, 0, 255)}
_TEXTURED_8x4 = {"faces": 4, "uv": True, "texture": (8, 4)}
_NON_FINITE = "vertices have NaN or infinite coordinates"
_MESHOPT_MALFORMED = "a meshoptimizer-compressed bufferView is malformed"

VALID: dict[str, tuple[Writer, dict]] = {
    # -- PLY
    "ply ascii": (ply_basic("ascii"), _TETRA),
    "ply binary little-endian": (ply_basic("binary_little_endian"), _TETRA),
    "ply binary big-endian": (ply_basic("binary_big_endian"), _TETRA),
    "ply CRLF header": (ply_basic("ascii", newline="\r\n"), _TETRA),
    "ply vertex_index, int counts": (ply_basic("binary_little_endian", face_prop="list int int vertex_index"), _TETRA),
    "ply uint counts, uint indices": (ply_basic("binary_big_endian", face_prop="list uint uint vertex_indices"), _TETRA),
    "ply float64 positions": (ply_float64, _TETRA),
    "ply colours float 0..1": (ply_colours("float"), _RED),
    "ply colours uchar RGBA": (ply_colours("rgba"), _RED),
    "ply colours r/g/b": (ply_colours("rgb_short"), _RED),
    "ply colours diffuse_*": (ply_colours("diffuse"), _RED),
    "ply colours ascii float": (ply_colours("float", "ascii"), _RED),
    "ply quads": (ply_cube_quads("binary_little_endian"), _CUBE),
    "ply quads + pentagon": (ply_cube_quads("ascii", ngon=True), {"faces": 13, "vertices": 9}),
    "ply TextureFile + s/t": (ply_textured, {"faces": 4, "vertices": 4, "uv": True, "texture": (16, 8)}),
    "ply TextureFile in Chinese": (ply_texture_chinese, {"faces": 4, "vertices": 4, "uv": True, "texture": (16, 8)}),
    # 12 corners, 10 distinct (vertex, UV) pairs: seams split, shared corners stay shared
    "ply per-corner texcoord ascii": (ply_wedge_texcoords("ascii"),
                                      {"faces": 4, "vertices": 10, "uv": True, "texture": (8, 8)}),
    "ply per-corner texcoord binary": (ply_wedge_texcoords("binary_little_endian"),
                                       {"faces": 4, "vertices": 10, "uv": True, "texture": (8, 8)}),
    "ply point cloud + normals": (ply_points_normals, {"points": 50}),
    # -- OBJ
    "obj negative indices, o/g": (obj_text("negative.obj", OBJ_NEGATIVE), {"faces": 4, "vertices": 8}),
    "obj vt with 3 components": (obj_text("vt3.obj", OBJ_VT3), {"faces": 2, "vertices": 4, "uv": True}),
    "obj quads, no MTL": (obj_text("cube.obj", CUBE_OBJ), _CUBE),
    "obj groups": (obj_text("groups.obj", OBJ_GROUPS), _CUBE),
    "obj mtllib missing": (obj_text("nomtl.obj", "mtllib gone.mtl\nusemtl x\n" + CUBE_OBJ), _CUBE),
    "obj CRLF": (obj_text("crlf.obj", CUBE_OBJ, newline="\r\n"), _CUBE),
    "obj UTF-8 BOM": (obj_text("bom.obj", "\ufeff" + CUBE_OBJ), _CUBE),
    "obj Chinese name with spaces": (obj_text("青铜 鼎 扫描.obj", "# 青铜鼎\n" + CUBE_OBJ), _CUBE),
    "obj vertex colours": (obj_text("vcolours.obj", OBJ_VERTEX_COLOURS),
                           {"faces": 4, "vertices": 4, "colors": (255, 128, 0, 255)}),
    # OBJ has no counts: a cut file imports the faces it still holds (4 of the cube's 6 quads' 12 triangles)
    "obj cut mid-line": (truncated(obj_text("c.obj", CUBE_OBJ), 0.7, "cut.obj"), {"faces": 4, "vertices": 8}),
    # -- STL
    "stl ascii CRLF": (stl_ascii, _TETRA),
    "stl ascii, two solids": (stl_two_solids, {"faces": 8}),
    "stl binary": (stl_binary("binary.stl"), _TETRA),
    "stl binary, header says solid": (stl_bin_header_solid, _TETRA),
    # -- glTF / GLB
    "gltf external .bin": (gl.gltf_external, _TETRA),
    "gltf data: URI": (gl.gltf_indices(5123, "gltf"), _TETRA),
    "gltf Chinese .bin and .png names": (gl.gltf_external_image, {"faces": 4, "uv": True, "texture": (4, 2)}),
    "gltf data: URI image": (gl.gltf_data_uri_image, {"faces": 4, "uv": True, "texture": (4, 2)}),
    "glb uint8 indices": (gl.gltf_indices(5121), _TETRA),
    "glb uint16 indices": (gl.gltf_indices(5123), _TETRA),
    "glb uint32 indices": (gl.gltf_indices(5125), _TETRA),
    "glb no indices": (gl.gltf_indices(None), {"faces": 4}),
    "glb nodes with transforms": (gl.gltf_nodes, {"faces": 12, "vertices": 12}),
    "glb without scenes": (gl.gltf_no_scene, _TETRA),  # a library of nodes: its roots are the scan
    # malformed (a node is its own grandchild) but harmless: read once, without looping
    "glb node cycle": (gl.gltf_node_cycle, _TETRA),
    "glb KHR_mesh_quantization": (gl.gltf_quantized, {"faces": 4, "vertices": 4, "uv": True, "max_z": 1.0}),
    "glb sparse accessor": (gl.gltf_sparse, {"faces": 4, "vertices": 4, "max_z": 2.0}),
    "glb triangle strip": (gl.gltf_mode(5), {"faces": 2, "vertices": 4}),
    "glb triangle fan": (gl.gltf_mode(6), {"faces": 2, "vertices": 4}),
    "glb interleaved + COLOR_0 uint8": (gl.gltf_interleaved, _RED),
    "glb PNG + KHR_materials_*": (gl.gltf_textured("PNG"), _TEXTURED_8x4),
    "glb JPEG": (gl.gltf_textured("JPEG"), _TEXTURED_8x4),
    "glb WebP-only texture": (gl.gltf_textured("WEBP", extension="EXT_texture_webp"), _TEXTURED_8x4),
    "glb WebP + PNG fallback": (gl.gltf_webp_with_fallback, _TEXTURED_8x4),
    "glb KHR_texture_transform (gltfpack)": (gl.gltf_texture_transform, {"faces": 4, "vertices": 4, "texture": (8, 4)}),
    "glb point cloud under a scaled node": (gl.gltf_points_scaled, {"points": 5, "max_extent": (1.0, 2.0, 3.0)}),
    "glb EXT_meshopt_compression (Vitrine's own)": (meshopt_glb, {"faces": 320, "vertices": 162, "uv": True,
                                                                  "texture": (16, 16)}),
}

INVALID: dict[str, tuple[Writer, str]] = {
    # -- empty, cut or disguised files
    "empty ply": (raw("empty.ply", b""), "the file is empty"),
    "empty obj": (raw("empty.obj", b""), "the file is empty"),
    "empty glb": (raw("empty.glb", b""), "the file is empty"),
    "empty stl": (raw("empty.stl", b""), "the file is empty"),
    "jpeg named .ply": (raw("photo.ply", image_bytes("JPEG")), "it looks like a JPEG image"),
    "glb named .gltf": (bad.glb_named_gltf, "it looks like a GLB (binary glTF) file"),
    "directory named scan.ply": (bad.directory_named_like_a_scan, "is not a file"),
    "FIFO named scan.ply": (bad.fifo, "is not a file"),
    # -- PLY
    "ply cut in the header": (truncated(ply_basic("binary_little_endian"), 0.1, "cut-header.ply"), "no end_header"),
    "ply cut in the vertices": (truncated(ply_basic("binary_little_endian"), 0.85, "cut-vertices.ply"), "bytes of data"),
    "ply cut in the last face": (truncated(ply_basic("binary_little_endian"), 0.98, "cut-face.ply"),
                                 "the header claims 4 face elements but the file holds only 94 bytes"),
    "ply header claims 10^9 faces": (bad.ply_lying, "the header claims 1,000,000,000 face elements"),
    "ply NaN/inf vertices": (bad.ply_nan, f"2 of 4 {_NON_FINITE}"),
    "ply index out of range": (bad.ply_bad_index, "1 face indices point outside the 4 vertices"),
    # -- OBJ, STL, OFF
    "obj NaN vertex": (obj_text("nan.obj", bad.OBJ_NAN), f"1 of 4 {_NON_FINITE}"),
    "stl cut": (truncated(stl_binary("b.stl"), 0.6, "cut.stl"), "the binary STL header claims 4 triangles"),
    "stl binary inf vertex": (bad.stl_inf, f"1 of 12 {_NON_FINITE}"),
    "stl ascii NaN vertex": (bad.stl_ascii_nan, f"1 of 12 {_NON_FINITE}"),
    "off inf vertex": (raw("inf.off", bad.OFF_INF), f"1 of 4 {_NON_FINITE}"),
    # -- glTF / GLB
    "glb cut in the JSON": (truncated(gl.gltf_indices(5123), 0.2, "cut-json.glb"), "bytes but the file holds"),
    "glb cut in the BIN": (truncated(gl.gltf_indices(5123), 0.95, "cut-bin.glb"), "bytes but the file holds"),
    "glb index out of range": (bad.gltf_bad_index, "face indices point outside"),
    "glb accessor count 3e9": (bad.glb_huge_count, "accessor 1 claims 3,000,000,000 elements"),
    "glb KTX2-only texture": (gl.gltf_textured("KTX2", extension="KHR_texture_basisu", mime="image/ktx2"),
                              "KHR_texture_basisu"),
    "gltf deeply nested JSON": (bad.deep_json, "nested too deeply"),
    "gltf JSON syntax error": (raw("syntax.gltf", b'{"asset": {"version": "2.0"},, }'),
                               "the glTF JSON is invalid (not valid JSON: Expecting property name enclosed in "
                               "double quotes at line 1, column 30)"),
    "gltf bufferView without buffer": (bad.gltf_edited("no-buffer.gltf", lambda d: d["bufferViews"][0].pop("buffer")),
                                       "the glTF JSON is malformed (the required entry 'buffer' is missing)"),
    "gltf count 1e400": (bad.gltf_count_overflow, "the glTF JSON is malformed (a number is too large)"),
    "gltf buffer index 7": (bad.gltf_edited("index.gltf", lambda d: d["bufferViews"][0].update(buffer=7)),
                            "the glTF JSON is malformed (an index is out of range)"),
    # -- glTF URIs leaving the scan's folder
    "gltf buffer ../../etc/passwd": (bad.gltf_with_uri("../../../../../../etc/passwd"), "outside the scan's folder"),
    "gltf buffer absolute path": (bad.gltf_with_uri("/etc/passwd"), "outside the scan's folder"),
    "gltf buffer http URL": (bad.gltf_with_uri("http://example.com/x.bin"), "not a file beside the scan"),
    "gltf image ../ path": (bad.gltf_with_uri("../../../../../../etc/passwd", "image"), "outside the scan's folder"),
    # -- damaged EXT_meshopt_compression
    "glb meshopt stride 3": (meshopt_damaged("stride.glb", view={"byteStride": 3}), _MESHOPT_MALFORMED),
    "glb meshopt range past the BIN": (meshopt_damaged("range.glb", view={"byteLength": 1 << 30}), _MESHOPT_MALFORMED),
    "glb meshopt count 2^40": (meshopt_damaged("count.glb", view={"count": 1 << 40}), _MESHOPT_MALFORMED),
    "glb meshopt stream garbled": (meshopt_damaged("garbled.glb", damage=garble_first_64_bytes),
                                   "the meshoptimizer-compressed data could not be decoded"),
    "glb meshopt count 10^8 from 900 bytes": (meshopt_damaged("ratio.glb", view={"count": 100_000_000}),
                                              _MESHOPT_MALFORMED),
}


def write_all(folder: Path) -> dict[str, Path]:
    """Make every case in its own sub-folder of ``folder``; returns case name -> path."""
    out = {}
    for i, (name, (writer, _)) in enumerate({**VALID, **INVALID}.items()):
        sub = folder / f"{i:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        out[name] = writer(sub)
    return out
