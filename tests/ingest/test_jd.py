"""JD order export: GBK CSV (or xlsx), one row per SKU, order amounts repeated per row."""

from __future__ import annotations

from datetime import datetime

import pytest

from sellerdesk.domain.orders import OrderStatus, is_countable
from sellerdesk.ingest.identifiers import LOST_DIGITS_EN, LOST_DIGITS_ZH
from sellerdesk.ingest.jd import JdOrders

from .platform_files import JD_HEADERS, JD_LATER, by_no, errors, jd_csv, jd_csv_bytes, jd_row, parse, xlsx_rows

SIBLING = ("同一订单的其他行有错误", "another row of the same order is broken")


def _one(tmp_path, **kw):
    records, sink = parse(JdOrders(), jd_csv(tmp_path / "jd.csv", [jd_row(**kw)]))
    assert sink.errors == []
    assert len(records) == 1
    return records[0]


def test_realistic_file_bytes_and_orders(tmp_path):
    rows = [
        # order A: two SKUs, rows not next to each other; amounts repeated on both rows
        jd_row(订单号="30012345678", 商品ID="100012043978", 商品名称="小米 充电宝 20000mAh", 订购数量="2",
               京东价="129.00", 订单金额="377.00", 结算金额="357.00", 应付金额="357.00", 运费金额="0.00",
               订单状态="等待确认收货", 下单帐号="jd_5f3c2a1b7e", 客户姓名="张**", 联系电话="137****1772",
               客户地址="广东广州市天河区林和街道天河北路233号"),
        # order B: the 2015 split parent, money now on the child orders
        jd_row(订单号="11729384072", 订单状态="(删除)等待出库", 商家备注="订单拆分为  11729439936    11749907506"),
        jd_row(订单号="11729439936", 商品ID="1953814331", 订单金额="758.00", 结算金额="758.00", 应付金额="758.00",
               订单状态="完成", 订单完成时间="2025-11-14 10:00:00"),
        jd_row(订单号="30012345678", 商品ID="100009177424", 商品名称="小米 数据线 1m", 订购数量="1",
               京东价="119.00", 订单金额="377.00", 结算金额="357.00", 应付金额="357.00", 运费金额="0.00",
               订单状态="等待确认收货", 下单帐号="jd_5f3c2a1b7e", 客户姓名="张**", 联系电话="137****1772",
               客户地址="广东广州市天河区林和街道天河北路233号"),
    ]
    data = jd_csv_bytes(rows)
    # exactly what JD writes: GBK without BOM, quoted free text, bare IDs, a trailing comma
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "订单号,商品ID,商品名称".encode("gbk") in data
    assert data.splitlines()[0].endswith(b",")
    assert '30012345678,100012043978,"小米 充电宝 20000mAh",2,'.encode("gbk") in data
    path = tmp_path / "京东订单.csv"
    path.write_bytes(data)

    records, sink = parse(JdOrders(), path)
    assert sink.errors == [] and sink.rows_read == 4
    assert [r.order_no for r in records] == ["30012345678", "11729384072", "11729439936"]
    a = by_no(records)["30012345678"]
    assert a.platform == "jd" and a.row == 2
    assert a.paid_fen == 35700  # once per order, not 2 x 357.00
    assert a.goods_fen == 37700 and a.shipping_fen == 0
    assert a.status == OrderStatus.SHIPPED and a.status_text == "等待确认收货"
    assert a.refund_fen is None and a.refund_state is None  # JD refunds are not in this report
    assert a.buyer_account == "jd_5f3c2a1b7e" and a.buyer_key() == "jd_5f3c2a1b7e"
    assert a.receiver_name == "张**" and a.receiver_phone == "137****1772"
    assert (a.province, a.city) == ("广东省", "广州市")
    assert a.created_at == "2025-11-11 20:00:00" and a.paid_at == "2025-11-11 20:00:30"
    assert a.item_count == 3
    assert a.title == "小米 充电宝 20000mAh；小米 数据线 1m"
    assert [(ln.line_key, ln.quantity, ln.unit_price_fen, ln.amount_fen) for ln in a.lines] == [
        ("100012043978", 2, 12900, None),
        ("100009177424", 1, 11900, None),
    ]
    parent = by_no(records)["11729384072"]
    assert parent.status == OrderStatus.DELETED and parent.status_text == "(删除)等待出库"
    assert not is_countable(parent.status, parent.refund_state)
    child = by_no(records)["11729439936"]
    assert child.status == OrderStatus.COMPLETED and child.paid_fen == 75800
    assert (child.province, child.city) == ("江西省", "南昌市")


