import os
from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from sellerdesk.domain.promo import CalendarEntry, ChecklistItem, EntryKind, Task, TaskStatus
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.ics_file import entry_uid, write_ics

UTC = timezone.utc
STAMP = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def tasks():
    return [
        Task(title="第三轮：短信 + 电话，全部买家", starts_at=datetime(2026, 11, 10, 20), ends_at=datetime(2026, 11, 10, 22),
             phase="preheat", owner="小王", notes="今晚 8 点开抢\n备好话术",
             checklist=(ChecklistItem("导出名单"), ChecklistItem("发送短信", True)),
             group_key="all", channel="sms", message="【{shop}】{name}，今晚8点开抢，券{coupon}，回T退订",
             lead_minutes=60, source_key="round3_sms", id=7, campaign_id=1),
        Task(title="付款提醒", starts_at=datetime(2026, 11, 11, 0, 30), id=8),  # point task, shop default lead
        Task(title="复盘", starts_at=datetime(2026, 11, 20, 9), lead_minutes=0, id=9),
        Task(title="已完成", starts_at=datetime(2026, 11, 1, 10), status=TaskStatus.DONE, id=10),
    ]


def entries():
    return [
        CalendarEntry(EntryKind.FESTIVAL, "1111", "双11", "Double 11", date(2026, 10, 31), date(2026, 11, 11),
                      date(2026, 11, 11), ("taobao", "tmall")),
        CalendarEntry(EntryKind.HOLIDAY, "国庆节", "国庆节", "National Day", date(2026, 10, 1), date(2026, 10, 7)),
        CalendarEntry(EntryKind.WORKDAY, "调休上班", "调休上班", "Make-up workday", date(2026, 10, 10), date(2026, 10, 10)),
    ]


@pytest.fixture
def written(tmp_path):
    out = tmp_path / "促销日历.ics"
    n = write_ics(out, tasks(), entries(), calendar_name="小店促销", default_lead_minutes=30, stamp=STAMP)
    assert n == 7
    data = out.read_bytes()
    return data, Calendar.from_ical(data)


