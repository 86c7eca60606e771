"""A table model over a list of plain rows, described by Column values.

Each column has a translatable header (marked with QT_TRANSLATE_NOOP in the
subclass's own context), a display function, a sort key (raw values, under
SORT_ROLE, for QSortFilterProxyModel) and an optional tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QObject, Qt

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    context: str  # translation context of the header
    title: str  # English source text, marked with QT_TRANSLATE_NOOP(context, ...)
    display: Callable[[T], str]
    sort: Callable[[T], Any] | None = None  # raw value; never None (sorting mixes badly)
    numeric: bool = False  # right-aligned
    tooltip: Callable[[T], str | None] | None = None

    def header(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


class RowsModel(QAbstractTableModel, Generic[T]):
    """Read-only rows; `set_rows` replaces them, `retranslate` refreshes texts."""

    def __init__(self, columns: Sequence[Column[T]], rows: Sequence[T] = (), parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[T] = list(rows)

    # -- data access for code ------------------------------------------
    @property
    def rows(self) -> list[T]:
        return self._rows

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        """After a language switch: headers and cells are built on demand, so ask views to repaint."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    def cell_text(self, row: int, column: int) -> str:
        return self.columns[column].display(self._rows[row])

    # -- QAbstractTableModel -------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (
                0 <= index.column() < len(self.columns)):
            return None
        col, row = self.columns[index.column()], self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row)
        if role == SORT_ROLE:
            return col.sort(row) if col.sort else col.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col.numeric else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if self.columns[section].numeric else _LEFT
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and (
                0 <= section < len(self._rows)):
            return section + 1
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def as_tsv(model: RowsModel, rows: Sequence[int] | None = None) -> str:
    """Header and rows as tab-separated text (what Excel pastes into cells)."""
    picked = range(model.rowCount()) if rows is None else rows
    lines = ["\t".join(c.header() for c in model.columns)]
    for r in picked:
        cells = (model.cell_text(r, c).replace("\t", " ").replace("\n", " ") for c in range(len(model.columns)))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"
