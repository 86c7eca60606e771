"""The shared loops and rules every layout builds on: grouping.py and the additions to layout.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellerdesk.domain.orders import LineRecord, OrderRecord
from sellerdesk.ingest.grouping import (
    NO_ORDER_ABOVE_EN,
    SIBLING_EN,
    SIBLING_ZH,
    LineGrainedLayout,
    OrderGroups,
    title_summary,
    total_quantity,
)
from sellerdesk.ingest.layout import (
    BadCell,
    Columns,
    FoldedLayout,
    Row,
    RowLayout,
    RowSink,
    fold_header,
    unknown_status,
)
from sellerdesk.ingest.table import Table

HEADERS = ["订单编号", "标题", "数量", "状态"]


def table(rows: list[list], headers: list[str] = HEADERS) -> Table:
    """Rows numbered from 2, as under a header on row 1."""
    return Table(Path("t.csv"), headers, "utf-8", iter(enumerate(rows, 2)), lambda: 0.0)


class Lines(LineGrainedLayout[LineRecord]):
    key = platform = "test"
    kind = "orders"
    label_zh = label_en = "test"
    required_headers = ("订单编号",)
    column_spec = {"order_no": ("订单编号",), "title": ("标题",), "quantity": ("数量",), "status": ("状态",)}

    def _row(self, row: Row) -> LineRecord:
        if row.text("status") == "坏":
            raise unknown_status(row, "status")
        return LineRecord(line_key="", title=row.text("title"), quantity=row.quantity("quantity"))

    def _order(self, order_no: str, first_row: int, lines: list[LineRecord]) -> OrderRecord:
        return self.order_record(order_no, first_row, lines)


class MergedLines(Lines):
    blank_order_continues = True

    def _first_row(self, row: Row) -> LineRecord:
        if not row.text("status"):
            raise BadCell(row.cols.header["status"], "缺少订单状态", "order status is missing")
        return self._row(row)


def parse(layout, rows, headers=HEADERS):
    sink = RowSink("t.csv")
    return list(layout.parse(table(rows, headers), sink)), sink


def errors(sink: RowSink) -> list[tuple]:
    return [(e.row, e.column, e.reason_en, e.value) for e in sink.errors]


def test_a_broken_row_rejects_its_whole_order_and_siblings_name_it():
    rows = [
        ["A", "锅", "1", "好"],   # 2
        ["B", "碗", "2", "好"],   # 3
        ["A", "盖", "x", "好"],   # 4 broken
        ["C", "勺", "1", "好"],   # 5
        ["A", "铲", "1", "坏"],   # 6 broken too
        ["A", "锅", "1", "好"],   # 7
        ["B", "碗", "1", "好"],   # 8
    ]
    records, sink = parse(Lines(), rows)
    assert [(r.order_no, r.row, r.item_count, r.title) for r in records] == [("B", 3, 3, "碗"), ("C", 5, 1, "勺")]
    assert errors(sink) == [  # in row order, each broken row with its own reason
        (2, "订单编号", SIBLING_EN, "A"),
        (4, "数量", "not a whole number", "x"),
        (6, "状态", "unknown order status", "坏"),
        (7, "订单编号", SIBLING_EN, "A"),
    ]
    assert sink.errors[0].reason_zh == SIBLING_ZH
    assert (sink.rows_read, sink.rejected) == (7, 4)


def test_rejections_are_reported_before_the_first_order():
    sink = RowSink("t.csv")
    orders = Lines().parse(table([["A", "锅", "1", "好"], ["", "碗", "1", "好"]]), sink)
    next(orders)
    assert errors(sink) == [(3, "订单编号", "order number is missing", None)]


def test_rows_without_a_usable_order_number_are_rejected_alone():
    rows = [["A", "锅", "1", "好"], ["", "碗", "1", "好"], ["3.51531E+16", "碗", "1", "好"], ["A", "盖", "2", "好"]]
    records, sink = parse(Lines(), rows)
    assert [(r.order_no, r.item_count) for r in records] == [("A", 3)]
    assert [(e.row, e.reason_en[:24]) for e in sink.errors] == [
        (3, "order number is missing"), (4, "the number was stored as")]


def test_blank_and_totals_rows_are_not_data():
    rows = [["A", "锅", "1", "好"], ["", "", "", ""], [], ["合计", "", "3", ""], ["", "合计：3 件", "", ""]]
    records, sink = parse(Lines(), rows)
    assert len(records) == 1 and sink.errors == [] and sink.rows_read == 1


def test_negative_quantity_is_refused():
    records, sink = parse(Lines(), [["A", "锅", "-1", "好"]])
    assert records == [] and errors(sink) == [(2, "数量", "quantity cannot be negative", "-1")]


def test_blank_order_number_continues_the_order_above():
    rows = [
        ["", "锅", "1", "好"],              # 2: nothing above
        ["A", "锅", "1", "好"],             # 3
        ["", "盖", "2", ""],                # 4: A's second line
        ["", "", "", ""],                   # 5: blank, not a line
        ["6.91793E+18", "碗", "1", "好"],   # 6: number lost
        ["", "碗", "1", ""],                # 7: its line goes with it
        ["B", "勺", "1", ""],               # 8: first row without a status
        ["", "勺", "1", "好"],              # 9
        ["C", "铲", "1", "好"],             # 10
    ]
    records, sink = parse(MergedLines(), rows)
    assert [(r.order_no, r.row, [ln.title for ln in r.lines]) for r in records] == [
        ("A", 3, ["锅", "盖"]), ("C", 10, ["铲"])]
    assert [(e.row, e.column, e.reason_en[:30]) for e in sink.errors] == [
        (2, "订单编号", NO_ORDER_ABOVE_EN[:30]),
        (6, "订单编号", "the number was stored as a num"),
        (7, "订单编号", SIBLING_EN[:30]),
        (8, "状态", "order status is missing"),
        (9, "订单编号", SIBLING_EN[:30]),
    ]
    assert sink.rows_read == 8


def test_order_groups_keep_nothing_of_a_broken_order():
    sink = RowSink("t.csv")
    groups: OrderGroups[str] = OrderGroups(sink, "订单号")
    groups.add("A", 2, "a1")
    groups.broken("A", 3, BadCell("金额", "金额格式不对", "not an amount of money", "x"))
    groups.add("A", 4, "a3")
    groups.add("B", 5, "b1")
    assert "A" in groups and "Z" not in groups
    assert list(groups.orders()) == [("B", 5, ["b1"])]
    assert [(e.row, e.column, e.value) for e in sink.errors] == [(2, "订单号", "A"), (3, "金额", "x"), (4, "订单号", "A")]


@pytest.mark.parametrize(
    "quantities, total",
    [([1, 2], 3), ([0], 0), ([1, None], None), ([None], None), ([], None)],
)
def test_total_quantity_is_unknown_when_any_line_is(quantities, total):
    assert total_quantity([LineRecord(line_key="", quantity=q) for q in quantities]) == total


def test_title_summary():
    titles = ["锅", None, "盖", "锅", ""]
    assert title_summary([LineRecord(line_key="", title=t) for t in titles]) == "锅；盖"
    assert title_summary([LineRecord(line_key="")]) is None


@pytest.mark.parametrize(
    "written, folded",
    [("商品总价（元）", "商品总价(元)"), ("商品 总价 (元)", "商品总价(元)"), ("\u3000订单号\t", "订单号"), ("SKU ID", "SKUID")],
)
def test_fold_header(written, folded):
    assert fold_header(written) == folded


class Folded(FoldedLayout, RowLayout):
    key = platform = "folded"
    kind = "orders"
    label_zh = label_en = "folded"
    required_headers = ("商品总价(元)", "订单号")
    column_spec = {"order_no": ("订单号",), "goods": ("商品总价(元)",)}

    def _record(self, row: Row) -> OrderRecord:
        return OrderRecord(platform="folded", order_no=row.required("order_no"), row=row.no,
                           goods_fen=row.fen("goods"))


def test_folded_layout_matches_other_spellings_and_reports_the_files_own():
    headers = ["订单号", "商品总价（元）"]
    assert Folded.score(set(headers), is_spreadsheet=False) > 0
    records, sink = parse(Folded(), [["1", "12.50"], ["", "1"], ["2", "abc"], ["合计", "14"]], headers)
    assert [(r.order_no, r.row, r.goods_fen) for r in records] == [("1", 2, 1250)]
    assert [(e.row, e.column) for e in sink.errors] == [(3, "订单号"), (4, "商品总价（元）")]
    assert sink.rows_read == 3


def test_plain_layout_does_not_fold():
    t = table([], ["商品总价（元）"])
    assert not Lines().columns(t, {"goods": ("商品总价(元)",)}).has("goods")
    assert Folded().columns(t, {"goods": ("商品总价(元)",)}).has("goods")
    assert isinstance(Lines().columns(t, {}), Columns)
