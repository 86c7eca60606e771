"""Douyin (抖店) order export: UTF-8 BOM CSV, one row per 子订单, amounts per line."""

from __future__ import annotations

import pytest

from sellerdesk.domain.orders import OrderStatus, RefundState, is_countable
from sellerdesk.ingest.douyin import DouyinOrders

from .platform_files import DOUYIN_HEADERS, by_no, douyin_csv, douyin_csv_bytes, douyin_row, errors, parse

SIBLING = ("同一订单的其他行有错误", "another row of the same order is broken")
MAIN = "4852990449509144467"


def _lines(main: str, *lines: dict) -> list[dict]:
    """Rows of one multi-line order: sub-order numbers main+1, main+2, ..."""
    return [douyin_row({"主订单编号": main, "子订单编号": str(int(main) + i + 1), **line}) for i, line in enumerate(lines)]


def _parse(tmp_path, rows):
    return parse(DouyinOrders(), douyin_csv(tmp_path / "douyin.csv", rows))


def test_realistic_file_bytes_and_orders(tmp_path):
    rows = [
        douyin_row(),  # single-line order: 子订单编号 == 主订单编号
        *_lines(MAIN,
                {"选购商品": "辣丝丝 麻辣牛肉干 500g", "商品数量": "2", "商品单价": "49.90", "订单应付金额": "79.80"},
                {"选购商品": "辣丝丝 灯影牛肉丝 250g", "商品数量": "1", "商品单价": "29.90", "订单应付金额": "25.90",
                 "商品ID": "3578126439018", "商家编码": "DYN-250"},
                {"选购商品": "【赠品】试吃装 30g", "商品数量": "1", "商品单价": "0.00", "订单应付金额": "0.00",
                 "商品ID": "3578126439999", "商家编码": "GIFT-30"}),
        douyin_row({"主订单编号": "6930000000000000001", "子订单编号": "6930000000000000001", "订单状态": "待发货",
                    "订单应付金额": "1,099.00", "商品单价": "1,199.00", "收件人": "张*", "收件人手机号": "138****5678",
                    "省": "北京", "市": "北京市", "详细地址": "北京朝阳区望京街道*******"}),
    ]
    data = douyin_csv_bytes(rows)
    # exactly what 抖店 writes: UTF-8 BOM, "\t..." text and ID cells, bare numbers, '-' for empty
    assert data.startswith(b"\xef\xbb\xbf" + "主订单编号,子订单编号,".encode())
    assert b'"\t6917926768823643751","\t6917926768823643751",' in data
    assert ',1,"\t3578126439017","\tNRG-500",49.90,39.90,0.00,'.encode() in data
    assert b",-," in data
    path = tmp_path / "订单导出.csv"
    path.write_bytes(data)

    records, sink = parse(DouyinOrders(), path)
    assert sink.errors == [] and sink.rows_read == 5
    assert [r.order_no for r in records] == ["6917926768823643751", MAIN, "6930000000000000001"]
    single = by_no(records)["6917926768823643751"]
    assert single.platform == "douyin" and single.row == 2
    assert single.paid_fen == 3990 and single.status == OrderStatus.COMPLETED
    assert single.refund_state == RefundState.NONE and single.refund_fen == 0
    assert single.lines[0].line_key == "6917926768823643751"
    assert single.created_at == "2025-11-11 20:00:00" and single.paid_at == "2025-11-11 20:00:12"
    assert single.buyer_account is None
    assert (single.receiver_name, single.receiver_phone) == ("##4Jk8f2Qa9xZ1", "$$1bX8P0qLmT7w")
    assert (single.province, single.city, single.address) == ("四川省", "成都市", "##9aQz7LmPq2Xc")
    multi = by_no(records)[MAIN]
    assert multi.row == 3 and len(multi.lines) == 3
    assert multi.paid_fen == 7980 + 2590 + 0  # 订单应付金额 is per line: summed
    assert [ln.amount_fen for ln in multi.lines] == [7980, 2590, 0]
    assert [ln.line_key for ln in multi.lines] == [str(int(MAIN) + i) for i in (1, 2, 3)]
    assert [(ln.item_id, ln.sku, ln.quantity, ln.unit_price_fen) for ln in multi.lines] == [
        ("3578126439017", "NRG-500", 2, 4990),
        ("3578126439018", "DYN-250", 1, 2990),
        ("3578126439999", "GIFT-30", 1, 0),
    ]
    assert multi.item_count == 4
    assert multi.title == "辣丝丝 麻辣牛肉干 500g；辣丝丝 灯影牛肉丝 250g；【赠品】试吃装 30g"
    # encrypted receiver data is stable per buyer: both orders group under one buyer
    assert multi.buyer_key() == single.buyer_key() == "##4Jk8f2Qa9xZ1|$$1bX8P0qLmT7w"
    masked = by_no(records)["6930000000000000001"]
    assert masked.paid_fen == 109900 and masked.status == OrderStatus.PAID
    assert masked.buyer_key() == "张*|138****5678"
    assert (masked.province, masked.city) == ("北京市", "北京市")


