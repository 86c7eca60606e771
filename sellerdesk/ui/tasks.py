"""Running one service call off the GUI thread, with progress and Cancel.

A Task wraps `fn(progress=..., cancel=...)`; it runs on the runner's write
lane (a one-thread pool, so two writes never race) and reports back on the
GUI thread through queued signals. The service opens its own SQLite
connection in the worker thread; nothing Qt or SQLite crosses threads.
Failures arrive as `failed(exception)` and are shown, never swallowed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from sellerdesk.services.jobs import CancelToken

_PROGRESS_EVERY_S = 0.05  # at most 20 progress signals a second


class _WorkerSignals(QObject):
    """Lives on the GUI thread; emitted from the worker (so delivery is queued)."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], token: CancelToken, signals: _WorkerSignals):
        super().__init__()
        self.setAutoDelete(False)  # the Task keeps it until done
        self._fn, self._token, self._signals = fn, token, signals
        self._last_report = 0.0

    def _progress(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_report >= _PROGRESS_EVERY_S:
            self._last_report = now
            self._signals.progressed.emit(max(0.0, min(1.0, fraction)), message)

    def run(self) -> None:
        try:
            result = self._fn(progress=self._progress, cancel=self._token)
        except BaseException as exc:  # delivered to the GUI thread and shown there
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Task(QObject):
    """One operation. Connect to the signals, then hand it to TaskRunner.start()."""

    progressed = Signal(float, str)  # fraction 0..1, message (usually a file name)
    succeeded = Signal(object)  # the service's return value
    failed = Signal(object)  # the exception
    done = Signal()  # after succeeded or failed

    def __init__(self, fn: Callable[..., Any], parent: QObject | None = None):
        super().__init__(parent)
        self.token = CancelToken()
        self._signals = _WorkerSignals(self)
        self._signals.progressed.connect(self.progressed)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self.runnable = _Runnable(fn, self.token, self._signals)
        self.finished = False

    def cancel(self) -> None:
        """Answer at once; the worker notices at its next check and rolls back."""
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def _on_succeeded(self, result: object) -> None:
        self.finished = True
        self.succeeded.emit(result)
        self.done.emit()

    def _on_failed(self, exc: object) -> None:
        self.finished = True
        self.failed.emit(exc)
        self.done.emit()


class TaskRunner(QObject):
    """The window's write lane: one task at a time, in order."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: list[Task] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, task: Task) -> Task:
        was_busy = self.busy
        self._running.append(task)
        task.done.connect(self._on_done)
        self._pool.start(task.runnable)
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def _on_done(self) -> None:
        self._running = [t for t in self._running if not t.finished]
        if not self._running:
            self.busy_changed.emit(False)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (window closing: after cancel_all)."""
        return self._pool.waitForDone(msecs)


def delete_when_finished(dialog) -> None:
    """Delete a dialog once it has finished and the Tasks it owns (its direct children: its writes) are done.

    Deleting it at once would delete a write still running with it: the answer would have no
    signal left to arrive on (its changes would never reach the window) and the runner would
    stay busy for good. The dialog, hidden, waits for that answer, then goes."""
    deleting = False

    def finished(_result: int | None = None) -> None:
        nonlocal deleting
        if deleting:
            return
        pending = [t for t in dialog.findChildren(Task, options=Qt.FindChildOption.FindDirectChildrenOnly)
                   if not t.finished]
        if pending:
            for task in pending:
                task.done.connect(finished)
            return
        deleting = True
        dialog.deleteLater()

    dialog.finished.connect(finished)
