"""The legacy Taobao item report (宝贝报表, ExportOrderDetailList*.csv): one row per line item."""

from __future__ import annotations

import random

import pytest

from sellerdesk.domain.errors import FileImportError
from sellerdesk.ingest.grouping import SIBLING_EN
from sellerdesk.ingest.taobao_items import TaobaoItemsCsv
from tests.ingest.taobao_files import (
    ITEM_HEADERS,
    ORDER_HEADERS_61,
    ORDER_NO,
    SUBORDER_HEADERS,
    errors_by_row,
    item_row,
    parse_file,
    write_items,
)

# As the platform writes it: GBK, CRLF, quoted cells, ="..." order numbers, and a
# trailing comma on every data row. Order ...579 is split around order ...580.
BYTES = (
    '"订单编号","标题","价格","购买数量","外部系统编号","商品属性","套餐信息","备注","订单状态","商家编码"\r\n'
    '="35153131473293579","不粘锅炒锅家用","239.00","1","PAN","颜色分类：20厘米锅-第三方玻璃盖","","","交易成功","PAN-20-GLASS",\r\n'
    '="35153131473293580","纯棉毛巾","19.90","3","TOWEL","颜色分类：白色","","","交易成功","TW-WHITE",\r\n'
    '="35153131473293579","木铲","15.00","2","","","","","交易关闭","",\r\n'
).encode("gbk")


@pytest.fixture
def items(tmp_path):
    path = tmp_path / "ExportOrderDetailList201706211030.csv"
    path.write_bytes(BYTES)
    records, sink = parse_file(TaobaoItemsCsv, path)
    return {r.order_no: r for r in records}, sink


def test_real_bytes_group_rows_by_order(items):
    by_no, sink = items
    assert list(by_no) == [ORDER_NO, "35153131473293580"]
    assert sink.errors == [] and sink.rows_read == 3
    order = by_no[ORDER_NO]
    assert (order.platform, order.row) == ("taobao", 2)
    # The order report owns the order's title and count; this file only adds lines.
    assert (order.item_count, order.title) == (None, None)
    assert [ln.title for ln in order.lines] == ["不粘锅炒锅家用", "木铲"] and sum(ln.quantity for ln in order.lines) == 3


def test_real_bytes_line_fields(items):
    pan, spatula = items[0][ORDER_NO].lines
    assert (pan.title, pan.sku, pan.spec) == ("不粘锅炒锅家用", "PAN-20-GLASS", "颜色分类：20厘米锅-第三方玻璃盖")
    assert (pan.quantity, pan.unit_price_fen, pan.status_text) == (1, 23900, "交易成功")
    assert (spatula.quantity, spatula.unit_price_fen, spatula.status_text) == (2, 1500, "交易关闭")
    assert pan.line_key == "PAN-20-GLASS|颜色分类：20厘米锅-第三方玻璃盖#1"
    assert spatula.line_key == "木铲|#1"  # no 商家编码: the title stands in
    assert pan.amount_fen is None and pan.refund_fen is None  # the list price is not what was paid


def test_the_file_says_nothing_about_buyer_money_or_order_status(items):
    order = items[0][ORDER_NO]
    unknown = (
        order.buyer_account, order.receiver_name, order.receiver_phone, order.address, order.status,
        order.status_text, order.created_at, order.paid_at, order.goods_fen, order.shipping_fen, order.paid_fen,
        order.refund_fen, order.refund_state, order.shop,
    )
    assert unknown == (None,) * len(unknown)


def _keys(records):
    return {r.order_no: {ln.line_key: (ln.quantity, ln.unit_price_fen) for ln in r.lines} for r in records}


def test_line_keys_survive_a_reexport_in_another_row_order(tmp_path):
    rows = [
        item_row(),
        item_row(标题="木铲", 商家编码="", 商品属性="", 价格="15.00"),
        item_row("35153131473293580", 标题="毛巾", 商家编码="TW", 商品属性="白色"),
        item_row("35153131473293580", 标题="毛巾", 商家编码="TW", 商品属性="蓝色", 购买数量="2"),
        item_row(商品属性="颜色分类：24厘米锅", 价格="259.00"),
    ]
    first = parse_file(TaobaoItemsCsv, write_items(tmp_path / "a.csv", rows))[0]
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != rows
    again = parse_file(TaobaoItemsCsv, write_items(tmp_path / "b.csv", shuffled))[0]
    assert _keys(first) == _keys(again)
    assert len({k for lines in _keys(first).values() for k in lines}) == 5


def test_identical_lines_are_numbered(tmp_path):
    rows = [item_row(), item_row(购买数量="2"), item_row()]
    (order,), sink = parse_file(TaobaoItemsCsv, write_items(tmp_path / "same.csv", rows))
    assert [ln.line_key[-2:] for ln in order.lines] == ["#1", "#2", "#3"]
    assert [ln.quantity for ln in order.lines] == [1, 2, 1]


