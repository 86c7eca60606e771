"""The returns and exchanges tab (退换货): the agent's desk, the cases with their figures, the script library.

The scripts are read once per change (off the GUI thread) and shared by
the desk, its Ctrl+K search and the library view. Case writes go through the
window's write lane and come back as Changes (a case's follow-up is a
calendar to-do, so the calendar refreshes too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from sellerdesk.services import returns, script_library
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.returns.case_form import CaseForm
from sellerdesk.ui.returns.cases_view import CasesView
from sellerdesk.ui.returns.library_view import LibraryView
from sellerdesk.ui.returns.reply_desk import ReplyDesk
from sellerdesk.ui.tasks import Task, TaskRunner


def read_library(shop: ShopFile):
    return script_library.list_scripts(shop), script_library.usage_counts(shop), script_library.edited_scripts(shop)


class ReturnsPage(QWidget):
    changes_made = Signal(object)
    status_message = Signal(str)
    library_shown = Signal()  # the scripts are in the desk and the library view (tests wait for it)

    def __init__(self, runner: TaskRunner, clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("returnsPage")
        self.runner, self.clock = runner, clock
        self.shop: ShopFile | None = None
        self.reads = ReadLane(self, threads=1)
        self.desk = ReplyDesk(runner, clock, self)
        self.cases = CasesView(clock, self)
        self.library = LibraryView(runner, self)
        self.inner = QTabWidget(self)
        self.inner.setObjectName("returnsTabs")
        for widget in (self.desk, self.cases, self.library):
            self.inner.addTab(widget, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.inner)
        self.desk.changes_made.connect(self.changes_made)
        self.desk.status_message.connect(self.status_message)
        self.library.library_changed.connect(self.load_library)
        self.library.status_message.connect(self.status_message)
        self.cases.edit_requested.connect(self.edit_case)
        self.edit_dialog: QDialog | None = None
        self.dirty = True
        self.retranslate_ui()

    def set_shop(self, shop: ShopFile) -> None:
        self.shop = shop
        self.desk.set_shop(shop)
        self.library.set_shop(shop)
        self.cases.shop = shop
        self.dirty = True
        self.load_library()
        if self.isVisible():
            self.cases.refresh()

    def load_library(self) -> None:
        shop = self.shop
        if shop is None:
            return
        self.reads.start(
            lambda progress, cancel: read_library(shop),
            self._show_library,
            lambda exc: show_failure(self, QCoreApplication.translate("ReturnsPage", "Scripts"), exc),
            kind="library",
        )

    def _show_library(self, result) -> None:
        scripts, usage, edited = result
        self.desk.set_scripts(scripts, usage)
        self.library.show_library(scripts, usage, edited)
        self.library_shown.emit()

    def apply_changes(self, changes: Changes) -> None:
        if changes.calendar or changes.orders:
            self.dirty = True
            if self.isVisible():
                self.dirty = False
                self.cases.refresh()
                self.load_library()  # usage counts

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.inner.currentWidget() is self.desk:
            self.desk.focus_lookup()  # the agent pastes at once: no click needed
        self._refresh_if_dirty()

    def _refresh_if_dirty(self) -> None:
        if self.dirty and self.shop is not None:
            self.dirty = False
            self.cases.refresh()
            self.load_library()

    # -- editing a case ---------------------------------------------------------------------------
    def edit_case(self, case) -> QDialog:
        dialog = QDialog(self)
        dialog.setObjectName("caseDialog")
        dialog.setWindowTitle(QCoreApplication.translate("ReturnsPage", "Case for order {no}").format(no=case.order_no))
        form = CaseForm(self.clock().date(), dialog)
        form.load(case)
        form.submit_button.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.rejected.connect(dialog.reject)
        buttons.accepted.connect(form.submit)
        form.submitted.connect(lambda draft: self._save_case(dialog, form, case, draft))
        layout = QVBoxLayout(dialog)
        layout.addWidget(form)
        layout.addWidget(buttons)
        dialog.form = form
        dialog.buttons = buttons
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.edit_dialog = dialog
        return dialog

    def _save_case(self, dialog: QDialog, form: CaseForm, case, draft) -> Task | None:
        shop, now = self.shop, self.clock()
        if shop is None:
            return None
        edited = replace(
            case,
            reason=draft.reason,
            offered=draft.offered,
            outcome=draft.outcome,
            cost_fen=draft.cost_fen,
            status=draft.status,
            follow_up=draft.follow_up,
            notes=draft.notes,
        )
        task = Task(lambda progress, cancel: returns.update_case(shop, edited, now), self)
        task.succeeded.connect(lambda _: (dialog.accept(), self.changes_made.emit(returns.CHANGES)))
        task.failed.connect(form.show_error)
        return self.runner.start(task)

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.inner.setTabText(0, QCoreApplication.translate("ReturnsPage", "Reply"))
        self.inner.setTabText(1, QCoreApplication.translate("ReturnsPage", "Cases and figures"))
        self.inner.setTabText(2, QCoreApplication.translate("ReturnsPage", "Script library"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.dirty = True  # script and reason names in the new language: read again when shown
            if self.isVisible():
                self._refresh_if_dirty()
        super().changeEvent(event)

    def shut_down(self) -> None:
        self.shop = self.desk.shop = self.desk.lookup.shop = self.cases.shop = None  # nothing starts after this
        self.desk.stop()
        self.reads.stop()
        self.cases.reads.stop()
