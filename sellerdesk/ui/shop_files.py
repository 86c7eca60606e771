"""File > Open shop database… and File > Back up shop database…"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow

from sellerdesk.services.backup import backup_shop
from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.errors import show_failure
from sellerdesk.ui.tasks import Task, TaskRunner
from sellerdesk.ui.ui_state import UiState
from sellerdesk.ui.widgets.progress_dialog import TaskProgressDialog



def _database_filter() -> str:
    return QCoreApplication.translate("ShopFiles", "SellerDesk shop (*.sqlite *.db);;All files (*)")


def ask_database_path(parent: QMainWindow, state: UiState, current: ShopFile | None) -> Path | None:
    """An existing shop file, or a new file name (SellerDesk creates it)."""
    start = state.last_database_dir or (str(current.path.parent) if current else "")
    dialog = QFileDialog(parent, QCoreApplication.translate("ShopFiles", "Open or create a shop database"), start,
                         _database_filter())
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)  # a new name creates an empty shop
    dialog.setDefaultSuffix("sqlite")
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    state.last_database_dir = str(path.parent)
    return path


def backup_interactively(window: QMainWindow, runner: TaskRunner, state: UiState, shop: ShopFile) -> Task | None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    folder = Path(state.last_backup_dir or shop.path.parent)
    suggested = folder / f"{shop.path.stem}-backup-{stamp}{shop.path.suffix or '.sqlite'}"
    title = QCoreApplication.translate("ShopFiles", "Back up the shop database")
    target, _ = QFileDialog.getSaveFileName(window, title, str(suggested),
                                            _database_filter())
    if not target:
        return None
    state.last_backup_dir = str(Path(target).parent)
    return start_backup(window, runner, shop, Path(target))


def start_backup(window: QMainWindow, runner: TaskRunner, shop: ShopFile, target: Path) -> Task:
    task = Task(lambda progress, cancel: backup_shop(shop, target, progress=progress, cancel=cancel), window)
    task.succeeded.connect(lambda path: window.statusBar().showMessage(
        QCoreApplication.translate("ShopFiles", "Backup saved: {path}").format(path=path), 15000))

    def failed(exc: BaseException) -> None:
        if task.cancelled:
            window.statusBar().showMessage(QCoreApplication.translate(
                "ShopFiles", "Backup cancelled; no backup file was written."), 15000)
        else:
            show_failure(window, QCoreApplication.translate("ShopFiles", "Backup failed"), exc)

    task.failed.connect(failed)
    TaskProgressDialog(
        task, lambda: QCoreApplication.translate("ShopFiles", "Backing up the shop database…"), window)
    return runner.start(task)
