"""Taobao/Tmall 2024-25 千牛 export (ExportOrderList*.xlsx): one row per sub-order (子订单).

Columns A-W: 子订单编号, 主订单编号, 商品标题, 商品价格, 购买数量, ..., 订单状态, 商家编码,
买家应付货款, 买家实付金额, 退款状态, 退款金额, 订单创建时间, 订单付款时间, 商品ID, ...

There is no buyer column: buyer fields stay None, and the store attaches the
lines to an order it already knows (or keeps the order with an unknown buyer
until an order report fills it in). Rows are grouped by 主订单编号; the order's
money is the sum of its lines' 买家应付货款 / 买家实付金额, and its status and
refund follow from the lines (see order_status() and _line_refund()).

Cells arrive typed from the workbook (float, datetime, '' for empty); `--`,
`None` and `#NULL!` are empty, and a leading `'` is dropped (cells.clean).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice

from sellerdesk.domain.orders import LineRecord, OrderBatch, OrderRecord, OrderStatus, RefundState
from sellerdesk.ingest.grouping import LineGrainedLayout, OrderGroups
from sellerdesk.ingest.identifiers import required_identifier
from sellerdesk.ingest.layout import Restart, Row, RowSink, unknown_status
from sellerdesk.ingest.table import Table
from sellerdesk.ingest.taobao_status import taobao_status

BULK_CHUNK = 4096  # rows converted column by column at a time
BULK_MIN = 64  # a shorter chunk takes the row path (as fast there, and every rule applies)

COLUMNS = {
    "sub_no": ("子订单编号",),
    "order_no": ("主订单编号",),
    "title": ("商品标题",),
    "price": ("商品价格",),
    "quantity": ("购买数量",),
    "spec": ("商品属性",),
    "status": ("订单状态",),
    "sku": ("商家编码",),
    "goods": ("买家应付货款",),
    "paid": ("买家实付金额",),
    "refund_status": ("退款状态",),
    "refund": ("退款金额",),
    "created": ("订单创建时间",),
    "paid_at": ("订单付款时间",),
    "item_id": ("商品ID", "商品id", "宝贝ID"),
}

# Words written in 退款金额 instead of an amount (seen in a 2025 importer).
NO_REFUND_WORDS = frozenset({"无退款申请", "无退款"})

# The furthest-along open line decides the order's status.
_PROGRESS = (OrderStatus.COMPLETED, OrderStatus.SHIPPED, OrderStatus.PAID, OrderStatus.UNPAID)


@dataclass(slots=True)
class _Line:
    record: LineRecord
    status: OrderStatus
    goods_fen: int | None
    created_at: str | None
    paid_at: str | None


class TaobaoSubOrdersXlsx(LineGrainedLayout[_Line]):
    key = "taobao_suborders"
    platform = "taobao"
    kind = "lines"
    label_zh = "淘宝/天猫 子订单报表（千牛 xlsx）"
    label_en = "Taobao/Tmall sub-order report (Qianniu xlsx)"
    required_headers = ("子订单编号", "主订单编号", "订单状态")
    hint_headers = ("商品标题", "买家实付金额", "退款状态", "退款金额", "订单付款时间", "商品ID")
    spreadsheet = True
    column_spec = COLUMNS
    # Yields OrderBatch columns, but always parses in-process: a parsing child can send
    # nothing before the whole sheet is loaded and read (an order needs all its lines), so it
    # only adds its start-up and the pickling. Measured at 200k rows, with the parent not
    # loading the sheet (its header read ahead from the XML): 10.8 s vs 9.6 s in-process.
    # calamine releases the GIL while it loads the sheet, so the window stays responsive.
    batches = False
    # With restartable=True the orders are handed out while the file is still read (so the
    # writes overlap calamine reading the next rows), taken back with RESTART if a later row
    # belongs to an order already handed out (taobao_xlsx_bulk.LineColumns).
    restartable = True

    def parse(self, table: Table, sink: RowSink, *, restartable: bool = False
              ) -> Iterator[OrderRecord | OrderBatch | Restart]:
        """Chunks of rows converted column by column (taobao_xlsx_bulk); a chunk the bulk
        path does not take goes through the row path (_group_rows and _row) into the same
        line columns. Orders are made from the columns once the whole file is read, or with
        restartable, as soon as their lines have all been read."""
        from sellerdesk.ingest import taobao_xlsx_bulk as bulk

        cols = self.columns(table, self.column_spec)
        positions = {k: i for k, i in cols.index.items() if i is not None}
        knows_refunds = cols.has("refund_status") or cols.has("refund")
        rows = table.rows()
        chunk = list(islice(rows, BULK_CHUNK))
        if len(chunk) < BULK_MIN:  # a small file: the row path throughout (the rules' reference)
            groups: OrderGroups[_Line] = OrderGroups(sink, cols.header[self.order_key])
            self._group_rows(chain(chunk, rows), cols, sink, groups)
            for order_no, first_row, values in groups.orders():
                yield self._order(order_no, first_row, values)
            return
        lines = bulk.LineColumns(cols.header[self.order_key], stream=restartable)
        above = None
        while chunk:
            converted = bulk.parse_chunk(chunk, positions, knows_refunds) if len(chunk) >= BULK_MIN else None
            if converted is not None:
                sink.rows_read += len(chunk)
                lines.extend(converted)
            else:
                above = self._group_rows(chunk, cols, sink, lines, above)
            yield from lines.ready()  # written while the reader thread parses the next rows
            chunk = list(islice(rows, BULK_CHUNK))
        yield from lines.orders(sink)

    def _row(self, row: Row) -> _Line:
        return _line(row, knows_refunds=row.cols.has("refund_status") or row.cols.has("refund"))

    def _order(self, order_no: str, first_row: int, lines: list[_Line]) -> OrderRecord:
        records = [ln.record for ln in lines]
        status, status_text = order_status([(ln.status, ln.record.status_text) for ln in lines])
        paid = _sum(ln.record.amount_fen for ln in lines)
        refund = _sum(ln.record.refund_fen for ln in lines)
        return self.order_record(
            order_no,
            first_row,
            records,
            status=status,
            status_text=status_text,
            created_at=min((ln.created_at for ln in lines if ln.created_at), default=None),
            paid_at=min((ln.paid_at for ln in lines if ln.paid_at), default=None),
            goods_fen=_sum(ln.goods_fen for ln in lines),
            paid_fen=paid,
            refund_fen=refund,
            refund_state=refund_state(status, paid, refund, [ln.amount_fen for ln in records],
                                      [ln.refund_fen for ln in records]),
        )


def order_status(lines: list[tuple[OrderStatus, str]]) -> tuple[OrderStatus, str]:
    """The order's status (and the text that gave it) from its lines' statuses.

    - Every line 交易关闭 (CLOSED): the order is CLOSED (never paid, or all refunded).
    - Otherwise closed lines are refunded or cancelled parts of a live order and
      do not decide; the furthest-along open line does:
      COMPLETED > SHIPPED > PAID > UNPAID. So one 交易成功 line makes the order
      COMPLETED, a shipped line next to a waiting one makes it SHIPPED (as
      卖家部分发货 does).
    """
    open_lines = [(s, t) for s, t in lines if s != OrderStatus.CLOSED]
    if not open_lines:
        return OrderStatus.CLOSED, lines[0][1]
    for wanted in _PROGRESS:
        for status, text in open_lines:
            if status == wanted:
                return status, text
    return open_lines[0]  # a status outside the progression (none in Taobao's words)


def _line(row: Row, knows_refunds: bool) -> _Line:
    status_text = row.required("status")
    status = taobao_status(status_text)
    if status is None:
        raise unknown_status(row, "status")
    paid = row.fen("paid")
    paid_at = row.datetime("paid_at")
    record = LineRecord(
        line_key=required_identifier(row, "sub_no"),
        title=row.text("title"),
        item_id=row.text("item_id"),
        sku=row.text("sku"),
        spec=row.text("spec"),
        quantity=row.quantity("quantity"),
        unit_price_fen=row.fen("price"),
        amount_fen=paid,
        status_text=status_text,
    )
    refund_text = row.text("refund_status")
    amount = None if row.text("refund") in NO_REFUND_WORDS else row.fen("refund")
    record.refund_fen = _line_refund(status, paid_at, paid, refund_text, amount, knows_refunds)
    return _Line(record, status, row.fen("goods"), row.datetime("created"), paid_at)


def _line_refund(
    status: OrderStatus,
    paid_at: str | None,
    paid: int | None,
    refund_text: str | None,
    amount: int | None,
    knows_refunds: bool,
) -> int | None:
    """Money that went back to the buyer for one line; None when the file cannot say.

    - 退款成功: 退款金额 (the whole line's 实付 when the amount is blank);
    - any other 退款状态 (退款关闭, a request still open, ...): nothing moved yet;
    - no 退款状态 text: 退款金额 as written, as in the order report;
    - a line that is 交易关闭 after payment was refunded in full, whatever the
      refund columns say (Taobao closes a paid line only by refunding it).
    """
    refund: int | None
    if refund_text and "退款成功" in refund_text:
        refund = amount if amount else (paid or 0)
    elif refund_text:
        refund = 0
    elif knows_refunds:
        refund = amount or 0
    else:
        refund = None
    if status == OrderStatus.CLOSED and paid_at and (paid or 0) > 0 and not refund:
        refund = paid
    return refund


def refund_state(
    status: OrderStatus, paid: int | None, refund: int | None, line_amounts: list, line_refunds: list
) -> RefundState | None:
    """FULL when the order closed after payment or every paid line got its money back
    (line_amounts / line_refunds: each line's amount_fen and refund_fen)."""
    if refund is None:
        return None
    if refund <= 0:
        return RefundState.NONE
    if status == OrderStatus.CLOSED and (paid or 0) > 0:
        return RefundState.FULL
    paid_lines = [(a, r) for a, r in zip(line_amounts, line_refunds) if (a or 0) > 0]
    if paid_lines and all((r or 0) >= a for a, r in paid_lines):
        return RefundState.FULL
    return RefundState.PARTIAL


def _sum(values) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None
