"""Target breakdown (seed 003): what this year's festival target implies in returning buyers per group.

Share method: last year's repeat-buyer share of the festival's sales times
this year's target. State method: last year's return rates of active,
reactivated and awakened buyers applied to this year's counts. Figures the
history cannot give are shown as "—" with the reason, never guessed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.festivals import FESTIVALS
from sellerdesk.domain.promo import Campaign
from sellerdesk.domain.targets import TargetBreakdown
from sellerdesk.services.shop import ShopFile
from sellerdesk.services.target_breakdown import target_breakdown
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import WARNING_STYLE, message_label, show_message
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.labels import count, money, percent
from sellerdesk.ui.read_lane import ReadLane


class TargetDialog(QDialog):
    target_saved = Signal(int, int)  # campaign id, target in fen: the page writes it

    def __init__(self, shop: ShopFile, today, campaigns: list[Campaign], parent: QWidget | None = None):
        """`campaigns`: those on the calendar; the festival and year of one of them can keep its target."""
        super().__init__(parent)
        self.campaigns = campaigns
        self.setObjectName("targetDialog")
        self.shop, self.today = shop, today
        self.reads = ReadLane(self, threads=1)
        self.result: TargetBreakdown | None = None
        self.festival = QComboBox(self)
        self.festival.setObjectName("targetFestival")
        for key, festival in FESTIVALS.items():
            self.festival.addItem(festival.name_zh if lang() == "zh" else festival.name_en, key)
        self.festival.setCurrentIndex(max(0, self.festival.findData("1111")))
        self.year = QSpinBox(self)
        self.year.setObjectName("targetYear")
        self.year.setRange(2001, 2099)
        self.year.setValue(today.year)
        self.target = QDoubleSpinBox(self)
        self.target.setObjectName("targetAmount")
        self.target.setRange(0, 1e10)
        self.target.setDecimals(0)
        self.target.setSingleStep(10000)
        self.target.setPrefix("¥")
        self.target.setGroupSeparatorShown(True)
        self.compute_button = QPushButton(QCoreApplication.translate("TargetDialog", "Compute"), self)
        self.compute_button.setObjectName("targetCompute")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("targetSave")
        self.save_button.clicked.connect(self._save_target)
        self.summary = message_label(self, "targetSummary")
        self.missing = message_label(self, "targetMissing")
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("targetTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TargetDialog", "Buyers"),
                QCoreApplication.translate("TargetDialog", "Last year: in the group"),
                QCoreApplication.translate("TargetDialog", "…bought at the festival"),
                QCoreApplication.translate("TargetDialog", "Return rate"),
                QCoreApplication.translate("TargetDialog", "This year: in the group"),
                QCoreApplication.translate("TargetDialog", "Expected buyers"),
                QCoreApplication.translate("TargetDialog", "Expected sales"),
            ]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("TargetDialog", "Festival"), self.festival)
        form.addRow(QCoreApplication.translate("TargetDialog", "Year"), self.year)
        form.addRow(QCoreApplication.translate("TargetDialog", "Shop target (sales)"), self.target)
        layout = QVBoxLayout(self)
        layout.addWidget(message_label(self, "targetHelp"))
        layout.itemAt(0).widget().setText(
            QCoreApplication.translate(
                "TargetDialog",
                "Active: last countable order 30–60 days before the festival; reactivated: 61–180 days; "
                "awakened: 181–365 days. Rates come from last year's festival, counts from your orders "
                "up to today.",
            )
        )
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.compute_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.missing)
        layout.addWidget(buttons)
        self.setWindowTitle(QCoreApplication.translate("TargetDialog", "Target breakdown"))
        self.compute_button.clicked.connect(self.compute)
        for signal in (self.festival.currentIndexChanged, self.year.valueChanged, self.target.valueChanged):
            signal.connect(self._campaign_changed)
        self._campaign_changed()
        self.resize(900, 560)

    def campaign(self) -> Campaign | None:
        """The calendar's campaign of the chosen festival and year, if there is one."""
        festival, year = self.festival.currentData(), self.year.value()
        return next((c for c in self.campaigns if c.festival_key == festival and c.year == year), None)

    def _campaign_changed(self) -> None:
        campaign = self.campaign()
        if campaign is not None and campaign.target_fen and self.target.value() == 0:
            self.target.setValue(campaign.target_fen / 100)  # start from the target kept last time
        self.save_button.setEnabled(campaign is not None and self.target.value() > 0)
        self.save_button.setText(
            QCoreApplication.translate("TargetDialog", "Keep as the target of “{name}”").format(name=campaign.name)
            if campaign is not None
            else QCoreApplication.translate("TargetDialog", "Apply a playbook for this festival to keep the target")
        )

    def _save_target(self) -> None:
        campaign = self.campaign()
        if campaign is not None and self.target.value() > 0:
            self.target_saved.emit(campaign.id, round(self.target.value() * 100))

    def compute(self) -> None:
        shop, festival, year, today = self.shop, self.festival.currentData(), self.year.value(), self.today
        target = round(self.target.value() * 100) or None
        self.compute_button.setEnabled(False)
        self.reads.start(
            lambda progress, cancel: target_breakdown(shop, festival, year, target, today),
            self._show,
            self._failed,
            kind="target",
        )

    def _failed(self, exc: BaseException) -> None:
        self.compute_button.setEnabled(True)
        show_failure(self, QCoreApplication.translate("TargetDialog", "Target breakdown"), exc)

    def _show(self, result: TargetBreakdown) -> None:
        self.compute_button.setEnabled(True)
        self.result = result
        self.table.setRowCount(0)
        for f in result.states:
            r = self.table.rowCount()
            self.table.insertRow(r)
            cells = (
                f.name_zh if lang() == "zh" else f.name_en,
                count(f.last_pool),
                count(f.last_returned),
                percent(f.rate),
                count(f.pool),
                count(f.expected_buyers),
                money(f.expected_fen),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        lines = [
            QCoreApplication.translate(
                "TargetDialog", "Average order value: {aov}. Returning buyers expected: {n}, bringing {fen}."
            ).format(aov=money(result.aov_fen), n=count(result.expected_buyers), fen=money(result.expected_fen))
        ]
        share = result.share
        if share is not None and share.repeat_share is not None:
            lines.append(
                QCoreApplication.translate(
                    "TargetDialog",
                    "Share method: repeat buyers brought {share} of last year's festival "
                    "sales, so {repeat} of the {target} target should come from them.",
                ).format(
                    share=percent(share.repeat_share), repeat=money(share.repeat_fen), target=money(share.target_fen)
                )
            )
        if result.gap_fen is not None:
            if result.gap_fen > 0:
                lines.append(
                    QCoreApplication.translate(
                        "TargetDialog",
                        "Shortfall: {gap} more from repeat buyers, about {n} more returning "
                        "buyers to win back (pool building, awakening dormant buyers).",
                    ).format(gap=money(result.gap_fen), n=count(result.buyers_needed))
                )
            else:
                lines.append(
                    QCoreApplication.translate(
                        "TargetDialog", "The expected returning buyers cover the repeat-buyer target."
                    )
                )
        self.summary.setText("\n".join(lines))
        notes = [n.message(lang()) for n in result.missing]
        show_message(self.missing, "\n".join(notes), WARNING_STYLE)

    def done(self, result: int) -> None:
        self.reads.stop()
        super().done(result)
