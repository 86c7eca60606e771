"""A big xlsx's header is read ahead from the sheet's XML; calamine loads the sheet only when rows are read.

The peek must find what calamine finds (header cells and row number), or give up (None).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import Workbook

from sellerdesk.ingest import table as table_module
from sellerdesk.ingest.table import open_table, peek_xlsx_header


def _write(path, rows, write_only=False):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("订单") if write_only else wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _eager(path, monkeypatch):
    monkeypatch.setattr(table_module, "LAZY_MIN_BYTES", 10**12)
    with open_table(path) as t:
        return t.headers, t.header_row, list(t.rows())


def _lazy(path, monkeypatch):
    monkeypatch.setattr(table_module, "LAZY_MIN_BYTES", 0)
    with open_table(path) as t:
        return t.headers, t.header_row, list(t.rows())


def _trimmed(headers):
    while headers and not headers[-1]:
        headers = headers[:-1]
    return headers


DATA = [["1", "A", 2.5, datetime(2025, 11, 11, 20, 0)], ["2", "B", 3, None]]


@pytest.mark.parametrize("write_only", [False, True], ids=["shared strings", "inline strings"])
@pytest.mark.parametrize(
    "above",
    [
        [],
        [["订单导出 2025-11-12"]],  # a title row
        [["订单导出"], [], ["共 2 条", None]],  # title, blank and a one-cell row
        [[None, None]],
    ],
)
def test_the_peek_finds_what_calamine_finds(tmp_path, monkeypatch, write_only, above):
    header = ["订单编号", " 买家会员名 ", "金额", "时间", None]
    path = _write(tmp_path / "a.xlsx", [*above, header, *DATA], write_only)
    headers, row, rows = _eager(path, monkeypatch)
    assert peek_xlsx_header(path) == (_trimmed(headers), row)
    lazy_headers, lazy_row, lazy_rows = _lazy(path, monkeypatch)
    assert (lazy_headers, lazy_row, lazy_rows) == (_trimmed(headers), row, rows)


@pytest.mark.parametrize(
    "rows",
    [
        [["订单编号", 2025, "金额"], *DATA],  # a number in the header
        [[None, "订单编号", "金额"], *DATA],  # the header does not start in column A
        [*([["x"]] * 10), ["订单编号", "金额"], *DATA],  # past the rows searched
    ],
)
def test_the_peek_gives_up_on_anything_unusual(tmp_path, monkeypatch, rows):
    path = _write(tmp_path / "b.xlsx", rows)
    assert peek_xlsx_header(path) is None


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "c.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert peek_xlsx_header(path) is None


def test_a_lazy_table_reads_the_demo_sub_order_export(tmp_path, monkeypatch):
    from sellerdesk.demo.bulk import write_taobao_suborders_xlsx

    path = write_taobao_suborders_xlsx(tmp_path / "ExportOrderList1.xlsx", 300, seed=2)
    assert _lazy(path, monkeypatch) == _eager(path, monkeypatch)
    monkeypatch.setattr(table_module, "LAZY_MIN_BYTES", 0)
    with open_table(path) as t:
        assert t.fraction() == 0.0  # nothing loaded until rows are read
