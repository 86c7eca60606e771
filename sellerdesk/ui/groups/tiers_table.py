"""Member tier rules as an editable table: key, Chinese and English names, paid and order thresholds."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from sellerdesk.domain.money import MoneyError, format_fen, parse_fen
from sellerdesk.domain.rules import RuleError
from sellerdesk.domain.tiers import MAX_TIERS, TierRule

KEY, NAME_ZH, NAME_EN, MIN_PAID, MIN_ORDERS = range(5)


class TiersTable(QTableWidget):
    """Lowest tier first; a blank threshold means 'not used'."""

    changed = Signal()

    def __init__(self, tiers: Sequence[TierRule], parent: QWidget | None = None):
        super().__init__(0, 5, parent)
        self.setObjectName("tiersTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (NAME_ZH, NAME_EN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.set_tiers(tiers)
        self.itemChanged.connect(lambda _: self.changed.emit())
        self.retranslate_ui()

    def set_tiers(self, tiers: Sequence[TierRule]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        for t in tiers:
            self._append(t.key, t.name_zh, t.name_en,
                         "" if t.min_paid_fen is None else format_fen(t.min_paid_fen),
                         "" if t.min_orders is None else str(t.min_orders))
        self.blockSignals(False)
        self.changed.emit()

    def _append(self, *cells: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for col, text in enumerate(cells):
            self.setItem(row, col, QTableWidgetItem(text))

    def add_tier(self) -> None:
        if self.rowCount() >= MAX_TIERS:
            return
        n = self.rowCount() + 1
        self._append(f"tier{n}", "", "", "", "")
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.selectedIndexes()}, reverse=True) or [self.rowCount() - 1]
        for row in rows:
            if row >= 0:
                self.removeRow(row)
        self.changed.emit()

    def _text(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text().strip() if item else ""

    def tiers(self) -> tuple[TierRule, ...]:
        """The tiers as typed; RuleError (in the UI language) for a threshold that is not a number."""
        result = []
        for row in range(self.rowCount()):
            paid_text, orders_text = self._text(row, MIN_PAID), self._text(row, MIN_ORDERS)
            try:
                paid = parse_fen(paid_text) if paid_text else None
            except (MoneyError, IndexError):
                text = QCoreApplication.translate(
                    "TiersTable", "Tier {n}: “{text}” is not an amount in yuan.").format(n=row + 1, text=paid_text)
                raise RuleError(text, text) from None
            try:
                orders = int(orders_text) if orders_text else None
            except ValueError:
                text = QCoreApplication.translate(
                    "TiersTable", "Tier {n}: “{text}” is not a whole number of orders.").format(n=row + 1,
                                                                                            text=orders_text)
                raise RuleError(text, text) from None
            result.append(TierRule(self._text(row, KEY), self._text(row, NAME_ZH), self._text(row, NAME_EN),
                                   paid, orders))
        return tuple(result)

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("TiersTable", "Key"),
            QCoreApplication.translate("TiersTable", "Chinese name"),
            QCoreApplication.translate("TiersTable", "English name"),
            QCoreApplication.translate("TiersTable", "Paid at least (yuan)"),
            QCoreApplication.translate("TiersTable", "Or orders at least"),
        ])
