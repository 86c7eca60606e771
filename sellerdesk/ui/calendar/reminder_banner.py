"""The in-app reminder: a bar above the tabs with Open, Done and Snooze one click away.

Shown for every reminder (the system tray's message, where there is a tray,
is only the knock on the door). Several reminders queue: the bar shows the
first and how many more wait.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QWidget

from sellerdesk.domain.promo import Task
from sellerdesk.ui.calendar.task_labels import when

SNOOZE_MINUTES = (10, 30, 60)


def snooze_choices(now: datetime) -> list[datetime]:
    """10 min, 30 min, 1 hour from now, and tomorrow 09:00."""
    later = [now + timedelta(minutes=m) for m in SNOOZE_MINUTES]
    return later + [datetime.combine(now.date() + timedelta(days=1), time(9, 0))]


class ReminderBanner(QFrame):
    open_requested = Signal(object)  # Task
    done_requested = Signal(object)  # Task
    snooze_requested = Signal(object, object)  # Task, datetime
    agenda_requested = Signal()  # "show" on the start-up summary

    def __init__(self, clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#reminderBanner { background: #fff4d6; border: 1px solid #e0b84c; }")
        self.clock = clock
        self.queue: list[Task] = []
        self.summary: tuple[int, int] | None = None  # (late, today) at start-up
        self.text = QLabel(self)
        self.text.setObjectName("reminderText")
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("reminderOpen")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("reminderDone")
        self.snooze_button = QToolButton(self)
        self.snooze_button.setObjectName("reminderSnooze")
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.snooze_button.setMenu(self.snooze_menu)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("reminderShowAgenda")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("reminderDismiss")
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        for widget in (self.show_button, self.open_button, self.done_button, self.snooze_button, self.close_button):
            layout.addWidget(widget)
        self.open_button.clicked.connect(lambda: self._act(self.open_requested))
        self.done_button.clicked.connect(lambda: self._act(self.done_requested))
        self.show_button.clicked.connect(self._show_agenda)
        self.close_button.clicked.connect(self.dismiss)
        self.setVisible(False)
        self.retranslate_ui()

    # -- contents ---------------------------------------------------------------------------------
    def add(self, tasks: list[Task]) -> None:
        """Queue reminders (a task already waiting moves to the front with its newer values)."""
        ids = {t.id for t in tasks}
        self.queue = list(tasks) + [t for t in self.queue if t.id not in ids]
        self.summary = None
        self._show()

    def show_startup(self, late: int, today: int) -> None:
        """The start-up summary: late and today's tasks, with a button to the agenda."""
        if late or today:
            self.summary = (late, today)
            self._show()

    def forget(self, task_id: int) -> None:
        self.queue = [t for t in self.queue if t.id != task_id]
        self._show()

    @property
    def current(self) -> Task | None:
        return self.queue[0] if self.queue else None

    def dismiss(self) -> None:
        if self.queue:
            self.queue.pop(0)
        else:
            self.summary = None
        self._show()

    def _act(self, signal) -> None:
        task = self.current
        if task is not None:
            self.queue.pop(0)
            signal.emit(task)
            self._show()

    def _snooze(self, until: datetime) -> None:
        task = self.current
        if task is not None:
            self.queue.pop(0)
            self.snooze_requested.emit(task, until)
            self._show()

    def _show_agenda(self) -> None:
        self.summary = None
        self.agenda_requested.emit()
        self._show()

    def _fill_snooze_menu(self) -> None:
        self.snooze_menu.clear()
        choices = snooze_choices(self.clock())
        labels = [QCoreApplication.translate("ReminderBanner", "In {n} minutes").format(n=m) for m in SNOOZE_MINUTES]
        labels.append(QCoreApplication.translate("ReminderBanner", "Tomorrow 09:00"))
        for label, until in zip(labels, choices):
            self.snooze_menu.addAction(label, lambda u=until: self._snooze(u))

    def _show(self) -> None:
        task = self.current
        reminder = task is not None
        for widget in (self.open_button, self.done_button, self.snooze_button):
            widget.setVisible(reminder)
        self.show_button.setVisible(not reminder and self.summary is not None)
        if reminder:
            text = QCoreApplication.translate("ReminderBanner", "Reminder: {title} — {when}").format(
                title=task.title, when=when(task)
            )
            if len(self.queue) > 1:
                text += "  " + QCoreApplication.translate("ReminderBanner", "(+{n} more)").format(n=len(self.queue) - 1)
            self.text.setText(text)
        elif self.summary is not None:
            late, today = self.summary
            self.text.setText(
                QCoreApplication.translate(
                    "ReminderBanner", "Promo calendar: {late} late task(s), {today} due today."
                ).format(late=late, today=today)
            )
        self.setVisible(reminder or self.summary is not None)

    def retranslate_ui(self) -> None:
        self.open_button.setText(QCoreApplication.translate("ReminderBanner", "Open"))
        self.done_button.setText(QCoreApplication.translate("ReminderBanner", "Done"))
        self.snooze_button.setText(QCoreApplication.translate("ReminderBanner", "Snooze"))
        self.show_button.setText(QCoreApplication.translate("ReminderBanner", "Show them"))
        self.close_button.setToolTip(QCoreApplication.translate("ReminderBanner", "Dismiss"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
