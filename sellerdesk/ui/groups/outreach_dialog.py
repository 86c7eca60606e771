"""An outreach list from a group (issue 3, item 7): channel, texts A/B, holdout, preview, export.

The preview (prepare_outreach) runs off the GUI thread; the export
(export_outreach: file written and outreach recorded in one step) runs on the
window's write lane. Any change to the inputs makes the preview stale, and
Export waits for a fresh one, so the file always holds what was previewed.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QEvent, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from sellerdesk.domain.masking import mask_name, mask_phone
from sellerdesk.domain.outreach import HOLDOUT, HOLDOUT_MAX
from sellerdesk.services.clock import shop_today
from sellerdesk.services.outreach import (Channel, OutreachPlan, OutreachPreview, OutreachResult, export_outreach,
                                          prepare_outreach)
from sellerdesk.services.segmentation import Segmentation
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import OK_STYLE, WARNING_STYLE, message_label, reason, show_message
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.groups.message_editor import MessageEditor
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.tasks import Task, TaskRunner

PREVIEW_ROWS = 50

_TEXTS = {
    "title": QT_TRANSLATE_NOOP("OutreachDialog", "Outreach list: {group}"),
    "group": QT_TRANSLATE_NOOP("OutreachDialog", "{group}: {n} buyers (as of {date}); suggested coupon {coupon}"),
    "empty": QT_TRANSLATE_NOOP("OutreachDialog", "This group has no buyers: there is nothing to export."),
    "channel": QT_TRANSLATE_NOOP("OutreachDialog", "Channel:"),
    "send_at": QT_TRANSLATE_NOOP("OutreachDialog", "Send at:"),
    "holdout": QT_TRANSLATE_NOOP("OutreachDialog", "Holdout (control group):"),
    "holdout_tip": QT_TRANSLATE_NOOP("OutreachDialog", "A random share of the group that gets nothing, so a later "
                                                       "report can compare who bought afterwards."),
    "ab": QT_TRANSLATE_NOOP("OutreachDialog", "A/B split: the contacted buyers are split evenly between text A "
                                              "and text B."),
    "preview": QT_TRANSLATE_NOOP("OutreachDialog", "Preview"),
    "previewing": QT_TRANSLATE_NOOP("OutreachDialog", "Preparing the list…"),
    "stale": QT_TRANSLATE_NOOP("OutreachDialog", "Click Preview to see the recipients before exporting."),
    "export": QT_TRANSLATE_NOOP("OutreachDialog", "Export…"),
    "exporting": QT_TRANSLATE_NOOP("OutreachDialog", "Exporting…"),
    "billed": QT_TRANSLATE_NOOP("OutreachDialog", "SMS billed in total: {parts} messages; the longest text has "
                                                  "{n} characters ({p} messages)."),
    "shown": QT_TRANSLATE_NOOP("OutreachDialog", "The first {shown} of {n} recipients:"),
    "written": QT_TRANSLATE_NOOP("OutreachDialog", "Wrote {n} recipients to {path}. The outreach is recorded."),
    "save_title": QT_TRANSLATE_NOOP("OutreachDialog", "Export the outreach list"),
    "filter": QT_TRANSLATE_NOOP("OutreachDialog", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
    "failed": QT_TRANSLATE_NOOP("OutreachDialog", "The list could not be exported"),
    "preview_failed": QT_TRANSLATE_NOOP("OutreachDialog", "The preview could not be prepared"),
    "c_phone": QT_TRANSLATE_NOOP("OutreachDialog", "Phone"),
    "c_name": QT_TRANSLATE_NOOP("OutreachDialog", "Name"),
    "c_account": QT_TRANSLATE_NOOP("OutreachDialog", "Buyer account"),
    "c_arm": QT_TRANSLATE_NOOP("OutreachDialog", "Arm"),
    "c_text": QT_TRANSLATE_NOOP("OutreachDialog", "Text"),
    "c_reachable": QT_TRANSLATE_NOOP("OutreachDialog", "Reachable"),
    "holdout_arm": QT_TRANSLATE_NOOP("OutreachDialog", "holdout"),
    "yes": QT_TRANSLATE_NOOP("OutreachDialog", "yes"),
    "no": QT_TRANSLATE_NOOP("OutreachDialog", "no"),
}
_COLUMNS = ("c_phone", "c_name", "c_account", "c_arm", "c_text", "c_reachable")


def _tr(key: str) -> str:
    return QCoreApplication.translate("OutreachDialog", _TEXTS[key])


class OutreachDialog(QDialog):
    """Make an outreach list from the group `group_key` of `seg`."""

    changes_made = Signal(object)  # Changes, after an export was written and recorded
    exported = Signal(object)  # OutreachResult

    def __init__(self, shop: ShopFile, seg: Segmentation, runner: TaskRunner, group_key: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outreachDialog")
        self.shop, self.seg, self.runner, self.group_key = shop, seg, runner, group_key
        self.group = seg.group(group_key)
        if self.group is None:
            raise KeyError(group_key)
        self.reads = ReadLane(self, threads=1)
        self.preview: OutreachPreview | None = None
        self.result: OutreachResult | None = None
        self._exporting = False

        self.group_label = message_label(self, "outreachGroup")
        self.channel = QComboBox(self)
        self.channel.setObjectName("outreachChannel")
        for channel in Channel:
            self.channel.addItem("", channel.value)
        self.send_at = QDateTimeEdit(self)
        self.send_at.setObjectName("outreachSendAt")
        self.send_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.send_at.setCalendarPopup(True)
        tomorrow = datetime.combine(shop_today() + timedelta(days=1), time(10, 0))
        self.send_at.setDateTime(QDateTime(tomorrow))
        self.holdout = QSpinBox(self)
        self.holdout.setObjectName("outreachHoldout")
        self.holdout.setRange(0, HOLDOUT_MAX)
        self.holdout.setSuffix(" %")
        self.text_a = MessageEditor("textA", parent=self)
        self.text_b = MessageEditor("textB", optional=True, parent=self)
        self.ab_label = message_label(self, "outreachAb")
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("outreachPreview")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("outreachExport")
        self.summary = message_label(self, "outreachSummary")
        self.shown_label = QLabel(self)
        self.table = QTableWidget(0, len(_COLUMNS), self)
        self.table.setObjectName("outreachTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.outcome = message_label(self, "outreachOutcome")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        self.channel_label, self.send_label, self.holdout_label = QLabel(self), QLabel(self), QLabel(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.channel_label, self.channel)
        form.addRow(self.send_label, self.send_at)
        form.addRow(self.holdout_label, self.holdout)
        texts = QHBoxLayout()
        texts.addWidget(self.text_a)
        texts.addWidget(self.text_b)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.group_label)
        layout.addLayout(form)
        layout.addLayout(texts, 1)
        layout.addWidget(self.ab_label)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.shown_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

        for signal in (self.channel.currentIndexChanged, self.send_at.dateTimeChanged, self.holdout.valueChanged,
                       self.text_a.changed, self.text_b.changed):
            signal.connect(self._inputs_changed)
        self.preview_button.clicked.connect(self.run_preview)
        self.export_button.clicked.connect(self.ask_export)
        self.resize(1000, 800)
        self.retranslate_ui()
        self._inputs_changed()

    def prefill(self, channel: str | None, text: str, send_at: datetime | None) -> None:
        """Start from a calendar task's channel, text and time (the user may still change them)."""
        if channel:
            index = self.channel.findData(channel)
            if index >= 0:
                self.channel.setCurrentIndex(index)
        if text:
            self.text_a.set_text(text)
        if send_at is not None:
            self.send_at.setDateTime(QDateTime(send_at))

    # -- inputs -----------------------------------------------------------------------------------
    def current_channel(self) -> Channel:
        return Channel(self.channel.currentData())

    def send_time(self) -> datetime:
        return self.send_at.dateTime().toPython().replace(second=0, microsecond=0)

    def plan(self) -> OutreachPlan:
        text_b = self.text_b.text().strip() and self.text_b.text()
        return OutreachPlan(self.group_key, self.current_channel(), self.text_a.text(), text_b or None,
                            self.holdout.value(), send_at=self.send_time())

    def _inputs_changed(self) -> None:
        channel = self.current_channel()
        self.send_at.setEnabled(channel == Channel.SMS)
        for editor in (self.text_a, self.text_b):
            editor.set_context(channel, self.send_time() if channel == Channel.SMS else None)
        self.ab_label.setText(_tr("ab"))
        self.ab_label.setVisible(bool(self.text_b.text().strip()))
        if self.preview is not None:
            self.preview = None
            self.table.setRowCount(0)
            self.shown_label.setText("")
        self.reads.forget("preview")  # an answer for the old inputs must not be shown
        self._show_state()

    def _show_state(self) -> None:
        empty = self.group.size == 0
        busy = self.reads.pending("preview")
        self.preview_button.setEnabled(not empty and not busy and bool(self.text_a.text().strip()))
        reachable = self.preview is not None and self.preview.summary.contactable > 0
        self.export_button.setEnabled(reachable and not self._exporting)
        if empty:
            show_message(self.summary, _tr("empty"), WARNING_STYLE)
        elif busy:
            show_message(self.summary, _tr("previewing"), "")
        elif self.preview is None:
            show_message(self.summary, _tr("stale"), "")

    # -- preview ----------------------------------------------------------------------------------
    def run_preview(self) -> Task | None:
        if self.group.size == 0 or not self.text_a.text().strip():
            return None
        shop, seg, plan = self.shop, self.seg, self.plan()
        task = self.reads.start(lambda progress, cancel: prepare_outreach(
            shop, seg, plan, progress=progress, cancel=cancel), self._previewed, self._preview_failed, kind="preview")
        self._show_state()
        return task

    def _previewed(self, preview: OutreachPreview) -> None:
        self.preview = preview
        self.outcome.setVisible(False)
        self._fill_table()
        self._show_state()
        self._show_summary()

    def _show_summary(self) -> None:
        preview = self.preview
        if preview is None:
            return
        channel = preview.plan.channel
        text = preview.summary.message(channel, lang())
        if channel == Channel.SMS and preview.summary.recipients:
            n, p = preview.longest()
            text += "\n" + _tr("billed").format(parts=f"{preview.billed_parts:,}", n=n, p=p)
        show_message(self.summary, text, "" if preview.summary.contactable else WARNING_STYLE)

    def _fill_table(self) -> None:
        recipients = self.preview.recipients if self.preview else []
        shown = recipients[:PREVIEW_ROWS]
        self.table.setRowCount(len(shown))
        for row, r in enumerate(shown):
            arm = _tr("holdout_arm") if r.arm == HOLDOUT else r.arm
            reachable = "—" if r.arm == HOLDOUT else _tr("yes") if r.reachable else _tr("no")  # holdout: not sent
            cells = (mask_phone(r.phone), mask_name(r.name), mask_name(r.account), arm, r.text, reachable)
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.shown_label.setText(_tr("shown").format(shown=len(shown), n=f"{len(recipients):,}"))

    def _preview_failed(self, exc: BaseException) -> None:
        self._show_state()
        text = reason(exc)
        if text:
            show_message(self.summary, text)
        else:
            show_failure(self, _tr("preview_failed"), exc)

    # -- export -----------------------------------------------------------------------------------
    def ask_export(self) -> None:
        if self.preview is None:
            return
        name = f"{self.group.name(lang())}-{self.seg.as_of.isoformat()}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(self, _tr("save_title"), name, _tr("filter"))
        if path:
            if Path(path).suffix.lower() not in (".xlsx", ".csv"):
                path += ".csv" if "csv" in chosen.lower() else ".xlsx"
            self.export_to(path)

    def export_to(self, path: str | Path) -> Task | None:
        """Write the previewed list to path (.xlsx or .csv) and record the outreach, on the write lane."""
        if self.preview is None or self._exporting:
            return None
        shop, preview = self.shop, self.preview
        task = Task(lambda progress, cancel: export_outreach(shop, preview, path), self)
        task.succeeded.connect(self._exported)
        task.failed.connect(self._export_failed)
        self._exporting = True
        self.export_button.setText(_tr("exporting"))
        self._show_state()
        return self.runner.start(task)

    def _export_done(self) -> None:
        self._exporting = False
        self.export_button.setText(_tr("export"))
        self._show_state()

    def _exported(self, result: OutreachResult) -> None:
        self._export_done()
        self.result = result
        show_message(self.outcome, _tr("written").format(n=f"{result.written:,}", path=str(result.path)), OK_STYLE)
        self.changes_made.emit(result.changes)
        self.exported.emit(result)

    def _export_failed(self, exc: BaseException) -> None:
        self._export_done()
        text = reason(exc)  # NothingToExport and ExportError say why in both languages
        if text:
            show_message(self.outcome, text, WARNING_STYLE)
        else:
            show_failure(self, _tr("failed"), exc)

    # -- lifecycle --------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.reads.stop()
        super().done(result)

    def retranslate_ui(self) -> None:
        g = self.group
        coupon = g.coupon.text(lang()) if g.coupon else "—"
        self.setWindowTitle(_tr("title").format(group=g.name(lang())))
        text = _tr("group").format(group=g.name(lang()), n=f"{g.size:,}", date=self.seg.as_of.isoformat(),
                                   coupon=coupon)
        self.group_label.setText(text + "\n" + g.explanation(lang()))
        for i in range(self.channel.count()):
            self.channel.setItemText(i, Channel(self.channel.itemData(i)).label(lang()))
        self.channel_label.setText(_tr("channel"))
        self.send_label.setText(_tr("send_at"))
        self.holdout_label.setText(_tr("holdout"))
        self.holdout.setToolTip(_tr("holdout_tip"))
        self.ab_label.setText(_tr("ab"))
        self.preview_button.setText(_tr("preview"))
        self.export_button.setText(_tr("exporting") if self._exporting else _tr("export"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in _COLUMNS])
        if self.preview is not None:
            self._fill_table()
            self._show_summary()
        else:
            self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
