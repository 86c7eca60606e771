"""Copying committed pages from the WAL into the database file beside the writer.

In WAL mode every committed page is written twice: into the -wal file, then, by a
checkpoint, into the database file. SQLite checkpoints on its own in the thread that
commits, once the WAL is over 1,000 pages, so after a big import's commit the import
waited while ~700 MB were copied (1,000,000 orders: 1.5-2 s, all of it after the
work). A series of commits (the load, then each index it dropped) instead hands each
commit to a thread with a connection of its own, which copies it while the writer goes
on with the next (SQLite runs without the GIL, on the core the writer leaves idle).
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from pathlib import Path


class TrailingCheckpoint:
    """Use as a context manager around a series of commits on conn; call committed() after
    each. conn's automatic checkpoint is off meanwhile; on leaving, the thread is joined and
    conn copies what is left (its last commit), so the file is whole, as before."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self._conn, self._path = conn, path
        self._wake: queue.SimpleQueue[bool] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._was = 1000

    def __enter__(self) -> TrailingCheckpoint:
        self._was = self._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        self._conn.execute("PRAGMA wal_autocheckpoint = 0")
        return self

    def committed(self) -> None:
        """Pages committed on conn so far are copied on the thread (started on first use)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
            self._thread.start()
        self._wake.put(True)

    def __exit__(self, *exc) -> None:
        if self._thread is not None:
            self._wake.put(False)
            self._thread.join()
        self._conn.execute(f"PRAGMA wal_autocheckpoint = {int(self._was)}")
        if not self._conn.in_transaction:  # (a failed commit's rollback leaves nothing to copy)
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:  # the copying is left to the final checkpoint on the writer's connection
            return self._drain()
        try:
            while self._wake.get():
                # PASSIVE never waits for a lock and never blocks the writer; a busy reader only
                # means fewer pages copied now, and the final checkpoint copies the rest
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            self._drain()
        finally:
            conn.close()

    def _drain(self) -> None:
        while self._wake.get():
            pass
