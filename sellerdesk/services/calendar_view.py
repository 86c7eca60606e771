"""A year on the calendar: festivals, statutory days, the shop's own events, campaign phases.

Also the shop's own events (add, edit, delete). Festival dates come from
domain.festivals (年货节 from the lunar Spring Festival, via almanac); statutory
days off and make-up workdays from almanac, which says when it does not know a
year yet (`holidays_known` False: shown without them, never an error).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sellerdesk.almanac import spring_festival, statutory_days
from sellerdesk.domain.festivals import festival_by_key, festival_entries
from sellerdesk.domain.promo import Campaign, CalendarEntry, CalendarError, EntryKind
from sellerdesk.services.calendar_tasks import CHANGES
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar as rows
from sellerdesk.store import user_events
from sellerdesk.store.user_events import UserEvent

__all__ = ["CalendarYear", "UserEvent", "add_event", "calendar_entries", "check_event", "delete_event",
           "event_entries", "list_events", "phase_entries", "update_event", "year_entries"]

_KIND_ORDER = {EntryKind.HOLIDAY: 0, EntryKind.WORKDAY: 1, EntryKind.FESTIVAL: 2, EntryKind.PHASE: 3,
               EntryKind.USER: 4}


@dataclass(frozen=True)
class CalendarYear:
    entries: list[CalendarEntry]  # by start day; spans reaching into the year from its neighbours too
    holidays_known: bool  # False: the holiday data does not cover this year yet (shown without them)
    year: int = 0


def calendar_entries(shop: ShopFile, year: int) -> CalendarYear:
    """Everything shown on the month view and the agenda for `year`: the platform festivals, the
    statutory holidays and make-up workdays, the shop's own events (yearly ones repeated) and the
    phases of every campaign, each an entry overlapping the year."""
    store = shop.open()
    try:
        events = user_events.list_events(store.conn)
        campaigns = rows.list_campaigns(store.conn)
    finally:
        store.close()
    known, fixed = year_entries(year)
    entries = fixed + event_entries(events, year) + phase_entries(campaigns, year)
    entries.sort(key=lambda e: (e.start, _KIND_ORDER[e.kind], e.end, e.key))
    return CalendarYear(entries, known, year)


def year_entries(year: int) -> tuple[bool, list[CalendarEntry]]:
    """(holidays known, festivals + statutory days overlapping the year). The neighbouring years
    are asked too: a 年货节 or a New Year holiday may start in December."""
    out: list[CalendarEntry] = []
    known = False
    for y in (year - 1, year, year + 1):
        try:
            sf = spring_festival(y)
        except CalendarError:  # outside the lunar table (1900-2099): the year itself says so, not its neighbours
            if y == year:
                raise
            continue
        out += festival_entries(y, sf)
        statutory = statutory_days(y)
        out += statutory.entries
        if y == year:
            known = statutory.known
    return known, [e for e in out if _overlaps(e.start, e.end, year)]


def event_entries(events: list[UserEvent], year: int) -> list[CalendarEntry]:
    """The shop's events overlapping `year`; a yearly one falls on its month/day of each year
    (29 Feb on 28 Feb in other years) and keeps its length."""
    out = []
    for e in events:
        spans = [(e.start, e.end)]
        if e.yearly:
            spans = [(_same_day_in(e.start, y), _same_day_in(e.start, y) + (e.end - e.start))
                     for y in (year - 1, year) if y >= e.start.year]
        out += [CalendarEntry(EntryKind.USER, f"event_{e.id}", e.title, e.title, s, t)
                for s, t in spans if _overlaps(s, t, year)]
    return out


def phase_entries(campaigns: list[Campaign], year: int | None = None) -> list[CalendarEntry]:
    """Each campaign phase as an entry named after its festival ('双11 · 预热期')."""
    out = []
    for c in campaigns:
        zh, en = _campaign_names(c)
        out += [CalendarEntry(EntryKind.PHASE, f"phase_{c.id}_{p.key}", f"{zh} · {p.name_zh}", f"{en} · {p.name_en}",
                              p.start, p.end) for p in c.phases if year is None or _overlaps(p.start, p.end, year)]
    return out


def _campaign_names(c: Campaign) -> tuple[str, str]:
    if c.festival_key:
        try:
            f = festival_by_key(c.festival_key)
            return f.name_zh, f.name_en
        except CalendarError:
            pass
    return c.name, c.name


def _same_day_in(d: date, year: int) -> date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 Feb
        return date(year, 2, 28)


def _overlaps(start: date, end: date, year: int) -> bool:
    return start <= date(year, 12, 31) and end >= date(year, 1, 1)


# --- the shop's own events --------------------------------------------------------------------

def check_event(title: str, start: date, end: date) -> str:
    """The stripped title, or CalendarError: blank, ending before it starts, longer than a year."""
    title = title.strip()
    if not title:
        raise CalendarError("请填写事件名称。", "Give the event a title.")
    if end < start:
        raise CalendarError(f"事件「{title}」的结束日期早于开始日期。", f"Event '{title}' ends before it starts.")
    if end - start > timedelta(days=366):
        raise CalendarError(f"事件「{title}」跨度超过一年。", f"Event '{title}' spans more than a year.")
    return title


def list_events(shop: ShopFile) -> list[UserEvent]:
    """The shop's own events by start day."""
    store = shop.open()
    try:
        return user_events.list_events(store.conn)
    finally:
        store.close()


def add_event(shop: ShopFile, title: str, start: date, end: date | None = None, yearly: bool = False,
              notes: str = "") -> UserEvent:
    """Add an event of one day (end None) or a span of days (end inclusive); yearly: every year
    on the same month/day. An end before the start raises CalendarError."""
    end = end or start
    title = check_event(title, start, end)
    store = shop.open()
    try:
        with store.transaction() as conn:
            event_id = user_events.insert_event(conn, title, start, end, yearly, notes)
        return UserEvent(event_id, title, start, end, yearly, notes)
    finally:
        store.close()


def update_event(shop: ShopFile, event: UserEvent) -> Changes:
    """Write back an edited event (checked like a new one)."""
    title = check_event(event.title, event.start, event.end)
    store = shop.open()
    try:
        with store.transaction() as conn:
            if not user_events.update_event(conn, UserEvent(event.id, title, event.start, event.end,
                                                            event.yearly, event.notes)):
                raise CalendarError(f"事件 #{event.id} 不存在（可能已被删除）。",
                                    f"Event #{event.id} does not exist (it may have been deleted).")
        return CHANGES
    finally:
        store.close()


def delete_event(shop: ShopFile, event_id: int) -> Changes:
    """Remove one of the shop's events (a missing one is no error)."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            user_events.delete_event(conn, event_id)
        return CHANGES
    finally:
        store.close()
