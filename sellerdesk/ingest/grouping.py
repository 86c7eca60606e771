"""Line-grained files: rows gathered into whole orders, or not at all.

Most exports write one row per line item (SKU, sub-order, 货品) and repeat the
order number on each; the rows of one order may be anywhere in the file. So
nothing is yielded before the whole file is read, and when any row of an order
is broken, every row of that order is rejected: the broken ones with their own
column and reason, the others as siblings (SIBLING_ZH/EN, naming the order).
No order is ever half-written.

LineGrainedLayout writes that loop once; a layout gives _row() (one row's
values, BadCell when broken) and _order() (one order from its rows' values).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar, Generic, TypeVar

from sellerdesk.domain.orders import LineRecord, OrderRecord
from sellerdesk.ingest.identifiers import MissingOrderNumber, order_number
from sellerdesk.ingest.layout import SUMMARY_WORDS, BadCell, Columns, Layout, Row, RowSink, is_blank, is_summary
from sellerdesk.ingest.table import Table

SIBLING_ZH = "同一订单的其他行有错误"
SIBLING_EN = "another row of the same order is broken"
NO_ORDER_ABOVE_ZH = "这是续行（订单编号为空），但上方没有可继承的订单"
NO_ORDER_ABOVE_EN = "continuation row (blank order number) with no order above it"
TITLE_SEPARATOR = "；"

T = TypeVar("T")


class _Order:
    __slots__ = ("rows", "values", "errors")

    def __init__(self) -> None:
        self.rows: list[int] = []  # every row of the order, broken ones too
        self.values: list | None = []  # parsed rows; None once the order is broken
        self.errors: dict[int, BadCell] = {}


class OrderGroups(Generic[T]):
    """Parsed rows gathered by order number, orders kept in the order they first appear.

    Rejections are held back and reported in row order when orders() starts,
    before the first order is yielded.
    """

    def __init__(self, sink: RowSink, order_column: str):
        self.sink = sink
        self.order_column = order_column  # the file's header of the order number
        self._orders: dict[str, _Order] = {}
        self._alone: list[tuple[int, BadCell]] = []

    def __contains__(self, order_no: str) -> bool:
        return order_no in self._orders

    def _order(self, order_no: str, row_no: int) -> _Order:
        order = self._orders.get(order_no)
        if order is None:
            order = self._orders[order_no] = _Order()
        order.rows.append(row_no)
        return order

    def add(self, order_no: str, row_no: int, value: T) -> None:
        values = self._order(order_no, row_no).values
        if values is not None:
            values.append(value)

    def broken(self, order_no: str, row_no: int, bad: BadCell) -> None:
        """A broken row of this order: the whole order is rejected."""
        order = self._order(order_no, row_no)
        order.errors[row_no] = bad
        order.values = None  # keep no parsed rows of a lost order

    def reject(self, row_no: int, bad: BadCell) -> None:
        """A row rejected alone: it has no usable order number."""
        self._alone.append((row_no, bad))

    def orders(self) -> Iterator[tuple[str, int, list[T]]]:
        """(order number, its first row, its parsed rows in file order) for every whole order."""
        rejections = list(self._alone)
        for order_no, order in self._orders.items():
            for row_no in order.rows if order.errors else ():
                bad = order.errors.get(row_no)
                if bad is None:
                    bad = BadCell(self.order_column, SIBLING_ZH, SIBLING_EN, order_no)
                rejections.append((row_no, bad))
        rejections.sort(key=lambda r: r[0])
        for row_no, bad in rejections:
            self.sink.reject(row_no, bad.column, bad.zh, bad.en, bad.value)
        for order_no, order in self._orders.items():
            if order.values is not None:
                yield order_no, order.rows[0], order.values


class LineGrainedLayout(Layout, Generic[T]):
    """A layout with one row per line item: parse() written once, for subclasses' hooks.

    Blank and totals rows are skipped. A row without a usable order number is
    rejected alone. Hooks: _row(row) parses one row (raise BadCell when it is
    broken), _first_row(row) the first row of each order (by default _row), and
    _order(order_no, first_row, values) makes the record; order_record() fills in
    what every such layout derives from the lines.
    """

    column_spec: ClassVar[dict[str, tuple[str, ...]]]  # key -> accepted header names
    order_key: ClassVar[str] = "order_no"
    # Spreadsheets that merge an order's cells vertically leave the order number
    # blank on its later rows: with this set, a blank order number means "the
    # order of the row above" (rejected when there is none, or its number was bad).
    blank_order_continues: ClassVar[bool] = False

    def parse(self, table: Table, sink: RowSink) -> Iterator[OrderRecord]:
        cols = self.columns(table, self.column_spec)
        groups: OrderGroups[T] = OrderGroups(sink, cols.header[self.order_key])
        self._group_rows(table.rows(), cols, sink, groups)
        for order_no, first_row, values in groups.orders():
            yield self._order(order_no, first_row, values)

    def _group_rows(self, rows: Iterable[tuple[int, list]], cols: Columns, sink: RowSink, groups: OrderGroups[T],
                    above: str | BadCell | None = None) -> str | BadCell | None:
        """Parse rows one by one into groups (anything with OrderGroups' add/broken/reject).

        above: the order of the row before these rows (its number, or why it has none);
        returned for the rows that follow (a bulk path hands rows over in chunks).
        """
        for row_no, cells in rows:
            row = Row(cells, cols, row_no)
            try:
                order_no = order_number(row, self.order_key)
            except BadCell as bad:
                if is_blank(cells) or is_summary(cells):
                    continue
                sink.rows_read += 1
                if not (self.blank_order_continues and isinstance(bad, MissingOrderNumber)):
                    above = bad
                    groups.reject(row_no, bad)
                    continue
                if not isinstance(above, str):
                    groups.reject(row_no, self._no_order_above(groups.order_column, above))
                    continue
                order_no = above
            else:
                if order_no.startswith(SUMMARY_WORDS) and is_summary(cells):
                    continue
                sink.rows_read += 1
                above = order_no
            try:
                groups.add(order_no, row_no, self._row(row) if order_no in groups else self._first_row(row))
            except BadCell as bad:
                groups.broken(order_no, row_no, bad)
        return above

    @staticmethod
    def _no_order_above(column: str, above: BadCell | None) -> BadCell:
        if above is None:
            return BadCell(column, NO_ORDER_ABOVE_ZH, NO_ORDER_ABOVE_EN)
        return BadCell(column, SIBLING_ZH, SIBLING_EN)  # the order above had a broken number

    def _row(self, row: Row) -> T:
        raise NotImplementedError

    def _first_row(self, row: Row) -> T:
        return self._row(row)

    def _order(self, order_no: str, first_row: int, values: list[T]) -> OrderRecord:
        raise NotImplementedError

    def order_record(self, order_no: str, first_row: int, lines: list[LineRecord], *, summarise: bool = True,
                     **fields) -> OrderRecord:
        """The order with its lines and the given fields; with summarise, also the lines' item
        count and title summary (a companion file of an order report passes False, so the
        order report's own 宝贝标题 and count stay and re-imports do not flip between the two)."""
        return OrderRecord(
            platform=self.platform,
            order_no=order_no,
            row=first_row,
            item_count=total_quantity(lines) if summarise else None,
            title=title_summary(lines) if summarise else None,
            lines=lines,
            **fields,
        )


def title_summary(lines: list[LineRecord]) -> str | None:
    """Distinct line titles in order, joined by '；'."""
    titles = list(dict.fromkeys(ln.title for ln in lines if ln.title))
    return TITLE_SEPARATOR.join(titles) or None


def total_quantity(lines: list[LineRecord]) -> int | None:
    """Pieces in the order; None when any line's quantity is unknown (or there are no lines)."""
    if not lines or any(ln.quantity is None for ln in lines):
        return None
    return sum(ln.quantity for ln in lines)  # type: ignore[misc]
