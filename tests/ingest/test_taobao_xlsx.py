"""The 2024-25 千牛 xlsx (ExportOrderList*.xlsx): one row per sub-order, no buyer column."""

from __future__ import annotations

from datetime import datetime

import pytest

from sellerdesk.domain.errors import FileImportError
from sellerdesk.domain.orders import OrderStatus, RefundState, is_countable
from sellerdesk.ingest.grouping import SIBLING_EN
from sellerdesk.ingest.taobao_xlsx import TaobaoSubOrdersXlsx, order_status
from tests.ingest.taobao_files import SUBORDER_HEADERS, errors_by_row, parse_file, suborder_row, write_xlsx

S = OrderStatus
A, B, C, D = "4025633395051234567", "4025633395051234568", "4025633395051234569", "4025633395051234570"


def _parse(tmp_path, rows, headers=SUBORDER_HEADERS, **kw):
    path = write_xlsx(tmp_path / "ExportOrderList24220674019.xlsx", headers, rows, **kw)
    records, sink = parse_file(TaobaoSubOrdersXlsx, path)
    return {r.order_no: r for r in records}, sink


@pytest.fixture
def shop(tmp_path):
    rows = [
        suborder_row("4025633395051234561", A, 商品价格=239.0, 买家应付货款=201.12, 买家实付金额=201.12),
        # order B: one line kept, one refunded (its line reads 交易关闭)
        suborder_row("4025633395051234562", B, 商品标题="纯棉毛巾", 购买数量=3, 买家应付货款=59.7, 买家实付金额=59.7),
        suborder_row("4025633395051234563", A, 商品标题="木铲", 商品价格=15.0, 购买数量=2, 商家编码="SPATULA",
                     买家应付货款=30, 买家实付金额=30),
        suborder_row("4025633395051234564", B, 商品标题="浴巾", 订单状态="交易关闭", 买家应付货款=40,
                     买家实付金额=40, 退款状态="退款成功", 退款金额=40),
        # order C: refunded in full
        suborder_row(C, C, 订单状态="交易关闭", 买家实付金额=99, 买家应付货款=99, 退款状态="退款成功", 退款金额=99),
        # order D: never paid, closed
        suborder_row(D, D, 订单状态="交易关闭", 买家实付金额=0, 订单付款时间="--", 退款状态="", 退款金额=0),
    ]
    return _parse(tmp_path, rows)


def test_groups_sub_orders_by_main_order(shop):
    by_no, sink = shop
    assert list(by_no) == [A, B, C, D]
    assert sink.errors == [] and sink.rows_read == 6
    order = by_no[A]
    assert [ln.line_key for ln in order.lines] == ["4025633395051234561", "4025633395051234563"]
    assert (order.platform, order.row, order.item_count) == ("taobao", 2, 3)
    assert order.title == "不粘锅炒锅家用；木铲"


def test_order_money_is_the_sum_of_its_lines(shop):
    order = shop[0][A]
    assert (order.goods_fen, order.paid_fen, order.shipping_fen) == (23112, 23112, None)
    assert (order.created_at, order.paid_at) == ("2025-11-11 20:00:00", "2025-11-11 20:00:05")
    assert (order.status, order.status_text) == (S.COMPLETED, "交易成功")
    assert (order.refund_fen, order.refund_state) == (0, RefundState.NONE)


def test_no_buyer_column_leaves_the_buyer_unknown(shop):
    order = shop[0][A]
    assert (order.buyer_account, order.receiver_name, order.receiver_phone, order.address) == (None,) * 4
    assert order.buyer_key() is None


def test_line_fields(shop):
    pan, spatula = shop[0][A].lines
    assert (pan.title, pan.item_id, pan.sku, pan.spec) == ("不粘锅炒锅家用", "720000000001", "PAN-20", "颜色分类：20厘米锅")
    assert (pan.quantity, pan.unit_price_fen, pan.amount_fen, pan.status_text, pan.refund_fen) == (
        1, 23900, 20112, "交易成功", 0,
    )
    assert (spatula.quantity, spatula.unit_price_fen, spatula.amount_fen, spatula.sku) == (2, 1500, 3000, "SPATULA")


