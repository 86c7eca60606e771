"""Starting the app: the command line, the default data folder, the demo shop."""

from __future__ import annotations

import pytest

from sellerdesk import app as app_module
from sellerdesk.services.overview import load_overview
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.i18n import lang


@pytest.fixture
def started(qtbot, qapp):
    windows = []

    def start(argv):
        w = app_module.start(app_module.build_parser().parse_args(argv), qapp)
        if w is not None:
            qtbot.addWidget(w)
            windows.append(w)
        return w

    yield start
    for w in windows:
        w.translations.switch("en")


def test_the_command_line():
    args = app_module.build_parser().parse_args(["--db", "x.sqlite", "--lang", "en"])
    assert str(args.db) == "x.sqlite" and args.lang == "en" and not args.demo
    with pytest.raises(SystemExit):
        app_module.build_parser().parse_args(["--lang", "fr"])


def test_default_shop_lives_in_the_data_folder(started, sellerdesk_home):
    window = started([])
    assert window.shop.path == sellerdesk_home / "shop.sqlite" and window.shop.path.exists()
    assert lang() == "zh" and "店铺客户运营台" in window.windowTitle()


def test_lang_option_sets_the_language_for_this_run(started, tmp_path):
    window = started(["--db", str(tmp_path / "s.sqlite"), "--lang", "en"])
    assert lang() == "en" and window.menu.file_menu.title() == "&File"
    assert window.state.language == "zh"  # --lang is not remembered


def test_a_database_from_a_newer_version_does_not_open(started, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    newer = ShopFile(tmp_path / "newer.sqlite")
    store = newer.open()
    store.conn.execute("PRAGMA user_version = 999")
    store.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    assert started(["--db", str(newer.path)]) is None
    assert "更新版本" in shown[0]


def test_demo_builds_a_fresh_shop_off_the_gui_thread(qtbot, started, sellerdesk_home):
    stale = sellerdesk_home / app_module.DEMO_FILE_NAME
    stale.write_bytes(b"an old demo file")
    window = started(["--demo", "--demo-buyers", "60"])
    assert window.shop.path == stale
    # The worker has started; its result arrives through the event loop, which waitSignal runs.
    with qtbot.waitSignal(window.changes_made, timeout=120_000):
        pass
    overview = load_overview(window.shop)
    assert overview.total.orders > 0 and overview.imports
    assert window.overview.cards["orders"].value.text() == f"{overview.total.orders:,}"
    assert "演示店铺已生成" in window.statusBar().currentMessage()
