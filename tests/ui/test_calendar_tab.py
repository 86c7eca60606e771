"""The promo calendar tab driven as a user does: apply the 11.11 playbook, see it in the month view,
receive reminders on a fake clock, act on them, add and move tasks."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sellerdesk.domain.promo import TaskDraft, TaskStatus
from sellerdesk.services import calendar_tasks, campaigns
from sellerdesk.ui.calendar.calendar_menus import day_menu
from tests.ui.helpers import FakeClock, open_window


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 10, 28, 9, 0))


@pytest.fixture
def cal(qtbot, tmp_shop, translations, ui_state, clock):
    """The main window on an empty shop with the fake clock, the calendar tab open."""
    w = open_window(qtbot, tmp_shop, translations, ui_state, clock)
    with qtbot.waitSignal(w.calendar.shown, timeout=10_000):
        w.show_tab(w.calendar)
    return w


def look(qtbot, w, at: datetime) -> None:
    """Move the fake clock and let the reminder centre look (its timer would, at that time)."""
    w.calendar.clock.now = at
    with qtbot.waitSignal(w.calendar.reminders.checked, timeout=10_000):
        w.calendar.reminders.check()


def refreshed(qtbot, w):
    return qtbot.waitSignal(w.calendar.shown, timeout=10_000)


def test_apply_the_1111_playbook_and_see_its_tasks_in_the_month(qtbot, cal):
    page = cal.calendar
    page.commands.apply_playbook()
    qtbot.waitUntil(lambda: page.commands.dialog is not None and page.commands.dialog.isVisible(), timeout=10_000)
    dialog = page.commands.dialog
    dialog.playbook.setCurrentIndex(dialog.playbook.findData("1111"))
    assert dialog.festival.currentData() == "1111" and dialog.year.value() == 2026
    assert "2026-11-11" in dialog.preview.text()
    with qtbot.waitSignal(page.shown, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: (page.year, page.month) == (2026, 9) and page.data.month == 9, timeout=10_000)

    with refreshed(qtbot, cal):
        page.go_to(date(2026, 11, 10))
    on_the_eve = page.month_model.tasks_on(date(2026, 11, 10))
    round3 = [t for t in on_the_eve if t.starts_at == datetime(2026, 11, 10, 20, 0)]
    assert round3 and all(t.ends_at == datetime(2026, 11, 10, 22, 0) for t in round3)
    assert {t.channel for t in round3} >= {"sms", "phone"}
    eleventh = page.month_model.entries_on(date(2026, 11, 11))
    assert any(e.key == "1111" and e.day == date(2026, 11, 11) for e in eleventh)
    assert any(e.kind.value == "phase" for e in eleventh)
    # The agenda lists this month's tasks; none is late on 28 Oct for November.
    assert page.agenda_model.rowCount() > 10
    stored = campaigns.list_campaigns(cal.shop)
    assert [(c.festival_key, c.year, c.anchor) for c in stored] == [("1111", 2026, date(2026, 11, 11))]


def test_a_reminder_fires_at_its_second_once_and_done_is_one_click(qtbot, cal):
    page = cal.calendar
    task = calendar_tasks.create_task(
        cal.shop,
        TaskDraft(title="Round 3 SMS", starts_at=datetime(2026, 11, 10, 20, 0), ends_at=datetime(2026, 11, 10, 22, 0)),
    )
    look(qtbot, cal, datetime(2026, 11, 10, 19, 29, 59))  # the default lead is 30 minutes
    assert not page.banner.isVisible() or page.banner.current is None
    look(qtbot, cal, datetime(2026, 11, 10, 19, 30, 0))
    assert page.banner.isVisible() and page.banner.current.id == task.id
    assert "Round 3 SMS" in page.banner.text.text()
    look(qtbot, cal, datetime(2026, 11, 10, 19, 31))  # nothing new: the lead reminder fired already
    assert len(page.banner.queue) == 1

    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        page.banner.done_button.click()
    assert calendar_tasks.get_task(cal.shop, task.id).status is TaskStatus.DONE
    assert not page.banner.isVisible()
    look(qtbot, cal, datetime(2026, 11, 10, 20, 0))  # the start reminder of a done task never fires
    assert page.banner.current is None


def test_after_sleep_a_missed_reminder_fires_once_and_snooze_brings_it_back(qtbot, cal):
    page = cal.calendar
    task = calendar_tasks.create_task(
        cal.shop, TaskDraft(title="Payment reminders", starts_at=datetime(2026, 11, 11, 10, 0))
    )
    look(qtbot, cal, datetime(2026, 11, 11, 13, 0))  # the laptop slept through 09:30 and 10:00
    assert [t.id for t in page.banner.queue] == [task.id]
    page.banner.snooze_menu.aboutToShow.emit()
    first = page.banner.snooze_menu.actions()[0]  # in 10 minutes
    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        first.trigger()
    assert calendar_tasks.get_task(cal.shop, task.id).snoozed_until == datetime(2026, 11, 11, 13, 10)
    look(qtbot, cal, datetime(2026, 11, 11, 13, 9, 59))
    assert page.banner.current is None
    look(qtbot, cal, datetime(2026, 11, 11, 13, 10))
    assert page.banner.current is not None and page.banner.current.id == task.id


def test_double_click_a_day_types_a_task_and_it_is_stored(qtbot, cal):
    page = cal.calendar
    index = page.month_model.index_of(date(2026, 10, 30))
    rect = page.month_view.visualRect(index)
    qtbot.mouseClick(page.month_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.month_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5_000)
    dialog = page.dialog
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, "Restock best sellers")
    dialog.has_window.setChecked(True)
    dialog.ends.setDateTime(dialog.starts.dateTime().addSecs(3600 * 2))
    qtbot.keyClicks(dialog.new_item, "Check stock of the top 10")
    qtbot.keyClick(dialog.new_item, Qt.Key.Key_Return)
    with refreshed(qtbot, cal):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    stored = calendar_tasks.tasks_between(cal.shop, datetime(2026, 10, 30), datetime(2026, 10, 31))
    assert [(t.title, t.starts_at, t.ends_at) for t in stored] == [
        ("Restock best sellers", datetime(2026, 10, 30, 10, 0), datetime(2026, 10, 30, 12, 0))
    ]
    assert [i.text for i in stored[0].checklist] == ["Check stock of the top 10"]
    assert any(t.title == "Restock best sellers" for t in page.month_model.tasks_on(date(2026, 10, 30)))


def test_a_task_ending_before_it_starts_is_refused_in_the_dialog(qtbot, cal):
    dialog = cal.calendar.new_task(date(2026, 10, 29))
    dialog.has_window.setChecked(True)
    dialog.ends.setDateTime(dialog.starts.dateTime().addSecs(-3600))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "结束" in dialog.error.text()
    assert calendar_tasks.tasks_between(cal.shop, datetime(2026, 10, 1), datetime(2026, 12, 1)) == []


def test_move_a_campaign_when_the_platform_announces_other_dates(qtbot, cal):
    campaign = campaigns.apply_playbook(cal.shop, "1111", "1111", 2026)
    before = campaigns.campaign_tasks(cal.shop, campaign.id)
    dialog = cal.calendar.commands.move_campaign(campaign)
    dialog.new_day.setDate(dialog.new_day.date().addDays(2))
    assert dialog.days() == 2
    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    after = {t.id: t for t in campaigns.campaign_tasks(cal.shop, campaign.id)}
    assert all(after[t.id].starts_at == t.starts_at + timedelta(days=2) for t in before)
    assert campaigns.get_campaign(cal.shop, campaign.id).anchor == date(2026, 11, 13)


def test_startup_shows_late_and_today_first(qtbot, tmp_shop, translations, ui_state):
    calendar_tasks.create_task(tmp_shop, TaskDraft(title="Late one", starts_at=datetime(2026, 11, 1, 10, 0)))
    calendar_tasks.create_task(tmp_shop, TaskDraft(title="Today's", starts_at=datetime(2026, 11, 5, 18, 0)))
    calendar_tasks.create_task(tmp_shop, TaskDraft(title="Later", starts_at=datetime(2026, 11, 20, 10, 0)))
    w = open_window(qtbot, tmp_shop, translations, ui_state, FakeClock(datetime(2026, 11, 5, 8, 0)))
    qtbot.waitUntil(lambda: w.calendar.banner.summary is not None, timeout=10_000)
    assert w.calendar.banner.summary == (1, 1)
    with qtbot.waitSignal(w.calendar.shown, timeout=10_000):
        w.calendar.banner.show_button.click()
    assert w.tabs.currentWidget() is w.calendar_tab
    titles = [w.calendar.agenda_model.task_at(r).title for r in range(w.calendar.agenda_model.rowCount())]
    assert titles == ["Late one", "Today's", "Later"]


def test_a_year_without_holiday_data_says_so(qtbot, cal):
    with refreshed(qtbot, cal):
        cal.calendar.show_month(2031, 1)  # years ahead of any published holiday data
    assert cal.calendar.notice.isVisible() and "2031" in cal.calendar.notice.text()
    with refreshed(qtbot, cal):
        cal.calendar.show_month(2026, 10)
    assert not cal.calendar.notice.isVisible()
    national_day = cal.calendar.month_model.entries_on(date(2026, 10, 2))
    assert any(e.kind.value == "holiday" for e in national_day)


def test_a_days_menu_opens_its_tasks_and_lists_the_day(qtbot, cal):
    page = cal.calendar
    task = calendar_tasks.create_task(cal.shop, TaskDraft(title="Check stock", starts_at=datetime(2026, 10, 29, 15, 0)))
    with refreshed(qtbot, cal):
        page.refresh()
    rect = page.month_view.visualRect(page.month_model.index_of(date(2026, 10, 29)))
    menu = day_menu(page, rect.center())
    titles = [a.text() for a in menu.actions()]
    assert titles[0] == "15:00 Check stock"
    menu.actions()[0].trigger()
    assert page.dialog is not None and page.dialog.task.id == task.id
    page.dialog.done(0)
    with refreshed(qtbot, cal):
        page.show_day(date(2026, 10, 29))
    assert [page.agenda_model.task_at(r).title for r in range(page.agenda_model.rowCount())] == ["Check stock"]


def test_a_closed_window_starts_no_read(qtbot, cal, translations, monkeypatch):
    """A language switch after the window closed (as at the end of a session) must not start a read."""
    qtbot.waitUntil(lambda: not cal.calendar.reads.busy, timeout=10_000)
    cal.close()
    started = []
    for lane in (cal.calendar.reads, cal.calendar.reminders.lane, cal.returns.reads, cal.reports.reads):
        monkeypatch.setattr(lane, "start", lambda *a, **k: started.append(a))
    translations.switch("en")
    qtbot.wait(50)  # the language change is posted: let it arrive
    assert started == []
