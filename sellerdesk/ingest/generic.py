"""Any other CSV/XLSX: the user maps columns once; the mapping is kept per header set.

A mapping is {field: header}, e.g. {"order_no": "订单号", "paid": "实付金额"}.
Special keys: "_platform" names the source (default "generic"; buyers are
per platform), "_amounts" is "order" (order amounts repeated on each row of
a multi-row order: taken once) or "line" (per-row amounts: summed).

Rows are gathered by order number as in every line-grained layout (grouping.py):
an order is written whole, or rejected whole when any of its rows is broken.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sellerdesk.domain.address import normalise_province, split_address
from sellerdesk.domain.errors import FileImportError
from sellerdesk.domain.orders import LineRecord, OrderRecord, OrderStatus, RefundState
from sellerdesk.ingest.grouping import LineGrainedLayout
from sellerdesk.ingest.layout import Row, unknown_status

# field -> (Chinese label, English label); order_no is the only required one.
FIELDS: dict[str, tuple[str, str]] = {
    "order_no": ("订单编号", "Order number"),
    "buyer": ("买家账号", "Buyer account"),
    "receiver_name": ("收货人", "Receiver name"),
    "phone": ("手机号", "Phone"),
    "created_at": ("下单时间", "Order time"),
    "paid_at": ("付款时间", "Payment time"),
    "status": ("订单状态", "Order status"),
    "paid": ("实付金额", "Amount paid"),
    "shipping": ("运费", "Shipping fee"),
    "refund": ("退款金额", "Refund amount"),
    "title": ("商品名称", "Item title"),
    "sku": ("商品编码", "Item code (SKU)"),
    "quantity": ("数量", "Quantity"),
    "province": ("省份", "Province"),
    "city": ("城市", "City"),
    "address": ("收货地址", "Address"),
    "shop": ("店铺", "Shop"),
}
REQUIRED = ("order_no",)

# The status words of every platform, and the plain words people type.
STATUS_WORDS: dict[str, OrderStatus] = {
    **dict.fromkeys(("等待买家付款", "待付款", "待支付", "未付款", "等待付款", "unpaid"), OrderStatus.UNPAID),
    **dict.fromkeys(("已付款", "待发货", "等待卖家发货", "买家已付款，等待卖家发货", "等待出库", "备货中", "paid"),
                    OrderStatus.PAID),
    **dict.fromkeys(("已发货", "待收货", "卖家已发货，等待买家确认", "等待确认收货", "等待买家收货", "已发货，待签收",
                     "shipped"), OrderStatus.SHIPPED),
    **dict.fromkeys(("交易成功", "已完成", "完成", "已签收", "已收货", "completed", "done"), OrderStatus.COMPLETED),
    **dict.fromkeys(("交易关闭", "已取消", "取消", "已关闭", "交易取消", "交易终止", "closed", "cancelled"),
                    OrderStatus.CLOSED),
}
REFUNDED_WORDS = ("退款成功", "已退款", "全额退款", "refunded")


class MappingError(FileImportError):
    """The column mapping does not fit the file."""


def parse_mapping(text: str) -> dict[str, str]:
    """`--map` value: a JSON file path, a JSON object, or 'order_no=订单号,paid=实付金额'."""
    text = text.strip()
    if text.startswith("{"):
        return json.loads(text)
    if text.endswith(".json") and Path(text).exists():
        return json.loads(Path(text).read_text(encoding="utf-8"))
    mapping: dict[str, str] = {}
    for part in text.split(","):
        key, sep, header = part.partition("=")
        if not sep:
            raise ValueError(f"expected field=header, got {part!r}")
        mapping[key.strip()] = header.strip()
    return mapping


@dataclass(slots=True)
class _Row:
    """One row's values; an order takes most of them from its first row."""

    order: dict | None  # buyer, receiver and shop: read on an order's first row only
    paid: int | None
    shipping: int | None
    refund: int | None
    created_at: str | None
    paid_at: str | None
    quantity: int | None
    status: OrderStatus
    status_text: str | None
    refund_state: RefundState | None
    title: str | None
    sku: str | None


