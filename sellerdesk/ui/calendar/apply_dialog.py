"""Apply a playbook: which plan, for which festival and year; shows the main day and the span before creating."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.festivals import FESTIVALS
from sellerdesk.domain.playbooks import Playbook, expand
from sellerdesk.ui.groups.common import message_label
from sellerdesk.ui.i18n import lang


class ApplyPlaybookDialog(QDialog):
    """`playbooks`: key -> Playbook; `main_day(festival, year)` gives the festival's day (almanac-aware)."""

    def __init__(self, playbooks: dict[str, Playbook], main_day, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("applyPlaybookDialog")
        self.playbooks = playbooks
        self.main_day = main_day
        self.playbook = QComboBox(self)
        self.playbook.setObjectName("applyPlaybookKey")
        for key, pb in playbooks.items():
            self.playbook.addItem(pb.name_zh if lang() == "zh" else pb.name_en, key)
        self.festival = QComboBox(self)
        self.festival.setObjectName("applyFestival")
        for key, festival in FESTIVALS.items():
            self.festival.addItem(festival.name_zh if lang() == "zh" else festival.name_en, key)
        self.year = QSpinBox(self)
        self.year.setObjectName("applyYear")
        self.year.setRange(2000, 2099)
        self.year.setValue(today.year)
        self.allow_second = QCheckBox(self)
        self.allow_second.setObjectName("applyAllowSecond")
        self.preview = message_label(self, "applyPreview")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self.playbook)
        self.form.addRow(QLabel(self), self.festival)
        self.form.addRow(QLabel(self), self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.allow_second)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.playbook.currentIndexChanged.connect(self._playbook_changed)
        self.festival.currentIndexChanged.connect(self._update)
        self.year.valueChanged.connect(self._update)
        self.retranslate_ui()
        self._playbook_changed()
        # Default to the next festival this playbook is for: this year's if still ahead.
        if self.chosen_playbook() and self.chosen_playbook().festival:
            pb_festival = self.chosen_playbook().festival
            if self.main_day(pb_festival, today.year) < today:
                self.year.setValue(today.year + 1)

    def chosen_playbook(self) -> Playbook | None:
        return self.playbooks.get(self.playbook.currentData())

    def values(self) -> tuple[str, str, int, bool]:
        """(playbook key, festival key, year, allow a second campaign of the same festival and year)."""
        return (
            self.playbook.currentData(),
            self.festival.currentData(),
            self.year.value(),
            self.allow_second.isChecked(),
        )

    def _playbook_changed(self) -> None:
        pb = self.chosen_playbook()
        if pb is not None and pb.festival:
            index = self.festival.findData(pb.festival)
            if index >= 0:
                self.festival.setCurrentIndex(index)
        self._update()

    def _update(self) -> None:
        pb = self.chosen_playbook()
        ok = pb is not None
        if ok:
            day = self.main_day(self.festival.currentData(), self.year.value())
            phases, drafts = expand(pb, day, lang())
            first = min([d.starts_at.date() for d in drafts] + [p.start for p in phases], default=day)
            last = max([(d.ends_at or d.starts_at).date() for d in drafts] + [p.end for p in phases], default=day)
            self.preview.setText(
                QCoreApplication.translate(
                    "ApplyPlaybookDialog",
                    "Main day {day}. Creates {n} tasks from {first} to {last}, in {p} phases; "
                    "move them later if the platform announces other dates.",
                ).format(
                    day=day.isoformat(), n=len(drafts), first=first.isoformat(), last=last.isoformat(), p=len(phases)
                )
            )
        else:
            self.preview.setText(QCoreApplication.translate("ApplyPlaybookDialog", "No playbook to apply."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("ApplyPlaybookDialog", "Apply a playbook"))
        for row, text in enumerate(
            (
                QCoreApplication.translate("ApplyPlaybookDialog", "Playbook"),
                QCoreApplication.translate("ApplyPlaybookDialog", "Festival"),
                QCoreApplication.translate("ApplyPlaybookDialog", "Year"),
            )
        ):
            self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(text)
        self.allow_second.setText(
            QCoreApplication.translate(
                "ApplyPlaybookDialog", "Create it even if this festival already has a campaign this year"
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ApplyPlaybookDialog", "Create tasks")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._update()
        super().changeEvent(event)
