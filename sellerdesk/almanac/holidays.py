"""China's statutory days off and make-up workdays (调休), from chinesecalendar.

The package lists each holiday's days as the State Council notice does; a notice
that says "与周末连休" lists only the weekday, so a span is widened over the
adjacent ordinary weekend days: the public (buyers, couriers) is off for all of
them. Adjacent days of two holidays (2025: National Day with Mid-Autumn on
10-06) form one span named after both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import chinese_calendar
from chinese_calendar import Holiday

from sellerdesk.domain.promo import CalendarEntry, EntryKind

_DAY = timedelta(days=1)

# The names shoppers use (the package says 清明/端午/中秋, Tomb-sweeping Day ...).
HOLIDAY_NAMES: dict[Holiday, tuple[str, str]] = {
    Holiday.new_years_day: ("元旦", "New Year's Day"),
    Holiday.spring_festival: ("春节", "Spring Festival"),
    Holiday.tomb_sweeping_day: ("清明节", "Qingming Festival"),
    Holiday.labour_day: ("劳动节", "Labour Day"),
    Holiday.dragon_boat_festival: ("端午节", "Dragon Boat Festival"),
    Holiday.national_day: ("国庆节", "National Day"),
    Holiday.mid_autumn_festival: ("中秋节", "Mid-Autumn Festival"),
}
WORKDAY_NAME = ("调休上班", "Make-up workday")


@dataclass(frozen=True)
class StatutoryYear:
    """One year's days off and make-up workdays; known=False: not published in the data yet."""

    year: int
    known: bool
    entries: tuple[CalendarEntry, ...] = ()


def holiday_names(holiday: Holiday) -> tuple[str, str]:
    """(zh, en); a holiday added by a later package release keeps the package's names."""
    return HOLIDAY_NAMES.get(holiday, (holiday.chinese, holiday.value))


def is_known_year(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 7, 1))
    except NotImplementedError:  # the package's answer for a year it has no notice for
        return False
    except ValueError:  # not a year a date can hold (0, 10000)
        return False
    return True


def statutory_days(year: int) -> StatutoryYear:
    """Holiday spans and make-up workdays touching `year`, sorted by date. Never raises."""
    if not is_known_year(year):
        return StatutoryYear(year, False)
    first, last = date(year, 1, 1), date(year, 12, 31)
    spans = [s for s in _holiday_spans() if s.end >= first and s.start <= last]
    workdays = [_workday_entry(d, name) for d, name in sorted(chinese_calendar.workdays.items())
                if d.year == year]
    entries = sorted(spans + workdays, key=lambda e: (e.start, e.kind.value))
    return StatutoryYear(year, True, tuple(entries))


@cache  # the package's data is fixed for the process; month views ask often
def _holiday_spans() -> tuple[CalendarEntry, ...]:
    """Every listed day off plus its adjacent weekend, grouped into runs of consecutive days."""
    by_day = {d: Holiday(v) for d, v in chinese_calendar.holidays.items()}
    days_off = set(by_day)
    for d in by_day:
        days_off.update(_adjacent_weekend(d, -_DAY))
        days_off.update(_adjacent_weekend(d, _DAY))
    spans: list[CalendarEntry] = []
    run: list[date] = []
    for d in sorted(days_off):
        if run and d - run[-1] > _DAY:
            spans.append(_span_entry(run, by_day))
            run = []
        run.append(d)
    if run:
        spans.append(_span_entry(run, by_day))
    return tuple(spans)


def _adjacent_weekend(d: date, step: timedelta) -> list[date]:
    """Ordinary Saturdays/Sundays next to `d` (a make-up workday breaks the run)."""
    found = []
    d += step
    while d.weekday() >= 5 and d not in chinese_calendar.workdays:
        found.append(d)
        d += step
    return found


def _span_entry(days: list[date], by_day: dict[date, Holiday]) -> CalendarEntry:
    holidays = list(dict.fromkeys(by_day[d] for d in days if d in by_day))  # calendar order, once each
    names = [holiday_names(h) for h in holidays]
    return CalendarEntry(
        kind=EntryKind.HOLIDAY,
        key="+".join(h.name for h in holidays),
        name_zh="、".join(zh for zh, _ in names),
        name_en=" & ".join(en for _, en in names),
        start=days[0],
        end=days[-1])


def _workday_entry(d: date, holiday_value: str) -> CalendarEntry:
    return CalendarEntry(
        kind=EntryKind.WORKDAY,
        key=f"workday_{Holiday(holiday_value).name}",
        name_zh=WORKDAY_NAME[0],
        name_en=WORKDAY_NAME[1],
        start=d,
        end=d)
