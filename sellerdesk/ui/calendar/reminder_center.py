"""Wakes the reminder rule: which reminders are due is services.calendar_tasks.due_reminders(now).

The timer only decides when to look again: at the next reminder time, and at
least every POLL_MS, so after the computer sleeps the first look catches up
(the service fires each missed task once and records it, so nothing fires
twice, even across restarts or two windows). The clock is injected: tests
drive it by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from sellerdesk.services import calendar_tasks
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.read_lane import ReadLane

POLL_MS = 30_000  # the longest sleep between looks: a missed wake-up costs at most this much delay


class ReminderCenter(QObject):
    reminders_due = Signal(list)  # [DueReminder], newest look only
    checked = Signal()  # a look finished (tests wait for it)

    def __init__(self, clock: Callable[[], datetime], parent: QObject | None = None, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self.clock = clock
        self.poll_ms = poll_ms
        self.shop: ShopFile | None = None
        self.lane = ReadLane(self, threads=1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    def set_shop(self, shop: ShopFile | None) -> None:
        self.shop = shop
        self.timer.stop()
        if shop is not None:
            self.check()

    def check(self) -> None:
        """Look now: fire what is due, then sleep until the next reminder (or POLL_MS)."""
        shop = self.shop
        if shop is None:
            return
        now = self.clock()

        def look(progress, cancel):
            due = calendar_tasks.due_reminders(shop, now)
            return due, calendar_tasks.next_wake(shop, now)

        self.lane.start(look, lambda result: self._looked(now, *result), self._failed, kind="look")

    def _looked(self, now: datetime, due: list, wake: datetime | None) -> None:
        if due:
            self.reminders_due.emit(list(due))
        interval = self.poll_ms
        if wake is not None:
            interval = int(min(max((wake - now).total_seconds(), 1) * 1000, self.poll_ms))
        self.timer.start(interval)
        self.checked.emit()

    def _failed(self, exc: BaseException) -> None:
        # A busy database (a long import holds the write lock) or a moved file: look again
        # later rather than interrupting the user with a dialog every half minute.
        self.timer.start(self.poll_ms)
        self.checked.emit()

    def stop(self) -> None:
        self.timer.stop()
        self.lane.stop()
