"""The legacy Taobao order report (订单报表, ExportOrderList*.csv), on files shaped like the real ones."""

from __future__ import annotations

import pytest

from sellerdesk.domain.errors import FileImportError
from sellerdesk.domain.orders import OrderStatus, RefundState, is_countable
from sellerdesk.ingest.taobao_orders import TaobaoOrdersCsv
from tests.ingest.taobao_files import (
    ORDER_HEADERS_46,
    ORDER_HEADERS_61,
    ORDER_NO,
    errors_by_row,
    order_row,
    parse_file,
    write_orders,
)

# The 2017 cut (46 columns) exactly as the platform writes it: GBK, CRLF, every
# cell quoted, ="..." order numbers, '13... phones, 0元, ="" for the deposit id.
HEADER_2017 = (
    '"订单编号","买家会员名","买家支付宝账号","买家应付货款","买家应付邮费","买家支付积分","总金额","返点积分",'
    '"买家实际支付金额","买家实际支付积分","订单状态","买家留言","收货人姓名","收货地址 ","运送方式","联系电话 ",'
    '"联系手机","订单创建时间","订单付款时间 ","宝贝标题 ","宝贝种类 ","物流单号 ","物流公司","订单备注","宝贝总数量",'
    '"店铺Id","店铺名称","订单关闭原因","卖家服务费","买家服务费","发票抬头","是否手机订单","分阶段订单信息",'
    '"特权订金订单id","是否上传合同照片","是否上传小票","是否代付","定金排名","修改后的sku","修改后的收货地址",'
    '"异常信息","天猫卡券抵扣","集分宝抵扣","是否是O2O交易","退款金额","预约门店"'
)
_TAIL = '"","","","","","","","","","",'  # 是否上传合同照片 .. 是否是O2O交易 (10 cells)
ROWS_2017 = [
    # completed, nothing refunded
    '="35153131473293579","tb_nick","buyer@example.com","201.12","0.00","0","201.12","0","201.12","0",'
    '"交易成功","","张三","广东省 广州市 越秀区 黄花岗街道先烈中路100号(510180)","快递","","\'13925130165",'
    '"2017-06-18 10:02:33","2017-06-18 10:02:40","不粘锅炒锅家用","1","No:YT1234567890","圆通速递","","1",'
    '"","小铺","订单未关闭","0","0元","","手机订单","",="",' + _TAIL + '"0.00",""',
    # partly refunded after delivery: still 交易成功, 退款金额 > 0
    '="35153131473293580","buyer_two","b2@example.com","300.00","10.00","0","310.00","0","310.00","0",'
    '"交易成功","请尽快发货","李四","上海 上海市 浦东新区 世纪大道1号(200120)","快递","021-12345678","",'
    '"2017-06-18 11:00:00","2017-06-18 11:00:10","毛巾；浴巾","2","No:SF100200300","顺丰速运","","3",'
    '"","小铺","订单未关闭","0","0元","","","",="",' + _TAIL + '"50.00",""',
    # refunded in full before shipping: 交易关闭 but keeps its payment time
    '="35153131473293581","buyer_three","","99.00","0.00","0","99.00","0","99.00","0",'
    '"交易关闭","","王五","浙江省 杭州市 西湖区 文三路2号(310000)","快递","","\'138****1234",'
    '"2017-06-19 09:00:00","2017-06-19 09:01:00","保温杯","1","","","","1",'
    '"","小铺","退款","0","0元","","手机订单","",="",' + _TAIL + '"99.00",""',
    # never paid, closed by timeout
    '="35153131473293582","buyer_four","","59.00","0.00","0","59.00","0","0.00","0",'
    '"交易关闭","","赵六","江苏省 南京市 玄武区 中山路3号(210000)","快递","","\'13700000000",'
    '"2017-06-19 10:00:00","","保温杯","1","","","","1",'
    '"","小铺","买家未付款","0","0元","","","",="",' + _TAIL + '"0.00",""',
    # paid, waiting to ship; status written with a half-width comma
    '="35153131473293583","tb_nick","buyer@example.com","45.50","0.00","0","45.50","0","45.50","0",'
    '"买家已付款,等待卖家发货","","张三","广东省 广州市 越秀区 黄花岗街道先烈中路100号(510180)","快递","","\'13925130165",'
    '"2017-06-20 22:15:00","2017-06-20 22:15:30","锅铲","1","","","","1",'
    '"","小铺","订单未关闭","0","0元","","手机订单","",="",' + _TAIL + '"0.00",""',
]
BYTES_2017 = ("\r\n".join([HEADER_2017, *ROWS_2017]) + "\r\n").encode("gbk")


