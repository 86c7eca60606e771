"""JD (京东商家后台 / 京麦) order export: GBK CSV or xlsx, one row per SKU.

Order-level columns (订单金额, 应付金额, 运费金额, 订单状态, buyer, address)
repeat on every SKU row of an order: they are taken once per order, never
summed. Rows of one order may be non-contiguous, so the whole file is grouped
by 订单号 before any order is yielded. A `(删除)` status prefix marks a split
(拆单) parent whose money now sits on the child orders: DELETED, not countable.
Refunds are not in this report (a separate after-sales export), so the refund
fields stay None.
"""

from __future__ import annotations

from sellerdesk.domain.address import split_address
from sellerdesk.domain.orders import LineRecord, OrderRecord, OrderStatus
from sellerdesk.ingest.grouping import LineGrainedLayout
from sellerdesk.ingest.identifiers import assign_line_keys
from sellerdesk.ingest.layout import FoldedLayout, Row, fold_header, unknown_status

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


class JdOrders(FoldedLayout, LineGrainedLayout[tuple[dict, LineRecord]]):
    key = "jd_orders"
    platform = "jd"
    kind = "orders"
    label_zh = "京东 订单导出"
    label_en = "JD order export"
    required_headers = ("订单号", "商品ID", "京东价", "应付金额")
    hint_headers = ("订购数量", "下单帐号", "下单账号", "订单状态", "付款确认时间", "客户姓名", "结算金额")
    column_spec = COLUMNS

    def _row(self, row: Row) -> tuple[dict, LineRecord]:
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
            quantity=row.quantity("quantity"),
            unit_price_fen=row.fen("price"),
        )
        return order, line

    def _order(self, order_no: str, first_row: int, rows: list[tuple[dict, LineRecord]]) -> OrderRecord:
        order = rows[0][0]
        lines = [line for _, line in rows]
        assign_line_keys(lines, lambda ln: ln.item_id)
        province, city = split_address(order["address"])
        return self.order_record(order_no, first_row, lines, province=province, city=city, **order)


def _add(a: int | None, b: int | None) -> int | None:
    return a if b is None else (a or 0) + b
