import dataclasses
import time
from datetime import date, datetime, timezone

import pytest

from sellerdesk.domain.promo import CalendarEntry, CalendarError, ChecklistItem, EntryKind, Task, TaskDraft, TaskStatus
from sellerdesk.exporters.ics_file import write_ics
from sellerdesk.ingest.ics_file import MAX_OCCURRENCES, IcsEvent, read_ics, split_description

STAMP = datetime(2026, 9, 1, tzinfo=timezone.utc)


def draft_of(task: Task) -> TaskDraft:
    return TaskDraft(**{f.name: getattr(task, f.name) for f in dataclasses.fields(TaskDraft)})


def our_tasks():
    return [
        Task(title="第三轮：短信 + 电话，全部买家", starts_at=datetime(2026, 11, 10, 20), ends_at=datetime(2026, 11, 10, 22),
             phase="preheat", owner="小王", notes="今晚 8 点开抢\n\n[ ] 这行是备注，不是清单",
             checklist=(ChecklistItem("导出名单"), ChecklistItem("发送短信", True), ChecklistItem("[x] 括号开头")),
             group_key="all", channel="sms", message="【{shop}】{name}，今晚8点开抢；券 {coupon}, 回T退订\\n",
             lead_minutes=60, source_key="round3_sms", id=7, campaign_id=1),
        Task(title="付款提醒", starts_at=datetime(2026, 11, 11, 0, 30), id=8),
        Task(title="返场", starts_at=datetime(2026, 11, 12), ends_at=datetime(2026, 11, 14, 23, 59),
             status=TaskStatus.SKIPPED, checklist=(ChecklistItem("上架"),), lead_minutes=0, id=9),
        Task(title="只有备注", starts_at=datetime(2026, 11, 20, 9), notes="[x] 看起来像清单", status=TaskStatus.DONE, id=10),
    ]


def our_entries():
    return [
        CalendarEntry(EntryKind.FESTIVAL, "1111", "双11", "Double 11", date(2026, 10, 31), date(2026, 11, 11),
                      date(2026, 11, 11)),
        CalendarEntry(EntryKind.HOLIDAY, "国庆节", "国庆节", "National Day", date(2026, 10, 1), date(2026, 10, 7)),
        CalendarEntry(EntryKind.USER, "event_3", "店庆", "Shop anniversary", date(2026, 5, 20), date(2026, 5, 20)),
    ]


def write(tmp_path, text, name="cal.ics", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding) if isinstance(text, str) else text)
    return path


def vcal(*events, head=""):
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n{head}{body}END:VCALENDAR\n"


def test_round_trip_of_our_own_export(tmp_path):
    path = tmp_path / "out.ics"
    write_ics(path, our_tasks(), our_entries(), calendar_name="小店", default_lead_minutes=30, stamp=STAMP)
    got = read_ics(path)
    assert [(t.uid, t.task_id, t.status) for t in got.tasks] == [
        ("task-7@sellerdesk", 7, TaskStatus.TODO), ("task-8@sellerdesk", 8, TaskStatus.TODO),
        ("task-9@sellerdesk", 9, TaskStatus.SKIPPED), ("task-10@sellerdesk", 10, TaskStatus.DONE)]
    assert [t.draft for t in got.tasks] == [draft_of(t) for t in our_tasks()]
    assert got.tasks[1].draft.ends_at is None  # a point task stays a point
    assert sorted(got.events, key=lambda e: e.start) == [
        IcsEvent("entry-event_3-20260520@sellerdesk", "店庆", date(2026, 5, 20), date(2026, 5, 20),
                 kind=EntryKind.USER, key="event_3"),
        IcsEvent("entry-%E5%9B%BD%E5%BA%86%E8%8A%82-20261001@sellerdesk", "国庆节", date(2026, 10, 1),
                 date(2026, 10, 7), kind=EntryKind.HOLIDAY, key="国庆节"),
        IcsEvent("entry-1111-20261031@sellerdesk", "双11", date(2026, 10, 31), date(2026, 11, 11),
                 notes="正日：2026-11-11", kind=EntryKind.FESTIVAL, key="1111"),
    ]


