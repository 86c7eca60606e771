"""The channel grid's rows: a day, a channel, and its spend, traffic and sales, edited in place.

A small editable table (a campaign has at most a few hundred rows). Money is
typed in yuan and kept in fen; an empty cell is "not entered" (None), not 0.
The service checks the whole grid on save and names the row that is wrong.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from sellerdesk.domain.channels import ChannelDay
from sellerdesk.domain.money import format_fen, format_yuan, parse_fen
from sellerdesk.ui.i18n import lang

DAY, CHANNEL, SPEND, UV, PV, CLICKS, ORDERS, SALES = range(8)
_FIELDS = (None, None, "spend_fen", "uv", "pv", "clicks", "orders", "sales_fen")
_MONEY = {SPEND, SALES}
_HEADERS = (
    QT_TRANSLATE_NOOP("ChannelModel", "Day"),
    QT_TRANSLATE_NOOP("ChannelModel", "Channel"),
    QT_TRANSLATE_NOOP("ChannelModel", "Spend (¥)"),
    QT_TRANSLATE_NOOP("ChannelModel", "Visitors (UV)"),
    QT_TRANSLATE_NOOP("ChannelModel", "Page views (PV)"),
    QT_TRANSLATE_NOOP("ChannelModel", "Clicks"),
    QT_TRANSLATE_NOOP("ChannelModel", "Orders"),
    QT_TRANSLATE_NOOP("ChannelModel", "Sales (¥)"),
)
_ERROR = QColor("#fde2e1")
_LIMIT = 10**12  # no shop types a trillion; larger would not fit SQLite's integers as fen


def parse_cell(column: int, text: str) -> int | None:
    """'1,234.5' -> 123450 fen for money, '1,234' -> 1234 for counts; '' -> None; ValueError when unreadable.

    Money is read by the project's parse_fen: a third decimal that is not 0 ('1.005') or an
    exponent ('1e3') is refused (MoneyError, a ValueError), never rounded."""
    text = text.strip()
    if not text:
        return None
    if column in _MONEY:
        fen = parse_fen(text)
        if abs(fen) >= _LIMIT * 100:
            raise ValueError(text)
        return fen
    text = text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    if not text:
        return None
    value = int(text)
    if abs(value) >= _LIMIT:
        raise ValueError(text)
    return value


class ChannelModel(QAbstractTableModel):
    edited = Signal()  # a cell changed (the page enables Save)
    refused = Signal(str)  # what was typed in a cell that cannot hold it (not a number, a negative ...)

    def __init__(self, names: dict[str, tuple[str, str]], parent=None):
        """`names`: channel key -> (zh, en)."""
        super().__init__(parent)
        self.names = names
        self.rows: list[ChannelDay] = []
        self.error_row: int | None = None

    def set_rows(self, rows: list[ChannelDay]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.error_row = None
        self.endResetModel()

    def add_row(self, row: ChannelDay) -> int:
        position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.append(row)
        self.endInsertRows()
        self.edited.emit()
        return position

    def remove_rows(self, positions: list[int]) -> None:
        for position in sorted(set(positions), reverse=True):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self.rows[position]
            self.endRemoveRows()
        self.edited.emit()

    def mark_error(self, day: date | None, channel: str | None) -> int | None:
        """Tint the row the service refused (by its day and channel); returns its position."""
        self.error_row = next((i for i, r in enumerate(self.rows) if r.day == day and r.channel == channel), None)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(_HEADERS) - 1))
        return self.error_row

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == DAY:
                return row.day.isoformat() if role == Qt.ItemDataRole.DisplayRole else row.day
            if column == CHANNEL:
                if role == Qt.ItemDataRole.EditRole:
                    return row.channel
                zh, en = self.names.get(row.channel, (row.channel, row.channel))
                return zh if lang() == "zh" else en
            value = getattr(row, _FIELDS[column])
            if value is None:
                return ""
            if column in _MONEY:
                return format_yuan(value).lstrip("¥") if role == Qt.ItemDataRole.DisplayRole else format_fen(value)
            return f"{value:,}" if role == Qt.ItemDataRole.DisplayRole else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= SPEND:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self.error_row:
            return QBrush(_ERROR)
        return None

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = self.rows[index.row()], index.column()
        try:
            if column == DAY:
                new = replace(row, day=value if isinstance(value, date) else date.fromisoformat(str(value)))
            elif column == CHANNEL:
                if value not in self.names:
                    return False
                new = replace(row, channel=value)
            else:
                new = replace(row, **{_FIELDS[column]: parse_cell(column, str(value))})
        except ValueError:
            self.refused.emit(str(value))
            return False
        self.rows[index.row()] = replace(new, source="typed")
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChannelModel", _HEADERS[section])
        return None
