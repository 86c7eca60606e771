"""Which layout a file is: recognised from its header names alone."""

from __future__ import annotations

import hashlib

from sellerdesk.domain.errors import FileImportError
from sellerdesk.ingest.layout import Layout
from sellerdesk.ingest.table import Table


def all_layouts() -> list[type[Layout]]:
    # Imported here so that importing the registry stays cheap.
    from sellerdesk.ingest import (
        alibaba1688,
        douyin,
        jd,
        pdd,
        taobao_items,
        taobao_orders,
        taobao_refunds,
        taobao_xlsx,
    )

    return [
        taobao_orders.TaobaoOrdersCsv,
        taobao_items.TaobaoItemsCsv,
        taobao_xlsx.TaobaoSubOrdersXlsx,
        taobao_refunds.TaobaoRefunds,
        jd.JdOrders,
        pdd.PddOrders,
        alibaba1688.Alibaba1688Orders,
        douyin.DouyinOrders,
    ]


def layout_by_key(key: str) -> Layout:
    return next(layout for layout in all_layouts() if layout.key == key)()


class UnknownLayoutError(FileImportError):
    """No built-in layout fits: the user can map the columns (generic import)."""

    def __init__(self, file: str, headers: list[str]):
        shown = "、".join(h for h in headers[:8] if h)
        super().__init__(
            file,
            f"无法识别这个文件的格式（表头：{shown}…）。支持淘宝/天猫、京东、拼多多、1688、抖店的订单导出；"
            "其他文件可以手动对应列后导入。",
            f"Unknown file layout (headers: {shown}...). Supported: Taobao/Tmall, JD, Pinduoduo, 1688 and "
            "Douyin order exports; any other file can be imported by mapping its columns.",
        )
        self.headers = headers


def header_signature(headers: list[str]) -> str:
    """A stable key for a set of headers, to remember a column mapping."""
    names = sorted({h for h in headers if h})
    return hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()[:16]


def detect(table: Table, platform: str = "auto") -> Layout:
    """The best-matching layout for the table, or UnknownLayoutError."""
    headers = {h for h in table.headers if h}
    is_sheet = table.encoding is None
    best, best_score = None, 0
    for layout in all_layouts():
        if platform not in ("auto", layout.platform):
            continue
        s = layout.score(headers, is_sheet)
        if s > best_score:
            best, best_score = layout, s
    if best is None:
        raise UnknownLayoutError(table.name, table.headers)
    return best()
