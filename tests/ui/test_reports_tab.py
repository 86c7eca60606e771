"""The retrospective tab: pick the campaign, type a channel's spend, write notes, one click makes the PDF."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import shiboken6
from pypdf import PdfReader

from sellerdesk.services import campaigns, channel_data, report_notes
from sellerdesk.services.demo import build_demo_shop
from tests.ui.helpers import FakeClock, copy_shop, open_window

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from sellerdesk.services.shop import ShopFile

    shop = ShopFile(tmp_path_factory.mktemp("reports") / "shop.sqlite")
    build_demo_shop(shop, buyers=300, seed=5, today=date(2026, 11, 24))
    campaigns.apply_playbook(shop, "1111", "1111", 2026)
    return shop.path


@pytest.fixture
def page(qtbot, tmp_path, demo_file, translations, ui_state):
    w = open_window(qtbot, copy_shop(demo_file, tmp_path / "shop.sqlite"), translations, ui_state, FakeClock(NOW))
    w.reports.open_after = False
    with qtbot.waitSignal(w.reports.grid.loaded, timeout=20_000):
        w.show_tab(w.reports)
    return w


def test_the_campaign_is_chosen_and_its_selling_window_is_the_period(page):
    reports = page.reports
    assert reports.by_campaign.isChecked() and reports.period.campaign_id is not None
    assert reports.period.start <= date(2026, 11, 11) <= reports.period.end
    assert "2026" in reports.summary.text()


def test_type_a_channels_spend_and_save_it(qtbot, page):
    grid = page.reports.grid
    grid.add_row()
    grid.model.setData(grid.model.index(0, 2), "1,200.50")
    grid.model.setData(grid.model.index(0, 3), "3000")
    grid.model.setData(grid.model.index(0, 4), "9000")
    grid.model.setData(grid.model.index(0, 7), "4800")
    with qtbot.waitSignal(grid.loaded, timeout=10_000):
        grid.save_button.click()
    start, end = page.reports.period.start, page.reports.period.end
    rows = channel_data.channel_rows(page.shop, start, end)
    assert [(r.day, r.spend_fen, r.uv, r.pv, r.sales_fen) for r in rows] == [(start, 120050, 3000, 9000, 480000)]
    assert "4.00" in grid.totals.text()  # ROI = 4,800 / 1,200.50


def test_a_wrong_row_is_named_and_nothing_is_saved(qtbot, page):
    grid = page.reports.grid
    grid.add_row()
    grid.model.setData(grid.model.index(0, 3), "500")  # UV above PV
    grid.model.setData(grid.model.index(0, 4), "100")
    task = grid.save()
    qtbot.waitUntil(lambda: task.finished, timeout=10_000)
    assert grid.message.isVisible() and grid.model.error_row == 0
    assert channel_data.channel_rows(page.shop, *page.reports.grid.period) == []


def test_notes_are_kept_with_the_campaign(qtbot, page):
    notes = page.reports.notes
    notes.lessons.setPlainText("预热第三轮短信效果最好")
    notes.next_actions.setPlainText("提前备货爆款")
    with qtbot.waitSignal(page.changes_made, timeout=10_000):
        notes.save_button.click()
    stored = report_notes.notes_for(page.shop, campaign_id=page.reports.period.campaign_id)
    assert stored.lessons == "预热第三轮短信效果最好" and stored.next_actions == "提前备货爆款"


def test_one_click_makes_the_pdf_and_the_workbook(qtbot, page, tmp_path):
    page.reports.with_xlsx.setChecked(True)
    with qtbot.waitSignal(page.reports.report_written, timeout=120_000) as written:
        page.reports.make(tmp_path / "report.pdf")
    result = written.args[0]
    assert result.pdf_path.exists() and result.pages >= 2 and result.xlsx_path.exists()
    text = "".join(p.extract_text() for p in PdfReader(str(result.pdf_path)).pages)
    assert "复盘" in text and str(page.reports.period.start) in text
    assert "report.pdf" in page.reports.outcome.text()


def test_import_an_ad_tools_xlsx_mapped_once(qtbot, page, tmp_path):
    import openpyxl

    start = page.reports.period.start
    path = tmp_path / "直通车报表.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "推广渠道", "花费", "访客数", "浏览量", "成交金额"])
    sheet.append([start.isoformat(), "直通车", 150.5, 300, 900, 1200])
    sheet.append([start.isoformat(), "淘宝客", 80, 100, 150, 640])
    book.save(path)
    grid = page.reports.grid
    with qtbot.waitSignal(grid.mapping_asked, timeout=10_000) as asked:
        grid.import_file(path)
    dialog = asked.args[0]
    assert dialog.mapping()["spend"] == "花费" and dialog.mapping()["channel"] == "推广渠道"
    with qtbot.waitSignal(grid.loaded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    rows = {r.channel: r for r in channel_data.channel_rows(page.shop, start, start)}
    assert (rows["ztc"].spend_fen, rows["ztc"].uv, rows["tbk"].sales_fen) == (15050, 300, 64000)
    assert "2" in grid.message.text()


def test_a_cell_that_is_not_a_figure_is_refused_with_a_reason(page):
    grid = page.reports.grid
    grid.add_row()
    for typed in ("abc", "NaN", "1e999999"):
        assert not grid.model.setData(grid.model.index(0, 2), typed)
        assert typed in grid.message.text()
    assert grid.model.rows[0].spend_fen is None


def type_in_cell(qtbot, table, index, text: str) -> None:
    """Double-click-style edit: open the cell's editor, type, press Enter."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    table.setCurrentIndex(index)
    table.edit(index)
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor))  # closed and deleted: the value is committed


def test_a_money_cell_takes_fen_exactly_and_refuses_rounding(qtbot, page):
    from PySide6.QtCore import Qt

    grid = page.reports.grid
    grid.add_row()
    spend = grid.model.index(0, 2)
    type_in_cell(qtbot, grid.table, spend, "12.34")
    assert grid.model.rows[0].spend_fen == 1234
    assert grid.model.data(spend, Qt.ItemDataRole.EditRole) == "12.34"
    for typed in ("1.005", "1e3"):  # once rounded to 101 fen and read as 1,000 yuan
        type_in_cell(qtbot, grid.table, spend, typed)
        assert grid.model.rows[0].spend_fen == 1234, typed
        assert grid.message.isVisible() and f"“{typed}”" in grid.message.text()
    type_in_cell(qtbot, grid.table, grid.model.index(0, 7), "1,200.50")
    assert grid.model.rows[0].sales_fen == 120050
