"""Chinese by default, English from the menu, live, remembered; Qt's own dialogs speak Chinese too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from sellerdesk.ui.i18n import lang

from .helpers import card, import_by_drop
from .taobao_csv import write_taobao_csv, small_shop_orders


def test_chinese_is_the_default(window, ui_state):
    assert ui_state.language == "zh" and lang() == "zh"
    assert window.menu.file_menu.title() == "文件(&F)"
    assert window.menu.language_actions["zh"].isChecked()
    assert window.overview.empty_state.title.text() == "店铺里还没有订单"
    # qtbase_zh_CN is loaded, so stock buttons and dialogs are Chinese as well.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_switching_to_english_retranslates_everything_live(qtbot, window, tmp_path, ui_state):
    import_by_drop(qtbot, window, [write_taobao_csv(tmp_path / "a.csv", small_shop_orders())]).close()
    assert card(window, "orders")[0] == "订单"

    window.menu.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.menu.file_menu.title() == "&File")
    assert lang() == "en"
    assert card(window, "orders")[0] == "Orders"
    assert card(window, "refunds")[2] == "refunded orders: 1"
    assert window.overview.shops_box.title() == "By platform and shop"
    assert window.overview.shops_model.cell_text(0, 0) == "Taobao/Tmall"
    assert window.windowTitle().startswith("SellerDesk — shop.sqlite")
    assert window.menu.language_actions["en"].isChecked()
    assert ui_state.language == "en"  # remembered for the next start
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"

    window.menu.language_actions["zh"].trigger()
    qtbot.waitUntil(lambda: window.menu.file_menu.title() == "文件(&F)")
    assert card(window, "orders")[0] == "订单"
    assert window.overview.shops_model.cell_text(0, 0) == "淘宝/天猫"


def test_missing_refund_information_is_a_dash_with_a_reason(qtbot, window, tmp_path):
    lines = ["订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间",
             '="3515000000000000001",tb_a,10.00,交易成功,2025-11-11 10:00:00,2025-11-11 10:00:00']
    export = tmp_path / "no-refunds.csv"
    export.write_bytes("\r\n".join(lines).encode("gbk"))
    import_by_drop(qtbot, window, [export]).close()
    caption, value, note = card(window, "net")
    assert value == "—"
    assert "没有退款信息" in window.overview.cards["net"].toolTip()
    assert card(window, "refunds")[1:] == ("—", "文件中没有退款信息")


def test_columns_widen_to_the_new_headers_after_a_switch(qtbot, window, tmp_path):
    import_by_drop(qtbot, window, [write_taobao_csv(tmp_path / "a.csv", small_shop_orders())]).close()
    table = window.overview.shops_table
    model = window.overview.shops_model
    window.menu.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.menu.file_menu.title() == "&File")
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        text = model.headerData(column, Qt.Orientation.Horizontal)
        assert table.columnWidth(column) >= header.fontMetrics().horizontalAdvance(text), text
