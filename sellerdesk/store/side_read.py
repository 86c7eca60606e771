"""Reads on a second connection, on a thread, beside the caller's own reads.

SQLite runs a statement without holding the GIL, so two connections reading at
once use both cores: the report reads half of its distinct-buyer figures this
way. Each connection has its own snapshot; the two are the same shop when no
import committed between their starts (every change to the orders, and to the
tables derived from them, comes with an import's row in the log). When one did,
the caller's connection does the work itself, inside its own snapshot, so the
figures never mix two states of the shop.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from sellerdesk.store.db import Store
from sellerdesk.store.imports_log import imports_mark

T = TypeVar("T")


class SideRead(Generic[T]):
    """work(conn) on a connection of its own (opened by `opener`, e.g. ShopFile.open), in a read
    transaction, started at once.

    result(conn) returns it, or runs work(conn) on the caller's connection (already in
    its read transaction) when the side saw another state of the shop or could not
    read (a locked or busy file). close() stops an unfinished side read (Cancel).
    """

    def __init__(self, opener: Callable[[], Store], work: Callable[[sqlite3.Connection], T]):
        self._opener, self._work = opener, work
        self._conn: sqlite3.Connection | None = None
        self._mark: tuple[int, int] | None = None
        self._value: T | None = None
        self._error: BaseException | None = None
        self._unavailable = False  # the side connection could not be opened
        self._stopped = False
        self._ready = threading.Lock()  # guards _conn between the thread and close()
        self._thread = threading.Thread(target=self._run, name="side-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            store = self._opener()
        except Exception:  # noqa: BLE001  locked, busy, unreadable: the caller reads it all itself
            self._unavailable = True
            return
        try:
            with self._ready:
                if self._stopped:
                    return
                self._conn = store.conn
            store.conn.execute("BEGIN")
            try:
                self._mark = imports_mark(store.conn)
                self._value = self._work(store.conn)
            finally:
                store.conn.execute("ROLLBACK")  # read only (temp tables aside)
        except BaseException as exc:  # noqa: BLE001  reported by result()
            self._error = exc
        finally:
            with self._ready:
                self._conn = None
            store.close()

    def result(self, conn: sqlite3.Connection) -> T:
        self._thread.join()
        if self._error is not None and not isinstance(self._error, sqlite3.Error):
            raise self._error  # a bug in the work, not a busy file: never hidden behind a second try
        if not self._unavailable and self._error is None and self._mark == imports_mark(conn):
            return self._value  # type: ignore[return-value]
        return self._work(conn)

    def close(self) -> None:
        with self._ready:
            self._stopped = True
        while self._thread.is_alive():
            with self._ready:  # again until it ends: an interrupt between two statements is lost
                if self._conn is not None:
                    self._conn.interrupt()
            self._thread.join(0.05)

    def __enter__(self) -> SideRead[T]:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


__all__ = ["SideRead"]
