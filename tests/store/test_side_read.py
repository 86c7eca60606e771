"""store.side_read: work on a second connection, used only when it saw the caller's snapshot."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from sellerdesk.services.shop import ShopFile
from sellerdesk.store.db import DatabaseError
from sellerdesk.store.imports_log import start_import
from sellerdesk.store.side_read import SideRead


@pytest.fixture
def shop(tmp_path):
    shop = ShopFile(tmp_path / "shop.sqlite")
    shop.ensure()
    return shop


def _log_import(shop: ShopFile, name: str) -> None:
    store = shop.open()
    try:
        with store.transaction() as conn:
            start_import(conn, file_name=name, path=name, fingerprint="x", platform="taobao", layout="orders",
                         encoding="utf-8", imported_at="2025-11-12 09:00:00")
    finally:
        store.close()


def _imports(conn: sqlite3.Connection) -> tuple[int, str]:
    """(imports seen, the thread that read them)."""
    return conn.execute("SELECT count(*) FROM imports").fetchone()[0], threading.current_thread().name


def test_the_side_connection_reads_in_its_own_thread(shop):
    _log_import(shop, "a.csv")
    store = shop.open()
    try:
        with SideRead(shop.open, _imports) as side:
            store.conn.execute("BEGIN")
            assert side.result(store.conn) == (1, "side-read")
            store.conn.execute("ROLLBACK")
    finally:
        store.close()


def test_an_import_between_the_two_snapshots_makes_the_caller_read_it_itself(shop):
    """The side read the shop before the import; the caller's snapshot has it: the side's answer
    would mix two states of the shop, so the work runs again on the caller's connection."""
    _log_import(shop, "a.csv")
    done = threading.Event()

    def work(conn):
        answer = _imports(conn)
        done.set()
        return answer

    store = shop.open()
    try:
        with SideRead(shop.open, work) as side:
            assert done.wait(10)
            _log_import(shop, "b.csv")
            store.conn.execute("BEGIN")
            assert side.result(store.conn) == (2, threading.current_thread().name)
            store.conn.execute("ROLLBACK")
    finally:
        store.close()


@pytest.mark.parametrize("error", [sqlite3.OperationalError("database is locked"),
                                   DatabaseError("数据库正被占用。", "The database is busy.")])
def test_a_side_that_cannot_open_the_file_leaves_the_work_to_the_caller(shop, error):
    def locked():
        raise error

    store = shop.open()
    try:
        with SideRead(locked, _imports) as side:
            assert side.result(store.conn) == (0, threading.current_thread().name)
    finally:
        store.close()


def test_a_bug_in_the_work_is_raised_not_run_again(shop):
    calls = []

    def broken(conn):
        calls.append(threading.current_thread().name)
        raise ValueError("a bug")

    store = shop.open()
    try:
        with SideRead(shop.open, broken) as side:
            with pytest.raises(ValueError, match="a bug"):
                side.result(store.conn)
    finally:
        store.close()
    assert calls == ["side-read"]


def test_close_interrupts_a_long_side_read(shop):
    started = threading.Event()

    def endless(conn):
        started.set()
        return conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                            "SELECT count(*) FROM n").fetchone()

    side = SideRead(shop.open, endless)
    assert started.wait(10)
    t = time.perf_counter()
    side.close()
    assert time.perf_counter() - t < 5
    assert isinstance(side._error, sqlite3.OperationalError)  # interrupted, reported to no one