def test_paid_total_is_not_multiplied_by_sku_rows(tmp_path):
    rows = [jd_row(商品ID=str(100 + i), 应付金额="1,000.00", 订单金额="1,200.00") for i in range(5)]
    records, sink = parse(JdOrders(), jd_csv(tmp_path / "jd.csv", rows))
    assert len(records) == 1 and len(records[0].lines) == 5
    assert records[0].paid_fen == 100000 and records[0].goods_fen == 120000
    assert sum(r.paid_fen for r in records) == 100000


def test_same_item_twice_gets_distinct_line_keys(tmp_path):
    rows = [jd_row(商品ID="1953814331", 订购数量="1"), jd_row(商品ID="1953814331", 订购数量="3"), jd_row(商品ID="")]
    records, _ = parse(JdOrders(), jd_csv(tmp_path / "jd.csv", rows))
    assert [ln.line_key for ln in records[0].lines] == ["1953814331", "1953814331#2", "#1"]
    assert [ln.quantity for ln in records[0].lines] == [1, 3, 1]


@pytest.mark.parametrize(
    ("text", "status", "countable"),
    [
        ("等待出库", OrderStatus.PAID, True),
        ("待出库", OrderStatus.PAID, True),
        ("等待境外出库", OrderStatus.PAID, True),
        ("等待境内发货", OrderStatus.PAID, True),
        ("等待确认收货", OrderStatus.SHIPPED, True),
        ("已发货", OrderStatus.SHIPPED, True),
        ("完成", OrderStatus.COMPLETED, True),
        ("已完成", OrderStatus.COMPLETED, True),
        ("已取消", OrderStatus.CLOSED, False),
        ("取消", OrderStatus.CLOSED, False),
        ("锁定", OrderStatus.ON_HOLD, False),
        ("锁定订单", OrderStatus.ON_HOLD, False),
        ("暂停", OrderStatus.ON_HOLD, False),
        ("等待付款", OrderStatus.UNPAID, False),
        ("待付款", OrderStatus.UNPAID, False),
        ("(删除)等待出库", OrderStatus.DELETED, False),
        ("(删除)锁定", OrderStatus.DELETED, False),
        ("(删除)等待确认收货", OrderStatus.DELETED, False),
        ("（删除）完成", OrderStatus.DELETED, False),
    ],
)
def test_status_words(tmp_path, text, status, countable):
    order = _one(tmp_path, 订单状态=text)
    assert order.status == status and order.status_text == text
    assert order.refund_state is None
    assert is_countable(order.status, order.refund_state) is countable


def test_broken_rows_reject_their_whole_order_and_keep_the_rest(tmp_path):
    rows = [
        jd_row(订单号="1001", 商品ID="1"),                        # row 2: order 1001, good
        jd_row(订单号="1002", 下单时间="2025-13-45 25:00:00"),    # row 3: bad date
        jd_row(订单号="1001", 商品ID="2", 应付金额="12.3.4"),     # row 4: bad amount -> 1001 is broken
        jd_row(订单号="", 商品ID="3"),                            # row 5: no order number
        jd_row(订单号="1003", 订单状态="神秘状态"),               # row 6: unknown status
        jd_row(订单号="1004", 订购数量="两件"),                   # row 7: bad quantity
        jd_row(订单号="1005"),                                    # row 8: good
        jd_row(订单号="1001", 商品ID="3"),                        # row 9: third row of broken 1001
        jd_row(订单号="1.17294E+10"),                             # row 10: Excel scientific notation
    ]
    records, sink = parse(JdOrders(), jd_csv(tmp_path / "jd.csv", rows))
    assert [r.order_no for r in records] == ["1005"]
    assert sink.rows_read == 9 and sink.rejected == 8
    assert errors(sink) == [
        (2, "订单号", *SIBLING),
        (3, "下单时间", "日期时间格式不对", "not a date/time"),
        (4, "应付金额", "金额格式不对", "not an amount of money"),
        (5, "订单号", "缺少订单编号", "order number is missing"),
        (6, "订单状态", "无法识别的订单状态", "unknown order status"),
        (7, "订购数量", "不是整数", "not a whole number"),
        (9, "订单号", *SIBLING),
        (10, "订单号", LOST_DIGITS_ZH, LOST_DIGITS_EN),
    ]
    by_row = {e.row: e for e in sink.errors}
    assert by_row[3].value == "2025-13-45 25:00:00"
    assert by_row[6].value == "神秘状态"
    assert "第 6 行 [订单状态]: 无法识别的订单状态" in by_row[6].message("zh")


