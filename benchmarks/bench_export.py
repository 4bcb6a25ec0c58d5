"""Export benchmark: our top-level GLB vs gltfpack 1.3 ``-cc`` (same 14/12/8-bit quantisation).

For each real scan (../shared/scans; rows skipped when missing) the scan is
prepared to metres, Y up, base on y=0, written as a plain GLB the way a project stores
its levels (``vitrine.assets.formats.glb_io.glb_bytes``: JPEG when opaque, PNG with alpha),
then compressed by ``vitrine.exporters.bundle.glb_compression`` and by gltfpack. Reports both
sizes (bytes) and their ratio; whether the geometry is the same (the decoded meshopt
streams and dequantising transforms compared byte for byte, benchmarks/glb_streams.py);
and the time, both sides measured the same way: each as a whole process on the same plain
GLB (spawn to exit, start-up included; median of N interleaved runs, with the range),
plus each side's bare start-up and our in-process work for reference. Our GLB carries
what a bundle's does and gltfpack's does not: asset.copyright and the object's Dublin Core
record (KHR_xmp_json_ld, from a catalogue record like the scan's MANIFEST line), so
the rows also give the XMP packet's bytes and the size without it; the target
(<= 1.0) is on the total. gltfpack is the
pinned devDependency of exporters/viewer (``npm ci`` there puts it in
node_modules/.bin).
"""
from __future__ import annotations

import os
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
    from vitrine.assets.formats.glb_io import _swap_image  # the project's own texture slot writer
    from vitrine.assets.formats.trimesh_scans import mesh_texture
    from vitrine.assets.texturing.textures import encode_texture
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
    from vitrine.exporters.document.object_metadata import model_copyright, xmp_packet
    from vitrine.scenes.exhibit_model import Artifact, ArtifactRights, ObjectRecord, Rights
    title, institution, uri, holder = RECORDS[case]
    art = Artifact(id=f"art-{case}", name=title,
                   record=ObjectRecord(identifier=f"BENCH.{case}", title={"en": title}, institution=institution),
                   rights=ArtifactRights(model=Rights(statement_uri=uri, holder=holder)))
    return model_copyright(art), xmp_packet(art)


def _export_file(src: Path, dst: Path, case: str, with_xmp: bool = True) -> None:
    """What the timed export process does: read the plain GLB, compress it as a bundle's
    top level (copyright and, by default, the Dublin Core record), write the file."""
    from vitrine.assets.formats.glb_arrays import read_glb_arrays
    from vitrine.exporters.bundle.glb_compression import GlbSettings, compress_mesh
    mesh = read_glb_arrays(src)
    copyright_text, packet = _metadata(case)
    dst.write_bytes(compress_mesh(mesh, name=case, generator="Vitrine 0.1", copyright_text=copyright_text,
                                  xmp_packet=packet if with_xmp else None, settings=GlbSettings(texture_max=None)))


