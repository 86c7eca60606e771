"""How busy each day of the demo's two years is: the platform festivals and the clock.

Pure functions of the date: 618, 11.11, 12.12, 年货节 (the weeks before Spring
Festival, when couriers then stop), 3.8 and 9.9, on top of slow growth.
"""

from __future__ import annotations

from datetime import date, timedelta

# Spring Festival (农历新年) dates, for 年货节 and the courier pause around it.
SPRING_FESTIVAL = {
    2021: date(2021, 2, 12), 2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10),
    2025: date(2025, 1, 29), 2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26),
    2029: date(2029, 2, 13), 2030: date(2030, 2, 3),
}

# Share of the day's orders per hour: lunch break and the evening peak.
HOUR_WEIGHTS = (10, 6, 3, 2, 1, 1, 2, 5, 10, 14, 16, 15, 14, 15, 15, 14, 13, 13, 15, 19, 23, 25, 23, 16)
# On the big day itself people buy at midnight, when the festival opens.
PEAK_HOUR_WEIGHTS = (90, 30, 6, 2, 1, 1, 2, 5, 10, 14, 16, 15, 14, 15, 15, 14, 13, 13, 15, 25, 40, 45, 40, 30)


def festival_factor(day: date) -> float:
    """How many times busier than an ordinary day."""
    m, d = day.month, day.day
    f = 1.0
    if m == 11 and d <= 11:  # 双11: pre-sale from late October, first wave 1-3 Nov
        f = {11: 16.0, 10: 3.0, 1: 4.0, 2: 2.5, 3: 2.0}.get(d, 1.6)
    elif (m == 10 and d >= 24) or (m == 11 and 12 <= d <= 13):  # pre-sale / 返场
        f = 1.5
    elif m == 6 and 1 <= d <= 20:  # 618: first wave 1 Jun, the day 18 Jun
        f = {18: 8.0, 17: 2.5, 1: 3.5, 2: 2.0}.get(d, 1.5)
    elif m == 5 and d >= 28:
        f = 1.3
    elif m == 12 and 8 <= d <= 13:  # 双12
        f = 5.0 if d == 12 else 1.6
    elif m == 3 and 6 <= d <= 8:  # 3.8
        f = 2.0 if d == 8 else 1.3
    elif m == 9 and 7 <= d <= 9:  # 99
        f = 1.8 if d == 9 else 1.2
    festival = SPRING_FESTIVAL.get(day.year + (1 if m >= 11 else 0))
    if festival is not None:
        before = (festival - day).days
        if 8 <= before <= 30:  # 年货节
            f *= 2.2 if before <= 20 else 1.5
        elif -7 <= before <= 7:  # couriers are home for the holiday
            f *= 0.35
    return f


def is_peak(day: date) -> bool:
    return festival_factor(day) >= 2.0


def peak_days(start: date, end: date) -> list[date]:
    """The big days (the ones repeat buyers wait for) between start and end."""
    days = []
    for year in range(start.year, end.year + 1):
        for d in (date(year, 6, 18), date(year, 11, 11), date(year, 12, 12)):
            if start <= d <= end:
                days.append(d)
        festival = SPRING_FESTIVAL.get(year)
        if festival is not None and start <= festival - timedelta(days=14) <= end:
            days.append(festival - timedelta(days=14))
    return sorted(days)


def day_weights(start: date, days: int) -> list[float]:
    """Weight of each day from start: festivals times a shop that grows 2.5x in two years."""
    weights = []
    for i in range(days):
        day = start + timedelta(days=i)
        growth = 0.6 + 1.0 * i / max(days - 1, 1)
        weekend = 1.1 if day.weekday() >= 5 else 1.0
        weights.append(festival_factor(day) * growth * weekend)
    return weights
