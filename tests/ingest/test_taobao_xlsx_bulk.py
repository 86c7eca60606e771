"""The 千牛 sub-order xlsx: the bulk (column-by-column) path gives exactly what the row path gives."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from sellerdesk.demo.bulk import write_taobao_suborders_xlsx
from sellerdesk.domain.orders import OrderBatch
from sellerdesk.ingest import taobao_xlsx, taobao_xlsx_bulk
from sellerdesk.ingest.layout import RowSink
from sellerdesk.ingest.table import open_table
from sellerdesk.ingest.taobao_xlsx import TaobaoSubOrdersXlsx
from tests.ingest.taobao_files import SUBORDER_HEADERS, flatten, suborder_row, write_xlsx


def parse(path, bulk: bool, monkeypatch, chunk: int = 50):
    monkeypatch.setattr(taobao_xlsx, "BULK_MIN", 1 if bulk else 10**9)
    monkeypatch.setattr(taobao_xlsx, "BULK_CHUNK", chunk)
    monkeypatch.setattr(taobao_xlsx_bulk, "ORDERS_PER_BATCH", 7)  # several batches even in small files
    sink = RowSink(path.name)
    with open_table(path) as table:
        items = list(TaobaoSubOrdersXlsx().parse(table, sink))
    return items, sink


def assert_same(path, monkeypatch, expect_batches=True, chunk: int = 50, row_path_chunks: int = 0):
    """Both paths agree; row_path_chunks: how many chunks the bulk path must hand to the row path."""
    handed = []
    real = TaobaoSubOrdersXlsx._group_rows
    monkeypatch.setattr(TaobaoSubOrdersXlsx, "_group_rows", lambda self, *a: handed.append(1) or real(self, *a))
    bulk_items, bulk_sink = parse(path, True, monkeypatch, chunk)
    assert len(handed) == row_path_chunks
    row_items, row_sink = parse(path, False, monkeypatch, chunk)
    assert any(isinstance(i, OrderBatch) for i in bulk_items) == expect_batches
    assert not any(isinstance(i, OrderBatch) for i in row_items)
    assert flatten(bulk_items) == row_items
    assert (bulk_sink.rows_read, bulk_sink.rejected, bulk_sink.errors) == (
        row_sink.rows_read, row_sink.rejected, row_sink.errors)
    return row_items, row_sink


def test_a_generated_big_export(tmp_path, monkeypatch):
    path = write_taobao_suborders_xlsx(tmp_path / "ExportOrderList1.xlsx", 3000, seed=3)
    records, sink = assert_same(path, monkeypatch, chunk=512)
    assert sum(len(r.lines) for r in records) == 3000 and sink.rejected == 0
    assert any(len(r.lines) > 1 for r in records)


A, B, C = "4025633395051234567", "4025633395051234568", "4025633395051234569"


def _rows(n: int = 240, seed: int = 1) -> list[dict]:
    """Orders of one to three lines, some of them scattered through the file, typed cells."""
    rng = random.Random(seed)
    rows, orders = [], []
    for k in range(n):
        if orders and rng.random() < 0.3:
            order = rng.choice(orders)  # a later line of an earlier order, anywhere below it
        else:
            order = str(4025633395051000000 + k)
            orders.append(order)
        status = rng.choice(["交易成功", "交易成功", "卖家已发货，等待买家确认", "交易关闭", "等待买家付款"])
        refunded = status == "交易关闭" and rng.random() < 0.5
        rows.append(suborder_row(
            str(4125633395051000000 + k), order, 商品标题=rng.choice(["锅", "铲", "毛巾", ""]),
            购买数量=rng.choice([1, 2, 3]), 买家实付金额=rng.choice([0, 9.9, 201.12, 59.7]),
            订单状态=status, 退款状态="退款成功" if refunded else rng.choice(["", "退款关闭"]),
            退款金额=rng.choice([0, 9.9]) if refunded else 0,
            订单创建时间=rng.choice([datetime(2025, 11, 11, 20, 0, 0), datetime(2025, 11, 10, 8, 30, 1)]),
            订单付款时间="--" if status == "等待买家付款" else datetime(2025, 11, 11, 20, 0, 5),
        ))
    return rows


def test_scattered_multi_line_orders(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "ExportOrderList2.xlsx", SUBORDER_HEADERS, _rows())
    records, sink = assert_same(path, monkeypatch)
    assert sink.rejected == 0 and any(len(r.lines) == 3 for r in records)


def test_text_cells(tmp_path, monkeypatch):
    """Every cell written as text, as a re-saved or converted export has them."""
    rows = []
    for row in _rows(seed=2):
        row = {k: ("" if v is None else v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, datetime)
                   else f"{v:.2f}" if isinstance(v, float) else str(v)) for k, v in row.items()}
        row["购买数量"] = str(int(float(row["购买数量"])))
        for money in ("商品价格", "买家应付货款", "买家实付金额", "退款金额"):
            row[money] = f"{float(row[money]):.2f}"
        row["子订单编号"] = "'" + row["子订单编号"]
        rows.append(row)
    path = write_xlsx(tmp_path / "ExportOrderList3.xlsx", SUBORDER_HEADERS, rows)
    assert_same(path, monkeypatch)


def test_without_refund_columns(tmp_path, monkeypatch):
    headers = [h for h in SUBORDER_HEADERS if h not in ("退款状态", "退款金额", "商品属性")]
    path = write_xlsx(tmp_path / "ExportOrderList4.xlsx", headers, _rows(seed=3))
    assert_same(path, monkeypatch)


ROW_PATH = 1  # the chunk with the odd row goes to the row path
BULK = 0  # the bulk path takes it as it is


@pytest.mark.parametrize(
    "change, row_path_chunks",
    [
        ({"订单状态": "待评价"}, ROW_PATH),  # unknown status: the order is rejected, its other lines as siblings
        ({"订单状态": ""}, ROW_PATH),
        ({"订单付款时间": "2025-11-31 10:00:00"}, ROW_PATH),  # no such day
        ({"订单创建时间": "2025/11/11 20:00"}, ROW_PATH),  # Excel's form: the row path normalises it
        ({"买家实付金额": "二十"}, ROW_PATH),
        ({"买家实付金额": 0.125}, ROW_PATH),  # more decimals than fen
        ({"买家实付金额": 1e15}, ROW_PATH),  # beyond the bulk path's range
        ({"买家实付金额": "201.12元"}, ROW_PATH),
        ({"买家实付金额": "--"}, BULK),
        ({"退款金额": "无退款申请"}, BULK),
        ({"退款状态": "退款成功", "退款金额": "--"}, BULK),
        ({"购买数量": -1}, ROW_PATH),
        ({"购买数量": 1.5}, ROW_PATH),
        ({"商品ID": 612345023900.0}, BULK),  # a number where text is usual
        ({"商品标题": "  锅\t"}, BULK),
        ({"子订单编号": ""}, ROW_PATH),
        ({"主订单编号": ""}, ROW_PATH),  # no order number: rejected alone
        ({"主订单编号": float(A)}, ROW_PATH),  # digits lost to a float
        ({"主订单编号": "3.51531E+16"}, ROW_PATH),
        ({"主订单编号": "合计"}, ROW_PATH),  # a totals row
        ("blank", ROW_PATH),
        ("short", ROW_PATH),
    ],
)
def test_a_chunk_with_an_odd_row_falls_back_and_agrees(tmp_path, monkeypatch, change, row_path_chunks):
    rows: list = _rows(seed=5)
    if change == "blank":
        rows[150] = []
    elif change == "short":
        rows[150] = [rows[150]["子订单编号"], rows[150]["主订单编号"], "锅"]
    else:
        rows[150] = {**rows[150], **change}
    path = write_xlsx(tmp_path / "ExportOrderList5.xlsx", SUBORDER_HEADERS, rows)
    assert_same(path, monkeypatch, row_path_chunks=row_path_chunks)  # the other chunks stay on the bulk path


def test_a_totals_row_at_the_bottom(tmp_path, monkeypatch):
    total = ["合计", None, None, None, 3, None, None, None, None, None, None, 261.12, 261.12]
    path = write_xlsx(tmp_path / "ExportOrderList6.xlsx", SUBORDER_HEADERS, [*_rows(seed=6), total, []])
    records, sink = assert_same(path, monkeypatch, row_path_chunks=1)
    assert sink.rejected == 0 and sink.rows_read == 240
