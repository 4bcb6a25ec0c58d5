"""The one task of batch preparation: bytes of a scan (and its companions) in, prepared levels
out. It runs in a local worker process or on a dask.distributed worker on another machine, so
it takes and returns only plain data: no paths of the submitting machine, no shared storage.
"""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from typing import Any

from .batch_sources import companions

BYTES_PER_FACE = 400  # a generous estimate of what a loaded, repaired and simplified face costs
BYTES_PER_FILE_BYTE = 12  # for formats without header counts (OBJ): text to arrays and back
BASE_BYTES = 300 << 20  # the interpreter, trimesh and numpy in a fresh worker


def make_payload(scan: Path) -> dict[str, Any]:
    """{'name', 'files': {posix path relative to the scan's folder: bytes}, 'sha256'} for ``scan``."""
    scan = scan.resolve()
    files = {scan.name: scan.read_bytes()}
    for path in companions(scan):
        files[path.relative_to(scan.parent).as_posix()] = path.read_bytes()
    return {"name": scan.name, "files": files, "sha256": hashlib.sha256(files[scan.name]).hexdigest()}


def estimate_bytes(scan: Path) -> int:
    """Peak memory one task is expected to need for ``scan``, from its header (bytes)."""
    from vitrine.assets.scan_errors import ScanError
    from vitrine.assets.scan_loading import peek_counts
    try:
        counts = peek_counts(scan)
    except (ScanError, OSError):
        return BASE_BYTES  # it will fail fast, reading little
    faces = counts.get("faces") or 0
    vertices = counts.get("vertices") or 0
    by_count = max(faces, vertices) * BYTES_PER_FACE
    return BASE_BYTES + max(by_count, counts["file_size"] * BYTES_PER_FILE_BYTE if not by_count else 0)


def prepare_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Prepare one scan from its payload (see :func:`make_payload`).

    Returns ``{'status': 'prepared', 'scan': {...}, 'levels': {sha256: glb bytes}}`` or
    ``{'status': 'failed', 'error': one line}``. Never raises for a bad scan: one failure
    must not stop a batch."""
    from vitrine.app.workflows.project_import import prepare_scan
    from vitrine.assets.progress import Cancelled
    from vitrine.assets.scan_errors import ScanError
    with tempfile.TemporaryDirectory(prefix="vitrine-batch-") as tmp:
        root = Path(tmp)
        try:
            for rel, data in payload["files"].items():
                path = _inside(root, rel)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            prepared = prepare_scan(_inside(root, payload["name"]))
        except (ScanError, ValueError, OSError) as exc:
            return {"status": "failed", "error": _one_line(str(exc).replace(str(root) + "/", ""))}
        except MemoryError:
            return {"status": "failed", "error": f"{payload['name']}: not enough memory to prepare it on this worker"}
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 (a library's bug in one scan must not stop the batch)
            return {"status": "failed", "error": _one_line(f"{payload['name']}: {type(exc).__name__}: {exc}")}
    scan = {
        "name": prepared.source_name, "format": prepared.format, "kind": prepared.kind,
        "asset_id": prepared.original_sha256, "units": prepared.units, "up_axis": prepared.up_axis,
        "dimensions": list(prepared.dimensions), "inspection": prepared.inspection,
        "warnings": prepared.warnings, "processing": [asdict(step) for step in prepared.processing],
        "levels": [{"name": lv.name, "sha256": lv.sha256, "faces": lv.faces, "points": lv.points,
                    "texture_size": lv.texture_size} for lv in prepared.levels],
    }
    return {"status": "prepared", "scan": scan, "levels": {lv.sha256: lv.glb for lv in prepared.levels},
            "worker_peak_mb": _peak_rss_mb()}


def _peak_rss_mb() -> float:
    """The worker process's peak resident memory so far, in MiB (Linux reports KiB)."""
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _inside(root: Path, rel: str) -> Path:
    """``root``/``rel`` for a payload's relative POSIX path; ValueError if it would leave ``root``."""
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).is_absolute() or any(p in ("..", "") for p in parts) or "\\" in rel:
        raise ValueError(f"{rel!r}: not a path inside the scan's folder")
    return root.joinpath(*parts)


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 400 else line[:399] + "…"
