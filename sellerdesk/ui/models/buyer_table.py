"""The Customers tab's buyer table: an id list, rows fetched a page at a time.

The model holds only the buyer ids (an array of ints, sorted and filtered in SQL, off the GUI
thread). A cell asks for its page; a page of PAGE_SIZE rows is read through
the BuyerReader (the GUI thread's own connection) the first time a row of it
is painted, and kept in a small cache. 300,000 buyers cost 300,000 ints.

Sorting is SQL too: a header click calls sort(), which only says what was
asked (`sort_requested`); the page queries the ids again and calls set_ids.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject,
                            QPersistentModelIndex, Qt, Signal)

from sellerdesk.domain.masking import mask_name, mask_phone
from sellerdesk.services.customers import BuyerReader, BuyerRow
from sellerdesk.services.segmentation import Segmentation
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import lang

PAGE_SIZE = 200
MAX_PAGES = 40  # cached pages (8,000 rows); the least recently used goes first
BUYER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_C = "BuyerTableModel"


def short_group_name(seg: Segmentation | None, key: str) -> str:
    """重要价值 for 重要价值客户, Loyal for Loyal buyers: the name without the word for 'buyers'."""
    group = seg.group(key) if seg else None
    if group is None:
        return key
    if lang() == "zh":
        return group.definition.name_zh.removesuffix("客户") or group.definition.name_zh
    return group.definition.name_en.removesuffix(" buyers") or group.definition.name_en


def group_names(seg: Segmentation | None, keys: Sequence[str], short: bool = True) -> str:
    if short:
        names = [short_group_name(seg, k) for k in keys]
    else:
        names = [g.name(lang()) if (g := seg.group(k) if seg else None) else k for k in keys]
    return ("、" if lang() == "zh" else ", ").join(names)


@dataclass(frozen=True)
class BuyerColumn:
    title: str  # English, marked with QT_TRANSLATE_NOOP("BuyerTableModel", ...)
    sort_key: str | None  # a SORT_KEYS value of list_buyer_ids; None: not sortable
    display: Callable[[BuyerRow, Segmentation | None], str]
    numeric: bool = False

    def header(self) -> str:
        return QCoreApplication.translate(_C, self.title)


def _tags(row: BuyerRow, seg: Segmentation | None) -> str:
    return ("、" if lang() == "zh" else ", ").join(sorted(row.facts.tags))


COLUMNS: list[BuyerColumn] = [
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Nick"), "account", lambda r, s: mask_name(r.facts.account)),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Name"), "name", lambda r, s: mask_name(r.facts.name)),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Phone"), "phone", lambda r, s: mask_phone(r.facts.phone)),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Platform"), "platform",
                lambda r, s: labels.platform_name(r.facts.platform)),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "First order"), "first_order",
                lambda r, s: labels.day(r.facts.first_order_day)),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Last order"), "last_order",
                lambda r, s: labels.day(r.facts.last_order_day)),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Orders"), "orders",
                lambda r, s: labels.count(r.facts.countable_orders), numeric=True),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Paid total"), "paid",
                lambda r, s: labels.money(r.facts.paid_fen), numeric=True),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Avg. order"), "aov",
                lambda r, s: labels.money(r.facts.aov_fen), numeric=True),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Groups"), None, lambda r, s: group_names(s, r.groups)),
    BuyerColumn(QT_TRANSLATE_NOOP("BuyerTableModel", "Tags"), None, _tags),
]
(NICK, NAME, PHONE, PLATFORM, FIRST_ORDER, LAST_ORDER, ORDERS, PAID, AOV, GROUPS, TAGS) = range(len(COLUMNS))
_TIPS = {
    ORDERS: QT_TRANSLATE_NOOP("BuyerTableModel", "Countable orders: paid, not closed or fully refunded"),
    AOV: QT_TRANSLATE_NOOP("BuyerTableModel", "Average order value (paid total / countable orders)"),
}


class BuyerTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids: array = array("q")  # 8 bytes a buyer
        self._seg: Segmentation | None = None
        self._reader: BuyerReader | None = None
        self._pages: OrderedDict[int, list[BuyerRow | None]] = OrderedDict()
        self.sort_key, self.descending = "paid", True
        self.pages_read = 0  # for tests: how many page fetches were made

    # -- for code ------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        """A copy, for code and tests; the model keeps the ids as an array."""
        return self._ids.tolist()

    @property
    def id_array(self) -> array:
        return self._ids

    @property
    def segmentation(self) -> Segmentation | None:
        return self._seg

    def set_reader(self, reader: BuyerReader | None) -> None:
        self._reader = reader
        self.reload()

    def set_ids(self, ids: Sequence[int], seg: Segmentation | None) -> None:
        self.beginResetModel()
        self._ids, self._seg = ids if isinstance(ids, array) else array("q", ids), seg
        self._pages.clear()
        self.endResetModel()

    def reload(self, seg: Segmentation | None = None) -> None:
        """Same ids, fresh rows (tags changed, or the groups were counted again)."""
        if seg is not None:
            self._seg = seg
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def buyer_id(self, row: int) -> int:
        return self._ids[row]

    def row_at(self, row: int) -> BuyerRow | None:
        """The row's figures (reading its page when needed); None for a buyer gone since the list was made."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
        else:
            self._pages.move_to_end(number)
        return page[row - number * PAGE_SIZE]

    def cell_text(self, row: int, column: int) -> str:
        found = self.row_at(row)
        return "" if found is None else COLUMNS[column].display(found, self._seg)

    def _read_page(self, number: int) -> list[BuyerRow | None]:
        ids = self._ids[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
        rows = self._reader.rows(ids, self._seg) if self._reader is not None else []
        self.pages_read += 1
        by_id = {r.facts.buyer_id: r for r in rows}
        page = [by_id.get(i) for i in ids]
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- QAbstractTableModel -------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or not 0 <= index.column() < len(COLUMNS):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[column].numeric else _LEFT
        if role == BUYER_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column in (GROUPS, TAGS):
            found = self.row_at(index.row())
            if found is None:
                return None
            return group_names(self._seg, found.groups, short=False) if column == GROUPS else _tags(found, None)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[section].numeric else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section in _TIPS:
            return QCoreApplication.translate(_C, _TIPS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: ask for the ids in that order (sorting happens in SQL)."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            return
        key, descending = COLUMNS[column].sort_key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.sort_requested.emit(key, descending)

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort_key == self.sort_key)
