"""JD (京东商家后台 / 京麦) order export: GBK CSV or xlsx, one row per SKU.

Order-level columns (订单金额, 应付金额, 运费金额, 订单状态, buyer, address)
repeat on every SKU row of an order: they are taken once per order, never
summed. Rows of one order may be non-contiguous, so the whole file is grouped
by 订单号 before any order is yielded. A `(删除)` status prefix marks a split
(拆单) parent whose money now sits on the child orders: DELETED, not countable.
Refunds are not in this report (a separate after-sales export), so the refund
fields stay None.

This module also holds the small helpers the other line-grained layouts
(1688, Douyin) share: header folding and whole-order rejection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sellerdesk.domain.address import split_address
from sellerdesk.domain.orders import LineRecord, OrderRecord, OrderStatus
from sellerdesk.ingest.layout import BadCell, Columns, Layout, Row, RowSink, is_blank, is_summary, reject
from sellerdesk.ingest.table import Table

# ---------------------------------------------------------------------------
# Shared helpers (JD, Pinduoduo, 1688, Douyin)

_HEADER_FOLD = str.maketrans({"（": "(", "）": ")", " ": None, "\u3000": None, "\t": None})


def fold_header(name: str) -> str:
    """Spelling variants of one header folded together: 商品总价（元） == 商品总价(元)."""
    return name.translate(_HEADER_FOLD)


class _FoldedHeaders:
    """What Columns needs from a table, matching header names after fold_header."""

    def __init__(self, headers: list[str]):
        self.headers = headers
        self._folded = [fold_header(h) for h in headers]

    def index(self, *names: str) -> int | None:
        for name in names:
            folded = fold_header(name)
            if folded in self._folded:
                return self._folded.index(folded)
        return None


def folded_columns(table: Table, spec: dict[str, tuple[str, ...]]) -> Columns:
    """Columns resolved by folded header name; messages still show the file's spelling."""
    return Columns(_FoldedHeaders(table.headers), spec)  # type: ignore[arg-type]


class FoldedLayout(Layout):
    """A layout whose required/hint headers are written in folded form."""

    @classmethod
    def score(cls, headers: set[str], is_spreadsheet: bool) -> int:
        return super().score({fold_header(h) for h in headers}, is_spreadsheet)


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_EXACT_FLOAT_LIMIT = 2**53


LOST_DIGITS_ZH = "编号被表格软件存成了数字，末几位已丢失：请使用平台导出的原始文件"
LOST_DIGITS_EN = (
    "the number was stored as a number by a spreadsheet and lost its last digits: "
    "use the file as the platform exported it"
)


def order_number(row: Row, key: str) -> str:
    """An order number as text; BadCell when missing or mangled by a spreadsheet.

    A float beyond 2**53 (a typed xlsx cell) or Excel's '6.91793E+18' (a CSV
    re-saved in Excel) no longer holds the real number, and guessing would
    merge different orders.
    """
    raw = row.raw(key)
    column = row.cols.header[key]
    text = row.text(key)
    if not text:
        raise BadCell(column, "缺少订单编号", "order number is missing")
    if (isinstance(raw, float) and abs(raw) >= _EXACT_FLOAT_LIMIT) or _SCIENTIFIC.match(text):
        raise BadCell(column, LOST_DIGITS_ZH, LOST_DIGITS_EN, raw)
    return text


def unknown_status(row: Row, key: str) -> BadCell:
    return BadCell(row.cols.header[key], "无法识别的订单状态", "unknown order status", row.text(key))


SIBLING_ZH = "同一订单的其他行有错误"
SIBLING_EN = "another row of the same order is broken"


class OrderRows:
    """Rows of line-grained orders gathered by order number, in first-row order.

    A broken row is rejected at once and marks its order; at the end every other
    row of a broken order is rejected too, so no order is ever half-written.
    """

    def __init__(self, sink: RowSink, order_column: str):
        self.sink = sink
        self.order_column = order_column
        self._rows: dict[str, list[tuple[int, object]]] = {}
        self._broken: set[str] = set()

    def __contains__(self, order_no: str) -> bool:
        return order_no in self._rows

    def add(self, order_no: str, row_no: int, parsed: object) -> None:
        self._rows.setdefault(order_no, []).append((row_no, parsed))

    def broken(self, order_no: str, row_no: int, bad: BadCell) -> None:
        reject(self.sink, row_no, bad)
        self._rows.setdefault(order_no, [])
        self._broken.add(order_no)

    def orders(self) -> Iterator[tuple[str, list[tuple[int, object]]]]:
        """(order number, [(row number, parsed row), ...]) for every good order."""
        for order_no, rows in self._rows.items():
            if order_no in self._broken:
                for row_no, _ in rows:
                    self.sink.reject(row_no, self.order_column, SIBLING_ZH, SIBLING_EN, order_no)
            elif rows:
                yield order_no, rows


def line_key(base: str | None, seen: dict[str, int]) -> str:
    """A line key stable across re-imports: the item id, '#2' appended when it repeats."""
    base = base or ""
    n = seen[base] = seen.get(base, 0) + 1
    if not base:
        return f"#{n}"
    return base if n == 1 else f"{base}#{n}"


