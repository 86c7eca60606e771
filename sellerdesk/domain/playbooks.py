"""Promotion playbooks: a festival's phases and tasks as day offsets from its main day.

A playbook is data (sellerdesk/resources/playbooks/<key>.json, or one a user saved
from a campaign). This module only checks and converts it; reading the file is the
caller's job. Schema, version 1:

    {"version": 1, "key": "1111", "festival": "1111", "name_zh": "...", "name_en": "...",
     "phases": [{"key": "pool", "name_zh": "蓄水期", "name_en": "Pool building", "from": -71, "to": -22}],
     "tasks": [{"key": "r1_loyal", "phase": "preheat", "day": -10, "days": 5,
                "time": "18:00", "until": "19:30", "title_zh": "...", "title_en": "...",
                "checklist_zh": ["..."], "checklist_en": ["..."], "notes_zh": "...", "notes_en": "...",
                "group": "loyal", "channel": "sms", "message_zh": "...", "message_en": "...",
                "lead_minutes": 30, "owner": ""}]}

Offsets count from the festival's main day (0). "days" > 1 makes a task span days:
it ends on its last day at "until", or 23:59. A one-day task with "until" is a
window (20:00-22:00); without it, a point in time. "time" defaults to 10:00.
Every text has a Chinese and an English version; an empty one falls back to the other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.message_fields import Notice, unknown_fields
from sellerdesk.domain.outreach import Channel
from sellerdesk.domain.promo import Campaign, CalendarError, ChecklistItem, Phase, Task, TaskDraft
from sellerdesk.domain.segments import group_family
from sellerdesk.domain.sms import LATEST, has_opt_out, has_signature, send_time_ok

VERSION = 1
CHANNELS = tuple(c.value for c in Channel)  # a task's outreach channel
BUILTIN_PLAYBOOKS = ("618", "1111", "1212")  # resources/playbooks/<key>.json
DEFAULT_TIME = time(10, 0)
END_OF_DAY = time(23, 59)
MAX_DAYS = 366
MAX_LEAD_MINUTES = 7 * 24 * 60

_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_CUSTOM_GROUP = re.compile(r"custom_\d+")
_TOP_FIELDS = {"version", "key", "festival", "name_zh", "name_en", "phases", "tasks"}
_PHASE_FIELDS = {"key", "name_zh", "name_en", "from", "to"}
_TASK_FIELDS = {"key", "phase", "day", "days", "time", "until", "title_zh", "title_en",
                "checklist_zh", "checklist_en", "notes_zh", "notes_en", "group", "channel",
                "message_zh", "message_en", "lead_minutes", "owner"}


@dataclass(frozen=True)
class PlaybookPhase:
    key: str
    name_zh: str
    name_en: str
    start: int  # "from": offset of its first day
    end: int  # "to": offset of its last day (inclusive)


@dataclass(frozen=True)
class PlaybookTask:
    key: str
    phase: str | None
    day: int
    days: int
    time: time
    until: time | None
    title_zh: str
    title_en: str
    checklist_zh: tuple[str, ...] = ()
    checklist_en: tuple[str, ...] = ()
    notes_zh: str = ""
    notes_en: str = ""
    group: str | None = None
    channel: str | None = None
    message_zh: str = ""
    message_en: str = ""
    lead_minutes: int | None = None
    owner: str = ""

    def text(self, name: str, lang: str = "zh"):
        """title/checklist/notes/message in `lang`, falling back to the other language when empty."""
        first, second = ("zh", "en") if lang == "zh" else ("en", "zh")
        return getattr(self, f"{name}_{first}") or getattr(self, f"{name}_{second}")


@dataclass(frozen=True)
class Playbook:
    key: str
    festival: str | None
    name_zh: str
    name_en: str
    phases: tuple[PlaybookPhase, ...]
    tasks: tuple[PlaybookTask, ...]
    version: int = VERSION

    def name(self, lang: str = "zh") -> str:
        return (self.name_zh if lang == "zh" else self.name_en) or self.name_zh or self.name_en

    @property
    def span(self) -> tuple[int, int]:
        return min(p.start for p in self.phases), max(p.end for p in self.phases)


def valid_group(key: str) -> bool:
    """A built-in group key (domain.segments), a custom group 'custom_<id>', or 'all' buyers."""
    return group_family(key) is not None or bool(_CUSTOM_GROUP.fullmatch(key))  # 'all' is a family


# ---- parsing ----------------------------------------------------------------------------

class _Where:
    """Builds the errors for one place in one file: 'source: task r1_loyal, field time: ...'."""

    def __init__(self, source: str, zh: str = "", en: str = ""):
        self.source, self.zh, self.en = source, zh, en

    def at(self, zh: str, en: str) -> _Where:
        return _Where(self.source, zh, en)

    def error(self, field: str | None, zh: str, en: str) -> CalendarError:
        place_zh = "，".join(p for p in (self.zh, f"字段 {field}" if field else "") if p)
        place_en = ", ".join(p for p in (self.en, f"field '{field}'" if field else "") if p)
        return CalendarError(f"{self.source}：{place_zh + '：' if place_zh else ''}{zh}",
                             f"{self.source}: {place_en + ': ' if place_en else ''}{en}")


def _check_fields(obj: object, allowed: set[str], where: _Where) -> dict:
    if not isinstance(obj, dict):
        raise where.error(None, "应为一个 JSON 对象。", "must be a JSON object.")
    extra = sorted(set(obj) - allowed)
    if extra:
        raise where.error(extra[0], "不认识这个字段（拼写错误？）。", "unknown field (a typo?).")
    return obj


def _named(obj: object, where: _Where, zh: str, en: str) -> _Where:
    """Name a phase or task by its key once it has one ('task r1_loyal'), else keep 'task 3'."""
    key = obj.get("key") if isinstance(obj, dict) else None
    return where.at(f"{zh}「{key}」", f"{en} '{key}'") if isinstance(key, str) and key else where


def _str(obj: dict, name: str, where: _Where, required: bool = False) -> str:
    value = obj.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise where.error(name, "应为文字。", "must be text.")
    if required and not value.strip():
        raise where.error(name, "不能为空。", "cannot be empty.")
    return value


def _int(obj: dict, name: str, where: _Where, default: int | None = None) -> int:
    value = obj.get(name, default)
    if not is_whole(value):
        raise where.error(name, "应为整数。", "must be a whole number.")
    return value


def _key(obj: dict, where: _Where) -> str:
    key = obj.get("key")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise where.error("key", "应为 1-64 个字母、数字、_ 或 -。",
                          "must be 1-64 letters, digits, _ or -.")
    return key


def _clock(obj: dict, name: str, where: _Where, default: time | None) -> time | None:
    value = obj.get(name)
    if value is None:
        return default
    m = _TIME.fullmatch(value) if isinstance(value, str) else None
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise where.error(name, f"时间应写作 HH:MM（如 20:00），而不是 {value!r}。",
                          f"a time is written HH:MM (e.g. 20:00), not {value!r}.")
    return time(int(m.group(1)), int(m.group(2)))


def _texts(obj: dict, name: str, where: _Where) -> tuple[str, ...]:
    value = obj.get(name)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.error(name, "应为非空文字的列表。", "must be a list of non-empty texts.")
    return tuple(value)


def _pair(obj: dict, name: str, where: _Where, required: bool = False) -> tuple[str, str]:
    zh, en = _str(obj, f"{name}_zh", where), _str(obj, f"{name}_en", where)
    if required and not (zh.strip() or en.strip()):
        raise where.error(f"{name}_zh", "中文和英文不能都为空。", "Chinese and English cannot both be empty.")
    return zh, en


def _parse_phase(obj: object, where: _Where) -> PlaybookPhase:
    where = _named(obj, where, "阶段", "phase")
    obj = _check_fields(obj, _PHASE_FIELDS, where)
    key = _key(obj, where)
    zh, en = _pair(obj, "name", where, required=True)
    start, end = _int(obj, "from", where), _int(obj, "to", where)
    if end < start:
        raise where.error("to", f"结束（{end}）早于开始（{start}）。", f"ends ({end}) before it starts ({start}).")
    return PlaybookPhase(key, zh, en, start, end)


def _parse_task(obj: object, phases: dict[str, PlaybookPhase], span: tuple[int, int], where: _Where) -> PlaybookTask:
    where = _named(obj, where, "任务", "task")
    obj = _check_fields(obj, _TASK_FIELDS, where)
    key = _key(obj, where)
    phase = obj.get("phase")
    if phase is not None and phase not in phases:
        raise where.error("phase", f"没有这个阶段：{phase!r}。", f"no such phase: {phase!r}.")
    day = _int(obj, "day", where)
    days = _int(obj, "days", where, default=1)
    if not 1 <= days <= MAX_DAYS:
        raise where.error("days", f"天数应在 1 到 {MAX_DAYS} 之间。", f"must be between 1 and {MAX_DAYS}.")
    if day < span[0] or day + days - 1 > span[1]:
        raise where.error("day", f"第 {day} 天（共 {days} 天）超出各阶段的范围 {span[0]}..{span[1]}。",
                          f"day {day} ({days} days) is outside the phases' span {span[0]}..{span[1]}.")
    start = _clock(obj, "time", where, DEFAULT_TIME)
    until = _clock(obj, "until", where, None)
    if until is not None and days == 1 and until < start:
        raise where.error("until", f"结束时间 {until:%H:%M} 早于开始时间 {start:%H:%M}。",
                          f"ends at {until:%H:%M}, before its start at {start:%H:%M}.")
    title = _pair(obj, "title", where, required=True)
    checklist_zh, checklist_en = _texts(obj, "checklist_zh", where), _texts(obj, "checklist_en", where)
    if checklist_zh and checklist_en and len(checklist_zh) != len(checklist_en):
        raise where.error("checklist_en", f"有 {len(checklist_en)} 项，中文有 {len(checklist_zh)} 项：应一一对应。",
                          f"has {len(checklist_en)} items and checklist_zh {len(checklist_zh)}: they must match.")
    group = obj.get("group")
    if group is not None and (not isinstance(group, str) or not valid_group(group)):
        raise where.error("group", f"没有这个客户分组：{group!r}。", f"no such customer group: {group!r}.")
    channel = obj.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise where.error("channel", f"渠道只能是 sms、email 或 phone，而不是 {channel!r}。",
                          f"the channel is sms, email or phone, not {channel!r}.")
    lead = obj.get("lead_minutes")
    if lead is not None:
        lead = _int(obj, "lead_minutes", where)
        if not 0 <= lead <= MAX_LEAD_MINUTES:
            raise where.error("lead_minutes", f"提醒提前量应在 0 到 {MAX_LEAD_MINUTES} 分钟之间。",
                              f"the reminder lead must be 0 to {MAX_LEAD_MINUTES} minutes.")
    return PlaybookTask(key, phase, day, days, start, until, *title, checklist_zh, checklist_en,
                        *_pair(obj, "notes", where), group, channel, *_pair(obj, "message", where),
                        lead, _str(obj, "owner", where))


def parse_playbook(data: object, source: str) -> Playbook:
    """Check a playbook's JSON data; every problem raises CalendarError naming source, task and field."""
    where = _Where(source)
    obj = _check_fields(data, _TOP_FIELDS, where)
    if obj.get("version") != VERSION:
        raise where.error("version", f"不支持的版本 {obj.get('version')!r}（应为 {VERSION}）。",
                          f"unsupported version {obj.get('version')!r} (expected {VERSION}).")
    key = _key(obj, where)
    festival = obj.get("festival")
    if festival is not None and (not isinstance(festival, str) or not festival.strip()):
        raise where.error("festival", "应为节日代码（如 1111）或 null。", "must be a festival key (e.g. 1111) or null.")
    names = _pair(obj, "name", where, required=True)
    raw_phases, raw_tasks = obj.get("phases"), obj.get("tasks", [])
    if not isinstance(raw_phases, list) or not raw_phases:
        raise where.error("phases", "至少需要一个阶段。", "at least one phase is needed.")
    if not isinstance(raw_tasks, list):
        raise where.error("tasks", "应为任务列表。", "must be a list of tasks.")
    phases: dict[str, PlaybookPhase] = {}
    for i, raw in enumerate(raw_phases, 1):
        phase = _parse_phase(raw, where.at(f"第 {i} 个阶段", f"phase {i}"))
        if phase.key in phases:
            raise where.at(f"阶段「{phase.key}」", f"phase '{phase.key}'").error("key", "重复。", "is used twice.")
        phases[phase.key] = phase
    span = min(p.start for p in phases.values()), max(p.end for p in phases.values())
    tasks: dict[str, PlaybookTask] = {}
    for i, raw in enumerate(raw_tasks, 1):
        task = _parse_task(raw, phases, span, where.at(f"第 {i} 个任务", f"task {i}"))
        if task.key in tasks:
            raise where.at(f"任务「{task.key}」", f"task '{task.key}'").error("key", "重复。", "is used twice.")
        tasks[task.key] = task
    return Playbook(key, festival, *names, tuple(phases.values()), tuple(tasks.values()))


