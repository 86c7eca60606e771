"""The 千牛 sub-order xlsx's bulk path: rows converted column by column, lines made into orders by columns.

A chunk of calamine rows is transposed into columns and each column is checked
and converted with C-level work (type sets, the order report's whole-column
patterns, map() with builtins) instead of a Row accessor call per cell. Cells
arrive typed: money and counts as floats, dates as text or datetimes, ids as
text. The moment any check fails the chunk is handed back (None) and the row
path (LineGrainedLayout._group_rows with TaobaoSubOrdersXlsx._row) parses it
into the same LineColumns, so broken rows are reported exactly as always.

LineColumns rejects every line of a broken order (as OrderGroups does), gathers
each order's lines, and derives the orders' values with the row path's own rules
(order_status, refund_state, the sums): single-line orders, most of a file,
straight from their line's columns. It does so once the file is read, or (for
the importer, which can take records back) chunk by chunk for the orders whose
lines have all been read, restarting when a later row proves one incomplete.
tests/ingest/test_taobao_xlsx_bulk.py checks that both paths give the same
orders, lines and rejections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from itertools import accumulate, compress, repeat
from operator import itemgetter

from sellerdesk.domain.orders import OrderBatch
from sellerdesk.ingest.cells import clean
from sellerdesk.ingest.grouping import SIBLING_EN, SIBLING_ZH, TITLE_SEPARATOR
from sellerdesk.ingest.layout import RESTART, BadCell, Restart, RowSink
from sellerdesk.ingest.taobao_orders_bulk import _clean_column, _count_column, _datetimes, _Fallback, _fen_column
from sellerdesk.ingest.taobao_status import taobao_status
from sellerdesk.ingest.taobao_xlsx import NO_REFUND_WORDS, _line_refund, order_status, refund_state

ORDERS_PER_BATCH = 2048  # orders (with their lines) per OrderBatch: progress moves, Cancel answers
# Line columns as LineRecord names them (plus order_no), then what the order is made from.
LINE_FIELDS = ("order_no", "line_key", "title", "item_id", "sku", "spec", "quantity", "unit_price_fen",
               "amount_fen", "status_text", "refund_fen")
EXTRA_FIELDS = ("row", "status", "goods_fen", "created_at", "paid_at")
_MONEY_LIMIT = 1e13  # beyond this a float's repr turns exponential: the row path decides
_FLOAT, _STR, _NONE = float, str, type(None)


def parse_chunk(chunk: list[tuple[int, list]], positions: dict[str, int], knows_refunds: bool
                ) -> dict[str, list] | None:
    """Line columns (LINE_FIELDS + EXTRA_FIELDS) for a chunk of (row number, cells), or None
    when the chunk needs the row path. positions: field key -> column index in the file."""
    try:
        return _parse(chunk, positions, knows_refunds)
    except _Fallback:
        return None


def _parse(chunk, positions, knows_refunds) -> dict[str, list]:
    width = max(positions.values()) + 1
    if min(map(len, map(itemgetter(1), chunk))) < width:
        raise _Fallback  # short rows: the row path reads the missing cells as empty
    picked = zip(*map(itemgetter(*positions.values()), map(itemgetter(1), chunk)))
    raw = dict(zip(positions, picked))
    n = len(chunk)
    blank = (None,) * n

    def get(key: str) -> tuple:
        return raw.get(key, blank)

    status_text = _required_text(get("status"))
    statuses = list(map(taobao_status, status_text))
    if None in statuses:
        raise _Fallback
    paid, paid_at = _fen(get("paid")), _datetime(get("paid_at"))
    refund_text = _text(get("refund_status"))
    refund_cells = get("refund")
    if any(clean(v) in NO_REFUND_WORDS for v in {v for v in refund_cells if v.__class__ is _STR}):
        # 无退款申请 written instead of an amount: no amount
        refund_cells = tuple(None if clean(c) in NO_REFUND_WORDS else c for c in refund_cells)
    refund = list(map(_line_refund, statuses, paid_at, paid, refund_text, _fen(refund_cells), repeat(knows_refunds)))
    return {
        "order_no": _identifiers(get("order_no")),
        "line_key": _identifiers(get("sub_no")),
        "title": _text(get("title")),
        "item_id": _text(get("item_id")),
        "sku": _text(get("sku")),
        "spec": _text(get("spec")),
        "quantity": _quantity(get("quantity")),
        "unit_price_fen": _fen(get("price")),
        "amount_fen": paid,
        "status_text": status_text,
        "refund_fen": refund,
        "row": list(map(itemgetter(0), chunk)),
        "status": statuses,
        "goods_fen": _fen(get("goods")),
        "created_at": _datetime(get("created")),
        "paid_at": paid_at,
    }


# --- columns: each gives what the row path's Row accessor gives for every cell, or raises _Fallback ---

def _kinds(values) -> set[type]:
    return set(map(type, values))


def _text(values) -> list[str | None]:
    """Row.text: clean text, None for empty."""
    if _kinds(values) == {_STR}:
        return [v or None for v in _clean_column(values)]
    return [clean(v) or None for v in values]


def _required_text(values) -> list[str]:
    if _kinds(values) != {_STR}:
        raise _Fallback
    cleaned = _clean_column(values)
    if "" in cleaned:
        raise _Fallback  # a required value is missing
    return list(cleaned)


def _identifiers(values) -> list[str]:
    """Order and sub-order numbers: all-digit text (numbers stored as numbers are decided by the row path)."""
    cleaned = _required_text(values)
    digits = "".join(cleaned)
    if not (digits.isdigit() and digits.isascii()):
        raise _Fallback
    return cleaned


def _typed(values, *types: type) -> bool:
    """True when every cell is of one of types or empty: calamine's '', a missing column's None,
    or a placeholder such as '--' (which clean() empties)."""
    kinds = _kinds(values)
    if kinds <= set(types):
        return True
    return kinds <= {*types, _STR, _NONE} and not any(map(clean, {v for v in values if v.__class__ is _STR}))


def _fen(values) -> list[int | None]:
    """Row.fen: typed numbers (floats) and text amounts as fen."""
    if _typed(values, _FLOAT):
        # A float the row path converts through its shortest repr (fen_from_number); for amounts
        # written with at most two decimals that is round(v * 100), checked by converting back.
        try:
            fen = [round(v * 100) if v.__class__ is _FLOAT else None for v in values]
        except (OverflowError, ValueError):  # inf, nan
            raise _Fallback from None
        back = [None if f is None else f / 100 for f in fen]
        if back != [v if v.__class__ is _FLOAT else None for v in values]:
            raise _Fallback  # more decimals than fen, or not a finite amount
        known = list(filter(None, back))
        if known and max(map(abs, known)) >= _MONEY_LIMIT:
            raise _Fallback
        return fen
    if _kinds(values) == {_STR}:
        return _fen_column(_clean_column(values))
    raise _Fallback


def _quantity(values) -> list[int | None]:
    """Row.quantity: whole, not negative."""
    if _typed(values, _FLOAT, int):
        try:
            counts = [None if v is None or v.__class__ is _STR else int(v) for v in values]
        except (OverflowError, ValueError):
            raise _Fallback from None
        if counts != [None if v.__class__ is _STR else v for v in values] or min(
                [v for v in counts if v is not None], default=0) < 0:
            raise _Fallback  # fractions, negative counts
        return counts
    if _kinds(values) == {_STR}:
        return _count_column(_clean_column(values))
    raise _Fallback


def _datetime(values) -> list[str | None]:
    """Row.datetime: 'YYYY-MM-DD HH:MM:SS' text, or datetime cells formatted as the row path does."""
    if _kinds(values) == {_STR}:
        return _datetimes(_clean_column(values))
    if _typed(values, datetime):
        return [v.replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S") if v.__class__ is datetime else None
                for v in values]
    raise _Fallback


# --- lines into orders ---------------------------------------------------------------------------

class LineColumns:
    """Every line of a file as columns, and what OrderGroups tracks for the row path's rows.

    The row path adds its rows here through OrderGroups' interface (add, broken, reject),
    so a chunk it parsed lands in the same columns as the bulk chunks.

    Streaming (stream=True): ready() hands out the orders whose lines have all been read so
    far, so they are written while the rest of the file is read. An order counts as complete
    once a row of another order follows it; if a later row belongs to an order already
    handed out (its lines were not together, or that row is broken), RESTART is yielded and
    streaming stops: orders() then yields every order of the file, as without streaming.
    """

    def __init__(self, order_column: str, stream: bool = False):
        self.order_column = order_column
        self.columns: dict[str, list] = {k: [] for k in (*LINE_FIELDS, *EXTRA_FIELDS)}
        self._broken: dict[str, dict[int, BadCell]] = {}
        self._alone: list[tuple[int, BadCell]] = []
        self.streaming = stream
        self._sent = 0  # lines before this index were handed out (or belong to broken orders)
        self._sent_orders: set[str] = set()

    def extend(self, converted: dict[str, list]) -> None:
        for key, column in self.columns.items():
            column.extend(converted[key])

    # OrderGroups' interface, for the rows of a chunk the row path parsed
    def __contains__(self, order_no: str) -> bool:
        return True  # the Taobao sub-order layout parses an order's first row like any other

    def add(self, order_no: str, row_no: int, value) -> None:
        record, c = value.record, self.columns
        for key in LINE_FIELDS[1:]:
            c[key].append(getattr(record, key))
        for key, v in (("order_no", order_no), ("row", row_no), ("status", value.status),
                       ("goods_fen", value.goods_fen), ("created_at", value.created_at), ("paid_at", value.paid_at)):
            c[key].append(v)

    def broken(self, order_no: str, row_no: int, bad: BadCell) -> None:
        self._broken.setdefault(order_no, {})[row_no] = bad

    def reject(self, row_no: int, bad: BadCell) -> None:
        self._alone.append((row_no, bad))

    def ready(self) -> Iterator[OrderBatch | Restart]:
        """While streaming: the whole orders among the lines read since the last call, except
        the last order read (its next line may still come); RESTART when a line read since
        belongs to an order already handed out."""
        if not self.streaming:
            return
        numbers = self.columns["order_no"]
        lo, hi = self._sent, len(numbers)
        if lo == hi:
            return
        if self._conflict(lo, hi):
            yield from self._restart()
            return
        last = numbers[hi - 1]
        cut = hi - 1
        while cut > lo and numbers[cut - 1] == last:
            cut -= 1
        if cut == lo or last in set(numbers[lo:cut]):  # the last order is not together yet: wait
            return
        segment = self._segment(lo, cut)
        self._sent = cut
        self._sent_orders.update(segment["order_no"])
        yield from _batches(segment)

    def orders(self, sink: RowSink) -> Iterator[OrderBatch | Restart]:
        """Report the rejected rows (in row order), then yield every whole order with its lines
        (those not handed out yet, when streaming), orders in the order they first appear, each
        order's lines in file order."""
        n = len(self.columns["order_no"])
        if self.streaming:
            if not self._conflict(self._sent, n):
                self._report(sink)
                yield from _batches(self._segment(self._sent, n))
                return
            yield from self._restart()
        self._report(sink)
        yield from _batches(self._segment(0, n))

    def _conflict(self, lo: int, hi: int) -> bool:
        sent = self._sent_orders
        return bool(sent) and not (sent.isdisjoint(self.columns["order_no"][lo:hi]) and sent.isdisjoint(self._broken))

    def _restart(self) -> Iterator[Restart]:
        self.streaming = False
        self._sent, self._sent_orders = 0, set()
        yield RESTART

    def _segment(self, lo: int, hi: int) -> dict[str, list]:
        """The lines lo..hi, without those of broken orders."""
        c = {k: v[lo:hi] for k, v in self.columns.items()}
        if self._broken:
            broken = self._broken
            kept = [no not in broken for no in c["order_no"]]
            if not all(kept):
                c = {k: list(compress(v, kept)) for k, v in c.items()}
        return c

    def _report(self, sink: RowSink) -> None:
        """Every rejected row, in row order: rows without an order, then broken orders' rows."""
        c = self.columns
        rejections = list(self._alone)
        if self._broken:
            lost = [no in self._broken for no in c["order_no"]]
            for no, row in compress(zip(c["order_no"], c["row"]), lost):
                rejections.append((row, BadCell(self.order_column, SIBLING_ZH, SIBLING_EN, no)))
            for errors in self._broken.values():
                rejections.extend(errors.items())
        rejections.sort(key=itemgetter(0))
        for row_no, bad in rejections:
            sink.reject(row_no, bad.column, bad.zh, bad.en, bad.value)


