"""Step 2 (customer groups) on a version-1 shop that already has orders."""

import sqlite3

import sqlite_utils

from sellerdesk.store.db import open_store
from sellerdesk.store.migrations import _v1


def test_v1_shop_gets_buyer_stats_and_a_backup(tmp_path):
    path = tmp_path / "shop.sqlite"
    conn = sqlite3.connect(path)
    _v1(sqlite_utils.Database(conn))
    conn.execute("INSERT INTO buyers (id, platform, buyer_key, account) VALUES (1, 'taobao', 'tb_a', 'tb_a')")
    conn.executemany(
        "INSERT INTO orders (platform, order_no, buyer_id, status, created_at, paid_fen, title) "
        "VALUES ('taobao', ?, 1, ?, ?, ?, ?)",
        [("1", "completed", "2025-11-11 20:00:00", 12000, "羊毛围巾"),
         ("2", "closed", "2025-11-12 09:00:00", 5000, "手套"),
         ("3", "shipped", "2025-10-01 08:00:00", 8000, "帽子")])
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    store = open_store(path)
    row = store.conn.execute("SELECT orders, countable_orders, paid_fen, aov_fen, first_order_day, "
                             "last_order_day, last_item FROM buyer_stats WHERE buyer_id = 1").fetchone()
    assert row == (3, 2, 20000, 10000, "2025-10-01", "2025-11-11", "羊毛围巾")
    store.close()
    assert list(tmp_path.glob("shop.v1-backup-*.sqlite"))
