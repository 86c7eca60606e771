"""UI test fixtures: settings in a temporary scope, translations, a main window on a tmp shop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from sellerdesk.ui.i18n import Translations
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.ui_state import UiState


@pytest.fixture(autouse=True)
def tmp_settings(qapp, tmp_path):
    """QSettings() anywhere in the app writes an ini file under tmp_path."""
    QCoreApplication.setOrganizationName("SellerDeskTests")
    QCoreApplication.setApplicationName("SellerDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"


@pytest.fixture
def translations(qapp):
    """Chinese, the default UI language; the translators are removed after the test."""
    t = Translations(qapp)
    t.switch("zh")
    yield t
    t.switch("en")  # removes the Chinese translators from the shared QApplication


@pytest.fixture
def ui_state():
    return UiState()


@pytest.fixture
def window(qtbot, tmp_shop, translations, ui_state):
    """The main window on an empty tmp shop, shown offscreen, progress dialogs without delay."""
    w = MainWindow(ui_state, translations)
    qtbot.addWidget(w)
    assert w.open_shop(tmp_shop)
    w.importer.show_progress_after_ms = 0
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def shop(window):
    """The window's shop filled with a small demo shop (300 buyers) ending on GROUPS_AS_OF."""
    from sellerdesk.services.demo import build_demo_shop

    from tests.ui.helpers import GROUPS_AS_OF

    build_demo_shop(window.shop, buyers=300, seed=3, today=GROUPS_AS_OF)
    return window.shop
