"""Levels of detail on the GPU for ``ViewportWidget`` (a mixin): which level each artifact
draws, uploading it, and streaming finer levels in from a worker thread.

First frame after an import: nothing of the asset is on the GPU yet, so its *coarsest*
stored level is prepared and uploaded synchronously (small, a few ms) and drawn at once,
while the level the LOD policy wants is prepared (normals, packing, vertex-cache order)
in the loader thread and uploaded when it arrives.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional

import numpy as np

from .gpu import GeometryData, MeshBuffers, prepare_geometry
from .lod import SCENE_MOTION_BUDGET, fit_scene_budget

# primitives; a level above this loads in the worker thread (unless nothing else of the
# asset is there to draw meanwhile). Preparing ~60k faces costs ~20 ms on the UI thread.
SYNC_LOAD_LIMIT = 60_000


class GpuCache:
    """Uploaded meshes by (asset_id, level); deletions wait until the context is current."""

    def __init__(self) -> None:
        self.meshes: dict[tuple[str, str], MeshBuffers] = {}
        self.prepared: dict[tuple[str, str], GeometryData] = {}
        self.doomed: list[MeshBuffers] = []

    def drop_asset(self, asset_id: Optional[str] = None) -> None:
        for key in [k for k in self.meshes if asset_id is None or k[0] == asset_id]:
            self.doomed.append(self.meshes.pop(key))
        for key in [k for k in self.prepared if asset_id is None or k[0] == asset_id]:
            del self.prepared[key]

    def collect(self) -> None:
        for mb in self.doomed:
            mb.delete()
        self.doomed.clear()


class LevelLoaderMixin:
    """Per-artifact level choice and (a)synchronous uploads for ``ViewportWidget``."""

    _executor: Optional[ThreadPoolExecutor]

    def _artifact_draw_list(self, exhibit) -> list[tuple[Any, MeshBuffers]]:
        """Choose a level per visible artifact and return what to draw (uploading as needed)."""
        wanted: dict[str, tuple[Any, int, list[tuple[str, int]]]] = {}
        for art in exhibit.artifacts:
            if not art.visible:
                continue
            levels = self._levels(art)
            if not levels:
                continue
            name = self.choose_level_for(art)
            idx = [n for n, _ in levels].index(name) if name in [n for n, _ in levels] else 0
            wanted[art.id] = (art, idx, levels)
        if self._moving and len(wanted) > 1:
            fitted = fit_scene_budget({k: (v[1], v[2]) for k, v in wanted.items()}, SCENE_MOTION_BUDGET)
            wanted = {k: (v[0], fitted[k], v[2]) for k, v in wanted.items()}
        out = []
        for art, idx, levels in wanted.values():
            mb = self._buffers_for(art.asset_id, levels, idx)
            if mb is not None:
                self._drawn_level[art.id] = next(n for n, _ in levels if (art.asset_id, n) in self._gpu.meshes
                                                 and self._gpu.meshes[(art.asset_id, n)] is mb)
                out.append((art, mb))
        return out

    def _buffers_for(self, asset_id: str, levels: list[tuple[str, int]], idx: int) -> Optional[MeshBuffers]:
        """The uploaded buffers for levels[idx], loading it (now or in the background);
        meanwhile the nearest uploaded level of the same asset."""
        name, count = levels[idx]
        key = (asset_id, name)
        mb = self._gpu.meshes.get(key)
        if mb is not None:
            return mb
        data = self._gpu.prepared.pop(key, None)
        have_any = any(k[0] == asset_id for k in self._gpu.meshes)
        if data is None and key not in self._loading:
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
            mb = self._gpu.meshes[key] = MeshBuffers(data)
            self._local_bounds.setdefault(asset_id, (np.array(data.bounds_min), np.array(data.bounds_max)))
            return mb
        # nearest uploaded level, preferring coarser ones
        order = sorted(range(len(levels)), key=lambda i: (abs(i - idx), i > idx))
        for i in order:
            mb = self._gpu.meshes.get((asset_id, levels[i][0]))
            if mb is not None:
                return mb
        return None

    def _load_now(self, key: tuple[str, str]) -> Optional[MeshBuffers]:
        mb = self._gpu.meshes.get(key)
        if mb is None:
            data = self._gpu.prepared.pop(key, None) or self._prepare(key)
            if data is None:
                return None
            mb = self._gpu.meshes[key] = MeshBuffers(data)
        return mb

    def _prepare(self, key: tuple[str, str]) -> Optional[GeometryData]:
        geom = self._geometry(*key)
        if geom is None or not len(getattr(geom, "vertices", ())):
            return None
        return prepare_geometry(geom)

    def _load_async(self, key: tuple[str, str]) -> None:
        if key in self._loading:
            return
        self._loading.add(key)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="viewport-load")
        signal = self._geometryReady

        def job() -> None:
            try:
                data = self._prepare(key)
            except Exception:  # a level that cannot be read is drawn from another one
                data = None
            try:
                signal.emit(key, data)
            except RuntimeError:
                pass
        self._executor.submit(job)

    def _on_geometry_ready(self, key, data) -> None:
        self._loading.discard(key)
        if data is not None:
            doc = self.session.document
            if doc is not None and doc.asset(key[0]) is not None:
                self._gpu.prepared[key] = data
        self.update()

