"""The calendar's shop settings: staff names tasks are assigned to, and the default reminder lead."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.promo import CalendarError
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store.settings import get_setting, set_setting

__all__ = ["CalendarSettings", "DEFAULT_LEAD_MINUTES", "MAX_LEAD_MINUTES", "check_lead_minutes",
           "load_calendar_settings", "read_calendar_settings", "save_calendar_settings"]

SETTINGS_KEY = "calendar"
DEFAULT_LEAD_MINUTES = 30
MAX_LEAD_MINUTES = 7 * 24 * 60  # a week: a longer lead is a separate task


@dataclass(frozen=True)
class CalendarSettings:
    staff: tuple[str, ...] = ()  # names a task's owner is picked from
    lead_minutes: int = DEFAULT_LEAD_MINUTES  # reminder before a task starts (0: only at the start)

    def validate(self) -> None:
        check_lead_minutes(self.lead_minutes)
        seen = set()
        for name in self.staff:
            if not name.strip():
                raise CalendarError("员工姓名不能为空。", "A staff name cannot be blank.")
            if len(name) > 40:
                raise CalendarError(f"员工姓名太长（最多 40 字）：{name}", f"Staff name too long (40 at most): {name}")
            if name in seen:
                raise CalendarError(f"员工姓名重复：{name}", f"Staff name listed twice: {name}")
            seen.add(name)


def check_lead_minutes(minutes: int) -> None:
    if not is_whole(minutes) or not 0 <= minutes <= MAX_LEAD_MINUTES:
        raise CalendarError(f"提前提醒的分钟数应在 0 到 {MAX_LEAD_MINUTES} 之间：{minutes}",
                            f"The reminder lead must be 0 to {MAX_LEAD_MINUTES} minutes: {minutes}")


def read_calendar_settings(conn) -> CalendarSettings:
    """The stored settings; unreadable ones (a newer version's) fall back to the defaults."""
    text = get_setting(conn, SETTINGS_KEY)
    if not text:
        return CalendarSettings()
    try:
        data = json.loads(text)
        settings = CalendarSettings(tuple(str(s) for s in data.get("staff", ())),
                                    int(data.get("lead_minutes", DEFAULT_LEAD_MINUTES)))
        settings.validate()
        return settings
    except (ValueError, TypeError, AttributeError, CalendarError):
        return CalendarSettings()


def load_calendar_settings(shop: ShopFile) -> CalendarSettings:
    """Staff names and the default reminder lead (minutes, 30 unless changed)."""
    store = shop.open()
    try:
        return read_calendar_settings(store.conn)
    finally:
        store.close()


def save_calendar_settings(shop: ShopFile, settings: CalendarSettings) -> Changes:
    """Validate (CalendarError says why not) and store; names are stripped of outer spaces."""
    settings = CalendarSettings(tuple(s.strip() for s in settings.staff), settings.lead_minutes)
    settings.validate()
    store = shop.open()
    try:
        with store.transaction() as conn:
            set_setting(conn, SETTINGS_KEY, json.dumps(
                {"staff": list(settings.staff), "lead_minutes": settings.lead_minutes}, ensure_ascii=False))
        return Changes(settings=True, calendar=True)
    finally:
        store.close()