GOOGLE = vcal(
    # Google writes UTC times: 12:00Z is 20:00 in Shanghai
    """DTSTART:20261110T120000Z
DTEND:20261110T140000Z
DTSTAMP:20260901T000000Z
UID:abc123@google.com
SUMMARY:直播 预热
DESCRIPTION:准备样品\\n\\n[ ] 灯光\\n[X] 话术
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:This is an event reminder
TRIGGER:-P0DT0H10M0S
END:VALARM
BEGIN:VALARM
ACTION:EMAIL
DESCRIPTION:x
SUMMARY:x
ATTENDEE:mailto:a@example.com
TRIGGER:-P1D
END:VALARM""",
    """DTSTART;VALUE=DATE:20261001
DTEND;VALUE=DATE:20261004
UID:holiday@google.com
SUMMARY:出游""",
    """DTSTART;VALUE=DATE:19900520
DTEND;VALUE=DATE:19900521
RRULE:FREQ=YEARLY
UID:birthday@google.com
SUMMARY:老板生日""",
    """DTSTART;TZID=America/New_York:20261101T090000
DURATION:PT1H30M
UID:ny@example.com
SUMMARY:供应商电话""",
    """DTSTART:20261111T100000
UID:floating@example.com
SUMMARY:浮动时间""",
    """DTSTART:20261112T100000Z
UID:cancelled@google.com
STATUS:CANCELLED
SUMMARY:取消了""",
    head="X-WR-CALNAME:Work\nX-WR-TIMEZONE:Asia/Shanghai\n",
)


def test_google_style_file(tmp_path):
    got = read_ics(write(tmp_path, GOOGLE, "basic.ics"))
    by_uid = {t.uid: t for t in got.tasks}
    live = by_uid["abc123@google.com"]
    assert live.task_id is None and live.status is None
    assert live.draft == TaskDraft(
        title="直播 预热", starts_at=datetime(2026, 11, 10, 20), ends_at=datetime(2026, 11, 10, 22),
        notes="准备样品", checklist=(ChecklistItem("灯光"), ChecklistItem("话术", True)),
        lead_minutes=10, source_key="abc123@google.com")  # the pop-up's lead, not the e-mail's
    # 09:00 in New York on 1 Nov 2026 (EST, after the DST change) is 22:00 in Shanghai
    assert by_uid["ny@example.com"].draft.starts_at == datetime(2026, 11, 1, 22)
    assert by_uid["ny@example.com"].draft.ends_at == datetime(2026, 11, 1, 23, 30)
    assert by_uid["floating@example.com"].draft.starts_at == datetime(2026, 11, 11, 10)
    assert by_uid["floating@example.com"].draft.ends_at is None
    assert "cancelled@google.com" not in by_uid
    assert got.events == [
        IcsEvent("holiday@google.com", "出游", date(2026, 10, 1), date(2026, 10, 3)),
        IcsEvent("birthday@google.com", "老板生日", date(1990, 5, 20), date(1990, 5, 20), yearly=True),
    ]


def test_floating_times_follow_the_calendars_zone(tmp_path):
    text = vcal("DTSTART:20261111T100000\nUID:f\nSUMMARY:x", head="X-WR-TIMEZONE:Europe/Berlin\n")
    [task] = read_ics(write(tmp_path, text)).tasks
    assert task.draft.starts_at == datetime(2026, 11, 11, 17)  # 10:00 CET = 17:00 Shanghai


def test_outlook_windows_zone_and_custom_vtimezone(tmp_path):
    text = vcal("""DTSTART;TZID=China Standard Time:20261111T100000
DTEND;TZID=Tokyo Custom:20261111T120000
UID:outlook
SUMMARY:Outlook""", head="""BEGIN:VTIMEZONE
TZID:Tokyo Custom
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
END:STANDARD
END:VTIMEZONE
""")
    [task] = read_ics(write(tmp_path, text)).tasks
    assert (task.draft.starts_at, task.draft.ends_at) == (datetime(2026, 11, 11, 10), datetime(2026, 11, 11, 11))


