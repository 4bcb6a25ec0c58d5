"""``load_scan``: read any supported scan file into a :class:`Scan`, safely.

Order of work: cheap header peek (lying or oversized counts are refused before
anything big is allocated), magic-byte sniffing, the format's loader, then
validation (finite coordinates, indices in range).  Every failure becomes a
one-line :class:`ScanError`.
"""
from __future__ import annotations

import mmap
from pathlib import Path
from typing import Callable, TypeVar

import numpy as np

from vitrine.assets.progress import CancelToken, Cancelled, ProgressFn, report
from vitrine.assets.scan_errors import ScanError, ScanTooLarge, reason_of, scan_error
from vitrine.assets.formats.finite_check import non_finite_vertices
from vitrine.assets.formats.scan_formats import HEADER_BYTES, check_faces, format_for, sniff
from vitrine.assets.scan_model import Problem, Scan

__all__ = ["Scan", "Problem", "load_scan", "peek_counts", "DEFAULT_MAX_FACES"]

DEFAULT_MAX_FACES = 20_000_000
T = TypeVar("T")


def _guarded(path: Path, what: str, fn: Callable[[], T]) -> T:
    """Run ``fn`` turning any library exception into a one-line ScanError."""
    try:
        return fn()
    except (ScanError, Cancelled):
        raise
    except MemoryError:
        raise scan_error(path, "not enough memory to read this {format} file", format=what) from None
    except RecursionError:
        raise scan_error(path, "the {format} file is nested too deeply to read", format=what) from None
    except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything
        raise scan_error(path, "the {format} file could not be read ({reason})", format=what,
                         reason=reason_of(exc)) from None


def peek_counts(path: str | Path) -> dict:
    """Read only the header and return what it claims, without loading the geometry.

    Returns ``{'format', 'file_size', 'vertices', 'faces'}`` (counts are None
    when the format has no header counts, e.g. OBJ).  Raises ScanError when the
    header is malformed, the magic bytes show another file type, or the claimed
    counts cannot fit in the file's size.
    """
    path = Path(path)
    if not path.is_file():
        raise scan_error(path, "the file does not exist" if not path.exists() else "is not a file")
    fmt = format_for(path)
    size = path.stat().st_size
    if size == 0:
        raise scan_error(path, "the file is empty")
    with open(path, "rb") as fh:
        head = fh.read(HEADER_BYTES)
    sniff(path, fmt, head)
    counts = _guarded(path, fmt.name, lambda: fmt.peek(path, head, size))
    return {"format": fmt.name, "file_size": size, **counts}


def _too_large(path: Path, faces: int, max_faces: int, how: str) -> ScanTooLarge:
    template = {"the header claims": "the header claims {faces} faces, more than the limit of {limit}; "
                                     "import a simplified version instead",
                "the file holds": "the file holds {faces} faces, more than the limit of {limit}; "
                                  "import a simplified version instead"}[how]
    args = {"faces": f"{faces:,}", "limit": f"{max_faces:,}"}
    return ScanTooLarge(path, template.format(**args), claimed_faces=faces, max_faces=max_faces,
                        template=template, args=args)


def _mapped(path: Path) -> mmap.mmap | bytes:
    """A read-only map of ``path`` (bytes for an empty file, which cannot be mapped)."""
    with open(path, "rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:
            return fh.read()


def load_scan(path: str | Path, *, max_faces: int = DEFAULT_MAX_FACES, progress: ProgressFn | None = None,
              cancel: CancelToken | None = None) -> Scan:
    """Load a scan file (PLY, OBJ, STL, OFF, glTF/GLB) in its own units and axes.

    Raises ScanTooLarge when the header claims more than ``max_faces`` faces
    (before reading the body), ScanError for any bad input, Cancelled when
    ``cancel`` is set.
    """
    path = Path(path)
    report(progress, 0.0, f"Checking {path.name}", cancel)
    counts = peek_counts(path)
    fmt = format_for(path)
    if counts.get("faces") is not None and counts["faces"] > max_faces:
        raise _too_large(path, counts["faces"], max_faces, "the header claims")
    report(progress, 0.1, f"Reading {path.name}", cancel)
    # A GLB is mapped, not read: its embedded images (a 16k PNG is ~765 MiB) are then
    # decoded from the file without the file's bytes being held at the same time.
    data = _mapped(path) if fmt.name == "GLB" else path.read_bytes()
    if fmt.name == "OBJ":
        # bytes.count scans in C without building a list of matches.
        approx = data.count(b"\nf ") + data.count(b"\nf\t") + data.startswith(b"f ")
        if approx > max_faces:
            raise _too_large(path, approx, max_faces, "the file holds")
    bad = non_finite_vertices(fmt.name, data) if fmt.name in ("OBJ", "STL", "OFF") else None
    if bad is not None:  # trimesh would drop their faces silently
        raise scan_error(path, "{bad} of {count} vertices have NaN or infinite coordinates", bad=f"{bad[0]:,}",
                         count=f"{bad[1]:,}")
    report(progress, 0.2, f"Parsing {fmt.name}", cancel)
    try:
        scan = _guarded(path, fmt.name, lambda: fmt.load(path, data))
    finally:
        if isinstance(data, mmap.mmap):
            try:
                data.close()
            except BufferError:  # a view is still exported (an exception's traceback)
                pass
    del data
    report(progress, 0.9, "Validating", cancel)
    _validate(scan, max_faces)
    scan.file_size = counts["file_size"]
    report(progress, 1.0, f"Loaded {path.name}", cancel)
    return scan


def _validate(scan: Scan, max_faces: int) -> None:
    path = scan.path
    geom = scan.geometry
    if geom is None:
        raise scan_error(path, "the file holds no geometry")
    vertices = np.asarray(geom.vertices)
    if len(vertices) == 0:
        raise scan_error(path, "the file holds no vertices")
    finite = np.isfinite(vertices).all(axis=1)
    if not finite.all():
        bad = int(np.count_nonzero(~finite))
        raise scan_error(path, "{bad} of {count} vertices have NaN or infinite coordinates", bad=f"{bad:,}",
                         count=f"{len(vertices):,}")
    if scan.mesh is not None:
        faces = np.asarray(scan.mesh.faces)
        check_faces(path, faces, len(vertices))
        if len(faces) > max_faces:
            raise _too_large(path, len(faces), max_faces, "the file holds")
