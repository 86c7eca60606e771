"""The Customers tab (客户分组): groups on the left, the buyers of the selected group on the right.

Everything slow runs on a ReadLane: the groups (compute_segmentation, as of
the chosen day) and the id lists (list_buyer_ids: group, search text, sort).
The table model holds the ids and reads the rows being painted, a page at a
time. Writes (tags) go through the window's write lane. The tab refreshes
on a Changes value when it is visible, otherwise the next time it is shown.
"Today" (the as-of default, the cheap as-of-today path) is the injected shop
clock's day (Asia/Shanghai), as on the other tabs; tests pass a fake one.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QDateEdit, QHBoxLayout, QLabel, QLineEdit, QMenu, QProgressBar, QSplitter,
                               QToolButton, QVBoxLayout, QWidget)

from sellerdesk.services.customers import BuyerReader, list_buyer_ids
from sellerdesk.services.jobs import Changes
from sellerdesk.services.segmentation import Segmentation, compute_segmentation
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.customers.buyer_dialog import BuyerDialog
from sellerdesk.ui.customers.buyer_view import BuyerTableView
from sellerdesk.ui.customers.group_actions import GroupActions
from sellerdesk.ui.customers.groups_panel import GroupsPanel
from sellerdesk.ui.customers.tagging import Tagger
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.models.buyer_table import BuyerTableModel
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 250
ID_LISTS_KEPT = 8  # 300,000 ids are 2.4 MB as an array: keep a few, for sorting back and clearing a search


def _relevant(changes: Changes) -> bool:
    return changes.orders or changes.buyers or changes.refunds or changes.groups or changes.settings


class CustomersPage(QWidget):
    changes_made = Signal(object)  # Changes made here (tags, notes, reveals), for the window to re-broadcast
    status_message = Signal(str)
    ids_shown = Signal()  # a new id list is in the table (tests wait for it)
    groups_shown = Signal()  # the groups were counted and are in the panel

    def __init__(self, runner: TaskRunner, clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customersPage")
        self.runner = runner
        self.clock = clock
        self.shop: ShopFile | None = None
        self.seg: Segmentation | None = None
        self.reader: BuyerReader | None = None
        self.reads = ReadLane(self)
        # The page reader's own connection, prepared off the GUI thread for an earlier as-of day
        # (its figures are computed over the orders once, seconds at 300,000 buyers): one at a time.
        self.warm_lane = ReadLane(self, threads=1)
        self.dirty = True  # refresh when next shown
        self.detail: BuyerDialog | None = None
        self._ids_as_of: date | None = None  # the as-of day of the list in the table
        self._waiting = False  # a list asked for before the groups were counted
        self._id_cache: dict[tuple, array] = {}  # recent id lists, until the next change
        self._count_after_ids = False  # refresh(): count the groups once the first list is in
        self._reader_as_of: date | None = None  # an earlier as-of day the page reader is prepared for
        self._held: tuple[array, tuple | None] | None = None  # a list waiting for the reader to be prepared

        self.groups = GroupsPanel(self)
        self.groups.group_selected.connect(lambda key: self.query_ids())

        self.as_of_label = QLabel(self)
        self.as_of = QDateEdit(QDate(self.today()), self)
        self.as_of.setObjectName("asOfDate")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of_label.setBuddy(self.as_of)
        self.search = QLineEdit(self)
        self.search.setObjectName("buyerSearch")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.query_ids)
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.date_timer = QTimer(self)
        self.date_timer.setSingleShot(True)
        self.date_timer.setInterval(SEARCH_DELAY_MS)
        self.date_timer.timeout.connect(self.refresh)
        self.as_of.dateChanged.connect(lambda _: self.date_timer.start())

        self.tagger = Tagger(self, runner, self.reads)
        self.tagger.changes_made.connect(self.changes_made)
        self.tagger.status_message.connect(self.status_message)
        self.tag_button = QToolButton(self)
        self.tag_button.setObjectName("tagButton")
        self.tag_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_menu = QMenu(self.tag_button)
        self.tag_selected_action = self.tag_menu.addAction("", lambda: self.tag_selected(True))
        self.untag_selected_action = self.tag_menu.addAction("", lambda: self.tag_selected(False))
        self.tag_menu.addSeparator()
        self.tag_group_action = self.tag_menu.addAction("", lambda: self.tag_group(True))
        self.untag_group_action = self.tag_menu.addAction("", lambda: self.tag_group(False))
        self.tag_button.setMenu(self.tag_menu)
        self.group_actions = GroupActions(self)
        self.group_actions.changes_made.connect(self.changes_made)

        self.model = BuyerTableModel(self)
        self.model.sort_requested.connect(lambda key, descending: self.query_ids())
        self.table = BuyerTableView(self.model, self)
        self.table.open_requested.connect(self.open_buyer)
        self.status = QLabel(self)
        self.status.setObjectName("buyerCount")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("buyersBusy")
        self.busy.setRange(0, 0)  # "working", no percentage: SQL does not say how far it is
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.reads.busy_changed.connect(self._busy_changed)
        self.warm_lane.busy_changed.connect(self._busy_changed)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.as_of_label)
        bar.addWidget(self.as_of)
        bar.addWidget(self.tag_button)
        bar.addWidget(self.group_actions.button)
        foot = QHBoxLayout()
        foot.addWidget(self.status)
        foot.addWidget(self.busy)
        foot.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(foot)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.groups)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 800])
        self.splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(self.splitter)
        self.retranslate_ui()

    # -- the shop and its changes --------------------------------------
    def set_shop(self, shop: ShopFile) -> None:
        if self.reader is not None:
            self.warm_lane.wait()  # it may be preparing the old reader
            self.reader.close()
        self.shop, self.seg, self._reader_as_of, self._held = shop, None, None, None
        self.reader = BuyerReader(shop)
        self.model.set_reader(self.reader)
        self.model.set_ids([], None)
        self.dirty = True
        if self.isVisible():
            self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        if not _relevant(changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.dirty:
            self.refresh()

    @property
    def as_of_day(self) -> date:
        return self.as_of.date().toPython()

    def today(self) -> date:
        """The shop's day now (Asia/Shanghai), whatever zone the computer is set to."""
        return self.clock().date()

    def refresh(self) -> None:
        """Count the groups again; the list of all buyers as of today need not wait for that."""
        if self.shop is None:
            return
        self.dirty = False
        if self.reader is not None and self.as_of_day >= self.today():
            self.reader.refresh()  # cheap for today; an earlier day is prepared again off the GUI thread
        self._reader_as_of = None
        self._id_cache.clear()
        self._waiting = False
        self._count_after_ids = True
        self.query_ids(recounting=True)  # first: the list of all buyers is the first thing to paint
        if not self.reads.pending("ids"):
            self._count_groups()

    def _count_groups(self) -> None:
        """Started after the first list is in (both at once would slow the first paint down)."""
        self._count_after_ids = False
        if self.shop is None:
            return
        shop, as_of = self.shop, self.as_of_day
        self.reads.start(lambda progress, cancel: compute_segmentation(shop, as_of, cancel=cancel),
                         self._segmentation_ready, self._read_failed, kind="segmentation")

    def _segmentation_ready(self, seg: Segmentation) -> None:
        self.seg = seg
        self.groups.set_segmentation(seg)
        self.groups_shown.emit()
        if not self._reader_ready(seg.as_of):
            self._prepare_reader(seg)
        if self._waiting or self.groups.selected_key is not None or seg.as_of != self._ids_as_of:
            self.query_ids()
        else:
            self.model.reload(seg)  # the list of all buyers did not wait; now its rows get their groups

    def _reader_ready(self, as_of: date | None) -> bool:
        return as_of is None or as_of >= self.today() or self._reader_as_of == as_of

    def _prepare_reader(self, seg: Segmentation) -> None:
        """Compute the reader's figures for an earlier day in a worker; the table stays empty meanwhile."""
        reader = self.reader
        if reader is None:
            return
        self.model.set_ids([], None)  # nothing on the GUI thread touches the reader until it is ready

        def prepare(progress, cancel) -> date:
            reader.refresh()
            reader.rows([], seg)  # builds the as-of table on the reader's connection
            return seg.as_of

        self.warm_lane.start(prepare, self._reader_prepared, self._read_failed, kind="prepare")

    def _reader_prepared(self, as_of: date) -> None:
        self._reader_as_of = as_of
        held, self._held = self._held, None
        if held is not None:
            self._ids_ready(*held)

    # -- the id list -----------------------------------------------------
    def query_ids(self, recounting: bool = False) -> None:
        """Ask for the ids of the selected group matching the search text, in the table's order.

        All buyers as of today need no segmentation (only the groups column does, filled in later);
        a group's list waits for the groups being counted (`recounting`, or none counted yet).
        """
        self.search_timer.stop()
        if self.shop is None:
            return
        key = self.groups.selected_key
        seg = self.seg if self.seg is not None and self.seg.as_of == self.as_of_day else None
        today = self.today()
        if (seg is None or recounting) and (key is not None or self.as_of_day != today):
            self._waiting = True  # _segmentation_ready asks again
            return
        shop, text = self.shop, self.search.text()
        sort, descending = self.model.sort_key, self.model.descending
        self._ids_as_of = seg.as_of if seg else today
        query = (self._ids_as_of, key, text.strip(), sort, descending)
        cached = self._id_cache.get(query)
        if cached is not None:  # asked before since the last change: no need to ask SQLite again
            self.reads.forget("ids")
            self._ids_ready(cached)
            return
        self.status.setText(QCoreApplication.translate("CustomersPage", "Searching…"))
        self.reads.start(lambda progress, cancel: list_buyer_ids(
            shop, seg, group_key=key, text=text, sort=sort, descending=descending),
            lambda ids: self._ids_ready(ids, query), self._read_failed, kind="ids")

    def _ids_ready(self, ids: list[int] | array, query: tuple | None = None) -> None:
        ids = ids if isinstance(ids, array) else array("q", ids)
        if query is not None:
            self._id_cache[query] = ids
            while len(self._id_cache) > ID_LISTS_KEPT:
                del self._id_cache[next(iter(self._id_cache))]
        if not self._reader_ready(self._ids_as_of):
            self._held = (ids, None)
            self.status.setText(QCoreApplication.translate("CustomersPage", "Working…"))
            return
        first = self.model.rowCount() == 0
        seg = self.seg if self.seg and self.seg.as_of == self._ids_as_of else None
        if ids == self.model.id_array:
            self.model.reload(seg)  # the same buyers in the same order (after tagging): keep selection and scroll
        else:
            self.model.set_ids(ids, seg)
        if first and ids:
            self.table.fit_columns()
        self._show_count()
        self.ids_shown.emit()
        if self._count_after_ids:
            self._count_groups()

    def _read_failed(self, exc: BaseException) -> None:
        self._show_count()
        if self._count_after_ids:
            self._count_groups()
        show_failure(self, QCoreApplication.translate("CustomersPage", "Customers"), exc)

    def _busy_changed(self, busy: bool) -> None:
        busy = self.reads.busy or self.warm_lane.busy
        self.busy.setVisible(busy)
        if not busy:
            self._show_count()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        if n == 1:
            text = QCoreApplication.translate("CustomersPage", "1 buyer")
        else:
            text = QCoreApplication.translate("CustomersPage", "{n} buyers").format(n=f"{n:,}")
        if self.search.text().strip():
            text += " · " + QCoreApplication.translate("CustomersPage", "matching “{text}”").format(
                text=self.search.text().strip())
        self.status.setText(text)

    # -- one buyer, tags -------------------------------------------------
    def open_buyer(self, buyer_id: int) -> BuyerDialog | None:
        if self.shop is None:
            return None
        if self.detail is not None:
            self.detail.close()
        dialog = BuyerDialog(self.shop, buyer_id, self.seg, self.reads, self.runner, self)
        dialog.changes_made.connect(self.changes_made)
        # Forgotten once closed (it deletes itself when its writes are done), so the next buyer does not
        # close a deleted one.
        dialog.finished.connect(lambda _=None, closed=dialog: self._detail_closed(closed))
        self.detail = dialog
        dialog.open()
        return dialog

    def _detail_closed(self, dialog: BuyerDialog) -> None:
        if self.detail is dialog:
            self.detail = None

    def tag_selected(self, adding: bool = True):
        if self.shop is not None:
            return self.tagger.tag_buyers(self.shop, self.table.selected_buyer_ids(), adding)
        return None

    def tag_group(self, adding: bool = True):
        if self.shop is not None and self.seg is not None:
            return self.tagger.tag_group(self.shop, self.seg, self.groups.selected_key, adding)
        return None

    # -- texts -----------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.as_of_label.setText(QCoreApplication.translate("CustomersPage", "As of"))
        self.as_of.setToolTip(QCoreApplication.translate(
            "CustomersPage", "Groups and figures count the orders placed up to the end of this day."))
        self.search.setPlaceholderText(QCoreApplication.translate(
            "CustomersPage", "Search nick, name, phone digits or order number"))
        self.tag_button.setText(QCoreApplication.translate("CustomersPage", "Tags"))
        self.tag_selected_action.setText(QCoreApplication.translate("CustomersPage", "Tag selected buyers…"))
        self.untag_selected_action.setText(QCoreApplication.translate(
            "CustomersPage", "Remove a tag from selected buyers…"))
        self.tag_group_action.setText(QCoreApplication.translate("CustomersPage", "Tag the whole group…"))
        self.untag_group_action.setText(QCoreApplication.translate(
            "CustomersPage", "Remove a tag from the whole group…"))
        self.busy.setToolTip(QCoreApplication.translate("CustomersPage", "Working…"))
        self.group_actions.retranslate_ui()
        self.model.retranslate()
        self.table.fit_columns()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def shut_down(self) -> None:
        """Window closing: let the reads finish, close the page reader."""
        self.reads.wait()
        self.warm_lane.wait()
        if self.reader is not None:
            self.reader.close()
            self.reader = None