def test_weekly_rule_with_byday_until_exdate_and_a_moved_occurrence(tmp_path):
    text = vcal("""DTSTART;TZID=Asia/Shanghai:20261102T100000
DTEND;TZID=Asia/Shanghai:20261102T110000
RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261119T020000Z
EXDATE;TZID=Asia/Shanghai:20261105T100000
UID:weekly
SUMMARY:上新""", """RECURRENCE-ID;TZID=Asia/Shanghai:20261109T100000
DTSTART;TZID=Asia/Shanghai:20261109T150000
UID:weekly
SUMMARY:上新（改到下午）""")
    got = read_ics(write(tmp_path, text)).tasks
    assert [(t.draft.title, t.draft.starts_at, t.draft.ends_at) for t in got] == [
        ("上新", datetime(2026, 11, 2, 10), datetime(2026, 11, 2, 11)),
        ("上新", datetime(2026, 11, 12, 10), datetime(2026, 11, 12, 11)),
        ("上新", datetime(2026, 11, 16, 10), datetime(2026, 11, 16, 11)),
        ("上新", datetime(2026, 11, 19, 10), datetime(2026, 11, 19, 11)),  # UNTIL is inclusive
        ("上新（改到下午）", datetime(2026, 11, 9, 15), None),
    ]
    assert [t.draft.source_key for t in got[:2]] == ["weekly/20261102T1000", "weekly/20261112T1000"]


@pytest.mark.parametrize("rule, dtstart, expand_from, first, last, count", [
    ("FREQ=DAILY", "20260101T090000", None, datetime(2026, 1, 1, 9), datetime(2026, 12, 31, 9), 365),
    ("FREQ=DAILY", "20240229T090000", None, datetime(2024, 2, 29, 9), datetime(2025, 2, 28, 9), 366),
    ("FREQ=DAILY;INTERVAL=2;COUNT=5", "20260101T090000", None, datetime(2026, 1, 1, 9), datetime(2026, 1, 9, 9), 5),
    ("FREQ=WEEKLY", "20200106T090000", date(2026, 11, 1), datetime(2026, 11, 2, 9), datetime(2027, 10, 25, 9), 52),
    ("FREQ=MONTHLY", "20260131T090000", None, datetime(2026, 1, 31, 9), datetime(2026, 12, 31, 9), 7),
    ("FREQ=YEARLY", "20200229T090000", None, datetime(2020, 2, 29, 9), datetime(2020, 2, 29, 9), 1),
    ("FREQ=YEARLY;INTERVAL=1", "20250618T200000", date(2026, 1, 1), datetime(2026, 6, 18, 20),
     datetime(2026, 6, 18, 20), 1),
    ("FREQ=DAILY", "99991230T090000", None, datetime(9999, 12, 30, 9), datetime(9999, 12, 30, 9), 1),
    ("FREQ=SECONDLY", "20260101T090000", None, datetime(2026, 1, 1, 9), datetime(2026, 1, 1, 9), 1),
    ("FREQ=MONTHLY;BYDAY=2TU", "20260113T090000", None, datetime(2026, 1, 13, 9), datetime(2026, 1, 13, 9), 1),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "20260101T090000", None, datetime(2026, 1, 1, 9),
     datetime(2026, 1, 1, 9), 1),
])
def test_recurrences_are_bounded(tmp_path, rule, dtstart, expand_from, first, last, count):
    text = vcal(f"DTSTART;TZID=Asia/Shanghai:{dtstart}\nRRULE:{rule}\nUID:r\nSUMMARY:r")
    t0 = time.perf_counter()
    got = read_ics(write(tmp_path, text), expand_from=expand_from).tasks
    assert time.perf_counter() - t0 < 2
    starts = [t.draft.starts_at for t in got]
    assert (starts[0], starts[-1], len(starts)) == (first, last, count)
    assert len(starts) <= MAX_OCCURRENCES


