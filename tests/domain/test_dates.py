from datetime import date, datetime

import pytest

from sellerdesk.domain.dates import datetime_from_cell, parse_datetime


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2025-11-11 20:00:00", "2025-11-11 20:00:00"),
        ("2025/11/11 20:00", "2025-11-11 20:00:00"),
        ("2025/1/5 9:03:07", "2025-01-05 09:03:07"),
        ("2025-11-11", "2025-11-11 00:00:00"),
        ("2025年11月11日", "2025-11-11 00:00:00"),
        ("2025-11-11T20:00:00", "2025-11-11 20:00:00"),
        (" 2025/11/11 20:00 ", "2025-11-11 20:00:00"),
    ],
)
def test_accepts_platform_and_excel_forms(text, iso):
    assert parse_datetime(text) == iso


@pytest.mark.parametrize("text", ["2025-13-01 00:00:00", "2025-02-30 10:00:00", "yesterday", "11/11/2025", ""])
def test_refuses_non_dates(text):
    with pytest.raises(ValueError):
        parse_datetime(text)


def test_typed_cells():
    assert datetime_from_cell(datetime(2025, 6, 18, 0, 0, 1, 500)) == "2025-06-18 00:00:01"
    assert datetime_from_cell(date(2025, 6, 18)) == "2025-06-18 00:00:00"
