"""The owner's own words for the report: lessons, owners, next actions; and last time's, when the festival returns."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.report_notes import ReportNotes
from sellerdesk.services import report_notes
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import OK_STYLE, message_label, show_message
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.tasks import Task, TaskRunner


def read_notes(shop: ShopFile, campaign_id, start: date, end: date, festival: str | None, year: int | None):
    current = report_notes.notes_for(
        shop, campaign_id=campaign_id, start=None if campaign_id else start, end=None if campaign_id else end
    )
    previous = report_notes.previous_notes(shop, festival, year) if festival and year else None
    return current, previous


class NotesEditor(QWidget):
    changes_made = Signal(object)
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.shop: ShopFile | None = None
        self.key: tuple | None = None  # (campaign_id, start, end)
        self.reads = ReadLane(self, threads=1)
        self.lessons, self.owners, self.next_actions = (QPlainTextEdit(self) for _ in range(3))
        self.lessons.setObjectName("notesLessons")
        self.owners.setObjectName("notesOwners")
        self.next_actions.setObjectName("notesNext")
        self.owners.setMaximumHeight(70)
        self.previous = QLabel(self)
        self.previous.setObjectName("notesPrevious")
        self.previous.setWordWrap(True)
        self.previous.setStyleSheet("background: #f4f4f4; padding: 6px;")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("notesSave")
        self.save_button.clicked.connect(self.save)
        self.message = message_label(self, "notesMessage")
        self.message.setVisible(False)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, edit in zip(self.labels, (self.lessons, self.owners, self.next_actions)):
            form.addRow(label, edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.previous)
        layout.addLayout(form, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def set_period(
        self, shop: ShopFile, campaign_id, start: date, end: date, festival: str | None, year: int | None
    ) -> None:
        self.shop, self.key = shop, (campaign_id, start, end)
        self.reads.start(
            lambda progress, cancel: read_notes(shop, campaign_id, start, end, festival, year),
            self._show,
            lambda exc: show_failure(self, self._title(), exc),
            kind="notes",
        )

    def _show(self, result) -> None:
        current, previous = result
        for edit, text in zip(
            (self.lessons, self.owners, self.next_actions),
            (current.lessons, current.owners, current.next_actions) if current else ("", "", ""),
        ):
            edit.setPlainText(text)
        if previous is not None:
            self.previous.setText(
                QCoreApplication.translate(
                    "NotesEditor", "Last time ({start} – {end}):\nLessons: {lessons}\nNext time: {next}"
                ).format(
                    start=previous.period_start,
                    end=previous.period_end,
                    lessons=previous.lessons or "—",
                    next=previous.next_actions or "—",
                )
            )
        self.previous.setVisible(previous is not None)
        self.message.setVisible(False)
        self.loaded.emit()

    def notes(self) -> ReportNotes | None:
        if self.key is None:
            return None
        campaign_id, start, end = self.key
        return ReportNotes(
            start,
            end,
            self.lessons.toPlainText().strip(),
            self.owners.toPlainText().strip(),
            self.next_actions.toPlainText().strip(),
            campaign_id,
        )

    def save(self) -> Task | None:
        notes, shop = self.notes(), self.shop
        if notes is None or shop is None:
            return None
        task = Task(lambda progress, cancel: report_notes.save_notes(shop, notes), self)
        task.succeeded.connect(
            lambda changes: (
                show_message(
                    self.message,
                    QCoreApplication.translate("NotesEditor", "Notes saved: they go into the report."),
                    OK_STYLE,
                ),
                self.changes_made.emit(changes),
            )
        )
        task.failed.connect(lambda exc: show_failure(self, self._title(), exc))
        return self.runner.start(task)

    def _title(self) -> str:
        return QCoreApplication.translate("NotesEditor", "Notes")

    def retranslate_ui(self) -> None:
        texts = (
            QCoreApplication.translate("NotesEditor", "Lessons (what went well, what did not)"),
            QCoreApplication.translate("NotesEditor", "Owners"),
            QCoreApplication.translate("NotesEditor", "Next time"),
        )
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.save_button.setText(QCoreApplication.translate("NotesEditor", "Save notes"))