def test_blank_and_summary_rows_are_not_data(tmp_path):
    data = jd_csv_bytes([jd_row(订单号="1001"), jd_row(订单号="1002")])
    data += b",,,,\r\n" + "合计,,,3,,,,,,,1864.90,".encode("gbk") + b"\r\n"
    path = tmp_path / "jd.csv"
    path.write_bytes(data)
    records, sink = parse(JdOrders(), path)
    assert [r.order_no for r in records] == ["1001", "1002"]
    assert sink.rows_read == 2 and sink.errors == []


def test_no_trailing_comma_reordered_and_later_columns(tmp_path):
    headers = list(reversed(JD_HEADERS)) + JD_LATER
    headers[headers.index("下单帐号")] = "下单账号"
    row = jd_row(商家SKUID="SKU-9", 邮政编码="330000")
    row["下单账号"] = "buyer_abc"
    records, sink = parse(JdOrders(), jd_csv(tmp_path / "jd.csv", [row], headers=headers, trailing_comma=False))
    assert sink.errors == []
    (order,) = records
    assert order.buyer_account == "buyer_abc" and order.paid_fen == 93245
    assert order.lines[0].sku == "SKU-9" and order.lines[0].title == "韩秘美 玻尿酸补水面膜 10片装"


def test_headers_with_spaces_are_stripped(tmp_path):
    headers = [f" {h} " if h in ("订单号", "应付金额") else h for h in JD_HEADERS]
    data = jd_csv_bytes([jd_row()], headers=headers)
    path = tmp_path / "jd.csv"
    path.write_bytes(data)
    records, sink = parse(JdOrders(), path)
    assert sink.errors == [] and records[0].order_no == "11729384072" and records[0].paid_fen == 93245


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        ("2025-11-11 20:00:00", "2025-11-11 20:00:00"),
        ("2025/11/11 20:00", "2025-11-11 20:00:00"),
        ("2025/1/5 9:03:07", "2025-01-05 09:03:07"),
    ],
)
def test_excel_resaved_dates_in_csv(tmp_path, created, expected):
    assert _one(tmp_path, 下单时间=created).created_at == expected


def test_xlsx_with_the_same_headers_and_typed_cells(tmp_path):
    rows = [
        jd_row({"订单号": 30012345678, "商品ID": 100012043978, "订购数量": 2, "京东价": 129.0, "订单金额": 377,
                "应付金额": 357.1, "下单时间": datetime(2025, 11, 11, 20, 0), "付款确认时间": "2025/11/11 20:01"}),
        jd_row({"订单号": 30012345678, "商品ID": 100009177424, "订购数量": 1, "京东价": 119.0, "订单金额": 377,
                "应付金额": 357.1, "下单时间": datetime(2025, 11, 11, 20, 0), "付款确认时间": "2025/11/11 20:01"}),
    ]
    records, sink = parse(JdOrders(), xlsx_rows(tmp_path / "jd.xlsx", JD_HEADERS, rows))
    assert sink.errors == []
    (order,) = records
    assert order.order_no == "30012345678"
    assert order.paid_fen == 35710 and order.goods_fen == 37700
    assert order.created_at == "2025-11-11 20:00:00" and order.paid_at == "2025-11-11 20:01:00"
    assert [(ln.line_key, ln.quantity, ln.unit_price_fen) for ln in order.lines] == [
        ("100012043978", 2, 12900),
        ("100009177424", 1, 11900),
    ]


def test_masked_receiver_keeps_account_as_buyer(tmp_path):
    order = _one(tmp_path, 客户姓名="王**", 联系电话="137****1772", 客户地址="江西南昌市**********")
    assert order.buyer_key() == "rds3199358"
    assert order.receiver_name == "王**" and (order.province, order.city) == ("江西省", "南昌市")
