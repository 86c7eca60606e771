"""The retrospective tab (复盘报告): pick a campaign or dates, type what the exports lack, make the PDF.

One click writes the PDF (and, if asked, the same figures as an xlsx
workbook) off the GUI thread with progress and Cancel, then opens it. The
comparison defaults to the same festival last year, or the same number of
days right before.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.errors import ImportCancelled
from sellerdesk.domain.retrospective import ReportPeriod
from sellerdesk.services import campaigns, reports
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import (
    ERROR_STYLE,
    OK_STYLE,
    message_label,
    reason,
    show_message,
)
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.reports.channel_grid import ChannelGrid
from sellerdesk.ui.reports.notes_editor import NotesEditor
from sellerdesk.ui.widgets.progress_dialog import TaskProgressDialog


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _span(parent: QWidget, start: QDateEdit, end: QDateEdit) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(start, 1)
    row.addWidget(QLabel("–", parent))
    row.addWidget(end, 1)
    return row


class ReportsPage(QWidget):
    changes_made = Signal(object)
    period_shown = Signal()  # the period is worked out and the grid and notes follow it
    report_written = Signal(object)  # WrittenReport

    def __init__(self, runner, clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.runner, self.clock = runner, clock
        self.shop: ShopFile | None = None
        self.period: ReportPeriod | None = None
        self.campaign_list: list = []
        self.open_after = True  # tests turn it off: no viewer to open in CI
        self.reads = ReadLane(self, threads=1)
        self.work = ReadLane(self, threads=1)  # the report itself: long, cancellable
        self.dirty = True

        today = clock().date()
        self.by_campaign, self.by_dates = QRadioButton(self), QRadioButton(self)
        self.by_campaign.setObjectName("reportByCampaign")
        self.by_dates.setObjectName("reportByDates")
        self.what = QButtonGroup(self)
        self.what.addButton(self.by_campaign)
        self.what.addButton(self.by_dates)
        self.campaign = QComboBox(self)
        self.campaign.setObjectName("reportCampaign")
        self.campaign.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign.setMinimumContentsLength(12)
        self.start, self.end = _date_edit(self, "reportStart"), _date_edit(self, "reportEnd")
        self.start.setDate(_qdate(today - timedelta(days=30)))
        self.end.setDate(_qdate(today - timedelta(days=1)))
        self.compare_default, self.compare_dates = QRadioButton(self), QRadioButton(self)
        self.compare_dates.setObjectName("reportCompareDates")
        self.compare_group = QButtonGroup(self)
        self.compare_group.addButton(self.compare_default)
        self.compare_group.addButton(self.compare_dates)
        self.compare_default.setChecked(True)
        self.compare_start, self.compare_end = (
            _date_edit(self, "reportCompareStart"),
            _date_edit(self, "reportCompareEnd"),
        )
        self.language = QComboBox(self)
        self.language.setObjectName("reportLanguage")
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.full = QCheckBox(self)
        self.full.setObjectName("reportFull")
        self.with_xlsx = QCheckBox(self)
        self.with_xlsx.setObjectName("reportXlsx")
        self.make_button = QPushButton(self)
        self.make_button.setObjectName("reportMake")
        font = self.make_button.font()
        font.setBold(True)
        self.make_button.setFont(font)
        self.summary = message_label(self, "reportPeriod")
        self.outcome = message_label(self, "reportOutcome")
        self.outcome.setVisible(False)

        self.grid = ChannelGrid(runner, self)
        self.notes = NotesEditor(runner, self)
        self.side = QTabWidget(self)
        self.side.setObjectName("reportInputs")
        self.side.addTab(self.grid, "")
        self.side.addTab(self.notes, "")

        self.period_box, self.compare_box, self.output_box = QGroupBox(self), QGroupBox(self), QGroupBox(self)
        # Radio above its fields (not beside them): the column stays narrow on a small screen.
        period_layout = QVBoxLayout(self.period_box)
        period_layout.addWidget(self.by_campaign)
        period_layout.addWidget(self.campaign)
        period_layout.addWidget(self.by_dates)
        period_layout.addLayout(_span(self, self.start, self.end))
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.addWidget(self.compare_default)
        compare_layout.addWidget(self.compare_dates)
        compare_layout.addLayout(_span(self, self.compare_start, self.compare_end))
        output = QVBoxLayout(self.output_box)
        self.language_label = QLabel(self)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language, 1)
        output.addLayout(language_row)
        output.addWidget(self.full)
        output.addWidget(self.with_xlsx)
        output.addWidget(self.make_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.period_box, self.compare_box, self.summary, self.output_box, self.outcome):
            left_layout.addWidget(widget)
        left_layout.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for signal in (
            self.by_campaign.toggled,
            self.campaign.currentIndexChanged,
            self.start.dateChanged,
            self.end.dateChanged,
            self.compare_default.toggled,
            self.compare_start.dateChanged,
            self.compare_end.dateChanged,
        ):
            signal.connect(lambda *_: self.work_out_period())
        self.make_button.clicked.connect(self.ask_and_make)
        self.grid.changes_made.connect(self.changes_made)
        self.notes.changes_made.connect(self.changes_made)
        self.retranslate_ui()

    # -- the period -------------------------------------------------------------------------------
    def set_shop(self, shop: ShopFile) -> None:
        self.shop = shop
        self.dirty = True
        if self.isVisible():
            self.load_campaigns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.dirty and self.shop is not None:
            self.load_campaigns()

    def apply_changes(self, changes: Changes) -> None:
        if changes.calendar:
            self.dirty = True
            if self.isVisible():
                self.load_campaigns()

    def load_campaigns(self) -> None:
        shop = self.shop
        if shop is None:
            return
        self.dirty = False
        self.reads.start(
            lambda progress, cancel: campaigns.list_campaigns(shop),
            self._show_campaigns,
            lambda exc: show_failure(self, self._title(), exc),
            kind="campaigns",
        )

    def _show_campaigns(self, campaign_list: list) -> None:
        current = self.campaign.currentData()
        self.campaign_list = campaign_list
        self.campaign.blockSignals(True)
        self.campaign.clear()
        today = self.clock().date()
        for c in sorted(campaign_list, key=lambda c: c.anchor, reverse=True):
            self.campaign.addItem(f"{c.name}  ({c.anchor:%Y-%m-%d})", c.id)
        # Default: the campaign kept last time, else the latest one whose main day has passed.
        index = self.campaign.findData(current)
        if index < 0:
            index = next(
                (i for i in range(self.campaign.count()) if self._campaign(self.campaign.itemData(i)).anchor <= today),
                0,
            )
        self.campaign.setCurrentIndex(index)
        self.campaign.blockSignals(False)
        has = bool(campaign_list)
        self.by_campaign.setEnabled(has)
        self.campaign.setEnabled(has)
        if not self.by_campaign.isChecked() and not self.by_dates.isChecked():
            (self.by_campaign if has else self.by_dates).setChecked(True)
        elif not has:
            self.by_dates.setChecked(True)
        self.work_out_period()

    def _campaign(self, campaign_id):
        return next((c for c in self.campaign_list if c.id == campaign_id), None)

    def work_out_period(self) -> None:
        """The period as chosen (a campaign's selling window from the service), then the grid and notes."""
        shop = self.shop
        if shop is None:
            return
        compare = None
        if self.compare_dates.isChecked():
            compare = (self.compare_start.date().toPython(), self.compare_end.date().toPython())
        if self.by_campaign.isChecked() and self.campaign.currentData() is not None:
            campaign_id = self.campaign.currentData()

            def period(progress, cancel):
                found = reports.default_period_for_campaign(shop, campaign_id)
                if compare is None:
                    return found
                return ReportPeriod(found.start, found.end, *compare, found.campaign_id, found.label)
        else:
            start, end = self.start.date().toPython(), self.end.date().toPython()

            def period(progress, cancel):
                return reports.period_for_dates(start, end, *(compare or (None, None)))

        self.reads.start(period, self._show_period, self._period_failed, kind="period")

    def _show_period(self, period: ReportPeriod) -> None:
        self.period = period
        self.make_button.setEnabled(True)
        compare = (
            QCoreApplication.translate("ReportsPage", "compared with {start} – {end}").format(
                start=period.compare_start, end=period.compare_end
            )
            if period.has_compare
            else ""
        )
        show_message(
            self.summary,
            QCoreApplication.translate("ReportsPage", "Report on {start} – {end} ({n} days) {compare}").format(
                start=period.start, end=period.end, n=period.days, compare=compare
            ),
            OK_STYLE,
        )
        if not self.compare_dates.isChecked() and period.has_compare:
            for edit, day in ((self.compare_start, period.compare_start), (self.compare_end, period.compare_end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        campaign = self._campaign(period.campaign_id)
        self.grid.set_period(self.shop, period.start, period.end, period.campaign_id)
        self.notes.set_period(
            self.shop,
            period.campaign_id,
            period.start,
            period.end,
            campaign.festival_key if campaign else None,
            campaign.year if campaign else None,
        )
        self.period_shown.emit()

    def _period_failed(self, exc: BaseException) -> None:
        self.period = None
        self.make_button.setEnabled(False)
        show_message(self.summary, reason(exc) or str(exc), ERROR_STYLE)

    # -- making the report ------------------------------------------------------------------------
    def default_folder(self) -> Path:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home())

    def ask_and_make(self) -> None:
        if self.period is None:
            return
        label = self.period.label or f"{self.period.start}_{self.period.end}"
        name = QCoreApplication.translate("ReportsPage", "{label} retrospective.pdf").format(label=label)
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ReportsPage", "Save the report"),
            str(self.default_folder() / name),
            QCoreApplication.translate("ReportsPage", "PDF (*.pdf)"),
        )
        if path:
            self.make(Path(path))

    def make(self, pdf_path: Path):
        """Write the PDF (and the xlsx beside it when asked) off the GUI thread, with progress and Cancel."""
        shop, period = self.shop, self.period
        if shop is None or period is None:
            return None
        if pdf_path.suffix.lower() != ".pdf":
            pdf_path = pdf_path.with_suffix(".pdf")
        xlsx_path = pdf_path.with_suffix(".xlsx") if self.with_xlsx.isChecked() else None
        language, masked, now = self.language.currentData(), not self.full.isChecked(), self.clock()
        task = self.work.start(
            lambda progress, cancel: reports.write_report(
                shop, period, pdf_path, xlsx_path, language, masked, as_of=now, progress=progress, cancel=cancel
            ),
            self._written,
            self._failed,
            kind="report",
        )
        TaskProgressDialog(task, lambda: QCoreApplication.translate("ReportsPage", "Making the report…"), self)
        self.make_button.setEnabled(False)
        return task

    def _written(self, written) -> None:
        self.make_button.setEnabled(True)
        text = QCoreApplication.translate("ReportsPage", "{pages} page(s) written to {path}").format(
            pages=written.pages, path=written.pdf_path
        )
        if written.xlsx_path:
            text += "\n" + QCoreApplication.translate("ReportsPage", "Figures workbook: {path}").format(
                path=written.xlsx_path
            )
        show_message(self.outcome, text, OK_STYLE)
        self.report_written.emit(written)
        if self.open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written.pdf_path)))

    def _failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        if isinstance(exc, ImportCancelled):
            show_message(
                self.outcome, QCoreApplication.translate("ReportsPage", "Cancelled: no file written."), ERROR_STYLE
            )
            return
        show_failure(self, self._title(), exc)

    # -- language ---------------------------------------------------------------------------------
    def _title(self) -> str:
        return QCoreApplication.translate("ReportsPage", "Retrospective report")

    def retranslate_ui(self) -> None:
        self.period_box.setTitle(QCoreApplication.translate("ReportsPage", "Report on"))
        self.by_campaign.setText(QCoreApplication.translate("ReportsPage", "Campaign"))
        self.by_dates.setText(QCoreApplication.translate("ReportsPage", "Dates"))
        self.compare_box.setTitle(QCoreApplication.translate("ReportsPage", "Compare with"))
        self.compare_default.setText(
            QCoreApplication.translate("ReportsPage", "Automatic")
        )
        self.compare_default.setToolTip(
            QCoreApplication.translate(
                "ReportsPage", "The same festival's campaign last year, or else the same number of days right before"
            )
        )
        self.full.setToolTip(
            QCoreApplication.translate(
                "ReportsPage", "Names and phone numbers in full, for a copy that stays in the shop (masked by default)"
            )
        )
        self.compare_dates.setText(QCoreApplication.translate("ReportsPage", "These dates"))
        self.output_box.setTitle(QCoreApplication.translate("ReportsPage", "The report"))
        self.language_label.setText(QCoreApplication.translate("ReportsPage", "Language"))
        self.full.setText(QCoreApplication.translate("ReportsPage", "Full personal data (internal copy)"))
        self.with_xlsx.setText(QCoreApplication.translate("ReportsPage", "Also save an xlsx workbook"))
        self.make_button.setText(QCoreApplication.translate("ReportsPage", "Make the PDF report…"))
        self.side.setTabText(0, QCoreApplication.translate("ReportsPage", "Spend and traffic"))
        self.side.setTabText(1, QCoreApplication.translate("ReportsPage", "Notes"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def shut_down(self) -> None:
        self.shop = self.grid.shop = self.notes.shop = None  # nothing starts after this
        self.reads.stop()
        self.work.stop()
        self.grid.reads.stop()
        self.notes.reads.stop()
