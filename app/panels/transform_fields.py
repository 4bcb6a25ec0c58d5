"""The Inspector's "Placement" group for an artifact: how it stands (floor, plinth, wall)
and where, in metres. Choosing a mount snaps it there (one undo step): onto the plinth top
or the floor below it, or onto the room's nearest wall, facing in.

Position, rotation (degrees shown, radians/quaternion stored) and scale are the Inspector's
transform rows; this group adds what placement knows about them.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from vitrine.scenes.exhibit_model import Artifact


class PlacementGroup(QGroupBox):
    """Shows and sets an artifact's mount; reads the relay's document and selection."""

    def __init__(self, relay: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(self.tr("Placement"), parent)
        self.relay = relay
        self.artifact_id: Optional[str] = None
        form = QFormLayout(self)
        self.mount = QComboBox()
        self.mount.setObjectName("mountCombo")
        for key, text in ((None, self.tr("not placed")), ("floor", self.tr("on the floor")),
                          ("plinth", self.tr("on a plinth")), ("wall", self.tr("on a wall"))):
            self.mount.addItem(text, key)
        self.mount.activated.connect(self._mount_chosen)
        form.addRow(self.tr("Stands:"), self.mount)
        self.support = QLabel()
        self.support.setObjectName("supportLabel")
        form.addRow(self.tr("Centre height:"), self.support)

    def show_artifact(self, art: Artifact) -> None:
        from vitrine.app.workflows.placement import artifact_box
        self.artifact_id = art.id
        self.mount.blockSignals(True)
        self.mount.setCurrentIndex(max(0, self.mount.findData(art.mount)))
        self.mount.blockSignals(False)
        lo, hi = artifact_box(self.relay.document, art)
        self.support.setText(self.tr("%1 m (base at %2 m)").replace("%1", f"{(lo[1] + hi[1]) / 2:.2f}")
                             .replace("%2", f"{lo[1]:.2f}"))

    def _mount_chosen(self, _index: int) -> None:
        from vitrine.app.dialogs.error_messages import show_error
        from vitrine.app.workflows.arrangement import snap_to_support, snap_to_wall
        doc = self.relay.document
        key = self.mount.currentData()
        if doc is None or self.artifact_id is None or key is None:
            return
        try:
            command = snap_to_wall(doc, [self.artifact_id]) if key == "wall" else snap_to_support(doc, [self.artifact_id])
        except ValueError as exc:  # a wall without a room
            show_error(self, self.tr("Cannot hang the artifact"), str(exc))
            self.show_artifact(doc.get(self.artifact_id))
            return
        self.relay.push(command)
