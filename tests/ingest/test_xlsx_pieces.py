"""A big xlsx read in pieces on a reader thread gives exactly the rows of the whole-sheet read."""

from __future__ import annotations

import zipfile
from datetime import datetime

import pytest

from sellerdesk.domain.errors import FileImportError
from sellerdesk.ingest import table as table_module
from sellerdesk.ingest import xlsx_pieces
from sellerdesk.ingest.table import open_table


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(xlsx_pieces, "PIECE_BYTES", 2048)  # a few rows per piece


def _rows(n: int = 300) -> list[list]:
    rows = []
    for k in range(n):
        row = [str(4025633395051000000 + k), f"锅 {k % 7}", 201.12 if k % 3 else 9.9, k % 4,
               datetime(2025, 11, 11, 20, 0, k % 60), "交易成功" if k % 5 else None, "--"]
        if 100 <= k < 130:
            row[0] = None  # thirty rows without a first cell: pieces that start at column B
        rows.append(row)
    return rows


def _write(path, rows, write_only: bool, title: bool = False, gap_at: int | None = None, second_sheet: bool = False):
    from openpyxl import Workbook

    wb = Workbook(write_only=write_only)  # write-only: inline strings; normal: shared strings
    ws = wb.create_sheet("订单") if write_only else wb.active
    if title:
        ws.append(["千牛导出 2025-11-12"])
        ws.append([])
    ws.append(["子订单编号", "商品标题", "买家实付金额", "购买数量", "订单创建时间", "订单状态", "商家备注"])
    for k, row in enumerate(rows):
        if k == gap_at:
            for _ in range(40):
                ws.append([])
        ws.append(row)
    if second_sheet:
        other = wb.create_sheet("说明")
        other.append(["这一页不是数据"])
    wb.save(path)
    return path


def _both(path):
    whole = table_module._open_whole_sheet(path)
    pieces = open_table(path)
    assert isinstance(getattr(pieces._close, "__self__", None), xlsx_pieces.PieceReader)
    with whole, pieces:
        return (whole.headers, whole.header_row, list(whole.rows())), (pieces.headers, pieces.header_row,
                                                                       list(pieces.rows())), pieces


@pytest.mark.parametrize("write_only", [True, False], ids=["inline strings", "shared strings"])
@pytest.mark.parametrize("layout", ["plain", "title rows", "empty rows", "two sheets"])
def test_pieces_give_the_whole_sheet_rows(tmp_path, small_pieces, write_only, layout):
    path = _write(tmp_path / "ExportOrderList.xlsx", _rows(), write_only, title=layout == "title rows",
                  gap_at=200 if layout == "empty rows" else None, second_sheet=layout == "two sheets")
    whole, pieces, table = _both(path)
    assert pieces == whole
    assert len(pieces[2]) >= 300 and table.fraction() == pytest.approx(1.0, abs=0.01)


def test_a_small_sheet_is_read_whole(tmp_path):
    path = _write(tmp_path / "small.xlsx", _rows(50), write_only=True)
    with open_table(path) as table:
        assert not isinstance(getattr(table._close, "__self__", None), xlsx_pieces.PieceReader)
        assert len(list(table.rows())) == 50


def test_a_damaged_sheet_is_a_clear_error(tmp_path, small_pieces):
    good = _write(tmp_path / "good.xlsx", _rows(), write_only=True)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                cut = data.index(b'<row r="250"')
                data = data[:cut] + b'<row r="250"><c r="A250" t="n"><v>1</v></c><c r="B250"' + data[cut + 400:]
            dst.writestr(item, data)
    with pytest.raises(FileImportError) as error, open_table(bad) as table:
        list(table.rows())
    assert "Excel" in error.value.message("en")


def test_closing_early_stops_the_reader(tmp_path, small_pieces):
    path = _write(tmp_path / "ExportOrderList.xlsx", _rows(), write_only=True)
    table = open_table(path)
    reader = table._close.__self__
    next(table.rows())
    table.close()
    reader._thread.join(timeout=5)
    assert not reader._thread.is_alive()
