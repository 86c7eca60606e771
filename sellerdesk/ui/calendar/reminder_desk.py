"""The reminders above every tab, from start-up: the banner, the timer that finds due tasks and the
desktop notification.

They need the shop's tasks, not the calendar page, which the window builds only when the
calendar tab is first opened: acting on a reminder (open, done, snooze, the agenda) asks the
window for the page, which builds it then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from sellerdesk.domain.promo import TaskStatus
from sellerdesk.services import calendar_tasks
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.calendar.reminder_banner import ReminderBanner
from sellerdesk.ui.calendar.reminder_center import ReminderCenter


class ReminderDesk(QObject):
    def __init__(self, clock: Callable[[], datetime], calendar: Callable[[], QWidget],
                 notify: Callable[[list], None], parent: QWidget):
        """calendar() gives the calendar page (built on first use); notify(tasks) knocks on the desktop."""
        super().__init__(parent)
        self.clock = clock
        self.banner = ReminderBanner(clock, parent)
        self.center = ReminderCenter(clock, self)
        self.center.reminders_due.connect(self._due)
        self._notify = notify
        self.banner.open_requested.connect(lambda task: calendar().open_task(task))
        self.banner.done_requested.connect(lambda task: calendar().set_status(task, TaskStatus.DONE))
        self.banner.snooze_requested.connect(lambda task, until: calendar().snooze(task, until))
        self.banner.agenda_requested.connect(lambda: calendar().show_late_and_today())

    def set_shop(self, shop: ShopFile) -> None:
        self.banner.queue.clear()
        self.center.set_shop(shop)
        now = self.clock()
        self.center.lane.start(
            lambda progress, cancel: calendar_tasks.startup_agenda(shop, now),
            lambda result: self.banner.show_startup(len(result[0]), len(result[1])),
            lambda exc: None,
            kind="startup",
        )

    def apply_changes(self, changes: Changes) -> None:
        if changes.calendar:
            self.center.check()  # a new or moved task may be due sooner than the timer thinks

    def _due(self, due: list) -> None:
        tasks = [d.task for d in due]
        self.banner.add(tasks)
        self._notify(tasks)

    def shut_down(self) -> None:
        self.center.shop = None  # no look may start after this
        self.center.stop()