def _batches(c: dict[str, list]) -> Iterator[OrderBatch]:
    """The orders of these line columns, ORDERS_PER_BATCH at a time."""
    if not c["order_no"]:
        return
    c, sizes = _grouped(c)
    starts = list(accumulate(sizes, initial=0))
    done = 0
    while done < len(sizes):
        upto = min(done + ORDERS_PER_BATCH, len(sizes))
        yield _batch(c, sizes[done:upto], starts[done:upto + 1])
        done = upto


def _grouped(c: dict[str, list]) -> tuple[dict[str, list], list[int]]:
    """The line columns reordered so each order's lines sit together (orders by first appearance,
    lines in file order within an order), and the number of lines of each order."""
    first: dict[str, int] = {}
    order_of = [first.setdefault(no, len(first)) for no in c["order_no"]]
    sizes = list(Counter(order_of).values())  # counted in first-appearance order: order 0, 1, ...
    if len(sizes) == len(order_of):  # every order has one line
        return c, sizes
    if any(map(int.__gt__, order_of, order_of[1:])):  # an order's lines are not together: sort (stable)
        perm = sorted(range(len(order_of)), key=order_of.__getitem__)
        c = {k: list(map(v.__getitem__, perm)) for k, v in c.items()}
    return c, sizes


def _batch(c: dict[str, list], sizes: list[int], starts: list[int]) -> OrderBatch:
    """The orders whose lines run from starts[i] to starts[i + 1]: the row path's _order() by columns."""
    lo, hi = starts[0], starts[-1]
    firsts = starts[:-1]
    first = {k: list(map(c[k].__getitem__, firsts)) for k in (
        "order_no", "row", "status", "status_text", "created_at", "paid_at", "goods_fen", "amount_fen",
        "refund_fen", "quantity", "title")}
    status, status_text = first["status"], first["status_text"]
    created, paid_at, goods, paid, refund = (first[k] for k in (
        "created_at", "paid_at", "goods_fen", "amount_fen", "refund_fen"))
    item_count, title = first["quantity"], first["title"]
    amounts, line_refunds = c["amount_fen"], c["refund_fen"]
    # A single-line order is its line: its values are the line's (above), its refund state the line's.
    states = list(map(_one_line_refund_state, status, paid, refund))
    for i in (i for i, size in enumerate(sizes) if size > 1):
        a = firsts[i]
        b = a + sizes[i]
        status[i], status_text[i] = order_status(list(zip(c["status"][a:b], c["status_text"][a:b])))
        created[i] = min(filter(None, c["created_at"][a:b]), default=None)
        paid_at[i] = min(filter(None, c["paid_at"][a:b]), default=None)
        goods[i], paid[i], refund[i] = (_sum(c[k][a:b]) for k in ("goods_fen", "amount_fen", "refund_fen"))
        quantities = c["quantity"][a:b]
        item_count[i] = None if None in quantities else sum(quantities)
        title[i] = TITLE_SEPARATOR.join(dict.fromkeys(filter(None, c["title"][a:b]))) or None
        states[i] = refund_state(status[i], paid[i], refund[i], amounts[a:b], line_refunds[a:b])
    columns = {
        "order_no": first["order_no"], "row": first["row"], "status": status, "status_text": status_text,
        "created_at": created, "paid_at": paid_at, "goods_fen": goods, "paid_fen": paid, "refund_fen": refund,
        "refund_state": states, "item_count": item_count, "title": title,
    }
    return OrderBatch("taobao", columns, {k: c[k][lo:hi] for k in LINE_FIELDS})


def _one_line_refund_state(status, paid, refund):
    return refund_state(status, paid, refund, (paid,), (refund,))


def _sum(values: list) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


__all__ = ["LineColumns", "parse_chunk"]
