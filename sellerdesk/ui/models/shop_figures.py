"""The headline figures per platform and shop (one SummaryRow each)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from sellerdesk.services.overview import SummaryRow
from sellerdesk.ui import labels
from sellerdesk.ui.models.rows_model import Column, RowsModel

_C = "ShopFiguresModel"


def _unknown_tip(value) -> Callable:
    return lambda r: labels.refunds_unknown_tip() if value(r) is None else None


def _or_minus(value) -> Callable:
    return lambda r: -1 if value(r) is None else value(r)


def _repeat_share(r: SummaryRow) -> float:
    return r.repeat_buyers / r.buyers if r.buyers else 0.0


COLUMNS: list[Column[SummaryRow]] = [
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Platform"), lambda r: labels.platform_name(r.platform)),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Shop"), lambda r: labels.shop_name(r.shop)),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Orders"), lambda r: labels.count(r.orders),
           lambda r: r.orders, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Countable orders"), lambda r: labels.count(r.countable_orders),
           lambda r: r.countable_orders, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Buyers"), lambda r: labels.count(r.buyers),
           lambda r: r.buyers, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Repeat buyers"), lambda r: labels.count(r.repeat_buyers),
           lambda r: r.repeat_buyers, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Repeat share"),
           lambda r: labels.share(r.repeat_buyers, r.buyers),
           _repeat_share, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Paid total"), lambda r: labels.money(r.paid_fen),
           lambda r: r.paid_fen, numeric=True),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Net total"), lambda r: labels.money(r.net_fen),
           _or_minus(lambda r: r.net_fen), numeric=True, tooltip=_unknown_tip(lambda r: r.net_fen)),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Refunds"), lambda r: labels.money(r.refund_fen),
           _or_minus(lambda r: r.refund_fen), numeric=True, tooltip=_unknown_tip(lambda r: r.refund_fen)),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Refunded orders"), lambda r: labels.count(r.refunded_orders),
           _or_minus(lambda r: r.refunded_orders), numeric=True, tooltip=_unknown_tip(lambda r: r.refunded_orders)),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "First order"), lambda r: labels.day(r.first_order_at),
           lambda r: r.first_order_at or ""),
    Column(_C, QT_TRANSLATE_NOOP("ShopFiguresModel", "Last order"), lambda r: labels.day(r.last_order_at),
           lambda r: r.last_order_at or ""),
]
(PLATFORM, SHOP, ORDERS, COUNTABLE, BUYERS, REPEAT, REPEAT_SHARE, PAID, NET, REFUNDS, REFUNDED_ORDERS, FIRST,
 LAST) = range(len(COLUMNS))


class ShopFiguresModel(RowsModel[SummaryRow]):
    def __init__(self, rows: Sequence[SummaryRow] = (), parent: QObject | None = None):
        super().__init__(COLUMNS, rows, parent)
