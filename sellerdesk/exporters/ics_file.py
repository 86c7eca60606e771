"""The promo calendar as an .ics file that Apple Calendar, Google Calendar and Outlook open.

What is written (RFC 5545, through the icalendar library, which folds lines
at 75 octets and ends them with CRLF):
- VERSION 2.0, a PRODID, the calendar's name (NAME and X-WR-CALNAME) and
  X-WR-TIMEZONE Asia/Shanghai; one VTIMEZONE for Asia/Shanghai covering the
  years of the tasks, so a client that ignores zone names still does not shift.
- A task: DTSTART/DTEND with TZID=Asia/Shanghai (the shop's wall time). A
  point task (no window) lasts 30 minutes in the calendar and carries
  X-SELLERDESK-POINT so the importer gives back `ends_at=None`. UID
  `task-<id>@sellerdesk`, CATEGORIES task. DESCRIPTION is the notes, a blank
  line, then the checklist as "[ ] item" / "[x] item" lines. A to-do task gets
  DISPLAY alarms at -lead (when the lead is > 0) and at the start, like the
  app's own reminders; a done or skipped task gets none.
- The app's fields travel as X-SELLERDESK-* properties (status, group, channel,
  phase, owner, message, lead, source, checklist count) so an import of our
  own file gives the task back unchanged (see sellerdesk.ingest.ics_file).
- A calendar entry (festival, holiday, make-up workday, user event, phase):
  an all-day VALUE=DATE event with an exclusive DTEND (end + 1 day), UID
  `entry-<key>-<yyyymmdd>@sellerdesk`, CATEGORIES = its kind, TRANSP
  TRANSPARENT (a festival does not make the shop owner "busy").

Every text goes through `_clean`: control characters are dropped (line breaks
kept where the field allows them). The file is written next to the target and
moved into place (the outreach exporter's atomic write).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

from sellerdesk.domain.dates import SHOP_ZONE, one_line, plain_text
from sellerdesk.domain.promo import CalendarEntry, EntryKind, Task, TaskStatus
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.atomic_file import atomic_write

TZID = "Asia/Shanghai"
POINT_LENGTH = timedelta(minutes=30)  # how long a task without a window shows in a calendar
X = "X-SELLERDESK-"


def task_uid(task_id: int) -> str:
    return f"task-{task_id}@sellerdesk"


def entry_uid(entry: CalendarEntry) -> str:
    # Keys can be Chinese holiday names: percent-encoded so the UID stays ASCII.
    return f"entry-{quote(entry.key, safe='_.-')}-{entry.start:%Y%m%d}@sellerdesk"


def checklist_lines(task: Task) -> list[str]:
    return [f"[{'x' if item.done else ' '}] {one_line(item.text)}" for item in task.checklist]


def description(task: Task) -> str:
    """Notes, a blank line, the checklist lines (the importer splits them by the count it wrote)."""
    notes = plain_text(task.notes)
    lines = checklist_lines(task)
    if not lines:
        return notes
    return (notes + "\n\n" if notes else "") + "\n".join(lines)


def write_ics(path: Path, tasks: Sequence[Task], entries: Sequence[CalendarEntry], *, calendar_name: str,
              default_lead_minutes: int, lang: str = "zh", stamp: datetime | None = None) -> int:
    """Write the tasks and entries as one calendar; return the number of events written.

    `stamp` is the DTSTAMP (UTC; default now): passed in by tests for a byte-stable file.
    """
    path = Path(path)
    if path.suffix.lower() != ".ics":
        raise ExportError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：日历请保存为 .ics。",
            f"Unsupported file type '{path.suffix or '(none)'}': save the calendar as .ics.")
    if not tasks and not entries:
        raise ExportError("没有可导出的日程或任务，未写入文件。",
                          "There are no tasks or calendar entries to export. No file was written.")
    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc)
    data = build_calendar(tasks, entries, calendar_name=calendar_name,
                          default_lead_minutes=default_lead_minutes, lang=lang, stamp=stamp).to_ical()
    atomic_write(path, lambda tmp: tmp.write_bytes(data))
    return len(tasks) + len(entries)


def build_calendar(tasks: Sequence[Task], entries: Sequence[CalendarEntry], *, calendar_name: str,
                   default_lead_minutes: int, lang: str, stamp: datetime):
    """The icalendar Calendar write_ics serialises (separate so tests can inspect it)."""
    from icalendar import Calendar  # lazily: start-up must not load icalendar

    name = one_line(calendar_name) or "SellerDesk"
    cal = Calendar.new(prodid=f"-//SellerDesk//Promo Calendar//{'ZH' if lang == 'zh' else 'EN'}",
                       name=name, uid=uuid.uuid5(uuid.NAMESPACE_URL, f"sellerdesk:calendar:{name}"))
    cal.add("X-WR-TIMEZONE", TZID)
    for task in sorted(tasks, key=lambda t: (t.starts_at, t.id)):
        cal.add_component(_task_event(task, default_lead_minutes, lang, stamp))
    for entry in sorted(entries, key=lambda e: (e.start, e.kind.value, e.key)):
        cal.add_component(_entry_event(entry, lang, stamp))
    if tasks:
        # A VTIMEZONE spanning the tasks' years (Shanghai has had no DST since 1991:
        # one STANDARD +0800 observance); added before the events that use it.
        years = [t.starts_at.year for t in tasks] + [t.due_end.year for t in tasks]
        cal.add_missing_timezones(first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1))
    return cal


def _task_event(task: Task, default_lead_minutes: int, lang: str, stamp: datetime):
    from icalendar import Alarm, Event

    title = one_line(task.title)
    end = task.ends_at if task.ends_at is not None else task.starts_at + POINT_LENGTH
    ev = Event.new(uid=task_uid(task.id), summary=title, stamp=stamp, categories=["task"],
                   start=task.starts_at.replace(tzinfo=SHOP_ZONE), end=end.replace(tzinfo=SHOP_ZONE),
                   description=description(task) or None)
    status = task.status if task.status is not TaskStatus.LATE else TaskStatus.TODO  # LATE is never stored
    _x(ev, "STATUS", status.value)
    if task.ends_at is None:
        _x(ev, "POINT", "1")
    if task.checklist:
        _x(ev, "CHECKLIST", str(len(task.checklist)))
    for key, value in (("GROUP", task.group_key), ("CHANNEL", task.channel), ("PHASE", task.phase),
                       ("OWNER", one_line(task.owner)), ("MESSAGE", plain_text(task.message)),
                       ("SOURCE", one_line(task.source_key))):
        if value:
            _x(ev, key, value)
    if task.lead_minutes is not None:
        _x(ev, "LEAD", str(task.lead_minutes))
    if status is TaskStatus.TODO:
        lead = task.lead_minutes if task.lead_minutes is not None else default_lead_minutes
        triggers = ([timedelta(minutes=-lead)] if lead > 0 else []) + [timedelta(0)]
        for trigger in triggers:
            if trigger:
                text = f"{lead} 分钟后：{title}" if lang == "zh" else f"In {lead} minutes: {title}"
            else:
                text = title
            ev.add_component(Alarm.new_display(text, trigger))
    return ev


def _entry_event(entry: CalendarEntry, lang: str, stamp: datetime):
    from icalendar import Event

    notes = []
    if entry.day is not None and entry.end != entry.start:  # a span: say which day is the main one
        notes.append(f"正日：{entry.day:%Y-%m-%d}" if lang == "zh" else f"Main day: {entry.day:%Y-%m-%d}")
    if entry.platforms:
        notes.append(("平台：" if lang == "zh" else "Platforms: ") + ", ".join(entry.platforms))
    ev = Event.new(uid=entry_uid(entry), summary=one_line(entry.name(lang)) or entry.key, stamp=stamp,
                   start=entry.start, end=entry.end + timedelta(days=1), categories=[entry.kind.value],
                   description=plain_text("\n".join(notes)) or None)
    ev.add("TRANSP", "TRANSPARENT")
    _x(ev, "KIND", EntryKind(entry.kind).value)
    _x(ev, "KEY", one_line(entry.key))
    return ev


def _x(ev, name: str, value: str) -> None:
    from icalendar import vText

    # VALUE=TEXT makes readers (icalendar included) unescape commas, semicolons and newlines.
    ev.add(X + name, vText(value), parameters={"VALUE": "TEXT"})
