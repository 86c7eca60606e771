"""Step 6 (the report's covering index of the orders by time) on a version-5 shop with orders."""

import sqlite3

import sqlite_utils

from sellerdesk.store import report_queries as q
from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import ORDER_INDEXES, _v1, _v2, _v3, _v4, _v5


def _v5_shop(path):
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for step in (_v1, _v2, _v3, _v4, _v5):
        step(db)
    conn.execute("INSERT INTO orders (platform, order_no, status, created_at, paid_fen) "
                 "VALUES ('taobao', '1', 'completed', '2026-11-11 10:00:00', 9900)")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()


def test_v5_shop_gets_the_index_and_the_period_reads_only_it(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v5_shop(path)
    store = open_store(path)
    try:
        conn = store.conn
        assert store.schema_version() >= 6
        assert "orders_period" in ORDER_INDEXES  # a bulk load into an empty shop builds it again
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'orders_period'").fetchone()
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
        # every column the period's scans read is in the index: no lookup of the order's row
        plan = " ".join(r[3] for r in conn.execute(
            f"EXPLAIN QUERY PLAN SELECT substr(o.created_at, 1, 10), o.buyer_id, o.paid_fen, o.status, o.refund_state, "
            f"o.refund_fen, o.province, o.item_count, o.platform, o.order_no, o.title FROM orders o "
            f"WHERE {q._PERIOD} AND {q.countable()}", {"start": "2026-11-01", "end_next": "2026-11-12"}))
        assert "COVERING INDEX orders_period" in plan
    finally:
        store.close()
