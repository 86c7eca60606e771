"""Add or edit one script: reason, tone, titles, the messages in order, the recommended resolution, a shortcut."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.cases import Outcome
from sellerdesk.domain.scripts import ALL_TOPICS, OUTCOMES, ROLES, TONES, Script, ScriptMessage, tone_label
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import ERROR_STYLE, message_label, reason, show_message
from sellerdesk.ui.i18n import lang

ROLE_NAMES = {
    "apologise": ("致歉", "Apologise"),
    "explain": ("说明", "Explain"),
    "ask": ("询问", "Ask"),
    "offer": ("方案", "Offer"),
    "confirm": ("确认", "Confirm"),
    "care": ("关怀", "Care"),
}


class ScriptEditor(QDialog):
    """`save` is called with the edited Script and starts the write off the GUI thread (it returns
    the Task, None when nothing started); the write's answer comes back to `saved` (the dialog
    closes) or `save_failed` (the service's ScriptError is shown inline, the dialog stays open)."""

    def __init__(self, script: Script, save, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scriptEditor")
        self.script, self.save = script, save
        self.writing = False
        self.setWindowTitle(QCoreApplication.translate("ScriptEditor", "Script"))
        self.reason = QComboBox(self)
        self.reason.setObjectName("scriptReason")
        for topic in ALL_TOPICS:
            self.reason.addItem(topic.name(lang()), topic.key)
        self.reason.setCurrentIndex(max(0, self.reason.findData(script.reason)))
        self.tone = QComboBox(self)
        self.tone.setObjectName("scriptTone")
        self.tone.setEditable(True)
        for key in TONES:
            self.tone.addItem(tone_label(key, lang()), key)
        index = self.tone.findData(script.tone)
        if index >= 0:
            self.tone.setCurrentIndex(index)
        else:
            self.tone.setEditText(script.tone)
        self.title_zh = QLineEdit(script.title_zh, self)
        self.title_zh.setObjectName("scriptTitleZh")
        self.title_en = QLineEdit(script.title_en, self)
        self.title_en.setObjectName("scriptTitleEn")
        self.messages = QTableWidget(0, 3, self)
        self.messages.setObjectName("scriptMessages")
        self.messages.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ScriptEditor", "Step"),
                QCoreApplication.translate("ScriptEditor", "Chinese"),
                QCoreApplication.translate("ScriptEditor", "English"),
            ]
        )
        self.messages.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.messages.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.messages.setWordWrap(True)
        self.messages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for message in script.messages:
            self._add_row(message)
        self.add_button = QPushButton(QCoreApplication.translate("ScriptEditor", "Add message"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("ScriptEditor", "Remove selected"), self)
        self.add_button.clicked.connect(lambda: self._add_row(ScriptMessage("confirm", "", "")))
        self.remove_button.clicked.connect(self._remove_rows)
        self.resolution_zh = QLineEdit(script.resolution_zh, self)
        self.resolution_en = QLineEdit(script.resolution_en, self)
        self.outcome = QComboBox(self)
        self.outcome.addItem(QCoreApplication.translate("ScriptEditor", "(none)"), None)
        for key in OUTCOMES:
            self.outcome.addItem(Outcome(key).label(lang()), key)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(script.outcome)))
        self.shortcut = QSpinBox(self)
        self.shortcut.setObjectName("scriptShortcut")
        self.shortcut.setRange(0, 9)
        self.shortcut.setSpecialValueText(QCoreApplication.translate("ScriptEditor", "none"))
        self.shortcut.setPrefix("Ctrl+")
        self.shortcut.setValue(script.shortcut or 0)
        self.error = message_label(self, "scriptError")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ScriptEditor", "Reason"), self.reason)
        form.addRow(QCoreApplication.translate("ScriptEditor", "Tone"), self.tone)
        form.addRow(QCoreApplication.translate("ScriptEditor", "Title (Chinese)"), self.title_zh)
        form.addRow(QCoreApplication.translate("ScriptEditor", "Title (English)"), self.title_en)
        rows = QHBoxLayout()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        after = QFormLayout()
        after.addRow(QCoreApplication.translate("ScriptEditor", "Recommended (Chinese)"), self.resolution_zh)
        after.addRow(QCoreApplication.translate("ScriptEditor", "Recommended (English)"), self.resolution_en)
        after.addRow(QCoreApplication.translate("ScriptEditor", "Suggested outcome"), self.outcome)
        after.addRow(QCoreApplication.translate("ScriptEditor", "Shortcut"), self.shortcut)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ScriptEditor",
                    "Messages, in the order they are sent. Fields: {name} {nick} "
                    "{item} {order} {amount} {coupon} {shop} {city} {days}",
                ),
                self,
            )
        )
        layout.addWidget(self.messages, 1)
        layout.addLayout(rows)
        layout.addLayout(after)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def _add_row(self, message: ScriptMessage) -> None:
        r = self.messages.rowCount()
        self.messages.insertRow(r)
        role = QComboBox(self.messages)
        for key in ROLES:
            zh, en = ROLE_NAMES.get(key, (key, key))
            role.addItem(zh if lang() == "zh" else en, key)
        role.setCurrentIndex(max(0, role.findData(message.role)))
        self.messages.setCellWidget(r, 0, role)
        self.messages.setItem(r, 1, QTableWidgetItem(message.text_zh))
        self.messages.setItem(r, 2, QTableWidgetItem(message.text_en))

    def _remove_rows(self) -> None:
        for r in sorted({i.row() for i in self.messages.selectedIndexes()}, reverse=True):
            self.messages.removeRow(r)

    def values(self) -> Script:
        messages = []
        for r in range(self.messages.rowCount()):
            zh = (self.messages.item(r, 1).text() if self.messages.item(r, 1) else "").strip()
            en = (self.messages.item(r, 2).text() if self.messages.item(r, 2) else "").strip()
            if zh or en:
                messages.append(ScriptMessage(self.messages.cellWidget(r, 0).currentData(), zh, en))
        tone = (
            self.tone.currentData()
            if self.tone.currentText() == self.tone.itemText(self.tone.currentIndex())
            else self.tone.currentText().strip()
        )
        topic = next(t for t in ALL_TOPICS if t.key == self.reason.currentData())
        return replace(
            self.script,
            reason=topic.key,
            kind=topic.kind,
            tone=tone or "standard",
            title_zh=self.title_zh.text().strip(),
            title_en=self.title_en.text().strip(),
            messages=tuple(messages),
            resolution_zh=self.resolution_zh.text().strip(),
            resolution_en=self.resolution_en.text().strip(),
            outcome=self.outcome.currentData(),
            shortcut=self.shortcut.value() or None,
        )

    def accept(self) -> None:
        if self.writing:
            return
        task = self.save(self.values())
        if task is not None:
            self._set_writing(True)

    def saved(self, _result: object = None) -> None:
        self._set_writing(False)
        if self.isVisible():  # not closed meanwhile
            super().accept()

    def save_failed(self, exc: BaseException) -> None:
        self._set_writing(False)
        text = reason(exc)
        if text is None:  # not the library's own refusal: the full failure
            show_failure(self, QCoreApplication.translate("ScriptEditor", "Script"), exc)
            return
        show_message(self.error, text, ERROR_STYLE)

    def _set_writing(self, writing: bool) -> None:
        self.writing = writing
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not writing)
