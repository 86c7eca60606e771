"""The shop at a glance: figures in total and per platform/shop, and the imports done."""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.services.shop import ShopFile
from sellerdesk.store.imports_log import ImportLogEntry, list_imports
from sellerdesk.store.summary import SummaryRow, read_summary

__all__ = ["Overview", "SummaryRow", "ImportLogEntry", "load_overview"]


@dataclass(frozen=True)
class Overview:
    total: SummaryRow
    shops: list[SummaryRow]
    imports: list[ImportLogEntry]

    @property
    def empty(self) -> bool:
        return self.total.orders == 0


def load_overview(shop: ShopFile) -> Overview:
    store = shop.open()
    try:
        total, shops = read_summary(store.conn)
        return Overview(total, shops, list_imports(store.conn))
    finally:
        store.close()
