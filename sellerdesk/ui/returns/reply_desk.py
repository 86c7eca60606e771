"""The agent's desk: find the order (left), pick the situation (middle), copy the reply and log the case (right).

The peak-day path: paste an order number into the lookup field (it is looked
up at once), press Ctrl+1 … Ctrl+9: the first filled message is on the
clipboard. Ctrl+Enter copies the next one, Ctrl+S logs the case. A shortcut
pressed before the lookup has answered waits for it, then copies.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from sellerdesk.domain.scripts import Script
from sellerdesk.services import returns, script_library
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.returns.case_form import CaseForm
from sellerdesk.ui.returns.lookup_panel import LookupPanel, ReplyContext
from sellerdesk.ui.returns.reply_panel import ReplyPanel
from sellerdesk.ui.returns.script_list import ScriptList
from sellerdesk.ui.returns.script_search import ScriptSearch
from sellerdesk.ui.tasks import Task, TaskRunner


class ReplyDesk(QWidget):
    changes_made = Signal(object)
    case_logged = Signal(object)  # Case
    status_message = Signal(str)

    def __init__(self, runner: TaskRunner, clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.clock = runner, clock
        self.shop: ShopFile | None = None
        self.pending_key: str | None = None  # a shortcut pressed while the lookup was still on its way
        self.search_dialog: ScriptSearch | None = None
        self.lookup = LookupPanel(self)
        self.scripts = ScriptList(self)
        self.reply = ReplyPanel(self)
        self.case_form = CaseForm(clock().date(), self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.reply, 3)
        right_layout.addWidget(self.case_form, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.lookup)
        splitter.addWidget(self.scripts)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.lookup.context_changed.connect(self._context_changed)
        self.scripts.script_chosen.connect(lambda key: self.use_script(key, copy_first=False))
        self.reply.copied.connect(self._copied)
        self.case_form.submitted.connect(self.log_case)
        self._shortcut("Ctrl+L", self.focus_lookup)
        self._shortcut("Ctrl+K", self.open_search)
        self._shortcut("Ctrl+Return", self.reply.copy_next)
        self._shortcut("Ctrl+Enter", self.reply.copy_next)
        self._shortcut("Ctrl+S", self.case_form.submit)
        for number in range(1, 10):
            self._shortcut(f"Ctrl+{number}", lambda n=number: self.use_shortcut(n))

    def _shortcut(self, keys: str, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self, activated=slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return shortcut

    def set_shop(self, shop: ShopFile) -> None:
        self.shop = shop
        self.lookup.set_shop(shop)
        self.reply.show_script(None, None, False)
        self.case_form.clear()

    def set_scripts(self, scripts: list[Script], usage: dict[str, int]) -> None:
        self.scripts.set_scripts(scripts, usage)

    # -- the path ---------------------------------------------------------------------------------
    def focus_lookup(self) -> None:
        self.lookup.field.setFocus()
        self.lookup.field.selectAll()

    def use_shortcut(self, number: int) -> None:
        script = self.scripts.by_shortcut(number)
        if script is None:
            self.status_message.emit(
                QCoreApplication.translate(
                    "ReplyDesk", "No script has the shortcut Ctrl+{n}: give one in the script library."
                ).format(n=number)
            )
            return
        self.use_script(script.key, copy_first=True)

    def use_script(self, key: str, copy_first: bool = True) -> None:
        """Show the script filled for the current order; copy its first message (shortcuts do)."""
        script = self.scripts.by_key(key)
        if script is None:
            return
        if self.lookup.pending:
            self.pending_key = key if copy_first else None  # copied when the lookup answers
            if not copy_first:
                self._show(script)
            return
        self._show(script)
        if copy_first:
            self.reply.copy(0)

    def _show(self, script: Script) -> None:
        context = self.lookup.context
        self.scripts.select_key(script.key)
        self.reply.show_script(script, context.values if context else None, bool(context and context.order_unknown))
        self.case_form.use_script(script)

    def _context_changed(self, context: ReplyContext | None) -> None:
        if context is None:
            return
        match = context.match
        self.case_form.use_context(
            context.order_no, match.buyer_id if match else None, match.platform if match else None
        )
        key = self.pending_key or (self.reply.script.key if self.reply.script else None)
        copy_first = self.pending_key is not None
        self.pending_key = None
        if key is not None and self.scripts.by_key(key) is not None:
            self._show(self.scripts.by_key(key))
            if copy_first:
                self.reply.copy(0)

    def open_search(self) -> ScriptSearch:
        dialog = ScriptSearch(self.scripts.scripts, self)
        dialog.chosen.connect(lambda key: self.use_script(key, copy_first=True))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.search_dialog = dialog
        return dialog

    # -- writes -----------------------------------------------------------------------------------
    def _copied(self, key: str, index: int) -> None:
        if index == 0 and self.shop is not None:  # one use per reply, counted when it starts
            shop, now = self.shop, self.clock()
            task = Task(lambda progress, cancel: script_library.record_use(shop, key, now), self)
            task.failed.connect(lambda exc: None)  # a usage count is not worth interrupting a chat for
            self.runner.start(task)

    def log_case(self, draft) -> Task | None:
        shop, now = self.shop, self.clock()
        if shop is None:
            return None
        task = Task(lambda progress, cancel: returns.log_case(shop, draft, now), self)
        task.succeeded.connect(self._logged)
        task.failed.connect(self._log_failed)
        return self.runner.start(task)

    def _logged(self, case) -> None:
        self.case_form.show_logged(case.order_no)
        self.changes_made.emit(returns.CHANGES)
        self.case_logged.emit(case)

    def _log_failed(self, exc: BaseException) -> None:
        if getattr(exc, "message_zh", None):
            self.case_form.show_error(exc)
        else:
            show_failure(self, QCoreApplication.translate("ReplyDesk", "Log the case"), exc)

    def stop(self) -> None:
        self.lookup.stop()
