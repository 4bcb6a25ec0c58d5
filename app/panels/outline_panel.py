"""The Outline dock: every object of the exhibit in a tree grouped by kind.

Select (synchronised with the session's selection), rename in place, delete, and
reorder by drag within a group (one MoveObject command per drop).
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import (
    QAbstractItemModel, QByteArray, QEvent, QItemSelection, QItemSelectionModel, QMimeData, QModelIndex,
    QObject, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP, QCoreApplication,
)
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QVBoxLayout, QWidget

from vitrine.app.window.accessible_names import name as accessible
from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.panels.object_text import display_name, localized, ui_content_language
from vitrine.scenes.editing.annotation_commands import EditAnnotationText
from vitrine.scenes.editing.commands import MoveObject
from vitrine.scenes.editing.exhibit_commands import RenameObject
from vitrine.scenes.editing.furniture_commands import RenameViewpoint
from vitrine.scenes.editing.tour_commands import RenameTour

OUTLINE_MIME = "application/x-vitrine-outline-id"
GROUPS: list[tuple[str, str, str]] = [  # (attr, kind, heading)
    ("artifacts", "artifact", QT_TRANSLATE_NOOP("OutlineModel", "Artifacts")),
    ("plinths", "plinth", QT_TRANSLATE_NOOP("OutlineModel", "Furniture")),
    ("lights", "light", QT_TRANSLATE_NOOP("OutlineModel", "Lights")),
    ("viewpoints", "viewpoint", QT_TRANSLATE_NOOP("OutlineModel", "Viewpoints")),
    ("annotations", "annotation", QT_TRANSLATE_NOOP("OutlineModel", "Annotations")),
    ("tours", "tour", QT_TRANSLATE_NOOP("OutlineModel", "Tours")),
]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _Node:
    __slots__ = ("group", "obj_id", "row")

    def __init__(self, group: int, obj_id: Optional[str], row: int) -> None:
        self.group = group      # index into GROUPS
        self.obj_id = obj_id    # None for a group heading
        self.row = row


class OutlineModel(QAbstractItemModel):
    """Adapts the exhibit's object lists: top rows are groups, children are objects."""

    def __init__(self, relay: DocumentRelay, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self._groups = [_Node(g, None, g) for g in range(len(GROUPS))]
        self._children: list[list[_Node]] = [[] for _ in GROUPS]
        self._rebuild()
        relay.objectAdded.connect(lambda *a: self.refresh())
        relay.objectRemoved.connect(lambda *a: self.refresh())
        relay.orderChanged.connect(lambda *a: self.refresh())
        relay.documentReset.connect(self.refresh)
        relay.objectChanged.connect(self._on_changed)

    # --- structure ------------------------------------------------------------------
    def _rebuild(self) -> None:
        doc = self.relay.document
        for g, (attr, _kind, _title) in enumerate(GROUPS):
            objs = getattr(doc.exhibit, attr) if doc else []
            self._children[g] = [_Node(g, o.id, r) for r, o in enumerate(objs)]

    def refresh(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _on_changed(self, kind: str, obj_id: str, path: Any) -> None:
        index = self.index_of(obj_id)
        if index.isValid():
            self.dataChanged.emit(index, index)
        elif kind == "exhibit" and path and path[0] == "languages":
            self.refresh()

    @staticmethod
    def _edit_language(doc: Any) -> str:
        """Renaming in place edits the title the curator sees: the UI language's when the
        exhibit has it, else the first language's."""
        return ui_content_language(doc.exhibit.languages) or doc.exhibit.languages[0]

    def index_of(self, obj_id: str) -> QModelIndex:
        for g, nodes in enumerate(self._children):
            for node in nodes:
                if node.obj_id == obj_id:
                    return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def group_index(self, kind: str) -> QModelIndex:
        for g, (_a, k, _t) in enumerate(GROUPS):
            if k == kind:
                return self.createIndex(g, 0, self._groups[g])
        return QModelIndex()

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, self._groups[row]) if row < len(self._groups) else QModelIndex()
        node: _Node = parent.internalPointer()
        if node.obj_id is None and row < len(self._children[node.group]):
            return self.createIndex(row, 0, self._children[node.group][row])
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        if node.obj_id is None:
            return QModelIndex()
        return self.createIndex(node.group, 0, self._groups[node.group])

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        node: _Node = parent.internalPointer()
        return len(self._children[node.group]) if node.obj_id is None else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    # --- data -------------------------------------------------------------------------
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        doc = self.relay.document
        if node.obj_id is None:
            if role == Qt.ItemDataRole.DisplayRole:
                title = QCoreApplication.translate("OutlineModel", GROUPS[node.group][2])
                return f"{title} ({len(self._children[node.group])})"
            return None
        obj = doc.find(node.obj_id) if doc else None
        if obj is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return display_name(doc, obj)
        if role == Qt.ItemDataRole.EditRole:
            if hasattr(obj, "name") and isinstance(obj.name, str):
                return obj.name
            text = obj.name if hasattr(obj, "name") else obj.title
            return localized(text, doc.exhibit.languages, self._edit_language(doc))
        if role == ID_ROLE:
            return node.obj_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.obj_id
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        node: _Node = index.internalPointer()
        doc = self.relay.document
        if node.obj_id is None or doc is None:
            return False
        text = str(value).strip()
        kind = GROUPS[node.group][1]
        lang = self._edit_language(doc)
        if kind in ("artifact", "plinth", "light"):
            command: Any = RenameObject(doc, node.obj_id, text)
        elif kind == "viewpoint":
            command = RenameViewpoint(doc, node.obj_id, lang, text)
        elif kind == "tour":
            command = RenameTour(doc, node.obj_id, lang, text)
        else:
            command = EditAnnotationText(doc, node.obj_id, "title", lang, text)
        self.relay.push(command)
        doc.history.seal()  # one rename is one undo step
        return True

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node: _Node = index.internalPointer()
        base = Qt.ItemFlag.ItemIsEnabled
        if node.obj_id is None:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return (base | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled)

    # --- drag to reorder -----------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [OUTLINE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [i.data(ID_ROLE) for i in indexes if i.isValid() and i.data(ID_ROLE)]
        if ids:
            data.setData(OUTLINE_MIME, QByteArray(ids[0].encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex) -> bool:
        return self._drop_target(data, row, parent) is not None

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex) -> Optional[tuple[str, str, int]]:
        """(attr, object id, new index) for a drop of one object inside its own group."""
        doc = self.relay.document
        if doc is None or not data.hasFormat(OUTLINE_MIME) or not parent.isValid():
            return None
        obj_id = bytes(data.data(OUTLINE_MIME).data()).decode()
        group: _Node = parent.internalPointer()
        if group.obj_id is not None:
            return None  # dropped onto an object: no nesting in the outline
        attr = GROUPS[group.group][0]
        ids = [n.obj_id for n in self._children[group.group]]
        if obj_id not in ids:
            return None  # only reordering within a group
        old = ids.index(obj_id)
        target = len(ids) if row < 0 else row
        new = target - 1 if target > old else target
        return attr, obj_id, new

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        attr, obj_id, new = target
        doc = self.relay.document
        if doc.collection(doc.exhibit.id, attr)[new].id != obj_id:
            self.relay.push(MoveObject(doc, attr, obj_id, new))
        return True

    def removeRows(self, row: int, count: int, parent: QModelIndex = QModelIndex()) -> bool:
        return False  # a drop already moved the object with a command; the view must not delete


class OutlinePanel(QWidget):
    """Tree view of the outline, kept in step with the session's selection."""

    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.model = OutlineModel(relay, self)
        self.view = QTreeView(self)
        self.view.setObjectName("outlineView")
        accessible(self.view, QCoreApplication.translate("AccessibleNames", "Exhibit outline"), QCoreApplication.translate("AccessibleNames", "Every object in the exhibit; select one to edit it in the Inspector."))
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._syncing = False
        self.context_actions: list[Any] = []  # filled by the window (Rename, Delete…)
        self.model.modelReset.connect(self._after_reset)
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)
        relay.selectionChanged.connect(self._session_selection_changed)
        self._after_reset()

    def changeEvent(self, event: QEvent) -> None:
        # group names and object titles follow the UI language, so redraw on a switch
        if event.type() == QEvent.Type.LanguageChange:
            self.model.refresh()
        super().changeEvent(event)

    def _after_reset(self) -> None:
        self.view.expandAll()
        self._session_selection_changed(self.relay.session.selection.ids)

    def _view_selection_changed(self, *_: Any) -> None:
        if self._syncing:
            return
        ids = [i.data(ID_ROLE) for i in self.view.selectionModel().selectedIndexes() if i.data(ID_ROLE)]
        self._syncing = True
        try:
            self.relay.select(ids)
        finally:
            self._syncing = False

    def _session_selection_changed(self, ids: list[str]) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            for obj_id in ids:
                index = self.model.index_of(obj_id)
                if index.isValid():
                    selection.select(index, index)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.view.selectionModel().select(selection, flags)
            if ids:
                current = self.model.index_of(ids[-1])
                if current.isValid():
                    self.view.scrollTo(current)
        finally:
            self._syncing = False

    def rename_current(self) -> None:
        index = self.model.index_of(self.relay.session.selection.current or "")
        if index.isValid():
            self.view.edit(index)

    def _context_menu(self, pos: Any) -> None:
        if not self.context_actions:
            return
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))


__all__ = ["OutlineModel", "OutlinePanel", "QPersistentModelIndex"]
