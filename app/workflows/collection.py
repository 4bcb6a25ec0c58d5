"""A prepared collection: a content-addressed folder that batch preparation fills and that
projects take prepared scans from without reprocessing them.

    COLLECTION/catalogue.json        one entry per source scan (see :func:`entry_for`)
    COLLECTION/originals/<sha256>.<ext>   the scan as received, byte-identical
    COLLECTION/levels/<sha256>.glb   prepared levels of detail (metres, +Y up)

Files are written before the catalogue names them, each atomically, and the catalogue is
replaced atomically after every scan, so a killed batch loses at most the scans in flight.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from vitrine.scenes.storage.atomic_files import atomic_copy, atomic_write
from vitrine.scenes.exhibit_model import ProcessingStep
from vitrine.scenes.storage.project_store import Project, sha256_file

from .project_import import ImportResult, PreparedLevel, PreparedScan, store_prepared

CATALOGUE = "catalogue.json"
FORMAT = "vitrine-collection"
VERSION = 1
MAX_CATALOGUE_BYTES = 256 << 20


class CollectionError(Exception):
    """A collection that cannot be used as asked; the message is one line naming the file."""


@dataclass
class Collection:
    """The folder and its catalogue entries, keyed by source path (a string)."""

    path: Path
    entries: dict[str, dict[str, Any]]

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> "Collection":
        path = Path(path)
        cat = path / CATALOGUE
        if not cat.is_file():
            if create and (not path.exists() or (path.is_dir() and not any(path.iterdir()))):
                path.mkdir(parents=True, exist_ok=True)
                return cls(path, {})
            if create:
                raise CollectionError(f"{path}: exists and is not a Vitrine collection; choose an empty or new folder")
            raise CollectionError(f"{cat}: no such collection catalogue")
        if cat.stat().st_size > MAX_CATALOGUE_BYTES:
            raise CollectionError(f"{cat}: over {MAX_CATALOGUE_BYTES >> 20} MB, not a catalogue")
        try:
            data = json.loads(cat.read_text("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CollectionError(f"{cat}: not a readable catalogue ({exc.__class__.__name__})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), list):
            raise CollectionError(f"{cat}: not a Vitrine collection catalogue")
        if data.get("version") != VERSION:
            raise CollectionError(f"{cat}: catalogue version {data.get('version')!r}; this Vitrine reads {VERSION}")
        entries = {e["source"]: e for e in data["entries"] if isinstance(e, dict) and isinstance(e.get("source"), str)}
        return cls(path, entries)

    def save(self) -> None:
        ordered = [self.entries[k] for k in sorted(self.entries)]
        text = json.dumps({"format": FORMAT, "version": VERSION, "entries": ordered}, indent=1, ensure_ascii=False)
        atomic_write(self.path / CATALOGUE, (text + "\n").encode("utf-8"))

    # --- writing ------------------------------------------------------------------------------
    def is_prepared(self, source: str, sha256: str) -> bool:
        """True when ``source`` with this content is prepared and all its files are present."""
        entry = self.entries.get(source)
        if not entry or entry.get("status") != "prepared" or entry.get("asset_id") != sha256:
            return False
        return all((self.path / lv["file"]).is_file() for lv in entry.get("levels", [])) and \
            (self.path / entry.get("original", "")).is_file()

    def record_prepared(self, source: Path, result: dict[str, Any]) -> dict[str, Any]:
        """Store a task's prepared levels and the original, then its catalogue entry."""
        scan = result["scan"]
        for sha, glb in result["levels"].items():
            if hashlib.sha256(glb).hexdigest() != sha:
                raise CollectionError(f"{source}: a worker returned a level whose bytes do not match its hash")
            target = self.path / "levels" / f"{sha}.glb"
            if not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(target, glb)
        ext = source.suffix.lower().lstrip(".")
        original = f"originals/{scan['asset_id']}.{ext}"
        if not (self.path / original).is_file():
            (self.path / "originals").mkdir(parents=True, exist_ok=True)
            atomic_copy(source, self.path / original)
        entry = entry_for(source, "prepared", scan=scan, original=original)
        self.entries[str(source)] = entry
        self.save()
        return entry

    def record_failed(self, source: Path, sha256: str, error: str) -> dict[str, Any]:
        entry = entry_for(source, "failed", error=error, sha256=sha256)
        self.entries[str(source)] = entry
        self.save()
        return entry

    # --- reading ------------------------------------------------------------------------------
    def find(self, asset_id: str) -> dict[str, Any]:
        """The prepared entry whose asset id is ``asset_id`` or starts with it (8+ characters)."""
        wanted = asset_id.strip().lower()
        if len(wanted) < 8:
            raise CollectionError(f"{asset_id}: give at least 8 characters of the asset id")
        hits = {e["asset_id"]: e for e in self.entries.values()
                if e.get("status") == "prepared" and str(e.get("asset_id", "")).startswith(wanted)}
        if not hits:
            raise CollectionError(f"{self.path}: no prepared scan with asset id {asset_id}")
        if len(hits) > 1:
            raise CollectionError(f"{asset_id}: matches {len(hits)} scans; give more of the asset id")
        return next(iter(hits.values()))

    def prepared_scan(self, entry: dict[str, Any]) -> tuple[PreparedScan, Path]:
        """The entry's scan as prepared, with every file checked against its hash; and the
        path of its original. CollectionError names the first file that does not match."""
        original = self._checked(entry["original"], entry["asset_id"])
        levels = []
        for lv in entry["levels"]:
            data = self._checked(lv["file"], lv["sha256"]).read_bytes()
            if hashlib.sha256(data).hexdigest() != lv["sha256"]:  # changed between check and read
                raise CollectionError(f"{self.path / lv['file']}: does not match the catalogue")
            levels.append(PreparedLevel(lv["name"], data, lv["sha256"], int(lv["faces"]), int(lv["points"]),
                                        lv.get("texture_size")))
        steps = [ProcessingStep(**{k: s[k] for k in ProcessingStep.__dataclass_fields__ if k in s})
                 for s in entry.get("processing", [])]
        prepared = PreparedScan(source_name=entry["name"], format=entry["format"], kind=entry["kind"],
                                original_sha256=entry["asset_id"], units=entry["units"], up_axis=entry["up_axis"],
                                dimensions=tuple(float(v) for v in entry["dimensions"]),
                                inspection=entry.get("inspection", {}), levels=levels, processing=steps,
                                warnings=[])
        return prepared, original

    def _checked(self, rel: str, sha256: str) -> Path:
        path = (self.path / rel).resolve()
        if not path.is_relative_to(self.path.resolve()):
            raise CollectionError(f"{self.path / CATALOGUE}: {rel!r} leaves the collection folder")
        if not path.is_file():
            raise CollectionError(f"{path}: missing from the collection")
        if sha256_file(path) != sha256:
            raise CollectionError(f"{path}: does not match the catalogue (changed or damaged)")
        return path


