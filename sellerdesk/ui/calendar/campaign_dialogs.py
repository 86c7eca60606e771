"""Small calendar dialogs: move a campaign to the platform's announced dates; staff names and reminder lead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.promo import Campaign
from sellerdesk.services.calendar_settings import CalendarSettings
from sellerdesk.ui.groups.common import message_label


class MoveCampaignDialog(QDialog):
    """Pick the new main day; every task and phase moves by the same number of days."""

    def __init__(self, campaign: Campaign, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("moveCampaignDialog")
        self.campaign = campaign
        self.setWindowTitle(
            QCoreApplication.translate("MoveCampaignDialog", "Move “{name}”").format(name=campaign.name)
        )
        anchor = campaign.anchor
        self.new_day = QDateEdit(QDate(anchor.year, anchor.month, anchor.day), self)
        self.new_day.setObjectName("moveNewDay")
        self.new_day.setCalendarPopup(True)
        self.new_day.setDisplayFormat("yyyy-MM-dd")
        self.summary = message_label(self, "moveSummary")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(
            QLabel(
                QCoreApplication.translate("MoveCampaignDialog", "Main day now: {day}").format(day=anchor.isoformat()),
                self,
            )
        )
        form.addRow(QCoreApplication.translate("MoveCampaignDialog", "New main day"), self.new_day)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.new_day.dateChanged.connect(self._update)
        self._update()

    def days(self) -> int:
        return (self.new_day.date().toPython() - self.campaign.anchor).days

    def _update(self) -> None:
        days = self.days()
        self.summary.setText(
            QCoreApplication.translate(
                "MoveCampaignDialog",
                "Every task and phase moves by {days} day(s); times of day, checklists and notes stay as they are.",
            ).format(days=days)
            if days
            else QCoreApplication.translate("MoveCampaignDialog", "Pick the day the platform announced.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(days != 0)


class SettingsDialog(QDialog):
    """Shop staff (task owners) and the default reminder lead time."""

    def __init__(self, settings: CalendarSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendarSettingsDialog")
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Staff and reminders"))
        self.staff = QPlainTextEdit("\n".join(settings.staff), self)
        self.staff.setObjectName("settingsStaff")
        self.staff.setPlaceholderText(QCoreApplication.translate("SettingsDialog", "One name per line, e.g. 小王"))
        self.lead = QSpinBox(self)
        self.lead.setObjectName("settingsLead")
        self.lead.setRange(0, 7 * 24 * 60)
        self.lead.setSuffix(QCoreApplication.translate("SettingsDialog", " min"))
        self.lead.setValue(settings.lead_minutes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SettingsDialog", "Staff (task owners)"), self.staff)
        form.addRow(QCoreApplication.translate("SettingsDialog", "Remind before a task starts"), self.lead)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "SettingsDialog", "A reminder also comes at the start of each task or window."
                ),
                self,
            )
        )
        layout.addWidget(self.buttons)

    def values(self) -> CalendarSettings:
        names = tuple(dict.fromkeys(n.strip() for n in self.staff.toPlainText().splitlines() if n.strip()))
        return CalendarSettings(staff=names, lead_minutes=self.lead.value())
