"""A file of unknown layout: map its columns once, import it, and the mapping is remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from sellerdesk.ui.importing.mapping_dialog import ColumnMappingDialog, guess_mapping
from sellerdesk.ui.models import file_results as fr

from .helpers import IMPORT_TIMEOUT_MS, card, drop_files, import_by_drop

HEADERS = ["单号", "客户", "金额", "状态", "下单日期", "手机号"]
ROWS = [
    ["W001", "张三", "88.00", "交易成功", "2025-06-18 10:00:00", "13800000001"],
    ["W002", "张三", "12.50", "交易成功", "2025-06-20 11:00:00", "13800000001"],
    ["W003", "李四", "30.00", "已发货", "2025-06-21 12:00:00", "13800000002"],
]


def weidian_csv(path: Path) -> Path:
    path.write_text("\n".join(",".join(r) for r in [HEADERS, *ROWS]) + "\n", encoding="utf-8")
    return path


def test_the_guess_takes_only_obvious_headers():
    assert guess_mapping(HEADERS) == {"phone": "手机号"}


def test_unknown_layout_opens_the_mapping_dialog_and_imports(qtbot, window, tmp_path):
    export = weidian_csv(tmp_path / "weidian.csv")
    with qtbot.waitSignal(window.importer.mapping_requested, timeout=IMPORT_TIMEOUT_MS) as asked:
        drop_files(window, [export])
    dialog: ColumnMappingDialog = asked.args[0]
    assert dialog.isVisible() and "weidian.csv" in dialog.windowTitle()
    assert [dialog.combos["order_no"].itemText(i) for i in range(1, 7)] == HEADERS
    assert not dialog.ok_button.isEnabled()  # the order number is required

    for field, header in {"order_no": "单号", "buyer": "客户", "paid": "金额", "status": "状态",
                          "created_at": "下单日期"}.items():
        dialog.set_field(field, header)
    dialog.platform.setEditText("微店")
    assert dialog.ok_button.isEnabled()
    assert dialog.mapping() == {"order_no": "单号", "buyer": "客户", "paid": "金额", "status": "状态",
                                "created_at": "下单日期", "phone": "手机号", "_platform": "微店",
                                "_amounts": "order"}
    with qtbot.waitSignal(window.importer.summary_shown, timeout=IMPORT_TIMEOUT_MS) as shown:
        dialog.accept()
    summary = shown.args[0]
    assert summary.files_model.cell_text(0, fr.RESULT) == "已导入"
    assert summary.files_model.cell_text(0, fr.ORDERS_ADDED) == "3"
    assert card(window, "orders")[1] == "3" and card(window, "buyers")[1] == "2"
    assert window.overview.shops_model.cell_text(0, 0) == "微店"
    summary.close()

    # Same columns again: the mapping is remembered, no dialog.
    again = import_by_drop(qtbot, window, [weidian_csv(tmp_path / "weidian-2.csv")])
    assert again.files_model.cell_text(0, fr.RESULT) == "已导入"
    assert again.files_model.cell_text(0, fr.ORDERS_ADDED) == "0"  # the same orders: not doubled
    assert card(window, "orders")[1] == "3" and window.overview.shops_model.rowCount() == 1


def test_skipping_the_mapping_reports_the_file_as_not_imported(qtbot, window, tmp_path):
    export = weidian_csv(tmp_path / "weidian.csv")
    with qtbot.waitSignal(window.importer.mapping_requested, timeout=IMPORT_TIMEOUT_MS) as asked:
        drop_files(window, [export])
    with qtbot.waitSignal(window.importer.summary_shown, timeout=IMPORT_TIMEOUT_MS) as shown:
        asked.args[0].done(QDialog.DialogCode.Rejected)
    summary = shown.args[0]
    assert summary.files_model.cell_text(0, fr.RESULT) == "未导入：没有对应列"
    assert "weidian.csv" in summary.problems.text()
    assert window.overview.showing_empty_state
