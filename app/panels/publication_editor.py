"""The "Publication" group of the Record and Rights panel: the finest level bundles may publish
of the selected artifact and whether the viewer may offer it for download (an undoable
SetPublication). The default follows the model's rights statement (exporters/publication/policy.py)."""
from __future__ import annotations

from typing import Optional, Protocol

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel

from vitrine.exporters.publication.policy import LEVELS, artifact_policy, default_max_level, rights_allow_reuse
from vitrine.scenes.exhibit_model import Artifact, PublicationSettings



class PublicationHost(Protocol):
    """What the editor needs of the panel that holds it (the Record and Rights panel)."""

    def edit_publication(self, settings: PublicationSettings) -> None: ...


class PublicationEditor(QGroupBox):
    """Finest level (rights default or a level) and the download offer (rights default or never)."""

    def __init__(self, panel: PublicationHost) -> None:
        super().__init__()
        self.setTitle(self.tr("Publication"))
        self.panel = panel
        self.level = QComboBox()
        self.level.setObjectName("publication_max_level")
        self.download = QComboBox()
        self.download.setObjectName("publication_download")
        self.effect = QLabel()
        self.effect.setObjectName("publication_effect")
        self.effect.setWordWrap(True)
        names = {"original": self.tr("Original (full resolution)"), "high": self.tr("High (≤ 500,000 faces, 4096 px)"),
                 "medium": self.tr("Medium (≤ 150,000 faces, 2048 px)"), "low": self.tr("Low (≤ 30,000 faces, 1024 px)"),
                 "thumbnail": self.tr("Thumbnail (≤ 5,000 faces, 512 px)")}
        self.level.addItem("", None)  # text set per artifact: it names the rights default
        for level in reversed(LEVELS):
            self.level.addItem(names[level], level)
        self.download.addItem(self.tr("Offer when the rights allow reuse"), None)
        self.download.addItem(self.tr("Never offer"), False)
        form = QFormLayout(self)
        form.addRow(self.tr("Finest level published:"), self.level)
        form.addRow(self.tr("Download for reuse:"), self.download)
        form.addRow(self.effect)
        self.level.activated.connect(lambda _i: self._commit())
        self.download.activated.connect(lambda _i: self._commit())

    def show_artifact(self, art: Artifact) -> None:
        uri = art.rights.model.statement_uri
        with QSignalBlocker(self.level), QSignalBlocker(self.download):
            self.level.setItemText(0, self.tr("As the rights statement allows (%1)").replace("%1", default_max_level(uri)))
            self.level.setCurrentIndex(max(0, self.level.findData(art.publication.max_level))
                                       if art.publication.max_level else 0)
            self.download.setCurrentIndex(1 if art.publication.allow_download is False else 0)
        policy = artifact_policy(art)
        if policy.allow_download:
            offer = self.tr("the viewer offers a download of it")
        elif rights_allow_reuse(uri):
            offer = self.tr("no download is offered (withheld here)")
        else:
            offer = self.tr("no download is offered (the rights do not allow reuse)")
        self.effect.setText(self.tr("Bundles publish at most the '%1' level; %2. Every published model "
                                    "carries its recipient's invisible mark.").replace("%1", policy.max_level)
                            .replace("%2", offer))

    def settings(self) -> PublicationSettings:
        download: Optional[bool] = self.download.currentData()
        return PublicationSettings(max_level=self.level.currentData(), allow_download=download)

    def _commit(self) -> None:
        self.panel.edit_publication(self.settings())
