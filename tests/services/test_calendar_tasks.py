"""Calendar tasks, reminders, settings and the shop's own events through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from sellerdesk.domain.promo import CalendarError, ChecklistItem, EntryKind, TaskDraft, TaskStatus
from sellerdesk.services import calendar_tasks as ct
from sellerdesk.services.calendar_settings import (CalendarSettings, load_calendar_settings,
                                                   save_calendar_settings)
from sellerdesk.services.calendar_view import (add_event, calendar_entries, delete_event, list_events,
                                               update_event)
from sellerdesk.store.db import open_store
from sellerdesk.store.outreach_log import OutreachEntry, record_outreach

NOW = datetime(2026, 11, 1, 9, 0)
ROUND3 = TaskDraft("第三轮短信+电话", datetime(2026, 11, 10, 20, 0), datetime(2026, 11, 10, 22, 0),
                   checklist=(ChecklistItem("定时短信"), ChecklistItem("电话名单")), channel="sms", group_key="all")


def test_create_get_update_delete_round_trip(tmp_shop):
    t = ct.create_task(tmp_shop, ROUND3, now=NOW)
    assert t.id > 0 and ct.get_task(tmp_shop, t.id) == t
    edited = replace(t, title="第三轮", owner="小李", checklist=t.checklist[:1], lead_minutes=60)
    assert ct.update_task(tmp_shop, edited).calendar
    assert ct.get_task(tmp_shop, t.id) == edited
    assert ct.tasks_between(tmp_shop, datetime(2026, 11, 1), datetime(2026, 12, 1)) == [edited]
    ct.delete_task(tmp_shop, t.id)
    assert ct.get_task(tmp_shop, t.id) is None
    with pytest.raises(CalendarError):
        ct.update_task(tmp_shop, edited)


def test_status_checklist_and_snooze(tmp_shop):
    t = ct.create_task(tmp_shop, ROUND3, now=NOW)
    ct.set_task_status(tmp_shop, t.id, TaskStatus.DONE, NOW)
    assert (ct.get_task(tmp_shop, t.id).status, ct.get_task(tmp_shop, t.id).done_at) == (TaskStatus.DONE, NOW)
    ct.set_task_status(tmp_shop, t.id, TaskStatus.TODO, NOW)
    assert ct.get_task(tmp_shop, t.id).done_at is None
    with pytest.raises(CalendarError):
        ct.set_task_status(tmp_shop, t.id, TaskStatus.LATE, NOW)
    ct.toggle_checklist_item(tmp_shop, t.id, 1, True)
    assert [i.done for i in ct.get_task(tmp_shop, t.id).checklist] == [False, True]
    with pytest.raises(CalendarError) as err:
        ct.toggle_checklist_item(tmp_shop, t.id, 2, True)
    assert "第 3 项" in err.value.message_zh and "item 3" in err.value.message_en
    ct.snooze_task(tmp_shop, t.id, datetime(2026, 11, 10, 20, 15))
    assert ct.get_task(tmp_shop, t.id).snoozed_until == datetime(2026, 11, 10, 20, 15)


def test_bad_tasks_are_refused_and_nothing_is_stored(tmp_shop):
    with pytest.raises(CalendarError):
        ct.create_task(tmp_shop, replace(ROUND3, channel="wechat"))
    with pytest.raises(CalendarError):
        ct.create_task(tmp_shop, replace(ROUND3, lead_minutes=-5))
    with pytest.raises(CalendarError):
        ct.create_task(tmp_shop, ROUND3, campaign_id=99)
    with pytest.raises(CalendarError):  # ends before it starts: refused by the draft itself
        replace(ROUND3, ends_at=datetime(2026, 11, 10, 19, 0))
    assert ct.tasks_between(tmp_shop, datetime(2026, 1, 1), datetime(2027, 1, 1)) == []


def _outreach(shop) -> int:
    store = open_store(shop.path)
    try:
        with store.transaction() as conn:
            return record_outreach(conn, OutreachEntry(0, "2026-11-10 19:00:00", "all", "全部买家", "2026-11-10",
                                                       "sms", "hi", None, 0, 1, 1, 0, 1, None, "all.csv"), [])
    finally:
        store.close()


def test_attach_outreach_marks_the_task_done(tmp_shop):
    t = ct.create_task(tmp_shop, ROUND3, now=NOW)
    oid = _outreach(tmp_shop)
    at = datetime(2026, 11, 10, 19, 5)
    assert ct.attach_outreach(tmp_shop, t.id, oid, at).calendar
    got = ct.get_task(tmp_shop, t.id)
    assert (got.outreach_id, got.status, got.done_at) == (oid, TaskStatus.DONE, at)
    with pytest.raises(CalendarError):
        ct.attach_outreach(tmp_shop, t.id, oid + 1, at)
    assert ct.get_task(tmp_shop, t.id).outreach_id == oid


def test_due_reminders_fire_once_and_catch_up_after_a_sleep(tmp_shop):
    save_calendar_settings(tmp_shop, CalendarSettings(("小王",), 30))
    t = ct.create_task(tmp_shop, ROUND3, now=NOW)
    lead = datetime(2026, 11, 10, 19, 30)
    assert ct.next_wake(tmp_shop, NOW) == lead
    assert ct.due_reminders(tmp_shop, lead - timedelta(seconds=1)) == []
    [r] = ct.due_reminders(tmp_shop, lead)
    assert (r.task.id, r.fire_at, r.kind) == (t.id, lead, "lead")
    assert ct.due_reminders(tmp_shop, lead) == []  # the same now: nothing twice
    assert ct.next_wake(tmp_shop, lead) == datetime(2026, 11, 10, 20, 0)
    # asleep from 19:31 to 21:00: one reminder for the start, then silence
    [r] = ct.due_reminders(tmp_shop, datetime(2026, 11, 10, 21, 0))
    assert (r.fire_at, r.kind) == (datetime(2026, 11, 10, 20, 0), "start")
    assert ct.due_reminders(tmp_shop, datetime(2026, 11, 10, 21, 30)) == []
    assert ct.next_wake(tmp_shop, datetime(2026, 11, 10, 21, 30)) is None


def test_a_long_sleep_fires_the_latest_time_once_and_snooze_reminds_again(tmp_shop):
    t = ct.create_task(tmp_shop, ROUND3, now=NOW)
    [r] = ct.due_reminders(tmp_shop, datetime(2026, 11, 10, 20, 5))  # slept through the lead time
    assert r.kind == "start"
    assert ct.due_reminders(tmp_shop, datetime(2026, 11, 10, 20, 6)) == []
    ct.snooze_task(tmp_shop, t.id, datetime(2026, 11, 10, 20, 20))
    assert ct.next_wake(tmp_shop, datetime(2026, 11, 10, 20, 6)) == datetime(2026, 11, 10, 20, 20)
    [r] = ct.due_reminders(tmp_shop, datetime(2026, 11, 10, 20, 20))
    assert r.kind == "snooze"
    ct.set_task_status(tmp_shop, t.id, TaskStatus.DONE, NOW)
    ct.snooze_task(tmp_shop, t.id, datetime(2026, 11, 10, 20, 40))
    assert ct.due_reminders(tmp_shop, datetime(2026, 11, 10, 20, 40)) == []  # done never reminds


def test_a_reminder_missed_by_more_than_the_catch_up_window_stays_silent(tmp_shop):
    ct.create_task(tmp_shop, TaskDraft("复盘", datetime(2026, 11, 20, 10, 0)), now=NOW)
    assert ct.due_reminders(tmp_shop, datetime(2026, 11, 21, 10, 0)) == []


def test_startup_agenda_lists_overdue_then_today(tmp_shop):
    late = ct.create_task(tmp_shop, TaskDraft("催付", datetime(2026, 11, 10, 10, 0)), now=NOW)
    today = ct.create_task(tmp_shop, ROUND3, now=NOW)
    ct.create_task(tmp_shop, TaskDraft("返场", datetime(2026, 11, 12, 10, 0)), now=NOW)
    overdue, todays = ct.startup_agenda(tmp_shop, datetime(2026, 11, 10, 12, 0))
    assert ([t.id for t in overdue], [t.id for t in todays]) == ([late.id], [today.id])


def test_calendar_settings_round_trip_and_validation(tmp_shop):
    assert load_calendar_settings(tmp_shop) == CalendarSettings((), 30)
    assert save_calendar_settings(tmp_shop, CalendarSettings((" 小王 ", "小李"), 45)).calendar
    assert load_calendar_settings(tmp_shop) == CalendarSettings(("小王", "小李"), 45)
    for bad in (CalendarSettings(("小王", "小王")), CalendarSettings(("",)), CalendarSettings((), -1)):
        with pytest.raises(CalendarError):
            save_calendar_settings(tmp_shop, bad)
    assert load_calendar_settings(tmp_shop).lead_minutes == 45


def test_calendar_year_has_festivals_holidays_and_the_shops_events(tmp_shop):
    anniversary = add_event(tmp_shop, "店庆", date(2024, 2, 29), yearly=True)
    signed_up = add_event(tmp_shop, "聚划算报名", date(2026, 10, 20), date(2026, 10, 22))
    assert list_events(tmp_shop) == [anniversary, signed_up]
    year = calendar_entries(tmp_shop, 2026)
    assert year.holidays_known
    by_key = {(e.kind, e.key, e.start) for e in year.entries}
    assert (EntryKind.FESTIVAL, "1111", date(2026, 10, 31)) in by_key
    assert (EntryKind.USER, f"event_{anniversary.id}", date(2026, 2, 28)) in by_key
    assert (EntryKind.USER, f"event_{signed_up.id}", date(2026, 10, 20)) in by_key
    assert any(e.kind is EntryKind.HOLIDAY and e.name_zh == "国庆节" for e in year.entries)
    assert [e.start for e in year.entries] == sorted(e.start for e in year.entries)
    later = calendar_entries(tmp_shop, 2030)
    assert not later.holidays_known and not any(e.kind is EntryKind.HOLIDAY for e in later.entries)
    assert not any(e.key == f"event_{signed_up.id}" for e in later.entries)
    update_event(tmp_shop, replace(signed_up, end=date(2026, 10, 25)))
    assert list_events(tmp_shop)[1].end == date(2026, 10, 25)
    with pytest.raises(CalendarError):
        add_event(tmp_shop, "x", date(2026, 10, 2), date(2026, 10, 1))
    delete_event(tmp_shop, signed_up.id)
    assert list_events(tmp_shop) == [anniversary]
