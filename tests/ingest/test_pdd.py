"""Pinduoduo order export: UTF-8 BOM CSV, one row per order, tab cells, no buyer account."""

from __future__ import annotations

import pytest

from sellerdesk.domain.orders import OrderStatus, RefundState, is_countable
from sellerdesk.ingest.pdd import PddOrders, date_from_order_no

from .platform_files import PDD_HEADERS, by_no, errors, parse, pdd_csv, pdd_csv_bytes, pdd_row


def _one(tmp_path, values=None, **kw):
    records, sink = parse(PddOrders(), pdd_csv(tmp_path / "pdd.csv", [pdd_row(values, **kw)]))
    assert sink.errors == []
    assert len(records) == 1
    return records[0]


def test_realistic_file_bytes_and_orders(tmp_path):
    rows = [
        pdd_row(),
        pdd_row({"订单号": "251111-607198974342269", "商品": "小米 Redmi 手机 12+256G", "商品总价(元)": "1,399.00",
                 "店铺优惠折扣(元)": "100.00", "平台优惠折扣(元)": "0.00", "用户实付金额(元)": "1,299.00",
                 "商家实收金额(元)": "1,299.00", "商品数量(件)": "1", "订单状态": "已发货，待签收",
                 "收货人": "王**", "省": "****", "市": "****", "区": "****", "街道": "****",
                 "快递单号": "YT7512345678901", "快递公司": "圆通快递"}),
        pdd_row({"订单号": "251112-000000000000001", "订单状态": "已签收", "收货人": "李**",
                 "用户实付金额(元)": "25.90", "商品数量(件)": "1", "商品总价(元)": "25.90"}),
    ]
    data = pdd_csv_bytes(rows)
    # exactly what PDD writes: UTF-8 with BOM, lone-tab cells, tab-prefixed IDs, quoted thousands
    assert data.startswith(b"\xef\xbb\xbf\xe5\x95\x86\xe5\x93\x81,")  # BOM + 商品,
    assert ',\t,'.encode() in data
    assert ',\t583726451203,'.encode() in data
    assert ',"1,299.00",'.encode() in data
    path = tmp_path / "931601647orders_export2025-11-12-09-15-09.csv"
    path.write_bytes(data)

    records, sink = parse(PddOrders(), path)
    assert sink.errors == [] and sink.rows_read == 3
    first = by_no(records)["251111-607198974342268"]
    assert first.platform == "pdd" and first.row == 2
    assert first.status == OrderStatus.PAID and is_countable(first.status, first.refund_state)
    assert (first.goods_fen, first.shipping_fen, first.paid_fen) == (5980, 0, 5180)
    assert first.refund_fen == 0 and first.refund_state == RefundState.NONE
    assert first.buyer_account is None
    assert first.receiver_name == "李**" and first.receiver_phone is None  # 手机 was a lone tab
    assert first.buyer_key() == "李**|"
    assert (first.province, first.city) == ("广东省", "深圳市")
    assert first.created_at == "2025-11-11 20:01:05" and first.paid_at == "2025-11-11 20:01:02"
    assert first.item_count == 2
    (line,) = first.lines
    assert (line.line_key, line.item_id, line.sku, line.spec) == ("583726451203", "583726451203", "SY-PK-L", "粉色,L码")
    assert (line.quantity, line.unit_price_fen, line.amount_fen) == (2, 2990, 5180)
    phone = by_no(records)["251111-607198974342269"]
    assert (phone.goods_fen, phone.paid_fen) == (139900, 129900)
    assert phone.status == OrderStatus.SHIPPED
    assert phone.province is None and phone.city is None  # 省 **** = masked
    assert phone.address == "**** **** **** ****"
    signed = by_no(records)["251112-000000000000001"]
    assert signed.status == OrderStatus.COMPLETED
    # same masked receiver, phone hidden: the same (weak) buyer across orders
    assert signed.buyer_key() == first.buyer_key()


@pytest.mark.parametrize(
    ("order_status", "after_sale", "status", "refund_state", "refund_fen", "countable"),
    [
        ("待支付", "无售后或售后取消", OrderStatus.UNPAID, RefundState.NONE, 0, False),
        ("待发货", "无售后或售后取消", OrderStatus.PAID, RefundState.NONE, 0, True),
        ("已发货，待签收", "无售后或售后取消", OrderStatus.SHIPPED, RefundState.NONE, 0, True),
        ("已发货,待签收", "", OrderStatus.SHIPPED, RefundState.NONE, 0, True),  # half-width comma
        ("已签收", "无售后或售后关闭", OrderStatus.COMPLETED, RefundState.NONE, 0, True),
        ("已取消", "无售后或售后取消", OrderStatus.CLOSED, RefundState.NONE, 0, False),
        ("未发货，退款成功", "退款成功", OrderStatus.CLOSED, RefundState.FULL, 5180, False),
        ("已发货，退款成功", "退款成功", OrderStatus.CLOSED, RefundState.FULL, 5180, False),
        ("已发货,退款成功", "", OrderStatus.CLOSED, RefundState.FULL, 5180, False),
        ("已取消", "退款成功", OrderStatus.CLOSED, RefundState.FULL, 5180, False),
        # a refund that left the order signed for did not return everything: partial, amount unknown
        ("已签收", "退款成功", OrderStatus.COMPLETED, RefundState.PARTIAL, None, True),
        ("已发货，待签收", "退款成功", OrderStatus.SHIPPED, RefundState.PARTIAL, None, True),
        # after-sales that moved no money
        ("已签收", "售后处理中", OrderStatus.COMPLETED, RefundState.NONE, 0, True),
        ("已签收", "买家撤销", OrderStatus.COMPLETED, RefundState.NONE, 0, True),
        ("已签收", "售后取消，退款失败", OrderStatus.COMPLETED, RefundState.NONE, 0, True),
        ("已签收", "换货成功", OrderStatus.COMPLETED, RefundState.NONE, 0, True),
        ("已发货，待签收", "商家同意退货退款，待买家发货", OrderStatus.SHIPPED, RefundState.NONE, 0, True),
    ],
)
def test_status_and_refund_states(tmp_path, order_status, after_sale, status, refund_state, refund_fen, countable):
    order = _one(tmp_path, {"订单状态": order_status, "售后状态": after_sale})
    assert order.status == status and order.status_text == order_status
    assert order.refund_state == refund_state and order.refund_fen == refund_fen
    assert is_countable(order.status, order.refund_state) is countable


