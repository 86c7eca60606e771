"""Step 8 (orders_created dropped: orders_period, whose first column is created_at, serves its
queries) on a version-7 shop with orders; the app's created_at range queries still search an index."""

import re
import sqlite3
from datetime import date

import sqlite_utils

from sellerdesk.store import promo_targets, report_queries, returns
from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import ORDER_INDEXES, _v1, _v2, _v3, _v4, _v5, _v6, _v7


def _v7_shop(path):
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for step in (_v1, _v2, _v3, _v4, _v5, _v6, _v7):
        step(db)
    conn.execute("INSERT INTO buyers (id, platform, buyer_key, account) VALUES (1, 'taobao', 'tb_a', 'tb_a')")
    conn.executemany("INSERT INTO orders (platform, order_no, buyer_id, status, created_at, paid_fen, title) "
                     "VALUES ('taobao', ?, 1, 'completed', ?, 9900, '茶')",
                     [("1", "2026-10-01 09:00:00"), ("2", "2026-11-11 10:00:00")])
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


def _index_names(conn):
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _full_scans_of_orders(conn, sql, params):
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    return [p for p in plan if re.fullmatch(r"SCAN (o|orders)", p)]


def test_v7_shop_loses_orders_created_and_keeps_the_rest(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v7_shop(path)
    with sqlite3.connect(path) as before:
        assert "orders_created" in _index_names(before)
    store = open_store(path)
    try:
        conn = store.conn
        assert store.schema_version() >= 8
        names = _index_names(conn)
        assert "orders_created" not in names
        assert "orders_created" not in ORDER_INDEXES  # a bulk load does not build it again
        assert {"orders_period", "orders_buyer"} <= names
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 2
    finally:
        store.close()


def test_created_at_ranges_still_search_an_index(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v7_shop(path)
    store = open_store(path)
    try:
        conn = store.conn
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        assert returns.recent_orders(conn, date(2026, 11, 1), date(2026, 11, 30), 5)
        assert promo_targets.order_day_range(conn) == (date(2026, 10, 1), date(2026, 11, 11))
        promo_targets.days_before(conn, date(2026, 11, 11), date(2026, 11, 11), 60, date(2026, 11, 11),
                                  date(2026, 11, 11))
        promo_targets.window_sales(conn, date(2026, 11, 1), date(2026, 11, 30))
        conn.set_trace_callback(None)
        reads = [s for s in statements if "orders" in s and "created_at" in s]
        assert len(reads) >= 4
        for sql in reads:
            assert _full_scans_of_orders(conn, sql, ()) == [], sql
        period = (f"SELECT o.order_no, o.paid_fen FROM orders o WHERE {report_queries._PERIOD} "
                  f"AND {report_queries.countable()}")
        args = {"start": "2026-11-01", "end_next": "2026-12-01"}
        assert _full_scans_of_orders(conn, period, args) == []
        plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + period, args))
        assert "orders_period" in plan
    finally:
        store.close()
