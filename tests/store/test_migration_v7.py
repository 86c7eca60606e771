"""Step 7 (the report's kept days) on a version-6 shop with orders: the tables come empty, and a
refresh of buyer_stats (what every import that changed the orders runs) empties them again."""

import sqlite3

import sqlite_utils

from sellerdesk.store.buyer_stats import refresh_buyer_stats
from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import _v1, _v2, _v3, _v4, _v5, _v6


def _v6_shop(path):
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for step in (_v1, _v2, _v3, _v4, _v5, _v6):
        step(db)
    conn.execute("INSERT INTO orders (platform, order_no, status, created_at, paid_fen, title) "
                 "VALUES ('taobao', '1', 'completed', '2026-11-11 10:00:00', 9900, '茶')")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()


def test_v6_shop_gets_empty_kept_days_that_a_refresh_empties(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v6_shop(path)
    store = open_store(path)
    try:
        conn = store.conn
        assert store.schema_version() >= 7
        for table in ("report_days", "report_item_days", "report_pair_days"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
        with store.transaction() as c:
            c.execute("INSERT INTO report_days VALUES ('2026-11-11', 9900, 1, 0, 1, 0, 0)")
            c.execute("INSERT INTO report_item_days VALUES ('2026-11-11', '茶', 1, 9900, 1)")
            c.execute("INSERT INTO report_pair_days VALUES ('2026-11-11', '杯', '茶', 1)")
        with store.transaction() as c:
            refresh_buyer_stats(c)
        for table in ("report_days", "report_item_days", "report_pair_days"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    finally:
        store.close()