def test_broken_row_rejects_its_whole_order_and_keeps_the_others(tmp_path):
    rows = [
        item_row(),                                   # row 2: order A
        item_row("35153131473293580"),                # row 3: order B
        item_row(价格="两百"),                          # row 4: order A, broken
        item_row("35153131473293581"),                # row 5: order C
        item_row(购买数量="x"),                         # row 6: order A, broken too
        item_row(),                                   # row 7: order A
    ]
    records, sink = parse_file(TaobaoItemsCsv, write_items(tmp_path / "broken.csv", rows))
    assert [r.order_no for r in records] == ["35153131473293580", "35153131473293581"]
    assert errors_by_row(sink) == {
        2: ("订单编号", SIBLING_EN),
        4: ("价格", "not an amount of money"),
        6: ("购买数量", "not a whole number"),
        7: ("订单编号", SIBLING_EN),
    }
    assert [e.row for e in sink.errors] == [2, 4, 6, 7]  # reported in row order
    assert sink.rejected == 4 and sink.rows_read == 6
    assert sink.errors[0].reason_zh == "同一订单的其他行有错误"
    assert sink.errors[0].value == ORDER_NO  # a sibling names its order
    assert sink.errors[1].value == "两百"


@pytest.mark.parametrize(
    "changes, column, reason",
    [
        ({"价格": "2,39.0.0"}, "价格", "not an amount of money"),
        ({"购买数量": "1.5"}, "购买数量", "not a whole number"),
        ({"购买数量": "-1"}, "购买数量", "quantity cannot be negative"),
        ({"订单编号": "3.51531E+16"}, "订单编号", None),
    ],
)
def test_bad_cells(tmp_path, changes, column, reason):
    rows = [item_row("35153131473293590"), item_row(**changes)]
    records, sink = parse_file(TaobaoItemsCsv, write_items(tmp_path / "bad.csv", rows))
    assert [r.order_no for r in records] == ["35153131473293590"]
    (error,) = sink.errors
    assert (error.row, error.column) == (3, column)
    assert error.reason_en == reason if reason else "lost its last digits" in error.reason_en


def test_row_without_order_number_is_rejected_alone(tmp_path):
    rows = [item_row(), item_row(订单编号=""), item_row()]
    (order,), sink = parse_file(TaobaoItemsCsv, write_items(tmp_path / "no_no.csv", rows))
    assert len(order.lines) == 2
    assert errors_by_row(sink) == {3: ("订单编号", "order number is missing")}


def test_money_with_yuan_and_prices_as_written(tmp_path):
    rows = [item_row(价格="159.00元"), item_row(价格="", 标题="赠品", 商家编码="GIFT")]
    (order,), sink = parse_file(TaobaoItemsCsv, write_items(tmp_path / "yuan.csv", rows))
    assert [ln.unit_price_fen for ln in order.lines] == [15900, None]
    assert sink.errors == []


def test_summary_row_and_blank_rows_are_not_orders(tmp_path):
    path = write_items(tmp_path / "total.csv", [item_row(), item_row("35153131473293580")])
    tail = '"合计","","517.00","2","","","","","","",\r\n,,,,,,,,,,,\r\n\r\n'
    path.write_bytes(path.read_bytes() + tail.encode("gbk"))
    records, sink = parse_file(TaobaoItemsCsv, path)
    assert len(records) == 2 and sink.errors == [] and sink.rows_read == 2


def test_excel_resave_utf8_bom(tmp_path):
    path = write_items(tmp_path / "resaved.csv", [item_row(), item_row(标题="木铲", 商家编码="")], excel=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    (order,), sink = parse_file(TaobaoItemsCsv, path)
    assert sink.errors == []
    assert (order.order_no, [ln.sku for ln in order.lines]) == (ORDER_NO, ["PAN-20-GLASS", None])


def test_header_with_a_trailing_comma_too(tmp_path):
    path = tmp_path / "hdr_comma.csv"
    path.write_bytes(BYTES.replace('"商家编码"\r\n'.encode("gbk"), '"商家编码",\r\n'.encode("gbk"), 1))
    records, sink = parse_file(TaobaoItemsCsv, path)
    assert len(records) == 2 and sink.errors == []


def test_header_only_and_empty_files(tmp_path):
    records, sink = parse_file(TaobaoItemsCsv, write_items(tmp_path / "h.csv", []))
    assert records == [] and sink.errors == []
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FileImportError):
        parse_file(TaobaoItemsCsv, empty)


def test_scores_only_item_reports():
    assert TaobaoItemsCsv.score(set(ITEM_HEADERS) | {""}, is_spreadsheet=False) > 0
    assert TaobaoItemsCsv.score({h.strip() for h in ORDER_HEADERS_61}, False) == 0
    assert TaobaoItemsCsv.score(set(SUBORDER_HEADERS), True) == 0
