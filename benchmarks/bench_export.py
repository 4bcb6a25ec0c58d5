"""Export benchmark: our top-level GLB vs gltfpack 1.3 ``-cc`` (same 14/12/8-bit quantisation).

For each real scan (../shared/scans; rows skipped when missing) the scan is
prepared to metres, Y up, base on y=0, written as a plain GLB the way a project stores
its levels (``assets.glb_io.glb_bytes``: JPEG when opaque, PNG with alpha),
then compressed by ``exporters.glb_compression`` and by gltfpack. Reports both
sizes (bytes), their ratio, both times (s) and the time ratio. Our GLB carries what a
bundle's does and gltfpack's does not: asset.copyright and the object's Dublin Core
record (KHR_xmp_json_ld, from a catalogue record like the scan's MANIFEST line), so
the rows also give the XMP packet's bytes and the size without it; the target
(<= 1.0) is on the total. gltfpack is the
pinned devDependency of exporters/viewer (``npm ci`` there puts it in
node_modules/.bin).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import trimesh

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCANS = ROOT.parent / "shared" / "scans"
# npm links the pinned gltfpack's CLI here; run through node so no shebang or .cmd shim matters
GLTFPACK = ROOT / "exporters" / "viewer" / "node_modules" / ".bin" / "gltfpack"
CASES = [("igea", "igea/igea.ply", 1.0, True), ("bunny", "stanford-bunny/bunny.obj", 1.0, True),
         ("mask", "balinese-mask/mask.glb", 1.0, False)]
# (title, institution, rights statement, holder) as a curator would catalogue each scan
RECORDS = {
    "igea": ("Igea (Hygieia), marble bust", "Cyberware", "http://rightsstatements.org/vocab/InC-EDU/1.0/",
             "Cyberware"),
    "bunny": ("Stanford bunny", "Stanford 3D Scanning Repository", "http://rightsstatements.org/vocab/InC-EDU/1.0/",
              "Stanford University Computer Graphics Laboratory"),
    "mask": ("Balinese demon mask", "Badisches Landesmuseum Karlsruhe",
             "https://creativecommons.org/licenses/by-sa/4.0/", "Badisches Landesmuseum Karlsruhe"),
}


def _prepare(path: Path, z_up: bool) -> bytes:
    """Plain GLB of the scan in metres, Y up, base on y=0 (normals included), stored as a
    project stores a level: trimesh alone would write the mask's JPEG as a 14 MB PNG."""
    from assets.glb_io import _swap_image  # the project's own texture slot writer
    from assets.trimesh_scans import mesh_texture
    from assets.textures import encode_texture
    mesh = trimesh.load(path, force="mesh", process=False)
    if z_up and path.suffix == ".ply":
        mesh.apply_transform(trimesh.transformations.rotation_matrix(-np.pi / 2, [1, 0, 0]))
    mesh.apply_translation(-np.array([mesh.bounds[:, 0].mean(), mesh.bounds[0, 1], mesh.bounds[:, 2].mean()]))
    _ = mesh.vertex_normals
    data = trimesh.Scene(mesh).export(file_type="glb", include_normals=True)
    image = mesh_texture(mesh) if getattr(mesh.visual, "uv", None) is not None else None
    return data if image is None else _swap_image(data, encode_texture(image, None, power_of_two=False))


def _row(case: str, metric: str, value, unit: str, target: str = "", note: str = "") -> dict:
    return {"benchmark": "export", "case": case, "metric": metric, "value": value, "unit": unit,
            "target": target, "note": note}


def _metadata(case: str) -> tuple[str, dict]:
    """(asset.copyright, XMP packet) built the way bundle_writer builds them."""
    from exporters.object_metadata import model_copyright, xmp_packet
    from scenes.exhibit_model import Artifact, ArtifactRights, ObjectRecord, Rights
    title, institution, uri, holder = RECORDS[case]
    art = Artifact(id=f"art-{case}", name=title,
                   record=ObjectRecord(identifier=f"BENCH.{case}", title={"en": title}, institution=institution),
                   rights=ArtifactRights(model=Rights(statement_uri=uri, holder=holder)))
    return model_copyright(art), xmp_packet(art)


def run(quick: bool) -> list[dict]:
    from exporters.glb_compression import GlbSettings, compress_mesh
    from assets.glb_arrays import read_glb_arrays
    rows: list[dict] = []
    have_pack = GLTFPACK.is_file() and shutil.which("node")
    cases = CASES[:1] if quick else CASES
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        for case, rel, _, z_up in cases:
            src = SCANS / rel
            if not src.is_file():
                rows.append(_row(case, "skipped", "-", "", note=f"{rel} not found"))
                continue
            plain = tmpd / f"{case}.glb"
            plain.write_bytes(_prepare(src, z_up))
            t0 = time.perf_counter()
            mesh = read_glb_arrays(plain)
            copyright_text, packet = _metadata(case)
            ours = compress_mesh(mesh, name=case, generator="Vitrine 0.1", copyright_text=copyright_text,
                                 xmp_packet=packet, settings=GlbSettings(texture_max=None))
            ours_s = time.perf_counter() - t0
            bare = compress_mesh(mesh, name=case, generator="Vitrine 0.1", copyright_text=copyright_text,
                                 settings=GlbSettings(texture_max=None))  # untimed: for the XMP's share
            faces = 0 if mesh.triangles is None else len(mesh.triangles)
            rows.append(_row(case, "input", faces, "faces", note=f"{plain.stat().st_size} B plain GLB"))
            rows.append(_row(case, "vitrine_glb", len(ours), "B", note="with copyright and XMP record"))
            rows.append(_row(case, "xmp_bytes", len(ours) - len(bare), "B", note="the KHR_xmp_json_ld record's share"))
            rows.append(_row(case, "vitrine_glb_minus_xmp", len(bare), "B"))
            rows.append(_row(case, "vitrine_time", round(ours_s, 3), "s"))
            if not have_pack:
                rows.append(_row(case, "gltfpack", "-", "", note="gltfpack 1.3 not installed (npm ci in exporters/viewer)"))
                continue
            out = tmpd / f"{case}.pack.glb"
            t0 = time.perf_counter()
            proc = subprocess.run(["node", str(GLTFPACK), "-i", str(plain), "-o", str(out), "-cc"],
                                  capture_output=True, text=True)
            pack_s = time.perf_counter() - t0
            if proc.returncode != 0:
                rows.append(_row(case, "gltfpack", "failed", "", note=proc.stderr.strip()[-120:]))
                continue
            pack = out.stat().st_size
            rows.append(_row(case, "gltfpack_cc_glb", pack, "B"))
            rows.append(_row(case, "gltfpack_time", round(pack_s, 3), "s", note="includes node start-up"))
            rows.append(_row(case, "size_ratio", round(len(ours) / pack, 5), "x", "<= 1.0",
                             "vitrine (total) / gltfpack -cc; both copy the stored texture bytes"))
            rows.append(_row(case, "size_ratio_minus_xmp", round(len(bare) / pack, 5), "x", "",
                             f"without the XMP record: {len(bare) - pack:+d} B"))
            rows.append(_row(case, "time_ratio", round(ours_s / pack_s, 3), "x", "<= 2.0", "vitrine / gltfpack"))
    return rows
