"""Calendar flows that reach other parts of the app: a task's outreach list, .ics files, playbooks, targets."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from sellerdesk.domain.promo import CalendarError, TaskDraft, TaskStatus
from sellerdesk.services import calendar_tasks, calendar_view, campaigns, playbook_library
from sellerdesk.services.demo import build_demo_shop
from sellerdesk.services.outreach import list_outreaches
from tests.ui.helpers import FakeClock, open_window

TODAY = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def cal(qtbot, tmp_shop, translations, ui_state):
    w = open_window(qtbot, tmp_shop, translations, ui_state, FakeClock(TODAY))
    with qtbot.waitSignal(w.calendar.shown, timeout=10_000):
        w.show_tab(w.calendar)
    return w


def test_a_tasks_outreach_list_is_prefilled_and_exporting_it_marks_the_task_done(qtbot, cal, tmp_path):
    build_demo_shop(cal.shop, buyers=200, seed=5, today=date(2026, 11, 1))
    text = "【小店】{name}您好，双11老客专享新品已上架。回T退订"
    task = calendar_tasks.create_task(
        cal.shop,
        TaskDraft(
            title="Round 1 SMS to loyal buyers",
            starts_at=datetime(2026, 11, 2, 12, 0),
            ends_at=datetime(2026, 11, 2, 13, 30),
            group_key="loyal",
            channel="sms",
            message=text,
        ),
    )
    page = cal.calendar
    with qtbot.waitSignal(page.task_outreach.dialog_opened, timeout=30_000) as opened:
        page.outreach_wanted.emit(task)
    dialog = opened.args[0]
    assert dialog.group_key == "loyal" and dialog.text_a.text() == text
    assert dialog.send_time() == datetime(2026, 11, 2, 12, 0)
    dialog.run_preview()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_to(tmp_path / "loyal.xlsx")
    qtbot.waitUntil(lambda: calendar_tasks.get_task(cal.shop, task.id).status is TaskStatus.DONE, timeout=10_000)
    stored = calendar_tasks.get_task(cal.shop, task.id)
    outreach = list_outreaches(cal.shop)
    assert [o.id for o in outreach] == [stored.outreach_id]
    dialog.done(0)


def test_export_the_year_as_ics_and_import_it_back(qtbot, cal, tmp_path):
    campaigns.apply_playbook(cal.shop, "1111", "1111", 2026)
    path = tmp_path / "shop-2026.ics"
    with qtbot.waitSignal(cal.changes_made, timeout=20_000):
        cal.calendar.commands._export(path, year=2026)
    text = path.read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in text and "TZID=Asia/Shanghai" in text and "BEGIN:VALARM" in text
    before = {t.id: t for t in calendar_tasks.tasks_between(cal.shop, datetime(2026, 1, 1), datetime(2027, 1, 1))}
    with qtbot.waitSignal(cal.changes_made, timeout=20_000):
        cal.calendar.commands.import_ics_path(path)
    after = {t.id: t for t in calendar_tasks.tasks_between(cal.shop, datetime(2026, 1, 1), datetime(2027, 1, 1))}
    assert after.keys() == before.keys()
    assert all(after[i].starts_at == t.starts_at and after[i].ends_at == t.ends_at for i, t in before.items())
    assert "updated" in cal.statusBar().currentMessage() or "更新" in cal.statusBar().currentMessage()


def test_a_broken_ics_file_is_refused_and_nothing_changes(qtbot, cal, tmp_path):
    bad = tmp_path / "broken.ics"
    bad.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n", encoding="utf-8")
    events_before = calendar_view.list_events(cal.shop)
    job = cal.calendar.commands.import_ics_path(bad)
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    qtbot.waitUntil(lambda: cal.findChild(object, "failureBox") is not None, timeout=5_000)
    assert "broken.ics" in cal.findChild(object, "failureBox").text()
    assert calendar_view.list_events(cal.shop) == events_before


def open_playbook(qtbot, editor, key: str) -> None:
    """Pick a playbook in the list and wait until it is read into the tables."""
    rows = [editor.list.item(i).data(256) for i in range(editor.list.count())]
    if editor.key == key:
        return
    with qtbot.waitSignal(editor.loaded, timeout=10_000, check_params_cb=lambda k: k == key):
        editor.list.setCurrentRow(rows.index(key))


def test_edit_a_playbook_in_the_app_refuses_a_bad_time_and_saves_a_good_one(qtbot, cal):
    editor = cal.calendar.commands.edit_playbooks()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.key is not None, timeout=10_000)  # listed and the first one read
    rows = [editor.list.item(i).data(256) for i in range(editor.list.count())]
    assert {"618", "1111", "1212"} <= set(rows)
    open_playbook(qtbot, editor, "1111")
    time_column = 4
    editor.tasks.item(0, time_column).setText("25:00")
    assert not editor.save()
    assert editor.message.isVisible() and "time" in editor.message.text()
    editor.tasks.item(0, time_column).setText("09:15")
    title_column = 6
    editor.tasks.item(0, title_column).setText("我们自己的目标拆解")
    with qtbot.waitSignal(editor.loaded, timeout=10_000):  # saved, then listed and read again
        assert editor.save()
    pb = playbook_library.load_playbook(cal.shop, "1111")
    assert pb.tasks[0].title_zh == "我们自己的目标拆解" and pb.tasks[0].time.strftime("%H:%M") == "09:15"
    assert editor.reset_button.isEnabled()
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.reset()
    assert playbook_library.load_playbook(cal.shop, "1111").tasks[0].title_zh != "我们自己的目标拆解"
    editor.done(0)


def test_the_playbook_editor_reads_and_writes_off_the_gui_thread(qtbot, cal, monkeypatch):
    """Listing, reading and saving run on worker threads; while a save waits (an import holding the
    file) the buttons are off and the dialog still answers; a refusal from the service is shown inline."""
    gui = threading.get_ident()
    calls: list[tuple[str, bool]] = []
    for name in ("list_playbooks", "playbook_json"):
        real = getattr(playbook_library, name)
        monkeypatch.setattr(playbook_library, name, lambda *a, _real=real, _name=name, **k: (
            calls.append((_name, threading.get_ident() == gui)), _real(*a, **k))[1])
    releases = [threading.Event(), threading.Event()]  # one per save

    def slow_save(shop, key, text, **kwargs):
        calls.append(("save_playbook_json", threading.get_ident() == gui))
        releases[sum(name == "save_playbook_json" for name, _ in calls) - 1].wait(10)
        raise CalendarError("打法被锁定。", "The shop file is busy: try again.")

    monkeypatch.setattr(playbook_library, "save_playbook_json", slow_save)
    editor = cal.calendar.commands.edit_playbooks()  # the window owns it: it deletes itself once closed
    assert editor.key is None and editor.list.count() == 0 and not editor.save_button.isEnabled()
    qtbot.waitUntil(lambda: editor.key is not None, timeout=10_000)
    open_playbook(qtbot, editor, "1111")
    editor.tasks.item(0, 6).setText("改一个标题")
    task = editor.save()
    assert task is not None and not task.finished
    assert not any(b.isEnabled() for b in (editor.save_button, editor.reset_button, editor.add_button,
                                           editor.remove_button))
    assert not editor.list.isEnabled()
    assert editor.save() is None  # a second click does not start a second write
    qtbot.wait(50)  # the GUI thread still turns: the dialog is usable while the write waits
    assert editor.isVisible() and not task.finished
    releases[0].set()
    qtbot.waitUntil(lambda: task.finished, timeout=10_000)
    assert editor.message.isVisible() and ("busy" in editor.message.text() or "锁定" in editor.message.text())
    assert editor.save_button.isEnabled() and editor.list.isEnabled()
    assert cal.findChild(object, "failureBox") is None
    assert calls and all(not on_gui for _, on_gui in calls)
    assert {name for name, _ in calls} == {"list_playbooks", "playbook_json", "save_playbook_json"}
    # Closed while a save runs: the dialog waits (hidden) for the answer, then goes; the lane is free again.
    task = editor.save()
    destroyed = []
    editor.destroyed.connect(lambda *_: destroyed.append(True))
    editor.done(0)
    assert not editor.isVisible() and not destroyed
    releases[1].set()
    qtbot.waitUntil(lambda: bool(destroyed) and not cal.runner.busy, timeout=10_000)


def test_target_breakdown_on_a_shop_with_history(qtbot, cal):
    build_demo_shop(cal.shop, buyers=400, seed=9, today=date(2026, 11, 1))
    dialog = cal.calendar.commands.target_breakdown()
    dialog.target.setValue(200_000)
    with qtbot.waitSignal(dialog.reads.busy_changed, timeout=20_000, check_params_cb=lambda busy: not busy):
        dialog.compute_button.click()
    assert dialog.result is not None and dialog.table.rowCount() == 3
    assert dialog.summary.text()
    first = dialog.result.states[0]
    shown = dialog.table.item(0, 3).text()
    assert shown == ("—" if first.rate is None else f"{100 * first.rate:.1f}%")
    dialog.done(0)


def test_target_breakdown_without_history_says_what_is_missing(qtbot, cal):
    dialog = cal.calendar.commands.target_breakdown()
    with qtbot.waitSignal(dialog.reads.busy_changed, timeout=20_000, check_params_cb=lambda busy: not busy):
        dialog.compute_button.click()
    assert dialog.result is not None and dialog.result.expected_fen is None
    assert dialog.missing.isVisible() and dialog.missing.text()
    dialog.done(0)


def test_add_a_yearly_event_and_see_it_next_year(qtbot, cal):
    dialog = cal.calendar.commands.new_event(date(2026, 11, 20))
    qtbot.keyClicks(dialog.title, "Shop anniversary")
    dialog.yearly.setChecked(True)
    with qtbot.waitSignal(cal.calendar.shown, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with qtbot.waitSignal(cal.calendar.shown, timeout=10_000):
        cal.calendar.show_month(2027, 11)
    names = [e.name_zh for e in cal.calendar.month_model.entries_on(date(2027, 11, 20))]
    assert "Shop anniversary" in names


def test_save_a_campaign_as_next_years_playbook(qtbot, cal):
    campaign = campaigns.apply_playbook(cal.shop, "1212", "1212", 2026)
    dialog = cal.calendar.commands.save_as_playbook(campaign)
    dialog.setTextValue("Our 12.12")
    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        dialog.textValueSelected.emit("Our 12.12")
    saved = [i for i in playbook_library.list_playbooks(cal.shop) if i.name_zh == "Our 12.12"]
    assert len(saved) == 1
    pb = playbook_library.load_playbook(cal.shop, saved[0].key)
    assert len(pb.tasks) == len(campaigns.campaign_tasks(cal.shop, campaign.id))
    assert json.loads(playbook_library.playbook_json(cal.shop, saved[0].key))["name_zh"] == "Our 12.12"


def test_the_target_is_kept_with_the_festivals_campaign(qtbot, cal):
    campaign = campaigns.apply_playbook(cal.shop, "1111", "1111", 2026)
    with qtbot.waitSignal(cal.calendar.shown, timeout=10_000):
        cal.calendar.refresh()
    dialog = cal.calendar.commands.target_breakdown()
    assert dialog.campaign().id == campaign.id and not dialog.save_button.isEnabled()
    dialog.target.setValue(300_000)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        dialog.save_button.click()
    assert campaigns.get_campaign(cal.shop, campaign.id).target_fen == 30_000_000
    dialog.year.setValue(2027)
    assert dialog.campaign() is None and not dialog.save_button.isEnabled()
    dialog.done(0)


def test_the_events_list_reads_adds_and_deletes(qtbot, cal):
    calendar_view.add_event(cal.shop, "Juhuasuan slot", date(2026, 11, 20), date(2026, 11, 22))
    dialog = cal.calendar.commands.edit_events()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    assert "Juhuasuan slot" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        dialog.delete_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
    assert calendar_view.list_events(cal.shop) == []
    dialog.done(0)


def test_staff_and_reminder_lead_are_saved(qtbot, cal):
    from sellerdesk.services import calendar_settings

    dialog = cal.calendar.commands.edit_settings()
    assert dialog.lead.value() == 30
    dialog.staff.setPlainText("小王\n小李\n小王")
    dialog.lead.setValue(45)
    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        dialog.accept()
    saved = calendar_settings.load_calendar_settings(cal.shop)
    assert saved.staff == ("小王", "小李") and saved.lead_minutes == 45
    with qtbot.waitSignal(cal.calendar.shown, timeout=10_000):
        cal.calendar.refresh()
    assert cal.calendar.data.staff == ("小王", "小李")


def test_delete_a_campaign_after_confirming(qtbot, cal):
    from PySide6.QtWidgets import QMessageBox

    campaign = campaigns.apply_playbook(cal.shop, "618", "618", 2027)
    box = cal.calendar.commands.delete_campaign(campaign)
    with qtbot.waitSignal(cal.changes_made, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert campaigns.get_campaign(cal.shop, campaign.id) is None
    assert campaigns.campaign_tasks(cal.shop, campaign.id) == []
