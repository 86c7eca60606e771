"""Driving the main window the way a user does: dropping files, reading what it shows."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from sellerdesk.services.shop import ShopFile
from sellerdesk.ui.main_window import MainWindow

IMPORT_TIMEOUT_MS = 60_000


def file_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_enter(widget: QWidget, paths: list[Path]) -> bool:
    """Send a drag-enter with these files; True when the window would accept the drop."""
    mime = file_mime(paths)  # the event does not own it: keep it alive while the event is handled
    event = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.ignore()
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def drop_files(widget: QWidget, paths: list[Path]) -> None:
    """What the OS sends when the user drops files: drag-enter, then drop."""
    assert drag_enter(widget, paths)
    mime = file_mime(paths)
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def card(window, name: str) -> tuple[str, str, str]:
    """(caption, value, note) as the Overview shows them."""
    c = window.overview.cards[name]
    return c.caption.text(), c.value.text(), c.note.text()


def import_by_drop(qtbot, window, paths: list[Path]):
    """Drop files and wait until the import (and its summary) is done; returns the summary dialog."""
    with qtbot.waitSignal(window.importer.summary_shown, timeout=IMPORT_TIMEOUT_MS) as shown:
        drop_files(window, paths)
    return shown.args[0]


GROUPS_AS_OF = date(2025, 12, 1)  # the group dialogs' demo shop ends on this day


class FakeClock:
    """The shop's clock in tests: set `now` to move time (reminders, late tasks, 'today')."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def copy_shop(source: Path, target: Path) -> ShopFile:
    """A consistent copy of a shop file built once per module (it is in WAL mode: never copy bytes)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return ShopFile(target)


def open_window(qtbot, shop: ShopFile, translations, ui_state, clock: FakeClock) -> MainWindow:
    """The main window on `shop` with the fake clock, shown offscreen."""
    window = MainWindow(ui_state, translations, clock=clock)
    qtbot.addWidget(window)
    assert window.open_shop(shop)
    window.show()
    qtbot.waitExposed(window)
    return window