def test_fixture_is_the_2017_cut():
    assert HEADER_2017.count(",") + 1 == 46
    assert [h.strip('"') for h in HEADER_2017.split(",")] == ORDER_HEADERS_46


@pytest.fixture
def orders_2017(tmp_path):
    path = tmp_path / "ExportOrderList201706211030.csv"
    path.write_bytes(BYTES_2017)
    records, sink = parse_file(TaobaoOrdersCsv, path)
    return {r.order_no: r for r in records}, sink


def test_real_bytes_every_row_read(orders_2017):
    by_no, sink = orders_2017
    assert list(by_no) == [
        "35153131473293579", "35153131473293580", "35153131473293581", "35153131473293582", "35153131473293583",
    ]
    assert sink.errors == [] and sink.rows_read == 5


def test_real_bytes_first_order_fields(orders_2017):
    order = orders_2017[0][ORDER_NO]
    assert (order.platform, order.buyer_account, order.receiver_name) == ("taobao", "tb_nick", "张三")
    assert order.receiver_phone == "13925130165"  # the ' prefix is gone
    assert (order.province, order.city) == ("广东省", "广州市")
    assert order.address == "广东省 广州市 越秀区 黄花岗街道先烈中路100号(510180)"
    assert (order.created_at, order.paid_at) == ("2017-06-18 10:02:33", "2017-06-18 10:02:40")
    assert (order.goods_fen, order.shipping_fen, order.paid_fen) == (20112, 0, 20112)
    assert (order.status, order.status_text) == (OrderStatus.COMPLETED, "交易成功")
    assert (order.refund_fen, order.refund_state) == (0, RefundState.NONE)
    assert (order.item_count, order.title, order.shop, order.row) == (1, "不粘锅炒锅家用", "小铺", 2)


@pytest.mark.parametrize(
    "order_no, status, refund_fen, refund_state, countable",
    [
        ("35153131473293579", OrderStatus.COMPLETED, 0, RefundState.NONE, True),
        ("35153131473293580", OrderStatus.COMPLETED, 5000, RefundState.PARTIAL, True),
        ("35153131473293581", OrderStatus.CLOSED, 9900, RefundState.FULL, False),
        ("35153131473293582", OrderStatus.CLOSED, 0, RefundState.NONE, False),
        ("35153131473293583", OrderStatus.PAID, 0, RefundState.NONE, True),
    ],
)
def test_real_bytes_status_and_refunds(orders_2017, order_no, status, refund_fen, refund_state, countable):
    order = orders_2017[0][order_no]
    assert (order.status, order.refund_fen, order.refund_state) == (status, refund_fen, refund_state)
    assert is_countable(order.status, order.refund_state) is countable


def test_real_bytes_municipality_masked_phone_and_landline(orders_2017):
    by_no = orders_2017[0]
    shanghai = by_no["35153131473293580"]
    assert (shanghai.province, shanghai.city) == ("上海市", "上海市")
    assert shanghai.receiver_phone == "021-12345678"  # no mobile: the landline
    assert by_no["35153131473293581"].receiver_phone == "138****1234"
    assert by_no["35153131473293582"].paid_at is None and by_no["35153131473293582"].paid_fen == 0


@pytest.mark.parametrize(
    "changes, status, paid_fen, refund_fen, refund_state",
    [
        ({}, OrderStatus.COMPLETED, 20112, 0, RefundState.NONE),
        ({"退款金额": "50.00", "打款商家金额": "151.12元"}, OrderStatus.COMPLETED, 20112, 5000, RefundState.PARTIAL),
        # 退款金额 left blank: the refund shows as 打款商家金额 below what was paid
        ({"退款金额": "", "打款商家金额": "181.12元"}, OrderStatus.COMPLETED, 20112, 2000, RefundState.PARTIAL),
        ({"订单状态": "交易关闭", "退款金额": "201.12", "打款商家金额": "0.00元"},
         OrderStatus.CLOSED, 20112, 20112, RefundState.FULL),
        # closed after payment with no refund amount written: refunded in full
        ({"订单状态": "交易关闭", "退款金额": ""}, OrderStatus.CLOSED, 20112, 20112, RefundState.FULL),
        ({"订单状态": "交易关闭", "订单付款时间": "", "买家实际支付金额": "0.00", "订单关闭原因": "买家未付款"},
         OrderStatus.CLOSED, 0, 0, RefundState.NONE),
        ({"订单状态": "等待买家付款", "订单付款时间": "", "买家实际支付金额": "0.00"},
         OrderStatus.UNPAID, 0, 0, RefundState.NONE),
        ({"订单状态": "买家已付款，等待卖家发货"}, OrderStatus.PAID, 20112, 0, RefundState.NONE),
        ({"订单状态": "买家已付款,等待卖家发货"}, OrderStatus.PAID, 20112, 0, RefundState.NONE),
        ({"订单状态": "卖家已发货，等待买家确认"}, OrderStatus.SHIPPED, 20112, 0, RefundState.NONE),
        ({"订单状态": "卖家已发货,等待买家确认"}, OrderStatus.SHIPPED, 20112, 0, RefundState.NONE),
        ({"订单状态": "卖家部分发货"}, OrderStatus.SHIPPED, 20112, 0, RefundState.NONE),
        ({"订单状态": "交易被淘宝关闭", "订单付款时间": "", "买家实际支付金额": "0.00"},
         OrderStatus.CLOSED, 0, 0, RefundState.NONE),
    ],
)
def test_status_and_refund_rules(tmp_path, changes, status, paid_fen, refund_fen, refund_state):
    path = write_orders(tmp_path / "orders.csv", [order_row(**changes)])
    (order,), sink = parse_file(TaobaoOrdersCsv, path)
    assert sink.errors == []
    assert (order.status, order.paid_fen, order.refund_fen, order.refund_state) == (
        status, paid_fen, refund_fen, refund_state,
    )


