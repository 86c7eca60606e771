"""Import by drag and drop and by File > Import (Ctrl+I); the Overview shows the figures."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from sellerdesk.services.overview import load_overview
from sellerdesk.ui.models import file_results as fr
from sellerdesk.ui.models import shop_figures as sf

from .helpers import IMPORT_TIMEOUT_MS, card, drag_enter, import_by_drop
from .taobao_csv import write_taobao_csv, small_shop_orders


def test_empty_shop_shows_guidance(window):
    assert window.overview.showing_empty_state
    body = window.overview.empty_state.body.text()
    assert "拖到本窗口" in body and "Ctrl+I" in body
    assert "店铺客户运营台" in window.windowTitle() and "shop.sqlite" in window.windowTitle()


def test_drop_a_taobao_export_shows_its_figures(qtbot, window, tmp_path):
    export = write_taobao_csv(tmp_path / "ExportOrderList202511.csv", small_shop_orders())
    summary = import_by_drop(qtbot, window, [export])

    assert not window.overview.showing_empty_state
    assert card(window, "orders")[:2] == ("订单", "5")
    assert card(window, "countable")[1] == "4"
    assert card(window, "buyers")[1] == "3"
    assert card(window, "repeat")[1] == "1" and "33.3%" in card(window, "repeat")[2]
    assert card(window, "paid")[1] == "¥460.40"
    assert card(window, "net")[1] == "¥410.40"
    assert card(window, "refunds")[1:] == ("¥50.00", "退款订单 1 个")
    assert card(window, "dates")[1] == "2025-11-01 – 2025-11-13"

    shops = window.overview.shops_model
    assert shops.rowCount() == 1
    assert shops.cell_text(0, sf.PLATFORM) == "淘宝/天猫"
    assert shops.cell_text(0, sf.PAID) == "¥460.40"
    imports = window.overview.imports_model
    assert imports.rowCount() == 1 and imports.rows[0].file_name == export.name
    assert imports.rows[0].orders_added == 5

    files = summary.files_model
    assert files.cell_text(0, fr.LAYOUT) == "淘宝/天猫 订单报表"
    assert files.cell_text(0, fr.ENCODING) == "GBK/GB18030"
    assert files.cell_text(0, fr.ORDERS_ADDED) == "5"
    assert files.cell_text(0, fr.BUYERS_ADDED) == "3"
    assert files.cell_text(0, fr.RESULT) == "已导入"
    assert not summary.rejected_box.isVisibleTo(summary)


def test_reimport_updates_and_refreshes(qtbot, window, tmp_path):
    export = write_taobao_csv(tmp_path / "orders.csv", small_shop_orders())
    import_by_drop(qtbot, window, [export]).close()
    summary = import_by_drop(qtbot, window, [export])
    assert summary.files_model.cell_text(0, fr.ORDERS_ADDED) == "0"
    assert card(window, "orders")[1] == "5"  # updated, not doubled
    assert window.overview.imports_model.rowCount() == 2


def test_ctrl_i_opens_the_file_dialog_and_imports(qtbot, window, tmp_path, monkeypatch, ui_state):
    export = write_taobao_csv(tmp_path / "orders.csv", small_shop_orders())
    asked = {}

    def fake_dialog(parent, caption, folder, filters):
        asked.update(caption=caption, folder=folder, filters=filters)
        return [str(export)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_dialog))
    action = window.menu.import_files
    assert action.shortcut() == QKeySequence("Ctrl+I")
    with qtbot.waitSignal(window.importer.summary_shown, timeout=IMPORT_TIMEOUT_MS):
        action.trigger()
    assert "*.csv *.xlsx *.xls *.txt" in asked["filters"]
    assert card(window, "orders")[1] == "5"
    assert ui_state.last_import_dir == str(tmp_path)  # remembered for next time


def test_only_export_files_are_accepted_for_dropping(window, tmp_path):
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    csv = write_taobao_csv(tmp_path / "a.csv", small_shop_orders())
    assert not drag_enter(window, [pdf])
    assert drag_enter(window, [pdf, csv])


def test_overview_reads_what_the_service_reports(qtbot, window, tmp_path, tmp_shop):
    import_by_drop(qtbot, window, [write_taobao_csv(tmp_path / "a.csv", small_shop_orders())])
    assert window.overview.overview == load_overview(tmp_shop)
