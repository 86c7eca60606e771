"""The buyer table's view: rows of one fixed height, columns sized once, Enter or double-click opens a buyer."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from sellerdesk.ui.models.buyer_table import (AOV, COLUMNS, FIRST_ORDER, GROUPS, LAST_ORDER, ORDERS, PAID,
                                               PHONE, PLATFORM, TAGS, BuyerTableModel)

_SAMPLE_ROWS = 60  # rows looked at when sizing columns (all on the first page)
_MAX_WIDTH = {GROUPS: 260, TAGS: 200}
# Widths wide enough for the widest usual value, so columns need not read rows to be sized.
_TYPICAL = {PHONE: "138****0000", PLATFORM: "Taobao/Tmall", FIRST_ORDER: "2025-12-31", LAST_ORDER: "2025-12-31",
            ORDERS: "9,999", PAID: "¥999,999.00", AOV: "¥99,999.00"}


class BuyerTableView(QTableView):
    open_requested = Signal(int)  # buyer id

    def __init__(self, model: BuyerTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("buyerTable")
        self.buyers = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures 300,000 rows
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)  # header clicks call model.sort(): a new SQL query, not a proxy
        header.sortIndicatorChanged.connect(self._indicator_changed)
        self.doubleClicked.connect(self._open)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Headers and the first rows (already read for painting) decide the widths; capped for long texts."""
        metrics, header = self.fontMetrics(), self.horizontalHeader()
        sample = range(min(_SAMPLE_ROWS, self.buyers.rowCount()))
        for column in range(len(COLUMNS)):
            texts = [COLUMNS[column].header(), _TYPICAL.get(column, "")]
            texts += [self.buyers.cell_text(r, column) for r in sample]
            width = max(metrics.horizontalAdvance(t) for t in texts) + 24
            header_width = header.fontMetrics().horizontalAdvance(texts[0]) + 36  # room for the sort arrow
            self.setColumnWidth(column, min(max(width, header_width), _MAX_WIDTH.get(column, 220)))

    def selected_buyer_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.buyers.buyer_id(r) for r in rows]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.buyers.buyer_id(index.row()))

    def _indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        """Groups and tags cannot be sorted: put the arrow back where the list is sorted."""
        if COLUMNS[section].sort_key is None:
            header = self.horizontalHeader()
            blocked = header.blockSignals(True)
            header.setSortIndicator(self.buyers.sort_column(), (
                Qt.SortOrder.DescendingOrder if self.buyers.descending else Qt.SortOrder.AscendingOrder))
            header.blockSignals(blocked)
