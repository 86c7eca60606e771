"""The bulk (column-by-column) path gives exactly what the row-by-row path gives."""

import pytest

from sellerdesk.demo.bulk import write_taobao_orders_csv
from sellerdesk.demo.writers import write_demo_exports
from sellerdesk.domain.orders import OrderBatch
from sellerdesk.ingest import taobao_orders
from sellerdesk.ingest.layout import RowSink
from sellerdesk.ingest.table import open_table
from sellerdesk.ingest.taobao_orders import TaobaoOrdersCsv
from tests.ingest.taobao_files import flatten


def parse(path, bulk: bool, monkeypatch):
    monkeypatch.setattr(taobao_orders, "BULK_MIN", 1 if bulk else 10**9)
    sink = RowSink(path.name)
    with open_table(path) as table:
        items = list(TaobaoOrdersCsv().parse(table, sink))
    return items, sink


def assert_same(path, monkeypatch, expect_batches=True):
    bulk_items, bulk_sink = parse(path, True, monkeypatch)
    row_items, row_sink = parse(path, False, monkeypatch)
    assert any(isinstance(i, OrderBatch) for i in bulk_items) == expect_batches
    assert not any(isinstance(i, OrderBatch) for i in row_items)
    assert flatten(bulk_items) == row_items
    assert (bulk_sink.rows_read, bulk_sink.rejected, bulk_sink.errors) == (
        row_sink.rows_read, row_sink.rejected, row_sink.errors)
    return row_items, row_sink


def test_a_generated_big_export(tmp_path, monkeypatch):
    path = write_taobao_orders_csv(tmp_path / "ExportOrderList1.csv", 5000, seed=3)
    records, sink = assert_same(path, monkeypatch)
    assert len(records) == 5000 and sink.rejected == 0


def test_the_demo_shops_order_reports(tmp_path, monkeypatch):
    for path in write_demo_exports(tmp_path, buyers=400, seed=11):
        if path.name.startswith("ExportOrderList"):
            assert_same(path, monkeypatch)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda line: line.replace('"交易成功"', '"交易神秘"', 1),  # unknown status
        lambda line: line.replace('"2025-', '"2025/', 1),  # Excel re-saved date: row path normalises it
        lambda line: line.replace('="', '="', 1).replace(".00\"", ".0\"", 1),  # one decimal
        lambda line: line.replace('="', '"3.51531E+16', 1),  # id Excel turned into a number
        lambda line: '"3.51531E16",' + line.split(",", 1)[1],  # the same without the plus
        lambda line: '"12E5",' + line.split(",", 1)[1],
        lambda line: line + ",,,",  # extra trailing cells
        lambda line: ",,,,",  # a blank row
        lambda line: '"合计",' + line.split(",", 1)[1],  # a totals row
    ],
)
def test_a_chunk_with_an_odd_row_falls_back_and_agrees(tmp_path, monkeypatch, mutate):
    path = write_taobao_orders_csv(tmp_path / "ExportOrderList2.csv", 300, seed=5)
    lines = path.read_bytes().decode("gb18030").split("\r\n")
    lines[150] = mutate(lines[150])
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    monkeypatch.setattr(taobao_orders, "BULK_CHUNK", 100)  # the other chunks stay on the bulk path
    assert_same(path, monkeypatch)


def test_column_cleaning_agrees_with_clean():
    import random

    from sellerdesk.ingest.cells import clean
    from sellerdesk.ingest.taobao_orders_bulk import _clean_column

    pieces = ['="', '"', "'", "\t", " ", "=", "-", "null", "无", "1", "张", "*"]
    rng = random.Random(7)
    for _ in range(2000):
        shape = rng.choice(["any", "id", "phone"])
        column = []
        for _ in range(rng.randint(1, 6)):
            body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
            column.append({"any": body, "id": f'="{body}"', "phone": f"'{body}" if body else ""}[shape])
        assert list(_clean_column(tuple(column))) == [clean(v) for v in column], column
