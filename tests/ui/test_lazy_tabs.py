"""Start-up builds only the Overview: each working tab's page is built when the user first opens
it, and the reminders above the tabs work before the calendar page exists."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from sellerdesk.domain.promo import TaskDraft
from sellerdesk.services import calendar_tasks
from sellerdesk.services.jobs import Changes
from tests.ui.helpers import FakeClock, open_window


def built(w):
    return {name: getattr(w, f"{name}_tab").built for name in ("customers", "calendar", "returns", "reports")}


def click_tab(qtbot, w, tab):
    bar = w.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(w.tabs.indexOf(tab)).center())


def test_only_the_overview_is_built_at_start_and_a_click_builds_a_tabs_page(qtbot, window, tmp_shop):
    assert built(window) == dict.fromkeys(("customers", "calendar", "returns", "reports"), False)
    assert window.tabs.tabText(window.tabs.indexOf(window.returns_tab)) == "退换货"
    window.changes_made.emit(Changes(orders=True, calendar=True))  # nothing built, nothing to refresh
    assert not any(built(window).values())

    click_tab(qtbot, window, window.returns_tab)
    assert window.tabs.currentWidget() is window.returns_tab
    assert built(window) == {"customers": False, "calendar": False, "returns": True, "reports": False}
    page = window.returns
    assert page.isVisible() and page.parent() is window.returns_tab and page.shop == tmp_shop

    window.show_tab(window.overview)
    window.show_tab(window.reports)  # from code, with the page itself
    assert window.tabs.currentWidget() is window.reports_tab and window.reports.isVisible()
    window.close()  # shuts down built pages only


def test_reminders_work_before_the_calendar_page_is_built(qtbot, tmp_shop, translations, ui_state):
    calendar_tasks.create_task(tmp_shop, TaskDraft(title="Late one", starts_at=datetime(2026, 11, 1, 10, 0)))
    calendar_tasks.create_task(tmp_shop, TaskDraft(title="Soon", starts_at=datetime(2026, 11, 5, 8, 20),
                                                   lead_minutes=30))
    w = open_window(qtbot, tmp_shop, translations, ui_state, FakeClock(datetime(2026, 11, 5, 8, 0)))
    banner = w.reminder_desk.banner
    qtbot.waitUntil(lambda: banner.summary is not None and banner.current is not None, timeout=10_000)
    assert banner.summary == (1, 1) and banner.current.title == "Soon"  # due: its 30-minute lead has begun
    assert not w.calendar_tab.built
    banner.open_button.click()  # the user opens the reminded task: the calendar is built for it
    assert w.calendar_tab.built and w.tabs.currentWidget() is w.calendar_tab
    qtbot.waitUntil(lambda: w.calendar.dialog is not None and w.calendar.dialog.isVisible(), timeout=10_000)
    assert w.calendar.dialog.title.text() == "Soon"


def test_a_tab_first_opened_after_a_language_switch_speaks_that_language(qtbot, window, tmp_path):
    window.menu.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.menu.file_menu.title() == "&File")
    assert not window.calendar_tab.built
    assert window.tabs.tabText(window.tabs.indexOf(window.calendar_tab)) == "Promo calendar"
    click_tab(qtbot, window, window.calendar_tab)
    assert window.calendar.today_button.text() == "Today"
    window.menu.language_actions["zh"].trigger()  # and a built page follows the next switch
    qtbot.waitUntil(lambda: window.calendar.today_button.text() == "今天")


def test_opening_another_shop_reaches_built_and_unbuilt_tabs(qtbot, window, tmp_path):
    from sellerdesk.services.shop import ShopFile

    click_tab(qtbot, window, window.returns_tab)
    other = ShopFile(tmp_path / "other.sqlite")
    assert window.open_shop(other)
    assert window.returns.shop == other  # the built page was told
    click_tab(qtbot, window, window.customers_tab)
    assert window.customers.shop == other  # the page built later starts on it
