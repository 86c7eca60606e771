"""The promo calendar tab (大促日历): the month view, the agenda, and everything done to tasks.

Reads (the month's festivals, holidays, phases and tasks) run on a ReadLane;
writes (a task saved, a playbook applied, a campaign moved) run on the
window's write lane and come back as Changes(calendar=True), which the
window re-broadcasts. The clock is injected, so tests run on a fake one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.promo import Task, TaskDraft, TaskStatus
from sellerdesk.domain.segments import group_names
from sellerdesk.services import calendar_tasks
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.calendar.agenda_model import AgendaModel, TaskRole
from sellerdesk.ui.calendar.calendar_actions import CalendarActions
from sellerdesk.ui.calendar.calendar_menus import agenda_menu, day_menu
from sellerdesk.ui.calendar.month_data import (
    AGENDA_DAY,
    AGENDA_MONTH,
    AGENDA_UPCOMING,
    MonthData,
    phase_legend,
    read_month,
)
from sellerdesk.ui.calendar.month_model import MonthModel
from sellerdesk.ui.calendar.month_view import MonthView
from sellerdesk.ui.calendar.reminder_desk import ReminderDesk
from sellerdesk.ui.calendar.task_dialog import TaskDialog
from sellerdesk.ui.calendar.task_outreach import TaskOutreach
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.tasks import Task as Job
from sellerdesk.ui.tasks import TaskRunner


class CalendarPage(QWidget):
    changes_made = Signal(object)  # Changes made here, for the window to re-broadcast
    status_message = Signal(str)
    shown = Signal()  # a month was read and is on screen (tests wait for it)
    outreach_wanted = Signal(object)  # Task: open the outreach export pre-filled for it

    def __init__(self, runner: TaskRunner, clock: Callable[[], datetime], reminders: ReminderDesk,
                 parent: QWidget | None = None):
        """`reminders`: the window's reminder banner and timer, which outlive this page's absence."""
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self.runner = runner
        self.clock = clock
        self.shop: ShopFile | None = None
        self.data: MonthData | None = None
        self.dirty = True
        self.reads = ReadLane(self)
        self.dialog: TaskDialog | None = None
        now = clock()
        self.year, self.month = now.year, now.month

        self.prev_button = QToolButton(self)
        self.prev_button.setObjectName("monthPrev")
        self.prev_button.setText("◀")
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("monthNext")
        self.next_button.setText("▶")
        self.today_button = QPushButton(self)
        self.today_button.setObjectName("monthToday")
        self.month_label = QLabel(self)
        self.month_label.setObjectName("monthLabel")
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.month_label.setFont(font)
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyPlaybook")
        self.new_task_button = QPushButton(self)
        self.new_task_button.setObjectName("newTask")
        self.new_event_button = QPushButton(self)
        self.new_event_button.setObjectName("newEvent")
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("calendarMore")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.notice = QLabel(self)
        self.notice.setObjectName("calendarNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.setVisible(False)

        self.month_model = MonthModel(self)
        self.month_view = MonthView(self.month_model, self)
        self.agenda_filter = QComboBox(self)
        self.agenda_filter.setObjectName("agendaFilter")
        for _ in range(3):
            self.agenda_filter.addItem("")
        self.agenda_model = AgendaModel(self)
        self.agenda = QTableView(self)
        self.agenda.setObjectName("agenda")
        self.agenda.setModel(self.agenda_model)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.verticalHeader().setVisible(False)
        header = self.agenda.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((128, 0, 60, 60, 120, 72)):
            if width:
                self.agenda.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        self.agenda.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.agenda_count = QLabel(self)
        self.agenda_count.setObjectName("agendaCount")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("agendaDone")

        bar = QHBoxLayout()
        for widget in (self.prev_button, self.month_label, self.next_button, self.today_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.apply_button, self.new_task_button, self.new_event_button, self.more_button):
            bar.addWidget(widget)
        agenda_bar = QHBoxLayout()
        agenda_bar.addWidget(self.agenda_filter, 1)
        agenda_bar.addWidget(self.done_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(agenda_bar)
        right_layout.addWidget(self.agenda, 1)
        right_layout.addWidget(self.agenda_count)
        self.legend = QLabel(self)
        self.legend.setObjectName("phaseLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.month_view, 1)
        left_layout.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        # Reminders: the window's (they run from start-up); the page forgets what it settles.
        self.banner = reminders.banner
        self.reminders = reminders.center

        self.prev_button.clicked.connect(lambda: self.go_month(-1))
        self.next_button.clicked.connect(lambda: self.go_month(1))
        self.today_button.clicked.connect(self.go_today)
        self.new_task_button.clicked.connect(lambda: self.new_task(self.month_view.selected_day()))
        self.month_view.day_activated.connect(self.new_task)
        self.month_view.day_selected.connect(self._day_selected)
        self.month_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.month_view.customContextMenuRequested.connect(lambda pos: day_menu(self, pos))
        self.agenda.doubleClicked.connect(lambda index: self.open_task(index.data(TaskRole)))
        self.agenda.activated.connect(lambda index: self.open_task(index.data(TaskRole)))
        self.agenda.customContextMenuRequested.connect(lambda pos: agenda_menu(self, pos))
        self.agenda_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.done_button.clicked.connect(self._mark_selected_done)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=lambda: self.new_task(self.month_view.selected_day()))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, activated=lambda: self.go_month(-1))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=lambda: self.go_month(1))
        self.commands = CalendarActions(self)
        self.task_outreach = TaskOutreach(self)
        self.outreach_wanted.connect(self.task_outreach.start)
        self.apply_button.clicked.connect(self.commands.apply_playbook)
        self.new_event_button.clicked.connect(lambda: self.commands.new_event(self.month_view.selected_day()))
        self.retranslate_ui()

    # -- shop and refresh -------------------------------------------------------------------------
    def set_shop(self, shop: ShopFile) -> None:
        self.shop = shop
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        if not (changes.calendar or changes.groups or changes.settings):
            return
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.dirty:
            self.refresh()

    def refresh(self) -> None:
        shop = self.shop
        if shop is None:
            return
        self.dirty = False
        year, month, now = self.year, self.month, self.clock()
        agenda, day = self.agenda_filter.currentIndex(), self.month_view.selected_day()
        self.reads.start(
            lambda progress, cancel: read_month(shop, year, month, now, agenda, day),
            self._show,
            lambda exc: show_failure(self, self._title(), exc),
            kind="month",
        )

    def _show(self, data: MonthData) -> None:
        self.data = data
        selected = self.month_view.selected_day()
        self.month_model.set_month(data.year, data.month, data.entries, data.month_tasks, data.now)
        if selected is not None:
            self.month_view.select_day(selected)
        names = {c.id: c.name for c in data.campaigns}
        self.agenda_model.set_tasks(data.agenda_tasks, data.now, names, data.groups)
        self.legend.setText(phase_legend(data.entries))
        self._show_labels()
        self.shown.emit()

    def _show_labels(self) -> None:
        self.month_label.setText(
            QCoreApplication.translate("CalendarPage", "{year}-{month:02d}").format(year=self.year, month=self.month)
        )
        data = self.data
        unknown = sorted(y for y, known in (data.holidays_known.items() if data else ()) if not known)
        self.notice.setText(
            QCoreApplication.translate(
                "CalendarPage",
                "Public holidays for {years} are not published in SellerDesk's "
                "holiday data yet: the calendar shows that year without them.",
            ).format(years=", ".join(map(str, unknown)))
            if unknown
            else ""
        )
        self.notice.setVisible(bool(unknown))
        if data is not None:
            late = sum(t.status_at(data.now) is TaskStatus.LATE for t in data.agenda_tasks)
            self.agenda_count.setText(
                QCoreApplication.translate("CalendarPage", "{n} task(s), {late} late").format(
                    n=len(data.agenda_tasks), late=late
                )
            )

    # -- navigation ---------------------------------------------------------------------------------
    def go_month(self, step: int) -> None:
        index = self.year * 12 + (self.month - 1) + step
        self.show_month(index // 12, index % 12 + 1)

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self._show_labels()
        self.refresh()

    def go_today(self) -> None:
        today = self.clock().date()
        self.show_month(today.year, today.month)
        self.month_view.select_day(today)

    def go_to(self, day: date) -> None:
        self.show_month(day.year, day.month)
        self.month_view.select_day(day)

    def _day_selected(self, day: date) -> None:
        if self.agenda_filter.currentIndex() == AGENDA_DAY:
            self.refresh()

    def show_late_and_today(self) -> None:
        """The start-up summary's "show": this month's agenda, late and today's tasks first."""
        show_tab = getattr(self.window(), "show_tab", None)
        if show_tab is not None:
            show_tab(self)
        self.agenda_filter.setCurrentIndex(AGENDA_MONTH)
        self.go_today()

    # -- tasks ------------------------------------------------------------------------------------
    def new_task(self, day: date | None = None) -> TaskDialog | None:
        if self.shop is None:
            return None
        day = day or self.clock().date()
        draft = TaskDraft(
            title=QCoreApplication.translate("CalendarPage", "New task"), starts_at=datetime.combine(day, time(10, 0))
        )
        return self._open_dialog(draft)

    def open_task(self, task: Task | None) -> TaskDialog | None:
        if task is None or self.shop is None:
            return None
        show_tab = getattr(self.window(), "show_tab", None)
        if show_tab is not None:
            show_tab(self)  # from the reminder banner, whichever tab was open
        return self._open_dialog(task)

    def _open_dialog(self, task: Task | TaskDraft) -> TaskDialog:
        data = self.data
        campaign = next(
            (c.name for c in (data.campaigns if data else []) if isinstance(task, Task) and c.id == task.campaign_id),
            "",
        )
        groups = data.groups if data else {k: v[0 if lang() == "zh" else 1] for k, v in group_names().items()}
        dialog = TaskDialog(
            task,
            staff=data.staff if data else (),
            groups=groups,
            default_lead=data.lead_minutes if data else 30,
            campaign_name=campaign,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._save_dialog(dialog))
        dialog.delete_requested.connect(lambda t: self._delete(dialog, t))
        dialog.outreach_requested.connect(lambda t: self._save_for_outreach(dialog, t))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _save_dialog(self, dialog: TaskDialog) -> None:
        values = dialog.values()
        if values is None:
            return
        self.save_task(values)

    def save_task(self, task: Task | TaskDraft, then: Callable[[Task], None] | None = None) -> Job | None:
        shop = self.shop
        if shop is None:
            return None
        if isinstance(task, Task) and task.id:
            fn = lambda progress, cancel: calendar_tasks.update_task(shop, task)  # noqa: E731
        else:
            fn = lambda progress, cancel: calendar_tasks.create_task(shop, task)  # noqa: E731
        return self.write(fn, then)

    def _save_for_outreach(self, dialog: TaskDialog, task: Task | TaskDraft) -> None:
        """Save what is typed, close the dialog, then open the outreach export for the stored task."""
        dialog.done(0)
        self.save_task(task, then=lambda stored: self.outreach_wanted.emit(stored))

    def _delete(self, dialog: TaskDialog, task: Task) -> None:
        shop = self.shop
        dialog.done(0)
        self.banner.forget(task.id)
        self.write(lambda progress, cancel: calendar_tasks.delete_task(shop, task.id))

    def set_status(self, task: Task, status: TaskStatus) -> Job | None:
        shop, now = self.shop, self.clock()
        if shop is None:
            return None
        self.banner.forget(task.id)
        return self.write(lambda progress, cancel: calendar_tasks.set_task_status(shop, task.id, status, now))

    def snooze(self, task: Task, until: datetime) -> Job | None:
        shop = self.shop
        if shop is None:
            return None
        message = QCoreApplication.translate("CalendarPage", "Reminder for “{title}” snoozed until {time}.").format(
            title=task.title, time=f"{until:%m-%d %H:%M}"
        )
        return self.write(
            lambda progress, cancel: calendar_tasks.snooze_task(shop, task.id, until),
            lambda _: self.status_message.emit(message),
        )

    def attach_outreach(self, task_id: int, outreach_id: int) -> Job | None:
        """The outreach list for a task was exported: attach it and mark the task done."""
        shop, now = self.shop, self.clock()
        if shop is None:
            return None
        self.banner.forget(task_id)
        return self.write(lambda progress, cancel: calendar_tasks.attach_outreach(shop, task_id, outreach_id, now))

    def _mark_selected_done(self) -> None:
        index = self.agenda.currentIndex()
        if index.isValid():
            task = self.agenda_model.task_at(index.row())
            new = TaskStatus.TODO if task.status is TaskStatus.DONE else TaskStatus.DONE
            self.set_status(task, new)

    def show_day(self, day: date) -> None:
        self.month_view.select_day(day)
        if self.agenda_filter.currentIndex() == AGENDA_DAY:
            self.refresh()
        else:
            self.agenda_filter.setCurrentIndex(AGENDA_DAY)  # refreshes

    # -- writes -----------------------------------------------------------------------------------
    def write(self, fn, then: Callable | None = None) -> Job:
        """Run a service write on the window's lane; its Changes go to the window."""
        job = Job(fn, self)
        job.succeeded.connect(lambda result: self._written(result, then))
        job.failed.connect(lambda exc: show_failure(self, self._title(), exc))
        return self.runner.start(job)

    def _written(self, result, then: Callable | None) -> None:
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        self.changes_made.emit(changes or Changes(calendar=True))
        if then is not None:
            then(result)

    # -- language ---------------------------------------------------------------------------------
    def _title(self) -> str:
        return QCoreApplication.translate("CalendarPage", "Promo calendar")

    def retranslate_ui(self) -> None:
        self.today_button.setText(QCoreApplication.translate("CalendarPage", "Today"))
        self.prev_button.setToolTip(QCoreApplication.translate("CalendarPage", "Previous month (PgUp)"))
        self.next_button.setToolTip(QCoreApplication.translate("CalendarPage", "Next month (PgDown)"))
        self.apply_button.setText(QCoreApplication.translate("CalendarPage", "Apply a playbook…"))
        self.new_task_button.setText(QCoreApplication.translate("CalendarPage", "New task"))
        self.new_task_button.setToolTip(
            QCoreApplication.translate("CalendarPage", "A task on the selected day (Ctrl+N; or double-click a day)")
        )
        self.new_event_button.setText(QCoreApplication.translate("CalendarPage", "New event"))
        self.more_button.setText(QCoreApplication.translate("CalendarPage", "More"))
        self.done_button.setText(QCoreApplication.translate("CalendarPage", "Done / undo"))
        self.agenda_filter.setItemText(
            AGENDA_MONTH, QCoreApplication.translate("CalendarPage", "This month (late first)")
        )
        self.agenda_filter.setItemText(AGENDA_DAY, QCoreApplication.translate("CalendarPage", "The selected day"))
        self.agenda_filter.setItemText(
            AGENDA_UPCOMING, QCoreApplication.translate("CalendarPage", "Next 30 days (late first)")
        )
        self.commands.retranslate_ui()
        self._show_labels()
        self.month_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            # Names of groups and festivals come in the UI language: read again now if shown, else when shown.
            self.dirty = True
            if self.isVisible():
                self.refresh()
        super().changeEvent(event)

    def shut_down(self) -> None:
        self.shop = None  # no read may start after this (a late language change, a late Changes)
        self.reads.stop()
