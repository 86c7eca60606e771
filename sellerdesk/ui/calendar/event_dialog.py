"""The shop's own events: a shop anniversary (every year), a platform campaign signed up for (this year's dates)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
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
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services.calendar_view import UserEvent
from sellerdesk.ui.groups.common import message_label


def _date_edit(parent: QWidget, value: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class EventDialog(QDialog):
    """Add or edit one event; `values()` gives the edited UserEvent (id 0 for a new one)."""

    def __init__(self, event: UserEvent, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.user_event = event
        self.title = QLineEdit(event.title, self)
        self.title.setObjectName("eventTitle")
        self.start = _date_edit(self, event.start, "eventStart")
        self.end = _date_edit(self, event.end, "eventEnd")
        self.start.dateChanged.connect(lambda d: self.end.setDate(d) if self.end.date() < d else None)
        self.yearly = QCheckBox(self)
        self.yearly.setObjectName("eventYearly")
        self.yearly.setChecked(event.yearly)
        self.notes = QPlainTextEdit(event.notes, self)
        self.notes.setMaximumHeight(90)
        self.error = message_label(self, "eventError")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(self.labels, (self.title, self.start, self.end, self.yearly, self.notes)):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def values(self) -> UserEvent:
        return UserEvent(
            self.user_event.id,
            self.title.text().strip(),
            self.start.date().toPython(),
            self.end.date().toPython(),
            self.yearly.isChecked(),
            self.notes.toPlainText().strip(),
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            QCoreApplication.translate("EventDialog", "Event")
            if self.user_event.id
            else QCoreApplication.translate("EventDialog", "New event")
        )
        labels = (
            QCoreApplication.translate("EventDialog", "Title"),
            QCoreApplication.translate("EventDialog", "From"),
            QCoreApplication.translate("EventDialog", "To"),
            "",
            QCoreApplication.translate("EventDialog", "Notes"),
        )
        for label, text in zip(self.labels, labels):
            label.setText(text)
        self.title.setPlaceholderText(
            QCoreApplication.translate("EventDialog", "e.g. Shop anniversary, Juhuasuan slot")
        )
        self.yearly.setText(QCoreApplication.translate("EventDialog", "Every year on these dates"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class EventsDialog(QDialog):
    """The list of the shop's events, with add, edit and delete (the page does the writes)."""

    add_requested = Signal()
    edit_requested = Signal(object)  # UserEvent
    delete_requested = Signal(object)  # UserEvent

    def __init__(self, events: list[UserEvent], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eventsDialog")
        self.list = QListWidget(self)
        self.list.setObjectName("eventsList")
        self.add_button, self.edit_button, self.delete_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._with_current(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._with_current(self.delete_requested))
        self.list.itemDoubleClicked.connect(lambda _: self._with_current(self.edit_requested))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.set_events(events)
        self.resize(520, 420)
        self.retranslate_ui()

    def set_events(self, events: list[UserEvent]) -> None:
        self.list.clear()
        for event in events:
            span = event.start.isoformat() if event.end == event.start else f"{event.start} – {event.end}"
            yearly = QCoreApplication.translate("EventDialog", " (every year)") if event.yearly else ""
            item = QListWidgetItem(f"{span}  {event.title}{yearly}", self.list)
            item.setData(256, event)

    def _with_current(self, signal) -> None:
        item = self.list.currentItem()
        if item is not None:
            signal.emit(item.data(256))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("EventDialog", "Your events"))
        self.add_button.setText(QCoreApplication.translate("EventDialog", "Add…"))
        self.edit_button.setText(QCoreApplication.translate("EventDialog", "Edit…"))
        self.delete_button.setText(QCoreApplication.translate("EventDialog", "Delete"))
