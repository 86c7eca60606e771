from datetime import date, timedelta

import chinese_calendar
import pytest

from sellerdesk.almanac import spring_festival, statutory_days
from sellerdesk.domain.promo import CalendarError, EntryKind


@pytest.mark.parametrize(
    "year, day",
    [
        (1900, date(1900, 1, 31)),  # first year of lunardate's table
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
        (2027, date(2027, 2, 6)),
        (2030, date(2030, 2, 3)),
    ],
)
def test_spring_festival(year, day):
    assert spring_festival(year) == day


@pytest.mark.parametrize("year", [1899, 2100])
def test_spring_festival_outside_the_lunar_table(year):
    with pytest.raises(CalendarError) as err:
        spring_festival(year)
    assert str(year) in err.value.message_zh and "1900" in err.value.message_en


def _holidays(year):
    return [e for e in statutory_days(year).entries if e.kind is EntryKind.HOLIDAY]


def _workdays(year):
    return [e.start for e in statutory_days(year).entries if e.kind is EntryKind.WORKDAY]


def test_2025_national_day_merges_mid_autumn():
    (span,) = [e for e in _holidays(2025) if e.start == date(2025, 10, 1)]
    assert (span.end, span.key) == (date(2025, 10, 8), "national_day+mid_autumn_festival")
    assert (span.name_zh, span.name_en) == ("国庆节、中秋节", "National Day & Mid-Autumn Festival")
    assert {date(2025, 9, 28), date(2025, 10, 11)} <= set(_workdays(2025))
    workday = next(e for e in statutory_days(2025).entries if e.start == date(2025, 9, 28))
    assert (workday.kind, workday.name_zh, workday.name_en) == (EntryKind.WORKDAY, "调休上班", "Make-up workday")
    assert workday.key == "workday_national_day"


@pytest.mark.parametrize(
    "year, name_zh, name_en, start, end",
    [
        (2024, "元旦", "New Year's Day", date(2023, 12, 30), date(2024, 1, 1)),  # crosses the year
        (2024, "春节", "Spring Festival", date(2024, 2, 10), date(2024, 2, 17)),
        (2024, "清明节", "Qingming Festival", date(2024, 4, 4), date(2024, 4, 6)),
        (2024, "劳动节", "Labour Day", date(2024, 5, 1), date(2024, 5, 5)),
        # the notice: 6-10 off "与周末连休": the weekend before joins the span
        (2024, "端午节", "Dragon Boat Festival", date(2024, 6, 8), date(2024, 6, 10)),
        (2024, "中秋节", "Mid-Autumn Festival", date(2024, 9, 15), date(2024, 9, 17)),
        (2024, "国庆节", "National Day", date(2024, 10, 1), date(2024, 10, 7)),
        (2025, "元旦", "New Year's Day", date(2025, 1, 1), date(2025, 1, 1)),
        (2025, "春节", "Spring Festival", date(2025, 1, 28), date(2025, 2, 4)),
        (2025, "端午节", "Dragon Boat Festival", date(2025, 5, 31), date(2025, 6, 2)),
        (2026, "春节", "Spring Festival", date(2026, 2, 15), date(2026, 2, 23)),
        (2026, "国庆节", "National Day", date(2026, 10, 1), date(2026, 10, 7)),
        (2023, "中秋节、国庆节", "Mid-Autumn Festival & National Day", date(2023, 9, 29), date(2023, 10, 6)),
    ],
)
def test_holiday_spans(year, name_zh, name_en, start, end):
    spans = [(e.name_zh, e.name_en, e.start, e.end) for e in _holidays(year)]
    assert (name_zh, name_en, start, end) in spans


@pytest.mark.parametrize(
    "year, workdays",
    [
        (2024, [date(2024, 2, 4), date(2024, 2, 18), date(2024, 4, 7), date(2024, 4, 28), date(2024, 5, 11),
                date(2024, 9, 14), date(2024, 9, 29), date(2024, 10, 12)]),
        (2025, [date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11)]),
    ],
)
def test_make_up_workdays(year, workdays):
    assert _workdays(year) == workdays


@pytest.mark.parametrize("year", range(2004, 2027))
def test_entries_agree_with_the_package(year):
    entries = statutory_days(year).entries
    assert [e.start for e in entries] == sorted(e.start for e in entries)
    spans = [e for e in entries if e.kind is EntryKind.HOLIDAY]
    for a, b in zip(spans, spans[1:]):
        assert a.end + timedelta(days=1) < b.start  # separate spans never touch
    for span in spans:
        assert span.name_zh and span.name_en and span.start <= span.end
        days = [span.start + timedelta(days=n) for n in range((span.end - span.start).days + 1)]
        assert all(chinese_calendar.is_holiday(d) for d in days if 2004 <= d.year <= 2026)
    for d, _ in chinese_calendar.holidays.items():
        if d.year == year:
            assert any(s.covers(d) for s in spans), d
    for e in entries:
        if e.kind is EntryKind.WORKDAY:
            assert e.start.weekday() >= 5 and chinese_calendar.is_workday(e.start)


@pytest.mark.parametrize("year", [2003, 2035, 2100, 0, 10000])  # 2035: years ahead of any published holiday data
def test_unknown_year_never_raises(year):
    result = statutory_days(year)
    assert (result.year, result.known, result.entries) == (year, False, ())


def test_known_year():
    assert statutory_days(2026).known
