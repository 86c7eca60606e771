"""Taobao/Tmall order status words, shared by the order, item and xlsx layouts."""

from __future__ import annotations

from sellerdesk.domain.orders import OrderStatus

# Half-width commas are normalised to the full-width form before lookup.
TAOBAO_STATUS: dict[str, OrderStatus] = {
    "等待买家付款": OrderStatus.UNPAID,
    "买家已付款，等待卖家发货": OrderStatus.PAID,
    "等待卖家发货": OrderStatus.PAID,
    "卖家部分发货": OrderStatus.SHIPPED,
    "卖家已发货，等待买家确认": OrderStatus.SHIPPED,
    "卖家已发货，等待买家确认收货": OrderStatus.SHIPPED,
    "等待买家确认收货": OrderStatus.SHIPPED,
    "交易成功": OrderStatus.COMPLETED,
    "交易关闭": OrderStatus.CLOSED,
    "交易被淘宝关闭": OrderStatus.CLOSED,
    "付款以后用户退款成功，交易自动关闭": OrderStatus.CLOSED,
}


def taobao_status(text: str) -> OrderStatus | None:
    return TAOBAO_STATUS.get(text.replace(",", "，").strip())
