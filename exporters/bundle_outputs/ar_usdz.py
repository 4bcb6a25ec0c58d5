"""Bundle output: ``models/<slug>/ar.usdz`` per mesh artifact, for AR Quick Look on iPhones and
iPads (Safari has no WebXR there). Made from the GLB this export wrote, so it carries the same
recipient mark, and referenced from the viewer document as ``artifact.ar``."""
from __future__ import annotations

from pathlib import PurePosixPath

from vitrine.assets.levels.level_table import level_rank

from vitrine.exporters.ar.bundle_glb import read_bundle_glb
from vitrine.exporters.ar.usdz_writer import write_usdz
from vitrine.exporters.export_messages import ExportMessage
from .context import BundleContext

# AR Quick Look stays smooth on older iPhones up to a few hundred thousand triangles.
AR_FACE_BUDGET = 200_000


def ar_level(models: list[dict]) -> dict | None:
    """The finest mesh level within AR_FACE_BUDGET faces, else the coarsest mesh level."""
    meshes = sorted((m for m in models if m.get("faces", 0) > 0), key=lambda m: level_rank(m["level"]))
    if not meshes:
        return None
    fitting = [m for m in meshes if m["faces"] <= AR_FACE_BUDGET]
    return fitting[-1] if fitting else meshes[0]


def write_ar_usdz(ctx: BundleContext) -> None:
    for art in ctx.document.get("artifacts", []):
        level = ar_level(art.get("models", []))
        if level is None:
            art["ar"] = None
            ctx.report.warnings.append(ExportMessage("{name}: no USDZ for AR Quick Look (a point cloud)",
                                                     name=art.get("name") or art["id"]))
            continue
        rel = str(PurePosixPath(level["file"]).parent / "ar.usdz")
        try:
            write_usdz(read_bundle_glb(ctx.root / level["file"]), ctx.root / rel, name=art.get("name") or art["id"])
        except ValueError as exc:
            art["ar"] = None
            ctx.report.warnings.append(ExportMessage("{file}: no USDZ for AR Quick Look ({reason})",
                                                     file=level["file"], reason=exc))
            continue
        art["ar"] = {"usdz": rel, "level": level["level"], "bytes": (ctx.root / rel).stat().st_size}
    ctx.extras["document_changed"] = True
