from datetime import datetime, timedelta

import pytest

from sellerdesk.domain.promo import Task, TaskStatus
from sellerdesk.domain.reminders import (
    Reminder, due_reminders, next_wake, reminder_times, startup_agenda, times_to_mark)

LEAD = 30  # the shop's default lead, minutes
T = datetime(2026, 11, 10, 20, 0)  # round 3 of the 11.11 pre-heat
S = timedelta(seconds=1)
M = timedelta(minutes=1)
H = timedelta(hours=1)


def task(id=1, start=T, *, ends=None, lead=None, status=TaskStatus.TODO, snoozed=None):
    return Task(title=f"task {id}", starts_at=start, ends_at=ends, lead_minutes=lead, id=id,
                status=status, snoozed_until=snoozed)


def run(tasks, nows, fired=None):
    """The caller's loop: show what is due, then record every past time as fired."""
    fired = set() if fired is None else fired
    shown = []
    for now in nows:
        shown += due_reminders(tasks, now, fired, LEAD)
        fired.update(times_to_mark(tasks, now, LEAD, fired))
    return shown


@pytest.mark.parametrize(
    "lead, snoozed, expected",
    [
        (None, None, [(T - 30 * M, "lead"), (T, "start")]),  # the shop default
        (15, None, [(T - 15 * M, "lead"), (T, "start")]),
        (0, None, [(T, "start")]),
        (None, T - 20 * M, [(T - 20 * M, "snooze"), (T, "start")]),  # snoozed the lead reminder
        (None, T, [(T, "snooze")]),  # no second reminder at the same second
        (None, T + 15 * M, [(T + 15 * M, "snooze")]),  # earlier times are answered by the snooze
    ],
)
def test_reminder_times(lead, snoozed, expected):
    assert reminder_times(task(lead=lead, snoozed=snoozed), LEAD) == expected


@pytest.mark.parametrize(
    "now, expected",
    [
        (T - 30 * M - S, []),
        (T - 30 * M, [Reminder(1, T - 30 * M, "lead")]),
        (T - S, [Reminder(1, T - 30 * M, "lead")]),  # not yet shown: still due
        (T, [Reminder(1, T, "start")]),  # lead and start both due: the latest only
    ],
)
def test_exact_second(now, expected):
    assert due_reminders([task()], now, set(), LEAD) == expected


@pytest.mark.parametrize(
    "now, expected",
    [(T - S, []), (T, [Reminder(1, T, "start")])],
)
def test_exact_second_after_the_lead_fired(now, expected):
    assert due_reminders([task()], now, {(1, T - 30 * M)}, LEAD) == expected


def test_lead_zero_fires_once_at_the_start():
    assert run([task(lead=0)], [T - H, T - S, T, T + S, T + H]) == [Reminder(1, T, "start")]


def test_a_tick_every_minute_fires_each_time_once():
    nows = [T - H + n * M for n in range(121)]
    assert run([task()], nows) == [Reminder(1, T - 30 * M, "lead"), Reminder(1, T, "start")]


def test_after_a_six_hour_sleep_one_reminder_per_task():
    tasks = [task(1, T), task(2, T - 2 * H, lead=0), task(3, T + 3 * H), task(4, T + H)]
    fired = set()
    asleep, awake = T - 4 * H, T + 2 * H  # 16:00 -> 22:00
    assert run(tasks, [asleep], fired) == []
    assert run(tasks, [awake], fired) == [
        Reminder(2, T - 2 * H, "start"),
        Reminder(1, T, "start"),
        Reminder(4, T + H, "start"),  # its lead at 20:30 and start at 21:00: one reminder
    ]
    assert {(1, T - 30 * M), (1, T), (4, T + 30 * M)} <= fired
    assert run(tasks, [awake + S, awake + 29 * M], fired) == []
    assert next_wake(tasks, awake, fired, LEAD) == T + 3 * H - 30 * M
    assert run(tasks, [T + 3 * H - 30 * M, T + 3 * H], fired) == [
        Reminder(3, T + 3 * H - 30 * M, "lead"), Reminder(3, T + 3 * H, "start")]


def test_a_time_before_a_fired_one_is_stale():
    # The start fired but the lead was never recorded (an older caller): it must not fire now.
    assert due_reminders([task()], T + M, {(1, T)}, LEAD) == []


@pytest.mark.parametrize(
    "now, catch_up, fires",
    [
        (T + 12 * H - S, timedelta(hours=12), True),
        (T + 12 * H, timedelta(hours=12), False),  # too old to be worth a popup
        (T + 2 * H, timedelta(hours=1), False),
        (T + H - S, timedelta(hours=1), True),
    ],
)
def test_catch_up_window(now, catch_up, fires):
    due = due_reminders([task(lead=0)], now, set(), LEAD, catch_up=catch_up)
    assert due == ([Reminder(1, T, "start")] if fires else [])


