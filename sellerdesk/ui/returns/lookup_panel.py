"""Find the buyer or order in one field: an order number, a nick, a name or the last four phone digits.

Lookups run on a ReadLane as the agent types (newest wins); the first match
is taken at once, so a pasted order number is ready for a script shortcut.
For the chosen match the panel reads the buyer's history (orders, items,
refunds, earlier cases, repeat/new, tier, RFM class) and the field values of
the order the reply is about.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services import returns
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.i18n import lang, pick
from sellerdesk.ui.models.buyer_records import BuyerLinesModel, BuyerOrdersModel, BuyerRefundsModel
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.returns.case_models import CasesModel

LOOKUP_DELAY_MS = 120  # typing pauses; a paste arrives as one change and is looked up at once
MatchRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ReplyContext:
    """What a reply is about: the order (its number and field values) and the buyer, when known."""

    query: str
    order_no: str | None
    values: dict | None  # None: no order, or an order the shop does not have
    match: returns.Match | None
    history: returns.BuyerHistory | None

    @property
    def order_unknown(self) -> bool:
        return self.order_no is not None and self.values is None


def read_context(shop: ShopFile, query: str, match: returns.Match | None, lang_code: str) -> ReplyContext:
    """Off the GUI thread: the history of the match's buyer and the values of the order in question
    (the matched order; for a buyer found by nick, name or phone, their latest order)."""
    history = returns.history(shop, match.buyer_id) if match is not None and match.buyer_id is not None else None
    order_no = None
    if match is not None and match.order is not None:
        order_no = match.order.order_no
    elif history is not None and history.detail.orders:
        order_no = max(history.detail.orders, key=lambda o: o.created_at or "").order_no
    elif match is None and returns.clean_query(query).isdigit() and len(returns.clean_query(query)) >= 8:
        order_no = returns.clean_query(query)  # looks like an order number the shop does not have
    values = returns.order_values(shop, order_no, lang_code) if order_no else None
    return ReplyContext(query, order_no, values, match, history)


class LookupPanel(QWidget):
    context_changed = Signal(object)  # ReplyContext (None while a new lookup runs)
    looked_up = Signal()  # a lookup's matches are shown (tests wait for it)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.shop: ShopFile | None = None
        self.context: ReplyContext | None = None
        self.reads = ReadLane(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("returnsLookup")
        self.field.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LOOKUP_DELAY_MS)
        self.timer.timeout.connect(self.look_up)
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self.look_up)
        self.matches = QListWidget(self)
        self.matches.setObjectName("returnsMatches")
        self.matches.setMaximumHeight(130)
        self.matches.currentItemChanged.connect(lambda item, _: self._chosen(item))
        self.status = QLabel(self)
        self.status.setObjectName("returnsLookupStatus")
        self.status.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("returnsBuyerSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.records = QTabWidget(self)
        self.orders_model, self.lines_model = BuyerOrdersModel(self), BuyerLinesModel(self)
        self.refunds_model, self.cases_model = BuyerRefundsModel(self), CasesModel(self)
        self.tables = []
        for model in (self.orders_model, self.lines_model, self.refunds_model, self.cases_model):
            table = QTableView(self)
            table.setModel(model)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.records.addTab(table, "")
            self.tables.append(table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.matches)
        layout.addWidget(self.summary)
        layout.addWidget(self.records, 1)
        self.retranslate_ui()

    def set_shop(self, shop: ShopFile) -> None:
        self.shop = shop
        self.field.clear()
        self._show_matches("", [])

    # -- looking up -------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        self.context = None
        self.context_changed.emit(None)
        self.timer.start()

    def look_up(self) -> None:
        self.timer.stop()
        shop, query = self.shop, self.field.text()
        if shop is None:
            return
        if not returns.clean_query(query):
            self._show_matches(query, [])
            return
        self.reads.forget("context")
        self.reads.start(
            lambda progress, cancel: returns.lookup(shop, query),
            lambda found: self._show_matches(query, found),
            self._failed,
            kind="lookup",
        )

    @property
    def pending(self) -> bool:
        """A lookup or a history read is on its way (a shortcut waits for it)."""
        return self.timer.isActive() or self.reads.pending("lookup") or self.reads.pending("context")

    def _show_matches(self, query: str, found: list) -> None:
        self.matches.blockSignals(True)
        self.matches.clear()
        for match in found:
            item = QListWidgetItem(_match_text(match), self.matches)
            item.setData(MatchRole, match)
        self.matches.blockSignals(False)
        if not returns.clean_query(query):
            self.status.setText("")
        elif not found:
            self.status.setText(
                QCoreApplication.translate(
                    "LookupPanel",
                    "No order or buyer matches “{q}”. Scripts still work: they are filled with neutral wording.",
                ).format(q=query.strip())
            )
        else:
            self.status.setText(
                QCoreApplication.translate("LookupPanel", "{n} match(es): the first is chosen.").format(n=len(found))
            )
        self.matches.setVisible(len(found) > 1)
        if found:
            self.matches.setCurrentRow(0)  # -> _chosen
        else:
            self._read_context(query, None)
        self.looked_up.emit()

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._read_context(self.field.text(), item.data(MatchRole))

    def _read_context(self, query: str, match) -> None:
        shop, language = self.shop, lang()
        if shop is None:
            return
        self.reads.start(
            lambda progress, cancel: read_context(shop, query, match, language),
            self._show_context,
            self._failed,
            kind="context",
        )

    def _show_context(self, context: ReplyContext) -> None:
        self.context = context
        history = context.history
        detail = history.detail if history else None
        self.orders_model.set_rows(detail.orders if detail else [])
        self.lines_model.set_rows(detail.lines if detail else [])
        self.refunds_model.set_rows(detail.refunds if detail else [])
        self.cases_model.set_rows(history.cases if history else [])
        self.summary.setText(_summary(context))
        self._retitle_records()
        self.context_changed.emit(context)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(pick(getattr(exc, "message_zh", None), getattr(exc, "message_en", None)) or str(exc))

    # -- language ---------------------------------------------------------------------------------
    def _retitle_records(self) -> None:
        titles = (
            QCoreApplication.translate("LookupPanel", "Orders ({n})").format(n=self.orders_model.rowCount()),
            QCoreApplication.translate("LookupPanel", "Items ({n})").format(n=self.lines_model.rowCount()),
            QCoreApplication.translate("LookupPanel", "Refunds ({n})").format(n=self.refunds_model.rowCount()),
            QCoreApplication.translate("LookupPanel", "Cases ({n})").format(n=self.cases_model.rowCount()),
        )
        for i, title in enumerate(titles):
            self.records.setTabText(i, title)

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(
            QCoreApplication.translate(
                "LookupPanel", "Paste an order number, or type a nick, a name or the last 4 phone digits (Ctrl+L)"
            )
        )
        for model in (self.orders_model, self.lines_model, self.refunds_model, self.cases_model):
            model.retranslate()
        self._retitle_records()
        if self.context is not None:
            self.summary.setText(_summary(self.context))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def stop(self) -> None:
        self.timer.stop()
        self.reads.stop()


def _match_text(match) -> str:
    who = match.nick or match.name_masked or QCoreApplication.translate("LookupPanel", "(unknown buyer)")
    order = f"  #{match.order.order_no}" if match.order is not None else ""
    city = f"  {match.city}" if match.city else ""
    return f"{who}  {match.phone_masked}{city}{order}"


def _summary(context: ReplyContext) -> str:
    parts = []
    h = context.history
    if h is not None:
        who = h.detail.facts
        parts.append(
            QCoreApplication.translate("LookupPanel", "{nick} · {name} · {phone}").format(
                nick=who.account or "—", name=h.name_masked or "—", phone=h.phone_masked or "—"
            )
        )
        parts.append(
            QCoreApplication.translate("LookupPanel", "Repeat buyer")
            if h.repeat
            else QCoreApplication.translate("LookupPanel", "New buyer")
        )
        tier = pick(h.tier_zh, h.tier_en)
        if tier:
            parts.append(QCoreApplication.translate("LookupPanel", "Tier: {tier}").format(tier=tier))
        rfm = pick(h.rfm_zh, h.rfm_en)
        if rfm:
            parts.append(QCoreApplication.translate("LookupPanel", "RFM: {cls}").format(cls=rfm))
        if h.cases:
            parts.append(QCoreApplication.translate("LookupPanel", "{n} earlier case(s)").format(n=len(h.cases)))
    if context.order_no:
        if context.order_unknown:
            parts.append(
                QCoreApplication.translate("LookupPanel", "Order {no} is not in this shop's data").format(
                    no=context.order_no
                )
            )
        else:
            parts.append(
                QCoreApplication.translate("LookupPanel", "Replying about order {no}").format(no=context.order_no)
            )
    return "  ·  ".join(parts)