# ---- content warnings -------------------------------------------------------------------

def check_playbook(pb: Playbook) -> list[Notice]:
    """What a valid playbook still gets wrong for buyers: unknown message fields, an outreach
    without a text, an SMS without 【signature】 or opt-out, or sent outside 08:00-22:00."""
    out: list[Notice] = []

    def warn(code: str, t: PlaybookTask, field: str, zh: str, en: str) -> None:
        out.append(Notice(code, f"任务「{t.key}」{field}：{zh}", f"Task '{t.key}' {field}: {en}"))

    for t in pb.tasks:
        for lang in ("zh", "en"):
            msg = getattr(t, f"message_{lang}")
            for name in unknown_fields(msg):
                warn("unknown_field", t, f"message_{lang}", f"未知字段 {{{name}}}。", f"unknown field {{{name}}}.")
        if t.group is not None and t.channel is None:
            warn("no_channel", t, "channel", "有客户分组却没有渠道。", "a customer group without a channel.")
        if t.group is not None and not (t.message_zh.strip() and t.message_en.strip()):
            warn("no_message", t, "message", "外联任务缺少中文或英文文案。", "an outreach task lacks its Chinese or English text.")
        if t.channel != "sms":
            continue
        if t.message_zh and not has_signature(t.message_zh):
            warn("no_signature", t, "message_zh", "短信缺少【签名】（写作【{shop}】）。", "the SMS lacks a 【signature】 (write 【{shop}】).")
        if t.message_zh and not has_opt_out(t.message_zh):
            warn("no_opt_out", t, "message_zh", "短信缺少退订说明（如 回T退订）。", "the SMS lacks an opt-out (e.g. 回T退订).")
        if not send_time_ok(t.time) or (t.until is not None and t.days == 1 and t.until > LATEST):
            warn("send_time", t, "time", "短信发送时间应在 08:00-22:00 之间。", "an SMS goes out between 08:00 and 22:00.")
    return out


