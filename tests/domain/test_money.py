import pytest

from sellerdesk.domain.money import MoneyError, fen_from_number, format_fen, format_yuan, parse_fen


@pytest.mark.parametrize(
    "text, fen",
    [
        ("201.12", 20112),
        ("0", 0),
        ("159.00元", 15900),
        ("1,299.00", 129900),
        ("¥29.9", 2990),
        ("￥ 5", 500),
        ("-3.50", -350),
        (".5", 50),
        ("12.500", 1250),
        ("7661.6", 766160),
        ("12,345,678.90", 1234567890),
        ("-1,000", -100000),
    ],
)
def test_parse_fen_accepts_what_platforms_write(text, fen):
    assert parse_fen(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "12.345", "1e5", "--", "元", "12,50", "1,2345.00"])
def test_parse_fen_refuses_what_is_not_money(text):
    with pytest.raises(MoneyError):
        parse_fen(text)


def test_spreadsheet_numbers_convert_exactly():
    assert fen_from_number(0.1 + 0.2) == 30
    assert fen_from_number(1299.0) == 129900
    assert fen_from_number(7) == 700
    assert sum(fen_from_number(x) for x in [0.1] * 10) == 100


def test_formats():
    assert format_fen(766160) == "7661.60"
    assert format_fen(-5) == "-0.05"
    assert format_fen(0) == "0.00"
    assert format_yuan(123456789) == "¥1,234,567.89"
