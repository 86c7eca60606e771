"""The calendar's SQL on a real shop file: round trips, overlap queries, shifts, fired reminders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from sellerdesk.domain.promo import Campaign, ChecklistItem, Phase, TaskDraft, TaskStatus
from sellerdesk.store import promo_calendar as rows
from sellerdesk.store import user_events, user_playbooks
from sellerdesk.store.db import open_store

NOW = datetime(2026, 9, 1, 9, 0)


@pytest.fixture
def conn(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    yield store.conn
    store.close()


def campaign(conn) -> int:
    phases = (Phase("preheat", "预热期", "Pre-heat", date(2026, 11, 1), date(2026, 11, 10)),
              Phase("day", "当天", "The day", date(2026, 11, 11), date(2026, 11, 11)))
    return rows.insert_campaign(conn, Campaign(0, "双11 2026", "1111", 2026, date(2026, 11, 11), "1111",
                                               phases=phases), NOW)


def draft(title="第三轮短信", start=datetime(2026, 11, 10, 20, 0), end=datetime(2026, 11, 10, 22, 0), **kw):
    return TaskDraft(title, start, end, **kw)


def test_campaign_round_trip_with_phases_in_day_order(conn):
    cid = campaign(conn)
    c = rows.get_campaign(conn, cid)
    assert (c.name, c.festival_key, c.year, c.anchor, c.playbook_key) == ("双11 2026", "1111", 2026,
                                                                          date(2026, 11, 11), "1111")
    assert [p.key for p in c.phases] == ["preheat", "day"]
    assert (c.start, c.end) == (date(2026, 11, 1), date(2026, 11, 11))
    assert rows.list_campaigns(conn, 2026) == [c] and rows.list_campaigns(conn, 2025) == []
    assert rows.list_campaigns(conn, festival_key="618") == []
    rows.update_campaign(conn, Campaign(cid, "双11", "1111", 2026, c.anchor, None, 500_000_00, "目标", c.phases[:1]))
    again = rows.get_campaign(conn, cid)
    assert (again.name, again.target_fen, again.notes, len(again.phases)) == ("双11", 500_000_00, "目标", 1)


def test_task_round_trip_keeps_every_field_and_the_checklist_order(conn):
    cid = campaign(conn)
    d = draft(phase="preheat", owner="小王", notes="晚高峰", group_key="all", channel="sms",
              message="【{shop}】今晚8点开抢 回T退订", lead_minutes=15, source_key="preheat3_sms",
              checklist=(ChecklistItem("设置定时短信"), ChecklistItem("核对优惠券", True)))
    tid = rows.insert_task(conn, d, cid, NOW)
    t = rows.get_task(conn, tid)
    assert t.id == tid and t.campaign_id == cid and t.status is TaskStatus.TODO
    assert (t.title, t.starts_at, t.ends_at, t.phase, t.owner, t.notes, t.group_key, t.channel, t.message,
            t.lead_minutes, t.source_key, t.checklist) == (
        d.title, d.starts_at, d.ends_at, d.phase, d.owner, d.notes, d.group_key, d.channel, d.message,
        d.lead_minutes, d.source_key, d.checklist)
    assert rows.set_checklist_item(conn, tid, 0, True)
    assert not rows.set_checklist_item(conn, tid, 5, True)
    assert all(i.done for i in rows.get_task(conn, tid).checklist)
    assert rows.delete_task(conn, tid) and rows.get_task(conn, tid) is None
    assert conn.execute("SELECT count(*) FROM task_checklist").fetchone()[0] == 0


@pytest.mark.parametrize("start, end, expected", [
    (datetime(2026, 11, 10), datetime(2026, 11, 11), {"window", "point"}),
    (datetime(2026, 11, 10, 21, 0), datetime(2026, 11, 10, 21, 30), {"window"}),  # inside the window
    (datetime(2026, 11, 10, 22, 0), datetime(2026, 11, 11), {"window"}),  # the window's last instant
    (datetime(2026, 11, 10, 9, 0), datetime(2026, 11, 10, 20, 0), {"point"}),  # end is exclusive
    (datetime(2026, 11, 10, 9, 0), datetime(2026, 11, 10, 9, 1), {"point"}),  # a point task at the start
    (datetime(2026, 11, 11), datetime(2026, 11, 12), set()),
])
def test_tasks_between_returns_what_overlaps(conn, start, end, expected):
    rows.insert_task(conn, draft("window"), None, NOW)
    rows.insert_task(conn, TaskDraft("point", datetime(2026, 11, 10, 9, 0)), None, NOW)
    assert {t.title for t in rows.tasks_between(conn, start, end)} == expected


def test_shifting_a_campaign_moves_its_tasks_and_forgets_their_fired_reminders(conn):
    cid = campaign(conn)
    tid = rows.insert_task(conn, draft(), cid, NOW)
    other = rows.insert_task(conn, TaskDraft("店庆", datetime(2026, 11, 10, 9, 0)), None, NOW)
    rows.update_task(conn, replace(rows.get_task(conn, tid), snoozed_until=datetime(2026, 11, 10, 19, 0)))
    rows.mark_fired(conn, [(tid, datetime(2026, 11, 10, 19, 30)), (other, datetime(2026, 11, 10, 9, 0))], NOW)
    assert rows.shift_campaign_tasks(conn, cid, 2) == 1
    t = rows.get_task(conn, tid)
    assert (t.starts_at, t.ends_at, t.snoozed_until) == (datetime(2026, 11, 12, 20, 0), datetime(2026, 11, 12, 22, 0),
                                                         datetime(2026, 11, 12, 19, 0))
    assert rows.get_task(conn, other).starts_at == datetime(2026, 11, 10, 9, 0)
    assert rows.fired_of(conn, [tid, other]) == {(other, datetime(2026, 11, 10, 9, 0))}
    rows.shift_campaign_tasks(conn, cid, -3)
    assert rows.get_task(conn, tid).ends_at == datetime(2026, 11, 9, 22, 0)


def test_fired_reminders_are_recorded_once(conn):
    tid = rows.insert_task(conn, draft(), None, NOW)
    t = datetime(2026, 11, 10, 20, 0)
    rows.mark_fired(conn, [(tid, t)], NOW)
    rows.mark_fired(conn, [(tid, t)], NOW)
    assert rows.fired_of(conn, [tid]) == {(tid, t)}


def test_todo_queries_skip_done_tasks(conn):
    a = rows.insert_task(conn, draft("a"), None, NOW)
    b = rows.insert_task(conn, draft("b"), None, NOW)
    rows.update_task(conn, replace(rows.get_task(conn, b), status=TaskStatus.DONE))
    assert [t.id for t in rows.todo_tasks_since(conn, datetime(2026, 11, 10, 21, 0))] == [a]
    assert rows.todo_tasks_since(conn, datetime(2026, 11, 10, 22, 0)) == []
    assert [t.id for t in rows.todo_tasks_until(conn, datetime(2026, 11, 11))] == [a]


def test_user_events_and_playbooks_round_trip(conn):
    eid = user_events.insert_event(conn, "店庆", date(2026, 5, 20), date(2026, 5, 22), True, "三周年")
    e = user_events.get_event(conn, eid)
    assert (e.title, e.start, e.end, e.yearly, e.notes) == ("店庆", date(2026, 5, 20), date(2026, 5, 22), True, "三周年")
    assert ("店庆", date(2026, 5, 20), date(2026, 5, 22)) in user_events.event_days(conn)
    assert user_events.update_event(conn, replace(e, title="店庆日", end=e.start, yearly=False, notes=""))
    assert user_events.list_events(conn)[0].end == date(2026, 5, 20)
    assert user_events.delete_event(conn, eid) and user_events.list_events(conn) == []
    user_playbooks.put_user_playbook(conn, "mine", '{"a": 1}', NOW)
    user_playbooks.put_user_playbook(conn, "mine", '{"a": 2}', NOW)
    assert user_playbooks.list_user_playbooks(conn) == {"mine": '{"a": 2}'}
    assert user_playbooks.delete_user_playbook(conn, "mine") and user_playbooks.get_user_playbook(conn, "mine") is None
