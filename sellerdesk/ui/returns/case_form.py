"""Log the case in the same motion: order, reason, what was offered, outcome, cost, status, follow-up.

Filled from the reply in progress (its order, the script's reason and
suggested outcome); the agent adjusts and presses Ctrl+S. A follow-up day
becomes a to-do on the promo calendar (the services do it in the same write).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sellerdesk.domain.cases import CaseDraft, CaseError, CaseStatus, Outcome
from sellerdesk.domain.scripts import REASONS, Script
from sellerdesk.ui.groups.common import ERROR_STYLE, OK_STYLE, message_label, reason, show_message
from sellerdesk.ui.i18n import lang

FOLLOW_UP_DAYS = 2  # the default follow-up: the day after tomorrow (a returned parcel's usual trip)


class CaseForm(QGroupBox):
    submitted = Signal(object)  # CaseDraft, valid

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseForm")
        self.today = today
        self.buyer_id: int | None = None
        self.platform: str | None = None
        self.script_key: str | None = None
        self.order = QLineEdit(self)
        self.order.setObjectName("caseOrder")
        self.reason = QComboBox(self)
        self.reason.setObjectName("caseReason")
        for r in REASONS:
            self.reason.addItem("", r.key)
        self.offered = QLineEdit(self)
        self.offered.setObjectName("caseOffered")
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("caseOutcome")
        self.outcome.addItem("", None)
        for o in Outcome:
            self.outcome.addItem("", o.value)
        self.cost = QDoubleSpinBox(self)
        self.cost.setObjectName("caseCost")
        self.cost.setRange(0, 100_000)
        self.cost.setDecimals(2)
        self.cost.setPrefix("¥")
        self.status = QComboBox(self)
        self.status.setObjectName("caseStatus")
        for s in CaseStatus:
            self.status.addItem("", s.value)
        self.has_follow_up = QCheckBox(self)
        self.has_follow_up.setObjectName("caseHasFollowUp")
        self.follow_up = QDateEdit(self)
        self.follow_up.setObjectName("caseFollowUp")
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("yyyy-MM-dd")
        self.follow_up.setEnabled(False)
        self.has_follow_up.toggled.connect(self.follow_up.setEnabled)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("caseNotes")
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("caseSubmit")
        self.submit_button.clicked.connect(self.submit)
        self.message = message_label(self, "caseMessage")
        self.message.setVisible(False)
        self.labels = [QLabel(self) for _ in range(8)]
        follow = QHBoxLayout()
        follow.addWidget(self.has_follow_up)
        follow.addWidget(self.follow_up, 1)
        form = QFormLayout(self)
        for label, field in zip(
            self.labels,
            (self.order, self.reason, self.offered, self.outcome, self.cost, self.status, follow, self.notes),
        ):
            form.addRow(label, field)
        form.addRow(self.submit_button, self.message)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.retranslate_ui()
        self.clear()

    # -- filling ----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.order.clear()
        self.offered.clear()
        self.notes.clear()
        self.cost.setValue(0)
        self.outcome.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.has_follow_up.setChecked(False)
        day = self.today + timedelta(days=FOLLOW_UP_DAYS)
        self.follow_up.setDate(QDate(day.year, day.month, day.day))
        self.buyer_id = self.platform = self.script_key = None

    def use_context(self, order_no: str | None, buyer_id: int | None, platform: str | None) -> None:
        """The reply is about this order and buyer now."""
        self.order.setText(order_no or "")
        self.buyer_id, self.platform = buyer_id, platform

    def use_script(self, script: Script) -> None:
        """The agent picked a script: its reason, and its suggested outcome as a starting point."""
        self.script_key = script.key
        index = self.reason.findData(script.reason)
        if index >= 0:
            self.reason.setCurrentIndex(index)
        outcome = self.outcome.findData(script.outcome) if script.outcome else 0
        self.outcome.setCurrentIndex(max(outcome, 0))

    def load(self, case) -> None:
        """Show a stored case for editing (the order and the buyer stay as logged)."""
        self.order.setText(case.order_no)
        self.order.setReadOnly(True)
        self.buyer_id, self.platform, self.script_key = case.buyer_id, case.platform, case.script_key
        self.reason.setCurrentIndex(max(0, self.reason.findData(case.reason)))
        self.offered.setText(case.offered)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(case.outcome.value if case.outcome else None)))
        self.cost.setValue(case.cost_fen / 100)
        self.status.setCurrentIndex(max(0, self.status.findData(case.status.value)))
        self.has_follow_up.setChecked(case.follow_up is not None)
        if case.follow_up is not None:
            self.follow_up.setDate(QDate(case.follow_up.year, case.follow_up.month, case.follow_up.day))
        self.notes.setText(case.notes)

    def _status_changed(self) -> None:
        # A case waiting for the buyer usually needs a look again: offer the follow-up day.
        if self.status.currentData() == CaseStatus.WAITING_BUYER.value:
            self.has_follow_up.setChecked(True)

    # -- values -----------------------------------------------------------------------------------
    def values(self) -> CaseDraft | None:
        outcome = self.outcome.currentData()
        draft = CaseDraft(
            order_no=self.order.text().strip(),
            reason=self.reason.currentData() or "",
            platform=self.platform,
            buyer_id=self.buyer_id,
            script_key=self.script_key,
            offered=self.offered.text().strip(),
            outcome=Outcome(outcome) if outcome else None,
            cost_fen=round(self.cost.value() * 100),
            status=CaseStatus(self.status.currentData()),
            follow_up=self.follow_up.date().toPython() if self.has_follow_up.isChecked() else None,
            notes=self.notes.text().strip(),
        )
        try:
            draft.validate()
        except CaseError as exc:
            show_message(self.message, reason(exc) or str(exc), ERROR_STYLE)
            return None
        return draft

    def submit(self) -> CaseDraft | None:
        draft = self.values()
        if draft is not None:
            self.submitted.emit(draft)
        return draft

    def show_logged(self, order_no: str) -> None:
        show_message(
            self.message,
            QCoreApplication.translate("CaseForm", "Case for order {no} logged.").format(no=order_no),
            OK_STYLE,
        )

    def show_error(self, exc: BaseException) -> None:
        show_message(self.message, reason(exc) or str(exc), ERROR_STYLE)

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setTitle(QCoreApplication.translate("CaseForm", "Log the case"))
        texts = (
            QCoreApplication.translate("CaseForm", "Order"),
            QCoreApplication.translate("CaseForm", "Reason"),
            QCoreApplication.translate("CaseForm", "Offered"),
            QCoreApplication.translate("CaseForm", "Outcome"),
            QCoreApplication.translate("CaseForm", "Cost to the shop"),
            QCoreApplication.translate("CaseForm", "Status"),
            QCoreApplication.translate("CaseForm", "Follow up"),
            QCoreApplication.translate("CaseForm", "Notes"),
        )
        for label, text in zip(self.labels, texts):
            label.setText(text)
        for i, r in enumerate(REASONS):
            self.reason.setItemText(i, r.name(lang()))
        self.outcome.setItemText(0, QCoreApplication.translate("CaseForm", "(not yet)"))
        for i, o in enumerate(Outcome, start=1):
            self.outcome.setItemText(i, o.label(lang()))
        for i, s in enumerate(CaseStatus):
            self.status.setItemText(i, s.label(lang()))
        self.offered.setPlaceholderText(
            QCoreApplication.translate("CaseForm", "e.g. exchange + free shipping, a small gift, ¥5 back")
        )
        self.has_follow_up.setText(QCoreApplication.translate("CaseForm", "remind me on"))
        self.submit_button.setText(QCoreApplication.translate("CaseForm", "Log case (Ctrl+S)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