@pytest.mark.parametrize(
    "order_no, status, paid, refund, state, countable",
    [
        (A, S.COMPLETED, 23112, 0, RefundState.NONE, True),
        (B, S.COMPLETED, 9970, 4000, RefundState.PARTIAL, True),
        (C, S.CLOSED, 9900, 9900, RefundState.FULL, False),
        (D, S.CLOSED, 0, 0, RefundState.NONE, False),
    ],
)
def test_status_and_refund_per_order(shop, order_no, status, paid, refund, state, countable):
    order = shop[0][order_no]
    assert (order.status, order.paid_fen, order.refund_fen, order.refund_state) == (status, paid, refund, state)
    assert is_countable(order.status, order.refund_state) is countable


def test_refunded_line_carries_its_refund(shop):
    kept, refunded = shop[0][B].lines
    assert (kept.refund_fen, refunded.refund_fen, refunded.status_text) == (0, 4000, "交易关闭")
    assert shop[0][D].paid_at is None


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([S.CLOSED, S.CLOSED], S.CLOSED),
        ([S.COMPLETED, S.CLOSED], S.COMPLETED),
        ([S.SHIPPED, S.COMPLETED], S.COMPLETED),
        ([S.PAID, S.SHIPPED], S.SHIPPED),
        ([S.CLOSED, S.PAID], S.PAID),
        ([S.UNPAID, S.UNPAID], S.UNPAID),
        ([S.UNPAID, S.CLOSED], S.UNPAID),
    ],
)
def test_order_status_rule(statuses, expected):
    status, text = order_status([(s, f"text-{s}") for s in statuses])
    assert (status, text) == (expected, f"text-{expected}")


def _one(tmp_path, **line):
    by_no, sink = _parse(tmp_path, [suborder_row(A, A, **line)])
    assert sink.errors == []
    return by_no[A]


@pytest.mark.parametrize(
    "line, refund, state",
    [
        # a withdrawn request moved no money, even with an amount written
        ({"退款状态": "退款关闭", "退款金额": 50}, 0, RefundState.NONE),
        ({"退款状态": "买家已经申请退款，等待卖家同意", "退款金额": 50}, 0, RefundState.NONE),
        ({"退款状态": "退款成功", "退款金额": 50.5}, 5050, RefundState.PARTIAL),
        ({"退款状态": "退款成功", "退款金额": 201.12}, 20112, RefundState.FULL),
        # 退款成功 without an amount: the whole line
        ({"退款状态": "退款成功", "退款金额": "--"}, 20112, RefundState.FULL),
        # no status text: the amount as written, as in the order report
        ({"退款状态": "", "退款金额": "20.00元"}, 2000, RefundState.PARTIAL),
        ({"退款状态": "None", "退款金额": "无退款申请"}, 0, RefundState.NONE),
        ({"退款状态": "#NULL!", "退款金额": "#NULL!"}, 0, RefundState.NONE),
        # closed after payment with nothing written: refunded in full
        ({"订单状态": "交易关闭", "退款状态": "", "退款金额": ""}, 20112, RefundState.FULL),
        ({"订单状态": "交易关闭", "退款状态": "退款成功", "退款金额": 150}, 15000, RefundState.FULL),
    ],
)
def test_refund_rules(tmp_path, line, refund, state):
    order = _one(tmp_path, **line)
    assert (order.refund_fen, order.refund_state) == (refund, state)


def test_without_refund_columns_only_a_closed_paid_order_says_refunded(tmp_path):
    headers = [h for h in SUBORDER_HEADERS if h not in ("退款状态", "退款金额")]
    rows = [suborder_row(A, A), suborder_row(C, C, 订单状态="交易关闭")]
    by_no, sink = _parse(tmp_path, rows, headers=headers)
    assert (by_no[A].refund_fen, by_no[A].refund_state) == (None, None)
    assert (by_no[C].refund_fen, by_no[C].refund_state) == (20112, RefundState.FULL)


