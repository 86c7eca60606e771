"""The Overview tab: headline figures, figures per platform/shop, imports done.

It reads `load_overview` (a small materialised table, so it is quick) and
reloads when a Changes value says orders, buyers, refunds or imports changed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from sellerdesk.services.jobs import Changes
from sellerdesk.services.overview import Overview, load_overview
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui import labels
from sellerdesk.ui.models.imports_log import ImportsLogModel
from sellerdesk.ui.models.shop_figures import ShopFiguresModel
from sellerdesk.ui.overview.empty_state import EmptyState
from sellerdesk.ui.widgets.data_table import DataTable
from sellerdesk.ui.widgets.figure_card import FigureCard

# card -> (caption, note); the texts are marked here and translated when shown.
CARDS = {
    "orders": (QT_TRANSLATE_NOOP("OverviewPage", "Orders"),
               QT_TRANSLATE_NOOP("OverviewPage", "all statuses, each order once")),
    "countable": (QT_TRANSLATE_NOOP("OverviewPage", "Countable orders"),
                  QT_TRANSLATE_NOOP("OverviewPage", "paid, not closed or fully refunded")),
    "buyers": (QT_TRANSLATE_NOOP("OverviewPage", "Buyers"),
               QT_TRANSLATE_NOOP("OverviewPage", "counted per platform")),
    "repeat": (QT_TRANSLATE_NOOP("OverviewPage", "Repeat buyers"),
               QT_TRANSLATE_NOOP("OverviewPage", "{share} of buyers (2+ countable orders)")),
    "paid": (QT_TRANSLATE_NOOP("OverviewPage", "Paid total"),
             QT_TRANSLATE_NOOP("OverviewPage", "what buyers paid for countable orders")),
    "net": (QT_TRANSLATE_NOOP("OverviewPage", "Net total"),
            QT_TRANSLATE_NOOP("OverviewPage", "paid total less refunds")),
    "refunds": (QT_TRANSLATE_NOOP("OverviewPage", "Refunds"),
                QT_TRANSLATE_NOOP("OverviewPage", "refunded orders: {n}")),
    "dates": (QT_TRANSLATE_NOOP("OverviewPage", "Orders placed"),
              QT_TRANSLATE_NOOP("OverviewPage", "first and last order date")),
}
_REFUNDS_UNKNOWN = QT_TRANSLATE_NOOP("OverviewPage", "refund information not in the files")
_COLUMNS = 4


class OverviewPage(QWidget):
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.shop: ShopFile | None = None
        self.overview: Overview | None = None

        self._empty_state: EmptyState | None = None  # built when a shop is empty (saves start-up time)

        self.content = QWidget(self)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.cards: dict[str, FigureCard] = {}
        for i, name in enumerate(CARDS):
            card = FigureCard(name, self.content)
            grid.addWidget(card, i // _COLUMNS, i % _COLUMNS)
            self.cards[name] = card
        self.shops_model = ShopFiguresModel(parent=self)
        self.shops_box = QGroupBox(self.content)
        self.shops_table = DataTable(self.shops_model, self.shops_box)
        QVBoxLayout(self.shops_box).addWidget(self.shops_table)
        self.imports_model = ImportsLogModel(parent=self)
        self.imports_box = QGroupBox(self.content)
        self.imports_table = DataTable(self.imports_model, self.imports_box)
        QVBoxLayout(self.imports_box).addWidget(self.imports_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self.content)
        self.splitter.addWidget(self.shops_box)
        self.splitter.addWidget(self.imports_box)
        self.splitter.setChildrenCollapsible(False)
        content_layout = QVBoxLayout(self.content)
        content_layout.addLayout(grid)
        content_layout.addWidget(self.splitter, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.content)
        QVBoxLayout(self).addWidget(self.stack)
        self.retranslate_ui()

    # -- data ----------------------------------------------------------
    def set_shop(self, shop: ShopFile) -> None:
        self.shop = shop
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        if changes.orders or changes.buyers or changes.refunds or changes.imports:
            self.refresh()

    def refresh(self) -> None:
        if self.shop is None:
            return
        self.overview = load_overview(self.shop)
        self.shops_model.set_rows(self.overview.shops)
        self.imports_model.set_rows(self.overview.imports)
        self._show_figures()

    @property
    def empty_state(self) -> EmptyState:
        if self._empty_state is None:
            self._empty_state = EmptyState(self)
            self._empty_state.import_requested.connect(self.import_requested)
            self.stack.addWidget(self._empty_state)
        return self._empty_state

    @property
    def showing_empty_state(self) -> bool:
        return self._empty_state is not None and self.stack.currentWidget() is self._empty_state

    # -- texts ---------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.shops_box.setTitle(QCoreApplication.translate("OverviewPage", "By platform and shop"))
        self.imports_box.setTitle(QCoreApplication.translate("OverviewPage", "Files imported"))
        self.shops_model.retranslate()
        self.imports_model.retranslate()
        self._show_figures()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_figures(self) -> None:
        o = self.overview
        empty = o is None or (o.empty and not o.imports)
        self.stack.setCurrentWidget(self.empty_state if empty else self.content)  # empty_state: built on demand
        if o is None:
            return
        t = o.total
        unknown = labels.refunds_unknown_tip()
        values = {
            "orders": labels.count(t.orders),
            "countable": labels.count(t.countable_orders),
            "buyers": labels.count(t.buyers),
            "repeat": labels.count(t.repeat_buyers),
            "paid": labels.money(t.paid_fen),
            "net": labels.money(t.net_fen),
            "refunds": labels.money(t.refund_fen),
            "dates": labels.date_range(t.first_order_at, t.last_order_at),
        }
        tips = {"net": unknown if t.net_fen is None else "", "refunds": unknown if t.refund_fen is None else ""}
        for name, (caption, note) in CARDS.items():
            if name == "refunds" and t.refunded_orders is None:
                note = _REFUNDS_UNKNOWN
            text = _tr(note).format(share=labels.share(t.repeat_buyers, t.buyers), n=labels.count(t.refunded_orders))
            self.cards[name].show_figure(_tr(caption), values[name], text, tips.get(name, ""))


def _tr(marked: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("OverviewPage", ...) above."""
    return QCoreApplication.translate("OverviewPage", marked)
