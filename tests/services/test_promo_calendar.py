"""Campaigns, playbooks and .ics files through the promo calendar services, on a real shop file."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from sellerdesk.services import promo_calendar as pc
from sellerdesk.services.promo_calendar import CalendarError, EntryKind, TaskStatus

NOW = datetime(2026, 9, 1, 9, 0)

SMALL = {
    "version": 1, "key": "mini", "festival": "618", "name_zh": "小打法", "name_en": "Mini playbook",
    "phases": [{"key": "preheat", "name_zh": "预热期", "name_en": "Pre-heat", "from": -5, "to": -1},
               {"key": "day", "name_zh": "当天", "name_en": "The day", "from": 0, "to": 0}],
    "tasks": [
        {"key": "sms", "phase": "preheat", "day": -2, "time": "20:00", "until": "22:00",
         "title_zh": "预热短信", "title_en": "Pre-heat SMS", "group": "loyal", "channel": "sms",
         "message_zh": "【{shop}】{name}，618 明晚开抢 回T退订", "message_en": "{name}, 618 starts tomorrow",
         "checklist_zh": ["选人群", "定时发送"], "checklist_en": ["Pick group", "Schedule"]},
        {"key": "pay", "phase": "day", "day": 0, "time": "15:00", "title_zh": "催付", "title_en": "Payment reminders"},
    ],
}


@pytest.fixture
def shop(tmp_shop):
    pc.save_playbook_json(tmp_shop, "mini", json.dumps(SMALL, ensure_ascii=False), now=NOW)
    return tmp_shop


def test_apply_a_playbook_stores_the_campaign_phases_and_dated_tasks(shop):
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    assert (c.name, c.festival_key, c.year, c.anchor, c.playbook_key) == ("618 年中大促 2026", "618", 2026,
                                                                          date(2026, 6, 18), "mini")
    assert [(p.key, p.start, p.end) for p in c.phases] == [("preheat", date(2026, 6, 13), date(2026, 6, 17)),
                                                           ("day", date(2026, 6, 18), date(2026, 6, 18))]
    tasks = pc.campaign_tasks(shop, c.id)
    assert [(t.source_key, t.starts_at, t.ends_at) for t in tasks] == [
        ("sms", datetime(2026, 6, 16, 20, 0), datetime(2026, 6, 16, 22, 0)),
        ("pay", datetime(2026, 6, 18, 15, 0), None)]
    assert [i.text for i in tasks[0].checklist] == ["选人群", "定时发送"]
    assert pc.list_campaigns(shop, 2026) == [c] and pc.list_campaigns(shop, 2027) == []
    with pytest.raises(CalendarError) as err:
        pc.apply_playbook(shop, "mini", "618", 2026)
    assert "2026" in err.value.message_zh and "already" in err.value.message_en
    again = pc.apply_playbook(shop, "mini", "618", 2026, allow_duplicate=True, lang="en")
    assert pc.campaign_tasks(shop, again.id)[0].title == "Pre-heat SMS"


def test_moving_a_campaign_shifts_tasks_phases_and_anchor(shop):
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    before = pc.campaign_tasks(shop, c.id)
    assert pc.move_campaign(shop, c.id, 2).calendar
    moved = pc.get_campaign(shop, c.id)
    assert moved.anchor == date(2026, 6, 20) and moved.phases[0].start == date(2026, 6, 15)
    after = pc.campaign_tasks(shop, c.id)
    assert [(t.starts_at - b.starts_at).days for t, b in zip(after, before)] == [2, 2]
    assert after[0].ends_at == datetime(2026, 6, 18, 22, 0) and after[1].ends_at is None
    with pytest.raises(CalendarError):
        pc.move_campaign(shop, 999, 1)


def test_a_task_outside_its_campaign_is_refused(shop):
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    task = pc.campaign_tasks(shop, c.id)[1]
    for start, end in [(datetime(2026, 6, 19, 9, 0), None),  # after the campaign's last day
                       (datetime(2026, 6, 12, 23, 0), None),  # before its first
                       (datetime(2026, 6, 18, 9, 0), datetime(2026, 6, 19, 1, 0))]:  # ends after it
        with pytest.raises(CalendarError) as err:
            pc.update_task(shop, pc.Task(**{**task.__dict__, "starts_at": start, "ends_at": end}))
        assert "不在活动" in err.value.message_zh and "outside its campaign" in err.value.message_en
        with pytest.raises(CalendarError):
            pc.create_task(shop, pc.TaskDraft("新任务", start, end), c.id)
    assert pc.get_task(shop, task.id) == task
    assert len(pc.campaign_tasks(shop, c.id)) == 2


def test_deleting_a_campaign_removes_its_tasks_and_phases(shop):
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    assert any(e.kind is EntryKind.PHASE for e in pc.calendar_entries(shop, 2026).entries)
    pc.delete_campaign(shop, c.id)
    assert pc.list_campaigns(shop) == [] and pc.tasks_between(shop, datetime(2026, 1, 1), datetime(2027, 1, 1)) == []
    assert not any(e.kind is EntryKind.PHASE for e in pc.calendar_entries(shop, 2026).entries)


def test_phases_show_on_the_calendar_named_after_their_festival(shop):
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    phase = next(e for e in pc.calendar_entries(shop, 2026).entries if e.key == f"phase_{c.id}_preheat")
    assert (phase.name_zh, phase.name_en) == ("618 年中大促 · 预热期", "618 mid-year sale · Pre-heat")
    assert (phase.start, phase.end) == (date(2026, 6, 13), date(2026, 6, 17))


def test_playbook_library_edit_save_as_and_reset(shop):
    infos = {i.key: i for i in pc.list_playbooks(shop)}
    assert infos["mini"] == pc.PlaybookInfo("mini", "小打法", "Mini playbook", "618", False, True)
    assert json.loads(pc.playbook_json(shop, "mini"))["key"] == "mini"
    with pytest.raises(CalendarError) as err:
        pc.save_playbook_json(shop, "mini", '{"version": 1,\n "key": }')
    assert "第 2 行" in err.value.message_zh and "line 2" in err.value.message_en
    broken = {**SMALL, "tasks": [{**SMALL["tasks"][0], "time": "25:00"}]}
    with pytest.raises(CalendarError) as err:
        pc.save_playbook_json(shop, "mini", json.dumps(broken))
    assert "sms" in err.value.message_en and "time" in err.value.message_en
    with pytest.raises(CalendarError):
        pc.save_playbook_json(shop, "other", json.dumps(SMALL))  # its key says mini
    assert pc.load_playbook(shop, "mini").tasks[0].time.hour == 20  # the refused texts stored nothing
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    task = pc.campaign_tasks(shop, c.id)[0]
    pc.update_task(shop, pc.Task(**{**task.__dict__, "starts_at": datetime(2026, 6, 15, 19, 0),
                                    "ends_at": datetime(2026, 6, 15, 21, 0), "owner": "小王"}))
    pc.save_campaign_as_playbook(shop, c.id, "mine_618", "我的618", "My 618", now=NOW)
    mine = pc.load_playbook(shop, "mine_618")
    assert (mine.festival, mine.tasks[0].day, mine.tasks[0].time.hour, mine.tasks[0].owner) == ("618", -3, 19, "小王")
    next_year = pc.apply_playbook(shop, "mine_618", "618", 2027, now=NOW)
    assert pc.campaign_tasks(shop, next_year.id)[0].starts_at == datetime(2027, 6, 15, 19, 0)
    pc.reset_playbook(shop, "mine_618")
    assert "mine_618" not in {i.key for i in pc.list_playbooks(shop)}
    with pytest.raises(CalendarError):
        pc.load_playbook(shop, "mine_618")
    with pytest.raises(CalendarError):
        pc.apply_playbook(shop, "nope", "618", 2026)


def test_ics_export_then_import_round_trip_moves_dragged_tasks(shop, tmp_path):
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    pc.add_event(shop, "店庆", date(2026, 5, 20), yearly=True)
    out = tmp_path / "618.ics"
    written = pc.export_ics(shop, out, campaign_id=c.id)
    assert written == 2 + 2  # two tasks, two phases
    result = pc.import_ics(shop, out)  # our own file back: nothing changes
    assert (result.tasks_updated, result.events_added, result.unchanged, result.skipped) == (0, 0, 2, 2)
    # the phone user dragged the SMS task a day earlier and added an event of their own
    text = out.read_text(encoding="utf-8").replace("20260616T2", "20260615T2")
    text = text.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:x1@phone\r\nDTSTAMP:20260101T000000Z\r\n"
                                         "DTSTART;VALUE=DATE:20260610\r\nSUMMARY:直播报名截止\r\nEND:VEVENT\r\n"
                                         "END:VCALENDAR")
    out.write_text(text, encoding="utf-8")
    result = pc.import_ics(shop, out)
    assert (result.tasks_updated, result.events_added) == (1, 1)
    sms = pc.campaign_tasks(shop, c.id)[0]
    assert (sms.starts_at, sms.ends_at, sms.title) == (datetime(2026, 6, 15, 20, 0), datetime(2026, 6, 15, 22, 0),
                                                       "预热短信")
    assert any(e.title == "直播报名截止" and e.start == date(2026, 6, 10) for e in pc.list_events(shop))
    assert pc.import_ics(shop, out).events_added == 0  # twice adds it once
    year_file = tmp_path / "2026.ics"
    assert pc.export_ics(shop, year_file, year=2026) > 10  # festivals, holidays, events, phases, tasks
    result = pc.import_ics(shop, year_file)
    assert result.events_added == 0 and result.tasks_updated == 0 and result.skipped > 5


def test_a_broken_ics_or_a_task_moved_out_of_its_campaign_leaves_the_db_unchanged(shop, tmp_path):
    c = pc.apply_playbook(shop, "mini", "618", 2026, now=NOW)
    out = tmp_path / "c.ics"
    pc.export_ics(shop, out, year=2026)
    before = (pc.campaign_tasks(shop, c.id), pc.list_events(shop))
    broken = tmp_path / "broken.ics"
    broken.write_text(out.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    with pytest.raises(CalendarError) as err:
        pc.import_ics(shop, broken)
    assert "broken.ics" in err.value.message_en
    # a valid file whose first event is new but whose task moves outside the campaign: all or nothing
    text = out.read_text(encoding="utf-8").replace("20260618T15", "20260628T15")
    text = text.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:x2@phone\r\nDTSTAMP:20260101T000000Z\r\n"
                                         "DTSTART;VALUE=DATE:20260601\r\nSUMMARY:新事件\r\nEND:VEVENT\r\nEND:VCALENDAR")
    out.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarError) as err:
        pc.import_ics(shop, out)
    assert "outside its campaign" in err.value.message_en
    assert (pc.campaign_tasks(shop, c.id), pc.list_events(shop)) == before
    not_ics = tmp_path / "notes.ics"
    not_ics.write_text("hello", encoding="utf-8")
    with pytest.raises(CalendarError):
        pc.import_ics(shop, not_ics)


def test_export_with_nothing_to_write_is_an_export_error(tmp_shop, tmp_path):
    with pytest.raises(pc.ExportError):
        pc.export_ics(tmp_shop, tmp_path / "empty.ics")


def test_the_builtin_1111_playbook_for_2026_and_a_two_day_move(tmp_shop):
    infos = {i.key: i for i in pc.list_playbooks(tmp_shop)}
    assert {"618", "1111", "1212"} <= set(infos) and infos["1111"].builtin and not infos["1111"].edited
    c = pc.apply_playbook(tmp_shop, "1111", "1111", 2026, now=NOW)
    assert (c.anchor, c.start) == (date(2026, 11, 11), date(2026, 9, 1))
    tasks = {t.source_key: t for t in pc.campaign_tasks(tmp_shop, c.id)}
    assert len(tasks) == len(pc.load_playbook(tmp_shop, "1111").tasks)
    expected = {
        "r1_loyal": (datetime(2026, 11, 1, 18, 0), datetime(2026, 11, 5, 19, 30)),  # round 1: 1-5 Nov
        "r3_sms": (datetime(2026, 11, 10, 20, 0), datetime(2026, 11, 10, 22, 0)),  # round 3: 10 Nov 20-22
        "afternoon_touch": (datetime(2026, 11, 11, 15, 0), datetime(2026, 11, 11, 16, 0)),
        "encore": (datetime(2026, 11, 12, 0, 0), datetime(2026, 11, 14, 23, 59)),  # three days of encore
    }
    assert {k: (tasks[k].starts_at, tasks[k].ends_at) for k in expected} == expected
    assert tasks["r1_loyal"].group_key == "loyal" and tasks["r1_loyal"].channel == "sms"
    assert tasks["r3_sms"].message and tasks["r3_sms"].status is TaskStatus.TODO
    assert pc.move_campaign(tmp_shop, c.id, 2).calendar
    moved = pc.get_campaign(tmp_shop, c.id)
    assert (moved.anchor, moved.start, moved.end) == (date(2026, 11, 13), date(2026, 9, 3), c.end + timedelta(days=2))
    assert [(p.start - q.start).days for p, q in zip(moved.phases, c.phases)] == [2] * len(c.phases)
    after = {t.source_key: t for t in pc.campaign_tasks(tmp_shop, c.id)}
    assert after["r3_sms"].starts_at == datetime(2026, 11, 12, 20, 0)
    assert all((after[k].starts_at - t.starts_at).days == 2 for k, t in tasks.items())


def test_another_shops_task_ids_do_not_move_this_shops_tasks(shop, tmp_path):
    other = tmp_path / "other.sqlite"
    from sellerdesk.services.shop import ShopFile

    theirs = ShopFile(other)
    t = pc.create_task(theirs, pc.TaskDraft("别家的任务", datetime(2026, 7, 1, 10, 0)))
    out = tmp_path / "theirs.ics"
    pc.export_ics(theirs, out)
    mine = pc.create_task(shop, pc.TaskDraft("我的任务", datetime(2026, 8, 1, 10, 0)))
    assert mine.id == t.id
    assert pc.import_ics(shop, out).tasks_updated == 0
    assert pc.get_task(shop, mine.id) == mine


def test_a_year_outside_the_lunar_table_is_a_calendar_error(tmp_shop):
    assert pc.calendar_entries(tmp_shop, 2099).year == 2099
    with pytest.raises(CalendarError):
        pc.calendar_entries(tmp_shop, 2100)
