"""Taobao/Tmall legacy order report (订单报表, ExportOrderList*.csv): one row per order.

GBK text, `="..."` order numbers, `'` phone prefixes, header names with
trailing spaces, 元 suffixes on 打款商家金额. Refunds: a full refund turns the
order into 交易关闭 while it keeps its payment time; a partial refund leaves it
交易成功 with 退款金额 > 0 (or 打款商家金额 below the paid amount).

This is the bulk path (a million rows), so it indexes cells directly instead
of going through the generic Row accessor.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import islice
from operator import itemgetter

from sellerdesk.domain.address import split_address
from sellerdesk.domain.dates import parse_datetime
from sellerdesk.domain.money import MoneyError, parse_fen
from sellerdesk.domain.orders import OrderBatch, OrderRecord, OrderStatus, RefundState
from sellerdesk.ingest.cells import clean_all
from sellerdesk.ingest.identifiers import LOST_DIGITS_EN, LOST_DIGITS_ZH, lost_digits
from sellerdesk.ingest.layout import SUMMARY_WORDS, Layout, RowSink, is_blank, is_summary
from sellerdesk.ingest.table import Table
from sellerdesk.ingest.taobao_orders_bulk import parse_chunk
from sellerdesk.ingest.taobao_status import taobao_status

BULK_CHUNK = 2048  # rows converted column by column at a time
BULK_MIN = 64  # below this the row path is as fast

COLUMNS = {
    "order_no": ("订单编号",),
    "account": ("买家会员名",),
    "goods": ("买家应付货款",),
    "shipping": ("买家应付邮费",),
    "paid": ("买家实际支付金额", "买家实付金额"),
    "status": ("订单状态",),
    "name": ("收货人姓名",),
    "address": ("收货地址",),
    "phone": ("联系手机",),
    "tel": ("联系电话",),
    "created": ("订单创建时间",),
    "paid_at": ("订单付款时间",),
    "title": ("宝贝标题",),
    "quantity": ("宝贝总数量",),
    "shop": ("店铺名称",),
    "refund": ("退款金额",),
    "settled": ("打款商家金额", "确认收货打款金额"),
}


class TaobaoOrdersCsv(Layout):
    key = "taobao_orders"
    platform = "taobao"
    kind = "orders"
    label_zh = "淘宝/天猫 订单报表"
    label_en = "Taobao/Tmall order report"
    required_headers = ("订单编号", "买家会员名", "订单状态")
    batches = True
    # A 1688 export re-saved as CSV shares those three; these are 1688's own.
    excluded_headers = ("货品标题", "实付款(元)")
    hint_headers = ("买家实际支付金额", "买家实付金额", "订单付款时间", "收货人姓名", "宝贝标题")

    def parse(self, table: Table, sink: RowSink) -> Iterator[OrderRecord | OrderBatch]:
        positions = [table.index(*names) for names in COLUMNS.values()]
        header = {k: table.headers[i] for k, i in zip(COLUMNS, positions) if i is not None}
        width = max(i for i in positions if i is not None) + 1
        # All used cells of a row in one C call; a missing column reads the
        # empty cell appended to every row (index -1).
        pick = itemgetter(*(-1 if i is None else i for i in positions))
        knows_refunds = "refund" in header or "settled" in header
        present = {k: i for k, i in zip(COLUMNS, positions) if i is not None}
        refund_rule = partial(_refund, knows_refunds=knows_refunds)
        rows = table.rows()
        while chunk := list(islice(rows, BULK_CHUNK)):
            batch = parse_chunk(chunk, present, width, refund_rule) if len(chunk) >= BULK_MIN else None
            if batch is not None:
                sink.rows_read += len(batch)
                yield batch
                continue
            for row_no, cells in chunk:
                record = self._parse_row(row_no, cells, sink, pick, header, width, positions[0], knows_refunds)
                if record is not None:
                    yield record

    def _parse_row(self, row_no: int, cells: list, sink: RowSink, pick, header: dict, width: int,
                   order_at: int, knows_refunds: bool) -> OrderRecord | None:
        """One row, with every check and a precise error: the rules' reference."""
        if len(cells) < width:
            if is_blank(cells) or is_summary(cells):
                return None
            cells = cells + [""] * (width - len(cells))
        cells.append("")
        sink.rows_read += 1
        values = clean_all(pick(cells))
        (order_no, account, goods, shipping, paid, status_text, name, address, phone, tel,
         created, paid_at, title, quantity, shop, refund, settled) = values
        if not order_no or order_no.startswith(SUMMARY_WORDS):
            # Full-width blank rows (Excel re-saves leave ",,,,") and totals rows.
            if is_blank(cells) or is_summary(cells):
                sink.rows_read -= 1
                return None
        if not order_no:
            sink.reject(row_no, header["order_no"], "缺少订单编号", "order number is missing")
            return None
        if lost_digits(cells[order_at]):
            sink.reject(row_no, header["order_no"], LOST_DIGITS_ZH, LOST_DIGITS_EN, order_no)
            return None
        column = "status"
        try:
            status = taobao_status(status_text)
            if status is None:
                raise ValueError(status_text)
            column = "created"
            created = parse_datetime(created) if created else None
            column = "paid_at"
            paid_at = parse_datetime(paid_at) if paid_at else None
            column = "paid"
            paid = parse_fen(paid) if paid else None
            column = "goods"
            goods = parse_fen(goods) if goods else None
            column = "shipping"
            shipping = parse_fen(shipping) if shipping else None
            column = "refund"
            refund = parse_fen(refund) if refund else None
            column = "settled"
            settled = parse_fen(settled) if settled else None
            column = "quantity"
            quantity = int(quantity) if quantity else None
        except (ValueError, MoneyError):
            zh, en = _REASONS[column]
            bad = values[list(COLUMNS).index(column)]
            sink.reject(row_no, header.get(column, column), zh, en, bad)
            return None
        refund_fen, refund_state = _refund(status, paid_at, paid, refund, settled, knows_refunds)
        address = address or None
        province, city = split_address(address)
        return OrderRecord(
            platform="taobao",
            order_no=order_no,
            row=row_no,
            shop=shop or None,
            buyer_account=account or None,
            receiver_name=name or None,
            receiver_phone=phone or tel or None,
            province=province,
            city=city,
            address=address,
            status=status,
            status_text=status_text,
            created_at=created,
            paid_at=paid_at,
            goods_fen=goods,
            shipping_fen=shipping,
            paid_fen=paid,
            refund_fen=refund_fen,
            refund_state=refund_state,
            item_count=quantity,
            title=title or None,
        )


_REASONS = {
    "status": ("无法识别的订单状态", "unknown order status"),
    "created": ("日期时间格式不对", "not a date/time"),
    "paid_at": ("日期时间格式不对", "not a date/time"),
    "paid": ("金额格式不对", "not an amount of money"),
    "goods": ("金额格式不对", "not an amount of money"),
    "shipping": ("金额格式不对", "not an amount of money"),
    "refund": ("金额格式不对", "not an amount of money"),
    "settled": ("金额格式不对", "not an amount of money"),
    "quantity": ("不是整数", "not a whole number"),
}


def _refund(
    status: OrderStatus,
    paid_at: str | None,
    paid: int | None,
    refund: int | None,
    settled: int | None,
    knows_refunds: bool,
) -> tuple[int | None, RefundState | None]:
    """Refunded amount and state from what a Taobao order row shows."""
    if status == OrderStatus.CLOSED and paid_at and (paid or 0) > 0:
        return (refund if refund else paid), RefundState.FULL
    if not knows_refunds:
        return None, None
    if refund is None and settled is not None and paid is not None and status == OrderStatus.COMPLETED:
        refund = max(0, paid - settled)
    if refund:
        return refund, RefundState.PARTIAL
    return 0, RefundState.NONE
