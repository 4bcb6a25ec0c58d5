"""Finding the scans of a collection in folders, and the companion files each one needs.

A scan is a file in one of the formats Vitrine reads (PLY, STL, OFF, OBJ, GLB, glTF).
Companions (an OBJ's .mtl and textures, a glTF's .bin and images) are not scans: they travel
with the scan that names them, so a task can prepare it anywhere, with no shared storage.
"""
from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

from vitrine.assets.formats.scan_formats import BY_EXTENSION
from vitrine.assets.formats.mtl_options import texture_file_name

SCAN_EXTENSIONS = frozenset(BY_EXTENSION)
_MTL_MAPS = ("map_kd", "map_ka", "map_ks", "map_ns", "map_d", "map_bump", "bump", "disp", "decal", "norm",
             "map_pr", "map_pm", "map_ke", "refl")
COMPANION_LIMIT = 64  # files one scan may bring along; more is not a scan export


def find_scans(sources: list[Path]) -> tuple[list[Path], list[str]]:
    """(scans found, problems): files given directly are taken if their extension is a scan
    format; folders are searched recursively (hidden folders skipped). Scans are returned
    sorted and without duplicates; a problem line for each source that is neither."""
    found: set[Path] = set()
    problems: list[str] = []
    for source in sources:
        if source.is_file():
            if source.suffix.lower() in SCAN_EXTENSIONS:
                found.add(source.resolve())
            else:
                problems.append(f"{source}: not a scan format ({', '.join(sorted(SCAN_EXTENSIONS))})")
        elif source.is_dir():
            for root, dirs, files in os.walk(source):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in SCAN_EXTENSIONS and not name.startswith("."):
                        path = Path(root) / name
                        if path.is_file():
                            found.add(path.resolve())
                        else:  # a FIFO or device would block the batch forever when hashed
                            problems.append(f"{path}: not a regular file; skipped")
        elif source.exists():
            problems.append(f"{source}: not a regular file; skipped")
        else:
            problems.append(f"{source}: no such file or folder")
    return sorted(found), problems


def companions(scan: Path) -> list[Path]:
    """Files inside the scan's folder that the scan refers to (existing ones only). References
    that leave the folder are not followed: the loader then reports them missing."""
    suffix = scan.suffix.lower()
    try:
        if suffix == ".obj":
            names = _obj_references(scan)
        elif suffix == ".gltf":
            names = _gltf_references(scan)
        else:
            return []
    except (OSError, ValueError):
        return []  # the loader gives the real reason
    folder = scan.parent.resolve()
    out: list[Path] = []
    for name in names:
        path = (folder / name).resolve()
        if path.is_file() and path.is_relative_to(folder) and path != scan.resolve() and path not in out:
            out.append(path)
        if len(out) >= COMPANION_LIMIT:
            break
    return out


def _obj_references(scan: Path) -> list[str]:
    names: list[str] = []
    with open(scan, "rb") as fh:
        for raw in fh:
            if raw[:6].lower() == b"mtllib":
                names.extend(_split(raw[6:].decode("utf-8", "replace")))
    textures: list[str] = []
    for mtl in names:
        path = scan.parent / mtl
        if not path.is_file() or path.stat().st_size > 16 << 20:
            continue
        for line in path.read_text("utf-8", "replace").splitlines():
            parts = line.strip().split(None, 1)
            if len(parts) == 2 and parts[0].lower() in _MTL_MAPS:
                # options such as "-bm 1.0" come first; the name is the rest, spaces included
                # (as the loader reads it), else (quoted) the last token
                textures.append(texture_file_name(parts[1]))
                tokens = _split(parts[1])
                if tokens:
                    textures.append(tokens[-1])
    return names + textures


def _gltf_references(scan: Path) -> list[str]:
    if scan.stat().st_size > 64 << 20:
        return []
    doc = json.loads(scan.read_text("utf-8"))
    uris = [item.get("uri") for key in ("buffers", "images") for item in doc.get(key, []) if isinstance(item, dict)]
    from urllib.parse import unquote
    return [unquote(u) for u in uris if isinstance(u, str) and u and not u.startswith("data:")]


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text.replace("\\", "/"))
    except ValueError:
        return text.split()