@pytest.mark.parametrize("rule, yearly, starts", [
    ("FREQ=YEARLY", True, [date(1990, 5, 20)]),
    ("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=20", True, [date(1990, 5, 20)]),  # Apple's birthday style
    ("FREQ=YEARLY;INTERVAL=2", False, [date(1990, 5, 20)]),  # not every year: expanded, one in the window
    ("FREQ=YEARLY;COUNT=3", False, [date(1990, 5, 20)]),
    ("FREQ=FORTNIGHTLY", False, [date(1990, 5, 20)]),  # unreadable rule: the first occurrence only
])
def test_all_day_yearly(tmp_path, rule, yearly, starts):
    text = vcal(f"DTSTART;VALUE=DATE:19900520\nRRULE:{rule}\nUID:b\nSUMMARY:生日")
    got = read_ics(write(tmp_path, text)).events
    assert [(e.start, e.yearly) for e in got] == [(d, yearly) for d in starts]


def test_all_day_weekly_is_expanded(tmp_path):
    text = vcal("DTSTART;VALUE=DATE:20261102\nDTEND;VALUE=DATE:20261104\nRRULE:FREQ=WEEKLY;COUNT=3\nUID:w\nSUMMARY:w")
    got = read_ics(write(tmp_path, text)).events
    assert [(e.uid, e.start, e.end, e.yearly) for e in got] == [
        ("w/20261102", date(2026, 11, 2), date(2026, 11, 3), False),
        ("w/20261109", date(2026, 11, 9), date(2026, 11, 10), False),
        ("w/20261116", date(2026, 11, 16), date(2026, 11, 17), False)]


@pytest.mark.parametrize("text, count, notes, items", [
    ("", None, "", ()),
    ("[ ] a\n[x] b", None, "", (ChecklistItem("a"), ChecklistItem("b", True))),
    ("note\n\n[ ] a", None, "note", (ChecklistItem("a"),)),
    ("note\n[ ] a", None, "note\n[ ] a", ()),  # glued to the paragraph: notes
    ("note\n\n[ ] a", 0, "note\n\n[ ] a", ()),  # our export said: no checklist
    ("n\n\n[ ] x\n\n[ ] a", 1, "n\n\n[ ] x", (ChecklistItem("a"),)),
])
def test_split_description(text, count, notes, items):
    assert split_description(text, count) == (notes, items)


BIG_EVENT = "DTSTART:20261111T100000Z\nUID:{i}\nSUMMARY:e{i}"


