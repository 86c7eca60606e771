"""After-sales figures of a day, a week, a month or a campaign, and the case log itself.

Figures: cases by reason, return rate per item, exchanges that saved a refund
(换货挽留率), compensation per case; and as of today the open cases past their
follow-up day and the buyers at risk of a bad review. A case opens for
editing on double-click (status, outcome, follow-up).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.cases import AfterSalesFigures
from sellerdesk.services import campaigns, returns
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui import labels
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.returns.case_models import AtRiskModel, CasesModel, ItemRatesModel, ReasonCountsModel
from sellerdesk.ui.widgets.data_table import DataTable
from sellerdesk.ui.widgets.figure_card import FigureCard

TODAY, LAST_7, THIS_MONTH, CUSTOM = range(4)


def read_cases(shop: ShopFile, start: date, end: date, today: date):
    """Off the GUI thread: the period's figures, its cases, and the calendar's campaigns (for the picker)."""
    return (
        returns.figures(shop, start, end, today),
        returns.list_cases(shop, start, end),
        campaigns.list_campaigns(shop),
    )


class CasesView(QWidget):
    shown = Signal()  # figures on screen (tests wait for it)
    edit_requested = Signal(object)  # Case

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = clock
        self.shop: ShopFile | None = None
        self.figures: AfterSalesFigures | None = None
        self.reads = ReadLane(self, threads=1)
        self.period = QComboBox(self)
        self.period.setObjectName("casesPeriod")
        for _ in range(4):
            self.period.addItem("")
        self.campaign_items: list = []
        today = clock().date()
        self.start = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _: self.refresh())
        self.start.setObjectName("casesStart")
        self.end.setObjectName("casesEnd")
        self.period.currentIndexChanged.connect(self._period_changed)
        self.cards = {name: FigureCard(name, self) for name in ("cases", "save_rate", "per_case", "past_due")}
        self.reasons_model, self.items_model = ReasonCountsModel(self), ItemRatesModel(self)
        self.risk_model, self.due_model, self.cases_model = AtRiskModel(self), CasesModel(self), CasesModel(self)
        self.tables = QTabWidget(self)
        self.tables.setObjectName("casesTables")
        self.case_table = DataTable(self.cases_model, self)
        self.due_table = DataTable(self.due_model, self)
        for model, table in (
            (self.cases_model, self.case_table),
            (self.reasons_model, None),
            (self.items_model, None),
            (self.due_model, self.due_table),
            (self.risk_model, None),
        ):
            self.tables.addTab(table or DataTable(model, self), "")
        for table, model in ((self.case_table, self.cases_model), (self.due_table, self.due_model)):
            table.doubleClicked.connect(
                lambda index, m=model, t=table: self.edit_requested.emit(m.row_at(t.proxy.mapToSource(index).row()))
            )
        self.period_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.period_label)
        bar.addWidget(self.period)
        bar.addWidget(self.start)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.end)
        bar.addStretch(1)
        cards = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(cards)
        layout.addWidget(self.tables, 1)
        self.retranslate_ui()

    def _period_changed(self, index: int) -> None:
        today = self.clock().date()
        if index == TODAY:
            start, end = today, today
        elif index == LAST_7:
            start, end = today - timedelta(days=6), today
        elif index == THIS_MONTH:
            start, end = today.replace(day=1), today
        elif index >= CUSTOM + 1 and index - CUSTOM - 1 < len(self.campaign_items):
            campaign = self.campaign_items[index - CUSTOM - 1]
            start, end = campaign.start, campaign.end
        else:
            return  # custom: the dates as typed
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        shop = self.shop
        if shop is None:
            return
        start, end, today = self.start.date().toPython(), self.end.date().toPython(), self.clock().date()
        if end < start:
            start, end = end, start
        self.reads.start(
            lambda progress, cancel: read_cases(shop, start, end, today),
            self._show,
            lambda exc: show_failure(self, QCoreApplication.translate("CasesView", "After-sales"), exc),
            kind="figures",
        )

    def _show(self, result) -> None:
        figures, cases, campaign_list = result
        self.figures = figures
        self._fill_campaigns(campaign_list)
        self.cases_model.set_rows(cases)
        self.reasons_model.set_rows(figures.cases_by_reason)
        self.items_model.set_rows(figures.return_rate_by_item)
        self.due_model.set_rows(figures.open_past_follow_up)
        self.risk_model.set_rows(figures.at_risk_buyers)
        self._show_cards()
        self.shown.emit()

    def _fill_campaigns(self, campaign_list: list) -> None:
        if [c.id for c in campaign_list] == [c.id for c in self.campaign_items]:
            return
        current = self.period.currentIndex()
        self.period.blockSignals(True)
        while self.period.count() > CUSTOM + 1:
            self.period.removeItem(self.period.count() - 1)
        self.campaign_items = list(campaign_list)
        for campaign in self.campaign_items:
            self.period.addItem(campaign.name)
        self.period.setCurrentIndex(min(current, self.period.count() - 1))
        self.period.blockSignals(False)

    def _show_cards(self) -> None:
        f = self.figures
        if f is None:
            return
        rate = f.exchange_save_rate
        self.cards["cases"].show_figure(
            QCoreApplication.translate("CasesView", "Cases"),
            labels.count(f.cases),
            QCoreApplication.translate("CasesView", "{start} – {end}").format(start=f.day_start, end=f.day_end),
        )
        self.cards["save_rate"].show_figure(
            QCoreApplication.translate("CasesView", "Exchanges that saved a refund"),
            labels.percent(rate, 0),
            QCoreApplication.translate("CasesView", "{ex} exchanged, {re} refunded (buyer's reasons)").format(
                ex=f.exchanges, re=f.refunds
            ),
        )
        self.cards["per_case"].show_figure(
            QCoreApplication.translate("CasesView", "Compensation per case"),
            labels.money(f.compensation_per_case_fen),
            QCoreApplication.translate("CasesView", "{total} in all").format(total=labels.money(f.compensation_fen)),
        )
        self.cards["past_due"].show_figure(
            QCoreApplication.translate("CasesView", "Open past follow-up"),
            labels.count(len(f.open_past_follow_up)),
            QCoreApplication.translate("CasesView", "{n} buyer(s) at risk of a bad review").format(
                n=len(f.at_risk_buyers)
            ),
        )

    def retranslate_ui(self) -> None:
        self.period_label.setText(QCoreApplication.translate("CasesView", "Period"))
        for i, text in enumerate(
            (
                QCoreApplication.translate("CasesView", "Today"),
                QCoreApplication.translate("CasesView", "Last 7 days"),
                QCoreApplication.translate("CasesView", "This month"),
                QCoreApplication.translate("CasesView", "Dates below"),
            )
        ):
            self.period.setItemText(i, text)
        titles = (
            QCoreApplication.translate("CasesView", "Cases"),
            QCoreApplication.translate("CasesView", "By reason"),
            QCoreApplication.translate("CasesView", "Return rate per item"),
            QCoreApplication.translate("CasesView", "Past follow-up"),
            QCoreApplication.translate("CasesView", "Buyers at risk"),
        )
        for i, title in enumerate(titles):
            self.tables.setTabText(i, title)
        for model in (self.reasons_model, self.items_model, self.risk_model, self.due_model, self.cases_model):
            model.retranslate()
        self._show_cards()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
