"""The call site of the recipient mark: every published mesh level and point cloud is marked
(vitrine.exporters.tracing.recipient_mark.embed_mark) before compression, keyed by the museum secret."""
from __future__ import annotations

import dataclasses
from typing import Optional

import numpy as np

from vitrine.assets.formats.glb_arrays import MeshData
from vitrine.exporters.tracing.recipient_mark import embed_mark, mark_key


class Marker:
    """Marks the levels of one export (``export_id``) with a key derived from ``secret``."""

    def __init__(self, secret: bytes, export_id: str) -> None:
        self.key = mark_key(secret)
        self.export_id = export_id

    def apply(self, mesh: MeshData, artifact_id: str) -> MeshData:
        """The level with positions (n, 3) float32 metres displaced by the mark; faces (m, 3) or
        None for a point cloud. Everything else (normals, colours, UVs, texture) is kept."""
        faces: Optional[np.ndarray] = None if mesh.triangles is None else np.asarray(mesh.triangles)
        positions = embed_mark(np.asarray(mesh.positions, dtype=np.float32), faces, key=self.key,
                               export_id=self.export_id, artifact_id=artifact_id)
        return dataclasses.replace(mesh, positions=np.asarray(positions, dtype=np.float32))


def marker_for(secret: bytes, export_id: str) -> Marker:
    """The export's marker."""
    return Marker(secret, export_id)