def _ours_cmd(src: Path, dst: Path, case: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--worker", str(src), str(dst), case]


def _pack_cmd(src: Path, dst: Path) -> list[str]:
    return ["node", str(GLTFPACK), "-i", str(src), "-o", str(dst), "-cc"]


def _process_seconds(cmd: list[str]) -> tuple[float, str]:
    """(wall seconds of one process from spawn to exit, start-up included; its stdout)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])}… failed: {proc.stderr.strip()[-200:]}")
    return seconds, proc.stdout


def run(quick: bool) -> list[dict]:
    from benchmarks.glb_streams import compare_geometry
    rows: list[dict] = [_row("machine", "load average (1 min) at start", round(os.getloadavg()[0], 2), "",
                             note=f"{os.cpu_count()} CPUs; every time below grows when other work shares them")]
    have_pack = GLTFPACK.is_file() and shutil.which("node")
    cases = CASES[:1] if quick else CASES
    repeats = 3 if quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        for case, rel, _, z_up in cases:
            src = SCANS / rel
            if not src.is_file():
                rows.append(_row(case, "skipped", "-", "", note=f"{rel} not found"))
                continue
            plain = tmpd / f"{case}.glb"
            plain.write_bytes(_prepare(src, z_up))
            ours_path, bare_path, pack_path = (tmpd / f"{case}.{n}.glb" for n in ("ours", "bare", "pack"))
            _export_file(plain, bare_path, case, with_xmp=False)  # untimed: for the XMP record's share
            from vitrine.assets.formats.glb_arrays import read_glb_arrays
            mesh = read_glb_arrays(plain)
            faces = 0 if mesh.triangles is None else len(mesh.triangles)
            rows.append(_row(case, "input", faces, "faces", note=f"{plain.stat().st_size} B plain GLB"))
            if not have_pack:
                _export_file(plain, ours_path, case)
                rows.append(_row(case, "vitrine_glb", ours_path.stat().st_size, "B"))
                rows.append(_row(case, "gltfpack", "-", "", note="gltfpack 1.3 not installed (npm ci in exporters/viewer)"))
                continue
            # both as processes on the same plain GLB, interleaved, start-up included
            ours_s, pack_s, work_s = [], [], []
            for _ in range(repeats):
                seconds, out = _process_seconds(_ours_cmd(plain, ours_path, case))
                ours_s.append(seconds)
                work_s.append(float(out.split()[-1]))  # the worker prints its own read+compress+write time
                pack_s.append(_process_seconds(_pack_cmd(plain, pack_path))[0])
            ours_b, bare_b, pack_b = ours_path.read_bytes(), bare_path.read_bytes(), pack_path.read_bytes()
            rows.append(_row(case, "vitrine_glb", len(ours_b), "B", note="with copyright and XMP record"))
            rows.append(_row(case, "xmp_bytes", len(ours_b) - len(bare_b), "B", note="the KHR_xmp_json_ld record's share"))
            rows.append(_row(case, "vitrine_glb_minus_xmp", len(bare_b), "B"))
            rows.append(_row(case, "gltfpack_cc_glb", len(pack_b), "B"))
            rows.append(_row(case, "size_ratio", round(len(ours_b) / len(pack_b), 5), "x", "<= 1.0",
                             "vitrine (total) / gltfpack -cc; both copy the stored texture bytes"))
            rows.append(_row(case, "size_ratio_minus_xmp", round(len(bare_b) / len(pack_b), 5), "x", "",
                             f"without the XMP record: {len(bare_b) - len(pack_b):+d} B"))
            same, account = compare_geometry(ours_b, pack_b)
            rows.append(_row(case, "geometry identical to gltfpack", "yes" if same else "no", "",
                             note=f"decoded meshopt streams (quantised, before filters) compared byte for byte: {account}"))
            spread = lambda xs: f"median of {len(xs)}, range {min(xs):.3f}-{max(xs):.3f} s"  # noqa: E731
            rows.append(_row(case, "vitrine_time (process)", round(float(np.median(ours_s)), 3), "s",
                             note=f"python process: start-up + imports + read + compress + write; {spread(ours_s)}"))
            rows.append(_row(case, "gltfpack_time (process)", round(float(np.median(pack_s)), 3), "s",
                             note=f"node process: start-up + read + compress + write; {spread(pack_s)}"))
            rows.append(_row(case, "time_ratio (process / process)", round(float(np.median(ours_s) / np.median(pack_s)), 3),
                             "x", "<= 2.0", "vitrine / gltfpack, both measured as whole processes on the same GLB"))
            rows.append(_row(case, "vitrine_time (in-process work only)", round(float(np.median(work_s)), 3), "s",
                             note=f"inside the process, start-up excluded (not comparable with gltfpack's process "
                                  f"time); {spread(work_s)}"))
        if have_pack:
            # what start-up alone costs each side, so the reader can subtract it
            py_start = [_process_seconds([sys.executable, str(Path(__file__).resolve()), "--worker-startup"])[0]
                        for _ in range(repeats)]
            node_start = [_process_seconds(["node", "-e", "0"])[0] for _ in range(repeats)]
            rows.append(_row("start-up", "python + imports (no work)", round(float(np.median(py_start)), 3), "s",
                             note=f"median of {repeats}: the export process's fixed cost"))
            rows.append(_row("start-up", "node (no work)", round(float(np.median(node_start)), 3), "s",
                             note=f"median of {repeats}: gltfpack's process floor (wasm compile not included)"))
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        start = time.perf_counter()
        _export_file(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
        print(f"{time.perf_counter() - start:.4f}")
    elif sys.argv[1:] == ["--worker-startup"]:
        import vitrine.assets.formats.glb_arrays
        from vitrine import assets  # noqa: F401  the same imports as a worker, and nothing else
        import vitrine.exporters.bundle.glb_compression
        from vitrine import exporters  # noqa: F401
        import vitrine.exporters.document.object_metadata
        from vitrine import exporters  # noqa: F401
        import vitrine.scenes.exhibit_model
        from vitrine import scenes  # noqa: F401
    else:
        from run import print_table  # type: ignore[import-not-found]
        print_table(run(quick="--quick" in sys.argv))
