"""Step 9 (orders_order_no dropped) on a version-8 shop: an order number typed without its
platform is still found on every platform through the (platform, order_no) key, never a scan."""

import sqlite3

import sqlite_utils

from sellerdesk.store import returns
from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import ORDER_INDEXES, _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8

NUMBER = "3141592653"


def _v8_shop(path):
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for step in (_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8):
        step(db)
    conn.execute("INSERT INTO buyers (id, platform, buyer_key, account) VALUES (1, 'taobao', 'tb_a', 'tb_a')")
    conn.executemany("INSERT INTO orders (platform, order_no, buyer_id, created_at) VALUES (?, ?, 1, ?)", [
        ("taobao", NUMBER, "2026-11-11 10:00:00"), ("jd", NUMBER, "2026-11-12 10:00:00"),
        ("pdd", "2718281828", "2026-11-13 10:00:00"), ("我的渠道", NUMBER, "2026-11-10 10:00:00"),
    ])
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()


def _index_names(conn):
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_v8_shop_loses_orders_order_no_and_finds_a_number_on_every_platform(tmp_path):
    path = tmp_path / "shop.sqlite"
    _v8_shop(path)
    with sqlite3.connect(path) as before:
        assert "orders_order_no" in _index_names(before)
    store = open_store(path)
    try:
        conn = store.conn
        assert store.schema_version() >= 9
        assert "orders_order_no" not in _index_names(conn) and "orders_order_no" not in ORDER_INDEXES
        hits = returns.orders_by_number(conn, NUMBER)
        assert [(h.platform, h.order_no) for h in hits] == [("jd", NUMBER), ("taobao", NUMBER), ("我的渠道", NUMBER)]
        assert [h.platform for h in returns.orders_by_number(conn, NUMBER, 1)] == ["jd"]  # newest first
        assert returns.orders_by_number(conn, "404") == []
    finally:
        store.close()


def test_the_number_lookup_searches_the_key_and_never_scans_the_orders(tmp_path):
    store = open_store(tmp_path / "shop.sqlite")
    try:
        conn = store.conn
        assert returns.orders_by_number(conn, NUMBER) == []  # no orders, no platforms
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + returns._BY_NUMBER, (NUMBER, 20))]
        assert "SEARCH orders USING INDEX sqlite_autoindex_orders_1 (platform=? AND order_no=?)" in plan
        assert not [p for p in plan if p.startswith("SCAN orders")]
    finally:
        store.close()
