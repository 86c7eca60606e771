"""Calendar tasks: queries, edits, status, checklists, snoozes, reminders and outreach links.

Each call opens its own connection (any thread may call it); every write runs
in one transaction and is checked first, so a bad edit raises CalendarError
(zh + en) and stores nothing. Writes return Changes(calendar=True).
Times are naive Asia/Shanghai wall-clock datetimes; `now` is always passed in
(services.clock.shop_now() gives the real one).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sellerdesk.domain import reminders
from sellerdesk.domain.promo import CalendarError, Campaign, Task, TaskDraft, TaskStatus
from sellerdesk.services.calendar_settings import check_lead_minutes, read_calendar_settings
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar as rows

__all__ = ["CHANGES", "DueReminder", "all_tasks", "attach_outreach", "check_task", "create_task", "delete_task",
           "due_reminders", "get_task", "next_wake", "require_campaign", "require_task", "set_task_status", "snooze_task",
           "startup_agenda", "tasks_between", "toggle_checklist_item", "update_task"]

CHANGES = Changes(calendar=True)  # what every calendar write changes


@dataclass(frozen=True)
class DueReminder:
    task: Task
    fire_at: datetime  # the reminder time it stands for (the latest one missed, after a sleep)
    kind: str  # 'lead' | 'start' | 'snooze'


# --- queries ----------------------------------------------------------------------------------

def tasks_between(shop: ShopFile, start: datetime, end: datetime) -> list[Task]:
    """Tasks whose time or window overlaps [start, end), by start time (a month view: the
    month's first midnight to the next month's)."""
    store = shop.open()
    try:
        return rows.tasks_between(store.conn, start, end)
    finally:
        store.close()


def all_tasks(shop: ShopFile) -> list[Task]:
    """Every task by start time (the command line's list; a window asks for a range)."""
    store = shop.open()
    try:
        return rows.all_tasks(store.conn)
    finally:
        store.close()


def get_task(shop: ShopFile, task_id: int) -> Task | None:
    """One task with its checklist; None when it no longer exists."""
    store = shop.open()
    try:
        return rows.get_task(store.conn, task_id)
    finally:
        store.close()


# --- edits ------------------------------------------------------------------------------------

def check_task(conn, draft: TaskDraft, campaign: Campaign | int | None) -> None:
    """Raise CalendarError unless the task can be stored: its campaign (by id, or as already
    read) exists and its whole window lies within the campaign's days, a known channel, a sane
    reminder lead. (An end before the start is refused by TaskDraft itself.)"""
    # (the playbooks' module and what it imports, ~25 ms, stay out of the window's start-up,
    # where the reminders use this module)
    from sellerdesk.domain.playbooks import CHANNELS

    if draft.channel is not None and draft.channel not in CHANNELS:
        raise CalendarError(f"任务「{draft.title}」的触达渠道未知：{draft.channel}",
                            f"Task '{draft.title}' has an unknown channel: {draft.channel}")
    if draft.lead_minutes is not None:
        check_lead_minutes(draft.lead_minutes)
    if campaign is None:
        return
    if isinstance(campaign, int):
        campaign = require_campaign(conn, campaign)
    end = (draft.ends_at or draft.starts_at).date()
    if draft.starts_at.date() < campaign.start or end > campaign.end:
        raise CalendarError(
            f"任务「{draft.title}」（{draft.starts_at:%Y-%m-%d %H:%M}）不在活动「{campaign.name}」的日期内"
            f"（{campaign.start} 至 {campaign.end}）。",
            f"Task '{draft.title}' ({draft.starts_at:%Y-%m-%d %H:%M}) falls outside its campaign "
            f"'{campaign.name}' ({campaign.start} to {campaign.end}).")


def require_campaign(conn, campaign_id: int) -> Campaign:
    campaign = rows.get_campaign(conn, campaign_id)
    if campaign is None:
        raise CalendarError(f"活动 #{campaign_id} 不存在（可能已被删除）。",
                            f"Campaign #{campaign_id} does not exist (it may have been deleted).")
    return campaign


def require_task(conn, task_id: int) -> Task:
    task = rows.get_task(conn, task_id)
    if task is None:
        raise CalendarError(f"任务 #{task_id} 不存在（可能已被删除）。",
                            f"Task #{task_id} does not exist (it may have been deleted).")
    return task


def create_task(shop: ShopFile, draft: TaskDraft, campaign_id: int | None = None, *,
                now: datetime | None = None) -> Task:
    """Store a new to-do task (in a campaign, or on its own) and return it with its id.
    Changes: CHANGES."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            check_task(conn, draft, campaign_id)
            task_id = rows.insert_task(conn, draft, campaign_id, now or shop_now())
            return rows.get_task(conn, task_id)
    finally:
        store.close()


def update_task(shop: ShopFile, task: Task) -> Changes:
    """Write back every field of an edited task (title, times, owner, checklist, status ...),
    checked like a new one. A status of LATE is stored as to do (late is computed)."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            require_task(conn, task.id)
            check_task(conn, task, task.campaign_id)
            rows.update_task(conn, task)
        return CHANGES
    finally:
        store.close()


def delete_task(shop: ShopFile, task_id: int) -> Changes:
    """Remove a task with its checklist and fired reminders (a missing one is no error)."""
    return _write(shop, lambda conn: rows.delete_task(conn, task_id))


def set_task_status(shop: ShopFile, task_id: int, status: TaskStatus, now: datetime) -> Changes:
    """Mark a task to do, done or skipped. done_at is when it was closed (done or skipped),
    cleared when it is opened again. LATE cannot be set: it is what a to-do becomes."""
    if status is TaskStatus.LATE:
        raise CalendarError("“已逾期”由时间决定，不能手动设置。", "'Late' follows from the time; it cannot be set.")

    def change(conn) -> None:
        task = require_task(conn, task_id)
        done_at = None if status is TaskStatus.TODO else (task.done_at if task.status is status else now)
        rows.update_task(conn, replace(task, status=status, done_at=done_at))
    return _write(shop, change)


def toggle_checklist_item(shop: ShopFile, task_id: int, pos: int, done: bool) -> Changes:
    """Tick (or untick) checklist item `pos` (0-based) of a task."""
    def change(conn) -> None:
        task = require_task(conn, task_id)
        if not rows.set_checklist_item(conn, task_id, pos, done):
            raise CalendarError(f"任务「{task.title}」没有第 {pos + 1} 项检查项。",
                                f"Task '{task.title}' has no checklist item {pos + 1}.")
    return _write(shop, change)


def snooze_task(shop: ShopFile, task_id: int, until: datetime) -> Changes:
    """Remind again at `until` (the reminder times before it are dropped; see domain.reminders)."""
    def change(conn) -> None:
        rows.update_task(conn, replace(require_task(conn, task_id), snoozed_until=until))
    return _write(shop, change)


def attach_outreach(shop: ShopFile, task_id: int, outreach_id: int, now: datetime) -> Changes:
    """Link the outreach list exported for a task and mark the task done at `now`."""
    def change(conn) -> None:
        task = require_task(conn, task_id)
        if not rows.outreach_exists(conn, outreach_id):
            raise CalendarError(f"触达记录 #{outreach_id} 不存在。", f"Outreach #{outreach_id} does not exist.")
        rows.update_task(conn, replace(task, outreach_id=outreach_id, status=TaskStatus.DONE,
                                       done_at=task.done_at if task.status is TaskStatus.DONE else now))
    return _write(shop, change)


def _write(shop: ShopFile, change) -> Changes:
    store = shop.open()
    try:
        with store.transaction() as conn:
            change(conn)
        return CHANGES
    finally:
        store.close()


# --- reminders --------------------------------------------------------------------------------

def _reminder_inputs(conn, now: datetime) -> tuple[list[Task], set, int]:
    """The to-do tasks that may remind around `now`, what already fired for them, the default lead.

    A reminder older than the catch-up window only counts while its task still runs, and such a
    task ends after the window's start, so tasks that start, end or are snoozed after it suffice.
    """
    tasks = rows.todo_tasks_since(conn, now - reminders.CATCH_UP)
    return tasks, rows.fired_of(conn, [t.id for t in tasks]), read_calendar_settings(conn).lead_minutes


def due_reminders(shop: ShopFile, now: datetime) -> list[DueReminder]:
    """The reminders to show now (at most one per task, the latest missed time after a sleep),
    and, in the same transaction, every past reminder time of those tasks recorded as fired:
    a second call at the same `now` returns nothing, and nothing ever fires twice."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            tasks, fired, lead = _reminder_inputs(conn, now)
            due = reminders.due_reminders(tasks, now, fired, lead)
            rows.mark_fired(conn, reminders.times_to_mark(tasks, now, lead, fired), now)
        by_id = {t.id: t for t in tasks}
        return [DueReminder(by_id[r.task_id], r.fire_at, r.kind) for r in due]
    finally:
        store.close()


def next_wake(shop: ShopFile, now: datetime) -> datetime | None:
    """The earliest future reminder time, or None (the timer caps how long it sleeps)."""
    store = shop.open()
    try:
        tasks = rows.todo_tasks_since(conn := store.conn, now)
        return reminders.next_wake(tasks, now, rows.fired_of(conn, [t.id for t in tasks]),
                                   read_calendar_settings(conn).lead_minutes)
    finally:
        store.close()


def startup_agenda(shop: ShopFile, now: datetime) -> tuple[list[Task], list[Task]]:
    """(overdue, today): to-do tasks whose time has passed, and those due or running today."""
    tomorrow = datetime(now.year, now.month, now.day) + timedelta(days=1)
    store = shop.open()
    try:
        return reminders.startup_agenda(rows.todo_tasks_until(store.conn, tomorrow), now)
    finally:
        store.close()
