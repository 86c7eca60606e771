"""A read-only table view over a RowsModel: sortable by raw values, Ctrl+C copies rows."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from sellerdesk.ui.models.rows_model import SORT_ROLE, RowsModel, as_tsv


class DataTable(QTableView):
    def __init__(self, model: RowsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's order until a header is clicked
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        model.modelReset.connect(self.fit_columns)
        # New header texts (a language switch) need new widths too.
        model.headerDataChanged.connect(lambda *_: self.fit_columns())

    def fit_columns(self) -> None:
        """Size columns to their contents (sampling the first rows), capped so none gets huge."""
        for column in range(self.source.columnCount()):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column), 360))

    def selected_source_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        return sorted(rows)

    def visible_source_rows(self) -> list[int]:
        """All rows in the order shown (after sorting)."""
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]

    def copy_rows(self, all_rows: bool = False) -> str:
        """Selected rows (or all when nothing is selected) to the clipboard as TSV."""
        rows = None if all_rows else self.selected_source_rows()
        text = as_tsv(self.source, rows or self.visible_source_rows())
        QGuiApplication.clipboard().setText(text)
        return text

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_rows()
            event.accept()
            return
        super().keyPressEvent(event)
