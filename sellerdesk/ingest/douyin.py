"""Douyin / 抖店 order export: UTF-8 (BOM) CSV, one row per 子订单 (line).

Cells are written `"\\t6917926768823643751"` (tab prefix against scientific
notation) and `-` means empty. Multi-line orders repeat 主订单编号; for a
single-line order 子订单编号 == 主订单编号. 订单应付金额 is PER LINE: the
order's paid amount is the sum over its lines (a `-` amount counts as 0).
Gift lines of 0.00 are ordinary lines.

Status and refunds are per line (订单状态, 售后状态):
- a line 已关闭 with 售后状态 退款成功 was refunded in full: its amount is known;
- a line still open or 已完成 with 退款成功 was refunded in part: amount unknown;
- `-`, 售后关闭 and in-progress after-sales moved no money.
The order is CLOSED when every line is closed, else it takes the least
advanced status of its open lines. Refund state: FULL when every line is
closed and one was refunded (refund = paid); PARTIAL when some line was
refunded and another line is still open or a line was refunded in part
(refund = the refunded closed lines' amounts when all are known, else None);
otherwise NONE with refund 0.

Receiver data may be encrypted (`##…`, `$$…`) or masked (`*`): kept as written,
stable per buyer, so OrderRecord.buyer_key() still groups repeat buyers.
"""

from __future__ import annotations

from typing import NamedTuple

from sellerdesk.domain.address import normalise_province, split_address
from sellerdesk.domain.masking import is_masked
from sellerdesk.domain.orders import LineRecord, OrderRecord, OrderStatus, RefundState
from sellerdesk.ingest.grouping import LineGrainedLayout
from sellerdesk.ingest.identifiers import assign_line_keys, identifier
from sellerdesk.ingest.layout import FoldedLayout, Row, unknown_status

DOUYIN_STATUS: dict[str, OrderStatus] = {
    "待支付": OrderStatus.UNPAID,
    "待付款": OrderStatus.UNPAID,
    "待发货": OrderStatus.PAID,
    "备货中": OrderStatus.PAID,
    "部分发货": OrderStatus.SHIPPED,
    "已发货": OrderStatus.SHIPPED,
    "待收货": OrderStatus.SHIPPED,
    "已完成": OrderStatus.COMPLETED,
    "已关闭": OrderStatus.CLOSED,
    "已取消": OrderStatus.CLOSED,
}
# Least advanced first: an order is only as far along as its slowest open line.
_PROGRESS = (OrderStatus.UNPAID, OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED)

class _Line(NamedTuple):
    order: dict  # order values, read on every row, taken from the first
    line: LineRecord
    status: OrderStatus  # the line's status, normalised ...
    status_text: str  # ... and as written
    refunded: bool  # 售后状态 says the refund succeeded


COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("主订单编号",),
    "line_no": ("子订单编号",),
    "title": ("选购商品",),
    "spec": ("商品规格",),
    "quantity": ("商品数量",),
    "item_id": ("商品ID",),
    "sku": ("商家编码",),
    "price": ("商品单价", "商品金额"),
    "amount": ("订单应付金额",),
    "name": ("收件人",),
    "phone": ("收件人手机号",),
    "province": ("省",),
    "city": ("市",),
    "district": ("区",),
    "address": ("详细地址", "收件地址"),
    "created": ("订单提交时间",),
    "paid_at": ("支付完成时间",),
    "status": ("订单状态",),
    "after_sale": ("售后状态",),
}


class DouyinOrders(FoldedLayout, LineGrainedLayout[_Line]):
    key = "douyin_orders"
    platform = "douyin"
    kind = "orders"
    label_zh = "抖店 订单导出"
    label_en = "Douyin (抖店) order export"
    required_headers = ("主订单编号", "子订单编号", "选购商品", "订单应付金额", "订单状态")
    hint_headers = ("收件人", "收件人手机号", "售后状态", "订单提交时间", "支付完成时间", "商品数量", "达人昵称")
    column_spec = COLUMNS

    def _row(self, row: Row) -> _Line:
        status_text = row.text("status")
        status = DOUYIN_STATUS.get(status_text.replace(" ", "")) if status_text else None
        if status is None:
            raise unknown_status(row, "status")
        after_sale = row.text("after_sale")
        refunded = after_sale is not None and "退款成功" in after_sale
        amount = row.fen("amount")
        line = LineRecord(
            line_key=identifier(row, "line_no") or "",  # 子订单编号, checked as order numbers are
            title=row.text("title"),
            item_id=row.text("item_id"),
            sku=row.text("sku"),
            spec=row.text("spec"),
            quantity=row.quantity("quantity"),
            unit_price_fen=row.fen("price"),
            amount_fen=amount,
            status_text=status_text if not after_sale else f"{status_text}/{after_sale}",
        )
        if refunded and status == OrderStatus.CLOSED:
            line.refund_fen = amount or 0
        elif not refunded:
            line.refund_fen = 0
        order = {
            "created_at": row.datetime("created"),
            "paid_at": row.datetime("paid_at"),
            "receiver_name": row.text("name"),
            "receiver_phone": row.text("phone"),
            "province": row.text("province"),
            "city": row.text("city"),
            "address": row.text("address"),
        }
        return _Line(order, line, status, status_text, refunded)

    def _order(self, order_no: str, first_row: int, rows: list[_Line]) -> OrderRecord:
        order = rows[0].order
        lines = [r.line for r in rows]
        statuses = [r.status for r in rows]
        refunded = [r.refunded for r in rows]
        assign_line_keys(lines, lambda ln: ln.line_key)
        paid = sum(ln.amount_fen or 0 for ln in lines)
        status = _order_status(statuses)
        refund_fen, refund_state = _order_refund(lines, statuses, refunded, paid)
        province, city = _place(order["province"], order["city"], order["address"])
        return self.order_record(
            order_no,
            first_row,
            lines,
            receiver_name=order["receiver_name"],
            receiver_phone=order["receiver_phone"],
            province=province,
            city=city,
            address=order["address"],
            status=status,
            status_text="；".join(dict.fromkeys(r.status_text for r in rows)),
            created_at=order["created_at"],
            paid_at=order["paid_at"],
            paid_fen=paid,
            refund_fen=refund_fen,
            refund_state=refund_state,
        )


def _order_status(statuses: list[OrderStatus]) -> OrderStatus:
    open_ = [s for s in statuses if s != OrderStatus.CLOSED]
    if not open_:
        return OrderStatus.CLOSED
    return min(open_, key=_PROGRESS.index)


def _order_refund(
    lines: list[LineRecord], statuses: list[OrderStatus], refunded: list[bool], paid: int
) -> tuple[int | None, RefundState]:
    if not any(refunded):
        return 0, RefundState.NONE
    if all(s == OrderStatus.CLOSED for s in statuses):
        return paid, RefundState.FULL
    amounts = [ln.refund_fen for ln, r in zip(lines, refunded) if r]
    known = None if any(a is None for a in amounts) else sum(amounts)  # type: ignore[arg-type]
    return known, RefundState.PARTIAL


def _place(province: str | None, city: str | None, address: str | None) -> tuple[str | None, str | None]:
    """Province/city from the 省/市 columns, else from an unmasked, unencrypted address."""
    from_address = (None, None) if address is None or is_masked(address) else split_address(address)
    province_out = normalise_province(province) or from_address[0]
    city_out = city if city and not is_masked(city) else from_address[1]
    return province_out, city_out