def test_a_running_window_catches_up_past_the_window():
    # Round 1 of the pre-heat: 1-5 Nov; the computer was off until 3 Nov.
    start, end = datetime(2026, 11, 1, 10, 0), datetime(2026, 11, 5, 23, 59)
    window = task(7, start, ends=end, lead=0)
    assert due_reminders([window], datetime(2026, 11, 3, 9, 0), set(), LEAD) == [Reminder(7, start, "start")]
    assert due_reminders([window], end, set(), LEAD) == [Reminder(7, start, "start")]
    assert due_reminders([window], end + S, set(), LEAD) == []


def test_a_window_task_reminds_at_its_start():
    window = task(ends=T + 2 * H)  # 20:00-22:00
    assert run([window], [T - 30 * M, T, T + H, T + 2 * H]) == [
        Reminder(1, T - 30 * M, "lead"), Reminder(1, T, "start")]


def test_snooze_fires_at_the_new_time_only():
    fired = set()
    assert run([task()], [T - 30 * M, T], fired) == [Reminder(1, T - 30 * M, "lead"), Reminder(1, T, "start")]
    snoozed = [task(snoozed=T + 10 * M)]  # "remind me in 10 minutes"
    assert run(snoozed, [T + 10 * M - S], fired) == []
    assert next_wake(snoozed, T + M, fired, LEAD) == T + 10 * M
    assert run(snoozed, [T + 10 * M, T + 11 * M], fired) == [Reminder(1, T + 10 * M, "snooze")]
    again = [task(snoozed=T + 40 * M)]
    assert run(again, [T + 20 * M, T + 40 * M, T + H], fired) == [Reminder(1, T + 40 * M, "snooze")]


def test_snooze_without_a_record_of_the_earlier_times():
    # Snoozed before the lead was shown: the lead and start are dropped, the snooze fires once.
    assert run([task(snoozed=T + 5 * M)], [T - 30 * M, T, T + 5 * M, T + 6 * M]) == [
        Reminder(1, T + 5 * M, "snooze")]


@pytest.mark.parametrize("status", [TaskStatus.DONE, TaskStatus.SKIPPED])
def test_done_and_skipped_tasks_never_fire(status):
    closed = [task(status=status), task(2, T, status=status, snoozed=T + 5 * M)]
    for now in (T - 30 * M, T, T + 5 * M):
        assert due_reminders(closed, now, set(), LEAD) == []
        assert times_to_mark(closed, now, LEAD) == []
    assert next_wake(closed, T - H, set(), LEAD) is None


def test_next_wake():
    tasks = [task(1, T), task(2, T + 10 * M, lead=0)]
    assert next_wake(tasks, T - H, set(), LEAD) == T - 30 * M
    assert next_wake(tasks, T - 30 * M, set(), LEAD) == T  # strictly after now
    assert next_wake(tasks, T, set(), LEAD) == T + 10 * M
    assert next_wake(tasks, T + 10 * M, set(), LEAD) is None
    assert next_wake([], T, set(), LEAD) is None


def test_times_to_mark_skips_recorded_times():
    assert times_to_mark([task()], T, LEAD) == [(1, T - 30 * M), (1, T)]
    assert times_to_mark([task()], T, LEAD, {(1, T - 30 * M)}) == [(1, T)]
    assert times_to_mark([task()], T - S, LEAD) == [(1, T - 30 * M)]


def test_startup_agenda():
    now = datetime(2026, 11, 10, 21, 0)
    tasks = [
        task(1, datetime(2026, 11, 10, 9, 0)),  # this morning, not done: overdue
        task(2, datetime(2026, 11, 3, 10, 0)),  # last week: overdue, listed first
        task(3, T, ends=T + 2 * H),  # running now
        task(4, datetime(2026, 11, 10, 23, 0)),  # later today
        task(5, datetime(2026, 11, 1, 10, 0), ends=datetime(2026, 11, 12, 23, 59)),  # a long window
        task(6, datetime(2026, 11, 11, 0, 0)),  # tomorrow
        task(7, datetime(2026, 11, 10, 8, 0), status=TaskStatus.DONE),
        task(8, datetime(2026, 11, 10, 22, 0), status=TaskStatus.SKIPPED),
    ]
    overdue, today = startup_agenda(tasks, now)
    assert [t.id for t in overdue] == [2, 1]
    assert [t.id for t in today] == [5, 3, 4]
    # the exact second: due at 21:00 is not late at 21:00, late one second later
    assert startup_agenda([task(9, now)], now) == ([], [task(9, now)])
    assert startup_agenda([task(9, now)], now + S) == ([task(9, now)], [])
