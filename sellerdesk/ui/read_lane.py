"""Read-only service calls off the GUI thread, newest request wins (the Customers tab and the group dialogs).

Reads may run in parallel with each other and with the window's write lane:
every service call opens its own SQLite connection (WAL mode). A ReadLane
runs Tasks (sellerdesk/ui/tasks.py) on its own small thread pool; `latest`
drops the answer to a request that a newer one of the same kind replaced
(typing "138" sends three searches; only the last one's ids are shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from sellerdesk.ui.tasks import Task

_THREADS = 2
_FORGET_AFTER_MS = 2000


class ReadLane(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = _THREADS):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: list[Task] = []
        self._latest: dict[str, Task] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, fn: Callable[..., Any], on_result: Callable[[Any], None],
              on_failure: Callable[[BaseException], None], kind: str | None = None) -> Task:
        """Run fn(progress, cancel) on the pool; call on_result (GUI thread) unless a newer `kind` replaced it."""
        task = Task(fn, self)
        if kind is not None:
            older = self._latest.get(kind)
            if older is not None:
                older.cancel()
            self._latest[kind] = task

        def current() -> bool:
            return kind is None or self._latest.get(kind) is task

        task.succeeded.connect(lambda result: on_result(result) if current() else None)
        task.failed.connect(lambda exc: on_failure(exc) if current() and not task.cancelled else None)
        task.done.connect(lambda: self._finished(task, kind))
        was_busy = self.busy
        self._running.append(task)
        self._pool.start(task.runnable)
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def forget(self, kind: str) -> None:
        """Drop the answer of the running request of this kind (a newer answer came from elsewhere)."""
        older = self._latest.pop(kind, None)
        if older is not None:
            older.cancel()

    def pending(self, kind: str) -> bool:
        task = self._latest.get(kind)
        return task is not None and not task.finished

    def _finished(self, task: Task, kind: str | None) -> None:
        self._running = [t for t in self._running if t is not task]
        if kind is not None and self._latest.get(kind) is task:
            del self._latest[kind]
        # Later, not now: the worker may still be returning from run() when `done` arrives here.
        QTimer.singleShot(_FORGET_AFTER_MS, task.deleteLater)
        if not self._running:
            self.busy_changed.emit(False)

    def stop(self) -> None:
        """Cancel what runs and wait (a dialog is closing: no answer may arrive afterwards)."""
        for task in self._running:
            task.cancel()
        self._latest.clear()
        self._pool.waitForDone()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
