import copy
import json
from dataclasses import replace
from datetime import date, datetime, time
from importlib.resources import files

import pytest

from sellerdesk.domain.message_fields import render
from sellerdesk.domain.playbooks import (
    BUILTIN_PLAYBOOKS, check_playbook, expand, parse_playbook, playbook_from_campaign, playbook_to_json,
)
from sellerdesk.domain.promo import Campaign, CalendarError, ChecklistItem, Task
from sellerdesk.domain.sms import has_opt_out, has_signature, sms_length

PHASE_KEYS = ["pool", "presale", "preheat", "day", "encore", "thanks", "review", "next"]
OLD_BUYER_GROUPS = {"active", "loyal", "repeat", "second_purchase_window", "dormant_high_value"}
# A buyer with long values: the texts must still fit one SMS part of 70 characters.
VALUES = {"shop": "暖冬家居小铺", "name": "欧阳晓明", "nick": "xiaoming_88", "coupon": "满150减20券",
          "last_item": "加厚珊瑚绒四件套冬季", "city": "乌鲁木齐市"}


def raw(key: str) -> dict:
    path = files("sellerdesk").joinpath("resources", "playbooks", f"{key}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def builtin(key: str):
    return parse_playbook(raw(key), f"{key}.json")


def by_key(drafts):
    return {d.source_key: d for d in drafts}


# ---- the built-in playbooks -------------------------------------------------------------

@pytest.mark.parametrize("key", BUILTIN_PLAYBOOKS)
def test_builtin_parses_clean_and_round_trips(key):
    pb = builtin(key)
    assert pb.key == pb.festival == key
    assert [p.key for p in pb.phases] == PHASE_KEYS
    assert check_playbook(pb) == []
    assert parse_playbook(playbook_to_json(pb), "again") == pb
    days = [t.day for t in pb.tasks]
    assert days == sorted(days), "tasks are written in calendar order"


@pytest.mark.parametrize("key", BUILTIN_PLAYBOOKS)
def test_every_task_is_a_usable_plan_step(key):
    for t in builtin(key).tasks:
        assert t.phase in PHASE_KEYS, t.key
        assert t.title_zh and t.title_en and t.notes_zh and t.notes_en, t.key
        assert 2 <= len(t.checklist_zh) == len(t.checklist_en) <= 5, t.key
        if t.group:  # an outreach: group, channel, both texts, a send slot in the day
            assert t.channel and t.message_zh and t.message_en, t.key
            assert time(8) <= t.time and (t.until or t.time) <= time(22), t.key


@pytest.mark.parametrize("key", BUILTIN_PLAYBOOKS)
def test_sms_texts_are_short_signed_and_can_be_refused(key):
    sms = [t for t in builtin(key).tasks if t.channel == "sms"]
    assert len(sms) >= 10
    for t in sms:
        assert has_signature(t.message_zh) and has_opt_out(t.message_zh), t.key
        assert t.message_zh.startswith("【{shop}】") and t.message_en.startswith("【{shop}】"), t.key
        assert "Reply T to opt out" in t.message_en, t.key
        text = render(t.message_zh, VALUES)
        assert "{" not in text and sms_length(text) <= 70, (t.key, sms_length(text), text)
        body = text.removeprefix(f"【{VALUES['shop']}】").removesuffix("回T退订")
        assert sms_length(body) <= 60, (t.key, body)


@pytest.mark.parametrize("key", BUILTIN_PLAYBOOKS)
def test_old_buyers_hear_of_new_items_not_storewide_discounts(key):
    for t in builtin(key).tasks:
        if t.group in OLD_BUYER_GROUPS:
            assert "全场" not in t.message_zh and "打折" not in t.message_zh, t.key
            assert "storewide" not in t.message_en.lower(), t.key
    loyal = by_key(expand(builtin(key), date(2026, 1, 1))[1])
    assert "新品" in loyal["r1_loyal"].message and "新品" in loyal["r2_repeat"].message


def test_1111_on_2026_follows_the_seed_calendar():
    phases, drafts = expand(builtin("1111"), date(2026, 11, 11))
    span = {p.key: (p.start, p.end) for p in phases}
    assert span["pool"][0] == date(2026, 9, 1)  # pool building from 1 September
    assert span["preheat"] == (date(2026, 11, 1), date(2026, 11, 10))  # the ten-day pre-heat
    assert span["day"] == (date(2026, 11, 11),) * 2
    assert span["encore"] == (date(2026, 11, 12), date(2026, 11, 14))  # three days of encore sales
    assert span["thanks"] == (date(2026, 11, 12), date(2026, 11, 21))  # the ten-day thank-you period
    d = by_key(drafts)

    def window(k):
        return d[k].starts_at, d[k].ends_at

    assert d["target"].starts_at.date() == date(2026, 9, 1)
    assert d["parcel_card"].starts_at.date() == date(2026, 9, 1) and d["parcel_card"].ends_at.date() == date(2026, 10, 31)
    assert (d["wake_dormant"].group_key, d["lock_second"].group_key) == ("dormant_high_value", "second_purchase_window")
    # Round 1: 1-5 Nov, SMS, one task per class, each at a commute / lunch / tea-break slot.
    r1 = [d["r1_active"], d["r1_loyal"], d["r1_general"]]
    assert [(t.group_key, t.channel) for t in r1] == [("active", "sms"), ("loyal", "sms"), ("general", "sms")]
    for t in r1:
        assert t.starts_at.date() == date(2026, 11, 1) and t.ends_at.date() == date(2026, 11, 5)
    assert len({t.message for t in r1}) == 3
    assert window("r1_active") == (datetime(2026, 11, 1, 12), datetime(2026, 11, 5, 13, 30))
    assert window("r1_loyal") == (datetime(2026, 11, 1, 18), datetime(2026, 11, 5, 19, 30))
    # Round 2: 6-9 Nov, email with a coupon to claim, new and repeat buyers (together: everyone who bought).
    for k in ("r2_new", "r2_repeat"):
        assert d[k].channel == "email" and "{coupon}" in d[k].message and "领券" in d[k].message
        assert (d[k].starts_at.date(), d[k].ends_at.date()) == (date(2026, 11, 6), date(2026, 11, 9))
    # Round 3: 10 Nov 20:00-22:00, SMS to all and phone calls.
    assert window("r3_sms") == window("r3_phone") == (datetime(2026, 11, 10, 20), datetime(2026, 11, 10, 22))
    assert (d["r3_sms"].group_key, d["r3_sms"].channel, d["r3_phone"].channel) == ("all", "sms", "phone")
    assert "0点" in d["r3_sms"].message and "24点结束" in d["r3_sms"].message
    # Pre-sale actions, expectation notice, paid ads 10-15 days ahead.
    assert {"presale_points", "cart_boost", "checkin"} <= set(d)
    assert "积分" in d["presale_points"].title and "签到" in d["checkin"].title
    assert d["expectation"].starts_at.date() < date(2026, 11, 11) and "慢" in d["expectation"].message
    assert 10 <= (date(2026, 11, 11) - d["ads_raise"].starts_at.date()).days <= 15
    # The day: payment reminders and the afternoon touch for likely buyers who have not bought.
    assert d["pay_remind"].starts_at.date() == date(2026, 11, 11) and "付款" in d["pay_remind"].message
    touch = d["afternoon_touch"]
    assert touch.starts_at.date() == date(2026, 11, 11) and 12 <= touch.starts_at.hour < 18
    assert touch.group_key == "second_purchase_window"
    assert any("已付款" in c.text for c in touch.checklist)
    # Care messages: shipped, in the buyer's city, delivered with a review invitation.
    care = [d["care_shipped"], d["care_city"], d["care_delivered"]]
    assert [t.starts_at for t in care] == sorted(t.starts_at for t in care)
    assert all(t.channel == "sms" and t.phase == "thanks" for t in care)
    assert "发出" in care[0].message and "{city}" in care[1].message and "评价" in care[2].message
    # Retrospective, then 12.12 preparation: restock, 4-5 related items, new items to repeat buyers first.
    assert d["review_crm"].phase == "review" and len(d["review_crm"].checklist) == 5
    assert d["next_restock"].phase == d["next_related"].phase == "next"
    assert "4-5" in d["next_related"].title
    assert (d["next_new_items"].group_key, d["next_new_items"].channel) == ("repeat", "sms")
    assert span["next"][1] <= date(2026, 12, 12)


def test_618_and_1212_fit_their_dates():
    phases, drafts = expand(builtin("618"), date(2026, 6, 18))
    span, d = {p.key: (p.start, p.end) for p in phases}, by_key(drafts)
    assert span["day"] == (date(2026, 6, 18),) * 2
    assert date(2026, 5, 20) <= span["preheat"][0] <= date(2026, 6, 3)  # pre-heat from late May / early June
    assert d["r3_sms"].starts_at == datetime(2026, 6, 17, 20)
    assert "6月18日" in d["r1_active"].message
    assert not any("双11" in t.message or "11.11" in t.message for t in drafts)

    phases, drafts = expand(builtin("1212"), date(2026, 12, 12))
    span, d = {p.key: (p.start, p.end) for p in phases}, by_key(drafts)
    assert span["pool"][0] == date(2026, 11, 15)  # right after 11.11's three-day encore
    assert span["day"] == (date(2026, 12, 12),) * 2
    assert d["r3_sms"].starts_at == datetime(2026, 12, 11, 20)
    assert "12月12日" in d["r1_loyal"].message and "双11" not in d["r1_loyal"].message


def test_expand_in_english():
    _, drafts = expand(builtin("1111"), date(2026, 11, 11), lang="en")
    d = by_key(drafts)
    assert d["r1_loyal"].title.startswith("Round 1 SMS")
    assert d["r1_loyal"].checklist[0] == ChecklistItem("Export the Loyal buyers group (several orders)")
    assert "11 Nov" in d["r1_loyal"].message


# ---- schema rules -----------------------------------------------------------------------

def minimal(**task) -> dict:
    return {"version": 1, "key": "mine", "festival": None, "name_zh": "我的", "name_en": "Mine",
            "phases": [{"key": "pre", "name_zh": "预热", "name_en": "Pre", "from": -5, "to": -1},
                       {"key": "day", "name_zh": "当天", "name_en": "Day", "from": 0, "to": 0}],
            "tasks": [{"key": "t1", "phase": "pre", "day": -3, "title_zh": "任务", "title_en": "Task", **task}]}


@pytest.mark.parametrize("task, start, end", [
    ({}, datetime(2026, 1, 7, 10), None),  # time defaults to 10:00, a point in time
    ({"time": "20:00", "until": "22:00"}, datetime(2026, 1, 7, 20), datetime(2026, 1, 7, 22)),
    ({"days": 3, "time": "12:00"}, datetime(2026, 1, 7, 12), datetime(2026, 1, 9, 23, 59)),
    ({"days": 2, "time": "20:00", "until": "13:30"}, datetime(2026, 1, 7, 20), datetime(2026, 1, 8, 13, 30)),
    ({"time": "9:05", "until": "9:05"}, datetime(2026, 1, 7, 9, 5), datetime(2026, 1, 7, 9, 5)),
])
def test_task_times(task, start, end):
    _, [draft] = expand(parse_playbook(minimal(**task), "mine.json"), date(2026, 1, 10))
    assert (draft.starts_at, draft.ends_at, draft.source_key, draft.phase) == (start, end, "t1", "pre")


def test_one_language_falls_back_to_the_other():
    pb = parse_playbook(minimal(title_en="", checklist_zh=["一"], message_zh="{name}好"), "mine.json")
    _, [d] = expand(pb, date(2026, 1, 10), "en")
    assert (d.title, d.checklist, d.message) == ("任务", (ChecklistItem("一"),), "{name}好")


@pytest.mark.parametrize("group", ["all", "new", "tier_vip", "rfm_important_value", "custom_12", None])
def test_group_keys_accepted(group):
    parse_playbook(minimal(group=group, channel="sms" if group else None), "mine.json")


def break_task(field, value):
    return lambda d: d["tasks"][0].__setitem__(field, value)


ERRORS = [
    (break_task("phase", "nope"), "phase"),
    (break_task("time", "25:00"), "time"),
    (break_task("time", "8pm"), "time"),
    (break_task("until", "09:00"), "until"),  # before 10:00 on a one-day task
    (break_task("channel", "wechat"), "channel"),
    (break_task("group", "vips"), "group"),
    (break_task("day", 3), "day"),  # after the last phase
    (break_task("day", -6), "day"),  # before the first phase
    (break_task("days", 5), "day"),  # runs past the last phase
    (break_task("day", "-3"), "day"),
    (break_task("days", 0), "days"),
    (break_task("lead_minutes", -5), "lead_minutes"),
    (break_task("title_zh", ""), "title_zh"),  # with title_en also empty below
    (break_task("titel_zh", "x"), "titel_zh"),
    (break_task("checklist_en", ["a"]), "checklist_en"),  # checklist_zh has two items
    (break_task("checklist_zh", ["a", ""]), "checklist_zh"),
    (break_task("notes_zh", 5), "notes_zh"),
]


@pytest.mark.parametrize("breaker, field", ERRORS)
def test_task_errors_name_file_task_and_field(breaker, field):
    data = minimal(checklist_zh=["甲", "乙"])
    if field == "title_zh":
        data["tasks"][0]["title_en"] = ""
    breaker(data)
    with pytest.raises(CalendarError) as e:
        parse_playbook(data, "mine.json")
    zh, en = e.value.message_zh, e.value.message_en
    assert zh.startswith("mine.json：") and en.startswith("mine.json: ")
    assert "「t1」" in zh and "task 't1'" in en
    assert f"字段 {field}" in zh and f"field '{field}'" in en


def test_duplicate_task_key():
    data = minimal()
    data["tasks"].append(copy.deepcopy(data["tasks"][0]))
    with pytest.raises(CalendarError) as e:
        parse_playbook(data, "mine.json")
    assert "task 't1', field 'key'" in e.value.message_en and "重复" in e.value.message_zh


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(version=2), "field 'version'"),
    (lambda d: d.update(phases=[]), "field 'phases'"),
    (lambda d: d.update(key="my book"), "field 'key'"),
    (lambda d: d.update(name_zh="", name_en=""), "field 'name_zh'"),
    (lambda d: d.update(extra=1), "field 'extra'"),
    (lambda d: d["phases"][0].update(to=-6), "phase 'pre', field 'to'"),
    (lambda d: d["phases"].append(dict(d["phases"][0])), "phase 'pre', field 'key'"),
    (lambda d: d.update(tasks={}), "field 'tasks'"),
])
def test_playbook_errors(change, words):
    data = minimal()
    change(data)
    with pytest.raises(CalendarError) as e:
        parse_playbook(data, "mine.json")
    assert e.value.message_en.startswith("mine.json: ") and words in e.value.message_en
    assert e.value.message_zh.startswith("mine.json：")


