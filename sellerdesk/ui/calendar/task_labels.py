"""How task values read on screen: statuses, channels, times and windows."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.domain.promo import Task, TaskStatus

_STATUS = {
    TaskStatus.TODO: QT_TRANSLATE_NOOP("TaskLabels", "To do"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("TaskLabels", "Done"),
    TaskStatus.SKIPPED: QT_TRANSLATE_NOOP("TaskLabels", "Skipped"),
    TaskStatus.LATE: QT_TRANSLATE_NOOP("TaskLabels", "Late"),
}
_CHANNEL = {
    "sms": QT_TRANSLATE_NOOP("TaskLabels", "SMS"),
    "email": QT_TRANSLATE_NOOP("TaskLabels", "Email"),
    "phone": QT_TRANSLATE_NOOP("TaskLabels", "Phone calls"),
}
CHANNELS = tuple(_CHANNEL)


def status_name(status: TaskStatus) -> str:
    return QCoreApplication.translate("TaskLabels", _STATUS[status])


def channel_name(channel: str | None) -> str:
    if not channel:
        return ""
    source = _CHANNEL.get(channel)
    return QCoreApplication.translate("TaskLabels", source) if source else channel


def when(task: Task, *, with_year: bool = True) -> str:
    """'2026-11-10 20:00–22:00', '2026-11-01 12:00 – 11-05 13:30' or '2026-11-11 10:00' (without the
    year: '11-10 20:00–22:00', for the agenda, where the month says the year)."""
    start = task.starts_at
    text = f"{start:%Y-%m-%d %H:%M}" if with_year else f"{start:%m-%d %H:%M}"
    end = task.ends_at
    if end is None:
        return text
    if end.date() == start.date():
        return f"{text}–{end:%H:%M}"
    return f"{text} – {end:%m-%d %H:%M}"


def bucket(task: Task, now: datetime) -> int:
    """0 late, 1 due today, 2 later, 3 done or skipped: the agenda's order."""
    status = task.status_at(now)
    if status is TaskStatus.LATE:
        return 0
    if status is not TaskStatus.TODO:
        return 3
    return 1 if task.starts_at.date() <= now.date() else 2
