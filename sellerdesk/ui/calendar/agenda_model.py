"""The agenda: tasks as rows, late and today's first, then the rest by time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from sellerdesk.domain.promo import Task, TaskStatus
from sellerdesk.services.clock import shop_now
from sellerdesk.ui.calendar.task_labels import bucket, channel_name, status_name, when

WHEN, TITLE, STATUS, OWNER, GROUP, CAMPAIGN = range(6)
_HEADERS = (
    QT_TRANSLATE_NOOP("AgendaModel", "When"),
    QT_TRANSLATE_NOOP("AgendaModel", "Task"),
    QT_TRANSLATE_NOOP("AgendaModel", "Status"),
    QT_TRANSLATE_NOOP("AgendaModel", "Owner"),
    QT_TRANSLATE_NOOP("AgendaModel", "Group / channel"),
    QT_TRANSLATE_NOOP("AgendaModel", "Campaign"),
)
TaskRole = Qt.ItemDataRole.UserRole + 1
_LATE = QColor("#c0392b")
_FADED = QColor("#808080")


class AgendaModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._now = shop_now()  # until set_tasks gives the page's clock's time
        self._campaigns: dict[int, str] = {}
        self._groups: dict[str, str] = {}

    def set_tasks(self, tasks: list[Task], now: datetime, campaigns: dict[int, str], groups: dict[str, str]) -> None:
        """`campaigns`: id -> name; `groups`: group key -> name in the UI language."""
        self.beginResetModel()
        self._now, self._campaigns, self._groups = now, campaigns, groups
        self._tasks = sorted(tasks, key=lambda t: (bucket(t, now), t.starts_at, t.title))
        self.endResetModel()

    def task_at(self, row: int) -> Task:
        return self._tasks[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        task = self._tasks[index.row()]
        status = task.status_at(self._now)
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == WHEN:
                return when(task, with_year=task.starts_at.year != self._now.year)
            if column == TITLE:
                done = sum(item.done for item in task.checklist)
                return f"{task.title}  ({done}/{len(task.checklist)})" if task.checklist else task.title
            if column == STATUS:
                return status_name(status)
            if column == OWNER:
                return task.owner
            if column == GROUP:
                group = self._groups.get(task.group_key or "", task.group_key or "")
                return " · ".join(p for p in (group, channel_name(task.channel)) if p)
            if column == CAMPAIGN:
                return self._campaigns.get(task.campaign_id or 0, "")
        if role == TaskRole:
            return task
        if role == Qt.ItemDataRole.ForegroundRole:
            if status is TaskStatus.LATE:
                return QBrush(_LATE)
            if status in (TaskStatus.DONE, TaskStatus.SKIPPED):
                return QBrush(_FADED)
        if role == Qt.ItemDataRole.FontRole and index.column() == STATUS and status is TaskStatus.LATE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return task.notes or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AgendaModel", _HEADERS[section])
        return None
