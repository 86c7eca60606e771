"""Taobao/Tmall legacy item report (宝贝报表, ExportOrderDetailList*.csv): one row per line item.

Same GBK text and `="..."` order numbers as the order report; every data row
ends with a trailing comma (an 11th, empty column). 价格 is the list unit price,
not the paid share, and 订单状态 is per line (a refunded line of a partly
refunded order reads 交易关闭 while the order reads 交易成功).

The file knows lines only: each order it yields carries its lines, item count
and title summary, and leaves buyer, money and order status None so the store
keeps what the order report said.
"""

from __future__ import annotations

from sellerdesk.domain.orders import LineRecord, OrderRecord
from sellerdesk.ingest.grouping import LineGrainedLayout
from sellerdesk.ingest.identifiers import assign_line_keys
from sellerdesk.ingest.layout import Row

COLUMNS = {
    "order_no": ("订单编号",),
    "title": ("标题",),
    "price": ("价格",),
    "quantity": ("购买数量",),
    "spec": ("商品属性",),
    "status": ("订单状态",),
    "sku": ("商家编码",),
}


class TaobaoItemsCsv(LineGrainedLayout[LineRecord]):
    key = "taobao_items"
    platform = "taobao"
    kind = "lines"
    label_zh = "淘宝/天猫 宝贝报表"
    label_en = "Taobao/Tmall item report"
    required_headers = ("订单编号", "标题", "价格", "购买数量")
    hint_headers = ("商品属性", "套餐信息", "外部系统编号", "商家编码", "订单状态", "备注")
    # A workbook re-save of the same report reads the same way.
    spreadsheet = None
    column_spec = COLUMNS

    def _row(self, row: Row) -> LineRecord:
        return LineRecord(
            line_key="",
            title=row.text("title"),
            sku=row.text("sku"),
            spec=row.text("spec"),
            quantity=row.quantity("quantity"),
            unit_price_fen=row.fen("price"),
            status_text=row.text("status"),
        )

    def _order(self, order_no: str, first_row: int, lines: list[LineRecord]) -> OrderRecord:
        # The item report has no sub-order number: '<sku or title>|<spec>#<n>', n
        # counting identical lines of the order from 1. The key does not depend on
        # where the order's rows sit in the file, so a re-export updates the same lines.
        assign_line_keys(lines, lambda ln: f"{ln.sku or ln.title or ''}|{ln.spec or ''}", number_first=True)
        return self.order_record(order_no, first_row, lines, summarise=False)
