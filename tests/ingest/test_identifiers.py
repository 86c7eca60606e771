"""Order/refund/sub-order numbers and line keys: one rule for every layout (ingest/identifiers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellerdesk.domain.orders import LineRecord
from sellerdesk.ingest.identifiers import (
    LOST_DIGITS_EN,
    LOST_DIGITS_ZH,
    MISSING_ORDER_NO_EN,
    MISSING_ORDER_NO_ZH,
    MissingOrderNumber,
    assign_line_keys,
    identifier,
    lost_digits,
    order_number,
    required_identifier,
)
from sellerdesk.ingest.layout import BadCell, Columns, Row
from sellerdesk.ingest.table import Table


@pytest.mark.parametrize(
    "raw, lost",
    [
        # text as platforms write it: exact
        ("35153131473293579", False),
        ('="35153131473293579"', False),
        ("\t6917926768823643751", False),
        ("260517-607198974342268", False),
        ("11729384072", False),
        ("", False),
        (None, False),
        # scientific notation, as Excel saves a re-opened CSV (after cell cleaning)
        ("3.51531E+16", True),
        ("6.91793e+18", True),
        ("6.91793E18", True),
        ("1.17294E+10", True),
        ("3E+16", True),
        ("\t6.91793E+18", True),
        ('="3.51531E+16"', True),
        (" 3.51531E+16 ", True),
        ("+3.5E+16", True),
        ("-1.2E+17", True),
        ("12E5", True),
        ("1.2E-5", True),
        # letters that are not an exponent
        ("E1001", False),
        ("1001E", False),
        ("TB1001e", False),
        ("1.2.3E+4", False),
        # typed cells: a float is exact below 2**53, ints always
        (1234567890123456.0, False),
        (float(2**53 - 1), False),
        (float(2**53), True),
        (3.349823648372538e18, True),
        (-3.349823648372538e18, True),
        (float("inf"), True),
        (4025633395051234599, False),
        (12345, False),
    ],
)
def test_lost_digits(raw, lost):
    assert lost_digits(raw) is lost


def _row(**cells: object) -> Row:
    headers = list(cells)
    table = Table(Path("t.csv"), headers, "utf-8", iter(()), lambda: 0.0)
    cols = Columns(table, {"order_no": ("订单编号",), "refund_no": ("退款编号",), "line_no": ("子订单编号",)})
    return Row(list(cells.values()), cols, 7)


def test_order_number_missing_and_lost():
    assert order_number(_row(订单编号='="35153131473293579"'), "order_no") == "35153131473293579"
    for empty in ("", "-", None, "--"):
        with pytest.raises(MissingOrderNumber) as err:
            order_number(_row(订单编号=empty), "order_no")
        assert (err.value.column, err.value.zh, err.value.en) == ("订单编号", MISSING_ORDER_NO_ZH, MISSING_ORDER_NO_EN)
    with pytest.raises(BadCell) as err:
        order_number(_row(订单编号="3.51531E+16"), "order_no")
    assert not isinstance(err.value, MissingOrderNumber)
    assert (err.value.column, err.value.zh, err.value.en, err.value.value) == (
        "订单编号", LOST_DIGITS_ZH, LOST_DIGITS_EN, "3.51531E+16")


def test_other_numbers_use_the_same_check():
    assert identifier(_row(子订单编号=""), "line_no") is None
    assert identifier(_row(子订单编号="\t6917926768823643751"), "line_no") == "6917926768823643751"
    with pytest.raises(BadCell, match="lost its last digits"):
        identifier(_row(子订单编号=6.917926768823644e18), "line_no")
    assert required_identifier(_row(退款编号="80212345678901234"), "refund_no") == "80212345678901234"
    with pytest.raises(BadCell, match="required value is missing"):
        required_identifier(_row(退款编号=""), "refund_no")
    with pytest.raises(BadCell, match="lost its last digits"):
        required_identifier(_row(退款编号=8.021234567890124e16), "refund_no")


@pytest.mark.parametrize(
    "bases, number_first, keys",
    [
        (["A", "B", "A", None, "A", ""], False, ["A", "B", "A#2", "#1", "A#3", "#2"]),
        (["A", "B", "A"], True, ["A#1", "B#1", "A#2"]),
        ([None], False, ["#1"]),
        (["x|red", "x|red", "x|blue"], True, ["x|red#1", "x|red#2", "x|blue#1"]),
    ],
)
def test_line_keys(bases, number_first, keys):
    lines = [LineRecord(line_key=b or "") for b in bases]
    assign_line_keys(lines, lambda ln: ln.line_key, number_first=number_first)
    assert [ln.line_key for ln in lines] == keys
