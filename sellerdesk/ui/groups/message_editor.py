"""A message text with field buttons, the SMS length and billed parts, and its notices, all live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMenu, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from sellerdesk.domain.message_fields import FIELDS, Notice, check_template
from sellerdesk.domain.outreach import Channel
from sellerdesk.domain.sms import PART_LIMIT, SINGLE_LIMIT, sms_length, sms_parts, sms_warnings
from sellerdesk.ui.groups.common import WARNING_STYLE, message_label, show_message
from sellerdesk.ui.i18n import lang, pick


class MessageEditor(QGroupBox):
    """Text A or text B of an outreach: the template, its length and what is wrong with it."""

    changed = Signal()

    def __init__(self, name: str, optional: bool = False, parent: QWidget | None = None,
                 heading: Callable[[], str] | None = None):
        """`heading` gives the box's title in the current language (default: Text A / Text B)."""
        super().__init__(parent)
        self.setObjectName(name)
        self.optional = optional
        self.heading = heading
        self.channel = Channel.SMS
        self.send_at: datetime | None = None
        self.notices: list[Notice] = []
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"{name}Text")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(80)
        self.edit.setMaximumHeight(130)
        self.fields_button = QToolButton(self)
        self.fields_button.setObjectName(f"{name}Fields")
        self.fields_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.fields_menu = QMenu(self.fields_button)
        self.field_actions: dict[str, QAction] = {}
        for key in FIELDS:
            action = self.fields_menu.addAction("")
            action.triggered.connect(lambda checked=False, k=key: self.insert_field(k))
            self.field_actions[key] = action
        self.fields_button.setMenu(self.fields_menu)
        self.length_label = QLabel(self)
        self.length_label.setObjectName(f"{name}Length")
        self.notices_label = message_label(self, f"{name}Notices")
        tools = QHBoxLayout()
        tools.addWidget(self.fields_button)
        tools.addStretch(1)
        tools.addWidget(self.length_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        layout.addLayout(tools)
        layout.addWidget(self.notices_label)
        self.edit.textChanged.connect(self._edited)
        self.retranslate_ui()

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def insert_field(self, key: str) -> None:
        self.edit.insertPlainText("{" + key + "}")
        self.edit.setFocus()

    def set_context(self, channel: Channel, send_at: datetime | None) -> None:
        self.channel, self.send_at = channel, send_at
        self.refresh()

    def _edited(self) -> None:
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        text = self.text()
        if self.optional and not text.strip():
            self.notices = []
        elif self.channel == Channel.SMS:
            self.notices = sms_warnings(text, self.send_at)  # includes the template checks
        else:
            self.notices = check_template(text)
        show_message(self.notices_label, "\n".join("• " + n.message(lang()) for n in self.notices), WARNING_STYLE)
        n, parts = sms_length(text), sms_parts(text)
        if self.channel == Channel.SMS:
            self.length_label.setText(QCoreApplication.translate(
                "MessageEditor", "{n} characters, billed as {parts} SMS").format(n=n, parts=parts))
            self.length_label.setToolTip(QCoreApplication.translate(
                "MessageEditor", "Up to {single} characters is one message; longer texts are billed per {part} "
                                 "characters. The 【signature】 and the opt-out count too; fields change the length "
                                 "per buyer (the preview shows the longest).").format(single=SINGLE_LIMIT,
                                                                                        part=PART_LIMIT))
        else:
            self.length_label.setText(QCoreApplication.translate("MessageEditor", "{n} characters").format(n=n))
            self.length_label.setToolTip("")

    def codes(self) -> list[str]:
        return [n.code for n in self.notices]

    def retranslate_ui(self) -> None:
        if self.optional:
            self.setTitle(QCoreApplication.translate("MessageEditor", "Text B (optional: fill it to split A/B)"))
            self.edit.setPlaceholderText(QCoreApplication.translate(
                "MessageEditor", "Leave empty to send text A to everyone contacted."))
        else:
            self.setTitle(QCoreApplication.translate("MessageEditor", "Text A"))
            self.edit.setPlaceholderText(QCoreApplication.translate(
                "MessageEditor", "【Shop name】{name}, your {last_item} ... Reply T to unsubscribe"))
        if self.heading is not None:
            self.setTitle(self.heading())
        self.fields_button.setText(QCoreApplication.translate("MessageEditor", "Insert field"))
        for key, action in self.field_actions.items():
            spec = FIELDS[key]
            action.setText(f"{{{key}}}  {pick(spec.label_zh, spec.label_en)}")
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
