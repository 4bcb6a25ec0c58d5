"""What the editor's window, panels and viewport share: the open project, the selection,
and a cache of loaded geometry. No Qt here, so it is testable on its own; Qt views
connect to its signals."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from vitrine.assets.levels.level_table import LEVEL_ORDER
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.observable import Signal
from vitrine.scenes.storage.project_store import Project



class Selection:
    """The ids of the selected objects, in selection order; ``changed(ids)`` on change."""

    def __init__(self) -> None:
        self._ids: list[str] = []
        self.changed = Signal("selection_changed")

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def current(self) -> Optional[str]:
        return self._ids[-1] if self._ids else None

    def set(self, ids: list[str]) -> None:
        ids = list(dict.fromkeys(ids))
        if ids != self._ids:
            self._ids = ids
            self.changed.emit(self.ids)

    def clear(self) -> None:
        self.set([])

    def discard(self, obj_id: str) -> None:
        if obj_id in self._ids:
            self.set([i for i in self._ids if i != obj_id])


class EditorSession:
    """The open project and what the views share about it.

    Signals: ``project_changed(project)`` when another project is opened or created.
    The selection drops ids of objects removed from the document.
    """

    def __init__(self, project: Optional[Project] = None) -> None:
        self.project: Optional[Project] = None
        self.selection = Selection()
        self.project_changed = Signal("project_changed")
        self._geometry_cache: dict[tuple[str, str], Any] = {}
        if project is not None:
            self.set_project(project)

    @property
    def document(self) -> Optional[ExhibitDocument]:
        return self.project.document if self.project else None

    def set_project(self, project: Optional[Project]) -> None:
        if self.project is not None:
            self.project.document.object_removed.disconnect(self._on_removed)
        self.project = project
        self._geometry_cache.clear()
        self.selection.clear()
        if project is not None:
            project.document.object_removed.connect(self._on_removed)
        self.project_changed.emit(project)

    def _on_removed(self, kind: str, obj_id: str, owner_id: str) -> None:
        self.selection.discard(obj_id)

    def level_path(self, asset_id: str, level: str) -> Optional[Path]:
        """Absolute path of a stored level of detail, or None if the asset lacks it."""
        if self.project is None:
            return None
        asset = self.project.document.asset(asset_id)
        if asset is None:
            return None
        for lv in asset.levels:
            if lv.level == level:
                path = self.project.resolve(lv.file)
                return path if path.is_file() else None
        return None

    def available_levels(self, asset_id: str) -> list[str]:
        """Levels stored for an asset, coarse to fine."""
        if self.project is None:
            return []
        asset = self.project.document.asset(asset_id)
        have = {lv.level for lv in asset.levels} if asset else set()
        return [lv for lv in LEVEL_ORDER if lv in have]

    def geometry(self, asset_id: str, level: str) -> Any:
        """The prepared geometry (metres, Y up) of one stored level, loaded once and cached;
        a ``trimesh.Trimesh`` or ``trimesh.PointCloud``, or None if it cannot be read."""
        key = (asset_id, level)
        if key not in self._geometry_cache:
            path = self.level_path(asset_id, level)
            if path is None:
                return None
            from vitrine.assets.formats.glb_io import read_glb
            self._geometry_cache[key] = read_glb(path)
        return self._geometry_cache[key]
