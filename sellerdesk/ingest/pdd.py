"""Pinduoduo (拼多多商家后台 → 订单查询 → 导出): UTF-8 (BOM) CSV, one row per order.

A PDD order holds one SKU with 商品数量(件) >= 1. Cells may be a lone tab or
carry a tab prefix (Excel text trick), money may carry thousands separators,
and some cuts write headers with full-width parentheses (商品总价（元）).

Refunds: the export has no refund amount. `…，退款成功` in 订单状态 is a full
refund (CLOSED, refund = what was paid); 已取消 with 售后状态 退款成功 likewise.
售后状态 退款成功 on an order that is still open or signed for (待发货, 已发货，
待签收, 已签收) is taken as a PARTIAL refund of unknown amount: a full refund
turns 订单状态 into `…，退款成功`, so a refund that left the status alone did not
return everything. Any other after-sales state moved no money: NONE, 0.

Buyer identity: no buyer account in the file; receiver name (收货人) and phone
(手机, usually hidden as a lone tab) as written, through OrderRecord.buyer_key().
"""

from __future__ import annotations

import re
from datetime import date

from sellerdesk.domain.address import normalise_province
from sellerdesk.domain.masking import is_masked
from sellerdesk.domain.orders import LineRecord, OrderRecord, OrderStatus, RefundState
from sellerdesk.ingest.identifiers import assign_line_keys, order_number
from sellerdesk.ingest.layout import FoldedLayout, Row, RowLayout, unknown_status

PDD_STATUS: dict[str, OrderStatus] = {
    "待支付": OrderStatus.UNPAID,
    "待付款": OrderStatus.UNPAID,
    "待发货": OrderStatus.PAID,
    "已发货，待签收": OrderStatus.SHIPPED,
    "已发货": OrderStatus.SHIPPED,
    "待签收": OrderStatus.SHIPPED,
    "已签收": OrderStatus.COMPLETED,
    "已取消": OrderStatus.CLOSED,
}
REFUNDED_SUFFIX = "退款成功"  # 未发货，退款成功 / 已发货，退款成功


def pdd_status(text: str) -> tuple[OrderStatus | None, bool]:
    """(status, fully refunded by the status text itself)."""
    t = text.replace(",", "，").replace(" ", "")
    if t.endswith(REFUNDED_SUFFIX):
        return OrderStatus.CLOSED, True
    return PDD_STATUS.get(t), False


def pdd_refund(
    status: OrderStatus, refunded_by_status: bool, after_sale: str | None, paid: int | None
) -> tuple[int | None, RefundState]:
    """(refund_fen, refund_state) from 订单状态 and 售后状态."""
    refund_success = after_sale is not None and REFUNDED_SUFFIX in after_sale
    if refunded_by_status or (status == OrderStatus.CLOSED and refund_success):
        return paid, RefundState.FULL
    if refund_success and status in (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED):
        return None, RefundState.PARTIAL
    return 0, RefundState.NONE


_ORDER_DATE = re.compile(r"^(\d{2})(\d{2})(\d{2})-\d+$")


def date_from_order_no(order_no: str) -> str | None:
    """'260517-607198974342268' -> '2026-05-17 00:00:00' (the date prefix)."""
    m = _ORDER_DATE.match(order_no)
    if not m:
        return None
    try:
        day = date(2000 + int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return day.strftime("%Y-%m-%d 00:00:00")


COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单号",),
    "title": ("商品",),
    "status": ("订单状态",),
    "goods": ("商品总价(元)",),
    "shipping": ("邮费(元)",),
    "paid": ("用户实付金额(元)",),
    "quantity": ("商品数量(件)",),
    "name": ("收货人",),
    "phone": ("手机",),
    "province": ("省",),
    "city": ("市",),
    "district": ("区",),
    "street": ("街道",),
    "deal_at": ("订单成交时间",),
    "paid_at": ("支付时间",),
    "item_id": ("商品id", "商品ID"),
    "spec": ("商品规格",),
    "sku": ("商家编码-规格维度", "商家编码-SKU维度"),
    "after_sale": ("售后状态",),
}


class PddOrders(FoldedLayout, RowLayout):
    key = "pdd_orders"
    platform = "pdd"
    kind = "orders"
    label_zh = "拼多多 订单导出"
    label_en = "Pinduoduo order export"
    required_headers = ("订单号", "订单状态", "用户实付金额(元)", "商品数量(件)")
    hint_headers = ("商品", "商品总价(元)", "收货人", "售后状态", "商品id", "订单成交时间", "商家实收金额(元)")
    column_spec = COLUMNS

    def _record(self, row: Row) -> OrderRecord:
        order_no = order_number(row, "order_no")
        status_text = row.text("status")
        status, refunded_by_status = pdd_status(status_text) if status_text else (None, False)
        if status is None:
            raise unknown_status(row, "status")
        deal_at = row.datetime("deal_at")
        paid_at = row.datetime("paid_at")
        goods = row.fen("goods")
        shipping = row.fen("shipping")
        paid = row.fen("paid")
        quantity = row.quantity("quantity")
        refund_fen, refund_state = pdd_refund(status, refunded_by_status, row.text("after_sale"), paid)

        province_text, city_text = row.text("province"), row.text("city")
        parts = [row.text(k) for k in ("province", "city", "district", "street")]
        item_id = row.text("item_id")
        title = row.text("title")
        unit_price = goods // quantity if goods is not None and quantity and goods % quantity == 0 else None
        line = LineRecord(
            line_key="",
            title=title,
            item_id=item_id,
            sku=row.text("sku"),
            spec=row.text("spec"),
            quantity=quantity,
            unit_price_fen=unit_price,
            amount_fen=paid,
            status_text=status_text,
        )
        assign_line_keys([line], lambda ln: ln.item_id)
        return OrderRecord(
            platform="pdd",
            order_no=order_no,
            row=row.no,
            receiver_name=row.text("name"),
            receiver_phone=row.text("phone"),
            province=normalise_province(province_text),
            city=None if city_text is None or is_masked(city_text) else city_text,
            address=" ".join(p for p in parts if p) or None,
            status=status,
            status_text=status_text,
            created_at=deal_at or paid_at or date_from_order_no(order_no),
            paid_at=paid_at,
            goods_fen=goods,
            shipping_fen=shipping,
            paid_fen=paid,
            refund_fen=refund_fen,
            refund_state=refund_state,
            item_count=quantity,
            title=title,
            lines=[line],
        )