def titles_summary(lines: list[LineRecord]) -> str | None:
    titles = list(dict.fromkeys(ln.title for ln in lines if ln.title))
    return "；".join(titles) or None


def total_quantity(lines: list[LineRecord]) -> int | None:
    if not lines or any(ln.quantity is None for ln in lines):
        return None
    return sum(ln.quantity for ln in lines)  # type: ignore[misc]


# ---------------------------------------------------------------------------
# JD

JD_STATUS: dict[str, OrderStatus] = {
    "等待付款": OrderStatus.UNPAID,
    "待付款": OrderStatus.UNPAID,
    "等待出库": OrderStatus.PAID,
    "待出库": OrderStatus.PAID,
    "等待境外出库": OrderStatus.PAID,
    "等待境内发货": OrderStatus.PAID,
    "等待发货": OrderStatus.PAID,
    "等待确认收货": OrderStatus.SHIPPED,
    "已发货": OrderStatus.SHIPPED,
    "完成": OrderStatus.COMPLETED,
    "已完成": OrderStatus.COMPLETED,
    "已取消": OrderStatus.CLOSED,
    "取消": OrderStatus.CLOSED,
    "锁定": OrderStatus.ON_HOLD,
    "锁定订单": OrderStatus.ON_HOLD,
    "暂停": OrderStatus.ON_HOLD,
}


def jd_status(text: str) -> OrderStatus | None:
    t = fold_header(text)  # same folding: spaces out, full-width parentheses half-width
    if t.startswith("(删除)"):
        return OrderStatus.DELETED
    return JD_STATUS.get(t)


COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单号",),
    "item_id": ("商品ID",),
    "title": ("商品名称",),
    "quantity": ("订购数量",),
    "created": ("下单时间",),
    "price": ("京东价",),
    "order_amount": ("订单金额",),
    "payable": ("应付金额",),
    "balance": ("余额支付",),
    "status": ("订单状态",),
    "account": ("下单帐号", "下单账号"),
    "name": ("客户姓名",),
    "address": ("客户地址",),
    "phone": ("联系电话",),
    "shipping": ("运费金额",),
    "paid_at": ("付款确认时间",),
    "sku": ("商家SKUID", "货号"),
}


class JdOrders(FoldedLayout):
    key = "jd_orders"
    platform = "jd"
    kind = "orders"
    label_zh = "京东 订单导出"
    label_en = "JD order export"
    required_headers = ("订单号", "商品ID", "京东价", "应付金额")
    hint_headers = ("订购数量", "下单帐号", "下单账号", "订单状态", "付款确认时间", "客户姓名", "结算金额")

    def parse(self, table: Table, sink: RowSink) -> Iterator[OrderRecord]:
        cols = folded_columns(table, COLUMNS)
        groups = OrderRows(sink, cols.header["order_no"])
        for row_no, cells in table.rows():
            if is_blank(cells) or is_summary(cells):
                continue
            sink.rows_read += 1
            row = Row(cells, cols, row_no)
            try:
                order_no = order_number(row, "order_no")
            except BadCell as bad:
                reject(sink, row_no, bad)
                continue
            try:
                groups.add(order_no, row_no, self._row(row))
            except BadCell as bad:
                groups.broken(order_no, row_no, bad)
        for order_no, rows in groups.orders():
            yield self._order(order_no, rows)

    @staticmethod
    def _row(row: Row) -> tuple[dict, LineRecord]:
        """Order-level values (repeated on every SKU row) and the row's line."""
        status_text = row.text("status")
        status = jd_status(status_text) if status_text else None
        if status is None:
            raise unknown_status(row, "status")
        order = {
            "status": status,
            "status_text": status_text,
            "created_at": row.datetime("created"),
            "paid_at": row.datetime("paid_at"),
            "goods_fen": row.fen("order_amount"),
            "shipping_fen": row.fen("shipping"),
            # The buyer paid 应付金额 online plus 余额支付 from their JD balance.
            "paid_fen": _add(row.fen("payable"), row.fen("balance")),
            "buyer_account": row.text("account"),
            "receiver_name": row.text("name"),
            "receiver_phone": row.text("phone"),
            "address": row.text("address"),
        }
        line = LineRecord(
            line_key="",
            title=row.text("title"),
            item_id=row.text("item_id"),
            sku=row.text("sku"),
            quantity=row.int("quantity"),
            unit_price_fen=row.fen("price"),
        )
        return order, line

    @staticmethod
    def _order(order_no: str, rows: list) -> OrderRecord:
        first_row, (order, _) = rows[0]
        seen: dict[str, int] = {}
        lines = []
        for _, (_, line) in rows:
            line.line_key = line_key(line.item_id, seen)
            lines.append(line)
        province, city = split_address(order["address"])
        return OrderRecord(
            platform="jd",
            order_no=order_no,
            row=first_row,
            province=province,
            city=city,
            item_count=total_quantity(lines),
            title=titles_summary(lines),
            lines=lines,
            **order,
        )


def _add(a: int | None, b: int | None) -> int | None:
    return a if b is None else (a or 0) + b
