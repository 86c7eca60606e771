"""What every export layout implements, and the row accessor they share.

A layout recognises one file type by its header names (never by position:
platforms reorder and add columns between versions), and turns rows into
OrderRecord/RefundRecord values. A broken row is reported through the sink
and skipped; a line-grained layout rejects the whole order when any of its
rows is broken, so no order is ever half-written.

Where the shared rules live: RowLayout (below) is the loop of layouts with one
record per row, grouping.LineGrainedLayout that of layouts with one row per
line; identifiers.py checks order/refund numbers and makes line keys; header
spelling variants are folded by FoldedLayout (below).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from sellerdesk.domain.errors import RowError
from sellerdesk.domain.orders import OrderRecord, RefundRecord
from sellerdesk.ingest import cells as C
from sellerdesk.ingest.table import Table

Record = OrderRecord | RefundRecord

MAX_KEPT_ERRORS = 5000  # messages kept per file; the count is always exact


@dataclass
class RowSink:
    """Collects rejected rows of one file."""

    file: str
    errors: list[RowError] = field(default_factory=list)
    rejected: int = 0
    rows_read: int = 0

    def reject(self, row: int, column: str | None, zh: str, en: str, value: object = None) -> None:
        self.rejected += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            shown = None if value is None else str(value)[:80]
            self.errors.append(RowError(self.file, row, column, zh, en, shown))


class Restart:
    """Yielded by a restartable parse: forget every record yielded so far, they all come again.

    A line-grained layout that hands out whole orders while the file is still being read (so
    the writes overlap the reading) yields this when a later row turns out to belong to an
    order already handed out (its lines were not together, or a later row of it is broken).
    """

    def __repr__(self) -> str:
        return "RESTART"


RESTART = Restart()


class BadCell(ValueError):
    """Raised inside a layout for one broken cell; the row is then rejected."""

    def __init__(self, column: str, zh: str, en: str, value: object = None):
        super().__init__(f"{column}: {en}")
        self.column, self.zh, self.en, self.value = column, zh, en, value


class Columns:
    """Resolved header positions for one file: name -> index, with aliases."""

    def __init__(self, table: Table, spec: dict[str, tuple[str, ...]]):
        self.index: dict[str, int | None] = {}
        self.header: dict[str, str] = {}
        for key, names in spec.items():
            i = table.index(*names)
            self.index[key] = i
            self.header[key] = table.headers[i] if i is not None else names[0]

    def has(self, key: str) -> bool:
        return self.index.get(key) is not None


class Row:
    """Typed access to one row's cells; conversion failures raise BadCell."""

    __slots__ = ("cells", "cols", "no")

    def __init__(self, cells: list, cols: Columns, no: int):
        self.cells, self.cols, self.no = cells, cols, no

    def raw(self, key: str) -> object:
        i = self.cols.index.get(key)
        if i is None or i >= len(self.cells):
            return None
        return self.cells[i]

    def text(self, key: str) -> str | None:
        return C.opt_text(self.raw(key))

    def required(self, key: str) -> str:
        v = self.text(key)
        if not v:
            raise BadCell(self.cols.header[key], "缺少必填内容", "required value is missing")
        return v

    def fen(self, key: str) -> int | None:
        return self._convert(key, C.opt_fen, "金额格式不对", "not an amount of money")

    def datetime(self, key: str) -> str | None:
        return self._convert(key, C.opt_datetime, "日期时间格式不对", "not a date/time")

    def int(self, key: str) -> int | None:
        return self._convert(key, C.opt_int, "不是整数", "not a whole number")

    def quantity(self, key: str) -> int | None:
        """A count of pieces: a whole number, not negative."""
        n = self.int(key)
        if n is not None and n < 0:
            raise BadCell(self.cols.header[key], "数量不能为负数", "quantity cannot be negative", self.raw(key))
        return n

    def _convert(self, key: str, fn: Callable, zh: str, en: str):
        value = self.raw(key)
        try:
            return fn(value)
        except (ValueError, TypeError, OverflowError):
            raise BadCell(self.cols.header[key], zh, en, value) from None


