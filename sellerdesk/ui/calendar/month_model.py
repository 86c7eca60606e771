"""Six weeks of days (weeks start on Monday) with what falls on each: festivals, holidays, phases, tasks.

The model holds one month's worth of values the page read off the GUI
thread; the delegate (month_view.py) draws them. Days outside the month are
shown too (greyed), as a wall calendar does.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from sellerdesk.domain.promo import CalendarEntry, Task
from sellerdesk.services.clock import shop_now
from sellerdesk.ui.i18n import lang

WEEKS = 6
DateRole = Qt.ItemDataRole.UserRole + 1
EntriesRole = Qt.ItemDataRole.UserRole + 2
TasksRole = Qt.ItemDataRole.UserRole + 3
InMonthRole = Qt.ItemDataRole.UserRole + 4
TodayRole = Qt.ItemDataRole.UserRole + 5


def first_cell(year: int, month: int) -> date:
    """The Monday on or before the 1st of the month."""
    first = date(year, month, 1)
    return first - timedelta(days=first.weekday())


def tasks_on(tasks: list[Task], day: date) -> list[Task]:
    """Tasks that start or end on the day, in time order. A task spanning days (pool building,
    September to October) shows on its first and last day only: every day in between would
    bury the day's own tasks."""
    return sorted(
        (t for t in tasks if t.starts_at.date() == day or (t.ends_at and t.ends_at.date() == day)),
        key=lambda t: (t.starts_at.date() != day, t.starts_at, t.title),
    )


class MonthModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        now = shop_now()  # until the page sets its clock's time
        self.year, self.month = now.year, now.month
        self.now = now
        self._entries: list[CalendarEntry] = []
        self._tasks: list[Task] = []

    # -- contents ---------------------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.now.date()

    def set_month(self, year: int, month: int, entries: list[CalendarEntry], tasks: list[Task], now: datetime) -> None:
        """Show the month with what the page read for it; `now` marks today and late tasks."""
        self.beginResetModel()
        self.year, self.month, self.now = year, month, now
        self._entries, self._tasks = list(entries), list(tasks)
        self.endResetModel()

    def day_at(self, index: QModelIndex) -> date:
        return first_cell(self.year, self.month) + timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - first_cell(self.year, self.month)).days
        if not 0 <= offset < WEEKS * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def entries_on(self, day: date) -> list[CalendarEntry]:
        return [e for e in self._entries if e.covers(day)]

    def tasks_on(self, day: date) -> list[Task]:
        return tasks_on(self._tasks, day)

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self.day_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DateRole:
            return day
        if role == EntriesRole:
            return self.entries_on(day)
        if role == TasksRole:
            return self.tasks_on(day)
        if role == InMonthRole:
            return day.month == self.month
        if role == TodayRole:
            return day == self.today
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [day.isoformat()]
            lines += [e.name(lang()) for e in self.entries_on(day)]
            lines += [f"{t.starts_at:%H:%M} {t.title}" for t in self.tasks_on(day)]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{day.isoformat()}: {len(self.tasks_on(day))}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return weekday_name(section)
        return None


def weekday_name(weekday: int) -> str:
    names = (
        QCoreApplication.translate("MonthModel", "Mon"),
        QCoreApplication.translate("MonthModel", "Tue"),
        QCoreApplication.translate("MonthModel", "Wed"),
        QCoreApplication.translate("MonthModel", "Thu"),
        QCoreApplication.translate("MonthModel", "Fri"),
        QCoreApplication.translate("MonthModel", "Sat"),
        QCoreApplication.translate("MonthModel", "Sun"),
    )
    return names[weekday]
