"""The platforms' shopping festivals and their usual campaign windows. Pure.

A window is the span the platforms usually run the event (pre-sale to the main
day); a campaign's own phases (pool building from September ...) come from its
playbook, anchored on the main day. Platform keys are the import keys
('taobao', 'jd', 'pdd', '1688', 'douyin'); no platforms means every platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sellerdesk.domain.promo import CalendarEntry, CalendarError, EntryKind


@dataclass(frozen=True)
class Festival:
    key: str
    name_zh: str
    name_en: str
    platforms: tuple[str, ...] = ()
    # Fixed-date festivals: (month, day) of the window's start and of the main day.
    start_md: tuple[int, int] | None = None
    day_md: tuple[int, int] | None = None
    # Lunar festivals: offsets in days from Spring Festival (start, main day).
    sf_offsets: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        fixed = self.start_md is not None and self.day_md is not None
        if fixed == (self.sf_offsets is not None):
            raise ValueError(f"festival {self.key}: give either start_md and day_md or sf_offsets")

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en


# The 年货节 runs until couriers stop taking parcels for the New Year break,
# about ten days before Spring Festival, so its main day is that last shipping day
# (what a seller plans towards); it opens about a month before the festival.
NIANHUO_START, NIANHUO_LAST_SHIPPING = -30, -10

FESTIVALS: dict[str, Festival] = {f.key: f for f in (
    Festival("nianhuo", "年货节", "Chinese New Year shopping festival",
             sf_offsets=(NIANHUO_START, NIANHUO_LAST_SHIPPING)),
    Festival("38", "3.8 女王节", "3.8 Women's Day sale", start_md=(3, 1), day_md=(3, 8)),
    Festival("618", "618 年中大促", "618 mid-year sale", start_md=(6, 1), day_md=(6, 18)),
    Festival("99", "99 划算节", "9.9 sale", platforms=("taobao",), start_md=(9, 6), day_md=(9, 9)),
    Festival("1111", "双11", "Double 11 (Singles' Day)", start_md=(10, 31), day_md=(11, 11)),
    Festival("1212", "双12", "Double 12", platforms=("taobao",), start_md=(12, 1), day_md=(12, 12)),
    Festival("1688", "1688 采购节", "1688 procurement festival (12.18)", platforms=("1688",),
             start_md=(12, 12), day_md=(12, 18)),
)}


def festival_by_key(key: str) -> Festival:
    try:
        return FESTIVALS[key]
    except KeyError:
        raise CalendarError(f"未知的大促节日：{key}", f"Unknown festival: {key}") from None


def festival_window(key: str, year: int, spring_festival: date | None = None) -> tuple[date, date]:
    """(start, main day): the window ends on the main day. spring_festival: only 'nianhuo' needs it."""
    f = festival_by_key(key)
    if f.sf_offsets is not None:
        if spring_festival is None or spring_festival.year != year:
            raise ValueError(f"{key} {year} needs that year's Spring Festival, got {spring_festival}")
        start, day = (spring_festival + timedelta(days=n) for n in f.sf_offsets)
        return start, day
    assert f.start_md and f.day_md  # __post_init__ guarantees one form
    return date(year, *f.start_md), date(year, *f.day_md)


def festival_day(key: str, year: int, spring_festival: date | None = None) -> date:
    """The main day a campaign's playbook offsets count from."""
    return festival_window(key, year, spring_festival)[1]


def festival_entry(key: str, year: int, spring_festival: date | None = None) -> CalendarEntry:
    f = festival_by_key(key)
    start, day = festival_window(key, year, spring_festival)
    return CalendarEntry(EntryKind.FESTIVAL, f.key, f.name_zh, f.name_en, start, day, day, f.platforms)


def festival_entries(year: int, spring_festival: date) -> list[CalendarEntry]:
    """Every festival of `year` in date order (年货节 may open in the previous December)."""
    entries = [festival_entry(key, year, spring_festival) for key in FESTIVALS]
    return sorted(entries, key=lambda e: e.start)