class Layout:
    """One export file type. Subclasses set the class attributes and parse()."""

    key: ClassVar[str]  # e.g. 'taobao_orders_csv'
    platform: ClassVar[str]
    kind: ClassVar[str]  # 'orders' | 'lines' | 'refunds'
    label_zh: ClassVar[str]
    label_en: ClassVar[str]
    # All of these headers must be present for the layout to apply ...
    required_headers: ClassVar[tuple[str, ...]]
    # ... and these make it a better match than a layout with the same required set.
    hint_headers: ClassVar[tuple[str, ...]] = ()
    # Headers that, when present, rule this layout out.
    excluded_headers: ClassVar[tuple[str, ...]] = ()
    # Spreadsheet-only or text-only layouts; None accepts both.
    spreadsheet: ClassVar[bool | None] = None
    # Yields OrderBatch columns for big files (and may then parse in a second process).
    batches: ClassVar[bool] = False
    # parse(table, sink, restartable=True) may yield RESTART (see Restart): the importer then
    # forgets what it wrote of the file and takes every record again.
    restartable: ClassVar[bool] = False

    @classmethod
    def score(cls, headers: set[str], is_spreadsheet: bool) -> int:
        if cls.spreadsheet is not None and cls.spreadsheet != is_spreadsheet:
            return 0
        if not all(h in headers for h in cls.required_headers):
            return 0
        if any(h in headers for h in cls.excluded_headers):
            return 0
        return 10 * len(cls.required_headers) + sum(h in headers for h in cls.hint_headers)

    def parse(self, table: Table, sink: RowSink) -> Iterator[Record]:
        raise NotImplementedError

    def columns(self, table: Table, spec: dict[str, tuple[str, ...]]) -> Columns:
        """Where this layout's columns sit in the table (FoldedLayout folds spellings first)."""
        return Columns(table, spec)


class RowLayout(Layout):
    """A layout with one record per row; parse() is written once, subclasses write _record().

    Blank and totals rows are skipped; a row with a broken cell is rejected alone.
    """

    column_spec: ClassVar[dict[str, tuple[str, ...]]]  # key -> accepted header names

    def parse(self, table: Table, sink: RowSink) -> Iterator[Record]:
        cols = self.columns(table, self.column_spec)
        for row_no, cells in table.rows():
            if is_blank(cells) or is_summary(cells):
                continue
            sink.rows_read += 1
            try:
                record = self._record(Row(cells, cols, row_no))
            except BadCell as bad:
                reject(sink, row_no, bad)
                continue
            yield record

    def _record(self, row: Row) -> Record:
        raise NotImplementedError


# Header spellings: some exports write 商品总价（元） for 商品总价(元), or put
# spaces inside a name. Layouts that meet this extend FoldedLayout.
_HEADER_FOLD = str.maketrans({"（": "(", "）": ")", " ": None, "\u3000": None, "\t": None})


def fold_header(name: str) -> str:
    """Spelling variants of one header folded together: 商品总价（元） == 商品总价(元)."""
    return name.translate(_HEADER_FOLD)


class _FoldedHeaders:
    """What Columns needs from a table, matching header names after fold_header."""

    def __init__(self, headers: list[str]):
        self.headers = headers
        self._folded = [fold_header(h) for h in headers]

    def index(self, *names: str) -> int | None:
        for name in names:
            folded = fold_header(name)
            if folded in self._folded:
                return self._folded.index(folded)
        return None


class FoldedLayout(Layout):
    """A layout that matches header names after fold_header; its header tuples are written folded.

    Messages still show the file's own spelling of a header.
    """

    @classmethod
    def score(cls, headers: set[str], is_spreadsheet: bool) -> int:
        return super().score({fold_header(h) for h in headers}, is_spreadsheet)

    def columns(self, table: Table, spec: dict[str, tuple[str, ...]]) -> Columns:
        return Columns(_FoldedHeaders(table.headers), spec)  # type: ignore[arg-type]


def reject(sink: RowSink, row: int, bad: BadCell) -> None:
    sink.reject(row, bad.column, bad.zh, bad.en, bad.value)


def unknown_status(row: Row, key: str) -> BadCell:
    """The rejection of a status word the layout does not know (raise it)."""
    return BadCell(row.cols.header[key], "无法识别的订单状态", "unknown order status", row.text(key))


def is_blank(cells: list) -> bool:
    return all(C.clean(c) == "" for c in cells)


SUMMARY_WORDS = ("合计", "总计", "汇总", "总计：", "合计：")


def is_summary(cells: list) -> bool:
    """A totals row some spreadsheets carry at the bottom: not an order."""
    for c in cells:
        text = C.clean(c)
        if text:
            return text.startswith(SUMMARY_WORDS)
    return False