def test_text_cells_as_a_resave_leaves_them(tmp_path):
    row = suborder_row(
        "'4025633395051234561", "'" + A, 商品价格="239.00", 购买数量="1", 买家实付金额="201.12元",
        订单创建时间="2025/11/11 20:00", 订单付款时间="2025-11-11 20:00:05", 订单状态="买家已付款,等待卖家发货",
    )
    order = _parse(tmp_path, [row])[0][A]
    assert order.lines[0].line_key == "4025633395051234561"
    assert (order.created_at, order.paid_at, order.paid_fen) == ("2025-11-11 20:00:00", "2025-11-11 20:00:05", 20112)
    assert (order.status, order.status_text) == (S.PAID, "买家已付款,等待卖家发货")


def test_numbers_stored_as_numbers(tmp_path):
    exact = suborder_row(1234567890123457.0, 1234567890123456.0)  # below 2**53: still exact
    lost = suborder_row("4025633395051234599", float(B))  # 19 digits as a float: digits are gone
    by_no, sink = _parse(tmp_path, [exact, lost])
    assert list(by_no) == ["1234567890123456"]
    assert by_no["1234567890123456"].lines[0].line_key == "1234567890123457"
    (error,) = sink.errors
    assert (error.row, error.column) == (3, "主订单编号") and "lost its last digits" in error.reason_en


def test_broken_row_rejects_its_whole_order_with_excel_row_numbers(tmp_path):
    rows = [
        suborder_row("1", A),                                          # row 3
        suborder_row("2", B),                                          # row 4
        suborder_row("3", A, 订单付款时间="2025-11-31 10:00:00"),       # row 5: bad date
        suborder_row("4", C, 买家实付金额="二十"),                        # row 6: bad amount
        suborder_row("5", "", 商品标题="无主"),                           # row 7: no order number
        suborder_row("6", D, 订单状态="待评价"),                          # row 8: unknown status
        suborder_row("7", D),                                          # row 9
    ]
    # a title row above the header, as some exports carry
    by_no, sink = _parse(tmp_path, rows, title_rows=[["订单导出 2025-11-12"]])
    assert list(by_no) == [B]
    assert errors_by_row(sink) == {
        3: ("主订单编号", SIBLING_EN),
        5: ("订单付款时间", "not a date/time"),
        6: ("买家实付金额", "not an amount of money"),
        7: ("主订单编号", "order number is missing"),
        8: ("订单状态", "unknown order status"),
        9: ("主订单编号", SIBLING_EN),
    }
    assert sink.rows_read == 7


def test_summary_row_at_the_bottom_is_not_an_order(tmp_path):
    total = ["合计", None, None, None, 3, None, None, None, None, None, None, 261.12, 261.12]
    by_no, sink = _parse(tmp_path, [suborder_row("1", A), suborder_row("2", A), total, []])
    assert list(by_no) == [A] and sink.errors == [] and sink.rows_read == 2
    assert by_no[A].paid_fen == 40224


def test_header_only_and_empty_workbooks(tmp_path):
    by_no, sink = _parse(tmp_path, [])
    assert by_no == {} and sink.errors == []
    from openpyxl import Workbook

    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(FileImportError):
        parse_file(TaobaoSubOrdersXlsx, empty)


def test_scores_spreadsheets_only():
    headers = set(SUBORDER_HEADERS)
    assert TaobaoSubOrdersXlsx.score(headers, is_spreadsheet=True) > 0
    assert TaobaoSubOrdersXlsx.score(headers, is_spreadsheet=False) == 0
    assert TaobaoSubOrdersXlsx.score({"订单编号", "买家会员名", "订单状态"}, True) == 0


def test_all_cell_placeholders_are_empty(tmp_path):
    line = suborder_row(A, A, 商品属性="None", 商家编码="#NULL!", 商品ID="--", 订单创建时间=datetime(2025, 1, 5, 9, 3, 7))
    order = _parse(tmp_path, [line])[0][A]
    assert (order.lines[0].spec, order.lines[0].sku, order.lines[0].item_id) == (None, None, None)
    assert order.created_at == "2025-01-05 09:03:07"