def test_61_column_cut_maps_by_name(tmp_path):
    rows = [order_row(), order_row(订单编号="35153131473293599", 买家会员名="other", 买家实际支付金额="10.00")]
    path = write_orders(tmp_path / "orders61.csv", rows)
    records, sink = parse_file(TaobaoOrdersCsv, path)
    assert sink.errors == []
    assert [(r.order_no, r.buyer_account, r.paid_fen) for r in records] == [
        (ORDER_NO, "tb_nick", 20112), ("35153131473293599", "other", 1000),
    ]


def test_columns_in_any_order_read_the_same(tmp_path):
    reordered = list(reversed(ORDER_HEADERS_61))
    a = parse_file(TaobaoOrdersCsv, write_orders(tmp_path / "a.csv", [order_row()]))[0]
    b = parse_file(TaobaoOrdersCsv, write_orders(tmp_path / "b.csv", [order_row()], headers=reordered))[0]
    assert a == b


def test_cut_without_refund_columns_cannot_say(tmp_path):
    headers = [h for h in ORDER_HEADERS_46 if h not in ("退款金额", "预约门店")]
    rows = [order_row(), order_row(订单编号="35153131473293600", 订单状态="交易关闭")]
    (done, closed), sink = parse_file(TaobaoOrdersCsv, write_orders(tmp_path / "o.csv", rows, headers=headers))
    assert (done.refund_fen, done.refund_state) == (None, None)
    assert (closed.refund_fen, closed.refund_state) == (20112, RefundState.FULL)