@pytest.mark.parametrize("data", [[], "x", None])
def test_not_an_object(data):
    with pytest.raises(CalendarError) as e:
        parse_playbook(data, "bad.json")
    assert "bad.json" in e.value.message_en and "JSON" in e.value.message_zh


@pytest.mark.parametrize("task, code", [
    ({"channel": "sms", "message_zh": "【{shop}】{name}您好", "message_en": "x"}, "no_opt_out"),
    ({"channel": "sms", "message_zh": "{name}您好 回T退订", "message_en": "x"}, "no_signature"),
    ({"channel": "sms", "time": "22:30", "message_zh": "【{shop}】好 回T退订"}, "send_time"),
    ({"channel": "sms", "time": "20:00", "until": "23:00", "message_zh": "【{shop}】好 回T退订"}, "send_time"),
    ({"channel": "email", "message_zh": "{name}您好{foo}"}, "unknown_field"),
    ({"group": "new"}, "no_channel"),
    ({"group": "new", "channel": "email", "message_zh": "你好"}, "no_message"),
])
def test_content_warnings(task, code):
    notices = check_playbook(parse_playbook(minimal(**task), "mine.json"))
    assert code in [n.code for n in notices]
    assert all("t1" in n.zh and "t1" in n.en for n in notices)


# ---- a campaign saved as next year's playbook ----------------------------------------------

