"""Table models of after-sales cases and of the figures' rows (reasons, items, buyers at risk)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from sellerdesk.domain.cases import AtRiskBuyer, Case, ItemRate
from sellerdesk.domain.scripts import REASON_BY_KEY
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.models.rows_model import Column, RowsModel

_C = "CasesModel"


def reason_name(key: str | None) -> str:
    topic = REASON_BY_KEY.get(key or "")
    return topic.name(lang()) if topic else (key or "")


def _outcome(case: Case) -> str:
    return case.outcome.label(lang()) if case.outcome else ""


CASE_COLUMNS: list[Column[Case]] = [
    Column(
        _C,
        QT_TRANSLATE_NOOP("CasesModel", "Logged"),
        lambda c: f"{c.created_at:%Y-%m-%d %H:%M}",
        lambda c: c.created_at,
    ),
    Column(_C, QT_TRANSLATE_NOOP("CasesModel", "Order number"), lambda c: c.order_no),
    Column(_C, QT_TRANSLATE_NOOP("CasesModel", "Reason"), lambda c: reason_name(c.reason)),
    Column(_C, QT_TRANSLATE_NOOP("CasesModel", "Item"), lambda c: c.item_title or "", tooltip=lambda c: c.item_title),
    Column(_C, QT_TRANSLATE_NOOP("CasesModel", "Offered"), lambda c: c.offered, tooltip=lambda c: c.offered),
    Column(_C, QT_TRANSLATE_NOOP("CasesModel", "Outcome"), _outcome),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CasesModel", "Cost"),
        lambda c: labels.money(c.cost_fen),
        lambda c: c.cost_fen,
        numeric=True,
    ),
    Column(_C, QT_TRANSLATE_NOOP("CasesModel", "Status"), lambda c: c.status.label(lang())),
    Column(
        _C,
        QT_TRANSLATE_NOOP("CasesModel", "Follow up"),
        lambda c: c.follow_up.isoformat() if c.follow_up else "",
        lambda c: c.follow_up.isoformat() if c.follow_up else "",
    ),
    Column(_C, QT_TRANSLATE_NOOP("CasesModel", "Notes"), lambda c: c.notes, tooltip=lambda c: c.notes),
]


class CasesModel(RowsModel[Case]):
    def __init__(self, parent: QObject | None = None):
        super().__init__(CASE_COLUMNS, parent=parent)


_R = "ReasonCountsModel"
REASON_COLUMNS: list[Column[tuple[str, int]]] = [
    Column(_R, QT_TRANSLATE_NOOP("ReasonCountsModel", "Reason"), lambda r: reason_name(r[0])),
    Column(
        _R, QT_TRANSLATE_NOOP("ReasonCountsModel", "Cases"), lambda r: labels.count(r[1]), lambda r: r[1], numeric=True
    ),
]


class ReasonCountsModel(RowsModel[tuple[str, int]]):
    def __init__(self, parent: QObject | None = None):
        super().__init__(REASON_COLUMNS, parent=parent)


def _rate(rate: ItemRate) -> str:
    return labels.percent(rate.return_rate)


_I = "ItemRatesModel"
ITEM_COLUMNS: list[Column[ItemRate]] = [
    Column(_I, QT_TRANSLATE_NOOP("ItemRatesModel", "Item"), lambda r: r.item, tooltip=lambda r: r.item),
    Column(
        _I,
        QT_TRANSLATE_NOOP("ItemRatesModel", "Cases"),
        lambda r: labels.count(r.cases),
        lambda r: r.cases,
        numeric=True,
    ),
    Column(
        _I,
        QT_TRANSLATE_NOOP("ItemRatesModel", "Returned"),
        lambda r: labels.count(r.returns),
        lambda r: r.returns,
        numeric=True,
    ),
    Column(
        _I, QT_TRANSLATE_NOOP("ItemRatesModel", "Sold"), lambda r: labels.count(r.sold), lambda r: r.sold, numeric=True
    ),
    Column(
        _I,
        QT_TRANSLATE_NOOP("ItemRatesModel", "Return rate"),
        _rate,
        lambda r: -1.0 if r.return_rate is None else r.return_rate,
        numeric=True,
    ),
]


class ItemRatesModel(RowsModel[ItemRate]):
    def __init__(self, parent: QObject | None = None):
        super().__init__(ITEM_COLUMNS, parent=parent)


_A = "AtRiskModel"
RISK_COLUMNS: list[Column[AtRiskBuyer]] = [
    Column(_A, QT_TRANSLATE_NOOP("AtRiskModel", "Orders"), lambda b: ", ".join(b.order_nos)),
    Column(
        _A,
        QT_TRANSLATE_NOOP("AtRiskModel", "Problems (90 days)"),
        lambda b: labels.count(b.recent_problems),
        lambda b: b.recent_problems,
        numeric=True,
    ),
    Column(
        _A,
        QT_TRANSLATE_NOOP("AtRiskModel", "Seller's fault still open"),
        lambda b: "●" if b.seller_fault_open else "",
        lambda b: int(b.seller_fault_open),
    ),
]


class AtRiskModel(RowsModel[AtRiskBuyer]):
    def __init__(self, parent: QObject | None = None):
        super().__init__(RISK_COLUMNS, parent=parent)
