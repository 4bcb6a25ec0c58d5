"""``vitrine trace``: which export (and so which recipient) a suspect model came from.

1. Load the suspect with the scan loader (any supported format; a bundle's meshopt GLB too).
2. For each artifact of the project, align the suspect to its finest stored level
   (:func:`align_suspect` finds rotation, uniform scale and translation) and choose the artifact
   with the smallest residual below :data:`ALIGN_RESIDUAL_MAX` (a fraction of the diagonal);
   that transform serves every level of the artifact.
3. For every register entry that published that artifact, and each level it published, score the
   recipient's mark (:func:`mark_statistic`, keyed by the secret of the key that signed the entry).
   Residuals are summed per cell once per level (suspect_cells), then scored per export
   (score_cells). The best z wins; its false-match probability is ``candidates * exp(-z^2 / 2)`` (a union bound
   over every export and level tried); a match needs at most :data:`MATCH_PROBABILITY_MAX` (1e-6).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import numpy as np

from vitrine.assets.formats.glb_arrays import read_glb_arrays
from vitrine.assets.levels.level_table import LEVEL_ORDER, level_rank
from vitrine.assets.levels.meshopt_glb import read_compressed_glb, uses_meshopt
from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan
from vitrine.scenes.exhibit_model import Artifact, AssetLevel
from vitrine.scenes.storage.project_store import Project

from vitrine.exporters.errors import ExportError
from vitrine.exporters.publication.museum_secret import known_fingerprints, museum_secret
from vitrine.exporters.publication.register import verify_register
from .recipient_mark import ReferenceSurface, mark_key, score_cells, suspect_cells
from .suspect_alignment import align_suspect

MATCH_PROBABILITY_MAX = 1e-6
ALIGN_RESIDUAL_MAX = 0.01  # RMS distance to the surface / bounding-box diagonal of the reference


class SuspectError(Exception):
    """The suspect file cannot be read: one line naming the file and the reason."""


@dataclass
class TraceResult:
    """What tracing found. ``confidence`` is the false-match probability (lower is surer)."""

    match: bool = False
    recipient: Optional[str] = None
    export_id: Optional[str] = None
    exported_at: Optional[str] = None
    profile: Optional[str] = None
    artifact_id: Optional[str] = None
    artifact_name: Optional[str] = None
    level: Optional[str] = None
    confidence: Optional[float] = None
    z: Optional[float] = None
    candidates: int = 0
    residual: Optional[float] = None
    reason: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"match": self.match, "recipient": self.recipient, "export_id": self.export_id,
                "exported_at": self.exported_at, "artifact_id": self.artifact_id, "confidence": self.confidence,
                "artifact_name": self.artifact_name, "profile": self.profile, "level": self.level, "z": self.z,
                "candidates": self.candidates, "alignment_residual": self.residual,
                "threshold": MATCH_PROBABILITY_MAX, "reason": self.reason, "warnings": self.warnings}

    def lines(self) -> list[str]:
        out = [f"warning: {w}" for w in self.warnings]
        if self.match:
            out.append(f"match: exported to {self.recipient or '(no recipient named)'} on {self.exported_at} "
                       f"(export id {self.export_id}, profile {self.profile})")
            out.append(f"artifact: {self.artifact_name} ({self.artifact_id}), level {self.level}")
            out.append(f"false-match probability {self.confidence:.1e} (z = {self.z:.1f}, "
                       f"{self.candidates} candidates; a match needs <= {MATCH_PROBABILITY_MAX:g})")
        else:
            out.append(f"no match: {self.reason}")
        return out


def load_suspect_points(path: Path) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """The suspect's vertex positions (n, 3) float64 in file units and its faces (m, 3) or None."""
    path = Path(path)
    try:
        head = path.read_bytes() if path.is_file() and path.suffix.lower() == ".glb" else b""
    except OSError as exc:
        raise SuspectError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if uses_meshopt(head):  # straight out of a bundle: the scan loader does not decode meshopt
        try:
            mesh = read_compressed_glb(path)
        except ScanError as exc:
            raise SuspectError(str(exc)) from None
        if len(mesh.positions) < 3:
            raise SuspectError(f"{path}: holds {len(mesh.positions)} points, too few to trace")
        return np.asarray(mesh.positions, dtype=np.float64), mesh.triangles
    try:
        scan = load_scan(path)
    except ScanError as exc:
        raise SuspectError(str(exc)) from None
    geometry = scan.geometry
    positions = np.asarray(geometry.vertices, dtype=np.float64)
    if len(positions) < 3:
        raise SuspectError(f"{path}: holds {len(positions)} points, too few to trace")
    faces = np.asarray(scan.mesh.faces) if scan.mesh is not None and len(scan.mesh.faces) else None
    return positions, faces


def _reference(project: Project, level: AssetLevel, cache: dict[str, ReferenceSurface]) -> ReferenceSurface:
    if level.sha256 not in cache:
        mesh = read_glb_arrays(project.resolve(level.file))
        cache[level.sha256] = ReferenceSurface.from_mesh(np.asarray(mesh.positions, dtype=np.float64),
                                                         None if mesh.triangles is None else np.asarray(mesh.triangles))
    return cache[level.sha256]


