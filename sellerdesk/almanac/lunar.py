"""Spring Festival from lunardate's lunar table (1900-2099)."""

from __future__ import annotations

from datetime import date

from lunardate import LunarDate

from sellerdesk.domain.promo import CalendarError

FIRST_YEAR, LAST_YEAR = 1900, 2099  # lunardate's table


def spring_festival(year: int) -> date:
    """The first day of the first lunar month that falls in `year` (春节)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarError(
            f"无法计算 {year} 年的春节：农历数据只覆盖 {FIRST_YEAR}–{LAST_YEAR} 年。",
            f"Cannot compute Spring Festival {year}: lunar data covers {FIRST_YEAR}-{LAST_YEAR} only.")
    lunar = LunarDate(year, 1, 1)
    # lunardate 0.3 renamed toSolarDate (now deprecated); pyproject still allows 0.2.
    to_solar = getattr(lunar, "to_solar_date", None) or lunar.toSolarDate
    return to_solar()
