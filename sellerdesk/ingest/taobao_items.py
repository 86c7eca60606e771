"""Taobao/Tmall legacy item report (宝贝报表, ExportOrderDetailList*.csv): one row per line item.

Same GBK text and `="..."` order numbers as the order report; every data row
ends with a trailing comma (an 11th, empty column). 价格 is the list unit price,
not the paid share, and 订单状态 is per line (a refunded line of a partly
refunded order reads 交易关闭 while the order reads 交易成功).

The file knows lines only: each order it yields carries its lines, item count
and title summary, and leaves buyer, money and order status None so the store
keeps what the order report said.

The helpers for line-grained files (grouping rows by order so that an order is
written whole or not at all, and order numbers that survive spreadsheets) live
here and are shared with the 2024-25 sub-order xlsx and the refund report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from sellerdesk.domain.orders import LineRecord, OrderRecord
from sellerdesk.ingest.cells import clean
from sellerdesk.ingest.layout import SUMMARY_WORDS, BadCell, Columns, Layout, Row, RowSink, is_blank, is_summary
from sellerdesk.ingest.table import Table

COLUMNS = {
    "order_no": ("订单编号",),
    "title": ("标题",),
    "price": ("价格",),
    "quantity": ("购买数量",),
    "spec": ("商品属性",),
    "status": ("订单状态",),
    "sku": ("商家编码",),
}

SIBLING_ZH = "同一订单的其他行有错误"
SIBLING_EN = "another row of the same order is broken"
TITLE_SEPARATOR = "；"

T = TypeVar("T")

# Excel shows long numbers as 3.51531E+16 and saves them that way in a CSV.
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_EXACT_FLOAT_LIMIT = 2**53


LOST_DIGITS_ZH = "编号被表格软件存成了数字，末几位已丢失：请使用平台导出的原始文件"
LOST_DIGITS_EN = (
    "the number was stored as a number by a spreadsheet and lost its last digits: "
    "use the file as the platform exported it"
)


def lost_digits(raw: object) -> bool:
    """True for an order/refund number a spreadsheet turned into an inexact number.

    Taobao numbers have 16-19 digits. A float beyond 2**53, or Excel's
    '3.51531E+16' in a re-saved CSV, no longer holds the real number, and
    guessing would merge different orders.
    """
    if isinstance(raw, float):
        return abs(raw) >= _EXACT_FLOAT_LIMIT
    if isinstance(raw, str) and ("E" in raw or "e" in raw):  # cheap test first: the bulk path calls this
        return bool(_SCIENTIFIC.match(clean(raw)))
    return False


def id_text(row: Row, key: str) -> str:
    """A required order/refund number as text; BadCell when missing or digits were lost."""
    raw = row.raw(key)
    if lost_digits(raw):
        raise BadCell(row.cols.header[key], LOST_DIGITS_ZH, LOST_DIGITS_EN, raw)
    return row.required(key)


class _Group:
    __slots__ = ("rows", "values", "errors")

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.values: list | None = []
        self.errors: dict[int, BadCell] = {}


def grouped_orders(
    table: Table,
    sink: RowSink,
    cols: Columns,
    order_key: str,
    parse_row: Callable[[Row], T],
) -> Iterator[tuple[str, int, list[T]]]:
    """Rows grouped by order number, for files with one row per line.

    Yields (order_no, first row, parsed rows in file order) per order, in the
    order orders first appear; rows of one order may be anywhere in the file,
    so nothing is yielded before the whole file is read. When any row of an
    order is broken, every row of that order is rejected: the broken ones with
    their column and reason, the others as siblings. A row without an order
    number is rejected alone. Rejections are reported in row order, before the
    first order is yielded. Blank rows and totals rows are skipped.
    """
    groups: dict[str, _Group] = {}
    rejections: list[tuple[int, str | None, str, str, object]] = []
    for row_no, cells in table.rows():
        row = Row(cells, cols, row_no)
        try:
            order_no = id_text(row, order_key)
        except BadCell as bad:
            if is_blank(cells) or is_summary(cells):
                continue
            sink.rows_read += 1
            rejections.append((row_no, bad.column, bad.zh, bad.en, bad.value))
            continue
        if order_no.startswith(SUMMARY_WORDS) and is_summary(cells):
            continue
        sink.rows_read += 1
        group = groups.get(order_no)
        if group is None:
            group = groups[order_no] = _Group()
        group.rows.append(row_no)
        try:
            value = parse_row(row)
        except BadCell as bad:
            group.errors[row_no] = bad
            group.values = None  # the order is lost; keep no parsed rows
            continue
        if group.values is not None:
            group.values.append(value)
    for group in groups.values():
        for row_no in group.rows if group.errors else ():
            bad = group.errors.get(row_no)
            if bad is not None:
                rejections.append((row_no, bad.column, bad.zh, bad.en, bad.value))
            else:
                rejections.append((row_no, None, SIBLING_ZH, SIBLING_EN, None))
    rejections.sort(key=lambda r: r[0])
    for row_no, column, zh, en, value in rejections:
        sink.reject(row_no, column, zh, en, value)
    for order_no, group in groups.items():
        if not group.errors:
            yield order_no, group.rows[0], group.values


def title_summary(lines: list[LineRecord]) -> str | None:
    """Distinct line titles in order, joined by '；'."""
    titles = list(dict.fromkeys(ln.title for ln in lines if ln.title))
    return TITLE_SEPARATOR.join(titles) or None


def total_quantity(lines: list[LineRecord]) -> int | None:
    known = [ln.quantity for ln in lines if ln.quantity is not None]
    return sum(known) if known else None


def quantity(row: Row, key: str) -> int | None:
    """A line quantity: a whole number, not negative."""
    n = row.int(key)
    if n is not None and n < 0:
        raise BadCell(row.cols.header[key], "数量不能为负数", "quantity cannot be negative", row.raw(key))
    return n


class TaobaoItemsCsv(Layout):
    key = "taobao_items"
    platform = "taobao"
    kind = "lines"
    label_zh = "淘宝/天猫 宝贝报表"
    label_en = "Taobao/Tmall item report"
    required_headers = ("订单编号", "标题", "价格", "购买数量")
    hint_headers = ("商品属性", "套餐信息", "外部系统编号", "商家编码", "订单状态", "备注")
    # A workbook re-save of the same report reads the same way.
    spreadsheet = None

    def parse(self, table: Table, sink: RowSink) -> Iterator[OrderRecord]:
        cols = Columns(table, COLUMNS)
        for order_no, first_row, lines in grouped_orders(table, sink, cols, "order_no", _line):
            _assign_keys(lines)
            yield OrderRecord(
                platform="taobao",
                order_no=order_no,
                row=first_row,
                item_count=total_quantity(lines),
                title=title_summary(lines),
                lines=lines,
            )


def _line(row: Row) -> LineRecord:
    return LineRecord(
        line_key="",
        title=row.text("title"),
        sku=row.text("sku"),
        spec=row.text("spec"),
        quantity=quantity(row, "quantity"),
        unit_price_fen=row.fen("price"),
        status_text=row.text("status"),
    )


def _assign_keys(lines: list[LineRecord]) -> None:
    """'<sku or title>|<spec>#<n>', n counting identical lines of the order from 1.

    The item report has no sub-order number. This key does not depend on where
    the order's rows sit in the file, so a re-export updates the same lines.
    """
    seen: dict[str, int] = {}
    for ln in lines:
        base = f"{ln.sku or ln.title or ''}|{ln.spec or ''}"
        n = seen[base] = seen.get(base, 0) + 1
        ln.line_key = f"{base}#{n}"
