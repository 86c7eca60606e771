"""An .ics file in: our own export (round-trips every task field) or another calendar's file.

Times: every time becomes naive Asia/Shanghai wall time. A TZID is resolved by
icalendar (IANA names, Windows names such as "China Standard Time", or the
file's own VTIMEZONE); UTC "Z" times are converted; floating times are read in
the calendar's X-WR-TIMEZONE when it names a known zone, else as Shanghai time.
A TZID nobody can resolve is refused rather than guessed.

What comes out:
- a timed event -> IcsTask (uid, task_id when the UID is one of ours
  `task-<id>@sellerdesk`, the TaskDraft, the X-SELLERDESK-STATUS when present,
  the whole DESCRIPTION); an id of more than 18 digits cannot be one of ours
  (the store's ids are SQLite integers), so such a UID is another calendar's;
- an all-day (VALUE=DATE) event -> IcsEvent with an inclusive end; our own
  entries carry their kind and key back.
DESCRIPTION of our own tasks splits into notes and the checklist by the count
we wrote; for other files, trailing "[ ] ..." / "[x] ..." lines after a blank
line (or forming the whole description) are the checklist.
Cancelled events (STATUS:CANCELLED) are left out.

Recurrences (RRULE), bounded by construction:
- an all-day FREQ=YEARLY event (birthdays, anniversaries) -> one IcsEvent with
  yearly=True (the app stores yearly user events);
- FREQ=DAILY / WEEKLY (optionally BYDAY=MO,WE...) / MONTHLY / YEARLY with
  INTERVAL, COUNT, UNTIL and EXDATE are expanded over one window of
  one year starting at the first occurrence, or at `expand_from` when
  given (and the rule has no COUNT); at most MAX_OCCURRENCES per event;
  moved occurrences (RECURRENCE-ID) replace the generated ones;
- any other rule (HOURLY and faster, BYMONTHDAY, BYSETPOS, "2nd Tuesday" ...)
  -> the first occurrence only.
The whole output is capped at MAX_EVENTS as well.

Refused with CalendarError naming the file (and the event: its SUMMARY or its
position): empty, binary, not UTF-8, not a calendar, broken, > 5 MB, more than
20,000 events, an event without DTSTART, an end before the start, an unknown
time zone, a date mixed with a date-time, DTSTART / DTEND / DURATION /
RECURRENCE-ID / an alarm's TRIGGER given more than once in one component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sellerdesk.domain.dates import SHOP_ZONE, one_line, plain_text
from sellerdesk.domain.promo import CalendarError, ChecklistItem, EntryKind, TaskDraft, TaskStatus

MAX_BYTES = 5 * 1024 * 1024
MAX_EVENTS = 20_000
WINDOW_PERIODS = 368  # at most this many periods are looked at (a daily rule's year, and slack)
MAX_OCCURRENCES = 400
UNTITLED = "（无标题）"
_OUR_TASK_UID = re.compile(r"^task-(\d{1,18})@sellerdesk$")  # longer: not a SQLite id, so not ours
_CHECK_LINE = re.compile(r"^\[( |x|X)\] ?(.*)$")
_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_STEP_DAYS = {"DAILY": 1, "WEEKLY": 7}
X = "X-SELLERDESK-"


@dataclass(frozen=True, slots=True)
class IcsTask:
    uid: str
    task_id: int | None  # from our own UID task-<id>@sellerdesk; None for other calendars' events
    draft: TaskDraft
    status: TaskStatus | None = None  # X-SELLERDESK-STATUS (todo/done/skipped) when present
    description: str = ""  # the whole DESCRIPTION (the draft's notes and checklist, not yet split)


@dataclass(frozen=True, slots=True)
class IcsEvent:
    uid: str
    title: str
    start: date
    end: date  # inclusive, as CalendarEntry
    yearly: bool = False  # an all-day FREQ=YEARLY event, kept as one yearly event
    notes: str = ""
    kind: EntryKind | None = None  # our own export's entry kind (festival, holiday ...); None otherwise
    key: str | None = None  # our own export's entry key


@dataclass(frozen=True, slots=True)
class IcsContents:
    tasks: list[IcsTask] = field(default_factory=list)
    events: list[IcsEvent] = field(default_factory=list)


def read_ics(path: Path, *, expand_from: date | None = None) -> IcsContents:
    """Read a calendar file; CalendarError (zh + en, naming the file) when it cannot be used."""
    path = Path(path)
    text = _read_text(path)
    from icalendar import Calendar  # lazily: start-up must not load icalendar

    name = path.name
    if text.upper().count("BEGIN:VEVENT") > MAX_EVENTS:
        raise _too_many(name)
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception as e:  # noqa: BLE001 - any parser failure means a broken file, reported as such
        why = str(e)[:200]  # the parser may quote the whole input
        raise CalendarError(f"{name}：日历文件已损坏，无法读取（{why}）。",
                            f"{name}: the calendar file is broken and cannot be read ({why}).") from e
    if not calendars:
        raise CalendarError(f"{name}：日历文件已损坏或不完整（缺少 END:VCALENDAR）。",
                            f"{name}: the calendar file is broken or cut short (no END:VCALENDAR).")
    reader = _Reader(name, expand_from)
    for cal in calendars:
        reader.read_calendar(cal)
    return IcsContents(reader.tasks, reader.events)


def _read_text(path: Path) -> str:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CalendarError(f"{name}：文件太大（{size / 1024 / 1024:.1f} MB），日历文件最大 5 MB。",
                                f"{name}: the file is too large ({size / 1024 / 1024:.1f} MB); "
                                f"calendar files are limited to 5 MB.")
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise CalendarError(f"{name}：无法读取文件（{e.strerror or e}）。",
                            f"{name}: the file cannot be read ({e.strerror or e}).") from e
    if len(data) > MAX_BYTES:  # grew after stat
        raise CalendarError(f"{name}：文件太大，日历文件最大 5 MB。",
                            f"{name}: the file is too large; calendar files are limited to 5 MB.")
    if not data.strip():
        raise CalendarError(f"{name}：文件是空的。", f"{name}: the file is empty.")
    if b"\x00" in data:
        raise _not_calendar(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise CalendarError(f"{name}：第 {line} 行不是 UTF-8 编码，日历文件必须是 UTF-8。",
                            f"{name}: line {line} is not UTF-8; calendar files must be UTF-8.") from e
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise _not_calendar(name)
    return text


def _not_calendar(name: str) -> CalendarError:
    return CalendarError(f"{name}：这不是日历文件（.ics 文件应以 BEGIN:VCALENDAR 开头）。",
                         f"{name}: this is not a calendar file (an .ics file starts with BEGIN:VCALENDAR).")


def _too_many(name: str) -> CalendarError:
    return CalendarError(f"{name}：日程超过 {MAX_EVENTS:,} 个（含重复日程展开），请分批导入。",
                         f"{name}: more than {MAX_EVENTS:,} events (recurrences included); import it in parts.")


class _Reader:
    def __init__(self, name: str, expand_from: date | None):
        self.name = name
        self.expand_from = expand_from
        self.tasks: list[IcsTask] = []
        self.events: list[IcsEvent] = []
        self.floating = SHOP_ZONE

    def read_calendar(self, cal) -> None:
        self.floating = _zone(str(cal.get("X-WR-TIMEZONE", ""))) or SHOP_ZONE
        vevents = cal.walk("VEVENT")
        if len(vevents) > MAX_EVENTS:
            raise _too_many(self.name)
        # Moved or cancelled single occurrences of a recurring event, by (UID, original start).
        overridden: set = set()
        events = [_Event(self, ev, index, overridden) for index, ev in enumerate(vevents, start=1)]
        overridden.update((str(e.ev.get("UID", "")), when) for e in events
                          if (when := e.recurrence_id()) is not None)
        for event in events:
            if str(event.ev.get("STATUS", "")).upper() == "CANCELLED":
                continue
            event.read()
            if len(self.tasks) + len(self.events) > MAX_EVENTS:
                raise _too_many(self.name)

    def error(self, label: str, zh: str, en: str) -> CalendarError:
        return CalendarError(f"{self.name}：日程 {label}：{zh}", f"{self.name}: event {label}: {en}")


class _Event:
    """One VEVENT, read into tasks or events of its reader."""

    def __init__(self, reader: _Reader, ev, index: int, overridden: set):
        self.r, self.ev, self.overridden = reader, ev, overridden
        self.title = one_line(str(ev.get("SUMMARY", "")))
        self.label = f"#{index}「{self.title}」" if self.title else f"#{index}"
        self.uid = one_line(str(ev.get("UID", ""))) or f"event-{index}"
        self.recurring = ev.get("RRULE") is not None
        self.yearly = False

    def fail(self, zh: str, en: str) -> CalendarError:
        return self.r.error(self.label, zh, en)

    def one(self, component, name: str, where: tuple[str, str] = ("", "")):
        """The property, or None; given more than once (icalendar then returns a list) is refused."""
        prop = component.get(name)
        if isinstance(prop, list):
            raise self.fail(f"{where[0]}{name} 出现了 {len(prop)} 次，只能有一个。",
                            f"{where[1]}{name} appears {len(prop)} times; there can be only one.")
        return prop

    def value(self, name: str):
        prop = self.one(self.ev, name)
        if prop is None:
            return None
        if not _ok(self.ev, name):
            raise self.fail(f"{name} 无法识别（{prop.to_ical().decode(errors='replace')[:60]}）。",
                            f"{name} cannot be read ({prop.to_ical().decode(errors='replace')[:60]}).")
        return prop

    def wall(self, name: str) -> datetime | date | None:
        prop = self.value(name)
        if prop is None:
            return None
        value = prop.dt
        if isinstance(value, datetime):
            if value.tzinfo is None:
                if prop.params.get("TZID"):
                    raise self.fail(f"未知时区「{prop.params['TZID']}」，无法换算成北京时间。",
                                    f"unknown time zone '{prop.params['TZID']}'; cannot convert to Shanghai time.")
                value = value.replace(tzinfo=self.r.floating)
            return value.astimezone(SHOP_ZONE).replace(tzinfo=None)
        if isinstance(value, date):
            return value
        raise self.fail(f"{name} 不是日期或时间。", f"{name} is not a date or a date-time.")

    def recurrence_id(self):
        """The original start (Shanghai wall time) this event moves or cancels; None when it has none
        or icalendar could not parse it."""
        if not _ok(self.ev, "RECURRENCE-ID"):
            return None
        return _to_wall(self.one(self.ev, "RECURRENCE-ID").dt, self.r.floating)

    def read(self) -> None:
        start = self.wall("DTSTART")
        if start is None:
            raise self.fail("缺少开始时间（DTSTART）。", "it has no start (DTSTART).")
        end = self.wall("DTEND")
        duration = self.value("DURATION")
        if end is None and duration is not None:
            if not isinstance(duration.dt, timedelta):
                raise self.fail("DURATION 无法识别。", "DURATION cannot be read.")
            end = start + duration.dt
        if end is not None and isinstance(end, datetime) != isinstance(start, datetime):
            raise self.fail("开始和结束一个是日期、一个是时间。", "its start and end mix a date with a date-time.")
        if end is not None and end < start:
            raise self.fail(f"结束（{end}）早于开始（{start}）。", f"it ends ({end}) before it starts ({start}).")
        for occurrence in self.occurrences(start):
            shifted_end = None if end is None else end + (occurrence - start)
            if isinstance(start, datetime):
                self.add_task(occurrence, shifted_end)
            else:  # DTEND of a date is exclusive; a DTEND equal to DTSTART still means that one day
                last = occurrence if end is None else max(occurrence, shifted_end - timedelta(days=1))
                self.add_event(occurrence, last)

    def occurrences(self, start: date) -> list:
        if not self.recurring or not _ok(self.ev, "RRULE"):
            return [start]  # an RRULE icalendar cannot parse: the first occurrence only
        rule = _as_list(self.ev.get("RRULE"))[0]
        if not isinstance(start, datetime) and _plain_yearly(rule, start):
            self.yearly = True
            return [start]
        floating = self.r.floating
        skip = {_to_wall(d.dt, floating) for prop in _as_list(self.ev.get("EXDATE")) for d in getattr(prop, "dts", ())}
        skip |= {when for uid, when in self.overridden if uid == self.uid}
        dtstart = self.one(self.ev, "DTSTART").dt
        try:
            originals = _expand(dtstart, rule, self.r.expand_from)
        except (OverflowError, ValueError):  # a rule running past year 9999, an odd INTERVAL: the first only
            originals = [dtstart]
        walls = (_to_wall(original, floating) for original in originals)
        return [wall for wall in walls if wall not in skip]

    def add_task(self, starts_at: datetime, ends_at: datetime | None) -> None:
        ev = self.ev
        match = _OUR_TASK_UID.match(self.uid)
        ours = match is not None and not self.recurring
        desc = plain_text(str(ev.get("DESCRIPTION", "")))
        count = (_int(_x(ev, "CHECKLIST")) or 0) if ours else None  # ours: exactly what we wrote
        notes, checklist = split_description(desc, count)
        if ours and _x(ev, "POINT"):
            ends_at = None
        status = _x(ev, "STATUS").lower()
        source = (_x(ev, "SOURCE") if ours else
                  f"{self.uid}/{starts_at:%Y%m%dT%H%M}" if self.recurring else self.uid)
        lead = _int(_x(ev, "LEAD")) if ours else self.alarm_lead()  # outside the try: its errors name the event
        try:
            draft = TaskDraft(
                title=self.title or UNTITLED, starts_at=starts_at, ends_at=ends_at,
                phase=_x(ev, "PHASE") or None, owner=_x(ev, "OWNER"), checklist=checklist, notes=notes,
                group_key=_x(ev, "GROUP") or None, channel=_x(ev, "CHANNEL") or None,
                message=_x(ev, "MESSAGE"), lead_minutes=lead,
                source_key=source)
        except CalendarError as e:
            raise self.fail(e.message_zh, e.message_en) from e
        self.r.tasks.append(IcsTask(self.uid, int(match.group(1)) if ours else None, draft,
                                    TaskStatus(status) if status in ("todo", "done", "skipped") else None, desc))

    def alarm_lead(self) -> int | None:
        """Another calendar's earliest pop-up reminder before the start, in minutes (None when it has none);
        e-mail alarms are not the app's kind of reminder."""
        leads = []
        for alarm in self.ev.walk("VALARM"):
            trigger = self.one(alarm, "TRIGGER", ("提醒（VALARM）的 ", "a reminder's (VALARM) "))
            if (str(alarm.get("ACTION", "DISPLAY")).upper() in ("DISPLAY", "AUDIO") and trigger is not None
                    and _ok(alarm, "TRIGGER") and isinstance(trigger.dt, timedelta)
                    and str(trigger.params.get("RELATED", "START")).upper() == "START"
                    and trigger.dt <= timedelta(0)):
                leads.append(int(-trigger.dt.total_seconds() // 60))
        return max(leads) if leads else None

    def add_event(self, start: date, end: date) -> None:
        kind = _x(self.ev, "KIND")
        self.r.events.append(IcsEvent(
            uid=f"{self.uid}/{start:%Y%m%d}" if self.recurring and not self.yearly else self.uid,
            title=self.title or UNTITLED, start=start, end=end, yearly=self.yearly,
            notes=plain_text(str(self.ev.get("DESCRIPTION", ""))),
            kind=EntryKind(kind) if kind in {k.value for k in EntryKind} else None,
            key=_x(self.ev, "KEY") or None))


def split_description(text: str, count: int | None = None) -> tuple[str, tuple[ChecklistItem, ...]]:
    """Notes and checklist from a DESCRIPTION: the last `count` lines when known (our export),
    else trailing "[ ]"/"[x]" lines that form the whole text or follow a blank line."""
    lines = text.split("\n") if text else []
    if count is None:
        n = 0
        while n < len(lines) and _CHECK_LINE.match(lines[len(lines) - 1 - n]):
            n += 1
        if n and n < len(lines) and lines[len(lines) - 1 - n] != "":
            n = 0  # "[ ]" lines glued to a paragraph are part of the notes
        count = n
    if not count or count > len(lines) or not all(_CHECK_LINE.match(s) for s in lines[-count:]):
        return text, ()
    items = []
    for s in lines[-count:]:
        m = _CHECK_LINE.match(s)
        items.append(ChecklistItem(m.group(2), m.group(1) != " "))
    rest = lines[:-count]
    if rest and rest[-1] == "":
        rest = rest[:-1]  # the blank line between notes and checklist
    return "\n".join(rest), tuple(items)


def _expand(dtstart, rule, expand_from: date | None) -> list:
    """The rule's occurrences (in DTSTART's own zone) inside one bounded window; see the module doc."""
    parts = {k.upper(): v for k, v in rule.items()}
    freq = (parts.get("FREQ") or [""])[0].upper()
    byday = [str(d).upper() for d in parts.get("BYDAY", [])]
    simple = set(parts) <= {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY"}
    if (freq not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY") or not simple
            or (byday and (freq != "WEEKLY" or any(d not in _WEEKDAYS for d in byday)))):
        return [dtstart]
    interval = max(1, int((parts.get("INTERVAL") or [1])[0]))
    count = int(parts["COUNT"][0]) if parts.get("COUNT") else None
    until = parts["UNTIL"][0] if parts.get("UNTIL") else None
    is_dt = isinstance(dtstart, datetime)
    day0 = dtstart.date() if is_dt else dtstart
    window_start = day0 if count is not None or expand_from is None else max(day0, expand_from)
    window_end = _next_year(window_start)  # exclusive: a yearly rule occurs once in the window
    # First period index to look at: jump over the periods before the window (only without COUNT).
    gap = (window_start - day0).days
    if freq in _STEP_DAYS:
        k = gap // (_STEP_DAYS[freq] * interval)
    elif freq == "MONTHLY":
        k = ((window_start.year - day0.year) * 12 + window_start.month - day0.month) // interval
    else:
        k = (window_start.year - day0.year) // interval
    first = max(0, k - 1)
    weekdays = sorted(_WEEKDAYS[d] for d in byday) or [day0.weekday()]
    out: list = []
    seen = 0
    for k in range(first, first + WINDOW_PERIODS):  # never more periods than days in the window
        for d in _period_days(freq, day0, k * interval, weekdays):
            if d < day0:
                continue
            occurrence = datetime.combine(d, dtstart.timetz()) if is_dt else d  # keeps DTSTART's zone
            seen += 1
            if d >= window_end or (count is not None and seen > count) or _after(occurrence, until):
                return out
            if d >= window_start:
                out.append(occurrence)
                if len(out) >= MAX_OCCURRENCES:
                    return out
    return out


def _next_year(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 Feb
        return date(d.year + 1, 3, 1)


def _period_days(freq: str, day0: date, n: int, weekdays: list[int]) -> list[date]:
    if freq == "DAILY":
        return [day0 + timedelta(days=n)]
    if freq == "WEEKLY":
        monday = day0 - timedelta(days=day0.weekday()) + timedelta(weeks=n)
        return [monday + timedelta(days=w) for w in weekdays]
    if freq == "MONTHLY":
        y, m = divmod(day0.month - 1 + n, 12)
        year, month = day0.year + y, m + 1
    else:
        year, month = day0.year + n, day0.month
    try:
        return [date(year, month, day0.day)]
    except ValueError:  # 31st in a short month, 29 Feb in a common year: skipped (RFC 5545)
        return []


def _after(occurrence, until) -> bool:
    if until is None:
        return False
    if isinstance(occurrence, datetime) and isinstance(until, datetime):
        if (occurrence.tzinfo is None) != (until.tzinfo is None):
            occurrence, until = occurrence.replace(tzinfo=None), until.replace(tzinfo=None)
        return occurrence > until
    occurrence_day = occurrence.date() if isinstance(occurrence, datetime) else occurrence
    until_day = until.date() if isinstance(until, datetime) else until
    return occurrence_day > until_day


def _plain_yearly(rule, start: date) -> bool:
    """Every year on the start's day, for ever (a birthday): kept as one yearly event."""
    parts = {k.upper(): [str(v).upper() for v in vs] for k, vs in rule.items()}
    return (parts.get("FREQ") == ["YEARLY"] and parts.get("INTERVAL", ["1"]) == ["1"]
            and parts.get("BYMONTH", [str(start.month)]) == [str(start.month)]
            and parts.get("BYMONTHDAY", [str(start.day)]) == [str(start.day)]
            and set(parts) <= {"FREQ", "INTERVAL", "WKST", "BYMONTH", "BYMONTHDAY"})


def _to_wall(value, floating):
    """Shanghai wall time of a date-time (floating ones read in `floating`); a date as it is."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=floating)
        return aware.astimezone(SHOP_ZONE).replace(tzinfo=None)
    return value


def _ok(component, name: str) -> bool:
    """The property is present and icalendar could parse it."""
    if component.get(name) is None:
        return False
    return not any(err_name == name for err_name, _ in getattr(component, "errors", ()))


def _as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def _x(ev, name: str) -> str:
    value = ev.get(X + name)
    if value is None:
        return ""
    from icalendar.parser.property import unescape_backslash

    # Written with VALUE=TEXT (already unescaped); tolerate the same property without it.
    text = str(value) if type(value).__name__ == "vText" else unescape_backslash(str(value))
    return plain_text(text)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name.strip()) if name.strip() else None
    except (ZoneInfoNotFoundError, ValueError):
        return None
