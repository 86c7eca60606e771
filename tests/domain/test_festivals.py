from datetime import date

import pytest

from sellerdesk.domain.festivals import (
    FESTIVALS, festival_by_key, festival_day, festival_entries, festival_entry, festival_window)
from sellerdesk.domain.promo import CalendarError, EntryKind

# Spring Festival (lunar 1/1), as tests/almanac checks against lunardate.
SPRING_FESTIVAL = {2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
                   2027: date(2027, 2, 6)}


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
@pytest.mark.parametrize(
    "key, start, day",
    [
        ("618", (6, 1), (6, 18)),
        ("1111", (10, 31), (11, 11)),
        ("1212", (12, 1), (12, 12)),
        ("99", (9, 6), (9, 9)),
        ("38", (3, 1), (3, 8)),
        ("1688", (12, 12), (12, 18)),
    ],
)
def test_fixed_date_festivals(year, key, start, day):
    e = festival_entry(key, year)
    assert (e.start, e.end, e.day) == (date(year, *start), date(year, *day), date(year, *day))
    assert festival_day(key, year) == date(year, *day)


@pytest.mark.parametrize(
    "year, start, last_shipping_day",
    [
        (2024, date(2024, 1, 11), date(2024, 1, 31)),
        (2025, date(2024, 12, 30), date(2025, 1, 19)),  # opens in the previous December
        (2026, date(2026, 1, 18), date(2026, 2, 7)),
        (2027, date(2027, 1, 7), date(2027, 1, 27)),
    ],
)
def test_nianhuo_window_from_spring_festival(year, start, last_shipping_day):
    e = festival_entry("nianhuo", year, SPRING_FESTIVAL[year])
    assert (e.start, e.end, e.day) == (start, last_shipping_day, last_shipping_day)
    assert festival_day("nianhuo", year, SPRING_FESTIVAL[year]) == last_shipping_day


def test_nianhuo_needs_that_years_spring_festival():
    with pytest.raises(ValueError):
        festival_window("nianhuo", 2026)
    with pytest.raises(ValueError):
        festival_window("nianhuo", 2026, SPRING_FESTIVAL[2025])


def test_festival_entries_of_a_year():
    entries = festival_entries(2026, SPRING_FESTIVAL[2026])
    assert [e.key for e in entries] == ["nianhuo", "38", "618", "99", "1111", "1212", "1688"]
    assert set(FESTIVALS) == {e.key for e in entries}
    for e in entries:
        assert e.kind is EntryKind.FESTIVAL and e.covers(e.day) and e.name_zh and e.name_en
    by_key = {e.key: e for e in entries}
    assert by_key["1111"].name("zh") == "双11" and by_key["618"].platforms == ()
    assert by_key["1688"].platforms == ("1688",)


def test_unknown_festival_is_a_bilingual_error():
    with pytest.raises(CalendarError) as err:
        festival_by_key("520")
    assert "520" in err.value.message_zh and err.value.message("en") == "Unknown festival: 520"
