"""What the group dialogs share: inline messages and small helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from sellerdesk.ui.i18n import pick

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
OK_STYLE = "color: #1b6e20;"


def message_label(parent: QWidget, name: str) -> QLabel:
    """A word-wrapped plain-text label for inline reasons and notices."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, style: str = ERROR_STYLE) -> None:
    label.setStyleSheet(style)
    label.setText(text)
    label.setVisible(bool(text))


def reason(exc: BaseException) -> str | None:
    """A service's own (zh, en) reason in the UI language; None for unexpected failures."""
    zh, en = getattr(exc, "message_zh", None), getattr(exc, "message_en", None)
    return pick(zh, en) if (zh or en) else None
