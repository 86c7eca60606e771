"""Write the demo shop as the real platform export files, named as the back ends name them.

One set per platform (Taobao: per shop, with its item and refund reports),
shaped exactly as EXPORT-FORMATS.md describes, so importing them goes through
the same parsers as a user's own files.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sellerdesk.demo.douyin_1688_files import write_1688_orders, write_douyin_orders
from sellerdesk.demo.jd_pdd_files import write_jd_orders, write_pdd_orders
from sellerdesk.demo.pools import KITCHEN_SHOP, TEA_SHOP
from sellerdesk.demo.shop_model import ShopModel, build_shop_model
from sellerdesk.demo.taobao_files import write_taobao_items, write_taobao_orders, write_taobao_refunds

PDD_SHOP_ID = "931601647"


def export_plan(model: ShopModel) -> list[tuple[str, Callable[[Path, list], Path], list]]:
    """(file name, writer, orders) for every file of the demo shop, in import order."""
    t = model.export_time
    stamp = f"{t:%Y%m%d%H%M}"
    plan: list[tuple[str, Callable[[Path, list], Path], list]] = []
    for n, shop in enumerate((KITCHEN_SHOP, TEA_SHOP)):
        orders = model.orders_of("taobao", shop)
        shop_stamp = f"{t:%Y%m%d%H}{t.minute + n:02d}"
        plan.append((f"ExportOrderList{shop_stamp}.csv", write_taobao_orders, orders))
        plan.append((f"ExportOrderDetailList{shop_stamp}.csv", write_taobao_items, orders))
    for shop in (KITCHEN_SHOP, TEA_SHOP):
        refunds = [o for o in model.orders_of("taobao", shop) if o.refunds]
        if refunds:
            plan.append((f"退款报表-{shop}-{t:%Y%m%d}.xlsx", write_taobao_refunds, refunds))
    plan.append((f"京东订单导出_{stamp}.csv", write_jd_orders, model.orders_of("jd")))
    plan.append((f"{PDD_SHOP_ID}orders_export{t:%Y-%m-%d-%H-%M-%S}.csv", write_pdd_orders, model.orders_of("pdd")))
    plan.append((f"抖店订单导出_{stamp}.csv", write_douyin_orders, model.orders_of("douyin")))
    plan.append((f"1688订单导出_{stamp}.xlsx", write_1688_orders, model.orders_of("1688")))
    return [(name, writer, orders) for name, writer, orders in plan if orders]


def write_model_exports(model: ShopModel, folder: str | Path,
                        on_file: Callable[[int, int, str], None] | None = None) -> list[Path]:
    """Write every export file of the model into folder; returns the paths in import order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    plan = export_plan(model)
    paths = []
    for i, (name, writer, orders) in enumerate(plan):
        if on_file is not None:
            on_file(i, len(plan), name)
        paths.append(writer(folder / name, orders))
    return paths


def write_demo_exports(folder: str | Path, buyers: int = 2000, seed: int = 7,
                       today: date | None = None) -> list[Path]:
    """Build the demo shop for (buyers, seed, today) and write its export files."""
    return write_model_exports(build_shop_model(buyers, seed, today), folder)