def entry_for(source: Path, status: str, *, scan: Optional[dict] = None, original: str = "",
              error: str = "", sha256: str = "") -> dict[str, Any]:
    """One catalogue entry: source, status ('prepared'|'failed'), a one-line error, asset_id
    (the original's SHA-256), an inspection summary and the levels (name, file, sha256, faces)."""
    if scan is None:
        return {"source": str(source), "status": status, "error": error, "asset_id": sha256,
                "name": source.name, "format": source.suffix.lower().lstrip("."), "file_size": _size(source),
                "summary": {}, "levels": []}
    insp = scan["inspection"]
    summary = {"faces": insp.get("faces", 0), "vertices": insp.get("vertices", 0), "points": insp.get("points", 0),
               "units": scan["units"], "up_axis": scan["up_axis"],
               "problems": [p.get("message", str(p)) if isinstance(p, dict) else str(p)
                            for p in insp.get("problems", [])]}
    return {"source": str(source), "status": status, "error": "", "asset_id": scan["asset_id"],
            "name": scan["name"], "format": scan["format"], "kind": scan["kind"], "file_size": _size(source),
            "summary": summary, "original": original, "units": scan["units"], "up_axis": scan["up_axis"],
            "dimensions": scan["dimensions"], "inspection": insp, "processing": scan["processing"],
            "warnings": scan["warnings"],
            "levels": [{**lv, "file": f"levels/{lv['sha256']}.glb"} for lv in scan["levels"]]}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def add_from_collection(project: Project, collection: Collection, asset_id: str, *,
                        name: Optional[str] = None) -> ImportResult:
    """The command that adds a prepared scan of ``collection`` to ``project``: no reprocessing,
    every file checked against the catalogue's hashes first."""
    entry = collection.find(asset_id)
    prepared, original = collection.prepared_scan(entry)
    return store_prepared(project, prepared, original, name=name)