def stored(drafts, campaign_id=7):
    return [Task(**{f: getattr(d, f) for f in d.__dataclass_fields__}, id=i, campaign_id=campaign_id)
            for i, d in enumerate(drafts, 1)]


@pytest.mark.parametrize("key", BUILTIN_PLAYBOOKS)
def test_campaign_round_trips_to_a_playbook(key):
    anchor = date(2026, 11, 11)
    phases, drafts = expand(builtin(key), anchor)
    campaign = Campaign(7, "2026", key, 2026, anchor, key, phases=phases)
    data = playbook_from_campaign(campaign, stored(drafts), "mine", "我的计划", "My plan")
    pb = parse_playbook(json.loads(json.dumps(data)), "mine")
    assert (pb.key, pb.festival, pb.name_zh) == ("mine", key, "我的计划")
    again_phases, again = expand(pb, date(2027, 11, 11))
    assert [(p.key, p.start.replace(year=2026)) for p in again_phases] == [(p.key, p.start) for p in phases]
    before = sorted((d.source_key, d.starts_at, d.ends_at, d.title, d.checklist, d.message, d.group_key,
                     d.channel, d.lead_minutes) for d in drafts)
    after = sorted((d.source_key, d.starts_at.replace(year=2026), d.ends_at and d.ends_at.replace(year=2026),
                    d.title, d.checklist, d.message, d.group_key, d.channel, d.lead_minutes) for d in again)
    assert after == before


