""".ics import through services.calendar_files on a real shop file: other calendars' timed events,
refused events named with their file, all-or-nothing, and what the import asks of the store."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from sellerdesk.services import promo_calendar as pc
from sellerdesk.services.promo_calendar import CalendarError
from sellerdesk.services.shop import ShopFile


def vcal(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n{body}END:VCALENDAR\n".replace("\n", "\r\n")


def write(tmp_path, text: str, name: str = "phone.ics"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_timed_events_of_another_calendar_become_shop_events_on_their_days(tmp_shop, tmp_path):
    text = vcal(  # an Outlook meeting, a Google event running past midnight, an iPhone reminder without an end
        "UID:meet@outlook\nDTSTART:20260610T020000Z\nDTEND:20260610T030000Z\nSUMMARY:供应商会议",
        "UID:late@google\nDTSTART:20260611T150000Z\nDTEND:20260612T020000Z\nSUMMARY:通宵直播",
        "UID:point@iphone\nDTSTART:20260613T090000\nSUMMARY:发货")
    result = pc.import_ics(tmp_shop, write(tmp_path, text))
    assert (result.events_added, result.tasks_updated, result.unchanged) == (3, 0, 0)
    assert [(e.title, e.start, e.end, e.yearly) for e in pc.list_events(tmp_shop)] == [
        ("供应商会议", date(2026, 6, 10), date(2026, 6, 10), False),
        ("通宵直播", date(2026, 6, 11), date(2026, 6, 12), False),  # 23:00 to 10:00 the next day (Shanghai)
        ("发货", date(2026, 6, 13), date(2026, 6, 13), False)]
    assert pc.import_ics(tmp_shop, write(tmp_path, text)).events_added == 0  # twice adds them once


def test_a_timed_events_checklist_lines_stay_in_the_shop_events_notes(tmp_shop, tmp_path):
    text = vcal("UID:live@google\nDTSTART:20260610T120000Z\nDTEND:20260610T140000Z\nSUMMARY:直播\n"
                "DESCRIPTION:准备样品\\n\\n[ ] 灯光\\n[X] 话术")
    pc.import_ics(tmp_shop, write(tmp_path, text))
    [event] = pc.list_events(tmp_shop)
    assert event.notes == "准备样品\n\n[ ] 灯光\n[X] 话术"  # a shop event has no checklist: nothing is dropped


def test_an_event_the_checks_refuse_names_the_file_and_the_event_and_saves_nothing(tmp_shop, tmp_path):
    pc.add_event(tmp_shop, "店庆", date(2026, 5, 20))
    before = pc.list_events(tmp_shop)
    text = vcal("UID:fine@phone\nDTSTART;VALUE=DATE:20260601\nSUMMARY:报名截止",  # good, and would be added
                "UID:long@phone\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20280101\nSUMMARY:两年展期")
    with pytest.raises(CalendarError) as err:
        pc.import_ics(tmp_shop, write(tmp_path, text, "two.ics"))
    assert err.value.message_en == "two.ics: event '两年展期': Event '两年展期' spans more than a year."
    assert err.value.message_zh.startswith("two.ics：日程「两年展期」：") and "跨度超过一年" in err.value.message_zh
    assert pc.list_events(tmp_shop) == before


MINI = {
    "version": 1, "key": "mini", "festival": "618", "name_zh": "小打法", "name_en": "Mini playbook",
    "phases": [{"key": "day", "name_zh": "当天", "name_en": "The day", "from": 0, "to": 0}],
    "tasks": [{"key": "pay", "phase": "day", "day": 0, "time": "15:00", "title_zh": "催付", "title_en": "Pay"}],
}


def test_a_task_moved_outside_its_campaign_is_named_with_its_file(tmp_shop, tmp_path):
    now = datetime(2026, 5, 1, 9)
    pc.save_playbook_json(tmp_shop, "mini", json.dumps(MINI, ensure_ascii=False), now=now)
    c = pc.apply_playbook(tmp_shop, "mini", "618", 2026, now=now)
    [task] = pc.campaign_tasks(tmp_shop, c.id)
    out = tmp_path / "mine.ics"
    pc.export_ics(tmp_shop, out, campaign_id=c.id)
    moved = out.read_text(encoding="utf-8").replace("20260618T15", "20260628T15")
    out.write_text(moved.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:x@phone\r\nDTSTART;VALUE=DATE:20260601"
                                                  "\r\nSUMMARY:新事件\r\nEND:VEVENT\r\nEND:VCALENDAR"), encoding="utf-8")
    with pytest.raises(CalendarError) as err:
        pc.import_ics(tmp_shop, out)
    assert err.value.message_en.startswith("mine.ics: event '催付': ") and "outside its campaign" in err.value.message_en
    assert err.value.message_zh.startswith("mine.ics：日程「催付」：")
    assert pc.campaign_tasks(tmp_shop, c.id) == [task] and pc.list_events(tmp_shop) == []


def test_a_task_id_too_long_for_sqlite_is_imported_as_an_event(tmp_shop, tmp_path):
    text = vcal(f"UID:task-{'9' * 30}@sellerdesk\nDTSTART:20260610T020000Z\nSUMMARY:别处的任务",
                "UID:k@x\nDTSTART;VALUE=DATE:20260601\nSUMMARY:别处的事件\nX-SELLERDESK-KIND:user\n"
                f"X-SELLERDESK-KEY:event_{'9' * 30}")  # the same for our own event key
    result = pc.import_ics(tmp_shop, write(tmp_path, text))  # not OverflowError from SQLite
    assert (result.events_added, result.skipped) == (2, 0)
    assert sorted(e.title for e in pc.list_events(tmp_shop)) == sorted(["别处的任务", "别处的事件"])


def test_a_property_given_twice_saves_nothing(tmp_shop, tmp_path):
    text = vcal("UID:fine@phone\nDTSTART;VALUE=DATE:20260601\nSUMMARY:报名截止",
                "UID:twice@phone\nDTSTART:20260610T020000Z\nDTSTART:20260611T020000Z\nSUMMARY:会议")
    with pytest.raises(CalendarError) as err:
        pc.import_ics(tmp_shop, write(tmp_path, text, "dup.ics"))
    assert "dup.ics" in err.value.message_en and "DTSTART" in err.value.message_en and "会议" in err.value.message_zh
    assert pc.list_events(tmp_shop) == []


def test_the_import_reads_the_shops_events_once_not_once_per_event(tmp_shop, tmp_path, monkeypatch):
    for day in (1, 2, 3):
        pc.add_event(tmp_shop, f"旧事件{day}", date(2026, 3, day))
    ours = tmp_path / "ours.ics"
    pc.export_ics(tmp_shop, ours, year=2026)  # our own USER entries come back: looked up by id
    others = vcal(*(f"UID:e{i}@phone\nDTSTART;VALUE=DATE:202607{i:02d}\nSUMMARY:新事件{i}" for i in range(1, 6)))
    statements: list[str] = []
    real_open = ShopFile.open

    def traced_open(self):
        store = real_open(self)
        store.conn.set_trace_callback(statements.append)
        return store

    monkeypatch.setattr(ShopFile, "open", traced_open)
    assert pc.import_ics(tmp_shop, ours).unchanged >= 3
    assert pc.import_ics(tmp_shop, write(tmp_path, others)).events_added == 5
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "user_events" in s]
    whole = [s for s in reads if "WHERE" not in s.upper()]
    by_id = [s for s in reads if "WHERE ID = " in s.upper()]
    assert len(whole) == 2  # one load of the shop's events per import
    assert len(by_id) == 3 and len(reads) == len(whole) + len(by_id)  # our own entries: one row by id each
