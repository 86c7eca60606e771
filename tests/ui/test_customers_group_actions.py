"""The Customers page opens the group dialogs: outreach list, custom group, settings."""

from __future__ import annotations

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