# ---- expansion and conversion -------------------------------------------------------------

def _task_times(t: PlaybookTask, anchor: date) -> tuple[datetime, datetime | None]:
    first = anchor + timedelta(days=t.day)
    starts = datetime.combine(first, t.time)
    if t.days > 1:
        return starts, datetime.combine(first + timedelta(days=t.days - 1), t.until or END_OF_DAY)
    return starts, (datetime.combine(first, t.until) if t.until is not None else None)


def expand(pb: Playbook, anchor: date, lang: str = "zh") -> tuple[tuple[Phase, ...], list[TaskDraft]]:
    """The playbook laid on a year: phases as dates, tasks as drafts (source_key = the task key)."""
    phases = tuple(Phase(p.key, p.name_zh, p.name_en, anchor + timedelta(days=p.start),
                         anchor + timedelta(days=p.end)) for p in pb.phases)
    drafts = []
    for t in pb.tasks:
        starts, ends = _task_times(t, anchor)
        drafts.append(TaskDraft(
            title=t.text("title", lang), starts_at=starts, ends_at=ends, phase=t.phase, owner=t.owner,
            checklist=tuple(ChecklistItem(s) for s in t.text("checklist", lang)), notes=t.text("notes", lang),
            group_key=t.group, channel=t.channel, message=t.text("message", lang),
            lead_minutes=t.lead_minutes, source_key=t.key))
    return phases, drafts


