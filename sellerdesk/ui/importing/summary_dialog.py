"""After an import: what each file was, what it added, and every rejected row."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from sellerdesk.exporters import ExportError
from sellerdesk.exporters.atomic_file import atomic_write
from sellerdesk.exporters.safe_cells import safe_text
from sellerdesk.services.importing import FileResult
from sellerdesk.ui.i18n import pick
from sellerdesk.ui.models.file_results import FileResultsModel
from sellerdesk.ui.models.rejected_rows import RejectedRowsModel
from sellerdesk.ui.models.rows_model import RowsModel
from sellerdesk.ui.widgets.data_table import DataTable

# Marked for lupdate here, translated when shown (see _tr).
_TEXTS = {
    "title": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Import summary"),
    "headline": QT_TRANSLATE_NOOP(
        "ImportSummaryDialog", "{imported} of {total} files imported: {added} orders added, {updated} orders "
                               "updated, {buyers} new buyers, {rejected} rows rejected."),
    "rejected_title": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Rejected rows ({n})"),
    "rejected_note": QT_TRANSLATE_NOOP(
        "ImportSummaryDialog", "These rows were skipped; the rest of each file was imported. Fix them in the file "
                               "and import it again: orders already imported are updated, not doubled."),
    "truncated": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Only the first {kept} are listed."),
    "copy": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Copy"),
    "copy_tip": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Copy the selected rows (or all rows) to paste into Excel"),
    "export": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Export…"),
    "close": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Close"),
    "cancelled": QT_TRANSLATE_NOOP("ImportSummaryDialog", "{file}: cancelled, nothing from this file was imported."),
    "not_mapped": QT_TRANSLATE_NOOP(
        "ImportSummaryDialog", "{file}: not imported, because its columns were not mapped. Import it again to "
                               "map them."),
    "export_name": QT_TRANSLATE_NOOP("ImportSummaryDialog", "rejected-rows.csv"),
    "export_title": QT_TRANSLATE_NOOP("ImportSummaryDialog", "Export rejected rows"),
    "export_filter": QT_TRANSLATE_NOOP("ImportSummaryDialog", "CSV for Excel (*.csv)"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("ImportSummaryDialog", _TEXTS[key])


class ImportSummaryDialog(QDialog):
    def __init__(self, files: list[FileResult], parent: QWidget | None = None, *, export_dir: str = ""):
        super().__init__(parent)
        self.setObjectName("importSummaryDialog")
        self.files = files
        self.export_dir = export_dir
        self.files_model = FileResultsModel(files, self)
        self.rejected_model = RejectedRowsModel([e for f in files for e in f.errors], self)
        self.rejected_total = sum(f.rows_rejected for f in files if f.imported)

        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setStyleSheet("color: #b3261e;")
        self.files_table = DataTable(self.files_model, self)
        self.files_table.fit_columns()

        self.rejected_box = QGroupBox(self)
        self.rejected_note = QLabel(self.rejected_box)
        self.rejected_note.setWordWrap(True)
        self.rejected_table = DataTable(self.rejected_model, self.rejected_box)
        self.rejected_table.fit_columns()
        self.copy_button = QPushButton(self.rejected_box)
        self.copy_button.clicked.connect(lambda: self.rejected_table.copy_rows())
        self.export_button = QPushButton(self.rejected_box)
        self.export_button.clicked.connect(self.export_rejected)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.rejected_note, 1)
        buttons_row.addWidget(self.copy_button)
        buttons_row.addWidget(self.export_button)
        box_layout = QVBoxLayout(self.rejected_box)
        box_layout.addLayout(buttons_row)
        box_layout.addWidget(self.rejected_table)
        self.rejected_box.setVisible(self.rejected_model.rowCount() > 0)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.files_table)
        splitter.addWidget(self.rejected_box)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.problems)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        has_rejected = self.rejected_box.isVisibleTo(self)
        self.resize(1120, 640 if has_rejected else 360)
        # The files table as tall as its rows (a few files), the rest for the rejected rows.
        rows_height = self.files_table.verticalHeader().defaultSectionSize() * min(len(files), 8)
        files_height = self.files_table.horizontalHeader().sizeHint().height() + rows_height + 24
        splitter.setSizes([files_height, 400 if has_rejected else 0])
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        imported = [f for f in self.files if f.imported]
        self.setWindowTitle(_tr("title"))
        self.headline.setText(_tr("headline").format(
            imported=len(imported), total=len(self.files),
            added=f"{sum(f.counts.orders_added for f in imported):,}",
            updated=f"{sum(f.counts.orders_updated for f in imported):,}",
            buyers=f"{sum(f.counts.buyers_added for f in imported):,}",
            rejected=f"{self.rejected_total:,}"))
        problems = [self._problem(f) for f in self.files if not f.imported]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.rejected_box.setTitle(_tr("rejected_title").format(n=f"{self.rejected_total:,}"))
        kept = self.rejected_model.rowCount()
        note = _tr("rejected_note")
        if kept < self.rejected_total:
            note += " " + _tr("truncated").format(kept=f"{kept:,}")
        self.rejected_note.setText(note)
        self.copy_button.setText(_tr("copy"))
        self.copy_button.setToolTip(_tr("copy_tip"))
        self.export_button.setText(_tr("export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("close"))
        self.files_model.retranslate()
        self.rejected_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @staticmethod
    def _problem(f: FileResult) -> str:
        if f.cancelled:
            return _tr("cancelled").format(file=f.file_name)
        if f.needs_mapping:
            return _tr("not_mapped").format(file=f.file_name)
        return f"{f.file_name}: {pick(f.error.message_zh, f.error.message_en)}" if f.error else f.file_name

    def export_rejected(self) -> None:
        start = str(Path(self.export_dir or Path.home()) / _tr("export_name"))
        path, _ = QFileDialog.getSaveFileName(self, _tr("export_title"), start, _tr("export_filter"))
        if not path:
            return
        try:
            write_csv(Path(path), self.rejected_model)
        except ExportError as exc:  # says which file and why (atomic_write turns OSError into it)
            QMessageBox.warning(self, _tr("export_title"), pick(exc.message_zh, exc.message_en))


def write_csv(path: Path, model: RowsModel) -> None:
    """UTF-8 with BOM (Excel opens it right), written whole or not at all (ExportError); every cell goes
    through the exporters' safe_text, so none is run as a formula (＝, leading spaces, LF included)."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(safe_text(c.header()) for c in model.columns)
            for r in range(model.rowCount()):
                writer.writerow(safe_text(model.cell_text(r, c)) for c in range(model.columnCount()))

    atomic_write(path, write)