@pytest.mark.parametrize(
    ("status", "after_sale", "expected", "refund_state", "refund_fen", "countable"),
    [
        ("待支付", "-", OrderStatus.UNPAID, RefundState.NONE, 0, False),
        ("待发货", "-", OrderStatus.PAID, RefundState.NONE, 0, True),
        ("备货中", "-", OrderStatus.PAID, RefundState.NONE, 0, True),
        ("已发货", "-", OrderStatus.SHIPPED, RefundState.NONE, 0, True),
        ("已完成", "-", OrderStatus.COMPLETED, RefundState.NONE, 0, True),
        ("已完成", "售后关闭", OrderStatus.COMPLETED, RefundState.NONE, 0, True),
        ("已关闭", "-", OrderStatus.CLOSED, RefundState.NONE, 0, False),
        ("已关闭", "退款成功", OrderStatus.CLOSED, RefundState.FULL, 3990, False),
        ("已完成", "退款成功", OrderStatus.COMPLETED, RefundState.PARTIAL, None, True),
        ("已发货", "售后中", OrderStatus.SHIPPED, RefundState.NONE, 0, True),
    ],
)
def test_single_line_status_and_refund(tmp_path, status, after_sale, expected, refund_state, refund_fen, countable):
    records, sink = _parse(tmp_path, [douyin_row({"订单状态": status, "售后状态": after_sale})])
    assert sink.errors == []
    (order,) = records
    assert order.status == expected and order.status_text == status
    assert order.refund_state == refund_state and order.refund_fen == refund_fen
    assert is_countable(order.status, order.refund_state) is countable


def test_main_line_refunded_closes_the_gift_too(tmp_path):
    rows = _lines(MAIN,
                  {"订单应付金额": "79.80", "订单状态": "已关闭", "售后状态": "退款成功"},
                  {"订单应付金额": "0.00", "订单状态": "已关闭", "售后状态": "-", "取消原因": "主品订单售后完成"})
    (order,), sink = _parse(tmp_path, rows)
    assert sink.errors == []
    assert order.status == OrderStatus.CLOSED and order.status_text == "已关闭"
    assert order.refund_state == RefundState.FULL and order.refund_fen == 7980 == order.paid_fen
    assert [ln.refund_fen for ln in order.lines] == [7980, 0]
    assert not is_countable(order.status, order.refund_state)


def test_one_line_of_two_refunded_is_a_partial_refund_of_known_amount(tmp_path):
    rows = _lines(MAIN,
                  {"订单应付金额": "79.80", "订单状态": "已完成", "售后状态": "-"},
                  {"订单应付金额": "25.90", "订单状态": "已关闭", "售后状态": "退款成功"})
    (order,), _ = _parse(tmp_path, rows)
    assert order.status == OrderStatus.COMPLETED and order.status_text == "已完成；已关闭"
    assert order.paid_fen == 10570
    assert order.refund_state == RefundState.PARTIAL and order.refund_fen == 2590
    assert is_countable(order.status, order.refund_state)
    assert [ln.status_text for ln in order.lines] == ["已完成", "已关闭/退款成功"]


def test_partly_refunded_line_leaves_the_refund_amount_unknown(tmp_path):
    rows = _lines(MAIN,
                  {"订单应付金额": "79.80", "订单状态": "已完成", "售后状态": "退款成功"},
                  {"订单应付金额": "25.90", "订单状态": "已关闭", "售后状态": "退款成功"})
    (order,), _ = _parse(tmp_path, rows)
    assert order.refund_state == RefundState.PARTIAL and order.refund_fen is None
    assert [ln.refund_fen for ln in order.lines] == [None, 2590]


def test_order_status_is_its_least_advanced_open_line(tmp_path):
    rows = _lines(MAIN,
                  {"订单状态": "已发货"}, {"订单状态": "待发货"}, {"订单状态": "已关闭", "售后状态": "退款成功"})
    (order,), _ = _parse(tmp_path, rows)
    assert order.status == OrderStatus.PAID and order.refund_state == RefundState.PARTIAL