def test_excel_resave_utf8_bom_and_slashed_dates(tmp_path):
    rows = [order_row(订单创建时间="2025-11-11 20:00:00", 订单付款时间="2025-11-05 09:03:07")]
    path = write_orders(tmp_path / "resaved.csv", rows, excel=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "2025/11/11 20:00".encode() in path.read_bytes()
    (order,), sink = parse_file(TaobaoOrdersCsv, path)
    assert sink.errors == []
    assert (order.order_no, order.receiver_phone) == (ORDER_NO, "13925130165")
    assert (order.created_at, order.paid_at) == ("2025-11-11 20:00:00", "2025-11-05 09:03:00")
    assert order.paid_fen == 20112


BROKEN = [
    ({"订单付款时间": "2025-13-45 25:00:00"}, "订单付款时间", "not a date/time"),
    ({"订单创建时间": "昨天"}, "订单创建时间", "not a date/time"),
    ({"买家实际支付金额": "20l.12"}, "买家实际支付金额", "not an amount of money"),
    ({"买家应付货款": "abc"}, "买家应付货款", "not an amount of money"),
    ({"打款商家金额": "很多元"}, "打款商家金额", "not an amount of money"),
    ({"订单编号": ""}, "订单编号", "order number is missing"),
    ({"订单状态": "已经好了"}, "订单状态", "unknown order status"),
    ({"宝贝总数量": "1.5"}, "宝贝总数量", "not a whole number"),
]


@pytest.mark.parametrize("changes, column, reason", BROKEN)
def test_broken_row_rejected_with_row_and_column_good_rows_kept(tmp_path, changes, column, reason):
    rows = [
        order_row(订单编号="35153131473293601"),
        order_row(订单编号="35153131473293602", **changes) if "订单编号" not in changes else order_row(**changes),
        order_row(订单编号="35153131473293603"),
    ]
    records, sink = parse_file(TaobaoOrdersCsv, write_orders(tmp_path / "broken.csv", rows))
    assert [r.order_no for r in records] == ["35153131473293601", "35153131473293603"]
    assert errors_by_row(sink) == {3: (column, reason)}
    assert sink.rejected == 1 and sink.rows_read == 3
    assert sink.errors[0].reason_zh  # every message has its Chinese form too


def test_every_broken_row_reported(tmp_path):
    rows = [order_row(订单编号=f"3515313147329{n:04d}") for n in range(6)]
    rows[1]["买家实际支付金额"] = "x"
    rows[4]["订单付款时间"] = "2025/02/30 10:00"
    records, sink = parse_file(TaobaoOrdersCsv, write_orders(tmp_path / "b.csv", rows))
    assert len(records) == 4
    assert errors_by_row(sink) == {
        3: ("买家实际支付金额", "not an amount of money"), 6: ("订单付款时间", "not a date/time"),
    }


def test_summary_row_at_the_bottom_is_not_an_order(tmp_path):
    path = write_orders(tmp_path / "with_total.csv", [order_row(), order_row(订单编号="35153131473293604")])
    full_width = ",".join(['"合计"'] + ['""'] * 9 + ['"402.24"'] + ['""'] * 50)
    short = '"总计：2笔","402.24"'
    path.write_bytes(path.read_bytes() + (full_width + "\r\n" + short + "\r\n").encode("gbk"))
    records, sink = parse_file(TaobaoOrdersCsv, path)
    assert [r.order_no for r in records] == [ORDER_NO, "35153131473293604"]
    assert sink.errors == [] and sink.rows_read == 2


def test_blank_rows_left_by_excel_are_skipped(tmp_path):
    path = write_orders(tmp_path / "blank.csv", [order_row()], excel=True)
    path.write_bytes(path.read_bytes() + b",,,,,,,,,,\r\n" + b"," * 60 + b"\r\n")
    records, sink = parse_file(TaobaoOrdersCsv, path)
    assert len(records) == 1 and sink.errors == []


def test_header_only_file_has_no_orders(tmp_path):
    path = write_orders(tmp_path / "header_only.csv", [])
    records, sink = parse_file(TaobaoOrdersCsv, path)
    assert records == [] and sink.errors == [] and sink.rows_read == 0


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "ExportOrderList.csv"
    path.write_bytes(b"")
    with pytest.raises(FileImportError) as exc:
        parse_file(TaobaoOrdersCsv, path)
    assert "空" in exc.value.message_zh


def test_layout_scores_order_reports_not_item_reports():
    headers61 = {h.strip() for h in ORDER_HEADERS_61}
    assert TaobaoOrdersCsv.score(headers61, is_spreadsheet=False) > 0
    assert TaobaoOrdersCsv.score({"订单编号", "标题", "价格", "购买数量", "订单状态"}, False) == 0


def test_order_numbers_excel_turned_into_numbers_are_refused(tmp_path):
    rows = [order_row(), order_row(订单编号="3.51531E+16")]
    path = write_orders(tmp_path / "twice_resaved.csv", rows, excel=True)
    records, sink = parse_file(TaobaoOrdersCsv, path)
    assert [r.order_no for r in records] == [ORDER_NO]
    (error,) = sink.errors
    assert (error.row, error.column) == (3, "订单编号")
    assert "lost its last digits" in error.reason_en and "丢失" in error.reason_zh


def test_order_report_saved_as_xlsx_reads_typed_cells(tmp_path):
    from datetime import datetime

    from tests.ingest.taobao_files import write_xlsx

    typed = order_row(
        买家实际支付金额=201.12, 买家应付货款=201.12, 买家应付邮费=0, 宝贝总数量=2, 退款金额=50,
        订单创建时间=datetime(2025, 11, 11, 20, 0), 订单付款时间=datetime(2025, 11, 11, 20, 0, 5),
    )
    lost = order_row(订单编号=float(ORDER_NO))  # stored as a number: 35153131473293576
    path = write_xlsx(tmp_path / "orders.xlsx", ORDER_HEADERS_61, [typed, lost])
    records, sink = parse_file(TaobaoOrdersCsv, path)
    (order,) = records
    assert (order.order_no, order.paid_fen, order.item_count) == (ORDER_NO, 20112, 2)
    assert (order.paid_at, order.refund_fen, order.refund_state) == ("2025-11-11 20:00:05", 5000, RefundState.PARTIAL)
    assert errors_by_row(sink) == {3: ("订单编号", sink.errors[0].reason_en)}
    assert "lost its last digits" in sink.errors[0].reason_en