def _task_json(t: PlaybookTask) -> dict:
    out: dict = {"key": t.key, "phase": t.phase, "day": t.day}
    if t.days != 1:
        out["days"] = t.days
    out["time"] = f"{t.time:%H:%M}"
    if t.until is not None:
        out["until"] = f"{t.until:%H:%M}"
    out |= {"title_zh": t.title_zh, "title_en": t.title_en}
    optional = {"checklist_zh": list(t.checklist_zh), "checklist_en": list(t.checklist_en),
                "notes_zh": t.notes_zh, "notes_en": t.notes_en, "group": t.group, "channel": t.channel,
                "message_zh": t.message_zh, "message_en": t.message_en,
                "lead_minutes": t.lead_minutes, "owner": t.owner}
    out |= {k: v for k, v in optional.items() if v not in (None, "", [])}
    return out


def playbook_to_json(pb: Playbook) -> dict:
    """The JSON data of a playbook (empty optional fields left out); parse_playbook reads it back."""
    return {"version": pb.version, "key": pb.key, "festival": pb.festival,
            "name_zh": pb.name_zh, "name_en": pb.name_en,
            "phases": [{"key": p.key, "name_zh": p.name_zh, "name_en": p.name_en, "from": p.start, "to": p.end}
                       for p in pb.phases],
            "tasks": [_task_json(t) for t in pb.tasks]}


