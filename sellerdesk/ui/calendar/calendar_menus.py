"""The calendar tab's context menus: a day on the month view, a task in the agenda."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from sellerdesk.domain.promo import TaskStatus


def day_menu(page, pos) -> QMenu | None:
    """A day's own menu: its tasks to open, a new task or event there, the day in the agenda."""
    index = page.month_view.indexAt(pos)
    if not index.isValid():
        return None
    day = page.month_model.day_at(index)
    menu = QMenu(page)
    menu.setObjectName("dayMenu")
    for task in page.month_model.tasks_on(day):
        menu.addAction(f"{task.starts_at:%H:%M} {task.title}", lambda t=task: page.open_task(t))
    if not menu.isEmpty():
        menu.addSeparator()
    menu.addAction(QCoreApplication.translate("CalendarPage", "New task on this day…"), lambda: page.new_task(day))
    menu.addAction(
        QCoreApplication.translate("CalendarPage", "New event on this day…"), lambda: page.commands.new_event(day)
    )
    menu.addAction(
        QCoreApplication.translate("CalendarPage", "This day's tasks in the list"), lambda: page.show_day(day)
    )
    menu.popup(page.month_view.viewport().mapToGlobal(pos))
    return menu


def agenda_menu(page, pos) -> None:
    """A task's menu in the agenda: open, done, skip, back to to-do, find it on the month, its outreach list."""
    index = page.agenda.indexAt(pos)
    if not index.isValid():
        return
    task = page.agenda_model.task_at(index.row())
    menu = QMenu(page)
    menu.addAction(QCoreApplication.translate("CalendarPage", "Open…"), lambda: page.open_task(task))
    menu.addAction(
        QCoreApplication.translate("CalendarPage", "Mark done"), lambda: page.set_status(task, TaskStatus.DONE)
    )
    menu.addAction(
        QCoreApplication.translate("CalendarPage", "Skip"), lambda: page.set_status(task, TaskStatus.SKIPPED)
    )
    menu.addAction(
        QCoreApplication.translate("CalendarPage", "Back to to-do"), lambda: page.set_status(task, TaskStatus.TODO)
    )
    menu.addAction(
        QCoreApplication.translate("CalendarPage", "Show on the calendar"),
        lambda: page.go_to(task.starts_at.date()),
    )
    if task.group_key and task.channel:
        menu.addAction(
            QCoreApplication.translate("CalendarPage", "Make the outreach list…"),
            lambda: page.outreach_wanted.emit(task),
        )
    menu.popup(page.agenda.viewport().mapToGlobal(pos))
