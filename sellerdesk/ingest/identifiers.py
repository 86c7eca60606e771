"""Order, sub-order and refund numbers: the spreadsheet-damage check, and line keys.

Platform numbers run to 16-19 digits. A spreadsheet that took one for a number
keeps only about 15 significant digits: a typed xlsx cell arrives as a float
beyond 2**53, and a CSV re-saved in Excel reads 3.51531E+16. Either way the
real number is gone, and guessing it would merge different orders, so such a
cell is refused with one message on every layout (LOST_DIGITS_ZH/EN).

Line keys name an order's lines so that a re-export updates the same lines
rather than adding new ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sellerdesk.domain.orders import LineRecord
from sellerdesk.ingest.cells import clean
from sellerdesk.ingest.layout import BadCell, Row

LOST_DIGITS_ZH = "编号被表格软件存成了数字，末几位已丢失：请使用平台导出的原始文件"
LOST_DIGITS_EN = (
    "the number was stored as a number by a spreadsheet and lost its last digits: "
    "use the file as the platform exported it"
)
MISSING_ORDER_NO_ZH = "缺少订单编号"
MISSING_ORDER_NO_EN = "order number is missing"

# Scientific notation as spreadsheets write it (3.51531E+16, 6.91793e18, -1.2E+17).
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_EXACT_FLOAT_LIMIT = 2**53  # every whole float below this is exact


def lost_digits(raw: object) -> bool:
    """True for a raw cell holding a number that a spreadsheet made inexact.

    A float at or beyond 2**53, or text in scientific notation (after the usual
    cell cleaning: `="3.5E+16"`, a tab prefix). Ints and smaller whole floats
    are exact. The taobao_orders bulk path calls this on every row, so the
    common case (text without an E) is decided without a regular expression.
    """
    if isinstance(raw, float):
        return abs(raw) >= _EXACT_FLOAT_LIMIT
    if isinstance(raw, str) and ("E" in raw or "e" in raw):
        return bool(_SCIENTIFIC.match(clean(raw)))
    return False


def identifier(row: Row, key: str) -> str | None:
    """A number as text, None when the cell is empty; BadCell when a spreadsheet lost its digits."""
    raw = row.raw(key)
    if lost_digits(raw):
        raise BadCell(row.cols.header[key], LOST_DIGITS_ZH, LOST_DIGITS_EN, raw)
    return row.text(key)


class MissingOrderNumber(BadCell):
    """The order number cell is empty (a continuation row, in files with merged cells)."""

    def __init__(self, column: str):
        super().__init__(column, MISSING_ORDER_NO_ZH, MISSING_ORDER_NO_EN)


def order_number(row: Row, key: str) -> str:
    """A required order number: MissingOrderNumber when empty, BadCell when digits were lost."""
    number = identifier(row, key)
    if not number:
        raise MissingOrderNumber(row.cols.header[key])
    return number


def required_identifier(row: Row, key: str) -> str:
    """Any other required number (refund, sub-order): checked as order numbers are."""
    return identifier(row, key) or row.required(key)


def assign_line_keys(
    lines: list[LineRecord], base: Callable[[LineRecord], str | None], *, number_first: bool = False
) -> None:
    """Set each line's key from base(line), stable across re-imports.

    A base's first line is keyed by the base itself and its repeats get '#2',
    '#3', ... appended; with number_first every line is numbered, '#1' too. A
    line without a base is '#n'. The count is per base within the order, so it
    does not depend on where the order's rows sit in the file.
    """
    seen: dict[str, int] = {}
    for line in lines:
        key = base(line) or ""
        n = seen[key] = seen.get(key, 0) + 1
        line.line_key = key if n == 1 and key and not number_first else f"{key}#{n}"
