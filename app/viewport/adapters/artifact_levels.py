"""Levels of detail of the artifacts' assets on the GPU: uploading them, and streaming finer
levels in from a worker thread. Owned by the artifact adapter.

First frame after an import: nothing of the asset is on the GPU yet, so its *coarsest*
stored level is prepared and uploaded synchronously (small, a few ms) and drawn at once,
while the level the LOD policy wants is prepared (normals, packing, vertex-cache order)
in the loader thread and uploaded when it arrives.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Optional

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..gpu import GeometryData, MeshBuffers, prepare_geometry

# primitives; a level above this loads in the worker thread (unless nothing else of the
# asset is there to draw meanwhile). Preparing ~60k faces costs ~20 ms on the UI thread.
SYNC_LOAD_LIMIT = 60_000

Key = tuple[str, str]   # (asset_id, level name)


class _Mailbox(QObject):
    """Carries prepared geometry from the loader thread to the UI thread (queued signal)."""

    ready = Signal(object, object)


class LevelStore:
    """Uploaded meshes by (asset_id, level), prepared ones waiting for upload, and the
    assets' local bounds. Deletions wait until the context is current (``collect``)."""

    def __init__(self, session: Any, request_update: Callable[[], None]) -> None:
        self.session = session
        self._request_update = request_update
        self.meshes: dict[Key, MeshBuffers] = {}
        self.prepared: dict[Key, GeometryData] = {}
        self.doomed: list[MeshBuffers] = []
        self.loading: set[Key] = set()
        self.bounds: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._executor: Optional[ThreadPoolExecutor] = None
        self._mailbox = _Mailbox()
        self._mailbox.ready.connect(self._on_ready)

    # ------------------------------------------------------------------ forgetting
    def drop_asset(self, asset_id: Optional[str] = None) -> None:
        """Forget one asset's levels and bounds (all assets with None)."""
        for key in [k for k in self.meshes if asset_id is None or k[0] == asset_id]:
            self.doomed.append(self.meshes.pop(key))
        for key in [k for k in self.prepared if asset_id is None or k[0] == asset_id]:
            del self.prepared[key]
        if asset_id is None:
            self.bounds.clear()
        else:
            self.bounds.pop(asset_id, None)

    def release_unused(self, used: set[str]) -> None:
        for asset_id in {k[0] for k in self.meshes} - used:
            self.drop_asset(asset_id)

    def collect(self) -> None:
        """Delete the buffers of forgotten levels (context current)."""
        for mb in self.doomed:
            mb.delete()
        self.doomed.clear()

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    # ------------------------------------------------------------------ bounds
    def local_bounds(self, asset_id: str) -> Optional[tuple[np.ndarray, np.ndarray]]:
        """(min (3,), max (3,)) of an asset in its own frame (m), from its coarsest loaded level."""
        if asset_id in self.bounds:
            return self.bounds[asset_id]
        for key, mb in list(self.meshes.items()) + list(self.prepared.items()):
            if key[0] == asset_id:
                b = (np.array(mb.bounds_min), np.array(mb.bounds_max))
                self.bounds[asset_id] = b
                return b
        for level in self.session.available_levels(asset_id):
            geom = self.session.geometry(asset_id, level)
            if geom is not None and len(geom.vertices):
                b = (np.asarray(geom.vertices.min(axis=0), float), np.asarray(geom.vertices.max(axis=0), float))
                self.bounds[asset_id] = b
                return b
        return None

    # ------------------------------------------------------------------ uploads
    def buffers_for(self, asset_id: str, levels: list[tuple[str, int]], idx: int) -> Optional[MeshBuffers]:
        """The uploaded buffers for levels[idx], loading it (now or in the background);
        meanwhile the nearest uploaded level of the same asset."""
        name, count = levels[idx]
        key = (asset_id, name)
        mb = self.meshes.get(key)
        if mb is not None:
            return mb
        data = self.prepared.pop(key, None)
        have_any = any(k[0] == asset_id for k in self.meshes)
        if data is None and key not in self.loading:
            if count <= SYNC_LOAD_LIMIT or not have_any:
                if not have_any and count > SYNC_LOAD_LIMIT:
                    # show the coarsest level now, fetch the wanted one in the background
                    coarse = self._load_now((asset_id, levels[0][0]))
                    self._load_async(key)
                    return coarse
                data = self._prepare(key)
            else:
                self._load_async(key)
        if data is not None:
            mb = self.meshes[key] = MeshBuffers(data)
            self.bounds.setdefault(asset_id, (np.array(data.bounds_min), np.array(data.bounds_max)))
            return mb
        # nearest uploaded level, preferring coarser ones
        order = sorted(range(len(levels)), key=lambda i: (abs(i - idx), i > idx))
        for i in order:
            mb = self.meshes.get((asset_id, levels[i][0]))
            if mb is not None:
                return mb
        return None

    def level_of(self, asset_id: str, levels: list[tuple[str, int]], mb: MeshBuffers) -> str:
        """The name of the level whose buffers ``mb`` are."""
        return next(n for n, _ in levels if self.meshes.get((asset_id, n)) is mb)

    def _load_now(self, key: Key) -> Optional[MeshBuffers]:
        mb = self.meshes.get(key)
        if mb is None:
            data = self.prepared.pop(key, None) or self._prepare(key)
            if data is None:
                return None
            mb = self.meshes[key] = MeshBuffers(data)
        return mb

    def _prepare(self, key: Key) -> Optional[GeometryData]:
        geom = self.session.geometry(*key)
        if geom is None or not len(getattr(geom, "vertices", ())):
            return None
        return prepare_geometry(geom)

    def _load_async(self, key: Key) -> None:
        if key in self.loading:
            return
        self.loading.add(key)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="viewport-load")
        signal = self._mailbox.ready

        def job() -> None:
            try:
                data = self._prepare(key)
            except Exception:  # a level that cannot be read is drawn from another one
                data = None
            try:
                signal.emit(key, data)
            except RuntimeError:  # the viewport (and its mailbox) is gone
                pass
        self._executor.submit(job)

    def _on_ready(self, key: Key, data: Optional[GeometryData]) -> None:
        self.loading.discard(key)
        if data is not None:
            doc = self.session.document
            if doc is not None and doc.asset(key[0]) is not None:
                self.prepared[key] = data
        try:
            self._request_update()
        except RuntimeError:  # arrived after the viewport's window was deleted: nothing to draw
            pass