def test_lines_of_one_order_need_not_be_adjacent(tmp_path):
    rows = _lines(MAIN, {"订单应付金额": "10.00"}, {"订单应付金额": "20.00"})
    rows.insert(1, douyin_row())
    records, _ = _parse(tmp_path, rows)
    assert [(r.order_no, r.paid_fen, len(r.lines)) for r in records] == [
        (MAIN, 3000, 2), ("6917926768823643751", 3990, 1)]


def test_address_masked_or_encrypted_uses_the_province_columns(tmp_path):
    rows = [
        douyin_row({"主订单编号": "1", "子订单编号": "1", "省": "-", "市": "-", "详细地址": "浙江省杭州市西湖区****"}),
        douyin_row({"主订单编号": "2", "子订单编号": "2", "省": "-", "市": "-", "详细地址": "##abc"}),
        douyin_row({"主订单编号": "3", "子订单编号": "3", "省": "-", "市": "-", "详细地址": "浙江省杭州市西湖区文三路1号"}),
        douyin_row({"主订单编号": "4", "子订单编号": "4", "省": "广东省", "市": "广州市", "详细地址": "##abc"}),
    ]
    records, sink = _parse(tmp_path, rows)
    assert sink.errors == []
    assert [(r.province, r.city) for r in records] == [
        (None, None), (None, None), ("浙江省", "杭州市"), ("广东省", "广州市")]


def test_broken_rows_reject_their_whole_order(tmp_path):
    rows = [
        *_lines("7000000000000000001", {}, {"订单应付金额": "12..5"}),          # rows 2-3: bad amount
        douyin_row({"主订单编号": "7000000000000000002", "订单提交时间": "2025-11-31 10:00:00"}),  # row 4
        douyin_row({"主订单编号": "7000000000000000003"}),                      # row 5 good
        douyin_row({"主订单编号": "-"}),                                        # row 6 no order number
        *_lines("7000000000000000004", {"订单状态": "待评价"}, {}),             # rows 7-8: unknown status
        douyin_row({"主订单编号": "6.91793E+18", "子订单编号": "6.91793E+18"}),  # row 9 Excel damage
        douyin_row({"主订单编号": "7000000000000000005", "商品数量": "x"}),      # row 10
        douyin_row({"主订单编号": "7000000000000000006"}),                      # row 11 good
    ]
    records, sink = _parse(tmp_path, rows)
    assert [r.order_no for r in records] == ["7000000000000000003", "7000000000000000006"]
    assert sink.rows_read == 10 and sink.rejected == 8
    lost = (
        "编号被表格软件存成了数字，末几位已丢失：请使用平台导出的原始文件",
        "the number was stored as a number by a spreadsheet and lost its last digits: "
        "use the file as the platform exported it",
    )
    assert errors(sink) == [
        (2, "主订单编号", *SIBLING),
        (3, "订单应付金额", "金额格式不对", "not an amount of money"),
        (4, "订单提交时间", "日期时间格式不对", "not a date/time"),
        (6, "主订单编号", "缺少订单编号", "order number is missing"),
        (7, "订单状态", "无法识别的订单状态", "unknown order status"),
        (8, "主订单编号", *SIBLING),
        (9, "主订单编号", *lost),
        (10, "商品数量", "不是整数", "not a whole number"),
    ]


@pytest.mark.parametrize("submitted", ["2025/11/11 20:00", "2025/11/11 20:00:00", "2025-11-11 20:00:00"])
def test_excel_resaved_dates(tmp_path, submitted):
    (order,), sink = _parse(tmp_path, [douyin_row({"订单提交时间": submitted})])
    assert sink.errors == [] and order.created_at == "2025-11-11 20:00:00"


def test_older_export_columns_and_reordering(tmp_path):
    headers = ["订单状态", "子订单编号", "主订单编号", "选购商品", "商品数量", "订单应付金额", "收件人", "收件人手机号",
               "收件地址", "订单提交时间", "售后状态", "快递单号"]
    row = douyin_row({"收件地址": "湖南省长沙市岳麓区***", "快递单号": "SF1234567890", "收件人": "刘**"})
    records, sink = parse(DouyinOrders(), douyin_csv(tmp_path / "old.csv", [row], headers=headers))
    assert sink.errors == []
    (order,) = records
    assert order.paid_fen == 3990 and order.receiver_name == "刘**"
    assert order.province is None and order.city is None  # a masked address is not read for places
    assert order.address == "湖南省长沙市岳麓区***"


def test_gb18030_export_from_an_old_script(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes(douyin_csv_bytes([douyin_row()]).decode("utf-8-sig").encode("gb18030"))
    records, sink = parse(DouyinOrders(), path)
    assert sink.errors == [] and records[0].title == "辣丝丝 麻辣牛肉干 500g"


def test_headers_known():
    assert DouyinOrders.score(set(DOUYIN_HEADERS), False) >= 50
