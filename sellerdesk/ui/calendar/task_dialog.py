"""One task: when (a time or a window), who, what to tick off, and the customer group and text it sends.

The dialog edits values only; the page saves them through the services on
the write lane. "Make the outreach list…" asks the page to open the
customer-groups outreach export pre-filled with the task's group and text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.outreach import Channel
from sellerdesk.domain.promo import CalendarError, ChecklistItem, Task, TaskDraft, TaskStatus
from sellerdesk.ui.calendar.task_labels import CHANNELS, channel_name, status_name
from sellerdesk.ui.groups.common import ERROR_STYLE, message_label, reason, show_message
from sellerdesk.ui.groups.message_editor import MessageEditor

_STORED_STATUSES = (TaskStatus.TODO, TaskStatus.DONE, TaskStatus.SKIPPED)
DEFAULT_LEAD = -1  # the spin box's special value: the shop's default lead time


def _qdt(value: datetime) -> QDateTime:
    return QDateTime(value)


class TaskDialog(QDialog):
    delete_requested = Signal(object)  # Task
    outreach_requested = Signal(object)  # Task (saved first by the page)

    def __init__(
        self,
        task: Task | TaskDraft,
        *,
        staff: tuple[str, ...],
        groups: dict[str, str],
        default_lead: int,
        campaign_name: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.task = task
        self.default_lead = default_lead
        stored = isinstance(task, Task) and task.id

        self.title = QLineEdit(task.title, self)
        self.title.setObjectName("taskTitle")
        self.campaign = QLabel(campaign_name, self)
        self.starts = QDateTimeEdit(_qdt(task.starts_at), self)
        self.starts.setObjectName("taskStarts")
        self.starts.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.starts.setCalendarPopup(True)
        self.has_window = QCheckBox(self)
        self.has_window.setObjectName("taskHasWindow")
        self.has_window.setChecked(task.ends_at is not None)
        self.ends = QDateTimeEdit(_qdt(task.ends_at or task.starts_at + timedelta(hours=2)), self)
        self.ends.setObjectName("taskEnds")
        self.ends.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ends.setCalendarPopup(True)
        self.ends.setEnabled(self.has_window.isChecked())
        self.has_window.toggled.connect(self.ends.setEnabled)
        self.owner = QComboBox(self)
        self.owner.setObjectName("taskOwner")
        self.owner.setEditable(True)
        self.owner.addItem("")
        self.owner.addItems(list(staff))
        self.owner.setCurrentText(task.owner)
        self.status = QComboBox(self)
        self.status.setObjectName("taskStatus")
        for status in _STORED_STATUSES:
            self.status.addItem("", status.value)
        current = task.status if isinstance(task, Task) else TaskStatus.TODO
        self.status.setCurrentIndex(_STORED_STATUSES.index(current))
        self.lead = QSpinBox(self)
        self.lead.setObjectName("taskLead")
        self.lead.setRange(DEFAULT_LEAD, 7 * 24 * 60)
        self.lead.setValue(DEFAULT_LEAD if task.lead_minutes is None else task.lead_minutes)

        self.group = QComboBox(self)
        self.group.setObjectName("taskGroup")
        self.group.addItem("", None)
        for key, name in groups.items():
            self.group.addItem(name, key)
        if task.group_key and self.group.findData(task.group_key) < 0:
            self.group.addItem(task.group_key, task.group_key)  # a group this shop no longer has
        self.group.setCurrentIndex(max(0, self.group.findData(task.group_key)))
        self.channel = QComboBox(self)
        self.channel.setObjectName("taskChannel")
        self.channel.addItem("", None)
        for key in CHANNELS:
            self.channel.addItem("", key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(task.channel)))
        self.message = MessageEditor(
            "taskMessage", parent=self, heading=lambda: QCoreApplication.translate("TaskDialog", "Message text")
        )
        self.message.set_text(task.message)
        self.outreach_button = QPushButton(self)
        self.outreach_button.setObjectName("taskOutreach")
        self.outreach_button.clicked.connect(self._ask_outreach)
        self.outreach_label = QLabel(self)

        self.checklist = QListWidget(self)
        self.checklist.setObjectName("taskChecklist")
        self.checklist.setMaximumHeight(140)
        for item in task.checklist:
            self._add_item(item.text, item.done)
        self.new_item = QLineEdit(self)
        self.new_item.setObjectName("taskNewItem")
        self.new_item.installEventFilter(self)
        self.add_item_button = QPushButton(self)
        self.add_item_button.clicked.connect(self._add_typed)
        self.remove_item_button = QPushButton(self)
        self.remove_item_button.clicked.connect(self._remove_selected)
        self.notes = QPlainTextEdit(task.notes, self)
        self.notes.setObjectName("taskNotes")
        self.notes.setMaximumHeight(100)
        self.error = message_label(self, "taskError")
        self.error.setVisible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.delete_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setObjectName("taskDelete")
        self.delete_button.setVisible(bool(stored))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.task))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.labels = {
            name: QLabel(self)
            for name in (
                "title",
                "campaign",
                "starts",
                "ends",
                "owner",
                "status",
                "lead",
                "group",
                "channel",
                "checklist",
                "notes",
            )
        }
        form = QFormLayout()
        form.addRow(self.labels["title"], self.title)
        if campaign_name:
            form.addRow(self.labels["campaign"], self.campaign)
        form.addRow(self.labels["starts"], self.starts)
        window = QHBoxLayout()
        window.addWidget(self.has_window)
        window.addWidget(self.ends, 1)
        form.addRow(self.labels["ends"], window)
        form.addRow(self.labels["owner"], self.owner)
        form.addRow(self.labels["status"], self.status)
        form.addRow(self.labels["lead"], self.lead)
        form.addRow(self.labels["group"], self.group)
        form.addRow(self.labels["channel"], self.channel)
        items = QHBoxLayout()
        items.addWidget(self.new_item, 1)
        items.addWidget(self.add_item_button)
        items.addWidget(self.remove_item_button)
        outreach = QHBoxLayout()
        outreach.addWidget(self.outreach_button)
        outreach.addWidget(self.outreach_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(outreach)
        layout.addWidget(self.labels["checklist"])
        layout.addWidget(self.checklist)
        layout.addLayout(items)
        layout.addWidget(self.labels["notes"])
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for signal in (self.group.currentIndexChanged, self.channel.currentIndexChanged):
            signal.connect(self._outreach_state)
        self.channel.currentIndexChanged.connect(self._message_context)
        self.starts.dateTimeChanged.connect(self._message_context)
        self.retranslate_ui()
        self._outreach_state()
        self._message_context()
        self.resize(640, 820)

    # -- checklist --------------------------------------------------------------------------------
    def _add_item(self, text: str, done: bool = False) -> None:
        item = QListWidgetItem(text, self.checklist)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def _add_typed(self) -> None:
        text = self.new_item.text().strip()
        if text:
            self._add_item(text)
            self.new_item.clear()

    def _remove_selected(self) -> None:
        for item in self.checklist.selectedItems():
            self.checklist.takeItem(self.checklist.row(item))

    # -- outreach ---------------------------------------------------------------------------------
    def _outreach_state(self) -> None:
        ready = self.group.currentData() is not None and self.channel.currentData() is not None
        self.outreach_button.setEnabled(ready)
        attached = isinstance(self.task, Task) and self.task.outreach_id
        self.outreach_label.setText(
            QCoreApplication.translate("TaskDialog", "Outreach list #{id} exported for this task.").format(
                id=self.task.outreach_id
            )
            if attached
            else ""
        )

    def _message_context(self) -> None:
        channel = self.channel.currentData()
        self.message.set_context(Channel(channel) if channel else Channel.SMS, self.starts.dateTime().toPython())

    def _ask_outreach(self) -> None:
        values = self.values()
        if values is not None:
            self.outreach_requested.emit(values)

    # -- values -----------------------------------------------------------------------------------
    def values(self) -> Task | TaskDraft | None:
        """The edited task, or None (with the reason shown) when it is not valid."""
        checklist = tuple(
            ChecklistItem(
                self.checklist.item(i).text().strip(), self.checklist.item(i).checkState() == Qt.CheckState.Checked
            )
            for i in range(self.checklist.count())
            if self.checklist.item(i).text().strip()
        )
        lead = self.lead.value()
        fields = dict(
            title=self.title.text().strip(),
            starts_at=self.starts.dateTime().toPython().replace(second=0, microsecond=0),
            ends_at=(
                self.ends.dateTime().toPython().replace(second=0, microsecond=0)
                if self.has_window.isChecked()
                else None
            ),
            owner=self.owner.currentText().strip(),
            checklist=checklist,
            notes=self.notes.toPlainText().strip(),
            group_key=self.group.currentData(),
            channel=self.channel.currentData(),
            message=self.message.text(),
            lead_minutes=None if lead == DEFAULT_LEAD else lead,
        )
        try:
            if isinstance(self.task, Task):
                return replace(self.task, status=TaskStatus(self.status.currentData()), **fields)
            return replace(self.task, **fields)
        except CalendarError as exc:
            show_message(self.error, reason(exc) or str(exc), ERROR_STYLE)
            return None

    def accept(self) -> None:
        if self.values() is not None:
            super().accept()

    def eventFilter(self, watched, event) -> bool:
        # Enter in the checklist's input adds the item, and is consumed: it must not also press Save.
        if (
            watched is self.new_item
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add_typed()
            return True
        return super().eventFilter(watched, event)

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        stored = isinstance(self.task, Task) and self.task.id
        self.setWindowTitle(
            QCoreApplication.translate("TaskDialog", "Task")
            if stored
            else QCoreApplication.translate("TaskDialog", "New task")
        )
        texts = {
            "title": QCoreApplication.translate("TaskDialog", "Title"),
            "campaign": QCoreApplication.translate("TaskDialog", "Campaign"),
            "starts": QCoreApplication.translate("TaskDialog", "Due / starts"),
            "ends": QCoreApplication.translate("TaskDialog", "Window"),
            "owner": QCoreApplication.translate("TaskDialog", "Owner"),
            "status": QCoreApplication.translate("TaskDialog", "Status"),
            "lead": QCoreApplication.translate("TaskDialog", "Remind before (minutes)"),
            "group": QCoreApplication.translate("TaskDialog", "Customer group"),
            "channel": QCoreApplication.translate("TaskDialog", "Channel"),
            "checklist": QCoreApplication.translate("TaskDialog", "Checklist"),
            "notes": QCoreApplication.translate("TaskDialog", "Notes"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.has_window.setText(QCoreApplication.translate("TaskDialog", "until"))
        for i, status in enumerate(_STORED_STATUSES):
            self.status.setItemText(i, status_name(status))
        self.lead.setSpecialValueText(
            QCoreApplication.translate("TaskDialog", "Shop default ({n} min)").format(n=self.default_lead)
        )
        self.group.setItemText(0, QCoreApplication.translate("TaskDialog", "(none)"))
        self.channel.setItemText(0, QCoreApplication.translate("TaskDialog", "(none)"))
        for i, key in enumerate(CHANNELS, start=1):
            self.channel.setItemText(i, channel_name(key))
        self.outreach_button.setText(QCoreApplication.translate("TaskDialog", "Make the outreach list…"))
        self.outreach_button.setToolTip(
            QCoreApplication.translate(
                "TaskDialog",
                "Opens the customer-groups outreach export with this group and text; exporting "
                "the list marks this task done.",
            )
        )
        self.new_item.setPlaceholderText(QCoreApplication.translate("TaskDialog", "New checklist item"))
        self.add_item_button.setText(QCoreApplication.translate("TaskDialog", "Add"))
        self.remove_item_button.setText(QCoreApplication.translate("TaskDialog", "Remove"))
        self.delete_button.setText(QCoreApplication.translate("TaskDialog", "Delete task"))
        self._outreach_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
