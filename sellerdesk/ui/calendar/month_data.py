"""What the calendar tab reads for one month, off the GUI thread, and the phase legend drawn from it."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sellerdesk.domain.promo import CalendarEntry, Campaign, EntryKind, Task
from sellerdesk.services import calendar_settings, calendar_tasks, calendar_view, campaigns
from sellerdesk.services.group_choices import group_choices
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.calendar.month_model import WEEKS, first_cell
from sellerdesk.ui.calendar.month_view import PHASE_COLOURS
from sellerdesk.ui.i18n import lang

AGENDA_MONTH, AGENDA_DAY, AGENDA_UPCOMING = range(3)
UPCOMING_DAYS = 30


@dataclass
class MonthData:
    """What one look at the store brings back for the page."""

    year: int
    month: int
    now: datetime
    entries: list[CalendarEntry]
    holidays_known: dict[int, bool]
    month_tasks: list[Task]
    agenda_tasks: list[Task]
    campaigns: list[Campaign]
    staff: tuple[str, ...] = ()
    lead_minutes: int = 30
    groups: dict[str, str] = field(default_factory=dict)


def read_month(shop: ShopFile, year: int, month: int, now: datetime, agenda: int, day: date | None) -> MonthData:
    """Off the GUI thread: everything the month view and the agenda show."""
    start = first_cell(year, month)
    end = start + timedelta(days=WEEKS * 7)
    entries: list[CalendarEntry] = []
    known: dict[int, bool] = {}
    for y in sorted({start.year, year, (end - timedelta(days=1)).year}):
        cal = calendar_view.calendar_entries(shop, y)
        entries += [e for e in cal.entries if e.end >= start and e.start < end]
        known[y] = cal.holidays_known
    month_tasks = calendar_tasks.tasks_between(shop, datetime.combine(start, time()), datetime.combine(end, time()))
    late, _ = calendar_tasks.startup_agenda(shop, now)  # the to-dos whose time has passed (one filtered query)
    if agenda == AGENDA_DAY and day is not None:
        day_start = datetime.combine(day, time())
        agenda_tasks = calendar_tasks.tasks_between(shop, day_start, day_start + timedelta(days=1))
    elif agenda == AGENDA_UPCOMING:
        agenda_tasks = calendar_tasks.tasks_between(shop, now, now + timedelta(days=UPCOMING_DAYS))
        agenda_tasks += [t for t in late if t.id not in {a.id for a in agenda_tasks}]
    else:
        first = datetime(year, month, 1)
        after = datetime(year + month // 12, month % 12 + 1, 1)
        agenda_tasks = calendar_tasks.tasks_between(shop, first, after)
        agenda_tasks += [t for t in late if t.id not in {a.id for a in agenda_tasks}]
    settings = calendar_settings.load_calendar_settings(shop)
    return MonthData(
        year,
        month,
        now,
        entries,
        known,
        month_tasks,
        agenda_tasks,
        campaigns.list_campaigns(shop),
        settings.staff,
        settings.lead_minutes,
        group_choices(shop, lang()),
    )


def phase_legend(entries: list[CalendarEntry]) -> str:
    """The colours of the campaign phases shown this month, with their names (rich text)."""
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.kind is EntryKind.PHASE:
            seen.setdefault(entry.name(lang()), PHASE_COLOURS.get(entry.key.rsplit("_", 1)[-1], "#cfd8dc"))
    return "&nbsp;&nbsp;".join(
        f'<span style="color:{colour}">■</span>&nbsp;{html.escape(name)}' for name, colour in seen.items()
    )
