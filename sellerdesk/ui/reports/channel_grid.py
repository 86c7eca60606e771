"""Spend and traffic per channel for the report's period: typed in a grid or imported from xlsx.

These figures are not in order exports (直通车 spend, UV, PV ...). The grid
shows the period's rows; Save replaces the period's figures with the grid in
one write (the service checks every row first and names the one that is
wrong). A whole-campaign figure is typed as one row on the period's first day.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.channels import ChannelDay
from sellerdesk.services import channel_data
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui import labels
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.groups.common import (
    ERROR_STYLE,
    OK_STYLE,
    message_label,
    reason,
    show_message,
)
from sellerdesk.ui.i18n import lang
from sellerdesk.ui.read_lane import ReadLane
from sellerdesk.ui.reports.channel_mapping import ChannelMappingDialog
from sellerdesk.ui.reports.channel_model import CHANNEL, DAY, ChannelModel
from sellerdesk.ui.tasks import Task, TaskRunner


class _DayDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        return editor

    def setEditorData(self, editor, index):
        day = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(QDate(day.year, day.month, day.day))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.date().toPython())


class _ChannelDelegate(QStyledItemDelegate):
    def __init__(self, channels, parent=None):
        super().__init__(parent)
        self.channels = channels

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        for channel in self.channels:
            editor.addItem(channel.name(lang()), channel.key)
        return editor

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData())


class ChannelGrid(QWidget):
    changes_made = Signal(object)
    loaded = Signal()  # rows read (tests wait for it)
    mapping_asked = Signal(object)  # the column-mapping dialog of a file to import, open

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.shop: ShopFile | None = None
        self.period: tuple[date, date] | None = None
        self.campaign_id: int | None = None
        self.reads = ReadLane(self, threads=1)
        self.channels = channel_data.list_channels(None)
        self.model = ChannelModel({c.key: (c.zh, c.en) for c in self.channels}, self)
        self.table = QTableView(self)
        self.table.setObjectName("channelGrid")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(DAY, _DayDelegate(self.table))
        self.table.setItemDelegateForColumn(CHANNEL, _ChannelDelegate(self.channels, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(CHANNEL, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.save_button, self.import_button = QPushButton(self), QPushButton(self)
        self.add_button.setObjectName("channelAdd")
        self.save_button.setObjectName("channelSave")
        self.import_button.setObjectName("channelImport")
        self.totals = QLabel(self)
        self.totals.setObjectName("channelTotals")
        self.totals.setWordWrap(True)
        self.message = message_label(self, "channelMessage")
        self.message.setVisible(False)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.import_button)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save)
        self.import_button.clicked.connect(self.ask_import)
        self.model.edited.connect(lambda: self.save_button.setEnabled(True))
        self.model.refused.connect(lambda text: show_message(self.message, QCoreApplication.translate(
            "ChannelGrid", "“{text}” is not a figure: type a number such as 1,234.50.").format(text=text), ERROR_STYLE))
        self.save_button.setEnabled(False)
        self.retranslate_ui()

    def set_period(self, shop: ShopFile, start: date, end: date, campaign_id: int | None) -> None:
        self.shop, self.period, self.campaign_id = shop, (start, end), campaign_id
        self.load()

    def load(self) -> None:
        shop, period = self.shop, self.period
        if shop is None or period is None:
            return
        self.reads.start(
            lambda progress, cancel: (
                channel_data.channel_rows(shop, *period),
                channel_data.channel_totals(shop, *period),
            ),
            self._loaded,
            lambda exc: show_failure(self, self._title(), exc),
            kind="rows",
        )

    def _loaded(self, result) -> None:
        rows, totals = result
        self.model.set_rows(rows)
        self.save_button.setEnabled(False)
        self._show_totals(totals)
        self.loaded.emit()

    def _show_totals(self, totals) -> None:
        if not totals:
            self.totals.setText(
                QCoreApplication.translate(
                    "ChannelGrid",
                    "No spend or traffic entered for these days: the report's channel section will "
                    "say so. Type the figures from each ad tool, or import its xlsx.",
                )
            )
            return
        total = channel_data.grand_total(totals)
        roi = total.roi
        self.totals.setText(
            QCoreApplication.translate(
                "ChannelGrid", "Total: spend {spend}, sales {sales}, ROI {roi}, {uv} visitors"
            ).format(
                spend=labels.money(total.spend_fen),
                sales=labels.money(total.sales_fen),
                roi=labels.MISSING if roi is None else f"{roi:.2f}",
                uv=labels.count(total.uv),
            )
        )

    def add_row(self) -> None:
        if self.period is None:
            return
        used = {(r.day, r.channel) for r in self.model.rows}
        start = self.period[0]
        channel = next((c.key for c in self.channels if (start, c.key) not in used), self.channels[0].key)
        position = self.model.add_row(ChannelDay(start, channel, campaign_id=self.campaign_id))
        self.table.setCurrentIndex(self.model.index(position, 2))
        self.table.edit(self.model.index(position, 2))

    def remove_selected(self) -> None:
        self.model.remove_rows([i.row() for i in self.table.selectionModel().selectedRows()])

    def save(self) -> Task | None:
        shop, period = self.shop, self.period
        if shop is None or period is None:
            return None
        rows = list(self.model.rows)
        task = Task(lambda progress, cancel: channel_data.save_channel_rows(shop, rows, replace_range=period), self)
        task.succeeded.connect(self._saved)
        task.failed.connect(self._save_failed)
        return self.runner.start(task)

    def _saved(self, changes) -> None:
        show_message(self.message, QCoreApplication.translate("ChannelGrid", "Saved."), OK_STYLE)
        self.changes_made.emit(changes)
        self.load()

    def _save_failed(self, exc: BaseException) -> None:
        text = reason(exc)
        if text is None:
            show_failure(self, self._title(), exc)
            return
        row = self.model.mark_error(getattr(exc, "day", None), getattr(exc, "channel", None))
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))
        show_message(self.message, text, ERROR_STYLE)

    # -- import -----------------------------------------------------------------------------------
    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ChannelGrid", "Import spend and traffic"),
            "",
            QCoreApplication.translate("ChannelGrid", "Spreadsheets (*.xlsx *.xls *.csv)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Preview the file off the GUI thread (a big xlsx takes a while), then ask for its columns
        (remembered ones pre-filled) and import it whole."""
        shop = self.shop
        if shop is None:
            return
        self.reads.start(lambda progress, cancel: channel_data.preview_channel_file(shop, path),
                         lambda preview: self._ask_mapping(path, preview),
                         lambda exc: show_failure(self, self._title(), exc), kind="preview")

    def _ask_mapping(self, path: Path, preview) -> ChannelMappingDialog:
        dialog = ChannelMappingDialog(preview, self)
        dialog.accepted.connect(lambda: self._import(path, dialog.mapping()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.mapping_asked.emit(dialog)
        return dialog

    def _import(self, path: Path, mapping: dict[str, str]) -> Task:
        shop = self.shop
        task = Task(lambda progress, cancel: channel_data.import_channel_file(shop, path, mapping), self)
        task.succeeded.connect(self._imported)
        task.failed.connect(lambda exc: show_failure(self, self._title(), exc))
        return self.runner.start(task)

    def _imported(self, result) -> None:
        if result.refused:
            lines = [e.message(lang()) for e in result.rejected[:8]]
            more = result.rejected_count - len(lines)
            if more > 0:
                lines.append(QCoreApplication.translate("ChannelGrid", "… and {n} more").format(n=more))
            show_message(
                self.message,
                QCoreApplication.translate("ChannelGrid", "{file} was not imported (nothing saved):").format(
                    file=result.file
                )
                + "\n"
                + "\n".join(lines),
                ERROR_STYLE,
            )
            return
        show_message(
            self.message,
            QCoreApplication.translate("ChannelGrid", "{file}: {added} row(s) added, {updated} updated.").format(
                file=result.file, added=result.rows_added, updated=result.rows_updated
            ),
            OK_STYLE,
        )
        self.changes_made.emit(result.changes)
        self.load()

    # -- language ---------------------------------------------------------------------------------
    def _title(self) -> str:
        return QCoreApplication.translate("ChannelGrid", "Spend and traffic per channel")

    def retranslate_ui(self) -> None:
        self.title.setText(self._title())
        self.add_button.setText(QCoreApplication.translate("ChannelGrid", "Add row"))
        self.remove_button.setText(QCoreApplication.translate("ChannelGrid", "Remove selected"))
        self.save_button.setText(QCoreApplication.translate("ChannelGrid", "Save figures"))
        self.import_button.setText(QCoreApplication.translate("ChannelGrid", "Import xlsx…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
