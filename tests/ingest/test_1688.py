"""1688 order export: xlsx, one row per 货品, order cells blank or merged on continuation rows."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from sellerdesk.domain.orders import OrderStatus, is_countable
from sellerdesk.ingest.alibaba1688 import Alibaba1688Orders
from sellerdesk.ingest.table import open_table

from .platform_files import (
    ALIBABA_HEADERS,
    alibaba_line,
    alibaba_order,
    alibaba_xlsx,
    errors,
    parse,
)

SIBLING = ("同一订单的其他行有错误", "another row of the same order is broken")
NO_ORDER_ABOVE = ("这是续行（订单编号为空），但上方没有可继承的订单", "continuation row (blank order number) with no order above it")


def _orders():
    """Three orders: 2 lines, 1 line, 3 lines (two of them the same offer and SKU)."""
    return [
        (alibaba_order(), [
            alibaba_line(),
            alibaba_line({"SKU ID": "4512339002", "型号": "500ml 金色", "单品货号": "BW-500-G", "数量": 40}),
        ]),
        (alibaba_order({"订单编号": "3349823648372538000", "买家会员名": "tb_lucky_mart", "订单状态": "等待卖家发货",
                        "货品总价(元)": "¥1,299.00", "运费(元)": "￥0.00", "涨价或折扣(元)": "0",
                        "实付款(元)": "¥1,299.00", "订单创建时间": "2025-12-18 10:00:00",
                        "订单付款时间": "2025/12/18 10:02", "收货地址": "广东省 广州市 白云区 太和镇大源北路1号"}),
         [alibaba_line({"货品标题": "家用不锈钢汤锅 28cm", "单价(元)": "¥1,299.00", "数量": "1", "Offer ID": "700001",
                        "SKU ID": None})]),
        (alibaba_order({"订单编号": "3349823648372539111", "买家会员名": "xiaochengzi888", "订单状态": "等待买家收货",
                        "实付款(元)": 96.5, "货品总价(元)": 96.5, "运费(元)": 0}),
         [alibaba_line({"货品标题": "硅胶杯盖", "单价(元)": 2.5, "数量": 10, "Offer ID": "800001", "SKU ID": "1"}),
          alibaba_line({"货品标题": "硅胶杯盖", "单价(元)": 2.5, "数量": 5, "Offer ID": "800001", "SKU ID": "1"}),
          alibaba_line({"货品标题": "杯刷", "单价(元)": 5.9, "数量": 5, "Offer ID": "800002", "SKU ID": None})]),
    ]


@pytest.mark.parametrize("merge", [False, True], ids=["blank", "merged"])
def test_multi_line_orders_inherit_the_order_cells(tmp_path, merge):
    path = alibaba_xlsx(tmp_path / "订单列表.xlsx", _orders(), merge=merge)
    import openpyxl

    assert bool(openpyxl.load_workbook(path).active.merged_cells.ranges) is merge  # the fixture really merges
    records, sink = parse(Alibaba1688Orders(), path)
    assert sink.errors == [] and sink.rows_read == 6
    assert [r.order_no for r in records] == ["3349823648372537899", "3349823648372538000", "3349823648372539111"]
    first, second, third = records
    assert first.platform == "1688" and first.row == 2
    assert first.buyer_account == "xiaochengzi888" and first.buyer_key() == "xiaochengzi888"
    assert first.shop == "金华市优品家居有限公司"
    assert (first.goods_fen, first.shipping_fen, first.paid_fen) == (128000, 2000, 125000)  # once, not per line
    assert first.status == OrderStatus.COMPLETED and first.refund_fen is None and first.refund_state is None
    assert first.created_at == "2025-12-18 09:30:00" and first.paid_at == "2025-12-18 09:31:05"
    assert (first.province, first.city) == ("浙江省", "金华市")
    assert first.receiver_name == "陈小橙" and first.receiver_phone == "13900001111"
    assert first.item_count == 80
    assert [(ln.line_key, ln.spec, ln.sku, ln.quantity, ln.unit_price_fen) for ln in first.lines] == [
        ("628371920011/4512339001", "500ml 银色", "BW-500-S", 40, 1600),
        ("628371920011/4512339002", "500ml 金色", "BW-500-G", 40, 1600),
    ]
    assert (second.goods_fen, second.shipping_fen, second.paid_fen) == (129900, 0, 129900)
    assert second.status == OrderStatus.PAID and second.paid_at == "2025-12-18 10:02:00"
    assert second.lines[0].line_key == "700001" and second.lines[0].unit_price_fen == 129900
    assert (second.province, second.city) == ("广东省", "广州市")
    assert third.row == 5 and third.status == OrderStatus.SHIPPED and third.paid_fen == 9650
    assert [ln.line_key for ln in third.lines] == ["800001/1", "800001/1#2", "800002"]
    assert third.title == "硅胶杯盖；杯刷" and third.item_count == 20
    # the same buyer on two orders
    assert first.buyer_key() == third.buyer_key()


def test_really_merged_cells_are_read_as_blank_below_the_top_cell(tmp_path):
    path = alibaba_xlsx(tmp_path / "m.xlsx", _orders()[:1], merge=True)
    ws = openpyxl.load_workbook(path).active
    assert "A2:A3" in {str(r) for r in ws.merged_cells.ranges}
    with open_table(path) as table:
        rows = list(table.rows())
    assert rows[1][1][0] == "" and rows[1][1][ALIBABA_HEADERS.index("货品标题")] == "加厚不锈钢保温杯 500ml"
    records, sink = parse(Alibaba1688Orders(), path)
    assert sink.errors == [] and len(records[0].lines) == 2


@pytest.mark.parametrize(
    ("text", "status", "countable"),
    [
        ("等待买家付款", OrderStatus.UNPAID, False),
        ("等待卖家发货", OrderStatus.PAID, True),
        ("等待买家收货", OrderStatus.SHIPPED, True),
        ("已收货", OrderStatus.COMPLETED, True),
        ("交易成功", OrderStatus.COMPLETED, True),
        ("交易取消", OrderStatus.CLOSED, False),
        ("交易终止", OrderStatus.CLOSED, False),
        ("交易关闭", OrderStatus.CLOSED, False),
    ],
)
def test_status_words(tmp_path, text, status, countable):
    path = alibaba_xlsx(tmp_path / "s.xlsx", [(alibaba_order({"订单状态": text}), [alibaba_line()])])
    records, sink = parse(Alibaba1688Orders(), path)
    assert sink.errors == []
    assert records[0].status == status and records[0].status_text == text
    assert records[0].refund_state is None and records[0].refund_fen is None
    assert is_countable(records[0].status, records[0].refund_state) is countable


def test_continuation_row_without_order_above_is_rejected(tmp_path):
    orphan = [None] * len(ALIBABA_HEADERS)
    orphan[ALIBABA_HEADERS.index("货品标题")] = "无主货品"
    orphan[ALIBABA_HEADERS.index("数量")] = 3
    path = alibaba_xlsx(tmp_path / "o.xlsx", [], extra_rows=[orphan, orphan])
    records, sink = parse(Alibaba1688Orders(), path)
    assert records == [] and sink.rows_read == 2
    assert errors(sink) == [(2, "订单编号", *NO_ORDER_ABOVE), (3, "订单编号", *NO_ORDER_ABOVE)]


def test_broken_rows_reject_their_whole_order(tmp_path):
    orders = [
        (alibaba_order({"订单编号": "1001"}), [alibaba_line(), alibaba_line({"数量": "四十"})]),  # rows 2-3
        (alibaba_order({"订单编号": "1002", "订单创建时间": "2025-02-30 10:00:00"}),              # rows 4-5
         [alibaba_line(), alibaba_line()]),
        (alibaba_order({"订单编号": "1003"}), [alibaba_line()]),                                   # row 6 good
        (alibaba_order({"订单编号": "1004", "实付款(元)": "¥12.5.0"}), [alibaba_line()]),           # row 7
        (alibaba_order({"订单编号": "1005", "订单状态": "退款中"}), [alibaba_line()]),             # row 8
        (alibaba_order({"订单编号": 3.349823648372538e18}), [alibaba_line(), alibaba_line()]),    # rows 9-10
        (alibaba_order({"订单编号": "1007", "订单状态": None}), [alibaba_line()]),                 # row 11
        (alibaba_order({"订单编号": "1008"}), [alibaba_line(), alibaba_line()]),                   # rows 12-13 good
    ]
    records, sink = parse(Alibaba1688Orders(), alibaba_xlsx(tmp_path / "b.xlsx", orders, merge=True))
    assert [r.order_no for r in records] == ["1003", "1008"]
    assert len(records[1].lines) == 2
    assert sink.rows_read == 12
    lost = (
        "编号被表格软件存成了数字，末几位已丢失：请使用平台导出的原始文件",
        "the number was stored as a number by a spreadsheet and lost its last digits: "
        "use the file as the platform exported it",
    )
    assert errors(sink) == [
        (2, "订单编号", *SIBLING),
        (3, "数量", "不是整数", "not a whole number"),
        (4, "订单创建时间", "日期时间格式不对", "not a date/time"),
        (5, "订单编号", *SIBLING),
        (7, "实付款(元)", "金额格式不对", "not an amount of money"),
        (8, "订单状态", "无法识别的订单状态", "unknown order status"),
        (9, "订单编号", *lost),
        (10, "订单编号", *SIBLING),
        (11, "订单状态", "缺少订单状态", "order status is missing"),
    ]


def test_order_rows_with_repeated_cells_and_no_merges(tmp_path):
    """An export (or a re-save) that repeats the order cells on every row: grouped, amounts once."""
    order = alibaba_order({"订单编号": "2001"})
    orders = [(order, [alibaba_line()]), (order, [alibaba_line({"SKU ID": "4512339002"})])]
    records, sink = parse(Alibaba1688Orders(), alibaba_xlsx(tmp_path / "r.xlsx", orders))
    assert sink.errors == []
    (record,) = records
    assert record.paid_fen == 125000 and len(record.lines) == 2


def test_text_dates_and_money_as_excel_resaves_them(tmp_path):
    order = alibaba_order({"订单创建时间": "2025/12/18 9:30", "订单付款时间": "2025/12/18 9:31:05",
                           "实付款(元)": "1,250.00", "货品总价(元)": "￥1,280.00"})
    records, sink = parse(Alibaba1688Orders(), alibaba_xlsx(tmp_path / "t.xlsx", [(order, [alibaba_line()])]))
    assert sink.errors == []
    assert records[0].created_at == "2025-12-18 09:30:00" and records[0].paid_at == "2025-12-18 09:31:05"
    assert (records[0].paid_fen, records[0].goods_fen) == (125000, 128000)


def test_fractional_quantity_is_kept_as_unknown(tmp_path):
    line = alibaba_line({"数量": 2.5, "单位": "千克"})
    records, sink = parse(Alibaba1688Orders(), alibaba_xlsx(tmp_path / "q.xlsx", [(alibaba_order(), [line])]))
    assert sink.errors == []
    assert records[0].lines[0].quantity is None and records[0].item_count is None


def test_summary_and_blank_rows_are_not_data(tmp_path):
    total = [None] * len(ALIBABA_HEADERS)
    total[0], total[ALIBABA_HEADERS.index("实付款(元)")] = "合计", 1250.0
    path = alibaba_xlsx(tmp_path / "s.xlsx", _orders()[:1], extra_rows=[[None] * 3, total])
    records, sink = parse(Alibaba1688Orders(), path)
    assert len(records) == 1 and sink.rows_read == 2 and sink.errors == []


def test_title_row_above_the_header(tmp_path):
    path = alibaba_xlsx(tmp_path / "t.xlsx", _orders()[:1], leading_rows=[["已卖出的货品 订单导出 2025-12-18"]])
    records, sink = parse(Alibaba1688Orders(), path)
    assert sink.errors == [] and records[0].row == 3 and len(records[0].lines) == 2


def test_typed_datetime_cells(tmp_path):
    order = alibaba_order({"订单创建时间": datetime(2025, 12, 18, 23, 59, 59)})
    records, _ = parse(Alibaba1688Orders(), alibaba_xlsx(tmp_path / "d.xlsx", [(order, [alibaba_line()])]))
    assert records[0].created_at == "2025-12-18 23:59:59"


def test_empty_row_above_the_header_keeps_excel_row_numbers(tmp_path):
    """Row numbers in messages are the ones Excel shows, even below an empty first row."""
    orders = [(alibaba_order(), [alibaba_line(), alibaba_line({"数量": "四十"})])]
    path = alibaba_xlsx(tmp_path / "e.xlsx", orders, leading_rows=[[]])
    assert openpyxl.load_workbook(path).active["A2"].value == "订单编号"  # header on Excel row 2
    with open_table(path) as table:
        assert table.header_row == 2
    records, sink = parse(Alibaba1688Orders(), path)
    assert records == []
    assert errors(sink) == [(3, "订单编号", *SIBLING), (4, "数量", "不是整数", "not a whole number")]