@pytest.mark.parametrize("name, content, zh, en", [
    ("empty.ics", b"", "文件是空的", "the file is empty"),
    ("blank.ics", b"  \r\n\r\n", "文件是空的", "the file is empty"),
    ("photo.ics", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不是日历文件", "not a calendar file"),
    ("notes.ics", "购物清单\n牛奶", "不是日历文件", "not a calendar file"),
    ("gbk.ics", vcal("DTSTART:20261111T100000Z\nUID:1\nSUMMARY:中文标题").encode("gbk"), "第 7 行不是 UTF-8",
     "line 7 is not UTF-8"),
    ("cut.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART:20261111T100000Z\n", "已损坏", "broken"),
    ("nostart.ics", vcal("UID:1\nSUMMARY:开会"), "日程 #1「开会」：缺少开始时间", "event #1「开会」: it has no start"),
    ("backwards.ics", vcal("DTSTART:20261111T100000Z\nUID:0\nSUMMARY:ok",
                           "DTSTART:20261111T100000Z\nDTEND:20261111T090000Z\nUID:1\nSUMMARY:倒流"),
     "日程 #2「倒流」：结束（2026-11-11 17:00:00）早于开始", "event #2「倒流」: it ends"),
    ("backwards_day.ics", vcal("DTSTART;VALUE=DATE:20261111\nDTEND;VALUE=DATE:20261110\nUID:1"),
     "日程 #1：结束", "event #1: it ends"),
    ("garbled.ics", vcal("DTSTART:2026-11-11 10:00\nUID:1\nSUMMARY:乱码"), "日程 #1「乱码」：DTSTART 无法识别",
     "DTSTART cannot be read"),
    ("zone.ics", vcal("DTSTART;TZID=Mars/Olympus:20261111T100000\nUID:1\nSUMMARY:火星"), "未知时区「Mars/Olympus」",
     "unknown time zone 'Mars/Olympus'"),
    ("mixed.ics", vcal("DTSTART;VALUE=DATE:20261111\nDTEND:20261112T100000Z\nUID:1\nSUMMARY:混"),
     "一个是日期、一个是时间", "mix a date with a date-time"),
    ("many.ics", vcal(*(BIG_EVENT.format(i=i) for i in range(20_001))), "日程超过 20,000 个", "more than 20,000 events"),
])
def test_bad_files(tmp_path, name, content, zh, en):
    path = write(tmp_path, content, name)
    with pytest.raises(CalendarError) as e:
        read_ics(path)
    assert e.value.message_zh.startswith(name + "：") and zh in e.value.message_zh
    assert e.value.message_en.startswith(name + ": ") and en in e.value.message_en


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.ics"
    with open(path, "wb") as f:
        f.write(vcal().encode())
        f.truncate(5 * 1024 * 1024 + 1)
    with pytest.raises(CalendarError) as e:
        read_ics(path)
    assert "huge.ics" in e.value.message_zh and "5 MB" in e.value.message_en


def test_missing_file(tmp_path):
    with pytest.raises(CalendarError) as e:
        read_ics(tmp_path / "gone.ics")
    assert e.value.message_en.startswith("gone.ics: the file cannot be read")


def test_bom_and_an_empty_calendar(tmp_path):
    assert read_ics(write(tmp_path, b"\xef\xbb\xbf" + vcal().encode())) == read_ics(write(tmp_path, vcal(), "b.ics"))
    assert read_ics(write(tmp_path, vcal(), "c.ics")).tasks == []


TWICE = {
    "DTSTART": "DTSTART:20261110T120000Z\nDTSTART:20261111T120000Z",
    "DTEND": "DTSTART:20261110T120000Z\nDTEND:20261110T130000Z\nDTEND:20261110T140000Z",
    "DURATION": "DTSTART:20261110T120000Z\nDURATION:PT1H\nDURATION:PT2H",
    "RECURRENCE-ID": "DTSTART:20261110T120000Z\nRECURRENCE-ID:20261103T120000Z\nRECURRENCE-ID:20261104T120000Z",
    "TRIGGER": "DTSTART:20261110T120000Z\nBEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT10M\nTRIGGER:-PT20M\nEND:VALARM",
}


@pytest.mark.parametrize("prop", list(TWICE))
def test_a_property_given_twice_is_a_clear_error_naming_the_event(tmp_path, prop):
    text = vcal("UID:ok@x\nDTSTART:20261101T120000Z\nSUMMARY:好的", f"UID:twice@x\nSUMMARY:直播\n{TWICE[prop]}")
    with pytest.raises(CalendarError) as e:  # not AttributeError: 'list' object has no attribute 'dt'
        read_ics(write(tmp_path, text, "twice.ics"))
    assert e.value.message_en.startswith("twice.ics: event #2「直播」: ")
    assert f"{prop} appears 2 times" in e.value.message_en
    assert e.value.message_zh.startswith("twice.ics：日程 #2「直播」：") and f"{prop} 出现了 2 次" in e.value.message_zh


def test_a_task_uid_too_long_for_a_stored_id_is_another_calendars_event(tmp_path):
    text = vcal("UID:task-123456789012345678@sellerdesk\nDTSTART:20261110T120000Z\nSUMMARY:a",
                "UID:task-1234567890123456789@sellerdesk\nDTSTART:20261110T120000Z\nSUMMARY:b",
                f"UID:task-{'9' * 400}@sellerdesk\nDTSTART:20261110T120000Z\nSUMMARY:c")
    got = read_ics(write(tmp_path, text)).tasks
    assert [(t.draft.title, t.task_id) for t in got] == [("a", 123456789012345678), ("b", None), ("c", None)]


def test_the_whole_description_is_kept_beside_the_split_draft(tmp_path):
    live = {t.uid: t for t in read_ics(write(tmp_path, GOOGLE)).tasks}["abc123@google.com"]
    assert live.description == "准备样品\n\n[ ] 灯光\n[X] 话术"
    assert (live.draft.notes, len(live.draft.checklist)) == ("准备样品", 2)