def events(cal):
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_calendar_header_and_timezone(written):
    data, cal = written
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SellerDesk//Promo Calendar//ZH\r\n")
    assert str(cal["X-WR-CALNAME"]) == "小店促销" and str(cal["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Shanghai"
    [standard] = tz.walk("STANDARD")
    assert standard["TZOFFSETTO"].td == timedelta(hours=8) and not tz.walk("DAYLIGHT")
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")


def test_lines_are_crlf_and_folded(written):
    data, _ = written
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75


def test_task_times_are_shanghai_wall_time_at_the_exact_utc_instant(written):
    data, cal = written
    ev = events(cal)["task-7@sellerdesk"]
    assert b"DTSTART;TZID=Asia/Shanghai:20261110T200000\r\n" in data
    assert b"DTEND;TZID=Asia/Shanghai:20261110T220000\r\n" in data
    assert ev["DTSTART"].dt.astimezone(UTC) == datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
    assert ev["DTEND"].dt.astimezone(UTC) == datetime(2026, 11, 10, 14, 0, tzinfo=UTC)
    assert ev["DTSTAMP"].dt == STAMP
    # 00:30 on 11 Nov in Shanghai is still 10 Nov in UTC
    point = events(cal)["task-8@sellerdesk"]
    assert point["DTSTART"].dt.astimezone(UTC) == datetime(2026, 11, 10, 16, 30, tzinfo=UTC)
    assert point["DTEND"].dt - point["DTSTART"].dt == timedelta(minutes=30)
    assert str(point["X-SELLERDESK-POINT"]) == "1"


@pytest.mark.parametrize("uid, triggers", [
    ("task-7@sellerdesk", [timedelta(minutes=-60), timedelta(0)]),  # the task's own lead
    ("task-8@sellerdesk", [timedelta(minutes=-30), timedelta(0)]),  # the shop default
    ("task-9@sellerdesk", [timedelta(0)]),  # lead 0: only at the start
    ("task-10@sellerdesk", []),  # done: no reminders
])
def test_alarms(written, uid, triggers):
    ev = events(written[1])[uid]
    alarms = ev.walk("VALARM")
    assert [a["TRIGGER"].dt for a in alarms] == triggers
    assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)


def test_task_fields(written):
    ev = events(written[1])["task-7@sellerdesk"]
    assert str(ev["SUMMARY"]) == "第三轮：短信 + 电话，全部买家"
    assert str(ev["DESCRIPTION"]) == "今晚 8 点开抢\n备好话术\n\n[ ] 导出名单\n[x] 发送短信"
    assert [str(c) for c in ev["CATEGORIES"].cats] == ["task"]
    got = {k: str(ev[f"X-SELLERDESK-{k}"]) for k in
           ("STATUS", "GROUP", "CHANNEL", "PHASE", "OWNER", "MESSAGE", "LEAD", "SOURCE", "CHECKLIST")}
    assert got == {"STATUS": "todo", "GROUP": "all", "CHANNEL": "sms", "PHASE": "preheat", "OWNER": "小王",
                   "MESSAGE": "【{shop}】{name}，今晚8点开抢，券{coupon}，回T退订", "LEAD": "60",
                   "SOURCE": "round3_sms", "CHECKLIST": "2"}
    assert str(events(written[1])["task-10@sellerdesk"]["X-SELLERDESK-STATUS"]) == "done"


def test_entries_are_all_day_with_exclusive_end(written):
    data, cal = written
    evs = events(cal)
    fest = evs["entry-1111-20261031@sellerdesk"]
    assert b"DTSTART;VALUE=DATE:20261031\r\nDTEND;VALUE=DATE:20261112\r\n" in data
    assert fest["DTSTART"].dt == date(2026, 10, 31) and fest["DTEND"].dt == date(2026, 11, 12)
    assert [str(c) for c in fest["CATEGORIES"].cats] == ["festival"] and str(fest["TRANSP"]) == "TRANSPARENT"
    assert not fest.walk("VALARM")
    holiday = evs[entry_uid(entries()[1])]
    assert holiday["DTEND"].dt == date(2026, 10, 8) and str(holiday["SUMMARY"]) == "国庆节"
    assert entry_uid(entries()[1]) == "entry-%E5%9B%BD%E5%BA%86%E8%8A%82-20261001@sellerdesk"
    assert evs[entry_uid(entries()[2])]["DTEND"].dt == date(2026, 10, 11)


def test_english_names(tmp_path):
    out = tmp_path / "cal.ics"
    write_ics(out, [], entries()[:1], calendar_name="Shop", default_lead_minutes=30, lang="en", stamp=STAMP)
    [ev] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(ev["SUMMARY"]) == "Double 11" and "Main day: 2026-11-11" in str(ev["DESCRIPTION"])
    assert b"VTIMEZONE" not in out.read_bytes()  # no timed event, no zone needed


def test_control_characters_are_stripped(tmp_path):
    out = tmp_path / "cal.ics"
    task = Task(title="坏\x00标题\x1b[31m\r\n第二行", starts_at=datetime(2026, 6, 18, 10), notes="a\x07b\r\nc", id=1)
    write_ics(out, [task], [], calendar_name="x\x00", default_lead_minutes=30, stamp=STAMP)
    [ev] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(ev["SUMMARY"]) == "坏标题[31m 第二行"
    assert str(ev["DESCRIPTION"]) == "ab\nc"


def test_same_input_same_bytes(tmp_path):
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    for out in (a, b):
        write_ics(out, tasks(), entries(), calendar_name="小店", default_lead_minutes=30, stamp=STAMP)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("name", ["cal.csv", "cal"])
def test_wrong_suffix(tmp_path, name):
    with pytest.raises(ExportError, match="save the calendar as .ics"):
        write_ics(tmp_path / name, tasks(), [], calendar_name="x", default_lead_minutes=30)


def test_nothing_to_export_writes_nothing(tmp_path):
    with pytest.raises(ExportError, match="No file was written"):
        write_ics(tmp_path / "x.ics", [], [], calendar_name="x", default_lead_minutes=30)
    assert os.listdir(tmp_path) == []


def test_missing_folder_and_no_temp_left(tmp_path):
    with pytest.raises(ExportError) as e:
        write_ics(tmp_path / "nope" / "x.ics", tasks(), [], calendar_name="x", default_lead_minutes=30)
    assert "nope" in e.value.message_zh and "does not exist" in e.value.message_en
    out = tmp_path / "x.ics"
    out.write_bytes(b"old")
    write_ics(out, tasks(), [], calendar_name="x", default_lead_minutes=30)
    assert os.listdir(tmp_path) == ["x.ics"] and out.read_bytes().startswith(b"BEGIN:VCALENDAR")
