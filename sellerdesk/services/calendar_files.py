""".ics files: the calendar or one campaign out (with alarms), a calendar file back in.

Import rules (one transaction; a file that cannot be read, or one task whose new
times the checks refuse, stores nothing):
- our own tasks (UID task-<id>@sellerdesk) that still exist take the file's
  times (a phone calendar is where the user dragged them); other fields stay
  (the status too: a phone calendar cannot change it);
- our own festival / holiday / workday / phase entries are skipped (the app
  computes them), as are tasks of ours that no longer exist and a task id
  whose title and playbook key both differ (another shop's file);
- every other event becomes one of the shop's own events (all-day, yearly
  kept, its whole description as the notes: a shop event has no checklist);
  one with the same title and days as an existing event is not added twice.
A task or event the checks refuse is reported as CalendarError naming the file and the event.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sellerdesk.domain.promo import CalendarEntry, CalendarError, EntryKind, Task
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.ics_file import write_ics
from sellerdesk.ingest.ics_file import read_ics
from sellerdesk.services.calendar_settings import read_calendar_settings
from sellerdesk.services.calendar_tasks import check_task, require_campaign
from sellerdesk.services.calendar_view import (check_event, event_entries, phase_entries, year_entries)
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar as rows
from sellerdesk.store import user_events

__all__ = ["ExportError", "IcsImportResult", "export_ics", "import_ics"]

_OUR_EVENT_KEY = re.compile(r"event_(\d{1,18})")  # longer: not a SQLite id, so not one of ours


@dataclass(frozen=True)
class IcsImportResult:
    tasks_updated: int  # our own tasks whose times changed
    events_added: int  # other calendars' events added as the shop's own events
    skipped: int  # our computed entries, tasks deleted since the export or of another shop
    unchanged: int = 0  # tasks with the same times, events already there
    changes: Changes = Changes(calendar=True)


def export_ics(shop: ShopFile, path: str | Path, *, year: int | None = None, campaign_id: int | None = None,
               lang: str = "zh", stamp: datetime | None = None) -> int:
    """Write an .ics file (alarms at the reminder lead and at the start of each to-do task);
    returns the number of events written.
    - campaign_id: that campaign's tasks and phases (only those in `year` when both are given);
    - year: the year's tasks, festivals, statutory days, the shop's own events and campaign phases;
    - neither: every task, with the entries of every year that has a task or a campaign.
    ExportError (zh + en) when there is nothing to write or the path is not an .ics file."""
    store = shop.open()
    try:
        conn = store.conn
        lead = read_calendar_settings(conn).lead_minutes
        if campaign_id is not None:
            campaign = require_campaign(conn, campaign_id)
            tasks = rows.tasks_of_campaign(conn, campaign_id)
            entries = phase_entries([campaign], year)
            name = f"SellerDesk · {campaign.name}"
            if year is not None:
                tasks = [t for t in tasks if _in_year(t, year)]
        else:
            tasks = rows.all_tasks(conn)
            campaigns = rows.list_campaigns(conn)
            events = user_events.list_events(conn)
            if year is not None:
                tasks = [t for t in tasks if _in_year(t, year)]
                years = [year]
            else:
                years = sorted({t.starts_at.year for t in tasks} | {c.year for c in campaigns})
            entries = _unique(e for y in years for e in
                              year_entries(y)[1] + event_entries(events, y) + phase_entries(campaigns, y))
            title = "大促日历" if lang == "zh" else "promo calendar"
            name = f"SellerDesk {title}" + (f" {year}" if year is not None else "")
    finally:
        store.close()
    return write_ics(Path(path), tasks, entries, calendar_name=name, default_lead_minutes=lead, lang=lang,
                     stamp=stamp)


def _in_year(task: Task, year: int) -> bool:
    return task.starts_at.year <= year <= task.due_end.year


def _unique(entries) -> list[CalendarEntry]:
    seen, out = set(), []
    for e in entries:
        if (e.kind, e.key, e.start) not in seen:
            seen.add((e.kind, e.key, e.start))
            out.append(e)
    return out


def import_ics(shop: ShopFile, path: str | Path) -> IcsImportResult:
    """Read an .ics file into the calendar (see the module's rules). CalendarError (zh + en,
    naming the file and the event) for a broken, huge or foreign file, or for a task whose
    new times fall outside its campaign; then nothing is stored."""
    path = Path(path)
    contents = read_ics(path)  # every read error before the first write
    updated = added = skipped = unchanged = 0
    store = shop.open()
    try:
        with store.transaction() as conn:  # any error below rolls the whole file back
            existing = user_events.event_days(conn)  # once, not one table scan per event
            for item in contents.tasks:
                d = item.draft
                with _naming(path, d.title):
                    if item.task_id is None:  # another calendar's timed event: a shop event on its days
                        end = d.ends_at or d.starts_at  # as Task.due_end
                        n = _add_event(conn, existing, d.title, d.starts_at.date(), end.date(), False,
                                       item.description)
                        added, unchanged = added + n, unchanged + (1 - n)
                        continue
                    task = rows.get_task(conn, item.task_id)
                    if task is None or not _same_task(task, d):
                        skipped += 1
                        continue
                    moved = replace(task, starts_at=d.starts_at, ends_at=d.ends_at)
                    if (moved.starts_at, moved.ends_at) == (task.starts_at, task.ends_at):
                        unchanged += 1
                        continue
                    check_task(conn, moved, moved.campaign_id)
                    rows.update_task(conn, moved)
                    updated += 1
            for ev in contents.events:
                if ev.kind is not None and ev.kind is not EntryKind.USER:
                    skipped += 1
                    continue
                if ev.kind is EntryKind.USER and _ours_exists(conn, ev.key):
                    unchanged += 1
                    continue
                with _naming(path, ev.title):
                    n = _add_event(conn, existing, ev.title, ev.start, ev.end, ev.yearly, ev.notes)
                added, unchanged = added + n, unchanged + (1 - n)
        return IcsImportResult(updated, added, skipped, unchanged)
    finally:
        store.close()


@contextmanager
def _naming(path: Path, title: str):
    """A check's CalendarError, re-raised naming the file and the event (as the reader's errors do)."""
    try:
        yield
    except CalendarError as e:
        raise CalendarError(f"{path.name}：日程「{title}」：{e.message_zh}",
                            f"{path.name}: event '{title}': {e.message_en}") from e


def _same_task(task: Task, draft) -> bool:
    """The file's task is this task, not task #id of another shop's export (same title or playbook key)."""
    return task.title == draft.title or bool(task.source_key) and task.source_key == draft.source_key


def _ours_exists(conn, key: str | None) -> bool:
    m = _OUR_EVENT_KEY.fullmatch(key or "")
    return bool(m) and user_events.get_event(conn, int(m.group(1))) is not None


def _add_event(conn, existing: set, title: str, start: date, end: date, yearly: bool, notes: str) -> int:
    """1 when added, 0 when the same event is already there (`existing`: user_events.event_days,
    kept up to date here, so an event twice in one file is added once)."""
    title = check_event(title, start, end)
    if (title, start, end) in existing:
        return 0
    user_events.insert_event(conn, title, start, end, yearly, notes)
    existing.add((title, start, end))
    return 1
