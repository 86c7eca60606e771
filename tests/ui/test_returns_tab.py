"""The returns tab as an agent uses it on a peak day: paste an order number, one shortcut, the filled
reply is on the clipboard; the next message; log the case and find it in the figures."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from sellerdesk.domain.cases import CaseStatus, Outcome
from sellerdesk.services import calendar_tasks, returns, script_library
from sellerdesk.services.demo import build_demo_shop
from tests.ui.helpers import FakeClock, copy_shop, open_window

NOW = datetime(2026, 11, 12, 10, 0)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from sellerdesk.services.shop import ShopFile

    shop = ShopFile(tmp_path_factory.mktemp("returns") / "shop.sqlite")
    build_demo_shop(shop, buyers=300, seed=11, today=date(2026, 11, 11))
    return shop.path


@pytest.fixture
def desk(qtbot, tmp_path, demo_file, translations, ui_state):
    w = open_window(qtbot, copy_shop(demo_file, tmp_path / "shop.sqlite"), translations, ui_state, FakeClock(NOW))
    w.show_tab(w.returns)
    qtbot.waitUntil(lambda: bool(w.returns.desk.scripts.scripts), timeout=10_000)
    return w


def an_order(window) -> tuple[str, str, str]:
    """An order with a readable receiver name and an item: (order number, name, title)."""
    conn = sqlite3.connect(window.shop.path)
    try:
        return conn.execute(
            "SELECT o.order_no, o.receiver_name, l.title FROM orders o JOIN order_lines l "
            "ON l.platform = o.platform AND l.order_no = o.order_no WHERE o.receiver_name NOT LIKE '%*%' "
            "AND o.receiver_name NOT LIKE '#%' AND o.receiver_name NOT LIKE '$%' AND l.title IS NOT NULL "
            "ORDER BY o.created_at DESC LIMIT 1").fetchone()
    finally:
        conn.close()


def paste(qtbot, window, text: str) -> None:
    field = window.returns.desk.lookup.field
    field.setFocus()
    QGuiApplication.clipboard().setText(text)
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_paste_an_order_number_and_one_shortcut_puts_the_filled_reply_on_the_clipboard(qtbot, desk):
    order_no, name, title = an_order(desk)
    size = next(s for s in desk.returns.desk.scripts.scripts if s.shortcut == 3)
    paste(qtbot, desk, order_no)
    QGuiApplication.clipboard().clear()
    # The shortcut comes before the lookup has answered: it waits for it, then copies.
    with qtbot.waitSignal(desk.returns.desk.reply.copied, timeout=10_000):
        QTest.keyClick(desk.returns.desk.lookup.field, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    first = QGuiApplication.clipboard().text()
    assert first == desk.returns.desk.reply.texts[0]
    assert name in first and "{" not in first and "}" not in first
    assert desk.returns.desk.reply.script.key == size.key
    with qtbot.waitSignal(desk.returns.desk.reply.copied, timeout=5_000):
        QTest.keyClick(desk.returns.desk.lookup.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == desk.returns.desk.reply.texts[1]
    qtbot.waitUntil(lambda: script_library.usage_counts(desk.shop).get(size.key) == 1, timeout=5_000)


def test_the_lookup_field_has_the_focus_when_the_tab_opens(qtbot, desk):
    desk.show_tab(desk.overview)
    desk.show_tab(desk.returns)
    qtbot.waitUntil(lambda: desk.returns.desk.lookup.field.hasFocus(), timeout=5_000)


def test_an_unknown_order_says_so_and_the_script_still_works(qtbot, desk):
    paste(qtbot, desk, "99999999999999999")
    with qtbot.waitSignal(desk.returns.desk.reply.copied, timeout=10_000):
        QTest.keyClick(desk.returns.desk.lookup.field, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    assert text and "{" not in text
    assert "99999999999999999" in desk.returns.desk.lookup.status.text()
    assert desk.returns.desk.reply.notice.isVisible()


def test_log_the_case_and_see_it_in_the_figures(qtbot, desk):
    order_no, _, title = an_order(desk)
    paste(qtbot, desk, order_no)
    with qtbot.waitSignal(desk.returns.desk.reply.copied, timeout=10_000):
        QTest.keyClick(desk.returns.desk.lookup.field, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    form = desk.returns.desk.case_form
    assert form.order.text() == order_no and form.reason.currentData() == "size_colour"
    qtbot.keyClicks(form.offered, "exchange, free shipping")
    form.outcome.setCurrentIndex(form.outcome.findData(Outcome.EXCHANGED.value))
    form.status.setCurrentIndex(form.status.findData(CaseStatus.WAITING_BUYER.value))  # ticks follow-up
    assert form.has_follow_up.isChecked()
    with qtbot.waitSignal(desk.returns.desk.case_logged, timeout=10_000) as logged:
        QTest.keyClick(form.offered, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case = logged.args[0]
    assert (case.order_no, case.reason, case.outcome) == (order_no, "size_colour", Outcome.EXCHANGED)
    assert case.task_id is not None and calendar_tasks.get_task(desk.shop, case.task_id).starts_at.date() == \
        date(2026, 11, 14)
    cases = desk.returns.cases
    with qtbot.waitSignal(cases.shown, timeout=10_000):
        desk.returns.inner.setCurrentWidget(cases)
        cases.refresh()
    assert cases.figures.cases == 1 and cases.figures.cases_by_reason == [("size_colour", 1)]
    assert cases.cases_model.row_at(0).order_no == order_no
    assert cases.cards["save_rate"].value.text() == "100%"


def test_ctrl_k_finds_a_script_by_pinyin_initials(qtbot, desk):
    QTest.keyClick(desk.returns.desk.lookup.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.returns.desk.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.field, "fch")
    first = dialog.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert first.startswith("wrong_item")
    with qtbot.waitSignal(desk.returns.desk.reply.copied, timeout=5_000):
        QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    assert desk.returns.desk.reply.script.reason == "wrong_item"


def test_disable_a_script_in_the_library_and_it_leaves_the_desk(qtbot, desk):
    library = desk.returns.library
    desk.returns.inner.setCurrentWidget(library)
    row = next(r for r, s in enumerate(library.scripts) if s.key == "invoice.standard")
    with qtbot.waitSignal(desk.returns.library_shown, timeout=10_000):
        library.table.item(row, 1).setCheckState(Qt.CheckState.Unchecked)
    assert desk.returns.desk.scripts.by_key("invoice.standard") is None
    assert not next(s for s in script_library.list_scripts(desk.shop) if s.key == "invoice.standard").enabled


def test_a_malformed_library_file_is_refused_whole(qtbot, desk, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "lib.json"
    bad.write_text('{"version": 1, "scripts": [\n  {"key": "x.standard", "reason": "nope"}\n]}', encoding="utf-8")
    before = [s.key for s in script_library.list_scripts(desk.shop)]
    task = desk.returns.library.import_file(bad)
    qtbot.waitUntil(lambda: task.finished, timeout=10_000)
    box = desk.returns.library.findChild(QMessageBox, "failureBox")
    assert box is not None and "lib.json" in box.text() and ("2" in box.text())
    assert [s.key for s in script_library.list_scripts(desk.shop)] == before


def test_edit_a_logged_case_and_close_it(qtbot, desk):
    from sellerdesk.domain.cases import CaseDraft

    order_no, _, _ = an_order(desk)
    case = returns.log_case(desk.shop, CaseDraft(order_no=order_no, reason="quality", follow_up=date(2026, 11, 14)),
                            NOW)
    dialog = desk.returns.edit_case(case)
    form = dialog.form
    assert form.order.text() == order_no and form.has_follow_up.isChecked()
    form.outcome.setCurrentIndex(form.outcome.findData(Outcome.GIFT_SENT.value))
    form.status.setCurrentIndex(form.status.findData(CaseStatus.RESOLVED.value))
    form.cost.setValue(8)
    with qtbot.waitSignal(desk.changes_made, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    stored = returns.get_case(desk.shop, case.id)
    assert (stored.status, stored.outcome, stored.cost_fen) == (CaseStatus.RESOLVED, Outcome.GIFT_SENT, 800)
    assert calendar_tasks.get_task(desk.shop, stored.task_id).status.value == "done"


def test_a_warm_variant_of_a_script_is_saved_in_the_library(qtbot, desk):
    library = desk.returns.library
    row = next(r for r, s in enumerate(library.scripts) if s.key == "invoice.standard")
    library.table.setCurrentCell(row, 1)
    editor = library.new_variant()
    editor.title_zh.setText("发票（暖心）")
    with qtbot.waitSignal(desk.returns.library_shown, timeout=10_000):
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
    keys = [s.key for s in script_library.list_scripts(desk.shop)]
    assert "invoice.warm" in keys
    assert desk.returns.desk.scripts.by_key("invoice.warm").title_zh == "发票（暖心）"


def test_export_the_library_and_import_it_into_another_shop(qtbot, desk, tmp_path):
    path = tmp_path / "our-scripts.json"
    task = desk.returns.library.export_file(path)
    qtbot.waitUntil(lambda: task.finished, timeout=10_000)
    assert path.exists() and "wrong_item.standard" in path.read_text(encoding="utf-8")
    with qtbot.waitSignal(desk.returns.library_shown, timeout=10_000):
        task = desk.returns.library.import_file(path)
    assert "our-scripts.json" in desk.statusBar().currentMessage()


def test_a_script_is_saved_on_the_write_lane_and_a_refusal_is_shown_in_the_editor(qtbot, desk, monkeypatch):
    import threading

    from PySide6.QtWidgets import QMessageBox

    library = desk.returns.library
    gui, release, saves = threading.get_ident(), threading.Event(), []
    real_save = script_library.save_script

    def save_script(shop, script, *args, **kwargs):
        saves.append(threading.get_ident() != gui)
        release.wait(10)  # as if an import held the shop file
        return real_save(shop, script, *args, **kwargs)

    monkeypatch.setattr(script_library, "save_script", save_script)
    before = [s.key for s in script_library.list_scripts(desk.shop)]
    editor = library.new_script()  # blank: the library format refuses a script without a title or text
    save = editor.buttons.button(editor.buttons.StandardButton.Save)
    save.click()
    assert not save.isEnabled() and editor.isVisible()  # the GUI thread is not waiting for the write
    release.set()
    qtbot.waitUntil(lambda: save.isEnabled(), timeout=10_000)
    assert saves == [True]
    assert editor.isVisible() and editor.error.isVisible() and editor.error.text()
    assert library.findChild(QMessageBox, "failureBox") is None
    assert [s.key for s in script_library.list_scripts(desk.shop)] == before
    editor.title_zh.setText("尺码问题（自己的）")
    editor.messages.item(0, 1).setText("亲，您平时穿什么尺码呢？")
    key = editor.script.key
    with qtbot.waitSignals([editor.accepted, desk.returns.library_shown], timeout=10_000):
        save.click()
    assert saves == [True, True]
    assert script_library.get_script(desk.shop, key).title_zh == "尺码问题（自己的）"


def test_a_new_scripts_key_comes_from_the_scripts_shown(qtbot, desk, monkeypatch):
    library = desk.returns.library
    row = next(r for r, s in enumerate(library.scripts) if s.key == "invoice.standard")
    library.table.setCurrentCell(row, 1)
    expected_new = script_library.new_script_key(desk.shop, "invoice", "standard")
    expected_variant = script_library.new_script_key(desk.shop, "invoice", "warm")

    def no_read(*args, **kwargs):
        raise AssertionError("the scripts were read again on the GUI thread")

    monkeypatch.setattr(script_library, "new_script_key", no_read)
    monkeypatch.setattr(script_library, "list_scripts", no_read)
    new = library.new_script()
    assert new.script.key == expected_new == "invoice.standard-2"
    new.reject()
    variant = library.new_variant()
    assert variant.script.key == expected_variant == "invoice.warm"
    variant.reject()
