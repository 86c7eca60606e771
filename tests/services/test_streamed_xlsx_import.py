"""The 千牛 sub-order xlsx is written while it is read (orders handed out as soon as their lines are all
read, pieces parsed on a reader thread, batches written on a writer thread): the database ends
exactly as with the whole file read first, a row that takes an order back restarts the records,
and a Cancel or a crash leaves the database as it was."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from sellerdesk.demo.bulk import write_taobao_suborders_xlsx
from sellerdesk.ingest import taobao_xlsx, taobao_xlsx_bulk, xlsx_pieces
from sellerdesk.ingest.taobao_xlsx import TaobaoSubOrdersXlsx
from sellerdesk.services.importing import import_files
from sellerdesk.services.jobs import CancelToken
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import order_writer
from tests.ingest.taobao_files import SUBORDER_HEADERS, suborder_row, write_xlsx


@pytest.fixture(autouse=True)
def small_steps(monkeypatch):
    """Many chunks, batches and pieces even in a small file."""
    monkeypatch.setattr(taobao_xlsx, "BULK_MIN", 1)
    monkeypatch.setattr(taobao_xlsx, "BULK_CHUNK", 40)
    monkeypatch.setattr(taobao_xlsx_bulk, "ORDERS_PER_BATCH", 7)
    monkeypatch.setattr(xlsx_pieces, "PIECE_BYTES", 4096)
    monkeypatch.setattr(order_writer, "BATCH", 50)


@pytest.fixture
def restarts(monkeypatch):
    seen = []
    real = taobao_xlsx_bulk.LineColumns._restart
    monkeypatch.setattr(taobao_xlsx_bulk.LineColumns, "_restart", lambda self: seen.append(1) or real(self))
    return seen


def dump(path):
    conn = sqlite3.connect(path)
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
           for t in ("orders", "buyers", "order_lines", "refunds", "shop_summary", "buyer_stats")}
    out["indexes"] = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY 1").fetchall()
    conn.close()
    return out


def import_both_ways(tmp_path, path, monkeypatch):
    """(streamed shop, its result), (shop read whole first, its result)."""
    streamed = ShopFile(tmp_path / "streamed.sqlite")
    first = import_files(streamed, [path])
    monkeypatch.setattr(TaobaoSubOrdersXlsx, "restartable", False)
    whole = ShopFile(tmp_path / "whole.sqlite")
    second = import_files(whole, [path])
    monkeypatch.setattr(TaobaoSubOrdersXlsx, "restartable", True)
    return (streamed, first.files[0]), (whole, second.files[0])


def _same(a, b):
    (shop_a, file_a), (shop_b, file_b) = a, b
    assert file_a.error is None and file_b.error is None
    assert (file_a.rows_read, file_a.rows_rejected, file_a.errors, file_a.counts) == (
        file_b.rows_read, file_b.rows_rejected, file_b.errors, file_b.counts)
    assert dump(shop_a.path) == dump(shop_b.path)


def test_an_export_with_each_orders_lines_together_streams_without_restarting(tmp_path, monkeypatch, restarts):
    path = write_taobao_suborders_xlsx(tmp_path / "ExportOrderList1.xlsx", 1500, seed=4)
    streamed, whole = import_both_ways(tmp_path, path, monkeypatch)
    _same(streamed, whole)
    assert streamed[1].counts.lines_added == 1500 and not restarts


def _scattered(n: int = 400) -> list[dict]:
    rows = []
    for k in range(n):
        order = str(4025633395051000000 + (k if k % 50 else 7))  # every 50th row: a line of order ...007
        rows.append(suborder_row(str(4125633395051000000 + k), order, 买家实付金额=1.5 + k,
                                 订单创建时间=datetime(2025, 11, 11, 20, k % 60, 0)))
    return rows


def test_a_later_line_of_a_written_order_restarts_the_records(tmp_path, monkeypatch, restarts):
    path = write_xlsx(tmp_path / "ExportOrderList2.xlsx", SUBORDER_HEADERS, _scattered())
    streamed, whole = import_both_ways(tmp_path, path, monkeypatch)
    _same(streamed, whole)
    assert restarts == [1]
    conn = sqlite3.connect(streamed[0].path)
    assert conn.execute("SELECT count(*) FROM order_lines WHERE order_no = '4025633395051000007'").fetchone()[0] == 9


def test_a_later_broken_row_of_a_written_order_rejects_all_of_it(tmp_path, monkeypatch, restarts):
    rows = _scattered()
    rows = [r for k, r in enumerate(rows) if k % 50 or k == 0]  # ...007 now only in the first chunk (rows 0, 7) ...
    rows[300] = suborder_row("4125633395059999999", "4025633395051000007", 订单状态="待评价")  # ... and broken here
    path = write_xlsx(tmp_path / "ExportOrderList3.xlsx", SUBORDER_HEADERS, rows)
    streamed, whole = import_both_ways(tmp_path, path, monkeypatch)
    _same(streamed, whole)
    assert restarts == [1] and streamed[1].rows_rejected == 3


def test_reimporting_a_streamed_file_changes_nothing(tmp_path, monkeypatch):
    path = write_taobao_suborders_xlsx(tmp_path / "ExportOrderList4.xlsx", 800, seed=5)
    shop = ShopFile(tmp_path / "shop.sqlite")
    import_files(shop, [path])
    before = dump(shop.path)
    again = import_files(shop, [path]).files[0]
    assert again.error is None and again.counts == order_writer.WriteCounts()
    assert dump(shop.path) == before


def _shop_with_an_order(tmp_path):
    shop = ShopFile(tmp_path / "shop.sqlite")
    import_files(shop, [write_taobao_suborders_xlsx(tmp_path / "ExportOrderList0.xlsx", 30, seed=1)])
    return shop, dump(shop.path)


def test_cancel_while_streaming_leaves_the_database_as_it_was(tmp_path):
    shop, before = _shop_with_an_order(tmp_path)
    path = write_taobao_suborders_xlsx(tmp_path / "ExportOrderList5.xlsx", 1500, seed=6)
    token = CancelToken()
    written = []

    def progress(fraction, message):
        if fraction > 0.5:
            written.append(fraction)
            token.cancel()

    result = import_files(shop, [path], progress=progress, cancel=token)
    assert result.cancelled and written
    assert dump(shop.path) == before


def test_a_crash_in_the_writer_thread_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    shop, before = _shop_with_an_order(tmp_path)
    path = write_taobao_suborders_xlsx(tmp_path / "ExportOrderList6.xlsx", 1500, seed=7)
    calls = []
    real = order_writer.OrderWriter.flush

    def flush(self):
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("disk on fire")
        real(self)

    monkeypatch.setattr(order_writer.OrderWriter, "flush", flush)
    with pytest.raises(RuntimeError, match="disk on fire"):
        import_files(shop, [path])
    monkeypatch.undo()
    assert dump(shop.path) == before