def _transform(points: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    return points @ matrix[:3, :3].T + matrix[:3, 3]


def _finest(levels: list[AssetLevel]) -> AssetLevel:
    return max(levels, key=lambda lv: level_rank(lv.level) if lv.level in LEVEL_ORDER else -1)


def _choose_artifact(project: Project, points: np.ndarray,
                     cache: dict) -> tuple[Optional[Artifact], float, Optional[np.ndarray]]:
    """The artifact the suspect aligns with best, that residual, and the transform (4, 4) onto its
    finest stored level. Every stored level is in the same frame and a simplified level keeps its
    vertices where the finest level has them, so this one precise alignment serves every level
    (aligning costs about the same whatever the reference's size)."""
    assets = {a.id: a for a in project.document.exhibit.assets}
    best: tuple[Optional[Artifact], float, Optional[np.ndarray]] = (None, math.inf, None)
    seen: dict[str, tuple[float, np.ndarray]] = {}
    for art in project.document.exhibit.artifacts:
        asset = assets.get(art.asset_id)
        if asset is None or not asset.levels:
            continue
        if asset.id not in seen:  # duplicated artifacts share a scan: align once
            alignment = align_suspect(points, _reference(project, _finest(asset.levels), cache))
            residual = float(alignment.residual_rms_fraction)
            seen[asset.id] = (residual if math.isfinite(residual) else math.inf,  # inf: no overlap at all
                              np.asarray(alignment.transform, dtype=np.float64))
        if best[0] is None or seen[asset.id][0] < best[1]:
            best = (art, *seen[asset.id])
    return best


def trace_suspect(project: Project, suspect: Path) -> TraceResult:
    """Trace ``suspect`` against ``project``'s register; SuspectError for an unreadable file."""
    points, _faces = load_suspect_points(suspect)
    result = TraceResult()
    register = verify_register(project.path, known_fingerprints())
    if register.problem:
        result.warnings.append(f"publications.jsonl {register.problem}; entries after it were not used")
    cache: dict[str, ReferenceSurface] = {}
    try:
        art, residual, transform = _choose_artifact(project, points, cache)
    except ValueError as exc:  # e.g. no finite coordinates to align
        raise SuspectError(f"{suspect}: cannot be aligned ({exc})") from None
    result.residual = residual if art is not None and math.isfinite(residual) else None
    if art is None or residual > ALIGN_RESIDUAL_MAX:
        fit = f"best alignment residual {residual:.2%} of the diagonal" if math.isfinite(residual) else "no overlap"
        result.reason = (f"the suspect is none of this project's artifacts ({fit}, limit {ALIGN_RESIDUAL_MAX:.0%})"
                         if art is not None else
                         "the project has no artifacts with stored levels")
        return result
    result.artifact_id, result.artifact_name = art.id, art.name
    levels = {lv.sha256: lv for a in project.document.exhibit.assets if a.id == art.asset_id for lv in a.levels}
    aligned = _transform(points, transform)
    keys: dict[str, bytes] = {}
    sums_of: dict[tuple[str, str], Any] = {}
    best: tuple[float, Optional[dict], Optional[str]] = (-math.inf, None, None)
    for entry in register.entries:
        published = next((a for a in entry["artifacts"] if a.get("artifact_id") == art.id), None)
        if published is None:
            continue
        fingerprint = entry["key_fingerprint"]
        if fingerprint not in keys:
            try:
                keys[fingerprint] = mark_key(museum_secret(fingerprint))
            except ExportError as exc:
                result.warnings.append(str(exc))
                keys[fingerprint] = b""
        if not keys[fingerprint]:
            continue
        for pub_level in published.get("levels", []):
            level = levels.get(pub_level.get("asset_sha256"))
            if level is None:
                continue
            if (level.sha256, fingerprint) not in sums_of:  # residuals per cell: once per level and key
                sums_of[level.sha256, fingerprint] = suspect_cells(aligned, _reference(project, level, cache),
                                                                   key=keys[fingerprint], artifact_id=art.id)
            sums = sums_of[level.sha256, fingerprint]
            score = score_cells(sums, key=keys[fingerprint], export_id=entry["export_id"], artifact_id=art.id)
            result.candidates += 1
            if float(score.z) > best[0]:
                best = (float(score.z), entry, level.level)
    z, entry, level_name = best
    if entry is None:
        result.reason = f"no export in the register published '{art.name}' ({art.id})"
        return result
    result.z = z
    result.confidence = min(1.0, result.candidates * math.exp(-z * z / 2)) if z > 0 else 1.0
    if result.confidence > MATCH_PROBABILITY_MAX:
        result.reason = (f"the suspect is '{art.name}' but carries no recipient's mark of this museum "
                         f"(best false-match probability {result.confidence:.1e}, a match needs <= "
                         f"{MATCH_PROBABILITY_MAX:g})")
        return result
    result.match = True
    result.recipient, result.export_id = entry["recipient"], entry["export_id"]
    result.exported_at, result.profile, result.level = entry["exported_at"], entry["profile"], level_name
    return result
