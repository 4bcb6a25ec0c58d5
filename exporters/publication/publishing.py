"""Per-export publication bookkeeping for the bundle writer: the levels each artifact may
publish, the export's one-line summaries, the viewer's download offers, and the register entry."""
from __future__ import annotations

import datetime as _dt
import hashlib
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from vitrine.assets.levels.level_table import level_rank
from vitrine.scenes.exhibit_model import Artifact, AssetLevel, Exhibit

from vitrine.exporters.export_messages import ExportMessage
from .policy import ArtifactPolicy, artifact_policy, publishable_levels, rights_allow_reuse


def _coarse_to_fine(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(entries, key=lambda e: level_rank(e["level"]))


def new_export_id() -> str:
    """A random 128-bit export id, 32 lowercase hex digits."""
    return secrets.token_hex(16)


def utc_iso(created: str) -> str:
    """``2026-12-04T15:00:00Z`` from an ISO time with offset."""
    t = _dt.datetime.fromisoformat(created).astimezone(_dt.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Publication:
    """What one export publishes: its id, recipient, cap, and per artifact the policy and entries."""

    export_id: str
    recipient: str = ""
    export_cap: Optional[str] = None
    policies: dict[str, ArtifactPolicy] = field(default_factory=dict)
    published: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # artifact id -> level entries
    marked: bool = False

    def allowed_levels(self, artifact: Artifact, levels: list[AssetLevel]) -> list[AssetLevel]:
        """The stored levels the artifact's policy lets this export publish (remembers the policy)."""
        policy = artifact_policy(artifact, self.export_cap)
        self.policies[artifact.id] = policy
        return publishable_levels(levels, policy.max_level)

    def record(self, artifact_id: str, level: AssetLevel, entry: dict[str, Any], texture: Optional[int]) -> None:
        self.published.setdefault(artifact_id, []).append(
            {"level": level.level, "asset_sha256": level.sha256, "faces": entry["faces"],
             "points": entry["points"], "texture": texture, "bundle_file": entry["file"],
             "bundle_sha256": entry["sha256"]})

    def summary_lines(self, exhibit: Exhibit) -> list[str]:
        """One line per artifact: levels, finest faces/points, texture side, and the mark."""
        lines = []
        for art in exhibit.artifacts:
            levels = _coarse_to_fine(self.published.get(art.id, []))
            if not levels:
                continue
            finest = levels[-1]
            # each phrase an ExportMessage so that the editor can show the line in its language
            size = (ExportMessage("{count} points", count=f"{finest['points']:,}") if finest["points"]
                    else ExportMessage("{count} faces", count=f"{finest['faces']:,}"))
            textures = [lv["texture"] for lv in levels if lv["texture"]]
            tex = (ExportMessage("textures up to {size} px", size=max(textures)) if textures
                   else ExportMessage("no texture"))
            policy = self.policies[art.id]
            mark = (ExportMessage("marked for {recipient}", recipient=self.recipient) if self.marked and self.recipient
                    else ExportMessage("marked for (no recipient named)") if self.marked
                    else ExportMessage("NOT marked"))
            lines.append(ExportMessage("{name}: {levels} (finest: {size}, {texture}; limit {limit} by {source}); {mark}",
                                       name=art.name or art.id, levels=", ".join(lv["level"] for lv in levels),
                                       size=size, texture=tex, limit=policy.max_level, source=policy.source,
                                       mark=mark))
        return lines

    def downloads(self, exhibit: Exhibit, models: dict[str, list[dict]]) -> dict[str, dict[str, Any]]:
        """artifact id -> the viewer's download offer (the finest published GLB), only where the
        model's rights allow reuse and the curator did not withhold it."""
        out = {}
        for art in exhibit.artifacts:
            policy = self.policies.get(art.id)
            entries = _coarse_to_fine(models.get(art.id, []))
            if not entries or not policy or not policy.allow_download:
                continue
            finest = entries[-1]
            out[art.id] = {"file": finest["file"], "level": finest["level"], "bytes": finest["bytes"],
                           "format": "glb", "license": art.rights.model.statement_uri}
        return out

    def register_fields(self, exhibit: Exhibit, profile: str, created: str, manifest: Path) -> dict[str, Any]:
        """The register entry's content (register.append_entry adds key, chain and signature)."""
        return {"export_id": self.export_id, "recipient": self.recipient, "profile": profile,
                "exported_at": utc_iso(created),
                "manifest_sha256": hashlib.sha256(manifest.read_bytes()).hexdigest(),
                "artifacts": [{"artifact_id": a.id, "name": a.name, "levels": self.published[a.id]}
                              for a in exhibit.artifacts if a.id in self.published]}


__all__ = ["Publication", "new_export_id", "rights_allow_reuse", "utc_iso"]
