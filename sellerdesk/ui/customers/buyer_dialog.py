"""One buyer: figures, groups and why, orders with their lines, refunds, tags, a note, the phone on request.

The record is read off the GUI thread (buyer_detail); tags, the note and the
phone reveal are writes on the window's write lane. The phone stays masked
until "Show full number", which logs who (the OS user) and when.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QListWidget,
                               QPlainTextEdit, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from sellerdesk.domain.masking import mask_name, mask_phone
from sellerdesk.services.customers import (BuyerDetail, add_tag, all_tags, buyer_detail, remove_tag, reveal_phone,
                                           set_note)
from sellerdesk.services.segmentation import Segmentation
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui import labels
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.i18n import pick
from sellerdesk.ui.models.buyer_records import BuyerLinesModel, BuyerOrdersModel, BuyerRefundsModel
from sellerdesk.ui.models.buyer_table import group_names
from sellerdesk.ui.tasks import Task, TaskRunner, delete_when_finished
from sellerdesk.ui.widgets.data_table import DataTable

_C = "BuyerDialog"
CAPTIONS = {  # figure -> caption, marked here and translated when shown
    "nick": QT_TRANSLATE_NOOP("BuyerDialog", "Nick"), "name": QT_TRANSLATE_NOOP("BuyerDialog", "Name"),
    "phone": QT_TRANSLATE_NOOP("BuyerDialog", "Phone"), "platform": QT_TRANSLATE_NOOP("BuyerDialog", "Platform"),
    "city": QT_TRANSLATE_NOOP("BuyerDialog", "Province / city"),
    "first": QT_TRANSLATE_NOOP("BuyerDialog", "First order"), "last": QT_TRANSLATE_NOOP("BuyerDialog", "Last order"),
    "orders": QT_TRANSLATE_NOOP("BuyerDialog", "Countable orders"),
    "paid": QT_TRANSLATE_NOOP("BuyerDialog", "Paid total"), "aov": QT_TRANSLATE_NOOP("BuyerDialog", "Average order"),
    "refunded": QT_TRANSLATE_NOOP("BuyerDialog", "Orders with a refund"),
}
FIGURES = tuple(CAPTIONS)



def who_reveals() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment
        return "?"


class BuyerDialog(QDialog):
    changes_made = Signal(object)  # Changes (tags, note)
    loaded = Signal()  # the record is shown (again)
    revealed = Signal(str)  # the full phone number

    def __init__(self, shop: ShopFile, buyer_id: int, seg: Segmentation | None, reads: ReadLane,
                 runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("buyerDialog")
        delete_when_finished(self)  # closed while a write runs: deleted once its answer is in
        self.shop, self.buyer_id, self.seg, self.reads, self.runner = shop, buyer_id, seg, reads, runner
        self.detail: BuyerDetail | None = None
        self.full_phone: str | None = None

        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        figures = QGridLayout()
        for i, name in enumerate(FIGURES):
            self.captions[name] = QLabel(self)
            self.values[name] = QLabel(self)
            self.values[name].setObjectName(f"figure_{name}")
            self.values[name].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, col = i // 3, 2 * (i % 3)
            figures.addWidget(self.captions[name], row, col)
            if name != "phone":
                figures.addWidget(self.values[name], row, col + 1)
        self.reveal_button = QPushButton(self)
        self.reveal_button.setObjectName("revealPhone")
        self.reveal_button.clicked.connect(self.reveal)
        phone = QHBoxLayout()
        phone.addWidget(self.values["phone"])
        phone.addWidget(self.reveal_button)
        phone.addStretch(1)
        at = FIGURES.index("phone")
        figures.addLayout(phone, at // 3, 2 * (at % 3) + 1)
        for col in (1, 3, 5):
            figures.setColumnStretch(col, 1)
        self.groups = QLabel(self)
        self.groups.setObjectName("buyerGroups")
        self.why = QLabel(self)
        self.why.setObjectName("rfmWhy")
        for label in (self.groups, self.why):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.orders_model, self.lines_model = BuyerOrdersModel(self), BuyerLinesModel(self)
        self.refunds_model = BuyerRefundsModel(self)
        self.orders = DataTable(self.orders_model, self)
        self.lines = DataTable(self.lines_model, self)
        self.refunds = DataTable(self.refunds_model, self)
        self.orders.selectionModel().selectionChanged.connect(self._order_selected)
        orders_split = QSplitter(Qt.Orientation.Vertical, self)
        orders_split.addWidget(self.orders)
        orders_split.addWidget(self.lines)

        self.tag_list = QListWidget(self)
        self.tag_list.setObjectName("buyerTags")
        self.tag_input = QComboBox(self)
        self.tag_input.setObjectName("tagInput")
        self.tag_input.setEditable(True)
        self.add_tag_button, self.remove_tag_button = QPushButton(self), QPushButton(self)
        self.add_tag_button.clicked.connect(lambda: self._tag(True, self.tag_input.currentText()))
        self.remove_tag_button.clicked.connect(self._remove_selected_tag)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("buyerNote")
        self.save_note_button = QPushButton(self)
        self.save_note_button.clicked.connect(self.save_note)
        self.note_state = QLabel(self)
        self.reveals = QListWidget(self)
        self.reveals.setObjectName("revealLog")
        self.tags_caption, self.note_caption, self.reveals_caption = QLabel(self), QLabel(self), QLabel(self)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_input, 1)
        tag_row.addWidget(self.add_tag_button)
        tag_row.addWidget(self.remove_tag_button)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_state, 1)
        note_row.addWidget(self.save_note_button)
        notes_page = QWidget(self)
        notes = QGridLayout(notes_page)
        notes.addWidget(self.tags_caption, 0, 0)
        notes.addWidget(self.tag_list, 1, 0)
        notes.addLayout(tag_row, 2, 0)
        notes.addWidget(self.note_caption, 0, 1)
        notes.addWidget(self.note, 1, 1)
        notes.addLayout(note_row, 2, 1)
        notes.addWidget(self.reveals_caption, 3, 0, 1, 2)
        notes.addWidget(self.reveals, 4, 0, 1, 2)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(orders_split, "")
        self.tabs.addTab(self.refunds, "")
        self.tabs.addTab(notes_page, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(figures)
        layout.addWidget(self.groups)
        layout.addWidget(self.why)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(980, 680)
        self.retranslate_ui()
        self.load()

    # -- reading -------------------------------------------------------
    def load(self) -> None:
        shop, buyer_id, seg = self.shop, self.buyer_id, self.seg
        self.reads.start(lambda progress, cancel: buyer_detail(shop, buyer_id, seg), self._show,
                         self._failed, kind=f"buyer-{id(self)}")
        self.reads.start(lambda progress, cancel: all_tags(shop), self._offer_tags,
                         lambda exc: None, kind=f"tags-{id(self)}")  # only suggestions: typing still works

    def _failed(self, exc: BaseException) -> None:
        show_failure(self, QCoreApplication.translate("BuyerDialog", "Buyer"), exc)

    def _offer_tags(self, tags: list[tuple[str, int]]) -> None:
        typed = self.tag_input.currentText()
        self.tag_input.clear()
        self.tag_input.addItems([t for t, _ in tags])
        self.tag_input.setCurrentText(typed)

    def _show(self, detail: BuyerDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.groups.setText(QCoreApplication.translate("BuyerDialog", "This buyer is no longer in the shop."))
            self.loaded.emit()
            return
        selected = self.orders.selected_source_rows()
        self.orders_model.set_rows(detail.orders)
        self.lines_model.set_rows(detail.lines)
        self.refunds_model.set_rows(detail.refunds)
        if selected and selected[0] < len(detail.orders):
            self.orders.selectRow(selected[0])
        self.tag_list.clear()
        self.tag_list.addItems(sorted(detail.facts.tags))
        if not self.note.document().isModified():
            self.note.setPlainText(detail.note)
        self.reveals.clear()
        self.reveals.addItems([f"{when}  {who}" for who, when in detail.reveals])
        self.retranslate_ui()
        self.loaded.emit()

    def _order_selected(self, *_: QItemSelection) -> None:
        rows = self.orders.selected_source_rows()
        if self.detail is None:
            return
        numbers = {self.orders_model.row_at(r).order_no for r in rows}
        self.lines_model.set_rows([li for li in self.detail.lines if not numbers or li.order_no in numbers])

    # -- writing -------------------------------------------------------
    def _write(self, fn, on_result) -> Task:
        task = Task(lambda progress, cancel: fn(), self)
        task.succeeded.connect(on_result)
        task.failed.connect(self._failed)
        return self.runner.start(task)

    def reveal(self) -> Task:
        shop, buyer_id, who = self.shop, self.buyer_id, who_reveals()
        return self._write(lambda: reveal_phone(shop, buyer_id, who), self._revealed)

    def _revealed(self, phone: str | None) -> None:
        self.full_phone = phone or ""
        self.retranslate_ui()
        self.load()  # the log shows this reveal
        self.revealed.emit(self.full_phone)

    def _tag(self, adding: bool, tag: str) -> Task | None:
        if not tag.strip():
            return None
        shop, ids = self.shop, [self.buyer_id]
        fn = (lambda: add_tag(shop, ids, tag)) if adding else (lambda: remove_tag(shop, ids, tag))
        return self._write(fn, self._saved)

    def _remove_selected_tag(self) -> None:
        item = self.tag_list.currentItem()
        if item is not None:
            self._tag(False, item.text())

    def save_note(self) -> Task:
        shop, buyer_id, text = self.shop, self.buyer_id, self.note.toPlainText()
        return self._write(lambda: (0, set_note(shop, buyer_id, text)), self._note_saved)

    def _note_saved(self, result) -> None:
        self.note.document().setModified(False)
        self.note_state.setText(QCoreApplication.translate("BuyerDialog", "Note saved."))
        self._saved(result)

    def _saved(self, result) -> None:
        _, changes = result
        self.changes_made.emit(changes)
        if self.isVisible():  # (closed meanwhile: the changes still go out, nothing to show)
            self.load()

    # -- texts ---------------------------------------------------------
    def retranslate_ui(self) -> None:
        for name, text in CAPTIONS.items():
            self.captions[name].setText(QCoreApplication.translate(_C, text) + ":")
        self.reveal_button.setText(QCoreApplication.translate("BuyerDialog", "Show full number"))
        self.reveal_button.setToolTip(QCoreApplication.translate(
            "BuyerDialog", "The full number is shown only on request; each time is logged "
                                          "(who and when)."))
        self.tabs.setTabText(0, QCoreApplication.translate("BuyerDialog", "Orders"))
        self.tabs.setTabText(1, QCoreApplication.translate("BuyerDialog", "Refunds"))
        self.tabs.setTabText(2, QCoreApplication.translate("BuyerDialog", "Tags and note"))
        self.tags_caption.setText(QCoreApplication.translate("BuyerDialog", "Tags"))
        self.note_caption.setText(QCoreApplication.translate("BuyerDialog", "Note"))
        self.reveals_caption.setText(QCoreApplication.translate("BuyerDialog", "Phone number shown to"))
        self.add_tag_button.setText(QCoreApplication.translate("BuyerDialog", "Add tag"))
        self.remove_tag_button.setText(QCoreApplication.translate("BuyerDialog", "Remove selected tag"))
        self.save_note_button.setText(QCoreApplication.translate("BuyerDialog", "Save note"))
        for model in (self.orders_model, self.lines_model, self.refunds_model):
            model.retranslate()
        d = self.detail
        if d is None:
            self.setWindowTitle(QCoreApplication.translate("BuyerDialog", "Buyer"))
            self.groups.setText(QCoreApplication.translate("BuyerDialog", "Loading…"))
            return
        f = d.facts
        self.setWindowTitle(QCoreApplication.translate("BuyerDialog", "Buyer {nick}").format(
            nick=mask_name(f.account) or mask_name(f.name) or f.buyer_id))
        phone = self.full_phone if self.full_phone is not None else mask_phone(f.phone)
        values = {
            "nick": mask_name(f.account), "name": mask_name(f.name), "phone": phone or labels.MISSING,
            "platform": labels.platform_name(f.platform), "city": " ".join(p for p in (f.province, f.city) if p),
            "first": labels.day(f.first_order_day), "last": labels.day(f.last_order_day),
            "orders": labels.count(f.countable_orders), "paid": labels.money(f.paid_fen),
            "aov": labels.money(f.aov_fen), "refunded": labels.count(f.refunded_orders),
        }
        for name, text in values.items():
            self.values[name].setText(text or labels.MISSING)
        self.reveal_button.setEnabled(bool(f.phone) and self.full_phone is None)
        self.groups.setText(QCoreApplication.translate("BuyerDialog", "Groups: {groups}").format(
            groups=group_names(self.seg, d.groups, short=False) or labels.MISSING))
        why = pick(d.rfm_zh, d.rfm_en)
        self.why.setText(QCoreApplication.translate("BuyerDialog", "Why in this RFM class: {why}").format(why=why)
                         if why else "")
        self.why.setVisible(bool(why))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
