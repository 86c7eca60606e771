"""One import, start to end: worker, progress, column mapping, summary.

import_files runs on the runner's write lane. Files whose layout is unknown
are then offered to the user one by one in the column-mapping dialog and
imported again with that mapping; the summary shows the final outcome of
every file. Each finished step re-broadcasts its Changes at once, so the
Overview is fresh while dialogs are still open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.tasks import Task, TaskRunner
from sellerdesk.ui.widgets.progress_dialog import SHOW_AFTER_MS, TaskProgressDialog

if TYPE_CHECKING:  # the import stack loads on the first import, not at start-up
    from sellerdesk.services.importing import FileResult, ImportResult
    from sellerdesk.ui.importing.mapping_dialog import ColumnMappingDialog



class ImportController(QObject):
    changes_made = Signal(object)  # Changes, as soon as a step has committed
    mapping_requested = Signal(object)  # the ColumnMappingDialog now open
    summary_shown = Signal(object)  # the ImportSummaryDialog now open
    status_message = Signal(str)
    finished = Signal(object)  # list[FileResult] once everything is done

    def __init__(self, window: QWidget, runner: TaskRunner, *, show_progress_after_ms: int = SHOW_AFTER_MS):
        super().__init__(window)
        self._window = window
        self._runner = runner
        self.show_progress_after_ms = show_progress_after_ms
        self.export_dir = ""
        self._shop: ShopFile | None = None
        self._results: list[FileResult] = []
        self._to_map: list[FileResult] = []
        self._asked: set[Path] = set()  # files already offered for mapping in this import
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None

    @property
    def active(self) -> bool:
        return self._shop is not None

    def start(self, shop: ShopFile, paths: list[str | Path]) -> bool:
        """Import the files; False when an import is already running."""
        if self.active or self._runner.busy or not paths:
            return False
        self._shop = shop
        self._results, self._to_map, self._asked = [], [], set()
        files = [Path(p) for p in paths]
        self._run(files, None, lambda: QCoreApplication.translate(
            "ImportController", "Importing {n} file(s)…").format(n=len(files)))
        return True

    def _run(self, files: list[Path], mapping: dict[str, str] | None, title) -> None:
        shop = self._shop

        def work(progress, cancel) -> ImportResult:
            from sellerdesk.services.importing import import_files

            return import_files(shop, files, mapping=mapping, progress=progress, cancel=cancel)

        self.task = Task(work, self)
        self.task.succeeded.connect(self._on_imported)
        self.task.failed.connect(self._on_failed)
        self.progress_dialog = TaskProgressDialog(self.task, title, self._window,
                                                  show_after_ms=self.show_progress_after_ms)
        self._runner.start(self.task)

    def _on_imported(self, result: ImportResult) -> None:
        if result.changes.any:
            self.changes_made.emit(result.changes)
        for new in result.files:
            old = next((i for i, f in enumerate(self._results) if f.path == new.path), None)
            if old is None:
                self._results.append(new)
            else:  # a re-import with a mapping replaces the first attempt
                self._results[old] = new
        if not result.cancelled:
            for f in result.files:
                if f.needs_mapping and f.path not in self._asked:
                    self._asked.add(f.path)
                    self._to_map.append(f)
        self._next_mapping()

    def _on_failed(self, exc: BaseException) -> None:
        show_failure(self._window, QCoreApplication.translate("ImportController", "Import failed"), exc)
        # Files finished before the failure stay imported: refresh everything to be safe.
        self.changes_made.emit(Changes(orders=True, buyers=True, refunds=True, imports=True))
        self._finish()

    def _next_mapping(self) -> None:
        if not self._to_map:
            self._show_summary()
            return
        pending = self._to_map.pop(0)
        from sellerdesk.ui.importing.mapping_dialog import ColumnMappingDialog

        dialog = ColumnMappingDialog(pending.file_name, list(getattr(pending.error, "headers", [])), self._window)
        dialog.setModal(True)
        dialog.finished.connect(lambda code, d=dialog, f=pending: self._on_mapped(d, f, code))
        dialog.open()
        self.mapping_requested.emit(dialog)

    def _on_mapped(self, dialog: ColumnMappingDialog, pending: FileResult, code: int) -> None:
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted:
            self._next_mapping()
            return
        name = pending.file_name
        self._run([pending.path], dialog.mapping(),
                  lambda: QCoreApplication.translate("ImportController", "Importing {file}…").format(file=name))

    def _show_summary(self) -> None:
        results = self._results
        if results and all(f.cancelled for f in results):
            self.status_message.emit(QCoreApplication.translate(
                "ImportController", "Import cancelled. The database is as it was before."))
            self._finish()
            return
        from sellerdesk.ui.importing.summary_dialog import ImportSummaryDialog

        dialog = ImportSummaryDialog(results, self._window, export_dir=self.export_dir)
        dialog.setModal(True)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        imported = [f for f in results if f.imported]
        self.status_message.emit(QCoreApplication.translate(
            "ImportController", "Imported {n} of {total} file(s): {orders} orders added.").format(
            n=len(imported), total=len(results), orders=f"{sum(f.counts.orders_added for f in imported):,}"))
        self.summary_shown.emit(dialog)
        self._finish()

    def _finish(self) -> None:
        results = self._results
        self._shop, self._results, self._to_map = None, [], []
        self.task = None
        self.finished.emit(results)
