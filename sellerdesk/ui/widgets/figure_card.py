"""One headline figure: a caption, a big value, a small line under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

_STYLE = """
QFrame#figureCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QLabel#figureCaption { color: palette(placeholder-text); }
"""


class FigureCard(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setProperty("figure", name)
        self.setStyleSheet(_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.caption = QLabel(self)
        self.caption.setObjectName("figureCaption")
        self.value = QLabel(self)
        self.value.setObjectName("figureValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel(self)
        self.note.setObjectName("figureNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def show_figure(self, caption: str, value: str, note: str = "", tooltip: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.note.setText(note or " ")  # keep the card height steady
        self.setToolTip(tooltip)
        self.value.setToolTip(tooltip)