class GenericLayout(LineGrainedLayout[_Row]):
    key = "generic"
    platform = "generic"
    kind = "orders"
    label_zh = "通用表格（手动对应列）"
    label_en = "Generic table (mapped columns)"
    required_headers = ()

    def __init__(self, mapping: dict[str, str], headers: list[str]):
        unknown = [k for k in mapping if not k.startswith("_") and k not in FIELDS]
        missing = [h for k, h in mapping.items() if not k.startswith("_") and h and h not in headers]
        if unknown or missing or not mapping.get("order_no"):
            zh = "列对应不适用于这个文件：" + "、".join(
                [f"未知字段 {k}" for k in unknown] + [f"没有列 {h}" for h in missing]
                + ([] if mapping.get("order_no") else ["必须指定订单编号列"]))
            en = "The column mapping does not fit this file: " + ", ".join(
                [f"unknown field {k}" for k in unknown] + [f"no column {h}" for h in missing]
                + ([] if mapping.get("order_no") else ["the order number column is required"]))
            raise MappingError("", zh, en)
        self.mapping = mapping
        self.platform = mapping.get("_platform", "generic") or "generic"
        self.per_line = mapping.get("_amounts", "order") == "line"
        self.column_spec = {k: (h,) for k, h in mapping.items() if not k.startswith("_") and h}

    def _row(self, row: Row) -> _Row:
        paid, shipping, refund = row.fen("paid"), row.fen("shipping"), row.fen("refund")
        created, paid_at, quantity = row.datetime("created_at"), row.datetime("paid_at"), row.quantity("quantity")
        status_text = row.text("status")
        status, refund_state = _status(status_text, paid_at, paid, refund, row)
        return _Row(None, paid, shipping, refund, created, paid_at, quantity, status, status_text, refund_state,
                    row.text("title"), row.text("sku"))

    def _first_row(self, row: Row) -> _Row:
        first = self._row(row)
        address = row.text("address")
        province, city = split_address(address)
        first.order = {
            "shop": row.text("shop"),
            "buyer_account": row.text("buyer"),
            "receiver_name": row.text("receiver_name"),
            "receiver_phone": row.text("phone"),
            "province": normalise_province(row.text("province")) or province,
            "city": row.text("city") or city,
            "address": address,
        }
        return first

    def _order(self, order_no: str, first_row: int, rows: list[_Row]) -> OrderRecord:
        first = rows[0]
        rec = OrderRecord(
            platform=self.platform, order_no=order_no, row=first_row, **first.order,  # type: ignore[arg-type]
            status=first.status, status_text=first.status_text, created_at=first.created_at, paid_at=first.paid_at,
            paid_fen=first.paid, shipping_fen=first.shipping, refund_fen=first.refund,
            refund_state=first.refund_state, title=first.title,
        )
        for r in rows[1:] if self.per_line else ():
            rec.paid_fen = _add(rec.paid_fen, r.paid)
            rec.refund_fen = _add(rec.refund_fen, r.refund)
            if rec.refund_state is not None and rec.refund_fen:
                rec.refund_state = RefundState.FULL if rec.status == OrderStatus.CLOSED else RefundState.PARTIAL
        for r in rows:
            if r.title or r.sku:
                rec.lines.append(LineRecord(line_key=f"{len(rec.lines) + 1}", title=r.title, sku=r.sku,
                                            quantity=r.quantity, amount_fen=r.paid if self.per_line else None))
        if rec.lines:
            rec.item_count = sum(ln.quantity or 1 for ln in rec.lines)
        return rec


def _status(text: str | None, paid_at: str | None, paid: int | None, refund: int | None,
            row: Row) -> tuple[OrderStatus, RefundState | None]:
    refund_state = None if refund is None else (RefundState.PARTIAL if refund else RefundState.NONE)
    if text is None:
        status = OrderStatus.PAID if paid_at or (paid or 0) > 0 else OrderStatus.UNPAID
        return status, refund_state
    if any(w in text for w in REFUNDED_WORDS):
        return OrderStatus.CLOSED, RefundState.FULL
    status = STATUS_WORDS.get(text.replace(",", "，").strip()) or STATUS_WORDS.get(text.strip().lower())
    if status is None:
        raise unknown_status(row, "status")
    if status == OrderStatus.CLOSED and refund and refund_state is not None:
        refund_state = RefundState.FULL
    return status, refund_state


def _add(a: int | None, b: int | None) -> int | None:
    return b if a is None else a + (b or 0)
