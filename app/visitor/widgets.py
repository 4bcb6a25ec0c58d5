"""Building blocks of the visitor preview overlay (``vitrine.app.visitor.preview``): the pin
transform (from vitrine.exporters.document.visitor_rules), WebVTT caption text, language names, native overlay widgets and the
annotation card. Curator text goes into plain-text labels only."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from vitrine.app.panels.plain_text import plain_tooltip  # noqa: F401  (re-exported for the overlay)
from vitrine.exporters.document.visitor_rules import pin_world_point  # noqa: F401  (one implementation, shared with the exporter)

# Panels are opaque with square corners: as native child windows (see float_over_gl) they
# cannot blend with the GL surface, and rounded corners would show the window background.
PANEL_STYLE = ("QFrame#vtPanel { background: rgb(16, 18, 21); }"
               "QFrame#vtPanel QLabel { color: #f2f2f2; background: transparent; }"
               "QFrame#vtPanel QPushButton, QFrame#vtPanel QComboBox { color: #f2f2f2; background: #2b2f36;"
               " border: 1px solid #4a4f58; border-radius: 4px; padding: 3px 8px; }"
               "QFrame#vtPanel QPushButton:disabled { color: #777; }")


def caption_text(vtt: str) -> str:
    """The cue text of a WebVTT file, one cue per line (timings, ids and notes dropped)."""
    lines: list[str] = []
    blocks = vtt.replace("\r\n", "\n").split("\n\n")
    for block in blocks:
        rows = [r for r in block.split("\n") if r.strip()]
        if not rows or rows[0].startswith(("WEBVTT", "NOTE", "STYLE", "REGION")):
            continue
        timing = next((i for i, r in enumerate(rows) if "-->" in r), None)
        if timing is not None:
            lines.append(" ".join(rows[timing + 1:]))
    return "\n".join(line for line in lines if line)


LANGUAGE_NAMES = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}


def language_name(tag: str) -> str:
    """A language's own name for the switch, as the viewer shows it (Intl.DisplayNames)."""
    if tag in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[tag]
    name = QLocale(tag.replace("-", "_")).nativeLanguageName()
    return name or tag


def float_over_gl(widget: QWidget) -> QWidget:
    """Make ``widget`` a native child window so it can stack above the viewport's GL
    surface: a viewport that renders into a native window (QOpenGLWindow in a window
    container) covers ordinary child widgets, which are painted into the parent's backing
    store underneath it. Native ancestors are not forced, so the rest of the window is unchanged."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
    widget.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    return widget


def _plain_label(parent: Optional[QWidget] = None, wrap: bool = True) -> QLabel:
    lab = QLabel(parent)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    return lab


class AnnotationCard(QFrame):
    """The viewer's annotation panel: title, body, image, credit, audio and captions."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("vtPanel")
        self.setStyleSheet(PANEL_STYLE)
        float_over_gl(self)
        self.title = _plain_label()
        self.title.setObjectName("vtCardTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.close_button = QPushButton()
        self.close_button.setObjectName("vtCardClose")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body = _plain_label()
        self.body.setObjectName("vtCardBody")
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.image = QLabel()
        self.image.setObjectName("vtCardImage")
        self.credit = _plain_label()
        self.credit.setStyleSheet("color: #b8bcc4; font-size: 11px;")
        self.audio_button = QPushButton("▶")
        self.audio_button.setObjectName("vtCardAudio")
        self.audio_button.setFixedWidth(48)
        self.captions = _plain_label()
        self.captions.setObjectName("vtCardCaptions")
        self.captions.setStyleSheet("font-style: italic;")
        content = QWidget()
        content.setStyleSheet("background: transparent;")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        for w in (self.body, self.image, self.credit, self.audio_button, self.captions):
            inner.addWidget(w)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea { background: transparent; }")
        scroll.viewport().setStyleSheet("background: transparent;")
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        self.hide()
