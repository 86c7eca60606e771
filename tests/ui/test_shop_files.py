"""The shop file: a second window on it, File > Open, File > Back up, a file that is not a shop."""

from __future__ import annotations

from PySide6.QtCore import QSysInfo
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sellerdesk.services.overview import load_overview
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui import shop_files
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.shop_lock import ShopLock, held_elsewhere, lock_path

from .helpers import card, import_by_drop
from .taobao_csv import write_taobao_csv, small_shop_orders


def second_window(qtbot, ui_state, translations) -> MainWindow:
    w = MainWindow(ui_state, translations)
    qtbot.addWidget(w)
    return w


def test_a_second_window_on_the_same_file_is_told_and_may_continue(qtbot, window, tmp_shop, ui_state,
                                                                    translations, monkeypatch):
    assert lock_path(tmp_shop.path).exists() and held_elsewhere(tmp_shop.path)
    asked = []

    def answer(choice):
        def warning(parent, title, text, buttons, default):
            asked.append((title, text))
            return choice
        return warning

    other = second_window(qtbot, ui_state, translations)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(answer(QMessageBox.StandardButton.Cancel)))
    assert not other.open_shop(ShopFile(tmp_shop.path))
    assert "已在另一个" in asked[0][1]

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(answer(QMessageBox.StandardButton.Open)))
    assert other.open_shop(ShopFile(tmp_shop.path))
    assert other.shared_notice.isVisibleTo(other)
    assert other.shared_notice.text() == "另一个窗口也打开了此店铺"


def test_closing_the_window_releases_the_lock(window, tmp_shop):
    window.close()
    assert not held_elsewhere(tmp_shop.path)


def test_a_lock_left_by_a_live_process_is_not_taken_over(tmp_path):
    first, second = ShopLock(tmp_path / "a.sqlite"), ShopLock(tmp_path / "a.sqlite")
    assert first.acquire() and not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_a_lock_left_by_a_crashed_sellerdesk_is_taken_over(tmp_path):
    db = tmp_path / "a.sqlite"
    # What QLockFile writes: pid, application name, host name; this process id does not exist.
    lock_path(db).write_text(f"999999999\npython\n{QSysInfo.machineHostName()}\n")
    assert not held_elsewhere(db)


def test_open_database_switches_the_shop(qtbot, window, tmp_path, monkeypatch):
    import_by_drop(qtbot, window, [write_taobao_csv(tmp_path / "a.csv", small_shop_orders())]).close()
    other = tmp_path / "second" / "other.sqlite"
    monkeypatch.setattr(shop_files, "ask_database_path", lambda parent, state, current: other)
    with qtbot.waitSignal(window.shop_changed):
        window.menu.open_database.trigger()
    assert window.shop.path == other and other.exists()
    assert window.overview.showing_empty_state
    assert "other.sqlite" in window.windowTitle()


def test_a_file_that_is_not_a_shop_is_refused_clearly(window, tmp_path, tmp_shop, monkeypatch):
    junk = tmp_path / "notes.sqlite"
    junk.write_text("hello")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    assert not window.open_shop(ShopFile(junk))
    assert shown == ["notes.sqlite 不是 SellerDesk 数据库文件。"]
    assert window.shop.path == tmp_shop.path  # still on the previous shop


def test_backup_writes_a_complete_copy(qtbot, window, tmp_path, tmp_shop, monkeypatch):
    import_by_drop(qtbot, window, [write_taobao_csv(tmp_path / "a.csv", small_shop_orders())]).close()
    target = tmp_path / "backups" / "copy.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.runner.busy_changed, timeout=30_000,
                          check_params_cb=lambda busy: not busy):
        window.menu.backup_database.trigger()
    assert load_overview(ShopFile(target)) == load_overview(tmp_shop)
    assert "备份已保存" in window.statusBar().currentMessage()
    assert window.state.last_backup_dir == str(target.parent)
    assert card(window, "orders")[1] == "5"
