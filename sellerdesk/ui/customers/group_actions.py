"""The Customers page's group actions: new/edit custom group, outreach list, group settings.

Each opens a dialog of sellerdesk.ui.groups on the page's shop and current
segmentation; the dialog's changes_made reaches the window like any write.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from sellerdesk.domain.segments import ALL_KEY
from sellerdesk.ui.groups.group_settings_dialog import GroupSettingsDialog
from sellerdesk.ui.groups.outreach_dialog import OutreachDialog
from sellerdesk.ui.groups.rule_editor import RuleEditorDialog
from sellerdesk.ui.tasks import delete_when_finished


class GroupActions(QObject):
    changes_made = Signal(object)

    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page
        self.button = QToolButton(page)
        self.button.setObjectName("groupActionsButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.outreach_action = menu.addAction("", self.export_outreach)
        menu.addSeparator()
        self.new_action = menu.addAction("", self.new_group)
        self.edit_action = menu.addAction("", self.edit_group)
        menu.addSeparator()
        self.settings_action = menu.addAction("", self.edit_settings)
        menu.aboutToShow.connect(self._enable)
        self.button.setMenu(menu)
        self.dialog: QWidget | None = None
        self.retranslate_ui()

    def _ready(self) -> bool:
        return self.page.shop is not None and self.page.seg is not None

    def _selected(self):
        """The selected group; the first entry (all buyers) is the built-in 'all' group."""
        key = self.page.groups.selected_key or ALL_KEY
        return self.page.seg.group(key) if self.page.seg is not None else None

    def _enable(self) -> None:
        group = self._selected() if self._ready() else None
        self.outreach_action.setEnabled(group is not None)
        self.edit_action.setEnabled(group is not None and group.custom_id is not None)
        self.new_action.setEnabled(self._ready())
        self.settings_action.setEnabled(self._ready())

    def _open(self, dialog: QWidget) -> QWidget:
        dialog.changes_made.connect(self.changes_made)
        delete_when_finished(dialog)  # a closed dialog (an outreach's recipients) is not kept for good
        dialog.destroyed.connect(lambda _=None, gone=dialog: self._forget(gone))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def export_outreach(self) -> QWidget | None:
        group = self._selected() if self._ready() else None
        if group is None:
            return None
        return self._open(OutreachDialog(self.page.shop, self.page.seg, self.page.runner, group.key, self.page))

    def new_group(self) -> QWidget | None:
        if not self._ready():
            return None
        return self._open(RuleEditorDialog(self.page.shop, self.page.seg, self.page.runner, None, self.page))

    def edit_group(self) -> QWidget | None:
        group = self._selected() if self._ready() else None
        if group is None or group.custom_id is None:
            return None
        return self._open(RuleEditorDialog(self.page.shop, self.page.seg, self.page.runner, group.key, self.page))

    def edit_settings(self) -> QWidget | None:
        if not self._ready():
            return None
        return self._open(GroupSettingsDialog(self.page.shop, self.page.seg, self.page.runner, self.page))

    def retranslate_ui(self) -> None:
        self.button.setText(QCoreApplication.translate("GroupActions", "Groups"))
        self.outreach_action.setText(QCoreApplication.translate("GroupActions", "Export an outreach list of this group…"))
        self.new_action.setText(QCoreApplication.translate("GroupActions", "New custom group…"))
        self.edit_action.setText(QCoreApplication.translate("GroupActions", "Edit this custom group…"))
        self.settings_action.setText(QCoreApplication.translate("GroupActions", "Group settings…"))
