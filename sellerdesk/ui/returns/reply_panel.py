"""The reply: the chosen script's messages filled for the order, copied to the clipboard one by one.

Rendering is local (domain.scripts.render_script over the order's values the
lookup already read), so a shortcut puts the first message on the clipboard
at once. Ctrl+Enter copies the next message; a double-click copies any.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from sellerdesk.domain.scripts import Script, render_script
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.returns.script_list import fault_name

_COPIED = QColor("#e8f5e9")


class ReplyPanel(QWidget):
    copied = Signal(str, int)  # script key, message index (for usage counts and tests)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.script: Script | None = None
        self.texts: list[str] = []
        self.next_index = 0
        self.title = QLabel(self)
        self.title.setObjectName("replyTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.notice = QLabel(self)
        self.notice.setObjectName("replyNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.messages = QListWidget(self)
        self.messages.setObjectName("replyMessages")
        self.messages.setWordWrap(True)
        self.messages.setAlternatingRowColors(True)
        self.messages.itemDoubleClicked.connect(lambda item: self.copy(self.messages.row(item)))
        self.resolution = QLabel(self)
        self.resolution.setObjectName("replyResolution")
        self.resolution.setWordWrap(True)
        self.resolution.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("replyCopyNext")
        self.next_button.clicked.connect(self.copy_next)
        self.status = QLabel(self)
        self.status.setObjectName("replyStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.messages, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.resolution)
        self.retranslate_ui()
        self._show_state()

    def show_script(self, script: Script | None, values: dict | None, order_unknown: bool) -> None:
        """Fill the script for the order (values None: neutral wording) and start from its first message."""
        self.script = script
        self.texts = render_script(script, values or {}, lang()) if script is not None else []
        self.next_index = 0
        self.messages.clear()
        for i, text in enumerate(self.texts, start=1):
            QListWidgetItem(f"{i}. {text}", self.messages)
        if script is None:
            self.title.setText(
                QCoreApplication.translate("ReplyPanel", "Pick a situation (or Ctrl+1 … Ctrl+9, Ctrl+K to search)")
            )
            self.resolution.setText("")
            self.notice.setText("")
        else:
            self.title.setText(f"{script.title(lang())}  ·  {fault_name(script.fault)}")
            resolution = script.resolution(lang())
            self.resolution.setText(
                QCoreApplication.translate("ReplyPanel", "Recommended: {text}").format(text=resolution)
                if resolution
                else ""
            )
            if order_unknown:
                self.notice.setText(
                    QCoreApplication.translate(
                        "ReplyPanel",
                        "The order is not in this shop's data: the messages use "
                        "neutral wording instead of the buyer's details.",
                    )
                )
            elif values is None:
                self.notice.setText(
                    QCoreApplication.translate("ReplyPanel", "No order chosen: the messages use neutral wording.")
                )
            else:
                self.notice.setText("")
        self.notice.setVisible(bool(self.notice.text()))
        self._show_state()

    def copy(self, index: int) -> str | None:
        """Put message `index` on the clipboard; the next copy continues after it."""
        if not 0 <= index < len(self.texts) or self.script is None:
            return None
        text = self.texts[index]
        QGuiApplication.clipboard().setText(text)
        self.messages.item(index).setBackground(QBrush(_COPIED))
        self.next_index = index + 1
        self.status.setText(
            QCoreApplication.translate("ReplyPanel", "Message {i} of {n} copied: paste it in the chat.").format(
                i=index + 1, n=len(self.texts)
            )
        )
        self.messages.setCurrentRow(index)
        self._show_state()
        self.copied.emit(self.script.key, index)
        return text

    def copy_next(self) -> str | None:
        return self.copy(self.next_index)

    def _show_state(self) -> None:
        more = self.script is not None and self.next_index < len(self.texts)
        self.next_button.setEnabled(more)
        if self.script is not None and not more and self.texts:
            self.status.setText(QCoreApplication.translate("ReplyPanel", "All messages copied."))

    def retranslate_ui(self) -> None:
        self.next_button.setText(QCoreApplication.translate("ReplyPanel", "Copy next message (Ctrl+Enter)"))
        if self.script is None:
            self.show_script(None, None, False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
