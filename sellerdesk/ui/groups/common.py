"""What the group dialogs share: a read lane off the GUI thread, inline messages, small helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtWidgets import QLabel, QWidget

from sellerdesk.ui.i18n import pick
from sellerdesk.ui.tasks import Task

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
OK_STYLE = "color: #1b6e20;"


class Reads(QObject):
    """Read-only service calls on the dialog's own pool; `kind` keeps only the newest answer.

    Every service call opens its own SQLite connection, so reads may run beside
    the window's write lane. A stale answer (a newer request of the same kind
    was made) is dropped, so a slow count never overwrites a newer one.
    """

    def __init__(self, parent: QObject | None = None, threads: int = 2):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._latest: dict[str, Task] = {}
        self._running: list[Task] = []

    def start(self, kind: str, fn: Callable[..., Any], on_result: Callable[[Any], None],
              on_failure: Callable[[BaseException], None]) -> Task:
        task = Task(fn, self)
        older = self._latest.get(kind)
        if older is not None:
            older.cancel()
        self._latest[kind] = task
        task.succeeded.connect(lambda result: on_result(result) if self._latest.get(kind) is task else None)
        task.failed.connect(lambda exc: on_failure(exc)
                            if self._latest.get(kind) is task and not task.cancelled else None)
        task.done.connect(lambda: self._finished(task, kind))
        self._running.append(task)
        self._pool.start(task.runnable)
        return task

    def pending(self, kind: str) -> bool:
        task = self._latest.get(kind)
        return task is not None and not task.finished

    def drop(self, kind: str) -> None:
        """Cancel the pending request of this kind; its answer, if it still comes, is ignored."""
        task = self._latest.pop(kind, None)
        if task is not None:
            task.cancel()

    def _finished(self, task: Task, kind: str) -> None:
        self._running = [t for t in self._running if t is not task]
        if self._latest.get(kind) is task:
            del self._latest[kind]
        task.deleteLater()

    def stop(self) -> None:
        """Cancel what runs and wait (the dialog is closing: no answer may arrive afterwards)."""
        for task in self._running:
            task.cancel()
        self._latest.clear()
        self._pool.waitForDone()


def message_label(parent: QWidget, name: str) -> QLabel:
    """A word-wrapped plain-text label for inline reasons and notices."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, style: str = ERROR_STYLE) -> None:
    label.setStyleSheet(style)
    label.setText(text)
    label.setVisible(bool(text))


def reason(exc: BaseException) -> str | None:
    """A service's own (zh, en) reason in the UI language; None for unexpected failures."""
    zh, en = getattr(exc, "message_zh", None), getattr(exc, "message_en", None)
    return pick(zh, en) if (zh or en) else None
