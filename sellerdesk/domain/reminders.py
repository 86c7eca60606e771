"""Which task reminders are due: a pure function of `now` and what already fired.

The rules that make reminders "never fire twice, catch up after sleep":
- a task has reminder times: start - lead (when lead > 0), the start, and the
  snooze time; a snooze drops the times before it (they were answered by it);
- a time is due once now >= it, unless it (or a later time of the task) is in
  `fired`, or it is older than the catch-up window and the task's own window
  (ends_at) has closed;
- after a sleep several times of one task can be due: the task gets ONE
  reminder (the latest time), and the caller records every past time of the
  task as fired (`times_to_mark`), so none of them fires later.
Only to-do tasks remind; done and skipped tasks never do.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sellerdesk.domain.promo import Task, TaskStatus

CATCH_UP = timedelta(hours=12)

FiredKey = tuple[int, datetime]  # (task id, reminder time), as the store keeps them


@dataclass(frozen=True)
class Reminder:
    task_id: int
    fire_at: datetime
    kind: str  # 'lead' | 'start' | 'snooze'


def reminder_times(task: Task, default_lead_minutes: int) -> list[tuple[datetime, str]]:
    """The task's reminder times in order, whatever its status."""
    lead = default_lead_minutes if task.lead_minutes is None else task.lead_minutes
    times = []
    if lead > 0:
        times.append((task.starts_at - timedelta(minutes=lead), "lead"))
    times.append((task.starts_at, "start"))
    if task.snoozed_until is not None:
        times = [(t, k) for t, k in times if t > task.snoozed_until]
        times.append((task.snoozed_until, "snooze"))
    return sorted(times)


def due_reminders(tasks: Iterable[Task], now: datetime, fired: Collection[FiredKey],
                  default_lead_minutes: int, catch_up: timedelta = CATCH_UP) -> list[Reminder]:
    """At most one reminder per to-do task: its latest due, unfired time. Ordered by time."""
    due = []
    for task in _todo(tasks):
        past = [(t, k) for t, k in reminder_times(task, default_lead_minutes) if t <= now]
        # A time before one that already fired is stale, even if it was never recorded.
        last_fired = max((t for t, _ in past if (task.id, t) in fired), default=None)
        times = [(t, k) for t, k in past
                 if (last_fired is None or t > last_fired) and _still_useful(task, t, now, catch_up)]
        if times:
            t, kind = times[-1]
            due.append(Reminder(task.id, t, kind))
    return sorted(due, key=lambda r: (r.fire_at, r.task_id))


def times_to_mark(tasks: Iterable[Task], now: datetime, default_lead_minutes: int,
                  fired: Collection[FiredKey] = ()) -> list[FiredKey]:
    """Every past reminder time of the to-do tasks not yet in `fired`: record these with the
    reminders shown, so the times a collapsed reminder stood for never fire on their own."""
    return [(task.id, t) for task in _todo(tasks)
            for t, _ in reminder_times(task, default_lead_minutes)
            if t <= now and (task.id, t) not in fired]


def next_wake(tasks: Iterable[Task], now: datetime, fired: Collection[FiredKey],
              default_lead_minutes: int) -> datetime | None:
    """The earliest future reminder time (the caller caps how long it sleeps)."""
    future = [t for task in _todo(tasks) for t, _ in reminder_times(task, default_lead_minutes)
              if t > now and (task.id, t) not in fired]
    return min(future, default=None)


def startup_agenda(tasks: Iterable[Task], now: datetime) -> tuple[list[Task], list[Task]]:
    """(overdue, today): to-do tasks whose time has passed, by due time; and to-do tasks due
    or running today that are not overdue yet, by start."""
    overdue, today = [], []
    for task in _todo(tasks):
        if task.status_at(now) is TaskStatus.LATE:
            overdue.append(task)
        elif task.starts_at.date() <= now.date():  # not late, so it ends now or later
            today.append(task)
    overdue.sort(key=lambda t: (t.due_end, t.id))
    today.sort(key=lambda t: (t.starts_at, t.id))
    return overdue, today


def _todo(tasks: Iterable[Task]) -> list[Task]:
    return [t for t in tasks if t.status is TaskStatus.TODO]


def _still_useful(task: Task, t: datetime, now: datetime, catch_up: timedelta) -> bool:
    """A missed time is worth showing within the catch-up window, or while the task still runs."""
    return t > now - catch_up or (task.ends_at is not None and now <= task.ends_at)