def _window(task: Task, anchor: date) -> tuple[int, int, time, time | None]:
    """(day, days, time, until) of a stored task; seconds are dropped."""
    start = task.starts_at
    day = (start.date() - anchor).days
    clock = start.time().replace(second=0, microsecond=0)
    if task.ends_at is None:
        return day, 1, clock, None
    days = (task.ends_at.date() - start.date()).days + 1
    return day, days, clock, task.ends_at.time().replace(second=0, microsecond=0)


def playbook_from_campaign(campaign: Campaign, tasks: Sequence[Task], key: str,
                           name_zh: str, name_en: str) -> dict:
    """A campaign as a playbook's JSON, offsets from campaign.anchor, so a shop reuses it next year.

    The user's texts are in one language, so they fill both _zh and _en. A task outside
    every phase widens its own phase (or the first/last one) so the result always parses;
    a task with an unknown phase gets none; keys come from source_key when usable.
    """
    anchor = campaign.anchor
    phases = [[p.key, p.name_zh, p.name_en, (p.start - anchor).days, (p.end - anchor).days]
              for p in campaign.phases]
    if not phases:
        phases = [["campaign", "活动", "Campaign", 0, 0]]
    by_key = {p[0]: p for p in phases}
    out_tasks, used = [], set()
    for i, task in enumerate(sorted(tasks, key=lambda t: (t.starts_at, t.id)), 1):
        day, days, clock, until = _window(task, anchor)
        phase = task.phase if task.phase in by_key else None
        last = day + days - 1
        if phase:
            target = by_key[phase]
            target[3], target[4] = min(target[3], day), max(target[4], last)
        else:  # only a task before the first phase or after the last one moves an edge
            phases[0][3] = min(phases[0][3], day)
            phases[-1][4] = max(phases[-1][4], last)
        tkey = task.source_key if _KEY.fullmatch(task.source_key or "") else f"task_{i}"
        while tkey in used:
            tkey = f"{tkey}_{i}"
        used.add(tkey)
        items = [c.text for c in task.checklist if c.text.strip()]
        group = task.group_key if task.group_key and valid_group(task.group_key) else None
        channel = task.channel if task.channel in CHANNELS else None
        out_tasks.append(_task_json(PlaybookTask(
            tkey, phase, day, days, clock, until, task.title, task.title, tuple(items), tuple(items),
            task.notes, task.notes, group, channel, task.message, task.message,
            task.lead_minutes, task.owner)))
    return {"version": VERSION, "key": key, "festival": campaign.festival_key,
            "name_zh": name_zh, "name_en": name_en,
            "phases": [{"key": k, "name_zh": zh, "name_en": en, "from": a, "to": b} for k, zh, en, a, b in phases],
            "tasks": out_tasks}
