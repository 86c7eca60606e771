"""TrailingCheckpoint: each commit is copied into the database file on a thread while the
writer goes on, and the file is whole when the series ends."""

import sqlite3
import time

from sellerdesk.store.checkpoints import TrailingCheckpoint
from sellerdesk.store.db import open_store


def rows_in_database_file(path, table="t"):
    """Rows as the database file alone has them, without the WAL (immutable: no -wal, no locks)."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # the table's creation is not in the file yet
        return None
    finally:
        conn.close()


def write(conn, table, rows):
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, text TEXT)")
    conn.executemany(f"INSERT INTO {table} (text) VALUES (?)", ((f"row {i} " * 8,) for i in range(rows)))
    conn.execute("COMMIT")


def test_each_commit_is_copied_on_the_thread_and_the_file_is_whole_at_the_end(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    conn = store.conn
    try:
        with TrailingCheckpoint(conn, store.path) as checkpoint:
            assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0  # not in the committing thread
            write(conn, "t", 20_000)
            assert rows_in_database_file(store.path) is None  # committed to the WAL only
            checkpoint.committed()
            deadline = time.monotonic() + 10
            while rows_in_database_file(store.path) != 20_000 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert rows_in_database_file(store.path) == 20_000  # copied before the series ended
            write(conn, "u", 1000)  # the last commit: copied on leaving
        assert rows_in_database_file(store.path, "u") == 1000
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert busy == 0 and frames == copied
    finally:
        store.close()


def test_a_series_that_failed_leaves_the_setting_as_it_was(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    conn = store.conn
    conn.execute("PRAGMA wal_autocheckpoint = 250")
    try:
        try:
            with TrailingCheckpoint(conn, store.path):
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("CREATE TABLE t (x)")
                raise KeyError("stop")
        except KeyError:
            conn.execute("ROLLBACK")
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 250
    finally:
        store.close()
