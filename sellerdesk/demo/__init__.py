"""The demo shop: a deterministic model of two years of a small shop, written as real export files.

Sits beside ingest/store (it may import sellerdesk.domain only); services.demo
imports the files it writes through the real import path.
"""

from sellerdesk.demo.bulk import write_taobao_orders_csv, write_taobao_suborders_xlsx
from sellerdesk.demo.figures import Figures, expected_figures
from sellerdesk.demo.shop_model import DEFAULT_TODAY, ShopModel, build_shop_model
from sellerdesk.demo.writers import write_demo_exports, write_model_exports

__all__ = [
    "DEFAULT_TODAY", "Figures", "ShopModel", "build_shop_model", "expected_figures", "write_demo_exports",
    "write_model_exports", "write_taobao_orders_csv", "write_taobao_suborders_xlsx",
]
