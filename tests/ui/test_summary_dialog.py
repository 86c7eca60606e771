"""The import summary lists every rejected row with its row and column, copyable and exportable."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from sellerdesk.ui.models import file_results as fr
from sellerdesk.ui.models import rejected_rows as rr

from .helpers import import_by_drop
from .taobao_csv import HEADERS, write_taobao_csv, small_shop_orders

BAD_LINES = [
    '="3515000000000000901",tb_dan,abc,交易成功,王五,北京市 北京市 朝阳区,\'13900000000,2025-11-11 10:00:00,'
    '2025-11-11 10:00:00,0.00',
    '="3515000000000000902",tb_eve,10.00,外星状态,赵六,北京市 北京市 朝阳区,\'13900000001,2025-11-11 10:00:00,'
    '2025-11-11 10:00:00,0.00',
]


def test_rejected_rows_are_listed_with_row_and_column(qtbot, window, tmp_path, monkeypatch):
    export = write_taobao_csv(tmp_path / "mixed.csv", small_shop_orders(), extra_lines=BAD_LINES)
    summary = import_by_drop(qtbot, window, [export])

    assert summary.files_model.cell_text(0, fr.ROWS_REJECTED) == "2"
    assert summary.files_model.cell_text(0, fr.ORDERS_ADDED) == "5"
    assert summary.rejected_box.isVisibleTo(summary)
    assert "（2）" in summary.rejected_box.title()
    model = summary.rejected_model
    rows = [[model.cell_text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows == [
        ["mixed.csv", "7", "买家实际支付金额", "金额格式不对", "abc"],
        ["mixed.csv", "8", "订单状态", "无法识别的订单状态", "外星状态"],
    ]
    assert "拒绝 2 行" in summary.headline.text()

    # Copy: tab-separated with the header, ready for Excel.
    summary.rejected_table.copy_rows(all_rows=True)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == "文件\t行号\t列\t原因\t内容"
    assert copied[1].startswith("mixed.csv\t7\t买家实际支付金额")

    # Export: a CSV Excel opens (UTF-8 with BOM).
    target = tmp_path / "rejected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    summary.export_button.click()
    with open(target, encoding="utf-8-sig", newline="") as f:
        exported = list(csv.reader(f))
    assert exported[0] == ["文件", "行号", "列", "原因", "内容"]
    assert exported[2][rr.VALUE] == "外星状态"


def test_a_file_that_cannot_be_imported_shows_its_message(qtbot, window, tmp_path):
    header_only = tmp_path / "empty.csv"
    header_only.write_bytes((",".join(HEADERS) + "\r\n").encode("gbk"))
    good = write_taobao_csv(tmp_path / "good.csv", small_shop_orders())
    summary = import_by_drop(qtbot, window, [header_only, good])
    assert summary.files_model.cell_text(0, fr.RESULT) == "文件里只有表头，没有数据行。"
    assert summary.files_model.cell_text(1, fr.RESULT) == "已导入"
    assert "empty.csv: 文件里只有表头" in summary.problems.text()
    assert "已导入 1/2 个文件" in summary.headline.text()


def test_the_summary_follows_the_language(qtbot, window, tmp_path):
    summary = import_by_drop(qtbot, window, [write_taobao_csv(tmp_path / "a.csv", small_shop_orders())])
    window.set_language("en")
    qtbot.waitUntil(lambda: summary.windowTitle() == "Import summary")
    assert summary.files_model.cell_text(0, fr.LAYOUT) == "Taobao/Tmall order report"
    assert summary.files_model.headerData(fr.ORDERS_ADDED, Qt.Orientation.Horizontal) == "Orders added"


def test_exported_rejected_cells_are_never_formulas(qtbot, tmp_path, monkeypatch):
    from pathlib import Path

    from sellerdesk.domain.errors import RowError
    from sellerdesk.exporters.safe_cells import safe_text
    from sellerdesk.services.importing import FileResult
    from sellerdesk.ui.importing.summary_dialog import ImportSummaryDialog

    values = ["=HYPERLINK(\"x\")", "＝SUM(A1)", "＋1", " =1+1", "\n@x", "ok"]
    errors = [RowError("=evil.csv", i + 2, "买家会员名", "金额格式不对", "amount", v) for i, v in enumerate(values)]
    summary = ImportSummaryDialog([FileResult(Path("=evil.csv"), rows_read=9, rows_rejected=len(errors),
                                              errors=errors)], export_dir=str(tmp_path))
    qtbot.addWidget(summary)
    summary.show()
    target = tmp_path / "rejected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    summary.export_button.click()
    with open(target, encoding="utf-8-sig", newline="") as f:
        exported = list(csv.reader(f))
    assert [row[rr.VALUE] for row in exported[1:]] == [safe_text(v) for v in values]
    assert [row[rr.VALUE] for row in exported[1:]][:5] == ["'" + v for v in values[:5]]
    assert {row[rr.FILE] for row in exported[1:]} == {"'=evil.csv"}
    assert [p.name for p in tmp_path.iterdir()] == ["rejected.csv"]  # no temporary file left