def test_tab_prefixed_values_and_thousands_separators(tmp_path):
    order = _one(tmp_path, {"订单号": "\t251111-607198974342268", "手机": "\t13812345678",
                            "用户实付金额(元)": "\t2,048.50", "商品总价(元)": "2,100.00", "商品数量(件)": "\t1",
                            "邮费(元)": "\t"})
    assert order.order_no == "251111-607198974342268"
    assert order.receiver_phone == "13812345678" and order.buyer_key() == "李**|13812345678"
    assert (order.paid_fen, order.goods_fen, order.shipping_fen) == (204850, 210000, None)
    assert order.item_count == 1 and order.lines[0].unit_price_fen == 210000


def test_full_width_parenthesis_headers(tmp_path):
    headers = [h.replace("(", "（").replace(")", "）") if h.startswith(("商品总价", "用户实付")) else h
               for h in PDD_HEADERS]
    row = pdd_row()
    row["商品总价（元）"] = row.pop("商品总价(元)")
    row["用户实付金额（元）"] = row.pop("用户实付金额(元)")
    path = tmp_path / "pdd.csv"
    path.write_bytes(pdd_csv_bytes([row], headers=headers))
    assert PddOrders.score(set(headers), False) > 0
    records, sink = parse(PddOrders(), path)
    assert sink.errors == []
    assert records[0].goods_fen == 5980 and records[0].paid_fen == 5180


def test_reordered_subset_of_columns_with_deal_time_first(tmp_path):
    headers = ["订单成交时间", "订单号", "商品数量(件)", "用户实付金额(元)", "订单状态", "收货人", "未知新列"]
    records, sink = parse(PddOrders(), pdd_csv(tmp_path / "pdd.csv", [pdd_row({"未知新列": "x"})], headers=headers))
    assert sink.errors == []
    (order,) = records
    assert order.created_at == "2025-11-11 20:01:05" and order.paid_fen == 5180
    assert order.goods_fen is None and order.province is None and order.lines[0].line_key == "#1"


@pytest.mark.parametrize(
    ("deal_at", "paid_at", "created"),
    [
        ("2025-11-11 20:01:05", "2025-11-11 20:01:02", "2025-11-11 20:01:05"),
        ("", "2025-11-11 20:01:02", "2025-11-11 20:01:02"),
        ("", "", "2025-11-11 00:00:00"),  # date prefix of the order number
        ("2025/11/11 20:01", "2025/11/11 20:00", "2025-11-11 20:01:00"),  # re-saved in Excel
    ],
)
def test_created_at_falls_back_to_the_order_number_date(tmp_path, deal_at, paid_at, created):
    order = _one(tmp_path, {"订单成交时间": deal_at, "支付时间": paid_at, "订单状态": "待支付"})
    assert order.created_at == created


def test_order_number_date_prefix():
    assert date_from_order_no("260517-607198974342268") == "2026-05-17 00:00:00"
    assert date_from_order_no("261399-607198974342268") is None
    assert date_from_order_no("PDD20250101") is None


def test_broken_rows_are_rejected_and_good_rows_kept(tmp_path):
    rows = [
        pdd_row({"订单号": "251111-000000000000001"}),                                  # row 2 good
        pdd_row({"订单号": "251111-000000000000002", "支付时间": "昨天晚上"}),           # row 3
        pdd_row({"订单号": "251111-000000000000003", "用户实付金额(元)": "五十一"}),     # row 4
        pdd_row({"订单号": "\t"}),                                                       # row 5
        pdd_row({"订单号": "251111-000000000000005", "订单状态": "拼团中"}),             # row 6
        pdd_row({"订单号": "251111-000000000000006", "商品数量(件)": "2.5"}),            # row 7
        pdd_row({"订单号": "251111-000000000000007"}),                                  # row 8 good
    ]
    records, sink = parse(PddOrders(), pdd_csv(tmp_path / "pdd.csv", rows))
    assert [r.order_no for r in records] == ["251111-000000000000001", "251111-000000000000007"]
    assert sink.rows_read == 7 and sink.rejected == 5
    assert errors(sink) == [
        (3, "支付时间", "日期时间格式不对", "not a date/time"),
        (4, "用户实付金额(元)", "金额格式不对", "not an amount of money"),
        (5, "订单号", "缺少订单编号", "order number is missing"),
        (6, "订单状态", "无法识别的订单状态", "unknown order status"),
        (7, "商品数量(件)", "不是整数", "not a whole number"),
    ]


def test_blank_lines_are_skipped(tmp_path):
    data = pdd_csv_bytes([pdd_row()]) + b"\r\n,,,,,\r\n"
    path = tmp_path / "pdd.csv"
    path.write_bytes(data)
    records, sink = parse(PddOrders(), path)
    assert len(records) == 1 and sink.rows_read == 1 and sink.errors == []
