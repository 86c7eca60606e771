"""1688 (阿里巴巴 工作台 → 订单导出): xlsx, one row per 货品 line.

On continuation rows of a multi-line order, 订单编号 and the order columns
(money, status, buyer, receiver) are blank: in the export they are vertically
merged cells, and calamine reports a merged block's value on its top row only.
A blank 订单编号 therefore means "same order as the row above", whether or not
the cells are really merged (a file re-saved without merges reads the same).
A continuation row with no order above it is rejected.

Order values come from an order's first row; a later row that repeats them
(an export without merges) is still checked, so a broken cell there rejects
the order. Buyer = 买家会员名. No refund information: the refund fields stay None.
"""

from __future__ import annotations

from sellerdesk.domain.address import split_address
from sellerdesk.domain.orders import LineRecord, OrderRecord, OrderStatus
from sellerdesk.ingest.cells import clean
from sellerdesk.ingest.grouping import LineGrainedLayout
from sellerdesk.ingest.identifiers import assign_line_keys
from sellerdesk.ingest.layout import BadCell, FoldedLayout, Row, unknown_status

STATUS_1688: dict[str, OrderStatus] = {
    "等待买家付款": OrderStatus.UNPAID,
    "等待卖家发货": OrderStatus.PAID,
    "等待买家收货": OrderStatus.SHIPPED,
    "等待买家确认收货": OrderStatus.SHIPPED,
    "卖家已发货": OrderStatus.SHIPPED,
    "部分发货": OrderStatus.SHIPPED,
    "已收货": OrderStatus.COMPLETED,
    "交易成功": OrderStatus.COMPLETED,
    "交易取消": OrderStatus.CLOSED,
    "交易终止": OrderStatus.CLOSED,
    "交易关闭": OrderStatus.CLOSED,
}

COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单编号",),
    "account": ("买家会员名",),
    "seller_company": ("卖家公司名",),
    "seller": ("卖家会员名",),
    "goods": ("货品总价(元)",),
    "shipping": ("运费(元)",),
    "paid": ("实付款(元)",),
    "status": ("订单状态",),
    "created": ("订单创建时间",),
    "paid_at": ("订单付款时间",),
    "name": ("收货人姓名",),
    "address": ("收货地址",),
    "mobile": ("联系手机",),
    "tel": ("联系电话",),
    "title": ("货品标题",),
    "price": ("单价(元)",),
    "quantity": ("数量",),
    "model": ("型号",),
    "offer": ("Offer ID", "OfferID"),
    "sku_id": ("SKU ID", "SKUID"),
    "sku": ("单品货号", "货号"),
}


class Alibaba1688Orders(FoldedLayout, LineGrainedLayout[tuple[dict, LineRecord]]):
    key = "1688_orders"
    platform = "1688"
    kind = "orders"
    label_zh = "1688 订单导出"
    label_en = "1688 order export"
    required_headers = ("订单编号", "买家会员名", "订单状态", "实付款(元)", "货品标题")
    hint_headers = ("卖家会员名", "货品总价(元)", "单价(元)", "数量", "OfferID", "订单创建时间", "收货人姓名")
    spreadsheet = True
    column_spec = COLUMNS
    blank_order_continues = True  # merged order cells: see the module docstring

    def _first_row(self, row: Row) -> tuple[dict, LineRecord]:
        """An order's first row carries its order values: the status at least."""
        if not row.text("status"):
            raise BadCell(row.cols.header["status"], "缺少订单状态", "order status is missing")
        return self._row(row)

    def _row(self, row: Row) -> tuple[dict, LineRecord]:
        """The row's order values (None on continuation rows) and its line."""
        status_text = row.text("status")
        status = None
        if status_text:
            status = STATUS_1688.get(status_text.replace(" ", ""))
            if status is None:
                raise unknown_status(row, "status")
        order = {
            "status": status,
            "status_text": status_text,
            "created_at": row.datetime("created"),
            "paid_at": row.datetime("paid_at"),
            "goods_fen": row.fen("goods"),
            "shipping_fen": row.fen("shipping"),
            "paid_fen": row.fen("paid"),
            "buyer_account": row.text("account"),
            "shop": row.text("seller_company") or row.text("seller"),
            "receiver_name": row.text("name"),
            "receiver_phone": row.text("mobile") or row.text("tel"),
            "address": row.text("address"),
        }
        offer, sku_id = row.text("offer"), row.text("sku_id")
        line = LineRecord(
            line_key=f"{offer or ''}/{sku_id}" if sku_id else (offer or ""),
            title=row.text("title"),
            item_id=offer,
            sku=row.text("sku"),
            spec=row.text("model"),
            quantity=_quantity(row),
            unit_price_fen=row.fen("price"),
        )
        return order, line

    def _order(self, order_no: str, first_row: int, rows: list[tuple[dict, LineRecord]]) -> OrderRecord:
        order = rows[0][0]
        lines = [line for _, line in rows if line.title or line.item_id or line.quantity is not None]
        assign_line_keys(lines, lambda ln: ln.line_key)
        province, city = split_address(order["address"])
        return self.order_record(order_no, first_row, lines, province=province, city=city, **order)


def _quantity(row: Row) -> int | None:
    """Whole pieces; a fractional quantity (千克, 米) is kept as unknown rather than rounded."""
    raw = row.raw("quantity")
    if isinstance(raw, float) and not raw.is_integer():
        return None
    whole, dot, frac = clean(raw).replace(",", "").partition(".")
    if dot and whole.isdigit() and frac.isdigit() and frac.strip("0"):
        return None
    return row.quantity("quantity")
