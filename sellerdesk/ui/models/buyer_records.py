"""One buyer's orders, order lines and refunds, as tables (personal data masked)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from sellerdesk.domain.masking import mask_name, mask_phone
from sellerdesk.services.customers import LineRow, OrderRow, RefundRow
from sellerdesk.ui import labels
from sellerdesk.ui.models.rows_model import Column, RowsModel

_O, _L, _R = "BuyerOrdersModel", "BuyerLinesModel", "BuyerRefundsModel"


def _text(value: str | None) -> str:
    return value or labels.MISSING


ORDER_COLUMNS: list[Column[OrderRow]] = [
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Order number"), lambda o: o.order_no),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Placed"), lambda o: _text((o.created_at or "")[:16]),
           lambda o: o.created_at or ""),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Status"), lambda o: _text(o.status_text or o.status)),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Paid"), lambda o: labels.money(o.paid_fen),
           lambda o: o.paid_fen or 0, numeric=True),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Refunded"), lambda o: labels.money(o.refund_fen),
           lambda o: o.refund_fen or 0, numeric=True),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Item"), lambda o: _text(o.title), tooltip=lambda o: o.title),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Platform"), lambda o: labels.platform_name(o.platform)),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Shop"), lambda o: _text(o.shop)),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Receiver"), lambda o: mask_name(o.receiver_name)),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "Receiver phone"), lambda o: mask_phone(o.receiver_phone)),
    Column(_O, QT_TRANSLATE_NOOP("BuyerOrdersModel", "City"), lambda o: _text(o.city)),
]

LINE_COLUMNS: list[Column[LineRow]] = [
    Column(_L, QT_TRANSLATE_NOOP("BuyerLinesModel", "Order number"), lambda li: li.order_no),
    Column(_L, QT_TRANSLATE_NOOP("BuyerLinesModel", "Item"), lambda li: _text(li.title),
           tooltip=lambda li: li.title),
    Column(_L, QT_TRANSLATE_NOOP("BuyerLinesModel", "SKU"), lambda li: _text(li.sku)),
    Column(_L, QT_TRANSLATE_NOOP("BuyerLinesModel", "Spec"), lambda li: _text(li.spec)),
    Column(_L, QT_TRANSLATE_NOOP("BuyerLinesModel", "Quantity"), lambda li: labels.count(li.quantity),
           lambda li: li.quantity or 0, numeric=True),
    Column(_L, QT_TRANSLATE_NOOP("BuyerLinesModel", "Amount"), lambda li: labels.money(li.amount_fen),
           lambda li: li.amount_fen or 0, numeric=True),
    Column(_L, QT_TRANSLATE_NOOP("BuyerLinesModel", "Status"), lambda li: _text(li.status_text)),
]

REFUND_COLUMNS: list[Column[RefundRow]] = [
    Column(_R, QT_TRANSLATE_NOOP("BuyerRefundsModel", "Order number"), lambda r: r.order_no),
    Column(_R, QT_TRANSLATE_NOOP("BuyerRefundsModel", "Refund number"), lambda r: r.refund_no),
    Column(_R, QT_TRANSLATE_NOOP("BuyerRefundsModel", "Applied"), lambda r: _text((r.applied_at or "")[:16]),
           lambda r: r.applied_at or ""),
    Column(_R, QT_TRANSLATE_NOOP("BuyerRefundsModel", "Status"), lambda r: _text(r.status)),
    Column(_R, QT_TRANSLATE_NOOP("BuyerRefundsModel", "Amount"), lambda r: labels.money(r.amount_fen),
           lambda r: r.amount_fen or 0, numeric=True),
    Column(_R, QT_TRANSLATE_NOOP("BuyerRefundsModel", "Item"), lambda r: _text(r.title), tooltip=lambda r: r.title),
    Column(_R, QT_TRANSLATE_NOOP("BuyerRefundsModel", "Reason"), lambda r: _text(r.reason),
           tooltip=lambda r: r.reason),
]


class BuyerOrdersModel(RowsModel[OrderRow]):
    def __init__(self, parent: QObject | None = None):
        super().__init__(ORDER_COLUMNS, (), parent)


class BuyerLinesModel(RowsModel[LineRow]):
    def __init__(self, parent: QObject | None = None):
        super().__init__(LINE_COLUMNS, (), parent)


class BuyerRefundsModel(RowsModel[RefundRow]):
    def __init__(self, parent: QObject | None = None):
        super().__init__(REFUND_COLUMNS, (), parent)