def test_campaign_edits_still_make_a_valid_playbook():
    anchor = date(2026, 11, 11)
    phases, drafts = expand(builtin("1111"), anchor)
    tasks = stored(drafts[:3])
    tasks[0] = replace(tasks[0], starts_at=datetime(2026, 8, 20, 9, 30, 15), ends_at=None,  # before every phase
                       checklist=(ChecklistItem("done one", True),), owner="小王")
    tasks[1] = replace(tasks[1], phase="gone", source_key="task-2@sellerdesk")  # unknown phase, odd key
    tasks[2] = replace(tasks[2], starts_at=datetime(2026, 12, 25, 10), ends_at=None, source_key=tasks[0].source_key)
    data = playbook_from_campaign(Campaign(7, "x", "1111", 2026, anchor, "1111", phases=phases), tasks,
                                  "edited", "改过的", "Edited")
    pb = parse_playbook(data, "edited")
    t = {x.key: x for x in pb.tasks}
    assert t["target"].day == -83 and t["target"].time == time(9, 30) and t["target"].owner == "小王"
    assert t["target"].checklist_zh == ("done one",)  # a template: the done state is not kept
    assert pb.phases[0].start == -83  # its phase widened to hold it
    assert t["task_2"].phase is None
    late = [x for x in pb.tasks if x.day == 44]
    assert late and late[0].key != "target" and pb.span[1] == 44


def test_campaign_without_phases():
    draft_tasks = stored(expand(builtin("1111"), date(2026, 11, 11))[1][:2])
    data = playbook_from_campaign(Campaign(1, "x", None, 2026, date(2026, 11, 11), None), draft_tasks, "k", "甲", "A")
    pb = parse_playbook(data, "k")
    assert pb.festival is None and [p.key for p in pb.phases] == ["campaign"]
    assert all(t.phase is None for t in pb.tasks)


def test_a_task_without_a_phase_inside_the_campaign_moves_no_phase():
    anchor = date(2026, 11, 11)
    phases, drafts = expand(builtin("1111"), anchor)
    inside = max(stored(drafts), key=lambda t: t.starts_at)  # the last task: within the last phase's days
    early = replace(stored(drafts)[0], phase=None, starts_at=datetime(2026, 10, 25, 10), ends_at=None)
    data = playbook_from_campaign(Campaign(7, "x", "1111", 2026, anchor, "1111", phases=phases),
                                  [early, replace(inside, phase=None)], "k", "甲", "A")
    pb = parse_playbook(data, "k")
    assert [(p.key, p.start, p.end) for p in pb.phases] == [
        (p.key, (p.start - anchor).days, (p.end - anchor).days) for p in phases]
