"""The generic layout (columns mapped by the user) on the shared grouping rules."""

from __future__ import annotations

import pytest

from sellerdesk.domain.orders import OrderStatus, RefundState
from sellerdesk.ingest.generic import GenericLayout, MappingError
from sellerdesk.ingest.grouping import SIBLING_EN

from .taobao_files import parse_file, write_csv

HEADERS = ["单号", "客户", "金额", "状态", "数量", "商品", "时间", "退款", "地址"]
MAPPING = {"order_no": "单号", "buyer": "客户", "paid": "金额", "status": "状态", "quantity": "数量",
           "title": "商品", "created_at": "时间", "refund": "退款", "address": "地址"}


def row(order_no: str = "X1", **changes: str) -> dict:
    values = {"单号": order_no, "客户": "c1", "金额": "10.00", "状态": "已付款", "数量": "1", "商品": "杯子",
              "时间": "2025-11-11 20:00:00", "退款": "", "地址": "江苏省南京市鼓楼区中山路1号"}
    values.update(changes)
    return values


def parse(tmp_path, rows, **mapping):
    path = write_csv(tmp_path / "other.csv", HEADERS, rows, excel=True)
    layout = GenericLayout({**MAPPING, **mapping}, HEADERS)
    return parse_file(lambda: layout, path)


@pytest.mark.parametrize("amounts, paid", [("order", 1000), ("line", 3500)])
def test_rows_of_one_order_become_its_lines(tmp_path, amounts, paid):
    rows = [row(), row("X2"), row(商品="杯盖", 数量="2", 金额="25.00", 客户="someone else")]
    records, sink = parse(tmp_path, rows, _amounts=amounts)
    assert sink.errors == [] and [r.order_no for r in records] == ["X1", "X2"]
    order = records[0]
    assert (order.row, order.buyer_account, order.paid_fen, order.item_count) == (2, "c1", paid, 3)
    assert [(ln.line_key, ln.title, ln.quantity) for ln in order.lines] == [("1", "杯子", 1), ("2", "杯盖", 2)]
    assert (order.status, order.province, order.title) == (OrderStatus.PAID, "江苏省", "杯子")


def test_refund_words_and_line_refunds(tmp_path):
    rows = [row(状态="退款成功"), row("X2", 退款="3.00"), row("X2", 退款="7.00", 金额="5.00")]
    records, sink = parse(tmp_path, rows, _amounts="line")
    assert sink.errors == []
    assert (records[0].status, records[0].refund_state) == (OrderStatus.CLOSED, RefundState.FULL)
    assert (records[1].paid_fen, records[1].refund_fen, records[1].refund_state) == (1500, 1000, RefundState.PARTIAL)


def test_a_broken_row_rejects_its_whole_order(tmp_path):
    rows = [row(), row("X2"), row(金额="十元"), row(), row(状态="神秘"), row("3.51531E+16"), row("")]
    records, sink = parse(tmp_path, rows)
    assert [r.order_no for r in records] == ["X2"]
    assert [(e.row, e.column, e.reason_en[:28]) for e in sink.errors] == [
        (2, "单号", SIBLING_EN[:28]),
        (4, "金额", "not an amount of money"),
        (5, "单号", SIBLING_EN[:28]),
        (6, "状态", "unknown order status"),
        (7, "单号", "the number was stored as a n"),
        (8, "单号", "order number is missing"),
    ]
    assert sink.rows_read == 7


def test_a_mapping_that_does_not_fit():
    with pytest.raises(MappingError):
        GenericLayout({"order_no": "没有这列"}, HEADERS)
    with pytest.raises(MappingError):
        GenericLayout({"paid": "金额"}, HEADERS)
