"""The Customers page opens the group dialogs: outreach list, custom group, settings."""

from __future__ import annotations

import shiboken6

from sellerdesk.services.outreach import list_outreaches
from sellerdesk.ui.groups.group_settings_dialog import GroupSettingsDialog
from sellerdesk.ui.groups.outreach_dialog import OutreachDialog
from sellerdesk.ui.groups.rule_editor import RuleEditorDialog
from tests.ui.test_customers_tab import WAIT_MS, click_item, page  # noqa: F401  (the page fixture)


def test_group_menu_opens_each_dialog_for_the_selected_group(qtbot, page):
    actions = page.group_actions
    actions.button.menu().aboutToShow.emit()
    assert actions.outreach_action.isEnabled()  # "all buyers" is the built-in group 'all'
    actions.outreach_action.trigger()
    assert isinstance(actions.dialog, OutreachDialog) and actions.dialog.group_key == "all"
    assert actions.dialog.group.size == page.seg.buyers
    actions.dialog.close()
    click_item(qtbot, page.groups.tree, page.groups.items["loyal"])
    qtbot.waitUntil(lambda: page.model.rowCount() == page.seg.group("loyal").size, timeout=WAIT_MS)
    actions.button.menu().aboutToShow.emit()
    assert actions.outreach_action.isEnabled() and not actions.edit_action.isEnabled()
    actions.outreach_action.trigger()
    assert isinstance(actions.dialog, OutreachDialog) and actions.dialog.isVisible()
    actions.dialog.close()
    actions.new_action.trigger()
    assert isinstance(actions.dialog, RuleEditorDialog)
    actions.dialog.close()
    actions.settings_action.trigger()
    assert isinstance(actions.dialog, GroupSettingsDialog)
    actions.dialog.close()


GOOD = "【小店】{name}您好，您买过的{last_item}上新了，{coupon}等您来拿。拒收请回复R"


def open_outreach(qtbot, page, key="repeat"):
    click_item(qtbot, page.groups.tree, page.groups.items[key])
    qtbot.waitUntil(lambda: page.model.rowCount() == page.seg.group(key).size, timeout=WAIT_MS)
    page.group_actions.button.menu().aboutToShow.emit()
    page.group_actions.outreach_action.trigger()
    dialog = page.group_actions.dialog
    assert isinstance(dialog, OutreachDialog) and dialog.group_key == key
    dialog.text_a.set_text(GOOD)
    dialog.run_preview()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    return dialog


def test_a_closed_outreach_dialog_goes_with_its_recipients(qtbot, page):
    dialog = open_outreach(qtbot, page)
    assert dialog.preview.recipients
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)
    assert page.group_actions.dialog is None


def test_closed_while_exporting_the_dialog_waits_for_the_write(qtbot, page, tmp_path):
    dialog = open_outreach(qtbot, page)
    before = len(list_outreaches(page.shop))
    with qtbot.waitSignal(page.changes_made, timeout=WAIT_MS):  # the export's changes still reach the window
        assert dialog.export_to(tmp_path / "list.csv") is not None
        dialog.close()  # the write is still on the write lane
        assert shiboken6.isValid(dialog)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)
    assert not page.runner.busy and (tmp_path / "list.csv").exists()
    logged = list_outreaches(page.shop)
    assert len(logged) == before + 1 and "repeat" in {o.group_key for o in logged}
